import { describe, expect, it } from "vitest";
import { httpHeadComplete, httpHeadRequest, parseHttpResponse } from "./http-head";

const response = (head: string) => Buffer.from(head, "latin1");

describe("httpHeadRequest", () => {
  it("is exactly the polite HEAD request", () => {
    expect(httpHeadRequest("example.com:8080").toString("latin1")).toBe(
      "HEAD / HTTP/1.1\r\nHost: example.com:8080\r\nUser-Agent: Portcheck (+https://portcheck.example/docs)\r\nAccept: */*\r\nConnection: close\r\n\r\n",
    );
    expect(httpHeadRequest("[2001:db8::1]").toString("latin1")).toContain("\r\nHost: [2001:db8::1]\r\n");
  });

  it("refuses a host that would add headers", () => {
    expect(() => httpHeadRequest("example.com\r\nX-Evil: 1")).toThrow(RangeError);
    expect(() => httpHeadRequest("")).toThrow(RangeError);
  });
});

describe("parseHttpResponse", () => {
  it("reads status and product/version from the Server header", () => {
    const banner = parseHttpResponse(response("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nContent-Type: text/html\r\n\r\n"));
    expect(banner).toEqual({
      service: "http",
      product: "nginx",
      version: "1.24.0",
      text: "HTTP/1.1 200 OK\nServer: nginx/1.24.0\nContent-Type: text/html",
      http: { status: 200, statusLine: "HTTP/1.1 200 OK", server: "nginx/1.24.0" },
    });
  });

  it("reads the usual Server header shapes", () => {
    const server = (value: string) => parseHttpResponse(response(`HTTP/1.1 301 Moved Permanently\r\nserver:${value}\r\n\r\n`));
    expect(server(" Apache/2.4.58 (Ubuntu)")).toMatchObject({ product: "Apache", version: "2.4.58", http: { server: "Apache/2.4.58 (Ubuntu)" } });
    expect(server(" Microsoft-IIS/10.0")).toMatchObject({ product: "Microsoft-IIS", version: "10.0" });
    expect(server(" cloudflare")).toMatchObject({ product: "cloudflare", version: null });
    expect(server(" Google Frontend")).toMatchObject({ product: "Google Frontend", version: null });
    expect(server(" ECS (dcb/7F84)")).toMatchObject({ product: "ECS", version: null });
  });

  it("has null product and server without a Server header", () => {
    expect(parseHttpResponse(response("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"))).toMatchObject({
      product: null,
      version: null,
      http: { status: 404, statusLine: "HTTP/1.0 404 Not Found", server: null },
    });
  });

  it("leaves the body out of the text", () => {
    const banner = parseHttpResponse(response("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n<html>The plain HTTP request was sent to HTTPS port</html>"));
    expect(banner?.text).toBe("HTTP/1.1 400 Bad Request\nServer: nginx");
  });

  it("escapes control characters in headers", () => {
    const banner = parseHttpResponse(response("HTTP/1.1 200 OK\r\nServer: evil\x1b]0;pwned\x07/1\r\n\r\n"));
    expect(banner?.http?.server).toBe("evil\\x1B]0;pwned\\x07/1");
    expect(banner?.product).toBe("evil\\x1B]0;pwned\\x07");
    expect(banner?.text).not.toMatch(/[\x00-\x08\x1b]/);
  });

  it("reads a head that is still arriving, and says when it is complete", () => {
    const whole = response("HTTP/1.1 204 No Content\r\nServer: Caddy\r\n\r\n");
    expect(parseHttpResponse(whole.subarray(0, 12))).toMatchObject({ http: { status: 204 } });
    expect(parseHttpResponse(whole.subarray(0, 30))).toMatchObject({ http: { status: 204 }, product: null });
    expect(httpHeadComplete(whole.subarray(0, 30))).toBe(false);
    expect(httpHeadComplete(whole)).toBe(true);
    for (let end = 0; end <= whole.length; end++) expect(() => parseHttpResponse(whole.subarray(0, end))).not.toThrow();
  });

  it("returns null for what is not HTTP", () => {
    expect(parseHttpResponse(Buffer.alloc(0))).toBeNull();
    expect(parseHttpResponse(response("SSH-2.0-OpenSSH_9.6\r\n"))).toBeNull();
    expect(parseHttpResponse(response("HTTP/1.1 2000 OK\r\n\r\n"))).toBeNull();
    expect(parseHttpResponse(Buffer.from("15030300020228", "hex"))).toBeNull();
  });
});

describe("parseHttpResponse with UTF-8 headers", () => {
  it("decodes header values as UTF-8", () => {
    const banner = parseHttpResponse(Buffer.from("HTTP/1.1 200 Très bien\r\nServer: café/1.0\r\n\r\n", "utf8"));
    expect(banner).toMatchObject({ product: "café", version: "1.0", http: { statusLine: "HTTP/1.1 200 Très bien", server: "café/1.0" } });
  });
});
