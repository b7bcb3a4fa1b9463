// Calling route handlers directly, as Next.js would, with the peer header server.ts sets.
import { CLIENT_IP_HEADER, PEER_HEADER } from "../../lib/http/client-ip";

// Test files run side by side in separate processes: each starts at its own place in 198.18.0.0/15,
// so that one file's sign-in attempts do not use up another's budget for the same address.
let nextPeer = 1 + (process.pid % 480) * 256;

/** A fresh public-looking client address per test, so rate limits do not leak between tests. */
export function newPeer(): string {
  nextPeer = (nextPeer + 1) % 131_072;
  return `198.${18 + (nextPeer >> 16)}.${(nextPeer >> 8) & 255}.${nextPeer & 255}`;
}

export function request(
  path: string,
  init: { method?: string; peer?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.peer !== null) {
    headers.set(PEER_HEADER, init.peer ?? "198.18.0.1");
    headers.set(CLIENT_IP_HEADER, init.peer ?? "198.18.0.1");
  }
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`http://localhost:3000${path}`, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
}

export function params<P>(value: P): { params: Promise<P> } {
  return { params: Promise.resolve(value) };
}

export async function problem(response: Response): Promise<{ type: string; title: string; status: number; detail: string; code: string; errors?: { path: string; message: string }[] }> {
  if (response.headers.get("content-type") !== "application/problem+json") {
    throw new Error(`expected problem+json, got ${response.status} ${response.headers.get("content-type")}: ${await response.text()}`);
  }
  return response.json();
}
