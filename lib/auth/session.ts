// Who is signed in? For route handlers (401 when nobody) and pages (null when nobody).
import { env } from "../env";
import { ApiError } from "../http/problem";
import { auth } from "./auth";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
}

export async function currentUser(headers: Headers): Promise<SignedInUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name, emailVerified: session.user.emailVerified };
}

/**
 * The signed-in user of an API request. A request that changes something with a session cookie
 * must come from our own origin (Origin header), so another site cannot act for the user.
 */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await currentUser(request.headers);
  if (!user) throw new ApiError(401, "unauthorized", "Sign in to use monitors.");
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) {
    const origin = request.headers.get("origin");
    if (origin !== new URL(env().APP_URL).origin) {
      throw new ApiError(403, "forbidden", "This request must come from Portcheck's own pages (the Origin header does not match).");
    }
  }
  return user;
}
