// A reverse proxy in front of the e2e server, as a site runs behind one: it listens on 127.0.0.3, connects
// from 127.0.0.3 (the e2e server trusts that address in TRUSTED_PROXIES) and says in X-Forwarded-For that
// the visitor is `clientIp`. Host and Origin are rewritten to the site's own, as proxies configured for a
// public name do. Lets a browser test be a visitor whose address is 127.0.0.2, the tests' stand-in for the internet.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ForwardingProxy {
  url: string;
  close: () => Promise<void>;
}

export async function startForwardingProxy(upstream: string, clientIp: string): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = http.createServer((request, response) => {
    const headers = { ...request.headers, host: target.host, "x-forwarded-for": clientIp };
    if (headers.origin) headers.origin = target.origin;
    if (typeof headers.referer === "string") headers.referer = headers.referer.replace(/^http:\/\/127\.0\.0\.3:\d+/, target.origin);
    const forwarded = http.request(
      { host: target.hostname, port: target.port, localAddress: "127.0.0.3", method: request.method, path: request.url, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on("error", () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.3", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.3:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
