// The one-line commands that start a temporary listener which sends the visitor's token to whoever
// connects, per operating system. Pure: the home page builds them for the port the visitor chose.
export interface ListenerCommand {
  os: string;
  command: string;
}

export function listenerCommands(token: string, port: number): ListenerCommand[] {
  const safeToken = token.replace(/[^a-z0-9-]/g, "");
  const safePort = Number.isInteger(port) && port >= 1 && port <= 65535 ? port : 8080;
  return [
    { os: "Linux and macOS (nc)", command: `printf '${safeToken}\\n' | nc -l ${safePort}` },
    { os: "Linux (older netcat)", command: `printf '${safeToken}\\n' | nc -l -p ${safePort}` },
    {
      os: "Windows (PowerShell)",
      command: `$l=[Net.Sockets.TcpListener]::new([Net.IPAddress]::Any,${safePort});$l.Start();$c=$l.AcceptTcpClient();$w=[IO.StreamWriter]::new($c.GetStream());$w.WriteLine('${safeToken}');$w.Flush();Start-Sleep 3;$c.Close();$l.Stop()`,
    },
    { os: "Python 3 (any system)", command: `python3 -c "import socket;s=socket.create_server(('',${safePort}));c,_=s.accept();c.sendall(b'${safeToken}\\n');c.close()"` },
  ];
}
