#!/usr/bin/env bash
# Scan benchmark on a big ledger (issue 4), outside .ci/run; figures go to docs/benchmarks.md.
#
#   mvn -B -q -DskipTests package                   # once, from the repository root
#   service/src/test/bench/scans-big.sh [SECONDS]   # each load phase runs SECONDS (default 60)
#
# Environment: BATCHES (default 1000000 batch.issued entries of 10 serials each, so 10^7 labels),
# LINES (scan payloads generated, default 200000), HEAP (the service's -Xmx, default 6g), JAVA_OPTS
# (more options for the service's JVM, e.g. -XX:+UseZGC), KEEP=1
# keeps the data directory, STOP_AFTER_PROOFS=1 ends the run after the inclusion-proof phases.
#
# In one run, on this machine:
#   1. the cryptographic ceiling: Ed25519 verify + sign on 2 threads (CryptoCeiling), the signed
#      document of 2,048 bytes as in every run so far, then of VERDICT_BYTES (default 7,500: what a
#      genuine verdict on this ledger has; signing hashes it twice, so it costs more);
#   2. a fresh demo service is seeded, then stopped; BigLedgerLoader appends the big ledger straight
#      into its embedded PostgreSQL (as the sequencer would: head CAS, entries, tree nodes);
#   3. BigScanPayloads writes the scan load: genuine, revoked, forged, cloned codes;
#   4. the service starts again: the time to replay and check the whole log into its index, to sign
#      a checkpoint over it, and to project the state tables; the JVM's resident memory;
#   5. the ceiling of a trivial endpoint: GET /v1/info; then inclusion proofs of random indices
#      of the whole log (issue 3: proof serving on a 10^6-entry log), WARMUP/2 seconds unmeasured,
#      then at full load (wrk) and at 70% of that rate in an open loop (FixedRateProofs: latency
#      from each request's due time);
#   6. POST /v1/scans at full load: wrk, 2 threads, 32 connections (closed loop); the answers by
#      status from the service's metrics;
#   7. POST /v1/scans at 70% of the rate measured in 6, open loop at a fixed rate (FixedRateScans,
#      latency from each request's due time);
#   8. a JFR profile of a further full-load phase (not part of the figures above): top frames.
# With EDGE_SYNC=1, also (after 4): edge-scanner sync --server of the whole ledger into a fresh
# edge store, its time and the store's bytes per entry beyond the entry itself (issue 5).
set -euo pipefail
SECONDS_PER_PHASE=${1:-60}
# Seconds of scans before measuring (JIT warm-up; on a slow machine a minute is not too much).
WARMUP=${WARMUP:-60}
BATCHES=${BATCHES:-1000000}
LINES=${LINES:-200000}
HEAP=${HEAP:-6g}
SEED=${SEED:-bench}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
BENCH=$ROOT/service/src/test/bench
PORT=18080
BASE=http://localhost:$PORT
DATA=$(mktemp -d /tmp/markproof-big.XXXXXX)
JAR=$ROOT/service/target/quarkus-app/quarkus-run.jar
APP=$ROOT/service/target/quarkus-app
CP="$ROOT/service/target/test-classes:$ROOT/service/target/classes:$APP/lib/main/*:$APP/lib/boot/*"
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
command -v psql > /dev/null || { echo "needs psql (apt-get install -y postgresql-client)" >&2; exit 2; }

