// A person publishes a status page of one monitor, and a visitor with no account reads it and its feed.
// Screenshots at 1280 and 390 px, light and dark.
import { addMonitorInBrowser, expect, signUpInBrowser, test } from "./fixtures";

test("publish a status page, then read it signed out, with its feed", async ({ page, browser, openListener }, testInfo) => {
  await signUpInBrowser(page, "Status owner");

  await page.goto("/monitors/new");
  await addMonitorInBrowser(page, "Game server", openListener.port);
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });

  const slug = `e2e-${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Status pages", exact: true }).click();
  await page.getByLabel("Title").fill("Our game servers");
  await page.getByLabel("Address").fill("Not A Slug");
  await page.getByLabel("Game server").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert").first()).toContainText("lower-case letters");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("status-page-row")).toContainText(`/status/${slug}`);

  // A visitor with no account.
  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  await reader.goto(`/status/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Our game servers");
  await expect(reader.getByTestId("overall")).toHaveAttribute("data-overall", "operational");
  await expect(reader.getByTestId("status-monitor")).toContainText("Game server");
  await expect(reader.getByTestId("status-monitor")).not.toContainText("127.0.0.2");
  await expect(reader.getByTestId("uptime-days").locator("span")).toHaveCount(90);
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await reader.setViewportSize({ width, height });
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.screenshot({ path: testInfo.outputPath(`status-${width}-${scheme}.png`), fullPage: true });
      // Nothing scrolls sideways, on a phone either.
      expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} ${scheme}`).toBeLessThanOrEqual(0);
    }
  }
  const feed = await reader.request.get(`/status/${slug}/feed.xml`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<title>Our game servers: incidents</title>");
  expect((await reader.request.get("/status/no-such-page-here")).status()).toBe(404);
  await visitor.close();
});
