import { describe, expect, it } from "vitest";
import { askFirstFor, httpHost } from "./ask-first";

describe("askFirstFor", () => {
  it("asks HTTP ports with HEAD and a Host header carrying a non-default port", () => {
    const ask = askFirstFor(8080, "example.com")!;
    expect(ask.name).toBe("http");
    expect(ask.request.toString("latin1")).toMatch(/^HEAD \/ HTTP\/1\.1\r\nHost: example\.com:8080\r\n/);
    const partial = ask.parse(Buffer.from("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\n"));
    expect(partial.complete).toBe(false);
    expect(partial.banner?.product).toBe("nginx");
    expect(ask.parse(Buffer.from("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\n\r\n")).complete).toBe(true);
  });

  it("asks Redis, PostgreSQL and Minecraft in their own words", () => {
    expect(askFirstFor(6379, "h")!.request.toString()).toBe("PING\r\n");
    expect(askFirstFor(6379, "h")!.parse(Buffer.from("+PONG\r\n"))).toMatchObject({ complete: true, banner: { service: "redis" } });
    expect(askFirstFor(5432, "h")!.request.toString("hex")).toBe("0000000804d2162f");
    expect(askFirstFor(5432, "h")!.parse(Buffer.from("N"))).toMatchObject({ complete: true, banner: { service: "postgresql" } });
    const minecraft = askFirstFor(25565, "mc.example.com")!;
    expect(minecraft.request.includes("mc.example.com")).toBe(true);
    expect(minecraft.parse(Buffer.from([0x10]))).toEqual({ complete: false, banner: null });
  });

  it("has nothing to say on other ports", () => {
    expect(askFirstFor(22, "h")).toBeNull();
  });

  it("brackets IPv6 literals in the Host header", () => {
    expect(httpHost("2001:db8::1", 80)).toBe("[2001:db8::1]");
    expect(httpHost("2001:db8::1", 8080)).toBe("[2001:db8::1]:8080");
    expect(httpHost("203.0.113.5", 8000)).toBe("203.0.113.5:8000");
  });
});
