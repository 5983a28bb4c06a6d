#!/usr/bin/env bash
# Hostile uploads against the packaged TuneLab (issue 15): starts it with the heap the README
# states (embedded PostgreSQL and Kafka, a temporary data directory, a free port), writes the
# files of bench/hostile/make_files.py (zip bombs of 10 GiB in ~10 MB, a nested bomb, an IDX gzip
# declaring 10 GB, 1.7 billion pixels of PNG, zip slip, a 190 MB CSV of 95 million cells, a ragged
# CSV, binary garbage, requests over the size limits, and the largest table the limits accept),
# uploads each, and prints per case the HTTP status, the limit named in the answer, the time, and
# the process's peak RSS so far (VmHWM in /proc/PID/status) against the stated bound.
# Needs: ./mvnw package -DskipTests, python3, curl.
# Usage: bench/hostile-uploads.sh   (JAR=another quarkus-run.jar, HEAP=2g, BOUND_MB=4096, KEEP=1 keeps the data dir;
#        TUNELAB_TOKEN=... is sent as a Bearer token once the API asks for one)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-app/target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
heap=${HEAP:-2g}
bound_mb=${BOUND_MB:-4096}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/tunelab-hostile.XXXXXX)
api=http://127.0.0.1:$port/api/v1
auth=()
[ -n "${TUNELAB_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $TUNELAB_TOKEN")
pid=
stop() {
  local status=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -f "$dir/postgres/postmaster.pid" ]; then
    local pg
    pg=$(head -1 "$dir/postgres/postmaster.pid")
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then kill -INT "$pg" 2>/dev/null || true; sleep 1; fi
  fi
  if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then echo "data and log kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap stop EXIT

echo "writing the hostile files to $dir/files" >&2
python3 bench/hostile/make_files.py "$dir/files"
f=$dir/files
# Over the request limit (256 MiB) and over the file limit (200 MiB) but not the request's: sparse.
truncate -s 300M "$f/over-request.csv"
truncate -s 210M "$f/over-file.csv"

echo "starting TuneLab on port $port with -Xmx$heap (data in $dir)" >&2
TUNELAB_AUTH=none TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port OMP_NUM_THREADS=1 \
  java -Xmx"$heap" -Dorg.bytedeco.javacpp.maxbytes=1g \
  -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
t0=$(date +%s)
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { tail -50 "$dir/app.log" >&2; exit 1; }
  [ $(($(date +%s) - t0)) -lt 180 ] || { echo "not ready after 180 s" >&2; exit 1; }
  sleep 0.5
done

hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }

# upload NAME WHAT curl-form-arguments...: one row of the table.
upload() {
  local name=$1 what=$2
  shift 2
  local t1 t2 code limit
  t1=$(date +%s%N)
  code=$(curl -s --max-time 600 -o "$dir/answer.json" -w '%{http_code}' "${auth[@]}" "$@" "$api/datasets" || echo 000)
  t2=$(date +%s%N)
  limit=$(python3 -c 'import json,sys
try:
    p = json.load(open(sys.argv[1]))
    print(p["limit"]["name"].removeprefix("tunelab.limits.") if "limit" in p else (p.get("errors") or [{}])[0].get("message", p.get("detail", "-"))[:60] if p.get("status") else "created, %s rows" % p.get("rows"))
except Exception:
    print("-")' "$dir/answer.json")
  printf '| %s | %s | %s | %s | %d | %s |\n' "$name" "$what" "$code" "$limit" $(((t2 - t1) / 1000000)) "$(hwm_mb)"
  kill -0 $pid 2>/dev/null || { echo "TuneLab died" >&2; tail -50 "$dir/app.log" >&2; exit 1; }
}

echo "JVM: -Xmx$heap; stated bound on RSS: $bound_mb MB; RSS when ready: $(rss_mb) MB"
printf '| case | what | HTTP | limit named (or message) | ms | peak RSS so far (MB) |\n'
printf '|---|---|---|---|---|---|\n'
upload zip-bomb "10 class images of 1 GiB each (PNG + zeros), 10 MB zipped" \
  -F "file=@$f/zip-bomb.zip" -F kind=images
upload nested-bomb "10 zips of 1 GiB inside a zip, 10 MB" -F "file=@$f/nested-bomb.zip" -F kind=images
upload idx-bomb "IDX gzip declaring 10^7 32x32 images, 10 GiB of zeros in 10 MB" \
  -F "file=@$f/idx-bomb-images.gz" -F "labels=@$f/idx-bomb-labels.gz"
upload pixel-bomb "100 black 4096x4096 PNGs (1.7 G pixels), 1.6 MB" -F "file=@$f/pixel-bomb.zip" -F kind=images
upload zip-slip "entries named ../../../../tmp/evil/..." -F "file=@$f/zip-slip.zip" -F kind=images
upload huge-csv "190 MB CSV, 95 million cells" -F "file=@$f/huge.csv" -F label=y
upload ragged-csv "5 million cells, last row short" -F "file=@$f/ragged.csv" -F label=y
upload garbage-table "20 MB of random bytes as a CSV" -F "file=@$f/garbage.bin" -F label=y
upload garbage-images "20 MB of random bytes as images" -F "file=@$f/garbage.bin" -F kind=images
upload over-file "210 MB file (file limit 200 MiB)" -F "file=@$f/over-file.csv" -F label=y
upload over-request "300 MB request (request limit 256 MiB)" -F "file=@$f/over-request.csv" -F label=y
upload largest-table "accepted: 999,999 rows x 10 columns, 26 MB" -F "file=@$f/largest-table.csv" -F label=y
peak=$(hwm_mb)
echo
echo "peak RSS $peak MB, bound $bound_mb MB: $([ "$peak" -lt "$bound_mb" ] && echo within || echo EXCEEDED)"
echo "server errors in the log: $(grep -c ' ERROR ' "$dir/app.log" || true)"
[ "$peak" -lt "$bound_mb" ]
