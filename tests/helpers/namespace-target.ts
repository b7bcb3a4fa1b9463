// A target host (tests/helpers/target-host.ts) running inside a network namespace: the servers a probe
// meets on a "remote" machine, started as a child process there and stopped with the namespace.
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Namespace } from "./netns";
import type { TargetEvent, TargetHostSpec } from "./target-host";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface NamespaceTarget {
  ports: Record<string, number>;
  events: TargetEvent[];
  stop(): void;
}

export async function startTargetIn(ns: Namespace, spec: TargetHostSpec): Promise<NamespaceTarget> {
  const child = ns.spawn(process.execPath, ["--import", "tsx", "tests/helpers/target-host.ts", JSON.stringify(spec)], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const events: TargetEvent[] = [];
  const lines = createInterface({ input: child.stdout! });
  let ready: { ready: boolean; ports?: Record<string, number>; error?: string } | undefined;
  const readyLine = new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      const message = JSON.parse(line) as { ready?: boolean; event?: string };
      if (message.ready !== undefined) {
        ready = message as typeof ready;
        resolve();
      } else if (message.event) events.push(message as TargetEvent);
    });
    once(child, "exit").then(() => reject(new Error(`target host in ${ns.name} exited before it was ready`)));
  });
  await readyLine;
  if (!ready?.ready || !ready.ports) throw new Error(`target host in ${ns.name} failed: ${ready?.error}`);
  return { ports: ready.ports, events, stop: () => child.stdin!.end() };
}
