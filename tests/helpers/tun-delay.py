#!/usr/bin/env python3
"""A slow link for tests (the kernel here has no netem): opens two TUN devices and copies every packet
from one to the other after holding it DELAY_MS, in both directions. tests/helpers/netns.ts moves the
second device into a network namespace and routes the namespace's addresses over the pair.

Usage: tun-delay.py NAME_A NAME_B DELAY_MS
Prints "ready" once both devices exist, then relays until stdin closes (so a crashed test process
takes the relay, and with it both devices, down) or SIGTERM."""
import collections
import errno
import fcntl
import os
import select
import signal
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
# Packets held per direction before new ones are dropped, as a real queue would overflow.
MAX_QUEUED = 20000
# Drain at most this many packets per device per wakeup so one busy direction cannot starve the other.
MAX_BATCH = 256


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    name_a, name_b, delay_ms = sys.argv[1], sys.argv[2], float(sys.argv[3])
    delay = delay_ms / 1000.0
    fd_a = open_tun(name_a)
    fd_b = open_tun(name_b)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    # The delay is the same for every packet, so arrival order is release order: a FIFO per direction
    # is already sorted by release time and needs no heap.
    queues = {fd_a: collections.deque(), fd_b: collections.deque()}  # keyed by the fd to write to
    peer = {fd_a: fd_b, fd_b: fd_a}
    stdin = sys.stdin.fileno()

    print("ready", flush=True)

    while True:
        now = time.monotonic()
        for out_fd, queue in queues.items():
            while queue and queue[0][0] <= now:
                _, packet = queue.popleft()
                try:
                    os.write(out_fd, packet)
                except OSError as error:
                    # The device is down or gone (being torn down, or not yet up): drop, as a link would.
                    if error.errno not in (errno.EAGAIN, errno.EIO, errno.EINVAL, errno.ENOMEM, errno.ENOBUFS):
                        raise
        due = [queue[0][0] for queue in queues.values() if queue]
        # select() takes microseconds where poll() takes whole milliseconds: that keeps the delay within ~0.1 ms.
        timeout = None if not due else max(0.0, min(due) - time.monotonic())
        readable, _, _ = select.select([fd_a, fd_b, stdin], [], [], timeout)
        for fd in readable:
            if fd == stdin:
                if not os.read(stdin, 4096):
                    return
                continue
            out_queue = queues[peer[fd]]
            for _ in range(MAX_BATCH):
                try:
                    packet = os.read(fd, 65536)
                except BlockingIOError:
                    break
                except OSError as error:
                    if error.errno == errno.EIO:  # no carrier yet; nothing to read
                        break
                    raise
                if len(out_queue) < MAX_QUEUED:
                    out_queue.append((time.monotonic() + delay, packet))


if __name__ == "__main__":
    main()
