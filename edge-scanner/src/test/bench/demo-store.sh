#!/usr/bin/env bash
# Makes $WORK/demo.db (default /tmp/edge-speed) for serve.sh and serve-post.sh: starts the packaged
# service in demo mode on a fresh data directory (embedded PostgreSQL), syncs its ledger into a new
# edge store, sets the post (de-fra-cargo, Frankfurt) with one scan, and keeps the demo's codes
# (payloads.txt; revoked.txt and genuine.txt: the first of each kind). Run under
# flock /tmp/markproof-bench.lock, after mvn -B -q -DskipTests package.
# usage: demo-store.sh
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
W=${WORK:-/tmp/edge-speed}; rm -rf "$W"; mkdir -p "$W"
PORT=18080; BASE=http://localhost:$PORT
DATA=$(mktemp -d /tmp/markproof-bench.XXXXXX)
java -Xmx1g -Dmarkproof.data-dir="$DATA" -Dmarkproof.demo=true -Dquarkus.http.port=$PORT \
  -Dquarkus.log.level=WARN -jar "$ROOT/service/target/quarkus-app/quarkus-run.jar" > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE; wait $SERVICE; pkill -f "$DATA/postgres"; sleep 2; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do [ -f "$DATA/demo/seeded" ] && break; sleep 0.5; done
[ -f "$DATA/demo/seeded" ] || { echo "the demo did not seed; see $DATA/service.log" >&2; exit 1; }
cp "$DATA/demo/labels/payloads.txt" "$W/"
LOG_KEY=$(curl -s "$BASE/v1/log/key" | sed 's/.*"checkpointVerifierKey":"\([^"]*\)".*/\1/')
EDGE="java -jar $ROOT/edge-scanner/target/edge-scanner.jar"
$EDGE sync --store "$W/demo.db" --server "$BASE" --log-key "$LOG_KEY" || exit 1
grep -P "^revoked\t" "$W/payloads.txt" | head -1 | cut -f2 > "$W/revoked.txt"
grep -P "^genuine\t" "$W/payloads.txt" | head -1 | cut -f2 > "$W/genuine.txt"
$EDGE scan --store "$W/demo.db" --post de-fra-cargo --lat 50.0379 --lon 8.5622 \
  "$(cat "$W/genuine.txt")" > /dev/null || exit 1
echo "made $W/demo.db"
