// A visitor checks ports from the home page, follows the permalink, and gets clear errors.
import { expect, test } from "./fixtures";

test("a visitor checks an open and a closed port and sees both verdicts, then the permalink shows the same", async ({ page, openListener, closedPortNumber }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Can the internet reach this port?");
  await expect(page.getByTestId("visitor-ip")).toHaveText("127.0.0.1");

  // The host is prefilled with the visitor's IP; switch that off to check another host.
  const host = page.getByLabel("Host");
  await expect(host).toHaveValue("127.0.0.1");
  await expect(host).toBeDisabled();
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await host.fill("127.0.0.2");
  await page.getByLabel("Ports").fill(`${openListener.port}, ${closedPortNumber}`);
  await page.getByRole("button", { name: "Check ports" }).click();

  const results = page.getByTestId("check-results");
  await expect(results).toHaveAttribute("data-status", "done");
  const openRow = page.getByTestId(`result-${openListener.port}`);
  const closedRow = page.getByTestId(`result-${closedPortNumber}`);
  await expect(openRow).toHaveAttribute("data-state", "open");
  await expect(openRow).toContainText("Open");
  await expect(openRow).toContainText("reachable from the internet");
  await expect(openRow).toContainText(/\d+(\.\d)? ms/);
  await expect(closedRow).toHaveAttribute("data-state", "closed");
  await expect(closedRow).toContainText("Closed");
  await expect(closedRow).toContainText("nothing listens on this port");
  await expect(results.locator("[aria-live]")).toContainText(`Port ${openListener.port} over IPv4: Open.`);
  await expect(openRow).toContainText("syn-ack");
  await expect(closedRow).toContainText("conn-refused");

  await page.getByRole("link", { name: "Permalink to this check" }).click();
  await expect(page).toHaveURL(/\/checks\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("check-results")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId(`result-${openListener.port}`)).toHaveAttribute("data-state", "open");
  await expect(page.getByTestId(`result-${closedPortNumber}`)).toHaveAttribute("data-state", "closed");
  // Shared, the link says what was found (as a link preview fetches it: the page itself).
  await page.goto(page.url());
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "1 of 2 ports open on 127.0.0.2");
  await expect(page).toHaveTitle(/1 of 2 ports open on 127\.0\.0\.2/);
});

test("quick picks add and remove common ports", async ({ page }) => {
  await page.goto("/");
  const ports = page.getByLabel("Ports");
  await ports.fill("22");
  await page.getByRole("button", { name: /^3389/ }).click();
  await expect(ports).toHaveValue("22, 3389");
  await expect(page.getByRole("button", { name: /^3389/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^22 SSH/ }).click();
  await expect(ports).toHaveValue("3389");
});

test("a bad port list shows a clear error and starts nothing", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Ports").fill("22, 70000");
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("ports go from 1 to 65535");
  await expect(page.getByLabel("Ports")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("check-results")).toHaveCount(0);
});

test("a forbidden target is refused in plain words", async ({ page }) => {
  await page.goto("/");
  // The visitor's own address here is loopback, which Portcheck never checks.
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Portcheck only checks public internet addresses");
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Host").fill("192.168.1.1");
  await page.getByRole("button", { name: "Check ports" }).click();
  // What it is and what to check instead, and the focus on the field to fix.
  await expect(page.locator("form").getByRole("alert")).toContainText("192.168.1.1 is a private (home or office network) address");
  await expect(page.locator("form").getByRole("alert")).toContainText("Your public IP is 127.0.0.1");
  await expect(page.getByLabel("Host")).toBeFocused();
  await page.getByLabel("Host").fill("user:pass@127.0.0.2/x");
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("no scheme, path, port or user name");
});

test("a pasted host:port or URL becomes the host, and its port joins the list", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Ports").fill("22");
  await page.getByLabel("Host").fill("https://127.0.0.2:8443/admin?x=1");
  await page.getByLabel("Ports").focus();
  await expect(page.getByLabel("Host")).toHaveValue("127.0.0.2");
  await expect(page.getByLabel("Ports")).toHaveValue("22, 8443");
  await expect(page.getByTestId("pasted-note")).toContainText("Port 8443");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`pasted-${testInfo.project.name}-${scheme}.png`) });
  }
  await page.getByLabel("Host").fill("[::1]:25565");
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.getByLabel("Ports")).toHaveValue("22, 8443, 25565");
  await expect(page.locator("form").getByRole("alert")).toContainText("::1 is this device's own loopback address");
});

test("the site has a favicon", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("an unknown check id is a 404 page", async ({ page }) => {
  const response = await page.goto("/checks/AAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
