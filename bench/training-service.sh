#!/usr/bin/env bash
# The two trials of bench/training.sh through the packaged service: Kafka command, worker, epoch
# events, checkpoints, model upload, PostgreSQL. One worker slot: THREADS threads for the
# Fashion-MNIST CNN (10,000 images, 20 % validation, 3 epochs), one thread for sklearn's digits
# (20 % test split, 20 % validation, Dense 64 tanh + Dropout, batch 16, 30 epochs). Each study runs
# TRIALS identical trials one after another; the first is a warm-up (a fresh JVM's first trial
# pays for JIT compilation and the dataset download) and the rest are reported, as runs.jsonl
# lines like bench/training.sh's with engine "tunelab-service". Trial time is the API's
# duration (the STARTED event to the COMPLETED event).
# Needs ./mvnw package -DskipTests. Usage: bench/training-service.sh [threads=2] [trials=4]
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
trials=${2:-4}
jar=app/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
dir=$(mktemp -d)
python3 - "$dir" <<'PY'
import gzip, sys
src = "/usr/share/datasets/fashion-mnist"
d = sys.argv[1]
for name, header, size in (("train-images-idx3-ubyte", 16, 784), ("train-labels-idx1-ubyte", 8, 1)):
    data = gzip.open(f"{src}/{name}.gz").read()
    head = bytearray(data[:header]); head[4:8] = (10_000).to_bytes(4, "big")
    gzip.open(f"{d}/{name}-10k.gz", "wb").write(bytes(head) + data[header:header + 10_000 * size])
rows = gzip.open("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz").read().decode()
open(f"{d}/digits.csv", "w").write(",".join(f"p{i}" for i in range(64)) + ",digit\n" + rows)
PY

run_service() { # threads -> starts the app, sets $pid and $api
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$dir/data-$1"
  TUNELAB_AUTH=${TUNELAB_AUTH:-none} TUNELAB_DATA_DIR="$dir/data-$1" QUARKUS_HTTP_PORT=$port TUNELAB_WORKER_SLOTS=1 TUNELAB_WORKER_THREADS_PER_SLOT=$1 \
    OMP_NUM_THREADS=$1 java -jar "$jar" > "$dir/app-$1.log" 2>&1 &
  pid=$!
  api=http://127.0.0.1:$port/api/v1
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    kill -0 $pid 2> /dev/null || { cat "$dir/app-$1.log" >&2; exit 1; }
    sleep 0.2
  done
}

study() { # name dataset-id template-layers batch epochs test-json
  cat <<JSON
{"name": "$1", "dataset": "$2", "objective": {"metric": "val_accuracy", "direction": "maximize"},
 "algorithm": {"name": "random", "seed": 1}, "budget": {"maxTrials": $trials, "parallelTrials": 1, "epochs": $5},
 "validationSplit": 0.2 $6,
 "space": {"units": {"type": "choice", "values": [$7]}},
 "template": {"layers": $3, "optimizer": "adam", "learning_rate": 0.001, "batch_size": $4}}
JSON
}

measure() { # trial-name epochs study-json
  local id
  id=$(curl -sf -H 'Content-Type: application/json' -d "$3" "$api/studies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while curl -sf "$api/studies/$id" | grep -q '"status":"\(PENDING\|RUNNING\)"'; do sleep 0.5; done
  curl -sf "$api/studies/$id/trials?size=100" | python3 -c '
import json, sys
items = sorted(json.load(sys.stdin)["items"], key=lambda t: t["number"])
for t in items[1:]:
    if t["status"] != "COMPLETED":
        print(json.dumps({"engine": "tunelab-service", "trial": sys.argv[1], "error": t["status"]})); continue
    s = t["durationMs"] / 1000
    print(json.dumps({"engine": "tunelab-service", "trial": sys.argv[1], "epochs": int(sys.argv[2]), "seconds": s,
                      "epoch_seconds": s / int(sys.argv[2]), "val_accuracy": t["objective"], "threads": int(sys.argv[3])}))
' "$1" "$2" "$4"
}

run_service "$threads"
fashion=$(curl -sf -F "file=@$dir/train-images-idx3-ubyte-10k.gz" -F "labels=@$dir/train-labels-idx1-ubyte-10k.gz" \
  -F "name=Fashion-MNIST 10k" "$api/datasets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cnn='[{"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"},
      {"type": "MaxPooling2D", "pool_size": 2}, {"type": "Flatten"},
      {"type": "Dense", "units": {"param": "units"}, "activation": "relu"}, {"type": "Dropout", "rate": 0.25}]'
measure fashion 3 "$(study "bench: CNN" "$fashion" "$cnn" 128 3 "" 128)" "$threads"
kill $pid; wait $pid 2> /dev/null || true

run_service 1
digits=$(curl -sf -F "file=@$dir/digits.csv" -F "label=digit" -F "task=classification" -F "name=digits" "$api/datasets" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
small='[{"type": "Dense", "units": {"param": "units"}, "activation": "tanh"}, {"type": "Dropout", "rate": 0.2}]'
measure digits 30 "$(study "bench: digits" "$digits" "$small" 16 30 ', "test": {"fraction": 0.2}' 64)" 1
kill $pid; wait $pid 2> /dev/null || true
rm -rf "$dir"
