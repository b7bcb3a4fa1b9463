// The operators' queue view: /admin/queues shows the queues (bull-board, read-only) to a confirmed account
// listed in ADMIN_EMAILS, and answers 404 to everyone else, signed in or not.
import { E2E_PASSWORD, expect, signUpInBrowser, test } from "./fixtures";
import { linkMailedTo, mailbox } from "./mailbox";

test("only a confirmed admin sees the queue view", async ({ page, browser }, testInfo) => {
  // Signed out: nothing there.
  const visitor = await browser.newContext();
  expect((await visitor.request.get("/admin/queues")).status()).toBe(404);
  await visitor.close();

  // Another account: nothing there either.
  await signUpInBrowser(page, "Not an admin");
  expect((await page.request.get("/admin/queues")).status()).toBe(404);
  await page.context().clearCookies();

  // The admin's address, signed up but not confirmed yet: still nothing (anyone could sign up with it).
  await mailbox();
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto("/sign-up");
  await adminPage.getByLabel("Name").fill("Admin");
  await adminPage.getByLabel("E-mail").fill("e2e-admin@example.com");
  await adminPage.getByLabel(/^Password/).fill(E2E_PASSWORD);
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByRole("status")).toContainText("Check your inbox");
  expect((await adminPage.request.get("/admin/queues")).status()).toBe(404);

  // Confirmed (the mailed link signs in): the queues.
  await adminPage.goto(await linkMailedTo("e2e-admin@example.com", /^Confirm your e-mail address/));
  await expect(adminPage.getByRole("heading", { name: "Your monitors" })).toBeVisible();
  const response = await adminPage.goto("/admin/queues");
  expect(response?.status()).toBe(200);
  await expect(adminPage).toHaveTitle(/Portcheck queues/);
  await expect(adminPage.getByText("monitors", { exact: true }).first()).toBeVisible();
  await adminPage.screenshot({ path: testInfo.outputPath("admin-queues-1280.png"), fullPage: true });
  await admin.close();
});
