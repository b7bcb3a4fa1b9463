// A person signs up, adds a monitor, sees it go up, pauses it and deletes it.
import { openPort } from "../tests/helpers/listeners";
import { addMonitorInBrowser, expect, signUpInBrowser, test } from "./fixtures";
import { linkMailedTo, mailbox } from "./mailbox";

test("sign up, add a monitor, see it go up, pause it, delete it", async ({ page, openListener }, testInfo) => {
  const email = `e2e-${Date.now()}@example.com`;
  await mailbox();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("E2E");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel(/^Password/).fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  // The link mailed to the address confirms it and signs in.
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await page.goto(await linkMailedTo(email, /^Confirm your e-mail address/));
  await expect(page.getByRole("heading", { name: "Your monitors" })).toBeVisible();
  await expect(page.getByTestId("notice")).toContainText("Your e-mail address is confirmed");
  await expect(page.getByTestId("header-account")).toContainText(email);

  await page.getByRole("link", { name: "Add monitor" }).first().click();
  await addMonitorInBrowser(page, "Loopback service", openListener.port);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loopback service");
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });
  await expect(page.getByTestId("result-row").first()).toContainText("Open");

  // At a glance: the state as a banner, the heartbeat bar, uptime since it started (not a fake 30 days).
  await expect(page.getByTestId("state-banner")).toHaveAttribute("data-state", "up");
  await expect(page.getByTestId("state-banner")).toContainText(/Up since/);
  await expect(page.locator('[data-testid="heartbeat-bar"] [data-observation="up"]').first()).toBeVisible();
  await expect(page.getByTestId("uptime")).toContainText(/since .*ago|since now|since just now/);
  await expect(page.getByTestId("uptime")).not.toContainText("30 d");
  const csvHref = await page.getByRole("link", { name: /Download the last .* results as CSV/ }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = await csv.text();
  expect(csvText.split("\n")[0]).toBe("checkedAt,scheduledAt,region,outcome,state,reason,latencyMs,family,address,errorCode,maintenance");
  expect(csvText).toContain(",local,up,open,syn-ack,");
  // The badge embeds as an image anyone can load, signed out too.
  const badgeSrc = await page.getByTestId("badges").getByRole("img", { name: "status badge" }).getAttribute("src");
  const badge = await page.request.get(badgeSrc!, { headers: { cookie: "" } });
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toContain("status: up");
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath(`monitor-${width}-${scheme}.png`), fullPage: true });
      // The header and the results table fit a phone's width: nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
  }
  await page.goto("/dashboard");
  await expect(page.getByTestId("monitor-row").getByTestId("heartbeat-bar")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("dashboard-390-dark.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: testInfo.outputPath("dashboard-1280-light.png"), fullPage: true });
  await page.getByTestId("monitor-row").getByRole("link").first().click();

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "paused");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("No monitors yet.")).toBeVisible();
});

test("the dashboard tells a screen reader when a monitor goes down and when it comes back", async ({ page }) => {
  test.setTimeout(90_000);
  let listener = await openPort("127.0.0.2");
  try {
    await signUpInBrowser(page, "Announcer");
    await page.getByRole("link", { name: "Add monitor" }).first().click();
    await addMonitorInBrowser(page, "Game server", listener.port);
    await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });
    await page.goto("/dashboard");
    const announcer = page.getByTestId("state-announcer");
    await expect(announcer).toHaveAttribute("aria-live", "polite");
    // Nothing has changed since the page opened: nothing is said.
    await expect(announcer).toHaveText("");
    // The service stops: the page refreshes itself (every 10 s) and says so, without a reload.
    await listener.close();
    await expect(announcer).toHaveText("Game server is now Down.", { timeout: 30_000 });
    listener = await openPort("127.0.0.2", listener.port);
    await expect(announcer).toHaveText("Game server is now Up.", { timeout: 30_000 });
  } finally {
    await listener.close();
  }
});

test("a bad monitor is refused with a clear message", async ({ page }) => {
  await signUpInBrowser(page, "E2E");
  await page.goto("/monitors/new");
  await page.getByLabel("Name").fill("Private");
  await page.getByLabel("Host").fill("192.168.1.1");
  await page.getByLabel("Port", { exact: true }).fill("22");
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("private network");
});