SERVICE=
stop_service() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  SERVICE=
}
cleanup() {
  rc=$?
  stop_service
  if [ "${KEEP:-0}" = 1 ]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
  exit $rc
}
trap cleanup EXIT
start_service() {
  java -Xms1g -Xmx"$HEAP" ${JAVA_OPTS:-} -Dmarkproof.data-dir="$DATA" -Dmarkproof.demo=true \
    -Dquarkus.http.port=$PORT \
    -Dmarkproof.scan.token-rate=1000000 -Dmarkproof.scan.token-burst=1000000 \
    -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.markproof.service.log.index\".level=INFO \
    -jar "$JAR" >> "$DATA/service.log" 2>&1 &
  SERVICE=$!
}
sql() {
  psql -h localhost -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres -d markproof \
    -Atc "$1"
}
size() { curl -s "$BASE/checkpoint" | sed -n 2p; }
phase() { echo; echo "== $1"; }
# POST /v1/scans answers by status since the service started, from its Prometheus metrics: "status
# count" lines. wrk counts only non-2xx; a 503 (the recorder's backlog) and a 4xx mean different things.
scan_statuses() {
  curl -s "$BASE/q/metrics" | awk -F'[{}]' '/^http_server_requests_seconds_count[{]/ &&
      /method="POST"/ && /uri="\/v1\/scans"/ {
      match($2, /status="[^"]*"/); status = substr($2, RSTART + 8, RLENGTH - 9)
      split($3, value, " "); n[status] += value[1]}
    END {for (s in n) printf "%s %d\n", s, n[s]}' | sort
}
# The counts of the second list less those of the first, as "status: count, ...".
status_delta() {
  awk 'NR == FNR {before[$1] = $2; next} {printf "%s%s: %d", sep, $1, $2 - before[$1]; sep = ", "}' \
    <(echo "$1") <(echo "$2")
}
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
# CPU ticks (user + system) of the service's JVM, of PostgreSQL (the postmaster and its children),
# and of the whole machine, busy and idle: "service postgres busy idle".
ticks() {
  local pg t=0 p v
  pg=$(sed -n 1p "$DATA/postgres/postmaster.pid")
  for p in $pg $(pgrep -P "$pg"); do
    v=$(sed 's/.*) //' "/proc/$p/stat" 2> /dev/null | awk '{print $12 + $13}' || true)
    t=$((t + ${v:-0}))
  done
  echo "$(sed 's/.*) //' "/proc/$SERVICE/stat" | awk '{print $12 + $13}') $t" \
    "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat)"
}
# CPU per request between two tick lines, for N requests: the service, PostgreSQL, the whole
# machine (the load generator and the kernel too), and the machine's idle share.
per_request() {
  echo "$1 $2" | awk -v n="$3" -v hz="$(getconf CLK_TCK)" '{
    printf "CPU per request: service %.0f us, PostgreSQL %.0f us, machine %.0f us; idle %.0f %%\n",
      ($5 - $1) * 1e6 / hz / n, ($6 - $2) * 1e6 / hz / n, ($7 - $3) * 1e6 / hz / n,
      100 * ($8 - $4) / ($7 - $3 + $8 - $4)}'
}
rss() { echo "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE/status") MiB"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $(date -u +%FT%TZ)"
load

phase "cryptographic ceiling: Ed25519 verify + sign, 2 threads"
java -cp "$CP" org.markproof.service.bench.CryptoCeiling 2 "$SECONDS_PER_PHASE"
java -cp "$CP" org.markproof.service.bench.CryptoCeiling 2 "$SECONDS_PER_PHASE" "${VERDICT_BYTES:-7500}"

phase "seeding the demo ledger"
start_service
for _ in $(seq 1 240); do [ -f "$DATA/demo/seeded" ] && break; sleep 0.5; done
[ -f "$DATA/demo/seeded" ] || { echo "the demo did not seed; see $DATA/service.log" >&2; exit 1; }
for _ in $(seq 1 60); do [ "$(size)" -ge 14 ] 2> /dev/null && break; sleep 0.5; done
echo "demo ledger: $(size) entries"
stop_service

phase "loading $BATCHES batches into the stopped service's database"
load
began=$(date +%s.%N)
java -Xmx2g -cp "$CP" org.markproof.service.bench.BigLedgerLoader "$DATA" "$BATCHES" "$SEED" \
  1000 50000 > "$DATA/loader.log" 2>&1 || { cat "$DATA/loader.log" >&2; exit 1; }
grep -vE '^  [0-9,]+ entries' "$DATA/loader.log"
echo "loader wall time: $(echo "$(date +%s.%N) - $began" | bc) s"

phase "generating $LINES scan payloads"
java -cp "$CP" org.markproof.service.bench.BigScanPayloads "$BATCHES" "$SEED" "$LINES" \
  "$DATA/payloads.txt"
cut -f1 "$DATA/payloads.txt" | sort | uniq -c

phase "service start on the big ledger"
load
began=$(date +%s.%N)
start_service
HEAD=
for _ in $(seq 1 3600); do
  if [ -z "$HEAD" ] && [ -f "$DATA/postgres/postmaster.pid" ]; then
    HEAD=$(sql "SELECT size FROM log_head" 2> /dev/null || true)
  fi
  [ -n "$HEAD" ] && [ "$(size 2> /dev/null)" = "$HEAD" ] && break
  kill -0 "$SERVICE" || { echo "the service stopped; see $DATA/service.log" >&2; exit 1; }
  sleep 0.5
