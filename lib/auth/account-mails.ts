// The e-mails of the account endpoints. They are sent in the background, so that an answer takes as
// long whether or not a mail went out (no telling which addresses have accounts), and each kind is
// capped per address (mail-cap.ts). A failure is logged: the person can ask again.
import { sendMail } from "../alerts/mailer";
import { env } from "../env";
import { logger } from "../logger";
import { type AccountMailKind, takeMailAllowance } from "./mail-cap";

// On globalThis: Next.js bundles its own copy of this module, and server.ts waits for these at shutdown.
const globalForMails = globalThis as unknown as { portcheckAccountMails?: Set<Promise<void>> };
const pending = (globalForMails.portcheckAccountMails ??= new Set<Promise<void>>());

/** Queues a mail to `to` unless the address has had its share of this kind; returns at once. */
export function sendAccountMail(kind: AccountMailKind, mail: { to: string; subject: string; text: string }): void {
  const task = (async () => {
    if (!(await takeMailAllowance(kind, mail.to))) {
      logger.info({ kind }, "account e-mail not sent: this address had enough for now");
      return;
    }
    await sendMail(mail);
  })()
    .catch((error: unknown) => logger.warn({ err: (error as Error).message, kind }, "account e-mail not sent"))
    .finally(() => pending.delete(task));
  pending.add(task);
}

/** Resolves once every account mail queued so far was sent or given up (tests, shutdown). */
export async function accountMailsSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

export const accountMails = {
  verify: (to: string, url: string) =>
    sendAccountMail("verify", {
      to,
      subject: "Confirm your e-mail address for Portcheck",
      text: `Please confirm that this address may receive Portcheck alerts, and sign in:\n${url}\n\nIf you did not create a Portcheck account, ignore this e-mail.`,
    }),
  /** To the address in use when someone asks to move the account to another: a stolen session shows here. */
  emailChangeRequested: (to: string, newEmail: string) =>
    sendAccountMail("verify", {
      to,
      subject: "Your Portcheck account's e-mail address is about to change",
      text: `Someone signed in to your Portcheck account asked to move it to ${newEmail}. The change happens when a link sent there is opened.\n\nIf it was you, there is nothing to do. If it was not, sign in at ${env().APP_URL}/sign-in, change your password (which signs every other session out), and turn on two-factor sign-in in Settings.`,
    }),
  changeEmail: (to: string, url: string) =>
    sendAccountMail("verify", {
      to,
      subject: "Confirm your new e-mail address for Portcheck",
      text: `Someone signed in to Portcheck asked to use this address for their account and its alerts.\n\nTo confirm, open this link within an hour:\n${url}\n\nUntil then, alerts keep going to the old address. If it was not you, ignore this e-mail.`,
    }),
  existingSignUp: (to: string) =>
    sendAccountMail("verify", {
      to,
      subject: "Someone tried to sign up to Portcheck with your address",
      text: `Someone tried to create a Portcheck account with this address, which already has one. Nothing was changed.\n\nIf it was you, sign in at ${env().APP_URL}/sign-in, or choose a new password at ${env().APP_URL}/forgot-password.\n\nIf it was not you, you can ignore this e-mail.`,
    }),
  resetPassword: (to: string, url: string) =>
    sendAccountMail("reset", {
      to,
      subject: "Reset your Portcheck password",
      text: `Someone asked to reset the password of your Portcheck account.\n\nTo choose a new password, open this link within an hour:\n${url}\n\nIf it was not you, ignore this e-mail: your password stays as it is.`,
    }),
};
