// The fake target host's plain-text TCP servers (connection behaviours, greetings, HTTP, databases, Minecraft)
// as plain node:net clients see them, so probe tests can trust what each server does.
import { once } from "node:events";
import { connect as connectTcp } from "node:net";
import { describe, expect, it } from "vitest";
import { connectOutcome, HOST, Peer, port, sleep, target, useTargetHost } from "./helpers/target-host-client";
import { DEFAULT_MINECRAFT_STATUS, readVarInt, writeVarInt } from "./helpers/target-servers/minecraft";

useTargetHost({
  host: HOST,
  servers: [
    { kind: "open" },
    { kind: "accept-reset" },
    { kind: "accept-close" },
    { kind: "silent-after-accept" },
    { kind: "ssh" },
    { kind: "http" },
    { kind: "mysql" },
    { kind: "redis" },
    { kind: "redis", name: "redis-auth", auth: true },
    { kind: "postgres" },
    { kind: "minecraft" },
    { kind: "banner", text: "portcheck-token-7f3a\n" },
    { kind: "full-backlog" },
  ],
});

describe("plain TCP behaviours", () => {
  it("open: accepts, swallows what it is sent, and closes only after the peer does", async () => {
    const peer = await Peer.connect(port("open"));
    peer.send("hello\r\n");
    await sleep(200);
    expect(peer.bytes.length).toBe(0);
    expect(peer.ended).toBe(false);
    peer.socket.end();
    await peer.until(() => peer.ended, 2000, "FIN");
    expect(peer.error).toBeNull();
  });

  it("accept-reset: the connection is accepted, then reset", async () => {
    const socket = connectTcp({ host: HOST, port: port("accept-reset") });
    // On loopback the RST can beat the connect callback, so the reset may surface as a connect error: either way ECONNRESET, not ECONNREFUSED.
    const [error] = (await once(socket, "close").then(() => [null]).catch((thrown: unknown) => [thrown])) as [NodeJS.ErrnoException | null];
    expect(error?.code).toBe("ECONNRESET");
    expect(await target.waitForEvent((e) => e.event === "connection" && e.server === "accept-reset")).toBeTruthy();
  });

  it("accept-close: the connection is accepted, then closed with FIN and no data", async () => {
    const peer = await Peer.connect(port("accept-close"));
    await peer.until(() => peer.ended, 2000, "FIN");
    expect(peer.bytes.length).toBe(0);
    expect(peer.error).toBeNull();
  });

  it("silent-after-accept: never sends and never closes, even after the peer's FIN", async () => {
    const peer = await Peer.connect(port("silent-after-accept"));
    peer.send("anyone?\r\n");
    peer.socket.end();
    await sleep(500);
    expect(peer.bytes.length).toBe(0);
    expect(peer.ended).toBe(false);
    peer.close();
  });

  it("ssh and banner: their line as soon as the client connects", async () => {
    const ssh = await Peer.connect(port("ssh"));
    expect(await ssh.expect(/\r\n/)).toBe("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n");
    ssh.close();
    const banner = await Peer.connect(port("banner"));
    expect(await banner.expect(/\n/)).toBe("portcheck-token-7f3a\n");
    banner.close();
  });

  it("full-backlog: the SYN is never answered", async () => {
    expect(await connectOutcome(port("full-backlog"), HOST, 700)).toBe("pending");
  });

  it("reports every accepted connection", async () => {
    const peer = await Peer.connect(port("open"));
    const event = await target.waitForEvent((e) => e.event === "connection" && e.server === "open" && e.remotePort === peer.socket.localPort);
    expect(event).toMatchObject({ port: port("open"), localAddress: HOST, remoteAddress: peer.socket.localAddress });
    peer.close();
  });
});

