// A person plans a maintenance window in the dashboard; the monitor goes down during it: results are kept
// (and shown as maintenance), no alert reaches the local webhook receiver, and the monitor page and the public
// status page say maintenance. Deleting the window lets the outage alert as usual. Screenshots at 1280 and
// 390 px, light and dark.
import type { Page, TestInfo } from "@playwright/test";
import { openPort } from "../tests/helpers/listeners";
import { startWebhookReceiver } from "../tests/helpers/webhook-receiver";
import { addMonitorInBrowser, expect, signUpInBrowser, test } from "./fixtures";

async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`${name}-${width}-${scheme}`, { path, contentType: "image/png" });
      // Nothing wider than the screen at phone width.
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("a maintenance window silences an alert", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver();
  const listener = await openPort();
  try {
    await signUpInBrowser(page, "Maintenance owner");
    await page.goto("/monitors/new");
    await page.getByLabel("Webhook URL (optional)").fill(receiver.url);
    await addMonitorInBrowser(page, "Database", listener.port);
    // A webhook's signing secret is shown once, before the monitor opens.
    await page.getByRole("button", { name: /open the monitor/ }).click();
    await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });
    const monitorUrl = page.url();

    const slug = `maint-${Date.now().toString(36)}`;
    await page.getByRole("link", { name: "Status pages", exact: true }).click();
    await page.getByLabel("Title").fill("Acme status");
    await page.getByLabel("Address").fill(slug);
    await page.getByLabel("Database").check();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("status-page-row")).toContainText(`/status/${slug}`);

    await page.getByRole("link", { name: "Maintenance", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Maintenance", level: 1 })).toBeVisible();
    // The time zone is the browser's; wall-clock times are read in it.
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(page.getByLabel("Time zone")).toHaveValue(zone);
    const wall = (offsetMinutes: number) =>
      page.evaluate((offset) => {
        const date = new Date(Date.now() + offset * 60_000);
        const pad = (value: number) => String(value).padStart(2, "0");
        return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
      }, offsetMinutes);

    const form = page.getByTestId("maintenance-form");
    await form.getByLabel("Title").fill("Database upgrade");
    await form.getByLabel("Starts").fill(await wall(-5));
    await form.getByLabel("Ends").fill(await wall(-10));
    await form.getByLabel("Database", { exact: true }).check();
    await form.getByRole("button", { name: "Plan window" }).click();
    await expect(form.getByTestId("error-endsAt")).toHaveText("The end must be after the start.");
    await form.getByLabel("Ends").fill(await wall(120));
    await form.getByRole("button", { name: "Plan window" }).click();
    await expect(page.getByTestId("maintenance-row")).toContainText("Database upgrade");
    await expect(page.getByTestId("maintenance-on")).toContainText("On now, until");
    await expect(page.getByTestId("maintenance-row")).toContainText("Covers: Database");

    // The port goes down during the window.
    await listener.close();
    await page.goto(monitorUrl);
    await expect(page.getByTestId("maintenance-note")).toContainText("In maintenance until");
    // At least three down results recorded during the window.
    await expect.poll(() => page.getByTestId("heartbeat-bar").locator('[data-maintenance="true"][data-observation="down"]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    // One confirmation would have made it down and alerted by now; in maintenance it holds.
    await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up");
    await expect(page.getByTestId("incident").filter({ hasText: /down/i })).toHaveCount(0);
    await expect(page.getByTestId("delivery")).toHaveCount(0);
    expect(receiver.hooks).toHaveLength(0);
    await screenshots(page, testInfo, "monitor-in-maintenance");

    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    await reader.goto(`/status/${slug}`);
    await expect(reader.getByTestId("overall")).toHaveAttribute("data-overall", "maintenance");
    await expect(reader.getByTestId("monitor-maintenance")).toContainText("maintenance until");
    await expect(reader.getByTestId("status-monitor")).not.toContainText("Database upgrade");
    await screenshots(reader, testInfo, "status-page-maintenance");
    await visitor.close();

    await page.getByRole("link", { name: "Maintenance", exact: true }).click();
    // Editing: a cron expression that cannot be, in plain words, and nothing changes.
    await page.getByTestId("maintenance-row").getByRole("button", { name: "Edit" }).click();
    await form.getByLabel("Cron").check();
    await form.getByLabel("Cron expression").fill("61 * * * *");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByTestId("error-expression")).toContainText("This cron expression is not valid or never matches");
    await form.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("maintenance-row")).toContainText("Once,");
    await screenshots(page, testInfo, "maintenance-page");

    // The window goes away while the port is still down: the next check opens the incident and alerts.
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByTestId("maintenance-row").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("No maintenance windows yet.")).toBeVisible();
    await expect.poll(() => receiver.hooks.map((hook) => JSON.parse(hook.body).event), { timeout: 30_000 }).toEqual(["monitor.down"]);
    await page.goto(monitorUrl);
    await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "down");
    await expect(page.getByTestId("maintenance-note")).toHaveCount(0);
  } finally {
    await receiver.close();
    await listener.close().catch(() => {});
  }
});
