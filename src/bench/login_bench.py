#!/usr/bin/env python3
"""What HTTP Basic costs a valid caller, quiet and under a flood of failed logins.

    ./mvnw -B -DskipTests package
    python3 src/bench/login_bench.py

The packaged service is started twice, on loopback: with no credentials configured, then with
one Basic user (bcrypt cost 10, the encoder's default). Measured, --requests sequential
GET /stats/states on one kept-alive connection each time, the median and p90 latency:
  1. no credentials configured (the floor);
  2. the valid user, quiet;
  3. the valid user, one request every 50 ms for --seconds, while --flooders clients, each
     from its own 127.0.9.x address, send wrong passwords as fast as they are answered.
Goals (issue 27): 2 within twice 1; 3 within twice 2. Prints a table for docs/.
"""
import argparse
import base64
import http.client
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import socket_bench  # noqa: E402  (the service's start)

# bcrypt cost 10 of "bench-s3cret": a bench credential, not a secret
HASH = "$2a$10$p68TwDxLpclgI5qi6H1Wj.4Ujjl.YUQk4YA//Smc3K3G1vGwsBfFG"


def basic(name, password):
    return "Basic " + base64.b64encode(("%s:%s" % (name, password)).encode()).decode()


def latencies(port, count, authorization=None, seconds=None):
    """count requests back to back, or, with seconds, one every 50 ms for that long."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": authorization} if authorization else {}
    times = []
    end = time.time() + seconds if seconds else None
    while (len(times) < count) if end is None else (time.time() < end):
        if end is not None:
            time.sleep(0.05)
        started = time.perf_counter()
        conn.request("GET", "/stats/states", headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            sys.exit("a valid request got %d" % response.status)
        times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return times


def flood(port, index, stop, counts):
    """Wrong passwords from 127.0.9.<index> until stop; counts the answers by status."""
    while not stop.is_set():
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                              source_address=("127.0.9.%d" % index, 0))
            while not stop.is_set():
                conn.request("GET", "/stats/states", headers={"Authorization": basic("ops", "guess-%d" % index)})
                response = conn.getresponse()
                response.read()
                counts[response.status] = counts.get(response.status, 0) + 1
                if response.getheader("Connection", "").lower() == "close":
                    break
            conn.close()
        except OSError:
            time.sleep(0.01)


def summary(times):
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.9)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--flooders", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=20, help="how long the flood lasts")
    parser.add_argument("--port", type=int, default=18121)
    parser.add_argument("--jar", default=socket_bench.default_jar())
    args = parser.parse_args()
    rows = []

    service = socket_bench.start_service(args.jar, args.port, [])
    try:
        latencies(args.port, 20)
        rows.append(("no credentials configured",) + summary(latencies(args.port, args.requests)))
    finally:
        service.terminate()
        service.wait(timeout=30)

    user = ["--netstatd.security.users[0].name=ops", "--netstatd.security.users[0].password-hash=" + HASH]
    service = socket_bench.start_service(args.jar, args.port + 1, user)
    valid = basic("ops", "bench-s3cret")
    try:
        latencies(args.port + 1, 20, valid)
        quiet = summary(latencies(args.port + 1, args.requests, valid))
        rows.append(("valid Basic user, quiet",) + quiet)
        stop, counts = threading.Event(), {}
        flooders = [threading.Thread(target=flood, args=(args.port + 1, 1 + i, stop, counts), daemon=True)
                    for i in range(args.flooders)]
        for flooder in flooders:
            flooder.start()
        time.sleep(1)
        try:
            under = summary(latencies(args.port + 1, 0, valid, seconds=args.seconds))
        finally:
            stop.set()
        for flooder in flooders:
            flooder.join(timeout=30)
        rows.append(("valid Basic user, %d clients sending wrong passwords" % args.flooders,) + under)
    finally:
        service.terminate()
        service.wait(timeout=30)

    print("| valid GET /stats/states | median ms | p90 ms |")
    print("|---|---|---|")
    for name, median, p90 in rows:
        print("| %s | %.1f | %.1f |" % (name, median, p90))
    print()
    print("ratios: quiet / none %.2f (goal <= 2), flood / quiet %.2f (goal <= 2)"
          % (rows[1][1] / rows[0][1], rows[2][1] / rows[1][1]))
    print("the flood's answers by status: %s" % dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
