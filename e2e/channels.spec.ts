// A person sets their time zone, sets up notification channels (Slack and ntfy) against receivers this test
// starts on 127.0.0.2, sees a refused address explained, sends each a test and sees it arrive and logged,
// then attaches a channel to a monitor. Screenshots at 1280 and 390 px, light and dark.
import { startWebhookReceiver } from "../tests/helpers/webhook-receiver";
import { addMonitorInBrowser, expect, signUpInBrowser, test } from "./fixtures";

test("add Slack and ntfy channels, test them, attach one to a monitor", async ({ page, openListener }, testInfo) => {
  const slackReceiver = await startWebhookReceiver("127.0.0.2");
  const ntfyReceiver = await startWebhookReceiver("127.0.0.2");
  try {
    await signUpInBrowser(page, "Channel owner");
    // The account's time zone names the times in its alerts.
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Time zone for alerts").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: alerts now show times in Asia/Tokyo.");

    await page.getByRole("link", { name: "Channels", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Channels");

    // A loopback address is refused, in words, at the field.
    const form = page.getByRole("form", { name: "Add a channel" });
    await form.getByLabel("Kind").selectOption("slack");
    await form.getByLabel("Name").fill("Team Slack");
    await form.getByLabel("Webhook URL").fill("http://127.0.0.1:9/services/T0/B0/secret");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByRole("alert").first()).toContainText("Channels only post to public addresses");

    const slackUrl = `${new URL(slackReceiver.url).origin}/services/T0/B0/e2esecretpart`;
    await form.getByLabel("Webhook URL").fill(slackUrl);
    await form.getByRole("button", { name: "Add channel" }).click();
    const slackRow = page.getByTestId("channel-row").filter({ hasText: "Team Slack" });
    await expect(slackRow).toBeVisible();
    // The Slack webhook URL is a secret: shown masked.
    await expect(slackRow).not.toContainText("e2esecretpart");

    await form.getByLabel("Kind").selectOption("ntfy");
    await form.getByLabel("Name").fill("My phone");
    await form.getByLabel("Server URL").fill(new URL(ntfyReceiver.url).origin);
    await form.getByLabel("Topic").fill("portcheck-e2e");
    await form.getByRole("button", { name: "Add channel" }).click();
    const ntfyRow = page.getByTestId("channel-row").filter({ hasText: "My phone" });
    await expect(ntfyRow).toBeVisible();

    await slackRow.getByRole("button", { name: "Send test" }).click();
    await expect(slackRow.getByRole("status")).toHaveText("Delivered (HTTP 204)");
    await expect(slackRow.getByTestId("channel-deliveries")).toContainText("Test message: Delivered (HTTP 204)");
    expect(slackReceiver.hooks).toHaveLength(1);
    expect(slackReceiver.hooks[0]!.path).toBe("/services/T0/B0/e2esecretpart");
    expect(JSON.parse(slackReceiver.hooks[0]!.body).text).toBe("Test alert: Team Slack");
    expect(slackReceiver.hooks[0]!.body).toContain("(Asia/Tokyo)");

    await ntfyRow.getByRole("button", { name: "Send test" }).click();
    await expect(ntfyRow.getByRole("status")).toHaveText("Delivered (HTTP 204)");
    await expect(ntfyRow.getByTestId("channel-deliveries")).toContainText("Test message: Delivered");
    expect(ntfyReceiver.hooks.map((hook) => hook.path)).toEqual(["/portcheck-e2e"]);
    expect(ntfyReceiver.hooks[0]!.headers.title).toBe("Test alert: My phone");

    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        const path = testInfo.outputPath(`channels-${width}-${scheme}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`channels-${width}-${scheme}`, { path, contentType: "image/png" });
        // Nothing scrolls sideways, on a phone either.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} ${scheme}`).toBeLessThanOrEqual(0);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });

    // Attach the Slack channel to a new monitor from the monitor form.
    await page.goto("/monitors/new");
    await page.getByLabel("Team Slack").check();
    await addMonitorInBrowser(page, "Game server", openListener.port);
    await expect(page.getByTestId("monitor-state")).toBeVisible();
    await expect(page.getByTestId("alert-channels")).toContainText("Team Slack (Slack)");
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Team Slack")).toBeChecked();
    await expect(page.getByLabel("My phone")).not.toBeChecked();
    await page.setViewportSize({ width: 390, height: 844 });
    const formPath = testInfo.outputPath("monitor-form-channels-390.png");
    await page.getByRole("group", { name: "Also alert these channels" }).screenshot({ path: formPath });
    await testInfo.attach("monitor-form-channels-390", { path: formPath, contentType: "image/png" });

    await page.goto("/channels");
    await expect(page.getByTestId("channel-row").filter({ hasText: "Team Slack" })).toContainText("Attached to 1 monitor");
  } finally {
    await Promise.all([slackReceiver.close(), ntfyReceiver.close()]);
  }
});
