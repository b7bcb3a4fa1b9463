// Requests refused before Next.js sees them (server.ts): methods nobody serves, URLs with NUL bytes or
// broken percent-encoding, and port pages of things that are not ports, which would otherwise be rendered
// and cached as a file each. Pure: a request line in, a refusal or null out.
export interface Refusal {
  status: 400 | 404 | 405;
  message: string;
  headers?: Record<string, string>;
}

const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const PORT_PAGE = /^\/ports\/([^/?#]*)\/?$/;

export function refuseRequest(method: string | undefined, url: string | undefined): Refusal | null {
  if (!method || !SERVED_METHODS.has(method.toUpperCase())) {
    return { status: 405, message: "Method not allowed.", headers: { allow: [...SERVED_METHODS].join(", ") } };
  }
  const target = url ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return { status: 400, message: "The address has broken percent-encoding." };
  }
  if (decoded.includes("\0")) return { status: 400, message: "The address contains a NUL character." };
  const path = target.split("?")[0]!;
  const port = PORT_PAGE.exec(path)?.[1];
  if (port !== undefined && !/^(0|[1-9]\d{0,4})$/.test(port)) return { status: 404, message: "There is no such port: ports are whole numbers from 0 to 65535." };
  if (port !== undefined && Number(port) > 65535) return { status: 404, message: "There is no such port: ports are whole numbers from 0 to 65535." };
  return null;
}
