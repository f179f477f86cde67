#!/usr/bin/env python3
"""Holds N established TCP connections on loopback (2N sockets) until stdin closes.

One process may hold only ~20k descriptors, so socket_bench.py starts several of these.
Each holds one listener on 127.0.0.1 and clients bound to distinct 127.<i>.x.y sources
(each source has ~28k ephemeral ports), prints "ready <sockets>" and waits.
Only loopback addresses are used.
"""
import socket
import struct
import sys


def main():
    index, connections = int(sys.argv[1]), int(sys.argv[2])
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)
    target = listener.getsockname()
    held = [listener]
    per_source = 20000
    for n in range(connections):
        source = n // per_source
        client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        client.bind(("127.%d.%d.%d" % (10 + index, source // 250, 1 + source % 250), 0))
        client.connect(target)
        server, _ = listener.accept()
        held.append(client)
        held.append(server)
    print("ready %d %d" % (len(held), target[1]), flush=True)
    if len(sys.argv) > 3 and sys.argv[3] == "churn":
        churn(listener, target, held, index)
    else:
        sys.stdin.read()
    reset(held)


def reset(sockets):
    """Closes with a reset (SO_LINGER 0): a plain close leaves each bound client in
    TIME_WAIT for 60 s, and connect() takes no port a bind() holds, so 30,000 of them
    left no ephemeral port for whatever ran next on the machine (tests, seen here)."""
    for sock in sockets:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()


def churn(listener, target, held, index):
    """Closes and reopens one connection in ten every second until stdin closes."""
    import select
    victim = 1
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not sys.stdin.read(1):
            return
        pairs = (len(held) - 1) // 2
        for _ in range(max(1, pairs // 10)):
            i = 1 + 2 * (victim % pairs)
            reset(held[i:i + 2])
            client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            client.bind(("127.%d.200.%d" % (10 + index, 1 + victim % 250), 0))
            client.connect(target)
            server, _ = listener.accept()
            held[i], held[i + 1] = client, server
            victim += 1


if __name__ == "__main__":
    main()
