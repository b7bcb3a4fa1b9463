import { describe, expect, it } from "vitest";
import { splitPastedTarget } from "./pasted-target";

describe("splitPastedTarget", () => {
  it("takes the port from host:port, [v6]:port and URLs", () => {
    expect(splitPastedTarget("example.com:8443")).toEqual({ host: "example.com", port: 8443 });
    expect(splitPastedTarget(" 203.0.113.7:22 ")).toEqual({ host: "203.0.113.7", port: 22 });
    expect(splitPastedTarget("[2001:db8::1]:25565")).toEqual({ host: "2001:db8::1", port: 25565 });
    expect(splitPastedTarget("https://example.com:8443/path?q=1")).toEqual({ host: "example.com", port: 8443 });
    expect(splitPastedTarget("https://example.com/")).toEqual({ host: "example.com", port: 443 });
    expect(splitPastedTarget("http://[2001:db8::2]:8080/")).toEqual({ host: "2001:db8::2", port: 8080 });
    expect(splitPastedTarget("minecraft://play.example.net")).toEqual({ host: "play.example.net", port: 25565 });
  });

  it("leaves hosts without a port, bare IPv6 and nonsense alone", () => {
    expect(splitPastedTarget("example.com")).toEqual({ host: "example.com", port: null });
    expect(splitPastedTarget("2001:db8::1")).toEqual({ host: "2001:db8::1", port: null });
    expect(splitPastedTarget("[2001:db8::1]")).toEqual({ host: "2001:db8::1", port: null });
    expect(splitPastedTarget("example.com:99999")).toEqual({ host: "example.com:99999", port: null });
    expect(splitPastedTarget("gopher://")).toEqual({ host: "gopher://", port: null });
  });
});
