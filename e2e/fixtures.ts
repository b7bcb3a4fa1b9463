// Test fixtures: real listeners on 127.0.0.2 standing in for a host on the internet.
import { expect, type Page, test as base } from "@playwright/test";
import { closedPort, type OpenPort, openPort } from "../tests/helpers/listeners";
import { linkMailedTo, mailbox } from "./mailbox";

export const test = base.extend<{ openListener: OpenPort; closedPortNumber: number }>({
  openListener: async ({}, use) => {
    const listener = await openPort("127.0.0.2");
    await use(listener);
    await listener.close();
  },
  closedPortNumber: async ({}, use) => {
    await use(await closedPort("127.0.0.2"));
  },
});

export { expect } from "@playwright/test";

export const E2E_PASSWORD = "a long enough passphrase";

/**
 * Signs a new account up through the form, opens the confirmation link mailed to it (which signs in)
 * and waits for the dashboard. Returns its e-mail address.
 */
export async function signUpInBrowser(page: Page, name: string): Promise<string> {
  await mailbox();
  const email = `e2e-${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel(/^Password/).fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await page.goto(await linkMailedTo(email, /^Confirm your e-mail address/));
  await expect(page.getByRole("heading", { name: "Your monitors" })).toBeVisible();
  return email;
}

/** Fills the open "Add monitor" form for a one-second monitor of a port on 127.0.0.2 (no e-mail) and submits it. */
export async function addMonitorInBrowser(page: Page, name: string, port: number): Promise<void> {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Host").fill("127.0.0.2");
  await page.getByLabel("Port", { exact: true }).fill(String(port));
  await page.getByLabel("Check every (seconds)").fill("1");
  await page.getByLabel("Confirmations").fill("1");
  await page.getByLabel(/E-mail me/).uncheck();
  await page.getByRole("button", { name: "Add monitor" }).click();
}
