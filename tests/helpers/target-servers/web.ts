// Web servers: plain HTTP that looks like Apache, and implicit TLS (any test certificate) that looks like nginx; both report what name the client asked for.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { acceptTls, viaOf } from "./session";
import type { ServerContext, TcpServer } from "./types";

function webServer(context: ServerContext, software: string, page: string) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    context.emit({ event: "http", method: request.method ?? "", path: request.url ?? "/", host: request.headers.host ?? null }, viaOf(request.socket));
    response.setHeader("Server", software);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("Method Not Allowed\n");
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html", "Content-Length": Buffer.byteLength(page) });
    response.end(request.method === "HEAD" ? undefined : page);
  });
  context.onClose(() => server.close());
  return server;
}

export const http: TcpServer = (context) => {
  const server = webServer(context, "Apache/2.4.58 (Ubuntu)", "<html><body><h1>It works!</h1></body></html>\n");
  return (socket) => server.emit("connection", socket);
};

export const tls: TcpServer = (context) => {
  const server = webServer(context, "nginx/1.24.0", "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n");
  return (socket) => server.emit("connection", acceptTls(socket, context));
};
