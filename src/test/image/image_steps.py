#!/usr/bin/env python3
"""Runs the Dockerfile's runtime stage without a Docker engine, as far as it can be run here.

The build's `verify` phase calls it after `package`. It reads the Dockerfile's last stage, copies
what its COPY lines copy (from target/ for --from=build, else from the repository) into a scratch
directory standing for its WORKDIR, runs its RUN line (the AOT cache's training run) and its
ENTRYPOINT with the JDK the image's base names (temurin 25 here, --java), then asks the started
service for /actuator/health/readiness. The entrypoint runs with -XX:AOTMode=on, which fails
instead of starting without the cache: the cache the image writes must be one the image can use.
Without that JDK it says why and counts as skipped.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def runtime_stage(dockerfile):
    """The lines of the last FROM stage, continuation lines joined."""
    text = open(dockerfile).read().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    last = max(i for i, line in enumerate(lines) if line.startswith("FROM "))
    return lines[last:]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--java", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    parser.add_argument("--port", type=int, default=18096)
    args = parser.parse_args()
    stage = runtime_stage(os.path.join(ROOT, "Dockerfile"))
    base = stage[0].split()[1]
    if not re.match(r"eclipse-temurin:25-", base):
        sys.exit("image steps: the runtime base is %s, this script knows temurin 25" % base)
    if not os.path.exists(args.java):
        print("[SKIPPED] image steps: no JDK 25 at %s to stand for %s" % (args.java, base))
        return
    workdir = next(line.split()[1] for line in stage if line.startswith("WORKDIR "))
    scratch = tempfile.mkdtemp(prefix="netstatd-image-")
    try:
        def here(path):
            return os.path.join(scratch, os.path.relpath(path, workdir))

        environment = dict(os.environ)
        run, entrypoint = None, None
        for line in stage[1:]:
            word, rest = line.split(None, 1)
            if word == "COPY":
                parts = rest.split()
                source, target = parts[-2], parts[-1]
                if parts[0] == "--from=build":
                    # the build stage works in /src: its target/ is ours
                    source = os.path.join(ROOT, os.path.relpath(source, "/src"))
                else:
                    source = os.path.join(ROOT, source)
                if os.path.isdir(source):
                    shutil.copytree(source, here(target))
                else:
                    os.makedirs(os.path.dirname(here(target)), exist_ok=True)
                    shutil.copy(source, here(target))
            elif word == "ENV":
                name, value = rest.split("=", 1)
                environment[name] = value
            elif word == "RUN":
                run = json.loads(rest)
            elif word == "ENTRYPOINT":
                entrypoint = json.loads(rest)

        def local(command):
            return [args.java if part == "java" else part.replace(workdir, scratch) for part in command]

        subprocess.run(local(run), check=True, cwd=scratch, env=environment)
        cache = next(part.split("=", 1)[1] for part in local(run) if part.startswith("-XX:AOTCacheOutput="))
        if not os.path.exists(cache):
            sys.exit("image steps: the training run wrote no %s" % cache)
        command = local(entrypoint)
        command.insert(1, "-XX:AOTMode=on")
        log = open(os.path.join(ROOT, "target", "image-steps.log"), "w")
        service = subprocess.Popen(command + ["--server.port=%d" % args.port], cwd=scratch, env=environment,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                if service.poll() is not None:
                    sys.exit("image steps: the entrypoint exited (%d), see target/image-steps.log" % service.returncode)
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
                    conn.request("GET", "/actuator/health/readiness")
                    if conn.getresponse().status == 200:
                        print("image steps: the AOT cache was written (%d MB) and the entrypoint started from it"
                              % (os.path.getsize(cache) // (1 << 20)))
                        return
                except OSError:
                    time.sleep(0.1)
            sys.exit("image steps: the entrypoint did not answer in 60 s, see target/image-steps.log")
        finally:
            service.terminate()
            service.wait(timeout=30)
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
