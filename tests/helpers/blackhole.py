#!/usr/bin/env python3
"""A "filtered" port for tests: a listening socket that never accepts, with its accept queue full,
so the kernel silently drops new SYNs (as a firewall would). Prints the port, then waits for stdin to close.
Usage: blackhole.py [HOST [PORT]]; HOST may be IPv4 or IPv6, PORT 0 (default) picks a free one."""
import socket
import sys

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.2"
wanted_port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
family = socket.AF_INET6 if ":" in host else socket.AF_INET
server = socket.socket(family, socket.SOCK_STREAM)
server.bind((host, wanted_port))
server.listen(0)
port = server.getsockname()[1]

# Fill the accept queue: with a backlog of 0 the kernel queues one connection and drops later SYNs.
fillers = []
for _ in range(4):
    client = socket.socket(family, socket.SOCK_STREAM)
    client.settimeout(0.3)
    try:
        client.connect((host, port))
    except OSError:
        pass
    fillers.append(client)

print(port, flush=True)
sys.stdin.read()
