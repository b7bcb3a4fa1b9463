// The operators' queue view (bull-board) at /admin/queues, read-only: every queue of the house (monitor
// runs, alerts, maintenance, verdicts, and each known region's two probe lanes), refreshed per request so
// a region that joins later appears. Who may see it is decided by server.ts (ADMIN_EMAILS).
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Queue } from "bullmq";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import { ALERTS_QUEUE, MAINTENANCE_QUEUE, MONITORS_QUEUE } from "../queue/monitor-queues";
import { probeQueueName, VERDICTS_QUEUE } from "../queue/probe-queues";
import { listRegions } from "../regions/registry";

export const QUEUE_BOARD_PATH = "/admin/queues";

export function createQueueBoard(redis: Redis, prefix: string, defaultRegions: readonly string[]) {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  const queues = new Map<string, Queue>();
  const adapterFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redis, prefix });
      queue.on("error", () => {});
      queues.set(name, queue);
    }
    return new BullMQAdapter(queue, { readOnlyMode: true });
  };
  const central = [MONITORS_QUEUE, ALERTS_QUEUE, MAINTENANCE_QUEUE, VERDICTS_QUEUE];
  const board = createBullBoard({ queues: central.map(adapterFor), serverAdapter, options: { uiConfig: { boardTitle: "Portcheck queues" } } });
  // An Express app whose routes are relative to the base path, as Express would mount it.
  const app = serverAdapter.getRouter() as (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  return {
    /** Refreshes the list of queues (regions come and go), then serves the request. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const regions = (await listRegions(redis, prefix, defaultRegions).catch(() => [])).map((region) => region.id);
      const names = [...central, ...regions.flatMap((region) => [probeQueueName(region, "fast"), probeQueueName(region, "bulk")])];
      board.replaceQueues(names.map(adapterFor));
      const url = req.url ?? QUEUE_BOARD_PATH;
      Object.assign(req, { originalUrl: url, url: url.slice(QUEUE_BOARD_PATH.length) || "/" });
      app(req, res, () => {
        if (!res.headersSent) res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      });
    },
  };
}
