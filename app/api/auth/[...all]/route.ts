// /api/auth/*: better-auth's endpoints (sign-up, sign-in, sign-out, password reset, delete-user...).
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

const handler = (request: Request) => auth().handler(request);
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
