// Accounts for tests, created through the real /api/auth endpoints.
import { POST as authPost } from "../../app/api/auth/[...all]/route";
import { db } from "../../lib/db";
import { newPeer, request } from "./api";

export const ORIGIN = "http://localhost:3000";

export interface TestAccount {
  email: string;
  password: string;
  cookie: string;
  peer: string;
}

export function sessionCookie(response: Response): string {
  const cookies = response.headers.getSetCookie();
  const session = cookies.find((cookie) => cookie.includes("session_token="));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(";")[0]!;
}

export async function authCall(path: string, body: unknown, options: { peer?: string; cookie?: string; origin?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.cookie) headers.cookie = options.cookie;
  return authPost(request(`/api/auth${path}`, { body, peer: options.peer ?? newPeer(), headers }));
}

let counter = 0;

export async function signUp(prefix = "user", options: { verified?: boolean } = {}): Promise<TestAccount> {
  const email = `${prefix}-${process.pid}-${Date.now()}-${++counter}@example.com`;
  const password = "correct horse battery staple";
  const peer = newPeer();
  const response = await authCall("/sign-up/email", { email, password, name: prefix }, { peer });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  // As if the person had followed the confirmation link (that flow has its own test), then signed in.
  await db().user.update({ where: { email }, data: { emailVerified: true } });
  const signIn = await authCall("/sign-in/email", { email, password }, { peer });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  // A signed-in account whose address is not (or no longer) confirmed, e.g. after a change of address.
  if (options.verified === false) await db().user.update({ where: { email }, data: { emailVerified: false } });
  return { email, password, cookie: sessionCookie(signIn), peer };
}

/** A request to our API as the signed-in account, from our own origin. */
export function asAccount(account: TestAccount, path: string, init: { method?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...init.headers, cookie: account.cookie };
  if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
  return request(path, { method: init.method, body: init.body, peer: account.peer, headers });
}
