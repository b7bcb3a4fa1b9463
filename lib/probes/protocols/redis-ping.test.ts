import { describe, expect, it } from "vitest";
import { parseRedisReply, redisPingRequest } from "./redis-ping";

const reply = (text: string) => parseRedisReply(Buffer.from(text, "latin1"));

describe("Redis PING", () => {
  it("sends an inline PING", () => {
    expect(redisPingRequest().toString("latin1")).toBe("PING\r\n");
  });

  it("recognises an open, a password-protected and a protected-mode Redis", () => {
    expect(reply("+PONG\r\n")).toEqual({ service: "redis", product: null, version: null, text: "PONG" });
    expect(reply("-NOAUTH Authentication required.\r\n")).toEqual({ service: "redis", product: null, version: null, text: "NOAUTH Authentication required." });
    expect(reply("-DENIED Redis is running in protected mode because protected mode is enabled\r\n")?.text).toMatch(/^DENIED Redis is running/);
    expect(reply("-ERR max number of clients reached\r\n")?.service).toBe("redis");
  });

  it("waits for a whole line and rejects other replies", () => {
    expect(reply("+PON")).toBeNull();
    expect(reply("")).toBeNull();
    expect(reply("+OK Dovecot ready.\r\n")).toBeNull();
    expect(reply("HTTP/1.1 400 Bad Request\r\n")).toBeNull();
    expect(reply("-ERRATIC\r\n")).toBeNull();
  });
});
