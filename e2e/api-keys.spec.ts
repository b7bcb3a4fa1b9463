// A developer creates an API key under Settings, sees it once, scripts the API with it from another
// origin's point of view (no cookie, no Origin), and revokes it.
import { expect, signUpInBrowser, test } from "./fixtures";

test("create an API key in Settings, use it with curl-like requests, revoke it", async ({ page, request, baseURL }) => {
  await signUpInBrowser(page, "Keys");

  await page.goto("/settings");
  await page.getByLabel("Name").fill("CI job");
  await page.getByLabel("Scope").selectOption("write");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^pck_/);
  await expect(page.getByTestId("api-keys")).toContainText("CI job");
  await expect(page.getByTestId("api-keys")).toContainText(key.slice(0, 12));
  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByTestId("api-keys")).toContainText(key.slice(0, 12));
  await expect(page.getByText(key)).toHaveCount(0);

  // A script: no cookie, no Origin header, just the key.
  const headers = { authorization: `Bearer ${key}` };
  const created = await request.post(`${baseURL}/api/v1/monitors`, { headers, data: { name: "From CI", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false } });
  expect(created.status()).toBe(201);
  expect(created.headers()["ratelimit-remaining"]).toBeTruthy();
  const listed = await request.get(`${baseURL}/api/v1/monitors`, { headers });
  expect((await listed.json()).monitors.map((monitor: { name: string }) => monitor.name)).toEqual(["From CI"]);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  const revoked = await request.get(`${baseURL}/api/v1/monitors`, { headers });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).code).toBe("invalid_api_key");
});
