#!/usr/bin/env bash
# The fleet's cost with the real Prometheus: three nodes, each the packaged service in a network
# namespace of its own (a veth pair, 10.214.<i>.0/24), the first holding 60,000 TCP sockets
# (30,000 connections on its own loopback), scraped every 15 s with the plain-host job of
# deploy/prometheus/prometheus.yml and the project's rules. Prints, per node, the scrape's
# duration and its samples (series), and Prometheus' resident memory. Needs root, ip, python3,
# prometheus, and `./mvnw -DskipTests package` first. Removes everything it made.
#
# usage: src/bench/fleet_bench.sh [connections on the first node, default 30000] [seconds, default 90]
set -euo pipefail
ulimit -n 65536 2>/dev/null || true
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-30000}
SECONDS_WATCHED=${2:-90}
NODES=(alpha beta gamma)
WORK=$(mktemp -d /tmp/netstatd-fleet-bench.XXXXXX)
TOKEN=fleet-bench-token
HASH=$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	for i in 0 1 2; do ip netns delete "nsfb-${NODES[$i]}" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

for i in 0 1 2; do
	ns=nsfb-${NODES[$i]}
	ip netns add "$ns"
	ip link add "vfbh$i" type veth peer name "vfbn$i"
	ip link set "vfbn$i" netns "$ns"
	ip addr add "10.214.$((i + 1)).1/24" dev "vfbh$i"
	ip link set "vfbh$i" up
	ip netns exec "$ns" ip addr add "10.214.$((i + 1)).2/24" dev "vfbn$i"
	ip netns exec "$ns" ip link set "vfbn$i" up
	ip netns exec "$ns" ip link set lo up
	ip netns exec "$ns" java @src/main/jvm/options -XX:SharedArchiveFile=target/netstatd/netstatd.jsa \
		-jar target/netstatd/netstatd.jar --server.address="10.214.$((i + 1)).2" --server.port=9808 \
		--netstatd.node-name="${NODES[$i]}" --netstatd.security.tokens[0].hash="$HASH" \
		--netstatd.security.tokens[0].roles=metrics >"$WORK/${NODES[$i]}.log" 2>&1 &
	PIDS+=($!)
done
for i in 0 1 2; do
	for _ in $(seq 120); do
		curl -sf "http://10.214.$((i + 1)).2:9808/actuator/health/readiness" >/dev/null && break
		sleep 0.5
	done
done

# the first node's sockets: one process holds at most ~20k descriptors
held=0
while [ "$held" -lt "$CONNECTIONS" ]; do
	n=$((CONNECTIONS - held < 9000 ? CONNECTIONS - held : 9000))
	mkfifo "$WORK/hold$held"
	ip netns exec nsfb-alpha python3 src/bench/hold_sockets.py "$((held / 9000))" "$n" <"$WORK/hold$held" >"$WORK/hold$held.out" &
	PIDS+=($!)
	exec {fd}>"$WORK/hold$held"
	until grep -q ready "$WORK/hold$held.out" 2>/dev/null; do sleep 0.5; done
	held=$((held + n))
done

python3 - "$WORK" "$TOKEN" <<'EOF'
import sys, yaml
work, token = sys.argv[1], sys.argv[2]
config = yaml.safe_load(open('deploy/prometheus/prometheus.yml'))
rules = yaml.safe_load(open('deploy/prometheus/rules.yml'))
hosts = next(j for j in config['scrape_configs'] if j['job_name'] == 'netstatd-hosts')
hosts['static_configs'] = [{'targets': ['10.214.%d.2:9808' % i for i in (1, 2, 3)]}]
hosts['authorization']['credentials_file'] = work + '/token'
config['global'] = {'scrape_interval': '15s', 'scrape_timeout': '10s', 'evaluation_interval': '15s'}
config['scrape_configs'] = [hosts]
config['rule_files'] = [work + '/rules.yml']
open(work + '/token', 'w').write(token)
yaml.safe_dump(rules, open(work + '/rules.yml', 'w'))
yaml.safe_dump(config, open(work + '/prometheus.yml', 'w'))
EOF
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
	--web.listen-address="127.0.0.1:$PORT" >"$WORK/prometheus.log" 2>&1 &
PROM=$!
PIDS+=($PROM)
sleep "$SECONDS_WATCHED"

query() {
	curl -s "http://127.0.0.1:$PORT/api/v1/query" --data-urlencode "query=$1" |
		python3 -c 'import json,sys; [print("  %-28s %s" % (r["metric"].get("instance", ""), r["value"][1])) for r in json.load(sys.stdin)["data"]["result"]]'
}
echo "sockets on alpha: $(ip netns exec nsfb-alpha ss -tan | tail -n +2 | wc -l)"
echo "scrape duration, seconds (mean over the run, then the last):"
query "avg_over_time(scrape_duration_seconds{job=\"netstatd-hosts\"}[${SECONDS_WATCHED}s])"
query 'scrape_duration_seconds{job="netstatd-hosts"}'
echo "series per scrape:"
query 'scrape_samples_scraped{job="netstatd-hosts"}'
echo "Prometheus resident memory: $(grep VmRSS /proc/$PROM/status | tr -s ' ')"
echo "services' resident memory:"
for i in 0 1 2; do echo "  ${NODES[$i]} $(grep VmRSS /proc/$(pgrep -f "node-name=${NODES[$i]}" | head -1)/status | tr -s ' ')"; done
