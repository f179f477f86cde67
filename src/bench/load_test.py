#!/usr/bin/env python3
"""A bounded load test of netstatd on loopback, while sockets churn.

    ./mvnw -B -DskipTests package
    python3 src/bench/load_test.py --sockets 20000 --seconds 60 --clients 64

Holds N sockets in helper processes that keep closing and reopening connections, starts the
packaged service, and runs C clients for S seconds: most poll the cheap views a dashboard
polls (/stats/states, /stats/top-ips, /listening?processes=false), and as many as the
service's bound on expensive requests (4) pull full lists (/connections, /listening with
owners), as scripts would, and a few more hold live streams open throughout. With --attacks A,
A more clients replay the red team's requests of issue 13 (bytes Tomcat refuses, bogus
namespaces with owners, odd methods and Accept headers, a 7 KB query, a forged log line) and a
few never read the full list they asked for. Prints requests, non-2xx by status, 5xx, p50/p99
per endpoint, the streams' events, the service's RSS every 5 s and its threads before and after.
Only loopback; it stops by itself.
"""
import argparse
import http.client
import os
import socket
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
# the red team's requests (issue 13), raw: http.client refuses most of them
ATTACKS = [
    b"GET /listening?netns=bogus&processes=true HTTP/1.1",
    b"GET /listening?netns=999999999&processes=true HTTP/1.1",
    b"GET /connections?%00=1 HTTP/1.1",
    b"GET /connections?%0a=1 HTTP/1.1",
    b"GET /connections?%C2%80=1 HTTP/1.1",
    b"GET /stats/states?x%0a2026-12-01T06:00:00.000Z%20%20INFO%20forged=1 HTTP/1.1",
    b"GET /error HTTP/1.1",
    b"GET /WEB-INF/web.xml HTTP/1.1",
    b"GET //connections HTTP/1.1",
    b"GET /connections;x=y HTTP/1.1",
    b"PROPFIND /connections HTTP/1.1",
    b"TRACE / HTTP/1.1",
    b"OPTIONS /connections HTTP/1.1",
    b"get /connections HTTP/1.1",
    b"GET /connections?state=[ HTTP/1.1",
    b"GET /a%2fb HTTP/1.1",
    b"GET /connections?port=" + b"9" * 7000 + b" HTTP/1.1",
    b"GET /connections?resolve=true&limit=50 HTTP/1.1",
    # a good request line: the odd Accept headers below are what it gets wrong
    b"GET /stats/states HTTP/1.1",
]
ATTACK_HEADERS = [b"", b"Accept: */json\r\n", b"Accept: ;;;\r\n", b"Accept: \r\n", b"X-Other: a\x80\r\n"]


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


def attack_client(port, index, until, results, lock):
    """Replays ATTACKS with each of ATTACK_HEADERS, one connection per request."""
    i = index
    while time.time() < until:
        line, header = ATTACKS[i % len(ATTACKS)], ATTACK_HEADERS[(i // len(ATTACKS)) % len(ATTACK_HEADERS)]
        i += 1
        start = time.perf_counter()
        status = raw_request(port, line + b"\r\nHost: 127.0.0.1\r\n" + header + b"Connection: close\r\n\r\n")
        elapsed = time.perf_counter() - start
        with lock:
            results.setdefault("attack " + line[:48].decode("latin-1"), []).append((status, elapsed))


def raw_request(port, request):
    """The status of the answer to one raw request, -1 if none came."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            conn.sendall(request)
            answer = b""
            while b"\r\n" not in answer:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                answer += chunk
            while conn.recv(65536):
                pass
        return int(answer.split(b" ", 2)[1])
    except (OSError, IndexError, ValueError):
        return -1


def stalled_reader(port, until, results, lock):
    """Asks for the full list with a 2 KB receive buffer and reads nothing for 20 s, again and again."""
    while time.time() < until:
        conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
        try:
            conn.connect(("127.0.0.1", port))
            conn.sendall(b"GET /connections HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            time.sleep(max(0, min(20, until - time.time())))
        except OSError:
            pass
        finally:
            conn.close()
        with lock:
            results.setdefault("stalled reader /connections", []).append((0, 20.0))


def threads_of(pid):
    """The process's threads by name, Tomcat's workers apart (they idle out after 60 s)."""
    names = {}
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as comm:
                name = comm.read().strip()
        except OSError:
            continue
        group = "tomcat workers" if "-exec-" in name or name.startswith("http-nio-") else "other"
        names[group] = names.get(group, 0) + 1
    return names


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
    parser.add_argument("--attacks", type=int, default=0, help="clients replaying issue 13's attacks")
    parser.add_argument("--stalled", type=int, default=0, help="clients that never read /connections")
    args = parser.parse_args()
    jar = socket_bench.default_jar()
    # sources 127.20.x.y and up: apart from socket_bench's, whose TIME_WAIT rows may linger
    helpers, _ = socket_bench.start_helpers(args.sockets, churn=True, first_index=10)
    # the stream clients all come from this one address: it may hold every place
    service = socket_bench.start_service(jar, args.port, ["--netstatd.streams.max-per-client=%d" % max(args.streams, 1)])
    try:
        rss_start = socket_bench.rss_mb(service.pid)
        threads_start = threads_of(service.pid)
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
        for c in range(args.attacks):
            thread = threading.Thread(target=attack_client, args=(args.port, c * 7, until, results, lock))
            thread.start()
            threads.append(thread)
        for c in range(args.stalled):
            thread = threading.Thread(target=stalled_reader, args=(args.port, until, results, lock))
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
        # threads a request started end with it; Tomcat's idle workers go after 60 s
        threads_after = threads_of(service.pid)
        time.sleep(70)
        threads_end = threads_of(service.pid)
        stalled = results.pop("stalled reader /connections", [])
        total = sum(len(v) for v in results.values())
        errors = sum(1 for v in results.values() for s, _ in v if s != 200)
        server_errors = sum(1 for v in results.values() for s, _ in v if s >= 500 or s < 0)
        by_status = {}
        for samples in results.values():
            for status, _ in samples:
                by_status[status] = by_status.get(status, 0) + 1
        print("\n%d clients (%d pulling full lists, %d attacking, %d never reading) for %d s, %d sockets "
              "churning, 2 cores\n" % (args.clients + args.attacks + args.stalled, args.expensive_clients,
                                       args.attacks, args.stalled, args.seconds, args.sockets))
        print("| endpoint | requests | non-200 | p50 ms | p99 ms |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for path, samples in sorted(results.items()):
            times = sorted(t for _, t in samples)
            print("| %s | %d | %d | %.1f | %.1f |" % (path, len(samples), sum(1 for s, _ in samples if s != 200),
                                                     times[len(times) // 2] * 1000,
                                                     times[min(len(times) - 1, int(len(times) * 0.99))] * 1000))
        print("\nrequests %d, non-200 %d, 5xx or no answer %d; "
              "%d stalled readers; service RSS %.0f MB before the load, %.0f MB at the end"
              % (total, errors, server_errors, len(stalled), rss_start, rss_end))
        print("by status: " + ", ".join("%s %d" % ("none" if k < 0 else k, v) for k, v in sorted(by_status.items())))
        print("threads: %s before the load, %s as it ends, %s 70 s later"
              % (threads_start, threads_after, threads_end))
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
