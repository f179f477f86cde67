#!/usr/bin/env python3
"""netstatd against the tools it replaces, at N real TCP sockets on loopback.

    ./mvnw -B -DskipTests package
    python3 src/bench/socket_bench.py --sockets 60000 --runs 7

Opens N sockets (N/2 established connections, spread over helper processes, distinct
127.x.y.z sources), starts the packaged service on 127.0.0.1, and times every endpoint over
HTTP (curl, warm) alternating with the reference commands in the same rounds: the median of
--runs rounds each. Prints a table of medians and the ratios the performance targets are
stated in, the service's RSS, and a concurrency run (64 clients polling /stats/states).
The peers in the same rounds: ss, netstat and their recipes, node_exporter's tcpstat scrape
(prometheus-node-exporter --collector.disable-defaults --collector.tcpstat, on 127.0.0.1:19100,
with its RSS), and sockdiag_count.c, the physical limit of counting states here (compiled with
cc -O2). Everything is bounded: it stops by itself, and sends traffic only to loopback.
"""
import argparse
import glob
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PER_HELPER = 9000  # connections per helper: 18k descriptors, under the usual 20k limit


def default_jar():
    """The extracted jar the build writes (target/netstatd/netstatd.jar), else the fat jar."""
    extracted = os.path.join(ROOT, "target", "netstatd", "netstatd.jar")
    if os.path.exists(extracted):
        return extracted
    return sorted(glob.glob(os.path.join(ROOT, "target", "netstatd-*.jar")))[-1]


