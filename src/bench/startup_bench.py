#!/usr/bin/env python3
"""From launch to the first 200 of /stats/states, and the idle RSS, each way the service runs.

    ./mvnw -B -DskipTests package
    python3 src/bench/startup_bench.py --runs 7

Ways, alternating in each round (medians of --runs rounds), on a quiet machine:
- readme: as the README runs it, `java @src/main/jvm/options -XX:SharedArchiveFile=... -jar
  target/netstatd/netstatd.jar` (the build's extracted layout and its class-data archive);
- container: as the Dockerfile runs it, JDK 25 with an AOT cache written by the same training
  run as the image's (--jdk25, skipped without it);
- fat jar: `java @src/main/jvm/options -jar target/netstatd-*.jar`, no archive;
- node_exporter with its tcpstat collector, the anchor (skipped without it).
Idle RSS is read 10 s after the first 200, once a few other endpoints have answered. Only
loopback; it stops by itself.
"""
import argparse
import glob
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import socket_bench  # noqa: E402

ROOT = socket_bench.ROOT
OPTIONS = "@" + os.path.join(ROOT, "src", "main", "jvm", "options")
WARM = ["/connections", "/listening", "/stats/top-ips", "/actuator/prometheus", "/interfaces"]


def ready_after(command, port, path, environment):
    """Seconds from launch to the first 200 of path, the process, and its idle RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    deadline = start + 60
    while time.perf_counter() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                break
        except OSError:
            pass
        time.sleep(0.01)
    else:
        process.kill()
        sys.exit("%s did not answer" % command[0])
    elapsed = time.perf_counter() - start
    return elapsed, process


def idle_rss(process, port, paths):
    for path in paths:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path)
        conn.getresponse().read()
    time.sleep(10)
    return socket_bench.rss_mb(process.pid)


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def train_aot_cache(java25, directory):
    """The Dockerfile's training run: the context starts, then exits, writing the cache."""
    cache = os.path.join(directory, "netstatd.aot")
    subprocess.run([java25, OPTIONS, "-XX:AOTCacheOutput=" + cache, "-Xlog:disable", "-Dspring.context.exit=onRefresh",
                    "-jar", os.path.join(directory, "netstatd.jar"), "--server.port=0", "--logging.level.root=warn"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cache


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--port", type=int, default=18097)
    parser.add_argument("--jdk25", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    args = parser.parse_args()
    extracted = os.path.join(ROOT, "target", "netstatd")
    if not os.path.exists(os.path.join(extracted, "netstatd.jsa")):
        sys.exit("no target/netstatd/netstatd.jsa: run ./mvnw -B -DskipTests package first")
    fat = sorted(glob.glob(os.path.join(ROOT, "target", "netstatd-*.jar")))[-1]
    environment = dict(os.environ, MALLOC_ARENA_MAX="2")
    port = "--server.port=%d" % args.port
    ways = {
        "readme (JDK 17, extracted, class-data archive)": [
            "java", OPTIONS, "-XX:SharedArchiveFile=" + os.path.join(extracted, "netstatd.jsa"), "-jar",
            os.path.join(extracted, "netstatd.jar"), port],
        "fat jar (JDK 17, no archive)": ["java", OPTIONS, "-jar", fat, port],
    }
    scratch = None
    if os.path.exists(args.jdk25):
        # a copy: the cache names the jars it was trained on, and the build's archive stays
        scratch = tempfile.mkdtemp(prefix="netstatd-aot-")
        shutil.copytree(extracted, os.path.join(scratch, "netstatd"), ignore=shutil.ignore_patterns("*.jsa"))
        directory = os.path.join(scratch, "netstatd")
        cache = train_aot_cache(args.jdk25, directory)
        ways["container (JDK 25, extracted, AOT cache)"] = [
            args.jdk25, OPTIONS, "-XX:AOTCache=" + cache, "-jar", os.path.join(directory, "netstatd.jar"), port]
    else:
        print("no JDK 25 at %s: the container's way is left out" % args.jdk25)
    exporter = shutil.which("prometheus-node-exporter") or shutil.which("node_exporter")
    if exporter:
        ways["node_exporter (tcpstat)"] = [exporter, "--collector.disable-defaults", "--collector.tcpstat",
                                           "--web.listen-address=127.0.0.1:%d" % args.port]
    else:
        print("node_exporter is not installed: its line is left out")
    seconds = {name: [] for name in ways}
    rss = {name: [] for name in ways}
    try:
        for _ in range(args.runs):
            for name, command in ways.items():
                path = "/metrics" if name.startswith("node_exporter") else "/stats/states"
                elapsed, process = ready_after(command, args.port, path, environment)
                seconds[name].append(elapsed)
                warm = ["/metrics"] if name.startswith("node_exporter") else WARM
                rss[name].append(idle_rss(process, args.port, warm))
                stop(process)
    finally:
        if scratch:
            shutil.rmtree(scratch)
    print("\n%d cores, median of %d rounds\n" % (os.cpu_count(), args.runs))
    print("| way | launch to first 200 (s) | idle RSS (MB) |")
    print("| --- | ---: | ---: |")
    for name in ways:
        print("| %s | %.2f | %.0f |" % (name, statistics.median(seconds[name]), statistics.median(rss[name])))


if __name__ == "__main__":
    main()
