// The account basics in the browser: a confirmed sign-up, return to the page that asked for a
// sign-in, the header naming who is signed in, changing the password, two-factor sign-in with a code
// and with a recovery code, deleting the account. Screenshots at 1280 and 390 px, light and dark.
import type { Page, TestInfo } from "@playwright/test";
import { totpFromUri } from "../tests/helpers/totp";
import { E2E_PASSWORD, expect, signUpInBrowser, test } from "./fixtures";

async function signOut(page: Page) {
  await page.getByTestId("header-account").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function noHorizontalOverflow(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `page ${page.url()} is wider than the screen`).toBeLessThanOrEqual(widths.client);
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      if (width === 390) await noHorizontalOverflow(page);
      const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`${name}-${width}-${scheme}`, { path, contentType: "image/png" });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("sign-up is confirmed by mail, sign-in returns to the page that asked, the header shows who is signed in", async ({ page }, testInfo) => {
  const email = await signUpInBrowser(page, "Returner");
  await expect(page.getByTestId("notice")).toHaveText(/e-mail address is confirmed/);
  await expect(page.getByTestId("header-account")).toContainText(email);

  await signOut(page);
  await page.goto("/monitors/new");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmonitors%2Fnew$/);
  await signIn(page, email, "not the password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The e-mail or the password is wrong.");
  await signIn(page, email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/monitors\/new$/);
  await expect(page.getByTestId("header-account")).toContainText(email);

  // A return path to another site is ignored.
  await signOut(page);
  await page.goto("/sign-in?next=//evil.example/x");
  await signIn(page, email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  // Signed in already, the sign-in page goes straight on: to next, or to the dashboard.
  await page.goto("/sign-in?next=%2Fsettings");
  await expect(page).toHaveURL(/\/settings$/);
  await page.goto("/sign-in?next=https://evil.example/");
  await expect(page).toHaveURL(/\/dashboard$/);

  for (const path of ["/dashboard", "/settings", "/"]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await expect(page.getByTestId("header-account")).toContainText(email.slice(0, 8));
    await noHorizontalOverflow(page);
  }
  await page.goto("/dashboard");
  await screenshots(page, testInfo, "header-dashboard");
});

test("change the password: the old one stops working", async ({ page }) => {
  const email = await signUpInBrowser(page, "Password changer");
  await page.goto("/settings");
  const form = page.getByTestId("change-password");
  await form.getByLabel("Current password").fill(E2E_PASSWORD);
  await form.getByLabel(/^New password/).fill("password12345");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("too easy to guess");
  await form.getByLabel(/^New password/).fill("violet harbour kettle ninety");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Your password is changed");

  await signOut(page);
  await page.goto("/sign-in");
  await signIn(page, email, E2E_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The e-mail or the password is wrong.");
  await signIn(page, email, "violet harbour kettle ninety");
  await expect(page.getByRole("heading", { name: "Your monitors" })).toBeVisible();
});

test("2FA sign-in: turn it on with a code, sign in with a code and with a recovery code, delete the account", async ({ page }, testInfo) => {
  const email = await signUpInBrowser(page, "Two factor");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByLabel("Your password").fill(E2E_PASSWORD);
  await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const uri = (await section.getByTestId("totp-uri").textContent())!;
  expect(uri).toMatch(/^otpauth:\/\/totp\/Portcheck:/);
  await expect(section.getByTestId("totp-secret")).toHaveText(new URL(uri).searchParams.get("secret")!);
  await screenshots(page, testInfo, "two-factor-setup");
  await section.getByLabel("Code from the app").fill("000000" === totpFromUri(uri) ? "111111" : "000000");
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByRole("alert")).toContainText("This code is wrong");
  await section.getByLabel("Code from the app").fill(totpFromUri(uri));
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await section.getByTestId("recovery-codes").locator("li").allTextContents()).map((code) => code.trim());
  await screenshots(page, testInfo, "recovery-codes");
  await section.getByRole("button", { name: "I saved them" }).click();
  await expect(section.getByText("Two-factor sign-in is on")).toBeVisible();

  // The password alone is not enough any more; the code from the app is, and returns to the page.
  await signOut(page);
  await page.goto("/settings");
  await signIn(page, email, E2E_PASSWORD);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await screenshots(page, testInfo, "sign-in-code");
  await page.getByLabel("Code from your authenticator app").fill(totpFromUri(uri));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("header-account")).toContainText(email);

  // A recovery code, once.
  await signOut(page);
  await page.goto("/sign-in");
  await signIn(page, email, E2E_PASSWORD);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your monitors" })).toBeVisible();

  // Deleting the account ends on the home page, saying so.
  await page.goto("/settings");
  await page.locator("form", { has: page.getByRole("heading", { name: "Delete account" }) }).getByLabel("Your password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/Your account was deleted/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
