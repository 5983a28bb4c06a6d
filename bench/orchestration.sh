#!/usr/bin/env bash
# Orchestration overhead (issue 13, part 3): the service alone, with trials that train nothing.
# Starts the packaged TuneLab (embedded PostgreSQL and Kafka, a temporary data directory) with
# tunelab.worker.noop-trainer=true (bench and test setting: each trial reports its epochs at once,
# through the real path: Kafka run command, STARTED / EPOCH / COMPLETED events, PostgreSQL) and 16
# worker slots, and runs one study of N no-op trials at each parallelism; then, side by side,
# Optuna with PostgreSQL storage (RDBStorage on the server at 127.0.0.1:5432, database
# optuna_orch, synchronous_commit as TuneLab's own PostgreSQL has it) and Ray Tune (local, actors
# reused) run N no-op trials of the same space with the same parallelism. Prints trials/s, free
# slot to next start (p50, p99), events/s, CPU per trial and resident memory, with ratios.
# Needs: ./mvnw package -DskipTests, bench/.venv (bench/optuna/venv.sh), psql, a PostgreSQL on
# 127.0.0.1:5432 (trust, user postgres) for Optuna.
# Usage: bench/orchestration.sh [trials=10000] [epochs=5]
#   PARALLEL="1 4 16"  ENGINES="tunelab optuna ray"  RAY_TRIALS=N (Ray's trials, default the same:
#   Ray at 16 on 2 cores runs a few trials a second)  PROBE_TRIALS=300 (TuneLab's overhead per
#   epoch: that many trials of 1 and of 21 epochs, one at a time)  RESULTS=dir keeps the JSON and
#   the report.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-10000}
epochs=${2:-5}
parallel=${PARALLEL:-1 4 16}
engines=${ENGINES:-tunelab optuna ray}
ray_trials=${RAY_TRIALS:-$trials}
probe_trials=${PROBE_TRIALS:-300}
py=bench/.venv/bin/python
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
[ -x "$py" ] || { echo "needs bench/.venv: bench/optuna/venv.sh" >&2; exit 1; }
slots=0
for p in $parallel; do [ "$p" -gt "$slots" ] && slots=$p; done

t_start=$(date +%s)
load() { cut -d' ' -f1-3 /proc/loadavg | sed 's/ / \/ /g'; }
dir=$(mktemp -d /tmp/tunelab-orchestration.XXXXXX)
out=$dir/json
mkdir -p "$out"
pid=

stop_app() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=
  if [ -f "$dir/app/postgres/postmaster.pid" ]; then
    local pg
    pg=$(head -1 "$dir/app/postgres/postmaster.pid")
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
}
finish() {
  local status=$?
  stop_app
  if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then echo "data, logs and JSON kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap finish EXIT

echo "load at start $(load)" >&2
if [[ " $engines " == *" tunelab "* ]]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  echo "starting TuneLab (no-op trainer, $slots slots) on port $port" >&2
  TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_DATA_DIR="$dir/app" QUARKUS_HTTP_PORT=$port TUNELAB_WORKER_SLOTS=$slots TUNELAB_WORKER_NOOP_TRAINER=true \
    OMP_NUM_THREADS=1 java -jar "$jar" > "$dir/app.log" 2>&1 &
  pid=$!
  t0=$(date +%s)
  until curl -sf "$base/q/health/ready" > /dev/null; do
    kill -0 $pid 2>/dev/null || { tail -50 "$dir/app.log" >&2; exit 1; }
    [ $(($(date +%s) - t0)) -lt 180 ] || { echo "not ready after 180 s" >&2; exit 1; }
    sleep 0.5
  done
  pg_port=$(sed -n 4p "$dir/app/postgres/postmaster.pid")
  # A warm-up study (JIT, connection pools, Kafka partitions assigned): not measured.
  "$py" bench/orchestration/tunelab_noop.py "$base" "$pid" "$pg_port" "$slots" 200 "$epochs" "$dir/warmup.json" "$dir/app" 2> "$dir/warmup.log" || { cat "$dir/warmup.log" >&2; exit 1; }
  for p in $parallel; do
    echo "TuneLab, $trials trials, $p at a time (load $(load))" >&2
    "$py" bench/orchestration/tunelab_noop.py "$base" "$pid" "$pg_port" "$p" "$trials" "$epochs" "$out/tunelab-$p.json" "$dir/app"
  done
  # Service overhead per epoch: one trial at a time, 1 epoch against 21 epochs per trial.
  mkdir -p "$dir/probe"
  for e in 1 21; do
    echo "TuneLab, $probe_trials trials of $e epoch(s), 1 at a time (load $(load))" >&2
    "$py" bench/orchestration/tunelab_noop.py "$base" "$pid" "$pg_port" 1 "$probe_trials" "$e" "$dir/probe/epochs-$e.json" "$dir/app"
  done
  stop_app
fi
sync_commit=$(python3 -c "import json,glob; f=sorted(glob.glob('$out/tunelab-*.json')); print(json.load(open(f[0]))['synchronousCommit'] if f else 'on')")
if [[ " $engines " == *" optuna "* ]]; then
  psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = 'optuna_orch'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database optuna_orch"
  for p in $parallel; do
    echo "Optuna + PostgreSQL, $trials trials, $p at a time (load $(load))" >&2
    (cd bench/orchestration && "../../$py" optuna_noop.py postgresql+psycopg2://postgres@127.0.0.1:5432/optuna_orch \
      "$p" "$trials" "$epochs" "$out/optuna-$p.json" "$sync_commit")
  done
fi
if [[ " $engines " == *" ray "* ]]; then
  for p in $parallel; do
    echo "Ray Tune, $ray_trials trials, $p at a time (load $(load))" >&2
    (cd bench/orchestration && RAY_memory_monitor_refresh_ms=0 "../../$py" ray_noop.py "$p" "$ray_trials" "$epochs" \
      "$out/ray-$p.json" "$dir/ray" > "$dir/ray-$p.log" 2>&1) || { tail -20 "$dir/ray-$p.log" >&2; exit 1; }
    rm -rf "$dir/ray"
  done
fi
echo "load at end $(load)" >&2
echo
"$py" bench/orchestration/report.py "$out" "$dir/probe" | tee "$dir/report.md"
if [ -n "${RESULTS:-}" ]; then
  mkdir -p "$RESULTS"
  cp "$out"/*.json "$dir/report.md" "$RESULTS"/
  [ -d "$dir/probe" ] && mkdir -p "$RESULTS/probe" && cp "$dir"/probe/*.json "$RESULTS/probe/"
fi
echo "total $(($(date +%s) - t_start)) s" >&2
