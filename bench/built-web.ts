// The production build's web server (server.ts, NODE_ENV=production) on a free loopback port with the
// benchmark database, for the benchmarks that need the real HTTP stack (page-weight, load). Run
// `npm run build` first; `requireBuild` exits with a message when it is missing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

export function requireBuild(name: string): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.error(`${name} needs the production build: run \`npm run build\` first.`);
  process.exit(2);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Starts the web server and waits until /api/ready answers (at most about a minute). */
export async function startBuiltWeb(denylist: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const web = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, TARGET_DENYLIST: denylist, LOG_LEVEL: "warn", BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789", SMTP_URL: "smtp://127.0.0.1:1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const webLog: string[] = [];
  for (const stream of [web.stdout!, web.stderr!]) createInterface({ input: stream }).on("line", (line) => webLog.push(line));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300 || web.exitCode !== null) throw new Error(`web server did not start:\n${webLog.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    stop: async () => {
      web.kill("SIGTERM");
      await once(web, "exit");
    },
  };
}
