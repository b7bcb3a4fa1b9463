import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { clientIp, clientKey, PEER_HEADER } from "./client-ip";

const proxies = [ipaddr.parseCIDR("10.0.0.0/8"), ipaddr.parseCIDR("fd00::/8")];

function headers(peer: string | null, forwardedFor?: string): Headers {
  const result = new Headers();
  if (peer !== null) result.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) result.set("x-forwarded-for", forwardedFor);
  return result;
}

describe("clientIp without trusted proxies", () => {
  it("is the socket's peer address", () => {
    expect(clientIp(headers("203.0.113.9"), [])).toEqual({ ip: "203.0.113.9", version: 4 });
    expect(clientIp(headers("2001:db8::1"), [])).toEqual({ ip: "2001:db8::1", version: 6 });
  });
  it("unwraps IPv4-mapped peers", () => {
    expect(clientIp(headers("::ffff:198.51.100.4"), [])).toEqual({ ip: "198.51.100.4", version: 4 });
  });
  it("ignores a forged X-Forwarded-For", () => {
    expect(clientIp(headers("203.0.113.9", "1.2.3.4"), [])).toEqual({ ip: "203.0.113.9", version: 4 });
  });
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIp(headers("203.0.113.9", "1.2.3.4"), proxies)).toEqual({ ip: "203.0.113.9", version: 4 });
  });
  it("is null when the request did not come through server.ts", () => {
    expect(clientIp(headers(null, "1.2.3.4"), [])).toBeNull();
    expect(clientIp(headers("not-an-ip"), [])).toBeNull();
  });
});

describe("clientIp behind trusted proxies", () => {
  it("takes the address the proxy saw", () => {
    expect(clientIp(headers("10.0.0.5", "198.51.100.7"), proxies)).toEqual({ ip: "198.51.100.7", version: 4 });
  });
  it("walks from the right past every trusted hop, and not past the first untrusted one", () => {
    // The client forged "6.6.6.6"; the first proxy appended the client's real address.
    expect(clientIp(headers("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.1.1.1"), proxies)).toEqual({ ip: "198.51.100.7", version: 4 });
  });
  it("handles IPv6 hops, brackets and ports-free forms", () => {
    expect(clientIp(headers("fd00::1", "2001:db8::7"), proxies)).toEqual({ ip: "2001:db8::7", version: 6 });
    expect(clientIp(headers("fd00::1", "[2001:db8::8]"), proxies)).toEqual({ ip: "2001:db8::8", version: 6 });
  });
  it("accepts IPv4 entries with a port, as some proxies write them", () => {
    expect(clientIp(headers("10.0.0.5", "198.51.100.7:51234"), proxies)).toEqual({ ip: "198.51.100.7", version: 4 });
    expect(clientIp(headers("10.0.0.5", "[2001:db8::9]:443"), proxies)).toEqual({ ip: "2001:db8::9", version: 6 });
  });
  it("stops at a garbled entry and keeps the last address a trusted proxy vouched for", () => {
    expect(clientIp(headers("10.0.0.5", "198.51.100.7, garbage"), proxies)).toEqual({ ip: "10.0.0.5", version: 4 });
  });
  it("falls back to the proxy itself when there is no header", () => {
    expect(clientIp(headers("10.0.0.5"), proxies)).toEqual({ ip: "10.0.0.5", version: 4 });
  });
  it("uses the leftmost address when every hop is a trusted proxy", () => {
    expect(clientIp(headers("10.0.0.5", "10.9.9.9, 10.1.1.1"), proxies)).toEqual({ ip: "10.9.9.9", version: 4 });
  });
});

describe("clientKey", () => {
  it("keys IPv4 by address and IPv6 by /64", () => {
    expect(clientKey({ ip: "198.51.100.7", version: 4 })).toBe("198.51.100.7");
    expect(clientKey({ ip: "2001:db8:1:2:3:4:5:6", version: 6 })).toBe("2001:db8:1:2::/64");
    expect(clientKey({ ip: "2001:db8:1:2::ffff", version: 6 })).toBe(clientKey({ ip: "2001:db8:1:2:aaaa::1", version: 6 }));
  });
});
