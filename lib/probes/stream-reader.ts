// Reads what a server says, bounded in bytes and time: the conversation after an open verdict never
// waits past its deadline and never keeps more than a few KiB.
import type { Duplex } from "node:stream";

export class StreamReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private waiter: (() => void) | null = null;
  /** The peer closed (FIN or reset) or the stream failed. */
  ended = false;
  /** More arrived than maxBytes: the rest was dropped. */
  truncated = false;
  private readonly onData = (chunk: Buffer) => {
    const room = this.maxBytes - this.size;
    if (room <= 0) {
      this.truncated = true;
    } else {
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (kept.length < chunk.length) this.truncated = true;
      this.chunks.push(kept);
      this.size += kept.length;
    }
    this.wake();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.wake();
  };

  constructor(
    readonly stream: Duplex,
    private readonly maxBytes = 4096,
  ) {
    stream.on("data", this.onData);
    stream.on("end", this.onEnd);
    stream.on("close", this.onEnd);
    stream.on("error", this.onEnd);
  }

  /** Everything read so far. */
  get buffer(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Forgets what was read (between the steps of a dialog). */
  consume(): Buffer {
    const data = this.buffer;
    this.chunks = [];
    this.size = 0;
    return data;
  }

  /** Resolves true once `done(buffer)` holds, false at the deadline (an absolute performance.now() time) or when the peer closed. */
  async waitFor(done: (buffer: Buffer) => boolean, deadline: number): Promise<boolean> {
    for (;;) {
      if (done(this.buffer)) return true;
      if (this.ended || this.size >= this.maxBytes) return done(this.buffer);
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waiter = null;
          resolve();
        }, left);
        this.waiter = () => {
          clearTimeout(timer);
          this.waiter = null;
          resolve();
        };
      });
    }
  }

  /** Waits for a complete line (or several, until `last` says the reply is complete). */
  waitForLine(deadline: number, last: (line: string) => boolean = () => true): Promise<boolean> {
    return this.waitFor((buffer) => {
      const lines = buffer.toString("latin1").split("\n");
      return lines.slice(0, -1).some((line) => last(line.replace(/\r$/, "")));
    }, deadline);
  }

  write(data: Buffer | string): void {
    if (this.ended || this.stream.destroyed) return;
    this.stream.write(data);
  }

  /** Stops listening, so another reader (a TLS layer) can take the stream over. */
  detach(): void {
    this.stream.removeListener("data", this.onData);
    this.stream.removeListener("end", this.onEnd);
    this.stream.removeListener("close", this.onEnd);
    this.stream.removeListener("error", this.onEnd);
    this.wake();
  }

  private wake(): void {
    this.waiter?.();
  }
}
