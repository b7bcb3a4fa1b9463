// Account requests whose answer must not tell whether an address has an account take at least a
// fixed time: the work differs a little (creating an account, storing a reset token), the answer's
// time does not. Mails are sent in the background (account-mails.ts), so they cost nothing here.

/** Long enough to cover an argon2id hash plus the writes of a sign-up on a busy server. */
export const RESPONSE_FLOOR_MS = 400;

/** Paths under /api/auth whose timing must not depend on the address. */
export const UNIFORM_TIMING_PATHS: ReadonlySet<string> = new Set(["/sign-up/email", "/request-password-reset", "/send-verification-email"]);

/** Runs `work`, and answers no sooner than `floorMs` after it started. */
export async function withResponseFloor<T>(work: () => Promise<T>, floorMs = RESPONSE_FLOOR_MS): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const remaining = floorMs - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
}
