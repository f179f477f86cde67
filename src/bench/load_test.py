#!/usr/bin/env python3
"""A bounded load test of netstatd on loopback, while sockets churn.

    ./mvnw -B -DskipTests package
    python3 src/bench/load_test.py --sockets 20000 --seconds 60 --clients 64

Holds N sockets in helper processes that keep closing and reopening connections, starts the
packaged service, and runs C clients for S seconds: most poll the cheap views a dashboard
polls (/stats/states, /stats/top-ips, /listening?processes=false), and as many as the
service's bound on expensive requests (4) pull full lists (/connections, /listening with
owners), as scripts would, and a few more hold live streams open throughout. Prints requests,
errors, 5xx, p50/p99 per endpoint, the streams' events, and the service's RSS at start and end.
Only loopback; it stops by itself.
"""
import argparse
import http.client
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import socket_bench  # noqa: E402  (the same helpers and service start)

CHEAP = ["/stats/states", "/stats/top-ips", "/listening?processes=false", "/stats/states?port=80", "/stats/sockets",
         "/interfaces", "/actuator/prometheus"]
# dashboards follow the state counts; a few follow the connections of a block of clients that
# keeps changing (first_index=10 below: the first helper's churn reconnects from 127.20.200.1-250,
# so 16 of those sources see a few dozen connections opened and closed every second)
STREAMS = ["/stats/states/stream?interval=1s", "/stats/states/stream?interval=1s", "/stats/states/stream?interval=1s",
           "/connections/stream?interval=1s&localAddress=127.20.200.0/28"]
EXPENSIVE = ["/connections", "/listening", "/connections?processes=true&limit=100"]


def client(port, paths, until, results, lock):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = 0
    while time.time() < until:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status = response.status
        except OSError:
            status = -1
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = time.perf_counter() - start
        with lock:
            results.setdefault(path, []).append((status, elapsed))


def stream_client(port, path, until, results, lock):
    """Holds one SSE stream until the end, counting its events; a refusal or a cut is an error."""
    events, status = 0, -1
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path, headers={"Accept": "text/event-stream"})
        response = conn.getresponse()
        status = response.status
        while status == 200 and time.time() < until:
            line = response.fp.readline()
            if not line:
                status = -1
                break
            if line.startswith(b"event:"):
                events += 1
        conn.close()
    except OSError:
        status = -1
    with lock:
        results.setdefault("stream " + path, []).append((status, events))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sockets", type=int, default=20000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--expensive-clients", type=int, default=4)
    parser.add_argument("--port", type=int, default=18098)
    parser.add_argument("--streams", type=int, default=8, help="SSE clients held open throughout")
    args = parser.parse_args()
    jar = sorted(__import__("glob").glob(os.path.join(socket_bench.ROOT, "target", "netstatd-*.jar")))[-1]
    # sources 127.20.x.y and up: apart from socket_bench's, whose TIME_WAIT rows may linger
    helpers, _ = socket_bench.start_helpers(args.sockets, churn=True, first_index=10)
    service = socket_bench.start_service(jar, args.port, [])
    try:
        rss_start = socket_bench.rss_mb(service.pid)
        results, lock, threads = {}, threading.Lock(), []
        until = time.time() + args.seconds
        rss_series = []

        def sample():
            while time.time() < until:
                rss_series.append(socket_bench.rss_mb(service.pid))
                time.sleep(5)

        sampler = threading.Thread(target=sample)
        sampler.start()
        for c in range(args.clients):
            paths = EXPENSIVE if c < args.expensive_clients else CHEAP
            thread = threading.Thread(target=client, args=(args.port, paths[c % len(paths):] + paths[:c % len(paths)],
                                                           until, results, lock))
            thread.start()
            threads.append(thread)
        streams = {}
        for c in range(args.streams):
            thread = threading.Thread(target=stream_client,
                                      args=(args.port, STREAMS[c % len(STREAMS)], until, streams, lock))
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        sampler.join()
        rss_end = socket_bench.rss_mb(service.pid)
        total = sum(len(v) for v in results.values())
        errors = sum(1 for v in results.values() for s, _ in v if s != 200)
        server_errors = sum(1 for v in results.values() for s, _ in v if s >= 500 or s < 0)
        print("\n%d clients (%d pulling full lists) for %d s, %d sockets churning, 2 cores\n"
              % (args.clients, args.expensive_clients, args.seconds, args.sockets))
        print("| endpoint | requests | non-200 | p50 ms | p99 ms |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for path, samples in sorted(results.items()):
            times = sorted(t for _, t in samples)
            print("| %s | %d | %d | %.1f | %.1f |" % (path, len(samples), sum(1 for s, _ in samples if s != 200),
                                                     times[len(times) // 2] * 1000,
                                                     times[min(len(times) - 1, int(len(times) * 0.99))] * 1000))
        print("\nrequests %d, non-200 %d, 5xx or failed %d; service RSS %.0f MB before the load, %.0f MB at "
              "the end" % (total, errors, server_errors, rss_start, rss_end))
        print("RSS every 5 s under load (MB): " + " ".join("%.0f" % r for r in rss_series))
        for path, held in sorted(streams.items()):
            print("%s: %d held, %d cut or refused, %d events in all"
                  % (path, len(held), sum(1 for status, _ in held if status != 200), sum(e for _, e in held)))
    finally:
        service.terminate()
        service.wait(timeout=30)
        socket_bench.stop_helpers(helpers)


if __name__ == "__main__":
    main()