test("import monitors from a CSV file on the dashboard: a bad row imports nothing, a good file imports all", async ({ page }) => {
  await signUpInBrowser(page, "Importer");

  await page.getByText("Import and export").click();
  const bad = "name,host,port,intervalSeconds,expect\nWeb,127.0.0.2,443,300,open\nBroken,127.0.0.2,70000,300,open\n";
  await page.getByLabel("Import a file…").setInputFiles({ name: "monitors.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await expect(page.getByTestId("import-errors")).toContainText("Row 2, port");
  await expect(page.getByText("No monitors yet.")).toBeVisible();

  const good = "name,host,port,intervalSeconds,expect\nWeb,127.0.0.2,443,300,open\nDatabase,127.0.0.2,5432,300,closed\n";
  await page.getByLabel("Import a file…").setInputFiles({ name: "monitors.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await expect(page.getByText("Imported 2 monitors.")).toBeVisible();
  await expect(page.getByTestId("monitor-row")).toHaveCount(2);
  const exported = await page.evaluate(async () => (await fetch("/api/v1/monitors/export?format=csv")).text());
  expect(exported).toBe(good.replace(/\n/g, "\n"));
});

test("from a check result: check again, then monitor this port with the form prefilled", async ({ page, openListener }, testInfo) => {
  await signUpInBrowser(page, "From a check");

  await page.goto("/");
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Host").fill("127.0.0.2");
  await page.getByLabel("Ports").fill(String(openListener.port));
  await page.getByRole("button", { name: "Check ports" }).click();
  const results = page.getByTestId("check-results");
  await expect(results).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const firstPermalink = await page.getByRole("link", { name: "Permalink to this check" }).getAttribute("href");

  // The same question again, as a new check.
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByRole("link", { name: "Permalink to this check" })).not.toHaveAttribute("href", firstPermalink!);
  await expect(results).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId(`result-${openListener.port}`)).toHaveAttribute("data-state", "open");

  await page.getByTestId(`monitor-${openListener.port}`).click();
  await expect(page).toHaveURL(/\/monitors\/new\?/);
  await expect(page.getByLabel("Host")).toHaveValue("127.0.0.2");
  await expect(page.getByLabel("Port", { exact: true })).toHaveValue(String(openListener.port));
  await page.getByLabel("Check every (seconds)").fill("1");
  await page.getByLabel("Confirmations").fill("1");
  await page.getByLabel(/E-mail me/).uncheck();
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`127.0.0.2 port ${openListener.port}`);
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });

  // Edit in place: a new name and a reminder; the state and the results stay.
  const resultsBefore = await page.getByTestId("result-row").count();
  expect(resultsBefore).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit monitor" })).toBeVisible();
  await expect(page.getByLabel("Port", { exact: true })).toHaveValue(String(openListener.port));
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath(`edit-${width}-${scheme}.png`), fullPage: true });
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByLabel("Name").fill("Renamed service");
  await page.getByLabel("While down, remind me every (minutes)").fill("15");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renamed service");
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up");
  expect(await page.getByTestId("result-row").count()).toBeGreaterThanOrEqual(resultsBefore);
});

test("the latency chart has a time axis, a line, and the outage shaded", async ({ page, openListener }, testInfo) => {
  await signUpInBrowser(page, "Chart reader");
  await page.goto("/monitors/new");
  await addMonitorInBrowser(page, "Charted service", openListener.port);
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "up", { timeout: 30_000 });
  await expect.poll(() => page.getByTestId("result-row").count(), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);
  await openListener.close();
  await expect(page.getByTestId("monitor-state")).toHaveAttribute("data-state", "down", { timeout: 45_000 });
  await page.reload();
  const chart = page.getByTestId("latency-chart");
  // uPlot draws on a canvas sized to the page, with its own time and millisecond axes.
  await expect(chart.locator("canvas")).toBeVisible();
  expect((await chart.locator("canvas").boundingBox())!.width).toBeGreaterThan(200);
  await expect(page.locator("figcaption").filter({ hasText: "measurements" })).toContainText("1 outage shaded");
  await expect(chart).toHaveAttribute("aria-label", /Latency over the last 24 hours\. Average [\d.]+ ms/);
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await chart.scrollIntoViewIfNeeded();
      await page.locator("section", { has: chart }).screenshot({ path: testInfo.outputPath(`latency-${width}-${scheme}.png`) });
    }
  }
});
