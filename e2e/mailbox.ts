// The e2e web server mails to an SMTP server in the test process (port: e2e port + 1), so that
// browser tests can open the links people get by e-mail.
import { expect } from "@playwright/test";
import { type ReceivedMail, mailText, startSmtpServer } from "../tests/helpers/smtp";
import { TEST_INSTANCE } from "../tests/instance";

let started: ReturnType<typeof startSmtpServer> | undefined;

/** Starts the receiver once per test worker; call before anything mails. */
export function mailbox(): ReturnType<typeof startSmtpServer> {
  started ??= startSmtpServer(TEST_INSTANCE.e2ePort + 1);
  return started;
}

/** Waits for a mail to `address` whose subject matches, and returns the first link in it. */
export async function linkMailedTo(address: string, subject: RegExp): Promise<string> {
  const { mails } = await mailbox();
  let mail: ReceivedMail | undefined;
  await expect.poll(() => (mail = mails.find((candidate) => candidate.to.includes(address) && subject.test(candidate.subject))), { timeout: 15_000 }).toBeTruthy();
  const link = /(https?:\/\/[^\s]+)/.exec(mailText(mail!))?.[1];
  if (!link) throw new Error(`no link in the mail to ${address}`);
  return link;
}
