// When PostgreSQL or Redis is down the API says so (503 service_unavailable) and never hangs.
import "./helpers/services-down";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getCheckRoute } from "../app/api/v1/checks/[id]/route";
import { POST as postCheck } from "../app/api/v1/checks/route";
import { GET as getReady } from "../app/api/ready/route";
import { webContext } from "../lib/web-context";
import { params, problem, request } from "./helpers/api";

/** Fails the test instead of waiting for the test timeout if the handler hangs. */
function answersWithin<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

afterAll(() => {
  webContext().redis.disconnect();
});

describe("with PostgreSQL and Redis down", () => {
  it("POST /api/v1/checks answers 503 service_unavailable with Retry-After", async () => {
    const response = await answersWithin(postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [22] } }), params({})));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect((await problem(response)).code).toBe("service_unavailable");
  });

  it("still validates input first: a bad request is 400, not 503", async () => {
    const response = await answersWithin(postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [0] } }), params({})));
    expect(response.status).toBe(400);
  });

  it("GET /api/v1/checks/{id} answers 503 service_unavailable", async () => {
    const id = "AAAAAAAAAAAAAAAAAAAAAA";
    const response = await answersWithin(getCheckRoute(request(`/api/v1/checks/${id}`), params({ id })));
    expect(response.status).toBe(503);
    expect((await problem(response)).code).toBe("service_unavailable");
  });

  it("GET /api/ready answers 503 and names both", async () => {
    const response = await answersWithin(getReady());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", checks: { postgres: "unavailable", redis: "unavailable" } });
  });
});
