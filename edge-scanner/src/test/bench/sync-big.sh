#!/bin/bash
# Starts the service on a data dir kept by service/src/test/bench/scans-big.sh (KEEP=1), then syncs
# with each given JAR[:JVM options] into a fresh edge store $WORK/big-edge.db: wall time, JVM start
# included. Run under flock /tmp/markproof-bench.lock.  usage: sync-big.sh DATA_DIR JAR[:OPTS]...
set -e
DATA=$1; shift
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd); WORK=${WORK:-/tmp/edge-speed}
PORT=18080; BASE=http://localhost:$PORT
echo "== $(date -u +%FT%TZ) start service on $DATA; load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms1g -Xmx6g -Dmarkproof.data-dir="$DATA" -Dmarkproof.demo=true -Dquarkus.http.port=$PORT \
  -Dquarkus.log.level=WARN -jar "$ROOT/service/target/quarkus-app/quarkus-run.jar" >> "$DATA/service-edge.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE; wait $SERVICE' EXIT
began=$(date +%s.%N)
until [ "$(curl -s "$BASE/checkpoint" | sed -n 2p)" = 1002014 ]; do sleep 2; done
echo "checkpoint served $(echo "$(date +%s.%N) - $began" | bc) s after launch"
# Let the service finish projecting its state tables (as it would be, idle, at a post's sync).
sleep ${SETTLE:-60}
LOG_KEY=$(curl -s "$BASE/v1/log/key" | sed 's/.*"checkpointVerifierKey":"\([^"]*\)".*/\1/')
for run in "$@"; do
  jar=${run%%:*}; extra=${run#*:}; [ "$extra" = "$run" ] && extra=
  rm -f $WORK/big-edge.db*
  echo "-- $jar $extra; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%T)"
  s=$(date +%s.%N)
  java $extra -jar "$jar" sync --store $WORK/big-edge.db --server "$BASE" --log-key "$LOG_KEY"
  echo "wall time, JVM start included: $(echo "$(date +%s.%N) - $s" | bc) s; store $(cat $WORK/big-edge.db* | wc -c) bytes"
done
echo "== end $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
