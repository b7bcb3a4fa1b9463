// Target hosts started apart from the shared one: on several addresses, with bad specs, and as the
// standalone program that runs inside network namespaces.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect as connectTcp } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestCertificates } from "./helpers/certs";
import { startTargetHost, type TargetHostSpec } from "./helpers/target-host";
import { connectOutcome, exchange, HOST, NAME, Peer, tlsConnect } from "./helpers/target-host-client";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("several hosts", () => {
  it("binds every server on each address, on the same port", async () => {
    const both = await startTargetHost({ host: ["127.0.0.2", "::1"], servers: [{ kind: "ssh" }, { kind: "udp-echo" }, { kind: "full-backlog" }] });
    try {
      for (const host of both.hosts) {
        const peer = await Peer.connect(both.ports.ssh!, host);
        expect(await peer.expect(/\r\n/)).toMatch(/^SSH-2\.0-/);
        peer.close();
        expect((await exchange(both.ports["udp-echo"]!, Buffer.from(host), host))!.toString()).toBe(host);
        expect(await connectOutcome(both.ports["full-backlog"]!, host, 300)).toBe("pending");
      }
      expect(both.certificates).toBeNull();
    } finally {
      await both.close();
    }
  });

  it("refuses an unknown kind or a duplicate name", async () => {
    await expect(startTargetHost({ servers: [{ kind: "gopher" as "open" }] })).rejects.toThrow(/unknown kind/);
    await expect(startTargetHost({ servers: [{ kind: "open" }, { kind: "open" }] })).rejects.toThrow(/two servers named open/);
  });
});

describe("CLI mode", () => {
  function start(spec: TargetHostSpec | string): { child: ChildProcess; lines: AsyncIterator<string> } {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/target-host.ts", typeof spec === "string" ? spec : JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
  }
  const next = async (lines: AsyncIterator<string>) => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;

  it("prints ready with the ports, one JSON line per event, and exits when stdin closes", async () => {
    const certs = createTestCertificates();
    const { child, lines } = start({ host: HOST, certDir: certs.dir, servers: [{ kind: "tls", cert: "good" }, { kind: "http", name: "web" }] });
    try {
      const ready = await next(lines);
      expect(ready).toMatchObject({ ready: true, hosts: [HOST], caFile: certs.caFile });
      const ports = ready.ports as Record<string, number>;
      const secure = await tlsConnect(ports.tls!, { servername: NAME, ca: certs.ca.cert });
      expect(secure.authorized).toBe(true);
      expect(await next(lines)).toMatchObject({ event: "connection", server: "tls", port: ports.tls });
      expect(await next(lines)).toMatchObject({ event: "tls", server: "tls", port: ports.tls, servername: NAME, handshake: true, remotePort: secure.localPort });
      secure.destroy();
      const peer = await Peer.connect(ports.web!);
      peer.send("HEAD / HTTP/1.1\r\nHost: cli.portcheck-test.net\r\n\r\n");
      await peer.expect(/\r\n\r\n/);
      peer.close();
      expect(await next(lines)).toMatchObject({ event: "connection", server: "web" });
      expect(await next(lines)).toMatchObject({ event: "http", server: "web", method: "HEAD", host: "cli.portcheck-test.net" });
      const exited = once(child, "exit");
      child.stdin!.end();
      expect((await exited)[0]).toBe(0);
    } finally {
      child.kill();
      certs.cleanup();
    }
  });

  it("exits on SIGTERM, closing its ports, and reports a bad spec", async () => {
    const { child, lines } = start({ host: HOST, servers: [{ kind: "open" }] });
    const ready = await next(lines);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
    const socket = connectTcp({ host: HOST, port: (ready.ports as Record<string, number>).open! });
    const [error] = (await once(socket, "error")) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNREFUSED");

    const bad = start('{"servers":[{"kind":"gopher"}]}');
    expect(await next(bad.lines)).toMatchObject({ ready: false, error: expect.stringMatching(/unknown kind/) });
    expect((await once(bad.child, "exit"))[0]).toBe(1);
  });
});
