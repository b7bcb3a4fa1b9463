import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { closedPort, filteredPort, openPort, TEST_HOST } from "../../tests/helpers/listeners";
import { tcpProbe } from "./tcp";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe("tcpProbe against real sockets on 127.0.0.2", () => {
  it("says open when the handshake completes, with its latency", async () => {
    const listener = await openPort();
    cleanups.push(() => listener.close());
    const verdict = await tcpProbe({ address: TEST_HOST, family: 4, port: listener.port }, { timeoutMs: 2000 });
    expect(verdict.state).toBe("open");
    expect(verdict.latencyMs).toBeGreaterThan(0);
    expect(verdict.latencyMs).toBeLessThan(2000);
    expect(verdict.errorCode).toBeNull();
  });

  it("says closed when the host refuses (RST), with its latency", async () => {
    const port = await closedPort();
    const verdict = await tcpProbe({ address: TEST_HOST, family: 4, port }, { timeoutMs: 2000 });
    expect(verdict.state).toBe("closed");
    expect(verdict.latencyMs).toBeGreaterThan(0);
  });

  it("says filtered when SYNs are dropped, after the timeout", async () => {
    const blackhole = await filteredPort();
    cleanups.push(() => blackhole.close());
    const started = performance.now();
    const verdict = await tcpProbe({ address: TEST_HOST, family: 4, port: blackhole.port }, { timeoutMs: 500 });
    const elapsed = performance.now() - started;
    expect(verdict.state).toBe("filtered");
    expect(verdict.latencyMs).toBeNull();
    // The deadline is kept: not before the timeout, and not long after it.
    expect(elapsed).toBeGreaterThanOrEqual(495);
    expect(elapsed).toBeLessThan(1500);
  });

  it("keeps the timeout as a hard deadline from the start of the connect", async () => {
    const blackhole = await filteredPort();
    cleanups.push(() => blackhole.close());
    for (const timeoutMs of [150, 400]) {
      const started = performance.now();
      await tcpProbe({ address: TEST_HOST, family: 4, port: blackhole.port }, { timeoutMs });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 5);
      expect(elapsed).toBeLessThan(timeoutMs + 1000);
    }
  });

  it("closes politely after an open verdict: the server sees FIN, never a reset", async () => {
    const listener = await openPort();
    cleanups.push(() => listener.close());
    const events: string[] = [];
    listener.server.on("connection", (socket) => {
      // Unread data on the client side would turn its close into RST; send some to make sure it drains.
      socket.write("220 banner the probe never asked for\r\n");
      socket.on("end", () => events.push("end"));
      socket.on("error", (error: NodeJS.ErrnoException) => events.push(error.code ?? "error"));
    });
    const verdict = await tcpProbe({ address: TEST_HOST, family: 4, port: listener.port }, { timeoutMs: 2000 });
    expect(verdict.state).toBe("open");
    const socket = listener.connections[0]!;
    if (!events.length) await once(socket, "close");
    expect(events).toEqual(["end"]);
  });

  it("says closed for port 0, which Linux refuses like any port without a listener", async () => {
    const verdict = await tcpProbe({ address: TEST_HOST, family: 4, port: 0 }, { timeoutMs: 1000 });
    expect(verdict).toMatchObject({ state: "closed", reason: "conn-refused", errorCode: null });
  });

  it("stops at once when aborted", async () => {
    const blackhole = await filteredPort();
    cleanups.push(() => blackhole.close());
    const controller = new AbortController();
    const pending = tcpProbe({ address: TEST_HOST, family: 4, port: blackhole.port }, { timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const verdict = await pending;
    expect(verdict).toEqual({ state: "error", reason: "aborted", latencyMs: null, errorCode: "ABORTED" });
  });
});
