import { describe, expect, it } from "vitest";
import { parsePostgresReply, postgresReplyComplete, postgresSslRequest } from "./postgres-ssl-request";

/** An ErrorResponse: 'E', int32 length (itself included), then type-tagged C strings and a final NUL. */
function errorResponse(fields: Record<string, string>): Buffer {
  const body = Buffer.concat([...Object.entries(fields).map(([type, value]) => Buffer.from(`${type}${value}\0`)), Buffer.from([0])]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from("E"), length, body]);
}

describe("PostgreSQL SSLRequest", () => {
  it("is the 8-byte SSLRequest: length 8, code 80877103", () => {
    expect(postgresSslRequest().toString("hex")).toBe("0000000804d2162f");
  });

  it("reads the one-byte answer", () => {
    expect(parsePostgresReply(Buffer.from("S"))).toEqual({ service: "postgresql", product: null, version: null, text: "SSL supported" });
    expect(parsePostgresReply(Buffer.from("N"))).toEqual({ service: "postgresql", product: null, version: null, text: "SSL not supported" });
  });

  it("reads an error response", () => {
    const error = errorResponse({ S: "FATAL", V: "FATAL", C: "53300", M: "sorry, too many clients already" });
    expect(parsePostgresReply(error)).toEqual({ service: "postgresql", product: null, version: null, text: "FATAL: sorry, too many clients already" });
    expect(postgresReplyComplete(error)).toBe(true);
    for (let end = 0; end < error.length; end++) {
      expect(postgresReplyComplete(error.subarray(0, end))).toBe(false);
      expect(() => parsePostgresReply(error.subarray(0, end))).not.toThrow();
    }
  });

  it("knows when the reply is over", () => {
    expect(postgresReplyComplete(Buffer.alloc(0))).toBe(false);
    expect(postgresReplyComplete(Buffer.from("S"))).toBe(true);
    expect(postgresReplyComplete(Buffer.from("HTTP/1.1"))).toBe(true);
  });

  it("returns null for anything else", () => {
    expect(parsePostgresReply(Buffer.alloc(0))).toBeNull();
    expect(parsePostgresReply(Buffer.from("SSH-2.0-OpenSSH_9.6\r\n"))).toBeNull();
    expect(parsePostgresReply(Buffer.from("No"))).toBeNull();
    expect(parsePostgresReply(Buffer.from("Error: nope\r\n"))).toBeNull();
    expect(parsePostgresReply(errorResponse({}))).toBeNull();
  });
});
