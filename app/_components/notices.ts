// The one-line confirmations shown after an account step that ends on another page (?notice=code).
export const NOTICES = {
  "email-verified": "Your e-mail address is confirmed: alerts can be e-mailed to it.",
  "email-changed": "Your new e-mail address is confirmed: alerts go to it from now on.",
  "account-deleted": "Your account was deleted, with every monitor, result and alert in it.",
  "password-changed": "Your password is changed. Your other sessions were signed out.",
  "password-reset": "Your password is changed. Sign in with the new one.",
  "signed-out": "You are signed out.",
} as const;

export type NoticeCode = keyof typeof NOTICES;

/** `path` with ?notice=code added to its query. */
export function withNotice(path: string, code: NoticeCode): string {
  const url = new URL(path, "http://portcheck.invalid");
  url.searchParams.set("notice", code);
  return `${url.pathname}${url.search}${url.hash}`;
}
