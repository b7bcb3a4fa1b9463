// The operators' queue view: /admin/queues shows the queues (bull-board, read-only) to a confirmed account
// listed in ADMIN_EMAILS, and answers 404 to everyone else, signed in or not.
import pg from "pg";
import { TEST_INSTANCE } from "../tests/instance";
import { expect, signUpInBrowser, test } from "./fixtures";

async function confirm(email: string): Promise<void> {
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${TEST_INSTANCE.e2eDatabase}` });
  await client.connect();
  try {
    await client.query("UPDATE users SET email_verified = true WHERE email = $1", [email]);
  } finally {
    await client.end();
  }
}

test("only a confirmed admin sees the queue view", async ({ page, browser }, testInfo) => {
  // Signed out: nothing there.
  const visitor = await browser.newContext();
  expect((await visitor.request.get("/admin/queues")).status()).toBe(404);
  await visitor.close();

  // Another account: nothing there either.
  await signUpInBrowser(page, "Not an admin");
  expect((await page.request.get("/admin/queues")).status()).toBe(404);
  await page.context().clearCookies();

  // The admin's address, not yet confirmed: still nothing (anyone could sign up with it).
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto("/sign-up");
  await adminPage.getByLabel("Name").fill("Admin");
  await adminPage.getByLabel("E-mail").fill("e2e-admin@example.com");
  await adminPage.getByLabel(/^Password/).fill("a long enough passphrase");
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByRole("heading", { name: "Your monitors" })).toBeVisible();
  expect((await adminPage.request.get("/admin/queues")).status()).toBe(404);

  await confirm("e2e-admin@example.com");
  const response = await adminPage.goto("/admin/queues");
  expect(response?.status()).toBe(200);
  await expect(adminPage).toHaveTitle(/Portcheck queues/);
  await expect(adminPage.getByText("monitors", { exact: true }).first()).toBeVisible();
  await adminPage.screenshot({ path: testInfo.outputPath("admin-queues-1280.png"), fullPage: true });
  await admin.close();
});
