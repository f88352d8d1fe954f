#!/bin/bash
# edge-scanner serve on a fresh copy of $WORK/demo.db (a store synced from the demo service, with a
# post), then wrk: GET /checkpoint (ceiling) and POST /v1/scans with one code per phase (the first
# revoked label of $WORK/revoked.txt, a plain EAN-13, the genuine label of $WORK/genuine.txt
# scanned over and over), at each connection count. Run under flock /tmp/markproof-bench.lock.
# usage: serve.sh JAR SECONDS CONNS...
JAR=$(realpath "$1"); SECS=$2; shift 2; BENCH=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/edge-speed}; cd "$WORK"
rm -f serve.db*; cp demo.db serve.db; cp demo.db.verdict.key serve.db.verdict.key
java -jar "$JAR" serve --store serve.db --bind 127.0.0.1 --port 18181 --no-auth > serve.log 2>&1 &
PID=$!
until curl -sf http://127.0.0.1:18181/checkpoint > /dev/null; do sleep 0.3; done
echo "== $JAR $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up: every kind, $WARMUP s (default 10) and 5 s.
SCAN_CODE=$(cat revoked.txt) wrk -t1 -c4 -d${WARMUP:-10}s -s "$BENCH/scan.lua" http://127.0.0.1:18181/v1/scans > /dev/null
SCAN_CODE=9506000134352 wrk -t1 -c4 -d5s -s "$BENCH/scan.lua" http://127.0.0.1:18181/v1/scans > /dev/null
for c in "$@"; do
  t=1; [ "$c" -ge 2 ] && t=2
  echo "-- $c connection(s); load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "ceiling GET /checkpoint: "; wrk -t$t -c$c -d${SECS}s --latency http://127.0.0.1:18181/checkpoint | awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {n=$0} END {print r" req/s, p50 "p50", p99 "p99" "n}'
  for kind in revoked ean genuine; do
    case $kind in revoked) code=$(cat revoked.txt);; ean) code=9506000134352;; genuine) code=$(cat genuine.txt);; esac
    printf "%s: " $kind; SCAN_CODE=$code wrk -t$t -c$c -d${SECS}s --latency -s "$BENCH/scan.lua" http://127.0.0.1:18181/v1/scans | awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {n=$0} END {print r" scans/s, p50 "p50", p99 "p99" "n}'
  done
done
echo "queue: $(sqlite3 serve.db 'select count(*) from scan_queue' 2>/dev/null || echo '?') scans; end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
kill $PID; wait $PID 2>/dev/null
