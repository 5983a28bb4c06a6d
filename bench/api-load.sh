#!/usr/bin/env bash
# The API under load (issue 13, part 5): starts the packaged TuneLab (embedded PostgreSQL and
# Kafka, a temporary data directory, a free port), makes a study through the API and seeds it with
# N finished trials and their epoch metrics straight into PostgreSQL (bench/api-load/seed.sql, as
# bench/leaderboard.sh seeds its studies; the API itself caps a study at 10,000), then with wrk
# (2 threads, 50 connections, after a warm-up):
#   - leaderboard pages of that study, random page, sort key and order (bench/api-load/leaderboard.lua);
#   - the study's summary (GET /studies/{id}) and the list of studies (GET /studies);
#   - with 4 Iris studies running on the worker (real training unless NOOP=1), study submissions
#     at a fixed 50/s (bench/api-load/submit.lua) for 20 s, counted by status;
# and prints requests/s, latency percentiles and every response that was not 2xx, then checks that
# each accepted study is stored and the log holds no server error.
# Needs: ./mvnw package -DskipTests, psql, wrk.
# Usage: bench/api-load.sh [trials=100000]   (SECONDS_PER_RUN=20, RATE=50, NOOP=0, KEEP=1, RESULTS=dir)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-100000}
secs=${SECONDS_PER_RUN:-20}
rate=${RATE:-50}
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v psql > /dev/null || { echo "needs psql" >&2; exit 1; }
command -v wrk > /dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

t_start=$(date +%s)
load() { cut -d' ' -f1-3 /proc/loadavg | sed 's/ / \/ /g'; }
load_start=$(load)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/tunelab-api-load.XXXXXX)
base=http://127.0.0.1:$port
api=$base/api/v1
pid=
stop() {
  local status=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    local pg
    pg=$(head -1 "$dir/postgres/postmaster.pid")
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then kill -INT "$pg" 2>/dev/null || true; sleep 1; fi
  fi
  if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then echo "data, log and JSON kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap stop EXIT

echo "starting TuneLab on port $port (data in $dir)" >&2
noop=false
[ "${NOOP:-0}" = 1 ] && noop=true
TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_LIMITS_STUDIES_RUNNING=${TUNELAB_LIMITS_STUDIES_RUNNING:-1000000} TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port TUNELAB_WORKER_NOOP_TRAINER=$noop OMP_NUM_THREADS=1 \
  java -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
t0=$(date +%s)
until curl -sf "$base/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { tail -50 "$dir/app.log" >&2; exit 1; }
  [ $(($(date +%s) - t0)) -lt 180 ] || { echo "not ready after 180 s" >&2; exit 1; }
  sleep 0.5
done

study() { # name, maxTrials, parallelTrials, epochs
  cat <<JSON
{"name": "$1", "dataset": "iris", "objective": {"metric": "val_accuracy", "direction": "maximize"},
 "algorithm": {"name": "random", "seed": 7}, "budget": {"maxTrials": $2, "parallelTrials": $3, "epochs": $4},
 "space": {"units": {"type": "int", "min": 4, "max": 256}, "activation": {"type": "choice", "values": ["relu", "tanh", "elu"]},
           "dropout": {"type": "float", "min": 0.0, "max": 0.5}, "lr": {"type": "float", "min": 0.0001, "max": 0.1, "log": true},
           "optimizer": {"type": "choice", "values": ["adam", "sgd", "rmsprop"]}},
 "template": {"layers": [{"type": "Dense", "units": {"param": "units"}, "activation": {"param": "activation"}},
                         {"type": "Dropout", "rate": {"param": "dropout"}}],
              "optimizer": {"param": "optimizer"}, "learning_rate": {"param": "lr"}, "batch_size": 16}}
JSON
}
submit() { study "$@" | curl -sf -H 'Content-Type: application/json' "$api/studies" -d @- | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

big=$(submit "API load, $trials trials" 10 1 5)
curl -sf -X POST "$api/studies/$big/cancel" > /dev/null
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
PGPORT=$(sed -n 4p "$dir/postgres/postmaster.pid")
export PGPORT
echo "seeding $trials trials into study $big" >&2
t0=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -v trials="$trials" -v study="$big" -f bench/api-load/seed.sql > /dev/null
seed_s=$(($(date +%s) - t0))
seeded=$(psql -X -At -c "select count(*) from trial where study_id = '$big'")

results=$dir/results
: > "$results"
run() { # label, connections, wrk args...
  local label=$1 conns=$2
  shift 2
  echo "$label (load $(load))" >&2
  local line
  line=$(wrk --timeout 10s -c"$conns" "$@" | grep '^{' | tail -1)
  echo "{\"label\": \"$label\", \"connections\": $conns, \"load\": \"$(load)\", \"result\": $line}" >> "$results"
}
export STUDY=$big TRIALS=$trials PARAMS=units,activation,dropout,lr,optimizer
# Warm-up: the server's first look at the study reads all its trials into the in-memory board,
# and each sort key is sorted on its first use.
wrk -t2 -c10 -d5s -s bench/api-load/leaderboard.lua "$base" > /dev/null
run "leaderboard page (random page, sort key and order)" 50 -t2 -d"${secs}s" -s bench/api-load/leaderboard.lua "$base"
PATH_GET=/api/v1/studies/$big wrk -t2 -c10 -d3s -s bench/api-load/get.lua "$base" > /dev/null
PATH_GET=/api/v1/studies/$big run "study summary (GET /studies/{id})" 50 -t2 -d"${secs}s" -s bench/api-load/get.lua "$base"
PATH_GET=/api/v1/studies run "list of studies (GET /studies, studies: $(psql -X -At -c 'select count(*) from study'))" 50 -t2 -d"${secs}s" -s bench/api-load/get.lua "$base"

# Four studies running while studies are submitted at a fixed rate.
running=()
for i in 1 2 3 4; do running+=("$(submit "API load, running $i" 1000 2 5)"); done
sleep 5
study "API load, submitted" 2 1 1 > "$dir/submit.json"
echo "submitting at $rate/s for $secs s with 4 studies running (load $(load))" >&2
BODY=$dir/submit.json RATE=$rate CONNECTIONS=10 IDS=$dir/ids run "study submissions at $rate/s, 4 studies running" \
  10 -t2 -d"${secs}s" -s bench/api-load/submit.lua "$api/studies"
PATH_GET=/api/v1/studies run "list of studies (GET /studies, studies: $(psql -X -At -c 'select count(*) from study')) after the submissions" 50 -t2 -d"${secs}s" -s bench/api-load/get.lua "$base"
progress=$(for id in "${running[@]}"; do curl -sf "$api/studies/$id" | python3 -c 'import json,sys; p=json.load(sys.stdin)["progress"]; print(p["done"])'; done | paste -sd/)
accepted=$(cat "$dir"/ids.* | sort -u | wc -l)
stored=$(psql -X -At -c "select count(*) from study where name = 'API load, submitted'")
server_errors=$(grep -c ' ERROR ' "$dir/app.log" || true)
# What the server's errors were, by message (without timestamps), kept with the results.
grep ' ERROR ' "$dir/app.log" | cut -d' ' -f3- | cut -c1-300 | sort | uniq -c | sort -rn | head -20 > "$dir/errors.txt" || true
studies_total=$(psql -X -At -c "select count(*) from study")
# Stop what was started so that the process ends quickly.
for id in "${running[@]}" $(cat "$dir"/ids.*); do echo "$id"; done | xargs -P 4 -I{} curl -s -o /dev/null -X POST "$api/studies/{}/cancel"
rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))

