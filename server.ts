// The web process: Next.js behind a small Node HTTP server, which records the socket's peer address
// in a header that clients cannot forge (lib/http/client-ip.ts decides whom to believe).
import { createServer } from "node:http";
import next from "next";
import { accountMailsSettled } from "./lib/auth/account-mails";
import { loadEnvOrExit } from "./lib/env";
import { CLIENT_IP_HEADER, clientIp, PEER_HEADER } from "./lib/http/client-ip";
import { preflight } from "./lib/http/cors";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/http/request-id";
import { ENDPOINTS } from "./lib/http/endpoints";
import { allowedMethods, compileTemplates } from "./lib/http/method-guard";
import { problemResponse } from "./lib/http/problem";
import { type Refusal, refuseRequest } from "./lib/http/request-guard";
import { ProblemError } from "./lib/problem-error";
import { REQUEST_PATH_HEADER } from "./lib/http/request-path";
import { logger } from "./lib/logger";
import { isQueueBoardPath, serveQueueBoard } from "./lib/admin/serve-queue-board";

const SHUTDOWN_GRACE_MS = 10_000;

const config = loadEnvOrExit();
const log = logger.child({ service: "web" });
const app = next({ dev: config.NODE_ENV === "development", hostname: config.HOST, port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();

// The methods each API path answers, from the endpoint catalog (and the OpenAPI document's own route).
const apiRoutes = compileTemplates([...Object.values(ENDPOINTS), { method: "GET", path: "/api/v1/openapi.json" }]);

// CORS preflights of the API, for every route at once: any origin, never credentials (lib/http/route.ts).
const apiPreflight = preflight("GET, POST, PATCH, DELETE, OPTIONS");

const server = createServer((req, res) => {
  const refusal = refuseRequest(req.method, req.url);
  if (refusal) {
    // The API answers in its own shape (problem+json); pages in plain words.
    if (req.url?.startsWith("/api/")) void sendProblem(res, refusal);
    else res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...refusal.headers }).end(`${refusal.message}\n`);
    return;
  }
  if (req.method === "OPTIONS" && req.url?.startsWith("/api/v1/")) {
    res.writeHead(204, Object.fromEntries(apiPreflight().headers)).end();
    return;
  }
  if (req.url?.startsWith("/api/v1/")) {
    const allowed = allowedMethods(req.url, apiRoutes);
    if (allowed && !allowed.includes(req.method!.toUpperCase())) {
      void sendProblem(res, { status: 405, message: `${req.method} is not served here; this address answers ${allowed.join(", ")}.`, headers: { allow: allowed.join(", ") } });
      return;
    }
  }
  if (isQueueBoardPath(req.url)) {
    void serveQueueBoard(req, res);
    return;
  }
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  delete req.headers[PEER_HEADER];
  delete req.headers[CLIENT_IP_HEADER];
  req.headers[REQUEST_PATH_HEADER] = req.url ?? "/";
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  const client = clientIp(new Headers({ [PEER_HEADER]: req.headers[PEER_HEADER], "x-forwarded-for": String(req.headers["x-forwarded-for"] ?? "") }), config.TRUSTED_PROXIES);
  if (client) req.headers[CLIENT_IP_HEADER] = client.ip;
  void handle(req, res);
});
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;
server.listen(config.PORT, config.HOST, () => {
  log.info({ url: `http://${config.HOST}:${config.PORT}`, appUrl: config.APP_URL }, "web server ready");
});

async function sendProblem(res: import("node:http").ServerResponse, refusal: Refusal): Promise<void> {
  const code = refusal.status === 405 ? "method_not_allowed" : refusal.status === 404 ? "not_found" : "invalid_request";
  const answer = problemResponse(new ProblemError(code, refusal.message), refusal.headers);
  res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
}

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down web server");
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
  server.close(() => {
    // Confirmation and reset links still on their way (within the grace period above).
    void accountMailsSettled().finally(() => {
      log.info("web server stopped");
      process.exit(0);
    });
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
