// Observations shared by the tests/netns-helpers-*.test.ts files: how a plain node:net connect ends, and
// which of our links exist. Kept free of the helpers under test so a bug there cannot hide itself.
import { execFileSync } from "node:child_process";
import net from "node:net";

export interface Outcome {
  /** "connected", "timeout" or the error code. */
  result: string;
  ms: number;
}

export function connect(host: string, port: number, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    let done = false;
    function finish(result: string) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ result, ms: performance.now() - started });
    }
    socket.once("connect", () => finish("connected"));
    socket.once("error", (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function ourLinks(): string[] {
  const links = JSON.parse(execFileSync("ip", ["-j", "link", "show"]).toString()) as { ifname: string }[];
  return links.map((link) => link.ifname).filter((name) => /^pct\d+-[hnab]$/.test(name));
}
