// The API from a page on another origin, in Chromium: an anonymous check and its event stream work, a
// bearer key works (after the preflight), and nothing authenticated by the session cookie can be read.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signUpInBrowser, test } from "./fixtures";

let site: Server;
let siteUrl: string;

test.beforeAll(async () => {
  // Another origin: 127.0.0.2 instead of the app's 127.0.0.1.
  site = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>elsewhere</title><h1>Another site</h1>"));
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.2", resolve));
  siteUrl = `http://127.0.0.2:${(site.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test("a page on another origin checks a port, follows its events, and uses a key, but cannot read cookie-authenticated answers", async ({ page, openListener, baseURL }) => {
  // Sign up in this browser, so that it holds a session cookie for the app, and make a key.
  await signUpInBrowser(page, "Cors");
  const key = await page.evaluate(async () => {
    const response = await fetch("/api/v1/api-keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "cors", scope: "read" }) });
    return ((await response.json()) as { key: string }).key;
  });

  await page.goto(siteUrl);
  const outcome = await page.evaluate(
    async ({ api, port, key }) => {
      const created = await fetch(`${api}/api/v1/checks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ host: "127.0.0.2", ports: [port] }) });
      const check = (await created.json()) as { id: string };
      const events = await new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const source = new EventSource(`${api}/api/v1/checks/${check.id}/events`);
        source.addEventListener("result", (event) => seen.push(`result:${JSON.parse((event as MessageEvent).data).state}`));
        source.addEventListener("done", () => {
          seen.push("done");
          source.close();
          resolve(seen);
        });
        setTimeout(() => resolve([...seen, "timeout"]), 20_000);
      });
      const withKey = await fetch(`${api}/api/v1/monitors`, { headers: { authorization: `Bearer ${key}` } });
      let cookieRead = "readable";
      try {
        await fetch(`${api}/api/v1/monitors`, { credentials: "include" });
      } catch {
        cookieRead = "blocked";
      }
      return { created: created.status, events, withKey: withKey.status, remaining: withKey.headers.get("ratelimit-remaining"), cookieRead };
    },
    { api: baseURL!, port: openListener.port, key },
  );
  expect(outcome).toMatchObject({ created: 202, events: ["result:open", "done"], withKey: 200, cookieRead: "blocked" });
  expect(Number(outcome.remaining)).toBeGreaterThan(0);
});

test("the API reference is rendered from the OpenAPI document, with examples", async ({ page, request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  await page.goto("/docs/api");
  for (const path of Object.keys(document.paths).filter((item) => item !== "/api/v1/openapi.json")) {
    await expect(page.getByText(path, { exact: true }).first()).toBeVisible();
  }
  const createCheck = page.locator('[id="createCheck"]');
  await createCheck.getByText("Examples: curl, JavaScript, Python").click();
  await expect(createCheck.getByLabel("curl")).toContainText("-X POST");
  await expect(createCheck.getByLabel("Python")).toContainText("requests.post");
  await expect(page.locator('[id="webhooks"]')).toContainText("timingSafeEqual");
});
