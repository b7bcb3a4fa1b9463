// Process and `ip` plumbing shared by setup, teardown and cleanup, so that every failed command reports
// its stderr the same way.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

export function run(command: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString());
      else {
        const reason = Buffer.concat(stderr).toString().trim() || `exit ${code ?? signal}`;
        reject(new Error(`${command} ${args.join(" ")}: ${reason}`));
      }
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
  });
}

/** Runs `ip` with several commands at once (one process instead of one per command). */
export async function ipBatch(options: string[], commands: string[]): Promise<void> {
  await run("ip", [...options, "-batch", "-"], commands.join("\n") + "\n");
}

/** A process left inside keeps the namespace (and its interfaces) alive after `ip netns del`. */
export async function killNamespaceProcesses(name: string): Promise<void> {
  const pids = await run("ip", ["netns", "pids", name]).catch(() => "");
  for (const pid of pids.split("\n").filter(Boolean)) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // Exited meanwhile.
    }
  }
}

export async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
