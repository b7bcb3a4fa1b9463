// /api/auth/*: better-auth's endpoints (sign-up, sign-in, sign-out, password reset, delete-user...).
// Bodies are capped like every other API body before better-auth reads them; the answers that could
// tell whether an address has an account take a fixed minimum time.
import { auth } from "@/lib/auth/auth";
import { UNIFORM_TIMING_PATHS, withResponseFloor } from "@/lib/auth/uniform-timing";
import { readBodyText } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

const handler = (request: Request) => auth().handler(request);

async function withCappedBody(request: Request): Promise<Response> {
  try {
    const body = await readBodyText(request);
    // An empty body is an empty object: better-auth then names the missing fields (400) instead of failing (500).
    const headers = new Headers(request.headers);
    if (body.trim() === "") headers.set("content-type", "application/json");
    const capped = new Request(request, { body: body.trim() === "" ? "{}" : body, headers });
    const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
    return await (UNIFORM_TIMING_PATHS.has(path) ? withResponseFloor(() => handler(capped)) : handler(capped));
  } catch (error) {
    return errorResponse(error, request);
  }
}

export { handler as DELETE, handler as GET, withCappedBody as PATCH, withCappedBody as POST, withCappedBody as PUT };
