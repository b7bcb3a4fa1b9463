// Is this error "a service we depend on is away" (answer 503, or let BullMQ retry) rather than a bug?
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

const CONNECTION_NAMES = new Set(["MaxRetriesPerRequestError", "PrismaClientInitializationError", "PrismaClientRustPanicError"]);

const CONNECTION_MESSAGES = [
  /enableOfflineQueue/i,
  /Connection is closed/i,
  /Command timed out/i,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /DatabaseNotReachable/i,
  /connect ECONNREFUSED/i,
];

export function isInfrastructureError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") return false;
    const { code, name, message, cause } = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (typeof name === "string" && CONNECTION_NAMES.has(name)) return true;
    if (typeof message === "string" && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = cause;
  }
  return false;
}
