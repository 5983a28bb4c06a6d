#!/usr/bin/env bash
# End-to-end harness: starts the packaged TuneLab on a fresh data directory, measures start-up
# time and memory, runs the 20-trial Iris study of bench/iris-20.json and prints a table.
# Needs a packaged build: ./mvnw package -DskipTests
# Usage: bench/iris-e2e.sh [runs]   (extra environment, e.g. OMP_NUM_THREADS=1, is passed through)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

printf '| run | start-up to ready (s) | RSS idle (MB) | Iris 20 trials end to end (s) | RSS after (MB) | best val_accuracy |\n'
printf '|---|---|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  port=$(free_port)
  t0=$(now)
  TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port java -jar "$jar" > "$dir/app.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$dir/app.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(now)
  sleep 2
  idle=$(rss_mb $pid)
  t2=$(now)
  id=$(curl -sf -H 'Content-Type: application/json' -d @bench/iris-20.json "http://127.0.0.1:$port/api/v1/studies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # Poll with curl and grep only: a Python start per poll would take CPU from the trials.
  while curl -sf "http://127.0.0.1:$port/api/v1/studies/$id" | grep -q '"status":"\(PENDING\|RUNNING\)"'; do
    sleep 0.25
  done
  s=$(curl -sf "http://127.0.0.1:$port/api/v1/studies/$id")
  status=$(echo "$s" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  t3=$(now)
  after=$(rss_mb $pid)
  best=$(echo "$s" | python3 -c 'import json,sys; b=json.load(sys.stdin)["best"]; print("%.4f" % b["objective"] if b else "-")')
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
  printf '| %d | %.1f | %s | %.1f | %s | %s (%s) |\n' "$run" "$(echo "$t1 - $t0" | bc)" "$idle" "$(echo "$t3 - $t2" | bc)" "$after" "$best" "$status"
done