describe("plain HTTP and databases", () => {
  it("http: 200 from Apache for GET, with the Host header recorded", async () => {
    const peer = await Peer.connect(port("http"));
    peer.send("GET /status HTTP/1.1\r\nHost: www.portcheck-test.net\r\nConnection: close\r\n\r\n");
    await peer.until(() => peer.ended, 3000, "end of response");
    expect(peer.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(peer.text).toContain("Server: Apache/2.4.58 (Ubuntu)\r\n");
    expect(await target.waitForEvent((e) => e.event === "http" && e.server === "http" && e.remotePort === peer.socket.localPort)).toMatchObject({
      method: "GET",
      path: "/status",
      host: "www.portcheck-test.net",
    });
  });

  it("mysql: a MariaDB protocol 10 handshake", async () => {
    const peer = await Peer.connect(port("mysql"));
    await peer.until(() => peer.bytes.length >= 4 && peer.bytes.length >= 4 + peer.bytes.readUIntLE(0, 3), 2000, "handshake packet");
    const packet = peer.bytes;
    expect(packet.readUInt8(3)).toBe(0);
    const payload = packet.subarray(4, 4 + packet.readUIntLE(0, 3));
    expect(payload[0]).toBe(10);
    const versionEnd = payload.indexOf(0, 1);
    expect(payload.toString("latin1", 1, versionEnd)).toBe("5.5.5-10.11.6-MariaDB-0+deb12u1");
    let offset = versionEnd + 1;
    expect(payload.readUInt32LE(offset)).toBeGreaterThan(0);
    const scramble1 = payload.subarray(offset + 4, offset + 12);
    offset += 12;
    expect(payload[offset]).toBe(0);
    const capabilities = payload.readUInt16LE(offset + 1) | (payload.readUInt16LE(offset + 6) << 16);
    expect(capabilities & 0x200).toBe(0x200); // CLIENT_PROTOCOL_41
    expect(capabilities & 0x80000).toBe(0x80000); // CLIENT_PLUGIN_AUTH
    expect(payload[offset + 3]).toBe(45);
    expect(payload.readUInt16LE(offset + 4)).toBe(2);
    expect(payload[offset + 8]).toBe(21);
    offset += 9 + 10;
    const scramble2 = payload.subarray(offset, offset + 12);
    expect(payload[offset + 12]).toBe(0);
    expect(Buffer.concat([scramble1, scramble2]).includes(0)).toBe(false);
    expect(payload.toString("latin1", offset + 13, payload.length - 1)).toBe("mysql_native_password");
    peer.close();
  });

  it("redis: PING inline and as a RESP array (split across writes); NOAUTH when auth is on", async () => {
    const peer = await Peer.connect(port("redis"));
    peer.send("PING\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+PONG\r\n");
    peer.send("*1\r\n$4\r\nPI");
    await sleep(50);
    peer.send("NG\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+PONG\r\n");
    peer.close();
    const locked = await Peer.connect(port("redis-auth"));
    locked.send("*1\r\n$4\r\nPING\r\n");
    expect(await locked.expect(/\r\n/)).toBe("-NOAUTH Authentication required.\r\n");
    locked.close();
  });

  it("postgres: SSLRequest is declined with N", async () => {
    const peer = await Peer.connect(port("postgres"));
    peer.send(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
    await peer.until(() => peer.bytes.length > 0, 2000, "reply");
    expect(peer.bytes.toString("latin1")).toBe("N");
    peer.close();
  });

  it("minecraft: Server List Ping with the request split into small TCP chunks", async () => {
    const peer = await Peer.connect(port("minecraft"));
    peer.socket.setNoDelay(true);
    const host = Buffer.from("mc.portcheck-test.net");
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16BE(25565);
    const handshake = Buffer.concat([writeVarInt(0), writeVarInt(769), writeVarInt(host.length), host, portBytes, writeVarInt(1)]);
    const request = Buffer.concat([writeVarInt(handshake.length), handshake, Buffer.from([1, 0])]);
    for (let offset = 0; offset < request.length; offset += 5) {
      peer.send(request.subarray(offset, offset + 5));
      await sleep(10);
    }
    const frame = () => {
      const length = readVarInt(peer.bytes, 0);
      return length && !(length instanceof Error) && peer.bytes.length >= length.next + length.value ? length : null;
    };
    await peer.until(() => frame() !== null, 3000, "status response");
    const length = frame()!;
    const body = peer.bytes.subarray(length.next, length.next + length.value);
    expect(body[0]).toBe(0);
    const json = readVarInt(body, 1) as { value: number; next: number };
    expect(JSON.parse(body.toString("utf8", json.next, json.next + json.value))).toEqual(DEFAULT_MINECRAFT_STATUS);
    expect(await target.waitForEvent((e) => e.event === "minecraft" && e.server === "minecraft" && e.remotePort === peer.socket.localPort)).toMatchObject({
      host: "mc.portcheck-test.net",
      serverPort: 25565,
      protocol: 769,
      nextState: 1,
    });
    peer.bytes = Buffer.alloc(0);
    const payload = Buffer.from("0123456789abcdef", "hex");
    peer.send(Buffer.concat([Buffer.from([9, 1]), payload]));
    await peer.until(() => peer.ended, 3000, "pong and close");
    expect(peer.bytes).toEqual(Buffer.concat([Buffer.from([9, 1]), payload]));
  });
});
