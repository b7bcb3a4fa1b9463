#!/usr/bin/env python3
"""A "filtered" port for tests: a listening socket that never accepts, with its accept queue full,
so the kernel silently drops new SYNs (as a firewall would). Prints the port, then waits for stdin to close."""
import socket
import sys

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.2"
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind((host, 0))
server.listen(0)
port = server.getsockname()[1]

# Fill the accept queue: with a backlog of 0 the kernel queues one connection and drops later SYNs.
fillers = []
for _ in range(4):
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.settimeout(0.3)
    try:
        client.connect((host, port))
    except OSError:
        pass
    fillers.append(client)

print(port, flush=True)
sys.stdin.read()
