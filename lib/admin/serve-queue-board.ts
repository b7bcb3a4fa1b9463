// Who may open /admin/queues: a signed-in account whose confirmed e-mail address is in ADMIN_EMAILS.
// Anyone else gets the same 404 as any unknown page, so the view's existence is not advertised.
import type { IncomingMessage, ServerResponse } from "node:http";
import { currentUser } from "../auth/session";
import { env } from "../env";
import { producerRedis } from "../redis";
import { createQueueBoard, QUEUE_BOARD_PATH } from "./queue-board";

let board: ReturnType<typeof createQueueBoard> | undefined;

export function isQueueBoardPath(url: string | undefined): boolean {
  return !!url && (url === QUEUE_BOARD_PATH || url.startsWith(`${QUEUE_BOARD_PATH}/`) || url.startsWith(`${QUEUE_BOARD_PATH}?`));
}

export async function serveQueueBoard(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const config = env();
  try {
    const headers = new Headers();
    if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
    const user = config.ADMIN_EMAILS.length ? await currentUser(headers) : null;
    if (!user || !user.emailVerified || !config.ADMIN_EMAILS.includes(user.email.toLowerCase())) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Not found\n");
      return;
    }
    board ??= createQueueBoard(producerRedis(), config.REDIS_PREFIX, config.DEFAULT_REGIONS);
    res.setHeader("cache-control", "no-store");
    await board.handle(req, res);
  } catch {
    if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" }).end("The queue view is unavailable right now (Redis or PostgreSQL is away). Try again shortly.\n");
  }
}
