#!/usr/bin/env bash
# Load benchmark of the ledger service (issue 3), outside .ci/run; figures go to docs/benchmarks.md.
#
#   mvn -B -q -DskipTests package            # once, from the repository root
#   service/src/test/bench/run.sh [SECONDS]  # each load phase runs SECONDS (default 30)
#   JAVA_OPTS=... service/src/test/bench/run.sh  # extra JVM options for the service (e.g. -Xlog:gc)
#   HEAP=1g service/src/test/bench/run.sh        # the service's heap (default 3g: the in-memory state
#                                                # and index of the ~450,000 entries a run appends
#                                                # take ~2 kB each; scans-big.sh gives 10^6 entries 6g)
#
# Starts the packaged service in demo mode on a fresh data directory (embedded PostgreSQL) on
# port 18080, waits for the demo ledger, then measures with wrk on this same machine:
#   1. the ceiling: GET /v1/info, a trivial endpoint;
#   (before 2., WARMUP seconds (default 60) of appends of entries of their own, not measured)
#   2. pre-signed appends: POST /v1/entries of trademark.recorded entries signed by the demo
#      registrar (PresignedTrademarks), 64 connections, each answered 202 once its row is durable;
#      the rate is the log's growth during the phase. Meanwhile a prober (4 connections) submits
#      with ?wait=true: its latency is submission to covering checkpoint under that load;
#   3. custodial appends: POST /v1/participants of brand owners holding their own key, a statement
#      the service signs with the operator's custodial key (CustodialEnrolments), the same way;
#   4. custodial enrolments: POST /v1/participants without a key (key made, sealed, stored, then
#      used to sign as in 3.), the same way;
#   5. inclusion proofs for random indices of the log as it then is (scans-big.sh measures them
#      on a 10^6-entry log).
# Appended entries are counted from the log's size before and after, not from wrk's counts.
set -euo pipefail
SECONDS_PER_PHASE=${1:-30}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
PORT=18080
BASE=http://localhost:$PORT
DATA=$(mktemp -d /tmp/markproof-bench.XXXXXX)
RUN=$(date +%s)
JAR=$ROOT/service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }

HEAP=${HEAP:-3g}
java -Xms"$HEAP" -Xmx"$HEAP" ${JAVA_OPTS:-} -Dmarkproof.data-dir="$DATA" -Dmarkproof.demo=true \
  -Dquarkus.http.port=$PORT \
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

size() { curl -s "$BASE/checkpoint" | sed -n 2p; }
rate() { echo "scale=1; ($2 - $1) / $SECONDS_PER_PHASE" | bc; }
phase() { echo; echo "== $1"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1); service heap $HEAP"

phase "ceiling: GET /v1/info (cold: the service has just started; the warm one is at the end)"
wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency "$BASE/v1/info" | grep -E "Requests/sec|50%|99%|Non-2xx"

echo "signing pre-signed entries..."
SIGN() {
  java -cp "$ROOT/service/target/test-classes:$ROOT/service/target/quarkus-app/lib/main/*" \
    org.markproof.service.bench.PresignedTrademarks "$DATA/demo/keys/participant-euipo.key" "$1" "$2" "$3"
}
# Enough lines for 10,000 entries/s (a thread out of lines repeats its last one, a replay that adds
# no leaf: the 60-second phase of 2026-11-28 02:36 ran through 400,000 lines at ~6,700/s).
LOAD_LINES=$((SECONDS_PER_PHASE * 10000 > 400000 ? SECONDS_PER_PHASE * 10000 : 400000))
SIGN "$LOAD_LINES" "$DATA/load.jsonl" "1$RUN"
SIGN 20000 "$DATA/probe.jsonl" "2$RUN"
# Seconds of appends before measuring, from entries of their own: the JIT compiler must be done
# with the append path first (on a slow machine C2 was still compiling it after a minute of load).
WARMUP=${WARMUP:-60}
SIGN $((WARMUP * 6000)) "$DATA/warm.jsonl" "3$RUN"
java -cp "$ROOT/service/target/test-classes:$ROOT/service/target/quarkus-app/lib/main/*" \
  org.markproof.service.bench.CustodialEnrolments $((SECONDS_PER_PHASE * 8000)) "$DATA/custodial.jsonl" "$RUN"
