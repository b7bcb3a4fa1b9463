// The exposure scan as a visitor uses it: one button on the home page scans their own address for the 100
// ports most often left open by mistake, and the open ones come first, worst first, with what each means.
// The visitor reaches the site through a trusted proxy that says their address is 127.0.0.2.
// Screenshots at 1280 and 390 px, light and dark.
import { openPort, type OpenPort } from "../tests/helpers/listeners";
import { startForwardingProxy, type ForwardingProxy } from "./forwarding-proxy";
import { expect, test } from "./fixtures";

let proxy: ForwardingProxy | undefined;
const listeners: OpenPort[] = [];

test.beforeAll(async ({}, testInfo) => {
  proxy = await startForwardingProxy(String(testInfo.project.use.baseURL), "127.0.0.2");
  // A game server (low risk) and a Docker API (critical) left open on the visitor's address.
  for (const port of [25565, 2375]) listeners.push(await openPort("127.0.0.2", port));
});
test.afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
  await proxy?.close();
});

test("one click scans my own address and lists what is open, worst first", async ({ page }, testInfo) => {
  await page.goto(`${proxy!.url}/`);
  await expect(page.getByTestId("visitor-ip")).toHaveText("127.0.0.2");
  const panel = page.getByTestId("exposure-scan");
  await expect(panel).toContainText("127.0.0.2");
  await panel.getByRole("button", { name: "Scan my address" }).click();

  await expect(page).toHaveURL(/\/checks\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("check-results")).toHaveAttribute("data-status", "done", { timeout: 45_000 });
  await expect(page.getByRole("heading", { name: /Exposure scan of 127\.0\.0\.2/ })).toBeVisible();
  await expect(page.getByTestId("exposure-summary")).toContainText("ports are open on your address");
  await expect(page.getByTestId("exposure-summary")).toContainText("1 critical");
  // The Docker API (critical) comes before the game server (low), whatever their port numbers.
  const open = page.getByTestId("exposure-open").locator(":scope > li");
  await expect(open.first()).toHaveAttribute("data-testid", "result-2375");
  await expect(page.getByTestId("exposure-2375")).toContainText("Docker API");
  await expect(page.getByTestId("result-2375")).toContainText("critical risk");
  const order = await open.evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")));
  expect(order.indexOf("result-2375")).toBeLessThan(order.indexOf("result-25565"));
  // Watching it is one click away, as a monitor that must stay closed.
  await expect(page.getByTestId("monitor-2375")).toHaveText("Watch that it stays closed");
  await expect(page.getByTestId("monitor-2375")).toHaveAttribute("href", /expect=closed/);
  // Everything else is folded away.
  await expect(page.getByText(/The other \d+ ports/)).toBeVisible();

  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: testInfo.outputPath(`exposure-${width}-${scheme}.png`), fullPage: true });
    }
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // A second scan of the same address within five minutes is refused in plain words.
  await page.getByRole("button", { name: "Scan again" }).click();
  await expect(page.getByTestId("check-results").getByRole("alert")).toContainText("One exposure scan of your address every 5 minutes");
});

test("a visitor on the same network as the site is told why there is nothing to scan", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("exposure-scan").getByRole("button", { name: "Scan my address" }).click();
  await expect(page.getByTestId("exposure-scan").getByRole("alert")).toContainText("Your address 127.0.0.1 is not a public internet address");
  await expect(page).toHaveURL(/\/$/);
});
