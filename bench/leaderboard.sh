#!/usr/bin/env bash
# The study page and the leaderboard API on a study as large as the API allows: starts the
# packaged TuneLab (embedded PostgreSQL and Kafka, temporary data directory), creates two studies
# of N trials through the API (one for the page, one for the API, so that each is measured from
# the server's first look at it) and cancels them at once, seeds their N finished trials with
# their epoch metrics straight into PostgreSQL (training 10,000 networks is not the point), then
#   - bench/leaderboard/page.mjs: headless Chromium opens the study page 5 times: first row
#     painted, click-to-new-order, default chart drawn;
#   - bench/leaderboard/api.mjs: 2,040 sequential leaderboard requests (default ranking, every
#     sort key both ways, status filters; random pages incl. first and last) after a warm-up, the
#     first request of each sort key, and the summary / analysis / curves requests;
#   - the scheduler at that size: a third study of N trials, N - 10 of them seeded, is set running
#     again, and the time its scheduler and workers take for the last 10 trials is set against a
#     fresh 10-trial study of the same spec; the process's RSS after all of it;
# and prints the tables for docs/benchmarks.md. Targets: interactive < 2 s, API p99 < 50 ms.
# Needs: ./mvnw package -DskipTests, psql, node 20 with web-ui/node_modules (npm ci), /usr/bin/chromium.
# Usage: bench/leaderboard.sh [trials=10000]   (the API's limit; KEEP=1 keeps the data directory and the JSON,
#   RESULTS=dir copies the JSON and the report there)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-10000}
runs=5
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v psql > /dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install chromium)" >&2; exit 1; }
[ -f web-ui/node_modules/playwright/index.mjs ] || { echo "needs web-ui/node_modules: (cd web-ui && npm ci)" >&2; exit 1; }

t_start=$(date +%s)
load() { cut -d' ' -f1-3 /proc/loadavg | sed 's/ / \/ /g'; }
load_start=$(load)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/tunelab-leaderboard.XXXXXX)
base=http://127.0.0.1:$port
api=$base/api/v1
pid=

stop() {
  local status=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # SIGTERM: Quarkus stops, then the embedded Kafka and PostgreSQL (TuneLabMain's shutdown hook).
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  # A PostgreSQL left behind (the JVM killed): stop it by the pid it wrote.
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    local pg
    pg=$(head -1 "$dir/postgres/postmaster.pid")
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "data, log and JSON kept in $dir" >&2
  else
    rm -rf "$dir"
  fi
}
trap stop EXIT

echo "starting TuneLab on port $port (data in $dir)" >&2
TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port OMP_NUM_THREADS=1 java -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
t0=$(date +%s)
until curl -sf "$base/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { tail -50 "$dir/app.log" >&2; exit 1; }
  [ $(($(date +%s) - t0)) -lt 180 ] || { echo "not ready after 180 s" >&2; tail -50 "$dir/app.log" >&2; exit 1; }
  sleep 0.5
done
ready_s=$(($(date +%s) - t0))

