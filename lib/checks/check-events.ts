// Check events over Redis pub/sub: the worker says "new results" and "done"; the web wakes the requests
// waiting on that check (GET ?wait=N, the event stream) instead of polling the database.
import type { Redis } from "ioredis";
import { createRedisClient } from "../redis";

export type CheckEvent = "results" | "done";

export function checkChannel(prefix: string, checkId: string): string {
  return `${prefix}:check-events:${checkId}`;
}

/** The worker's side: best effort, a missed event only delays a waiter until its own deadline. */
export function checkNotifier(redis: Redis, prefix: string) {
  return (checkId: string, event: CheckEvent): void => {
    redis.publish(checkChannel(prefix, checkId), event).catch(() => {});
  };
}

type Listener = (event: CheckEvent) => void;

/** The web's side: one subscriber connection per process, listeners per check. */
export class CheckEvents {
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscriber: Redis | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  private connect(): Promise<void> {
    if (this.ready) return this.ready;
    const subscriber = createRedisClient({ connectTimeout: 2000, maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(attempt * 200, 2000) }, { url: this.url });
    subscriber.on("error", () => {});
    subscriber.on("pmessage", (_pattern: string, channel: string, message: string) => {
      const checkId = channel.slice(channel.lastIndexOf(":") + 1);
      for (const listener of this.listeners.get(checkId) ?? []) listener(message as CheckEvent);
    });
    this.subscriber = subscriber;
    this.ready = subscriber.psubscribe(checkChannel(this.prefix, "*")).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        subscriber.disconnect();
        throw error;
      },
    );
    return this.ready;
  }

  /** Listens to one check's events until the returned function is called. Resolves once listening. */
  async listen(checkId: string, listener: Listener): Promise<() => void> {
    await this.connect();
    const set = this.listeners.get(checkId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(checkId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(checkId);
    };
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => {});
  }
}
