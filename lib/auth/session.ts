// Who is signed in, by session cookie? For pages (null when nobody); API routes ask lib/http/caller.ts.
import { auth } from "./auth";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  twoFactorEnabled?: boolean;
}

export async function currentUser(headers: Headers): Promise<SignedInUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name, emailVerified: session.user.emailVerified, twoFactorEnabled: session.user.twoFactorEnabled === true };
}
