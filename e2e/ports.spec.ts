// Port knowledge: the searchable index, a port page, and the link from a result row.
import { expect, test } from "./fixtures";

test("the port index finds a service by name and leads to its page", async ({ page }) => {
  await page.goto("/ports");
  await expect(page.getByRole("heading", { name: "The three ranges" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Port number or service name" }).fill("ssh");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/ports\?q=ssh$/);
  const results = page.getByTestId("port-search-results");
  await expect(results.getByRole("link", { name: "22", exact: true })).toBeVisible();
  await results.getByRole("link", { name: "22", exact: true }).click();
  await expect(page).toHaveURL(/\/ports\/22$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Port 22");
  await expect(page.getByRole("table")).toContainText("The Secure Shell (SSH) Protocol");
  await expect(page).toHaveTitle(/Port 22: ssh/);
});

test("a trojan port's page says it is a hint, not proof, and cites a source", async ({ page }) => {
  await page.goto("/ports/31337");
  await expect(page.locator('[data-note-kind="trojan"]')).toContainText("Back Orifice");
  await expect(page.locator('[data-note-kind="trojan"]')).toContainText("Source:");
  await expect(page.getByText("A port number alone proves nothing")).toBeVisible();
  await page.getByRole("link", { name: "Check if port 31337 is open" }).click();
  await expect(page).toHaveURL(/\/\?ports=31337$/);
  await expect(page.getByLabel("Ports", { exact: true })).toHaveValue("31337");
});

test("ports outside 0-65535 are not found; unlisted ports render on demand", async ({ page }) => {
  expect((await page.goto("/ports/65536"))?.status()).toBe(404);
  expect((await page.goto("/ports/abc"))?.status()).toBe(404);
  const response = await page.goto("/ports/40000");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Port 40000");
  await expect(page.getByText("Registered port", { exact: false }).first()).toBeVisible();
});

test("each result row links to its port's page", async ({ page, openListener }) => {
  await page.goto("/");
  await page.getByRole("switch", { name: "Use my IP" }).uncheck();
  await page.getByLabel("Host").fill("127.0.0.2");
  await page.getByLabel("Ports").fill(String(openListener.port));
  await page.getByRole("button", { name: "Check ports" }).click();
  await expect(page.getByTestId(`result-${openListener.port}`)).toHaveAttribute("data-state", "open");
  await page.getByTestId(`result-${openListener.port}`).getByRole("link", { name: String(openListener.port) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Port ${openListener.port}`);
});

test("the guides render with their titles", async ({ page }) => {
  for (const [path, title] of [
    ["/guides/what-is-a-port", "What is a port?"],
    ["/guides/open-a-port", "How do I open (forward) a port?"],
    ["/guides/close-a-port", "How do I close a port?"],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
    await expect(page).toHaveTitle(new RegExp(title!.replace(/[()?]/g, "\\$&")));
  }
  await page.goto("/guides/close-a-port");
  await expect(page.getByText("sudo ufw deny 3389/tcp")).toBeVisible();
  // SSH is allowed before the default deny and the enable, so a remote reader keeps their session.
  const commands = (await page.getByText("sudo ufw deny 3389/tcp").textContent())!;
  expect(commands.indexOf("ufw allow OpenSSH")).toBeGreaterThanOrEqual(0);
  expect(commands.indexOf("ufw allow OpenSSH")).toBeLessThan(commands.indexOf("ufw default deny incoming"));
  expect(commands.indexOf("ufw default deny incoming")).toBeLessThan(commands.indexOf("ufw enable"));
});
