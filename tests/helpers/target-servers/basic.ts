// TCP listeners with the simplest behaviours a port checker must tell apart: open, reset, closed at once, silent, and a fixed banner.
import type { Socket } from "node:net";
import type { TcpServer } from "./types";

export const SSH_BANNER = "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n";

// Servers are half-open capable so each behaviour decides for itself what a peer's FIN means.
function discardUntilPeerCloses(socket: Socket): void {
  socket.resume();
  socket.on("end", () => socket.end());
}

export const open: TcpServer = () => (socket) => discardUntilPeerCloses(socket);

export const acceptReset: TcpServer = () => (socket) => {
  socket.resetAndDestroy();
};

export const acceptClose: TcpServer = () => (socket) => {
  socket.resume();
  socket.end();
};

// Reads (so the peer's writes never block) but neither answers nor closes, even after the peer's FIN.
export const silentAfterAccept: TcpServer = () => (socket) => {
  socket.resume();
};

export const ssh: TcpServer = () => (socket) => {
  socket.write(SSH_BANNER);
  discardUntilPeerCloses(socket);
};

/** Like `printf TOKEN | nc -l PORT`: the text at once, then nothing. */
export const banner: TcpServer = (context) => (socket) => {
  socket.write(context.spec.text ?? "");
  discardUntilPeerCloses(socket);
};
