#!/usr/bin/env bash
# The issue-4 acceptance run: a CNN architecture study on the full Fashion-MNIST (60,000 training
# images, the 10,000 test images held out and looked at once, for the best trial) through the
# packaged TuneLab on this machine. Prints the result table for docs/benchmarks.md.
# Needs: ./mvnw package -DskipTests, and Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist).
# Usage: bench/fashion-mnist.sh [study.json=bench/fashion-mnist-cnn.json]
set -euo pipefail
cd "$(dirname "$0")/.."
study=${1:-bench/fashion-mnist-cnn.json}
data=/usr/share/datasets/fashion-mnist
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
[ -f "$data/train-images-idx3-ubyte.gz" ] || { echo "missing $data: apt-get install dataset-fashion-mnist" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
api=http://127.0.0.1:$port/api/v1
# One trial at a time with both cores: a CNN trains faster on two threads than two CNNs on one each.
TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port TUNELAB_WORKER_SLOTS=1 TUNELAB_WORKER_THREADS_PER_SLOT=2 \
  java -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$dir/app.log" >&2; exit 1; }
  sleep 0.2
done

upload() {
  curl -sf -F "file=@$data/$1-images-idx3-ubyte.gz" -F "labels=@$data/$1-labels-idx1-ubyte.gz" -F "name=$2" "${@:3}" \
    "$api/datasets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
train=$(upload train "Fashion-MNIST train")
# Read as a test set of the training set: same classes and shape, checked at upload.
test=$(upload t10k "Fashion-MNIST test" -F "trainingSet=$train")
t0=$(date +%s)
id=$(sed -e "s/@TRAIN@/$train/" -e "s/@TEST@/$test/" "$study" \
  | curl -sf -H 'Content-Type: application/json' -d @- "$api/studies" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "study $id: http://127.0.0.1:$port/#study=$id (log: $dir/app.log)" >&2
# The test evaluation follows the study's end, so wait for its result too.
while curl -sf "$api/studies/$id" | grep -q '"status":"\(PENDING\|RUNNING\)"\|"status":"pending"'; do
  sleep 5
done
t1=$(date +%s)
curl -sf "$api/studies/$id" > "$dir/study.json"
curl -sf "$api/studies/$id/trials?size=100" > "$dir/trials.json"
python3 - "$dir/study.json" "$dir/trials.json" $((t1 - t0)) <<'PY'
import json, sys
study = json.load(open(sys.argv[1])); trials = json.load(open(sys.argv[2]))["items"]; secs = int(sys.argv[3])
best = study.get("best") or {}
test = (study.get("test") or {}).get("metrics") or {}
p = study["progress"]
print(f"| wall time | trials (completed / pruned / skipped / failed) | best val_accuracy | test_accuracy of best | best trial |")
print(f"|---|---|---|---|---|")
print(f"| {secs // 60} min {secs % 60} s | {p['total']} ({p['completed']} / {p['pruned']} / {p['skipped']} / {p['failed']}) "
      f"| {best.get('objective', float('nan')):.4f} | {test.get('test_accuracy', float('nan')):.4f} | #{best.get('number')} |")
print()
b = next(t for t in trials if t["number"] == best.get("number"))
print("Best trial:", json.dumps(b["params"], sort_keys=True), f"- {b.get('paramCount')} parameters, {b['epochsDone']} epochs")
print()
print("| trial | status | epochs | parameters | val_accuracy | params |")
print("|---|---|---|---|---|---|")
for t in sorted(trials, key=lambda t: t["number"]):
    v = t.get("objective")
    print(f"| {t['number']} | {t['status']} | {t['epochsDone']} | {t.get('paramCount')} | {'' if v is None else f'{v:.4f}'} | {json.dumps(t['params'], sort_keys=True)} |")
PY
