// Requests nobody should send, answered with a clear 4xx by the running server, never a 500.
import { TEST_INSTANCE } from "../tests/instance";
import { request as httpRequest } from "node:http";
import { expect, test } from "./fixtures";

/** fetch refuses TRACE itself: send it with node:http. */
function rawStatus(baseURL: string, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(new URL(path, baseURL), { method }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    call.on("error", reject);
    call.end();
  });
}

test("TRACE, NUL bytes, broken percent-encoding and port pages of non-ports get a 4xx", async ({ request, baseURL }) => {
  expect(await rawStatus(baseURL!, "TRACE", "/")).toBe(405);
  expect((await request.get("/api/v1/monitors/abc%00def")).status()).toBe(400);
  expect((await request.get("/checks/%E0%A4%A")).status()).toBe(400);
  for (const path of ["/ports/abc", "/ports/65536", "/ports/080", "/ports/1e3"]) expect((await request.get(path)).status(), path).toBe(404);
  expect((await request.get("/ports/65535")).status()).toBe(200);
});

test("bodies with NUL characters and empty auth bodies get a 4xx", async ({ request }) => {
  const check = await request.post("/api/v1/checks", { data: '{"host": "127.0.0.2\\u0000", "ports": [22]}', headers: { "content-type": "application/json" } });
  expect(check.status()).toBe(400);
  expect(check.headers()["content-type"]).toBe("application/problem+json");
  for (const path of ["/api/auth/sign-in/email", "/api/auth/sign-up/email", "/api/auth/request-password-reset"]) {
    const response = await request.post(path, { headers: { "content-type": "application/json", origin: `http://127.0.0.1:${TEST_INSTANCE.e2ePort}` } });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
});