def start_helpers(sockets, churn=False, first_index=0):
    """Starts helper processes holding `sockets` sockets; with churn they keep reconnecting."""
    connections = sockets // 2
    helpers, index = [], first_index
    while connections > 0:
        n = min(PER_HELPER, connections)
        command = [sys.executable, os.path.join(HERE, "hold_sockets.py"), str(index), str(n)]
        helpers.append(subprocess.Popen(command + (["churn"] if churn else []),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        connections -= n
        index += 1
    ports = []
    for helper in helpers:
        line = helper.stdout.readline().split()
        if not line or line[0] != "ready":
            sys.exit("a socket helper failed")
        ports.append(int(line[2]))
    return helpers, ports


def stop_helpers(helpers):
    """Closes the helpers' stdin, which tells them to close their sockets, and waits."""
    for helper in helpers:
        helper.stdin.close()
    for helper in helpers:
        helper.wait(timeout=120)


def start_service(jar, port, extra, prefix=()):
    # the JVM options the service ships with (spring-boot:run and the container use them too)
    options = "@" + os.path.join(ROOT, "src", "main", "jvm", "options")
    # and the environment the container sets (Dockerfile)
    environment = dict(os.environ, MALLOC_ARENA_MAX="2")
    # its log, to read when something failed
    log = open(os.path.join(ROOT, "target", "bench-service.log"), "w")
    # the class-data archive the build wrote beside the extracted jar, as the README runs it
    archive = os.path.join(os.path.dirname(jar), "netstatd.jsa")
    sharing = ["-XX:SharedArchiveFile=" + archive] if os.path.exists(archive) else []
    process = subprocess.Popen(list(prefix) + ["java", options] + sharing + ["-jar", jar, "--server.port=%d" % port] + extra,
                               stdout=log, stderr=subprocess.STDOUT, env=environment)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/actuator/health/readiness")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    sys.exit("the service did not start")


def rss_mb(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_node_exporter(port):
    """node_exporter with only its tcpstat collector, as the issue's anchor runs it; None without it."""
    binary = shutil.which("prometheus-node-exporter") or shutil.which("node_exporter")
    if binary is None:
        print("node_exporter is not installed (apt-get install prometheus-node-exporter): its lines are left out")
        return None
    process = subprocess.Popen([binary, "--collector.disable-defaults", "--collector.tcpstat",
                                "--web.listen-address=127.0.0.1:%d" % port],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/metrics")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("node_exporter did not start")


def compile_counter():
    """Compiles sockdiag_count.c into target/; None without a C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        print("no C compiler (apt-get install gcc): the C limit is left out")
        return None
    binary = os.path.join(ROOT, "target", "sockdiag_count")
    subprocess.run([compiler, "-O2", "-o", binary, os.path.join(HERE, "sockdiag_count.c")], check=True)
    return binary


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def concurrency(port, path, clients, requests_each):
    def worker(latencies, errors):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(requests_each):
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(response.status)
            except OSError as ex:
                errors.append(str(ex))
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies.append(time.perf_counter() - start)

    latencies, errors, threads = [], [], []
    start = time.perf_counter()
    for _ in range(clients):
        thread = threading.Thread(target=worker, args=(latencies, errors))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {"throughput": len(latencies) / elapsed, "p50": latencies[len(latencies) // 2],
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], "errors": len(errors)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sockets", type=int, default=60000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--port", type=int, default=18099)
    parser.add_argument("--jar", default=None)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--service-arg", action="append", default=[], help="passed to the service, e.g. --netstatd.source=procfs")
    args = parser.parse_args()
    jar = args.jar or default_jar()
    for tool in ("curl", "netstat", "ss"):
        if shutil.which(tool) is None:
            sys.exit("%s is not installed (apt-get install curl net-tools iproute2)" % tool)

    counter = compile_counter()
    helpers, ports = start_helpers(args.sockets)
    service = start_service(jar, args.port, args.service_arg)
    rss_idle = rss_mb(service.pid)
    exporter = start_node_exporter(args.port + 1000)
    try:
        p = ports[0]
        base = "curl -sf -o /dev/null 'http://127.0.0.1:%d" % args.port
        items = [
            ("cat /proc/net/tcp /proc/net/tcp6 (procfs floor)", "cat /proc/net/tcp /proc/net/tcp6 > /dev/null"),
            ("netstat -nat | awk | sort | uniq -c (states recipe)",
             "netstat -nat | awk '{print $6}' | sort | uniq -c | sort -rn > /dev/null"),
            ("netstat -anp | grep | awk ... | head (top-ips recipe)",
             "netstat -anp | grep %d | awk '{print $5}' | awk -F: '{print $1}' | sort | uniq -c | sort -nr | head -20 > /dev/null" % p),
            ("netstat -ant", "netstat -ant > /dev/null"),
            ("netstat -ltn", "netstat -ltn > /dev/null"),
            ("netstat -antp", "netstat -antp > /dev/null"),
            ("ss -tan", "ss -tan > /dev/null"),
            ("ss -ltn", "ss -ltn > /dev/null"),
            ("ss -tlnp", "ss -tlnp > /dev/null"),
            ("ss -tanu", "ss -tanu > /dev/null"),
            ("ss -tanp", "ss -tanp > /dev/null"),
            ("netstat -antu", "netstat -antu > /dev/null"),
            ("GET /connections?format=table", base + "/connections?format=table'"),
            ("GET /connections?format=csv", base + "/connections?format=csv'"),
            ("ss -tin", "ss -tin > /dev/null"),
            ("GET /connections?info=true", base + "/connections?info=true&protocol=tcp,tcp6'"),
            ("GET /stats/states", base + "/stats/states'"),
            # what every curl call here costs before any work: curl's start, a connection,
            # the filter chain; the C limit pays none of it
            ("GET /actuator/health/liveness (curl and HTTP alone)", base + "/actuator/health/liveness'"),
            ("GET /stats/top-ips?port=P", base + "/stats/top-ips?port=%d'" % p),
            ("GET /listening?processes=false", base + "/listening?processes=false'"),
            ("GET /connections", base + "/connections'"),
            ("GET /connections?processes=true", base + "/connections?processes=true'"),
            ("GET /listening (owners, as ss -tlnp)", base + "/listening'"),
            # netstat's other views, and what a scrape or a namespace walk costs
            ("ss -s", "ss -s > /dev/null"),
            ("GET /stats/sockets", base + "/stats/sockets'"),
            ("netstat -s", "netstat -s > /dev/null"),
            ("GET /stats/protocols", base + "/stats/protocols'"),
            ("netstat -i", "netstat -i > /dev/null"),
            ("GET /interfaces", base + "/interfaces'"),
            ("netstat -rn", "netstat -rn > /dev/null"),
            ("GET /routes", base + "/routes'"),
            ("GET /actuator/prometheus (one scrape)", base + "/actuator/prometheus'"),
            ("GET /connections?netns=all", base + "/connections?netns=all'"),
            ("GET /namespaces", base + "/namespaces'"),
        ]
        if counter:
            items.insert(0, ("sock_diag state count in C (the limit)", counter + " > /dev/null"))
            items.append(("sock_diag dump with tcp_info in C (the info=true limit)", counter + " info > /dev/null"))
        if exporter:
            items.insert(1, ("node_exporter tcpstat scrape",
                             "curl -sf -o /dev/null 'http://127.0.0.1:%d/metrics'" % (args.port + 1000)))
        for _, command in items:  # warm-up: JIT, page cache, kernel structures
            for _ in range(3):
                timed(command)
        samples = {name: [] for name, _ in items}
        peak_rss = 0.0
        for _ in range(args.runs):
            for name, command in items:
                samples[name].append(timed(command))
                peak_rss = max(peak_rss, rss_mb(service.pid))
        median = {name: statistics.median(values) * 1000 for name, values in samples.items()}

        tcp_rows = sum(1 for _ in open("/proc/net/tcp")) + sum(1 for _ in open("/proc/net/tcp6")) - 2
        print("\n%d TCP sockets (%d requested), %d cores, median of %d runs, milliseconds\n"
              % (tcp_rows, args.sockets, os.cpu_count(), args.runs))
        print("| what | median ms |")
        print("| --- | ---: |")
        for name, _ in items:
            print("| %s | %.1f |" % (name, median[name]))

        floor = median["cat /proc/net/tcp /proc/net/tcp6 (procfs floor)"]
        targets = [
            ("/stats/states / procfs floor", median["GET /stats/states"] / floor, "<= 1.2"),
            ("/stats/states / states recipe", median["GET /stats/states"]
             / median["netstat -nat | awk | sort | uniq -c (states recipe)"], "<= 0.4"),
            ("/stats/top-ips / procfs floor", median["GET /stats/top-ips?port=P"] / floor, "<= 1.2"),
            ("/stats/top-ips / top-ips recipe", median["GET /stats/top-ips?port=P"]
             / median["netstat -anp | grep | awk ... | head (top-ips recipe)"], "<= 0.4"),
            ("/listening / ss -ltn", median["GET /listening?processes=false"] / median["ss -ltn"], "<= 1.5"),
            ("/connections / netstat -ant", median["GET /connections"] / median["netstat -ant"], "<= 1.5"),
            ("/connections?processes=true / netstat -antp", median["GET /connections?processes=true"]
             / median["netstat -antp"], "<= 0.5"),
            ("/stats/sockets / ss -s", median["GET /stats/sockets"] / median["ss -s"], "constant"),
            ("/stats/protocols / netstat -s", median["GET /stats/protocols"] / median["netstat -s"], ""),
            ("/interfaces / netstat -i", median["GET /interfaces"] / median["netstat -i"], ""),
            ("/routes / netstat -rn", median["GET /routes"] / median["netstat -rn"], ""),
            ("a Prometheus scrape / /stats/states", median["GET /actuator/prometheus (one scrape)"]
             / median["GET /stats/states"], ""),
            ("/connections?netns=all / /connections", median["GET /connections?netns=all"]
             / median["GET /connections"], ""),
        ]
        limit = median.get("sock_diag state count in C (the limit)")
        tcpstat = median.get("node_exporter tcpstat scrape")
        if limit:
            http = median["GET /actuator/health/liveness (curl and HTTP alone)"]
            targets += [("/stats/states / C limit", median["GET /stats/states"] / limit, "<= 1.15"),
                        ("/stats/top-ips / C limit", median["GET /stats/top-ips?port=P"] / limit, "<= 1.15"),
                        ("(/stats/states - curl and HTTP alone) / C limit", (median["GET /stats/states"] - http)
                         / limit, "")]
        if tcpstat:
            targets += [("/stats/states / node_exporter tcpstat", median["GET /stats/states"] / tcpstat, "<= 0.5"),
                        ("/stats/top-ips / node_exporter tcpstat", median["GET /stats/top-ips?port=P"] / tcpstat,
                         "<= 0.5")]
        targets += [
            ("/connections / ss -tanu", median["GET /connections"] / median["ss -tanu"], "<= 0.7"),
            ("/connections?format=table / netstat -antu", median["GET /connections?format=table"]
             / median["netstat -antu"], "<= 0.8"),
            ("/connections?format=csv / netstat -antu", median["GET /connections?format=csv"]
             / median["netstat -antu"], "<= 0.8"),
            ("/listening (owners) / ss -tlnp", median["GET /listening (owners, as ss -tlnp)"] / median["ss -tlnp"],
             "<= 0.5"),
            ("/connections?processes=true / ss -tanp", median["GET /connections?processes=true"] / median["ss -tanp"],
             "<= 0.3"),
            ("/connections?info=true / ss -tin (issue 15)", median["GET /connections?info=true"] / median["ss -tin"],
             "<= 0.5"),
            ("/listening?processes=false / ss -ltn (issue 14)", median["GET /listening?processes=false"]
             / median["ss -ltn"], "<= 1.2"),
        ]
        print("\n| ratio | measured | target |")
        print("| --- | ---: | --- |")
        for name, ratio, target in targets:
            print("| %s | %.2f | %s |" % (name, ratio, target))
        print("\nservice RSS: %.0f MB idle before the rounds, %.0f MB now, %.0f MB peak while sampling, "
              "%.0f MB high-water mark" % (rss_idle, rss_mb(service.pid), peak_rss, rss_mb(service.pid, "VmHWM")))
        if exporter:
            print("node_exporter (tcpstat) RSS: %.0f MB now, %.0f MB high-water mark"
                  % (rss_mb(exporter.pid), rss_mb(exporter.pid, "VmHWM")))

        single = concurrency(args.port, "/stats/states", 1, 30)
        many = concurrency(args.port, "/stats/states", args.clients, 10)
        print("\n| /stats/states | throughput req/s | p50 ms | p99 ms | errors |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, result in (("1 client", single), ("%d clients" % args.clients, many)):
            print("| %s | %.1f | %.1f | %.1f | %d |" % (name, result["throughput"], result["p50"] * 1000,
                                                      result["p99"] * 1000, result["errors"]))
        print("\nthroughput %d clients / 1 client: %.2f (target >= 4); p99/p50 at %d clients: %.2f (target <= 3)"
              % (args.clients, many["throughput"] / single["throughput"], args.clients, many["p99"] / many["p50"]))
    finally:
        service.terminate()
        service.wait(timeout=30)
        if exporter:
            exporter.terminate()
            exporter.wait(timeout=30)
        stop_helpers(helpers)


if __name__ == "__main__":
    main()