cat > "$dir/meta.json" <<JSON
{"trials": $trials, "seeded": $seeded, "seedSeconds": $seed_s, "rate": $rate, "seconds": $secs, "noop": $noop,
 "accepted": $accepted, "stored": $stored, "serverErrorsInLog": $server_errors, "studies": $studies_total,
 "runningProgress": "$progress", "rssMB": $rss_mb, "loadStart": "$load_start", "loadEnd": "$(load)",
 "date": "$(date -u '+%Y-%m-%d %H:%M UTC')", "nproc": $(nproc)}
JSON
python3 - "$dir/meta.json" "$results" <<'PY' | tee "$dir/report.md"
import json, sys
meta = json.load(open(sys.argv[1]))
runs = [json.loads(l) for l in open(sys.argv[2])]
print(f"Study of {meta['seeded']:,} trials (seeded in {meta['seedSeconds']} s); wrk, {meta['seconds']} s per run; "
      f"{meta['nproc']} cores; {meta['date']}; load at start {meta['loadStart']}, at the end {meta['loadEnd']}.\n")
print("| endpoint | connections | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors / timeouts | load |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for r in runs:
    x = r["result"]
    conns = r["connections"]
    sock = x["connectErrors"] + x["readErrors"] + x["writeErrors"]
    print(f"| {r['label']} | {conns} | {x['requests']:,} | {x['rps']:,.1f} | {x['p50ms']:.1f} | {x['p90ms']:.1f} | {x['p99ms']:.1f} "
          f"| {x['maxms']:.1f} | {x['non2xx']} | {sock} / {x['timeouts']} | {r['load']} |")
sub = next((r["result"] for r in runs if "submissions" in r["label"]), None)
if sub:
    st = ", ".join(f"{k}: {v:,}" for k, v in sorted(sub.get("statuses", {}).items()))
    print(f"\nSubmissions: {sub['requests']:,} sent at a target of {meta['rate']}/s ({sub['rps']:.1f}/s reached); "
          f"responses by status: {st}; {meta['accepted']:,} ids returned, {meta['stored']:,} studies stored. "
          f"The 4 running studies had finished {meta['runningProgress']} trials by then ({'no-op' if meta['noop'] else 'real Iris'} training). "
          f"ERROR lines in the server log: {meta['serverErrorsInLog']}. RSS at the end {meta['rssMB']:,} MB.")
PY
if [ -s "$dir/errors.txt" ]; then echo; echo "Server ERROR lines by message (count, first 300 characters):"; cat "$dir/errors.txt"; fi
if [ -n "${RESULTS:-}" ]; then
  mkdir -p "$RESULTS"
  cp "$dir/meta.json" "$results" "$dir/report.md" "$dir/errors.txt" "$RESULTS"/
fi
echo "total $(($(date +%s) - t_start)) s" >&2
