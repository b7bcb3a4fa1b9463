// The JSON API over real HTTP, through server.ts: no browser needed.
import { expect, test } from "./fixtures";

test("an API client starts a check and polls it to the end", async ({ request, openListener }) => {
  const created = await request.post("/api/v1/checks", { data: { host: "127.0.0.2", ports: [openListener.port] } });
  expect(created.status()).toBe(202);
  const { id, links } = await created.json();
  expect(created.headers().location).toBe(links.self);
  let body: { status: string; results: { state: string }[] } = { status: "queued", results: [] };
  for (let i = 0; i < 100 && !["done", "failed"].includes(body.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    body = await (await request.get(`/api/v1/checks/${id}`)).json();
  }
  expect(body.status).toBe("done");
  expect(body.results[0]?.state).toBe("open");
});

test("the caller's IP comes from the socket; a forged X-Forwarded-For changes nothing", async ({ request }) => {
  const response = await request.get("/api/v1/ip", { headers: { "x-forwarded-for": "8.8.8.8", "x-portcheck-peer": "9.9.9.9" } });
  expect(await response.json()).toEqual({ ip: "127.0.0.1", version: 4 });
});

test("errors are problem+json", async ({ request }) => {
  const response = await request.post("/api/v1/checks", { data: { host: "127.0.0.1", ports: [22] } });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(await response.json()).toMatchObject({ code: "target_forbidden", status: 422 });
});

test("security headers are set", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
});

test("every problem type URI points at an anchor of the API reference", async ({ page }) => {
  const { PROBLEM_CODES } = await import("../lib/http/problem");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
  for (const code of PROBLEM_CODES) await expect(page.locator(`[id="${code}"]`)).toContainText(code);
});
