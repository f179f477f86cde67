#!/usr/bin/env python3
"""/capture/top-sources against tcpdump on the same traffic: a UDP flood on loopback.

    ./mvnw -B -DskipTests package
    python3 src/bench/capture_bench.py --packets 100000 --runs 5

A sender (udp_flood.c, compiled with cc -O2) sends 16-byte UDP datagrams to a port on
127.0.0.1 from 200 sources as fast as one core does, for a bounded time; in alternating
rounds, while it runs, either the service captures --packets packets of it
(/capture/top-sources?iface=lo&protocol=udp&port=P&packets=N) or tcpdump does, twice: as its
best (-w /dev/null) and as the seed's recipe (-tnn text through awk, sort, uniq -c). Each
round reports packets captured per second of capture and the packets the kernel dropped. Prints
the medians and the ratios: the goal is at least tcpdump's rate with no more drops. Root
(CAP_NET_RAW) only; everything stops by itself and stays on loopback.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from socket_bench import default_jar  # noqa: E402

SERVICE_PORT = 18113
SOURCES = 200


def compile_sender():
    out = os.path.join(tempfile.mkdtemp(prefix="netstatd-bench-"), "udp_flood")
    subprocess.run(["cc", "-O2", "-o", out, os.path.join(HERE, "udp_flood.c")], check=True)
    return out


def start_service(jar):
    options = os.path.join(os.path.dirname(os.path.dirname(HERE)), "src", "main", "jvm", "options")
    command = ["java", "@" + options, "-jar", jar, "--server.port=%d" % SERVICE_PORT,
               "--netstatd.capture.enabled=true"]
    service = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/actuator/health" % SERVICE_PORT, timeout=1)
            return service
        except OSError:
            time.sleep(0.25)
    service.kill()
    sys.exit("the service did not start")


def flood(sender, port, seconds):
    return subprocess.Popen([sender, str(port), str(seconds), str(SOURCES)], stdout=subprocess.PIPE, text=True)


def ours(port, packets):
    url = ("http://127.0.0.1:%d/capture/top-sources?iface=lo&protocol=udp&port=%d&packets=%d&seconds=30"
           % (SERVICE_PORT, port, packets))
    with urllib.request.urlopen(url, timeout=60) as response:
        body = json.load(response)
    return body["packets"] / body["seconds"], body["dropped"], body["packets"], body["addresses"]


def tcpdump(port, packets, recipe):
    """tcpdump -c N: its rate from 'listening on' to its exit, its own drop count."""
    expression = "udp dst port %d" % port
    if recipe:
        command = ("tcpdump -i lo -tnn %s -c %d 2>%s | awk -F\".\" '{print $1\".\"$2\".\"$3\".\"$4}' "
                   "| sort | uniq -c | sort -nr | head -20 > /dev/null")
    else:
        command = "tcpdump -i lo -nn -w /dev/null %s -c %d 2>%s"
    err = tempfile.NamedTemporaryFile("r", delete=False)
    process = subprocess.Popen(["bash", "-c", command % (repr(expression), packets, err.name)])
    start = None
    while process.poll() is None and start is None:
        with open(err.name) as f:
            if "listening on" in f.read():
                start = time.monotonic()
        time.sleep(0.001)
    process.wait(timeout=60)
    took = time.monotonic() - (start or time.monotonic())
    text = open(err.name).read()
    os.unlink(err.name)
    captured = int(re.search(r"(\d+) packets captured", text).group(1))
    dropped = int(re.search(r"(\d+) packets dropped by kernel", text).group(1))
    return captured / took, dropped, captured, None


SENT = []


def round_of(sender, port, packets, capture, senders):
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", port))  # a bound port: no ICMP port unreachable per datagram
    sending = [flood(sender, port, 6) for _ in range(senders)]
    time.sleep(0.3)  # the senders at full rate before the capture starts
    try:
        return capture()
    finally:
        rate = 0
        for s in sending:
            out, _ = s.communicate(timeout=30)
            rate += float(out.split()[-3])
        SENT.append(rate)
        receiver.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packets", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--senders", type=int, default=1, help="sender processes (each one core at most)")
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("capturing needs root (CAP_NET_RAW)")
    if not shutil.which("tcpdump"):
        sys.exit("tcpdump is not installed (apt-get install tcpdump)")
    sender = compile_sender()
    service = start_service(args.jar or default_jar())
    port = 20000 + os.getpid() % 10000
    results = {"netstatd": [], "tcpdump -w /dev/null": [], "tcpdump recipe (text | awk | uniq -c)": []}
    try:
        ours(port, 10)  # warm: the first capture loads its classes
        for run in range(args.runs):
            results["netstatd"].append(round_of(sender, port, args.packets, lambda: ours(port, args.packets), args.senders))
            results["tcpdump -w /dev/null"].append(
                round_of(sender, port, args.packets, lambda: tcpdump(port, args.packets, False), args.senders))
            results["tcpdump recipe (text | awk | uniq -c)"].append(
                round_of(sender, port, args.packets, lambda: tcpdump(port, args.packets, True), args.senders))
            print("round %d: %s" % (run + 1, "; ".join("%s %.0f/s dropped %d" % (name, r[-1][0], r[-1][1])
                                                       for name, r in results.items())), flush=True)
    finally:
        service.terminate()
        service.wait(timeout=30)
    print()
    print("senders: %d, sending %.0f datagrams a second (median over the rounds)"
          % (args.senders, statistics.median(SENT)))
    print("| %d packets of a UDP flood on lo, %d rounds | captured per second | dropped | captured |"
          % (args.packets, args.runs))
    print("| --- | ---: | ---: | ---: |")
    medians = {}
    for name, rounds in results.items():
        rate = statistics.median(r[0] for r in rounds)
        dropped = statistics.median(r[1] for r in rounds)
        captured = statistics.median(r[2] for r in rounds)
        medians[name] = (rate, dropped)
        print("| %s | %.0f | %.0f | %.0f |" % (name, rate, dropped, captured))
    best = medians["tcpdump -w /dev/null"]
    recipe = medians["tcpdump recipe (text | awk | uniq -c)"]
    print()
    print("netstatd / tcpdump -w /dev/null: rate %.2fx, drops %.0f vs %.0f" % (
        medians["netstatd"][0] / best[0], medians["netstatd"][1], best[1]))
    print("netstatd / tcpdump recipe: rate %.2fx, drops %.0f vs %.0f" % (
        medians["netstatd"][0] / recipe[0], medians["netstatd"][1], recipe[1]))


if __name__ == "__main__":
    main()
