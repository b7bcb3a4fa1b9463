// The loopback DNS server helper, checked with node:dns and raw dns-packet queries, so that resolver
// tests can trust its answers, errors and delays.
import { createSocket } from "node:dgram";
import { Resolver } from "node:dns/promises";
import { once } from "node:events";
import net from "node:net";
import dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DnsServer, startDnsServer } from "./helpers/dns-server";

describe("DNS server", () => {
  let server: DnsServer;
  const resolver = (timeout = 2000) => {
    const resolver = new Resolver({ timeout, tries: 1 });
    resolver.setServers([server.address]);
    return resolver;
  };

  beforeAll(async () => {
    // Documentation addresses: they are only data here, nothing connects to them.
    server = await startDnsServer({
      "a.test": { A: "192.0.2.10", AAAA: ["2001:db8::10", "2001:db8::11"] },
      "www.test.": { CNAME: "alias.test" },
      "Alias.Test": { CNAME: "a.test." },
      "loop.test": { CNAME: "loop.test" },
      "broken.test": { rcode: "SERVFAIL" },
      "refused.test": { rcode: "REFUSED" },
      "slow.test": { A: "192.0.2.20", delayMs: 300 },
      "silent.test": { A: "192.0.2.30", silent: true },
      "v6only.test": { AAAA: "2001:db8::60" },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it("listens on a random 127.0.0.1 port", () => {
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    expect(server.address).toBe(`127.0.0.1:${server.port}`);
  });

  it("answers A and AAAA, whatever the case and trailing dot", async () => {
    expect(await resolver().resolve4("a.test")).toEqual(["192.0.2.10"]);
    expect(await resolver().resolve4("A.TEST.")).toEqual(["192.0.2.10"]);
    expect((await resolver().resolve6("a.test.")).sort()).toEqual(["2001:db8::10", "2001:db8::11"]);
    expect(server.queries).toContainEqual({ name: "a.test", type: "AAAA", transport: "udp" });
  });

  it("matches names case-insensitively whoever sends them", async () => {
    // c-ares lowercases names before sending, so ask with a raw packet to see the zone's side.
    const socket = createSocket("udp4");
    socket.send(dnsPacket.encode({ type: "query", id: 9, questions: [{ type: "A", name: "A.Test" }] }), server.port, server.host);
    const [data] = (await once(socket, "message")) as [Buffer];
    socket.close();
    const response = dnsPacket.decode(data);
    expect(response.questions).toMatchObject([{ name: "A.Test" }]);
    expect(response.answers).toMatchObject([{ name: "A.Test", type: "A", data: "192.0.2.10" }]);
  });

  it("answers an alias with the whole CNAME chain and the final records in one response", async () => {
    const before = server.queries.length;
    expect(await resolver().resolve4("www.test")).toEqual(["192.0.2.10"]);
    expect(await resolver().resolve6("www.test.")).toHaveLength(2);
    // One query each: the resolver did not have to chase the chain itself.
    expect(server.queries.slice(before).map((query) => query.name)).toEqual(["www.test", "www.test"]);
    expect(await resolver().resolveCname("www.test")).toEqual(["alias.test"]);
  });

  it("answers errors: NXDOMAIN for unknown names, SERVFAIL, REFUSED, NODATA", async () => {
    await expect(resolver().resolve4("nowhere.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
    await expect(resolver().resolve4("broken.test")).rejects.toMatchObject({ code: "ESERVFAIL" });
    await expect(resolver().resolve4("refused.test")).rejects.toMatchObject({ code: "EREFUSED" });
    await expect(resolver().resolve4("loop.test")).rejects.toMatchObject({ code: "ESERVFAIL" });
    await expect(resolver().resolve4("v6only.test")).rejects.toMatchObject({ code: "ENODATA" });
  });

  it("answers late, or never", async () => {
    const started = performance.now();
    expect(await resolver(2000).resolve4("slow.test")).toEqual(["192.0.2.20"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect(resolver(300).resolve4("silent.test")).rejects.toMatchObject({ code: "ETIMEOUT" });
  });

  it("answers over TCP too", async () => {
    const socket = net.connect({ host: server.host, port: server.port });
    await once(socket, "connect");
    socket.write(dnsPacket.streamEncode({ type: "query", id: 7, questions: [{ type: "A", name: "a.test" }] }));
    const [data] = (await once(socket, "data")) as [Buffer];
    socket.destroy();
    const response = dnsPacket.streamDecode(data);
    expect(response.id).toBe(7);
    expect(response.answers).toMatchObject([{ type: "A", data: "192.0.2.10" }]);
    expect(server.queries.at(-1)).toEqual({ name: "a.test", type: "A", transport: "tcp" });
  });

  it("setZone() swaps the records", async () => {
    server.setZone({ "new.test": { A: "192.0.2.99" } });
    expect(await resolver().resolve4("new.test")).toEqual(["192.0.2.99"]);
    await expect(resolver().resolve4("a.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
  });
});