# The studies, through the API: what it accepts is what the page, the leaderboard and the
# scheduler meet. random search: a bayesian study may hold at most 2,000 trials.
spec() { # name, maxTrials, parallelTrials
  cat <<JSON
{
  "name": "$1",
  "dataset": "iris",
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "random", "seed": 7 },
  "budget": { "maxTrials": $2, "parallelTrials": $3, "epochs": 5 },
  "space": {
    "units": { "type": "int", "min": 4, "max": 256 },
    "activation": { "type": "choice", "values": ["relu", "tanh", "elu"] },
    "dropout": { "type": "float", "min": 0.0, "max": 0.5 },
    "lr": { "type": "float", "min": 0.0001, "max": 0.1, "log": true },
    "optimizer": { "type": "choice", "values": ["adam", "sgd", "rmsprop"] }
  },
  "template": {
    "layers": [
      { "type": "Dense", "units": { "param": "units" }, "activation": { "param": "activation" } },
      { "type": "Dropout", "rate": { "param": "dropout" } }
    ],
    "optimizer": { "param": "optimizer" },
    "learning_rate": { "param": "lr" },
    "batch_size": 16
  }
}
JSON
}
submit() { # name, maxTrials, parallelTrials -> id
  local body
  body=$(spec "$1" "$2" "$3" | curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' "$api/studies" -d @-)
  [ "$(tail -1 <<< "$body")" = 201 ] || { echo "study refused: $body" >&2; return 1; }
  head -n -1 <<< "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
page_id=$(submit "Leaderboard bench (page)" "$trials" 1)
api_id=$(submit "Leaderboard bench (API)" "$trials" 1)
sched_id=$(submit "Scheduler at the limit" "$trials" 2)
for id in "$page_id" "$api_id" "$sched_id"; do curl -sf -X POST "$api/studies/$id/cancel" > /dev/null; done

# The embedded server (user and database postgres, see EmbeddedPostgresServer): its port is line 4
# of postmaster.pid.
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
PGPORT=$(sed -n 4p "$dir/postgres/postmaster.pid")
export PGPORT
echo "seeding $trials trials into studies $page_id (page) and $api_id (API)" >&2
t0=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -v trials="$trials" -v study_a="$page_id" -v study_b="$api_id" > /dev/null <<'SQL'
set synchronous_commit = off;
-- Trials the scheduler queued before the cancel reached it go (their metrics and checkpoints with
-- them); the seeded ones take their numbers.
delete from trial where study_id in (:'study_a', :'study_b');
select setseed(0.4242);
-- One row per trial: its parameters (the study's space) and the draws that decide its fate.
create temp table seed as
select g as number, gen_random_uuid() as ida, gen_random_uuid() as idb,
       4 + floor(random() * 253)::int as units,
       (array['relu','tanh','elu'])[1 + floor(random() * 3)::int] as activation,
       random() * 0.5 as dropout,
       exp(ln(1e-4) + random() * (ln(0.1) - ln(1e-4))) as lr,
       (array['adam','sgd','rmsprop'])[1 + floor(random() * 3)::int] as optimizer,
       random() as u_status, random() as u_prune, random() as u_epochs, random() as noise, random() as u_time
from generate_series(0, :trials - 1) g;
-- The val_accuracy a trial heads for: best near lr 0.01, with more units, dropout near 0.15, relu, adam.
create temp table t as
select s.*, least(0.99, greatest(0.34, 0.30
      + 0.55 * exp(-power(log(lr) + 2, 2) / 0.9) * (0.55 + 0.45 * (1 - exp(-units / 48.0)))
      - 0.25 * power(dropout - 0.15, 2)
      + case activation when 'relu' then 0.03 when 'elu' then 0.02 else 0 end
      + case optimizer when 'adam' then 0.06 when 'rmsprop' then 0.04 else 0 end
      + (noise - 0.5) * 0.08)) as target,
  null::text as status, 0 as epochs, null::timestamptz as started_at, null::timestamptz as finished_at
from seed s;
-- 3% skipped, 7% failed, the weaker trials mostly pruned (~30%), the rest completed (~60%).
select percentile_cont(0.33) within group (order by target + (u_prune - 0.5) * 0.15) as cut from t \gset
update t set status = case when u_status < 0.03 then 'SKIPPED' when u_status < 0.10 then 'FAILED'
                           when target + (u_prune - 0.5) * 0.15 < :cut then 'PRUNED' else 'COMPLETED' end;
update t set epochs = case status when 'COMPLETED' then 5 when 'PRUNED' then 1 + floor(u_epochs * 4)::int
                                  when 'FAILED' then floor(u_epochs * 3)::int else 0 end,
  started_at = case when status <> 'SKIPPED' then now() - interval '30 days' + (number::float8 / :trials) * interval '30 days' end;
-- 30 days of trials; an epoch takes 1.5 s and more with more units.
update t set finished_at = coalesce(started_at, now() - interval '30 days' + (number::float8 / :trials) * interval '30 days')
  + make_interval(secs => greatest(epochs, 0.05) * (1.5 + units / 40.0) * (0.7 + 0.6 * u_time));
-- val_accuracy after epoch e (of 30 validation rows), rising towards the target; the other metrics follow.
create function pg_temp.acc(target float8, e int) returns float8 language sql immutable as
  $$ select round(30 * (0.33 + (target - 0.33) * (1 - exp(-0.9 * e)) / (1 - exp(-4.5)))) / 30 $$;
create function pg_temp.metrics(target float8, e int) returns text language sql immutable as $$
  select format('{"loss":%s,"accuracy":%s,"val_loss":%s,"val_accuracy":%s}',
    round((0.9 * -ln(greatest(pg_temp.acc(target, e), 0.05)) + 0.04)::numeric, 6),
    round(least(1, pg_temp.acc(target, e) + 0.012)::numeric, 6),
    round((-ln(greatest(pg_temp.acc(target, e), 0.05)) + 0.05)::numeric, 6),
    pg_temp.acc(target, e)) $$;

update study set status = 'COMPLETED', message = null, created_at = now() - interval '30 days', finished_at = now()
where id in (:'study_a', :'study_b');

insert into trial (id, study_id, project_id, number, attempt, status, params_json, model_json, objective, epochs_done,
                   last_metrics_json, worker, message, created_at, started_at, finished_at, rung, bracket, param_count)
select case x.which when 'a' then ida else idb end, x.study, 'default', number, 1, status,
  format('{"units":%s,"activation":"%s","dropout":%s,"lr":%s,"optimizer":"%s"}', units, activation, dropout, lr, optimizer),
  format('{"layers":[{"type":"Dense","units":%s,"activation":"%s","use_bias":true,"kernel_initializer":"glorot_uniform"},'
         '{"type":"Dropout","rate":%s}],"output":{"units":3,"activation":"softmax","loss":"categorical_crossentropy"},'
         '"optimizer":"%s","learningRate":%s,"batchSize":16,"optimizerArgs":{},"inputShape":[4],"paramCount":%s}',
         units, activation, dropout, optimizer, lr, 8 * units + 3),
  case when status in ('COMPLETED', 'PRUNED') then pg_temp.acc(target, epochs) end,
  epochs,
  case when epochs > 0 then pg_temp.metrics(target, epochs) end,
  case when status <> 'SKIPPED' then (array['node-a/4711','node-b/5120','node-c/3307','node-d/6012'])[1 + number % 4] end,
  case status when 'PRUNED' then format('pruned: below the median of completed trials at epoch %s', epochs)
              when 'FAILED' then format('java.lang.IllegalStateException: loss is NaN at epoch %s', epochs + 1)
              when 'SKIPPED' then 'skipped: $.layers[0].units: the network would not fit the input' end,
  coalesce(started_at, finished_at) - interval '1 second', started_at, finished_at,
  case when status = 'PRUNED' then epochs - 1 else -1 end, 0,
  case when status <> 'SKIPPED' then 8 * units + 3 end
from t, (values ('a', :'study_a'::uuid), ('b', :'study_b'::uuid)) x(which, study);

insert into trial_metric (trial_id, attempt, epoch, metrics_json, recorded_at)
select case x.which when 'a' then ida else idb end, 1, e, pg_temp.metrics(target, e),
       started_at + (finished_at - started_at) * e / epochs
from t cross join lateral generate_series(1, t.epochs) e, (values ('a'), ('b')) x(which)
where epochs > 0;
-- As autovacuum would have left a study this old (and so that it does not start during the runs).
vacuum analyze study;
vacuum analyze trial;
vacuum analyze trial_metric;
SQL
seed_s=$(($(date +%s) - t0))
statuses=$(psql -X -At -c "select json_object_agg(status, n) from (select status, count(*) n from trial where study_id = '$api_id' group by 1 order by 2 desc) x")
metric_rows=$(psql -X -At -c "select count(*) from trial_metric m join trial t on t.id = m.trial_id where t.study_id = '$api_id'")
all_visible() { psql -X -At -c "select round(100.0 * relallvisible / greatest(relpages, 1)) || '% of ' || relpages from pg_class where relname = 'trial'"; }
visible_seeded=$(all_visible)

echo "page runs (load $(load))" >&2
load_page=$(load)
node bench/leaderboard/page.mjs "$base" "$page_id" $((trials - 1)) "$dir/page.json" "$runs"
echo "API runs (load $(load))" >&2
load_api=$(load)
node bench/leaderboard/api.mjs "$base" "$api_id" "$dir/api.json"
load_end=$(load)

# The scheduler at the limit: the study's first N - 10 trials copied from the API study (finished,
# as a study near its end holds them), then it runs again and trains the last 10 itself; against
# a fresh study of 10 trials of the same spec. Both with 2 trials at a time on the 2 worker slots.
wait_done() { # id -> seconds until COMPLETED
  local t0 status
  t0=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    status=$(curl -sf "$api/studies/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = COMPLETED ] && break
    [ "$status" = FAILED ] && { echo "study $1 failed" >&2; return 1; }
    sleep 0.25
  done
  [ "$status" = COMPLETED ] || { echo "study $1 not done after 5 minutes" >&2; return 1; }
  python3 -c "import time; print(round(time.time() - $t0, 1))"
}
cpu_s() { awk '{printf "%.1f", ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$pid/stat"; }
psql -X -q -v ON_ERROR_STOP=1 -v trials="$trials" -v study="$sched_id" -v source="$api_id" > /dev/null <<'SQL'
delete from trial where study_id = :'study';
insert into trial (id, study_id, project_id, number, attempt, status, params_json, model_json, objective, epochs_done,
                   last_metrics_json, worker, message, created_at, started_at, finished_at, rung, bracket, param_count)
select gen_random_uuid(), :'study', project_id, number, attempt, status, params_json, model_json, objective, epochs_done,
       last_metrics_json, worker, message, created_at, started_at, finished_at, rung, bracket, param_count
from trial where study_id = :'source' and number < :trials - 10;
vacuum analyze trial;
SQL
echo "scheduler runs (load $(load))" >&2
cpu0=$(cpu_s)
psql -X -q -c "update study set status = 'RUNNING', message = null, finished_at = null where id = '$sched_id'"
sched_last10_s=$(wait_done "$sched_id")
cpu1=$(cpu_s)
fresh_id=$(submit "Scheduler, fresh 10" 10 2)
fresh_s=$(wait_done "$fresh_id")
cpu2=$(cpu_s)
rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))
hwm_mb=$(($(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024))
heap=$(jcmd "$pid" GC.heap_info 2> /dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/ {print; exit}' | sed 's/"//g' | xargs || true)

# Where the database's part of the time goes: the statements behind the requests, with execution
# time and the plan's scans.
explain() {
  psql -X -At -c "explain (analyze, timing off) $1" | awk '
    /Execution Time:/ { t = $3 }
    /Scan/ { sub(/^ *(->)? */, ""); sub(/ *\(cost.*/, ""); scans = scans (scans ? ", " : "") $0 }
    END { printf "%s ms (%s)", t, scans }'
}
seq_scans() { psql -X -At -c "select seq_scan from pg_stat_user_tables where relname = 'trial'"; }
s0=$(seq_scans)
for _ in 1 2 3 4 5; do curl -sf "$api/studies/$api_id" > /dev/null; done
sleep 0.7 # statistics are reported after the statement
s1=$(seq_scans)
# Vacuum again now that no run is going: at the first one the app's open snapshots may keep pages
# from being marked all-visible, which decides whether counting can use an index-only scan.
psql -X -q -c "vacuum analyze trial"
visible_now=$(all_visible)
board_sql="select id, number, status, objective, epochs_done, started_at, finished_at, worker, param_count, params_json, change_seq from trial where study_id = '$api_id'"
diag=$(cat <<EOF
[{"label": "leaderboard's first read of a study: all its trials (Leaderboards.refresh)", "value": "$(explain "$board_sql")"},
 {"label": "summary counts (GET /studies/{id})", "value": "$(explain "select status, count(*) from trial where study_id = '$api_id' group by status")"},
 {"label": "summary best trial", "value": "$(explain "select * from trial where study_id = '$api_id' and status = 'COMPLETED' and objective is not null order by objective desc, number limit 1")"},
 {"label": "pages of table trial marked all-visible: after seeding / after a second vacuum at the end", "value": "$visible_seeded / $visible_now"},
 {"label": "sequential scans of table trial per GET /studies/{id} (pg_stat_user_tables, 5 requests; a parallel scan counts once per process)", "value": "$(( (s1 - s0) / 5 ))"}]
EOF
)

cat > "$dir/meta.json" <<EOF
{"nproc": $(nproc), "cpu": "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)",
 "memGiB": $(awk '/MemTotal/ {printf "%d", $2 / 1048576}' /proc/meminfo), "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
 "chromium": "$(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')", "readySeconds": $ready_s,
 "load": {"start": "$load_start", "page": "$load_page", "api": "$load_api", "end": "$load_end"},
 "seed": {"trials": $trials, "statuses": $statuses, "metricRows": $metric_rows, "seconds": $seed_s},
 "scheduler": {"last10Seconds": $sched_last10_s, "last10CpuSeconds": $(python3 -c "print(round($cpu1 - $cpu0, 1))"),
               "fresh10Seconds": $fresh_s, "fresh10CpuSeconds": $(python3 -c "print(round($cpu2 - $cpu1, 1))")},
 "memory": {"rssMB": $rss_mb, "peakRssMB": $hwm_mb, "heap": "$heap"},
 "diagnostics": $diag}
EOF
echo
node bench/leaderboard/report.mjs "$dir/meta.json" "$dir/page.json" "$dir/api.json" | tee "$dir/report.md"
# RESULTS=dir keeps the raw measurements and the report (bench/results/ holds the committed ones).
if [ -n "${RESULTS:-}" ]; then
  mkdir -p "$RESULTS"
  cp "$dir"/meta.json "$dir"/page.json "$dir"/api.json "$dir"/report.md "$RESULTS"/
fi
echo
echo "total $(($(date +%s) - t_start)) s" >&2
