#!/usr/bin/env bash
# Load benchmark of the customs scan path (issue 4), outside .ci/run; figures go to
# docs/benchmarks.md.
#
#   mvn -B -q -DskipTests package                 # once, from the repository root (compiles the
#                                                 # test classes too: CryptoCeiling)
#   service/src/test/bench/scans.sh [SECONDS]     # each phase runs SECONDS (default 30)
#
# Starts the packaged service in demo mode (embedded PostgreSQL) on port 18080 with the scan rate
# limit lifted, then measures on this same machine, in one run:
#   1. the cryptographic ceiling: one Ed25519 verify plus one Ed25519 sign per operation on two
#      threads (CryptoCeiling, BouncyCastle) — the cryptography a scan cannot avoid;
#   2. POST /v1/scans for WARMUP seconds, unmeasured (JIT warm-up);
#   3. the ceiling of a trivial endpoint: GET /v1/info, itself warmed up first;
#   4. POST /v1/scans with the demo's labels (genuine, revoked, forged; repeated serials turn into
#      clones), each a fresh scan id, at full load;
#   5. the same with 4 connections (closed loop: a light load);
#   6. the same at 70% of the maximum measured in 4, open loop (FixedRateScans: each request due at
#      a fixed time, latency counted from it, so queueing and stalls are charged as wrk2 does).
set -euo pipefail
SECONDS_PER_PHASE=${1:-30}
# Seconds of scans before measuring: the JIT compiler must be done with the scan path first (on a
# slow machine C2 was still compiling it after a minute of load).
WARMUP=${WARMUP:-60}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
PORT=18080
BASE=http://localhost:$PORT
DATA=$(mktemp -d /tmp/markproof-scan-bench.XXXXXX)
JAR=$ROOT/service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo
echo "== cryptographic ceiling: Ed25519 verify + sign, 2 threads"
java -cp "$ROOT/service/target/test-classes:$ROOT/service/target/quarkus-app/lib/main/*" \
  org.markproof.service.bench.CryptoCeiling 2 "$SECONDS_PER_PHASE"

java -Xms1g -Xmx1g -Dmarkproof.data-dir="$DATA" -Dmarkproof.demo=true -Dquarkus.http.port=$PORT \
  -Dmarkproof.scan.token-rate=1000000 -Dmarkproof.scan.token-burst=1000000 \
  -Dquarkus.log.level=WARN -jar "$JAR" > "$DATA/service.log" 2>&1 &
SERVICE=$!
# An embedded PostgreSQL the service did not stop on its way out would keep writing into $DATA
# (and a few GB of it would stay behind): stop it before removing the directory.
stop_leftovers() {
  pkill -f "$DATA/postgres" 2> /dev/null || true
  for _ in $(seq 1 20); do pgrep -f "$DATA/postgres" > /dev/null || return 0; sleep 0.5; done
}
trap 'rc=$?; set +e; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; stop_leftovers; rm -rf "$DATA"; exit $rc' EXIT
for _ in $(seq 1 240); do [ -f "$DATA/demo/seeded" ] && break; sleep 0.5; done
[ -f "$DATA/demo/seeded" ] || { echo "the demo did not seed; see $DATA/service.log" >&2; exit 1; }
TOKEN=$(cat "$DATA/demo/tokens/customs.jwt")
export PAYLOADS=$DATA/demo/labels/payloads.txt TOKEN


echo
echo "== warm-up: POST /v1/scans, ${WARMUP}s"
wrk -t2 -c32 -d"${WARMUP}s" -s "$ROOT/service/src/test/bench/post-scans.lua" "$BASE/v1/scans" > /dev/null

echo
echo "== ceiling: GET /v1/info (after ${WARMUP}/2 s of it unmeasured: a cold ceiling is no ceiling)"
wrk -t2 -c32 -d"$((WARMUP / 2))s" "$BASE/v1/info" > /dev/null
wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency "$BASE/v1/info" | grep -E "Requests/sec|50%|99%|Non-2xx"

echo
echo "== POST /v1/scans, full load (32 connections)"
FULL=$(wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency \
  -s "$ROOT/service/src/test/bench/post-scans.lua" "$BASE/v1/scans")
echo "$FULL" | grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx"
MAX=$(echo "$FULL" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')

echo
echo "== POST /v1/scans, light load (4 connections)"
wrk -t2 -c4 -d"${SECONDS_PER_PHASE}s" --latency -s "$ROOT/service/src/test/bench/post-scans.lua" \
  "$BASE/v1/scans" | grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx"

echo
RATE=$(echo "$MAX * 0.7 / 1" | bc)
echo "== POST /v1/scans at 70% of $MAX = $RATE req/s (open loop, FixedRateScans, 32 connections)"
awk -F'\t' '{print $1 "\t50.0379\t8.5622\t" $2}' "$PAYLOADS" > "$DATA/lines.txt"
# The generator JVM compiles with C1 only: C2 threads took ~5 % of a core during the phase.
java -Xmx512m -XX:TieredStopAtLevel=1 \
  -cp "$ROOT/service/target/test-classes:$ROOT/service/target/quarkus-app/lib/main/*" \
  org.markproof.service.bench.FixedRateScans "$BASE/v1/scans" "$TOKEN" "$DATA/lines.txt" "$RATE" \
  "$SECONDS_PER_PHASE"

echo
echo "verdicts recorded:"
curl -s -H "Authorization: Bearer $(cat "$DATA/demo/tokens/operator.jwt")" \
  "$BASE/v1/scans?limit=1000" | grep -o '"verdict":"[A-Z_]*"' | sort | uniq -c
