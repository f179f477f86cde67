#!/usr/bin/env python3
"""Captures destroy-notices.bin (run as root: joining the destroy groups needs CAP_NET_ADMIN).

Joins the four sock_diag destroy groups, then makes one TCP connection from 127.0.0.9 to a
listener on 127.0.0.1:18094 over which the client sends 700 bytes and both ends close, and
one UDP socket bound to 127.0.0.1:18095 that is closed; writes every notice received in the
next second, as received, concatenated.
"""
import os
import socket
import time

HERE = os.path.dirname(os.path.abspath(__file__))
nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
nl.bind((0, 0b1111))
nl.settimeout(1.0)

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 18094))
listener.listen(1)
client = socket.socket()
client.bind(("127.0.0.9", 0))
client.connect(("127.0.0.1", 18094))
server, _ = listener.accept()
client.sendall(b"z" * 700)
client.shutdown(socket.SHUT_WR)
got = 0
while True:
    chunk = server.recv(4096)
    if not chunk:
        break
    got += len(chunk)
server.close()
client.close()
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 18095))
udp.close()
listener.close()

notices = b""
deadline = time.time() + 1.0
while time.time() < deadline:
    try:
        notices += nl.recv(65536)
    except socket.timeout:
        break
with open(os.path.join(HERE, "destroy-notices.bin"), "wb") as out:
    out.write(notices)
print("%d bytes, client port %d, %d read" % (len(notices), client.getsockname()[1] if False else 0, got))
