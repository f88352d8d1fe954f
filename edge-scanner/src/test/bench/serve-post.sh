#!/usr/bin/env bash
# edge-scanner serve as a border post runs it: on a fresh copy of $WORK/demo.db (demo-store.sh), with
# authentication (a post token from 'token issue' as each scan's bearer token), wrk 2 threads and
# CONNS connections (default 16); per code (the demo's revoked label, a plain EAN-13) and per answer (?durable=false:
# answered once signed, committed with the next group; durable: answered once committed) 20 s of
# warm-up, then SECONDS measured, with the CPU serve used per scan (from /proc). Run under
# flock /tmp/markproof-bench.lock.
# usage: [CONNS=32] serve-post.sh JAR [SECONDS] [RUNS]
set -uo pipefail
JAR=$(realpath "$1"); SECS=${2:-10}; RUNS=${3:-1}; BENCH=$(cd "$(dirname "$0")" && pwd)
W=${WORK:-/tmp/edge-speed}; cd "$W" || exit 2
URL=http://127.0.0.1:18181/v1/scans
C=${CONNS:-16}
for r in $(seq 1 "$RUNS"); do
  rm -f serve.db*; cp demo.db serve.db; cp demo.db.verdict.key serve.db.verdict.key
  TOKEN=$(java -jar "$JAR" token issue --store serve.db --handheld bench-$r | tail -1)
  java -jar "$JAR" serve --store serve.db --bind 127.0.0.1 --port 18181 > serve.log 2>&1 &
  PID=$!
  until curl -sf http://127.0.0.1:18181/checkpoint > /dev/null; do sleep 0.3; done
  for kind in revoked ean; do
    case $kind in revoked) code=$(cat revoked.txt) ;; ean) code=9506000134352 ;; esac
    for mode in "?durable=false" ""; do
      SCAN_TOKEN=$TOKEN SCAN_CODE=$code wrk -t2 -c"$C" -d20s -s "$BENCH/scan.lua" "$URL$mode" > /dev/null
      t0=$(awk '{print $14 + $15}' /proc/$PID/stat)
      out=$(SCAN_TOKEN=$TOKEN SCAN_CODE=$code wrk -t2 -c"$C" -d"${SECS}s" --latency -s "$BENCH/scan.lua" "$URL$mode")
      t1=$(awk '{print $14 + $15}' /proc/$PID/stat)
      rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      echo "run $r $(date -u +%H:%M) c$C $kind ${mode:-durable}: $rate scans/s," \
        "p50 $(echo "$out" | awk '/ 50%/ {print $2}') p99 $(echo "$out" | awk '/ 99%/ {print $2}')" \
        "$(echo "$out" | grep Non-2xx)serve CPU per scan $(echo "($t1 - $t0) * 1000000 / $(getconf CLK_TCK) / ($rate * $SECS)" | bc) us"
    done
  done
  kill $PID; wait $PID 2> /dev/null
done