REGISTRAR=$(cat "$DATA/demo/tokens/registrar-em.jwt")
OPERATOR=$(cat "$DATA/demo/tokens/operator.jwt")

# The prober: 4 connections submitting with ?wait=true while the load runs, so that its latency is
# the time from submission to a signed checkpoint covering the entry, under that load.
probe() {
  LINES=$DATA/probe.jsonl THREADS=1 TOKEN=$REGISTRAR wrk -t1 -c4 -d"${SECONDS_PER_PHASE}s" \
    --timeout 30s --latency -s "$ROOT/service/src/test/bench/post-lines.lua" \
    "$BASE/v1/entries?wait=true" > "$DATA/probe.out"
}
report_probe() {
  echo "  submission -> covering checkpoint (prober, 4 connections, ?wait=true):"
  grep -E "50%|99%|Requests/sec|Non-2xx" "$DATA/probe.out" | sed 's/^/  /'
}

# One sustained-append phase: the load command given, with the prober alongside; then waits until
# the sequencer has drained the queue.
append_phase() {
  local title=$1 before during prober
  shift
  phase "$title"
  before=$(size)
  probe &
  prober=$!
  "$@" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
  during=$(size)
  wait $prober
  report_probe
  echo "appended during the phase: $((during - before)) entries (the prober's included), $(rate "$before" "$during") entries/s"
  for _ in $(seq 1 120); do
    now=$(size); sleep 1; [ "$(size)" = "$now" ] && break
  done
  echo "log once the queue drained: $(( $(size) - before )) entries more than before"
}

phase "warm-up: pre-signed appends, ${WARMUP}s (not measured)"
LINES="$DATA/warm.jsonl" THREADS=2 TOKEN="$REGISTRAR" wrk -t2 -c64 -d"${WARMUP}s" --timeout 30s \
  -s "$ROOT/service/src/test/bench/post-lines.lua" "$BASE/v1/entries" > /dev/null
for _ in $(seq 1 120); do
  now=$(size); sleep 1; [ "$(size)" = "$now" ] && break
done

append_phase "pre-signed appends, sustained: POST /v1/entries (64 connections, 202 once durable)" \
  env LINES="$DATA/load.jsonl" THREADS=2 TOKEN="$REGISTRAR" \
  wrk -t2 -c64 -d"${SECONDS_PER_PHASE}s" --timeout 30s --latency \
  -s "$ROOT/service/src/test/bench/post-lines.lua" "$BASE/v1/entries"

append_phase "custodial appends, sustained: POST /v1/participants with a publicKey (64 connections; the service signs)" \
  env LINES="$DATA/custodial.jsonl" THREADS=2 TOKEN="$OPERATOR" \
  wrk -t2 -c64 -d"${SECONDS_PER_PHASE}s" --timeout 30s --latency \
  -s "$ROOT/service/src/test/bench/post-lines.lua" "$BASE/v1/participants"

append_phase "custodial enrolments, sustained: POST /v1/participants without a key (64 connections; key made, sealed, used)" \
  env RUN="$RUN" TOKEN="$OPERATOR" \
  wrk -t2 -c64 -d"${SECONDS_PER_PHASE}s" --timeout 30s --latency \
  -s "$ROOT/service/src/test/bench/post-custodial.lua" "$BASE/v1/participants"

phase "inclusion proofs, log of $(size) entries (after $((WARMUP / 2)) s of them unmeasured)"
SIZE=$(size) wrk -t2 -c32 -d"$((WARMUP / 2))s" -s "$ROOT/service/src/test/bench/proofs.lua" "$BASE" > /dev/null
SIZE=$(size) wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency -s "$ROOT/service/src/test/bench/proofs.lua" "$BASE" \
  | grep -E "Requests/sec|50%|99%|Non-2xx"

phase "ceiling again: GET /v1/info"
wrk -t2 -c32 -d"${SECONDS_PER_PHASE}s" --latency "$BASE/v1/info" | grep -E "Requests/sec|50%|99%|Non-2xx"
