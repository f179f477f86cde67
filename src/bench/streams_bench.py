#!/usr/bin/env python3
"""What live streams and bursts of closes cost the service, at N real sockets on loopback.

    ./mvnw -B -DskipTests package
    python3 src/bench/streams_bench.py --sockets 60000

1. Streams: N sockets held (socket_bench's helpers, one connection in ten reconnecting every
   second), the packaged service started fresh for each count of /connections/stream clients
   (0, 4, 16; interval 1s), its resident memory sampled every 200 ms for --seconds: the peak
   of each, and the ratio to none (the goal: 16 streams cost less than 30 % over none). Each
   stream's events are counted, so a stream that went silent shows.
2. Closes: connections from 127.68.0.2 and up (--workers processes) to a listener on
   127.68.0.1, each reset by the client (so the server's end is destroyed with its peer known),
   paced at --rates closes a second for --close-seconds; beside it `ss -E -t -n` as the peer. Counted: the closes made, the
   server ends /stats/closed counts, the ones ss printed, and the notices the kernel said it
   dropped (ENOBUFS) to the service.
Bounded everywhere; traffic only on loopback. Prints a table to paste into docs/.
"""
import argparse
import http.client
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import socket_bench  # noqa: E402  (the helpers, the service's start, rss)


class Stream(threading.Thread):
    """One /connections/stream client: counts its events until stopped."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.events, self.stopped = port, 0, False
        self.sock = None

    def run(self):
        try:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
            self.sock.sendall(b"GET /connections/stream?interval=1s HTTP/1.1\r\nHost: x\r\n"
                              b"Accept: text/event-stream\r\n\r\n")
            reader = self.sock.makefile("rb")
            for line in reader:
                if self.stopped:
                    break
                if line.startswith(b"event:"):
                    self.events += 1
        except OSError:
            pass

    def stop(self):
        self.stopped = True
        try:
            self.sock.close()
        except (OSError, AttributeError):
            pass


def streams_run(jar, port, count, seconds):
    # every stream from this one address: it may hold them all
    service = socket_bench.start_service(jar, port, ["--netstatd.streams.max-per-client=%d" % max(count, 1)])
    try:
        streams = [Stream(port) for _ in range(count)]
        for stream in streams:
            stream.start()
        peak, end = 0.0, time.time() + seconds
        while time.time() < end and service.poll() is None:
            peak = max(peak, socket_bench.rss_mb(service.pid))
            time.sleep(0.2)
        alive = service.poll() is None
        for stream in streams:
            stream.stop()
        return peak, alive, [stream.events for stream in streams]
    finally:
        service.terminate()
        service.wait(timeout=30)


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    return conn.getresponse().read().decode()


def lost_notices(port):
    for line in get(port, "/actuator/prometheus").splitlines():
        if line.startswith("netstatd_socket_destroy_notices_lost_total "):
            return float(line.split()[1])
    return 0.0


def make_closes(target, source, rate, seconds, made):
    """One worker: connections from `source` at `rate` a second, each reset by the client."""
    linger = struct.pack("ii", 1, 0)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    started, count = time.time(), 0
    while count < rate * seconds:
        wait = started + count / rate - time.time()
        if wait > 0:
            time.sleep(wait)
        client = socket.socket()
        client.bind((source, 0))
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        client.connect(target)
        client.close()
        count += 1
    made.value = count


def accept_all(listener, total):
    """Accepts `total` connections and closes each plainly: a reset from this side, when it
    came before the client's, would clear the peer's port before the socket is destroyed, and
    its notice would be no connection (ss -E still prints it)."""
    for _ in range(total):
        server, _ = listener.accept()
        server.close()


def closes_run(port, rate, seconds, workers):
    """Closes at `rate` a second for `seconds` from `workers` processes; what the service
    and ss -E saw of them."""
    import multiprocessing
    listener = socket.socket()
    listener.bind(("127.68.0.1", 0))
    listener.listen(4096)
    target = listener.getsockname()
    peer = subprocess.Popen(["ss", "-E", "-t", "-n", "src", "127.68.0.1"], stdout=subprocess.PIPE, text=True)
    seen_by_ss = [0]
    mine = "127.68.0.1:%d" % target[1]

    def count_ss():
        for line in peer.stdout:
            if mine in line:
                seen_by_ss[0] += 1

    threading.Thread(target=count_ss, daemon=True).start()
    time.sleep(0.5)
    lost_before = lost_notices(port)
    total = rate * seconds
    acceptor = threading.Thread(target=accept_all, args=(listener, total), daemon=True)
    acceptor.start()
    started = time.time()
    counts = [multiprocessing.Value("l", 0) for _ in range(workers)]
    processes = [multiprocessing.Process(target=make_closes, args=(target, "127.68.0.%d" % (2 + i),
                                                                    rate / workers, seconds, counts[i]))
                 for i in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    acceptor.join(timeout=60)
    elapsed = time.time() - started
    made = sum(count.value for count in counts)
    window = int(elapsed * 1000) + 500
    answer = json.loads(get(port, "/stats/closed?localAddress=127.68.0.1&port=%d&window=%dms&limit=1"
                            % (target[1], window)))
    time.sleep(2)
    peer.terminate()
    peer.wait(timeout=10)
    listener.close()
    return {"rate": rate, "achieved": made / elapsed, "made": made, "service": answer["total"],
            "complete": answer["complete"], "ss": seen_by_ss[0], "lost": lost_notices(port) - lost_before}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sockets", type=int, default=60000)
    parser.add_argument("--seconds", type=int, default=25)
    parser.add_argument("--streams", default="0,4,16")
    parser.add_argument("--rates", default="10000,20000")
    parser.add_argument("--close-seconds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="processes making the closes")
    parser.add_argument("--port", type=int, default=18097)
    parser.add_argument("--jar", default=socket_bench.default_jar())
    parser.add_argument("--no-capabilities", action="store_true",
                        help="run the service for the closes as user 65534 with no capability (setpriv): "
                             "its notices' receive buffer then stops at rmem_max, without SO_RCVBUFFORCE")
    args = parser.parse_args()

    counts = [int(n) for n in args.streams.split(",") if n]
    helpers, _ = socket_bench.start_helpers(args.sockets, churn=True, first_index=20) if counts else ([], [])
    try:
        print("## streams at %d sockets, one connection in ten reconnecting every second" % args.sockets)
        print("| streams | peak RSS (MB) | / none | up | events per stream (min-max) |")
        print("|---|---|---|---|---|")
        none = None
        for count in counts:
            # a port of its own for each run: the last one's may linger a moment in its shutdown
            peak, alive, events = streams_run(args.jar, args.port + 1 + count, count, args.seconds)
            none = none or peak
            spread = "%d-%d" % (min(events), max(events)) if events else "-"
            print("| %d | %.0f | %.2f | %s | %s |" % (count, peak, peak / none, "yes" if alive else "NO", spread),
                  flush=True)
    finally:
        socket_bench.stop_helpers(helpers)

    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
              "--bounding-set=-all", "--no-new-privs"] if args.no_capabilities else []
    service = socket_bench.start_service(args.jar, args.port, [], nobody)
    try:
        print()
        print("## destroy notices at a paced rate of closes, %d s each, beside ss -E, the service %s"
              % (args.close_seconds, "as nobody with no capability" if nobody else "as root"))
        print("| asked /s | achieved /s | closes | /stats/closed | complete | ss -E | ENOBUFS |")
        print("|---|---|---|---|---|---|---|")
        for rate in [int(r) for r in args.rates.split(",") if r]:
            r = closes_run(args.port, rate, args.close_seconds, args.workers)
            print("| %d | %.0f | %d | %d | %s | %d | %d |" % (r["rate"], r["achieved"], r["made"], r["service"],
                                                           r["complete"], r["ss"], r["lost"]), flush=True)
    finally:
        service.terminate()
        service.wait(timeout=30)


if __name__ == "__main__":
    main()