done
[ "$(size)" = "$HEAD" ] || { echo "no checkpoint over $HEAD entries; see $DATA/service.log" >&2; exit 1; }
echo "checkpoint over all $HEAD entries served $(echo "$(date +%s.%N) - $began" | bc) s after launch"
grep -o "Replayed [0-9]* log entries into the in-memory index in [0-9]* ms" "$DATA/service.log" | tail -1

if [ "${EDGE_SYNC:-0}" = 1 ]; then
  # Issue 5's sync figures: a border post syncing the whole ledger from this service.
  phase "edge-scanner sync --server: the whole ledger into a fresh edge store"
  load
  LOG_KEY=$(curl -s "$BASE/v1/log/key" | sed 's/.*"checkpointVerifierKey":"\([^"]*\)".*/\1/')
  began=$(date +%s.%N)
  java -jar "$ROOT/edge-scanner/target/edge-scanner.jar" sync --store "$DATA/edge.db" \
    --server "$BASE" --log-key "$LOG_KEY"
  echo "sync wall time, JVM start included: $(echo "$(date +%s.%N) - $began" | bc) s"
  store_bytes=$(cat "$DATA"/edge.db* | wc -c)
  entry_bytes=$(sql "SELECT sum(octet_length(leaf)) FROM log_entry")
  echo "edge store: $store_bytes bytes for $HEAD entries, whose own bytes are $entry_bytes:" \
    "$(( (store_bytes - entry_bytes) / HEAD )) bytes per entry beyond the entry itself"
fi
echo "java RSS: $(rss)"
for _ in $(seq 1 3600); do
  [ "$(sql "SELECT next_index FROM state_watermark")" = "$HEAD" ] && break
  sleep 1
done
echo "state tables projected up to $(sql "SELECT next_index FROM state_watermark") entries" \
  "$(echo "$(date +%s.%N) - $began" | bc) s after launch"
echo "java RSS: $(rss); $(jcmd "$SERVICE" GC.heap_info | grep -m1 -E 'total|used')"
TOKEN=$(cat "$DATA/demo/tokens/customs.jwt")
export PAYLOADS=$DATA/payloads.txt TOKEN THREADS=2

phase "ceiling: GET /v1/info"
load
TICKS=$(ticks)
INFO=$(wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency "$BASE/v1/info")
TICKS_AFTER=$(ticks)
echo "$INFO" | grep -E "Requests/sec|50%|99%|Non-2xx"
per_request "$TICKS" "$TICKS_AFTER" "$(echo "$INFO" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')"

