#!/usr/bin/env bash
# Where one request's time goes, in the running service: kernel, JIT-compiled Java, the
# JVM (GC, compilers), by thread. Samples every thread of the service with perf while curl
# sends the same request N times, then names the JIT-compiled frames from the JVM's own
# map (jcmd Compiler.perfmap, JDK 17+).
#
#   src/bench/profile_request.sh 'http://127.0.0.1:8080/connections?info=true' [N]
#
# Needs perf (Debian: linux-perf) and root; the service must run on the URL's port.
# Loopback only: the URL must name 127.0.0.1 or localhost.
set -euo pipefail

url=${1:?usage: profile_request.sh URL [N]}
runs=${2:-20}
case "$url" in
http://127.0.0.1:* | http://localhost:*) ;;
*)
	echo "profile_request.sh: loopback URLs only" >&2
	exit 2
	;;
esac
command -v perf >/dev/null || {
	echo "profile_request.sh: perf is not installed (apt-get install linux-perf)" >&2
	exit 2
}
port=$(sed -E 's#http://[^:]+:([0-9]+).*#\1#' <<<"$url")
pid=$(pgrep -f -- "--server.port=$port" | head -1 || true)
if [ -z "$pid" ] && [ "$port" = 8080 ]; then
	pid=$(pgrep -f -- "netstatd.jar" | head -1 || true)
fi
[ -n "$pid" ] || {
	echo "profile_request.sh: no netstatd on port $port" >&2
	exit 2
}
data=$(mktemp /tmp/netstatd-perf.XXXXXX)
trap 'rm -f "$data"' EXIT

# warm: the first requests run in the interpreter and the compilers
for _ in $(seq 20); do curl -s -o /dev/null "$url"; done
perf record -q -F 1999 -p "$pid" -o "$data" -- sleep 3600 >/dev/null 2>&1 &
recorder=$!
sleep 0.5
start=$(date +%s.%N)
for _ in $(seq "$runs"); do curl -s -o /dev/null "$url"; done
end=$(date +%s.%N)
kill -INT "$recorder"
wait "$recorder" || true
jcmd "$pid" Compiler.perfmap >/dev/null

printf '%s: %d requests, %.0f ms each (wall, curl included)\n' "$url" "$runs" \
	"$(echo "($end - $start) * 1000 / $runs" | bc -l)"
echo "== samples by thread and where they ran"
perf report -i "$data" --sort comm,dso --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -12
echo "== the request threads' top functions"
perf report -i "$data" --comm "$(perf report -i "$data" --sort comm --stdio 2>/dev/null |
	grep -o 'http-nio-[^ ]*' | head -1)" --sort symbol --stdio 2>/dev/null |
	grep -v '^#' | grep -v '^$' | cut -c1-150 | head -25
