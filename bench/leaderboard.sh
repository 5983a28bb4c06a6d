#!/usr/bin/env bash
# The study page and the leaderboard API on a huge study: starts the packaged TuneLab (embedded
# PostgreSQL and Kafka, temporary data directory), creates a valid study through the API, seeds
# N trials with their epoch metrics straight into PostgreSQL (twice: one study for the page, one
# for the API, so that each is measured from the server's first look at it), then
#   - bench/leaderboard/page.mjs: headless Chromium opens the study page 5 times: first row
#     painted, click-to-new-order, default chart drawn;
#   - bench/leaderboard/api.mjs: 2,040 sequential leaderboard requests (default ranking, every
#     sort key both ways, status filters; random pages incl. first and last) after a warm-up, the
#     first request of each sort key, and the summary / analysis / curves requests;
# and prints the tables for docs/benchmarks.md. Targets: interactive < 2 s, API p99 < 50 ms.
# Needs: ./mvnw package -DskipTests, psql, node 20 with web-ui/node_modules (npm ci), /usr/bin/chromium.
# Usage: bench/leaderboard.sh [trials=100000]   (KEEP=1 keeps the data directory and the JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-100000}
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
TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port OMP_NUM_THREADS=1 java -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
t0=$(date +%s)
until curl -sf "$base/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { tail -50 "$dir/app.log" >&2; exit 1; }
  [ $(($(date +%s) - t0)) -lt 180 ] || { echo "not ready after 180 s" >&2; tail -50 "$dir/app.log" >&2; exit 1; }
  sleep 0.5
done
ready_s=$(($(date +%s) - t0))

# A study the API accepts (so its stored spec is what the page expects), cancelled at once; the big
# studies copy its row.
source_id=$(curl -sf -H 'Content-Type: application/json' "$api/studies" -d @- <<'JSON' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
{
  "name": "Leaderboard bench",
  "dataset": "iris",
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "random", "seed": 7 },
  "budget": { "maxTrials": 10000, "parallelTrials": 1, "epochs": 5 },
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
)
curl -sf -X POST "$api/studies/$source_id/cancel" > /dev/null

# The embedded server (user and database postgres, see EmbeddedPostgresServer): its port is line 4
# of postmaster.pid.
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
PGPORT=$(sed -n 4p "$dir/postgres/postmaster.pid")
export PGPORT
page_id=$(python3 -c 'import uuid; print(uuid.uuid4())')
api_id=$(python3 -c 'import uuid; print(uuid.uuid4())')
echo "seeding $trials trials into studies $page_id (page) and $api_id (API)" >&2
t0=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -v trials="$trials" -v study_a="$page_id" -v study_b="$api_id" -v source="$source_id" > /dev/null <<'SQL'
set synchronous_commit = off;
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

insert into study (id, project_id, name, status, dataset_id, spec_json, direction, planned_trials, parallel_trials,
                   created_at, finished_at)
select x.id, project_id, x.name, 'COMPLETED', dataset_id, spec_json, direction, :trials, parallel_trials,
       now() - interval '30 days', now()
from study, (values (:'study_a'::uuid, 'Leaderboard bench (page)'), (:'study_b'::uuid, 'Leaderboard bench (API)')) x(id, name)
where study.id = :'source';

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
 "diagnostics": $diag}
EOF
echo
node bench/leaderboard/report.mjs "$dir/meta.json" "$dir/page.json" "$dir/api.json"
echo
echo "total $(($(date +%s) - t_start)) s" >&2