# Proofs unmeasured first, as run.sh does: the phase above is the first load after the start, and
# measured cold (JIT still compiling the proof path) the p99 was three times the warm one: 12.3 ms
# against 4.0 ms on the same data, 2026-11-28.
SIZE=$(size) wrk -t2 -c32 -d"$((WARMUP / 2))s" -s "$BENCH/proofs.lua" "$BASE" > /dev/null
phase "inclusion proofs, random index, log of $(size) entries (issue 3; after $((WARMUP / 2)) s of them unmeasured)"
PROOFS=$(SIZE=$(size) wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency -s "$BENCH/proofs.lua" "$BASE")
echo "$PROOFS" | grep -E "Requests/sec|50%|99%|Non-2xx"
PROOF_MAX=$(echo "$PROOFS" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
PROOF_RATE=$(echo "$PROOF_MAX * 0.7 / 1" | bc)
phase "inclusion proofs at 70% of $PROOF_MAX = $PROOF_RATE req/s (open loop, FixedRateProofs, 32 connections)"
load
# The generator JVM compiles with C1 only: C2 threads took ~5 % of a core during the phase.
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$CP" org.markproof.service.bench.FixedRateProofs \
  "$BASE" "$(size)" "$PROOF_RATE" \
  "$SECONDS_PER_PHASE" 32
if [ "${STOP_AFTER_PROOFS:-0}" = 1 ]; then exit 0; fi

phase "warm-up: POST /v1/scans, ${WARMUP}s"
RUN=warm wrk -t2 -c32 -d"${WARMUP}s" -s "$BENCH/post-scans-big.lua" "$BASE/v1/scans" > /dev/null
# The size of a verdict of each kind, the answer whose whole text the service signs.
for kind in genuine revoked-batch revoked-serial forged clone-repeated; do
  IFS=$'\t' read -r _ lat lon code < <(grep -m1 "^$kind"$'\t' "$PAYLOADS")
  bytes=$(curl -s -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' "$BASE/v1/scans" \
    -d "{\"code\":\"$code\",\"postId\":\"de-fra-cargo\",\"lat\":$lat,\"lon\":$lon,\"scannedAt\":\"$(date -u +%FT%TZ)\",\"scanId\":\"size-$kind-$(date +%s%N)\"}")
  echo "a $kind scan's answer: $bytes bytes"
done

phase "POST /v1/scans, full load (wrk, 2 threads, 32 connections)"
load
BEFORE=$(scan_statuses)
TICKS=$(ticks)
FULL=$(RUN=full wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency -s "$BENCH/post-scans-big.lua" \
  "$BASE/v1/scans")
TICKS_AFTER=$(ticks)
echo "$FULL" | grep -E "^requests|^latency|^scans answered"
per_request "$TICKS" "$TICKS_AFTER" "$(echo "$FULL" | sed -n 's/^requests \([0-9]*\) .*/\1/p')"
echo "answers by status (the service's metrics): $(status_delta "$BEFORE" "$(scan_statuses)")"
# The maximum is of scans answered 2xx: refusals (503 while the recorder is behind) are not scans.
MAX=$(echo "$FULL" | sed -n 's/^scans answered 2xx: \([0-9.]*\) per s.*/\1/p')

RATE=$(echo "$MAX * 0.7 / 1" | bc)
phase "POST /v1/scans at 70% of $MAX = $RATE req/s (open loop, FixedRateScans)"
load
TICKS=$(ticks)
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$CP" org.markproof.service.bench.FixedRateScans \
  "$BASE/v1/scans" "$TOKEN" \
  "$DATA/payloads.txt" "$RATE" "$SECONDS_PER_PHASE"
# Over the generator's whole life: its unmeasured warm-up scans at the same rate count too (5 s:
# FixedRateLoad.WARM_UP_SECONDS; change both together).
per_request "$TICKS" "$(ticks)" "$((RATE * (SECONDS_PER_PHASE + 5)))"
echo "java RSS: $(rss)"

phase "profile: JFR during 30 s of full load (not part of the figures above)"
jcmd "$SERVICE" JFR.start name=scans settings=profile filename="$DATA/scans.jfr" > /dev/null
RUN=prof wrk -t2 -c32 -d30s -s "$BENCH/post-scans-big.lua" "$BASE/v1/scans" | grep -E "^requests"
jcmd "$SERVICE" JFR.stop name=scans > /dev/null
echo "top frames (share of execution samples):"
jfr print --events jdk.ExecutionSample "$DATA/scans.jfr" \
  | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; t++}
         END {for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f}' | sort -rn | head -15
echo "Ed25519 samples by their markproof caller:"
jfr print --stack-depth 64 --events jdk.ExecutionSample "$DATA/scans.jfr" | awk '
  /jdk.ExecutionSample/ {in_sample = 1; top = ""; caller = ""; next}
  in_sample && /(line: [0-9]+|\))$/ && !/=/ {
    f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
    if (top == "") top = f
    if (caller == "" && f ~ /^org\.markproof/ && f !~ /contracts\.crypto|LabelVerifier|VerdictSignature/) caller = f
  }
  in_sample && /^}/ {in_sample = 0; t++; if (top ~ /rfc7748|rfc8032|LongDigest|Ed25519/) {c++; n[caller]++}}
  END {printf "%6.1f%%  all Ed25519\n", 100 * c / t; for (k in n) printf "%6.1f%%  %s\n", 100 * n[k] / t, k}' \
  | sort -rn
if [ "${KEEP:-0}" = 1 ]; then cp "$DATA/scans.jfr" /tmp/markproof-big-scans.jfr; fi

phase "verdicts recorded"
sql "SELECT verdict, count(*) FROM scan GROUP BY verdict ORDER BY verdict"
load
