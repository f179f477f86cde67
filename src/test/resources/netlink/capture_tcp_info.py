#!/usr/bin/env python3
"""Captures the tcp_info fixtures (run as root on the kernel to capture; writes here).

Holds a listener on 127.0.0.1:18093 and one connection to it from 127.0.0.5, moves
exactly 1000 bytes from the client to the server and 300 back, each side reading what
it was sent, then dumps IPv4 TCP with idiag_ext = INFO | CONG | SKMEMINFO and writes every
buffer the kernel answered, concatenated, to tcp-info-dump.bin, with `ss -tinmeH` of the
same sockets beside it in tcp-info-dump.ss.txt.
"""
import os
import socket
import struct
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
EXT = (1 << (2 - 1)) | (1 << (4 - 1)) | (1 << (7 - 1))

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 18093))
listener.listen(8)
client = socket.socket()
client.bind(("127.0.0.5", 0))
client.connect(("127.0.0.1", 18093))
server, _ = listener.accept()
client.sendall(b"x" * 1000)
got = b""
while len(got) < 1000:
    got += server.recv(4096)
server.sendall(b"y" * 300)
got = b""
while len(got) < 300:
    got += client.recv(4096)

nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
request = struct.pack("=LHHLL", 72, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
request += struct.pack("=BBBBL", socket.AF_INET, socket.IPPROTO_TCP, EXT, 0, 0xffe) + b"\0" * 48
nl.sendto(request, (0, 0))
buffers = b""
done = False
while not done:
    data = nl.recv(65536)
    buffers += data
    offset = 0
    while offset + 16 <= len(data):
        length, kind = struct.unpack_from("=LH", data, offset)
        if kind == 3:
            done = True
        offset += (length + 3) & ~3
with open(os.path.join(HERE, "tcp-info-dump.bin"), "wb") as out:
    out.write(buffers)
ss = subprocess.run(["ss", "-tinmeH", "( sport = :18093 or dport = :18093 )"], capture_output=True, text=True)
with open(os.path.join(HERE, "tcp-info-dump.ss.txt"), "w") as out:
    out.write(ss.stdout)
print("%d bytes; client port %d" % (len(buffers), client.getsockname()[1]))
