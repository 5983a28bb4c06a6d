#!/usr/bin/env bash
# Training speed next to PyTorch on the same cores: the MLP 784-512-256-10 and the Fashion-MNIST
# CNN (Conv2D 32 -> MaxPool -> Dense 128 -> Dropout -> Dense 10) in DL4J, built by TuneLab's own
# template -> network path (dev.tunelab.bench.TrainingBench), and in PyTorch
# (bench/training/torch_bench.py); same data (Fashion-MNIST), batch 128, float32, threads.
# Then whole trials as the worker runs them (split, normalize, build, train, per-epoch metrics on
# training and validation rows, checkpoints, saved model): the CNN on 10,000 images (20 %
# validation, 3 epochs, THREADS threads) and sklearn's digits (Dense 64 tanh + Dropout, batch 16,
# 30 epochs, one thread). The engines take turns; each cell is the median of REPS runs.
# With SERVICE=1, bench/training-service.sh also times the same two trials through the packaged
# service (Kafka, events, PostgreSQL, uploads), which needs ./mvnw package -DskipTests first.
# JOBS picks some of the cells, e.g. JOBS="throughput mlp,throughput cnn" for more repetitions of
# the throughput rows alone.
# Usage: bench/training.sh [threads=2] [reps=3]
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
reps=${2:-3}
out=${RESULTS:-$(mktemp -d)}
mkdir -p "$out"
./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
cp="bench/target/classes:$(cat bench/target/classpath)"
python=$(bench/optuna/venv.sh)

run() { # engine mode what threads
  local t=$4
  if [ "$1" = tunelab ]; then
    OMP_NUM_THREADS=$t java -cp "$cp" dev.tunelab.bench.TrainingBench "$2" "$3" "$t" 2>> "$out/java.log" | tail -1
  else
    OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t "$python" bench/training/torch_bench.py "$2" "$3" "$t"
  fi
}
: > "$out/runs.jsonl"
for rep in $(seq 1 "$reps"); do
  for job in "gemm - $threads" "throughput mlp $threads" "throughput cnn $threads" "trial fashion $threads" "trial digits 1"; do
    [ -z "${JOBS:-}" ] || [[ ",$JOBS," == *",${job% *},"* ]] || continue
    for engine in tunelab pytorch; do
      # shellcheck disable=SC2086 # job is three words on purpose
      run $engine $job | python3 -c 'import json,sys; d=json.load(sys.stdin); d["rep"]='"$rep"'; d["threads"]='"${job##* }"'; print(json.dumps(d))' >> "$out/runs.jsonl"
    done
  done
done
if [ "${SERVICE:-0}" = 1 ]; then
  bench/training-service.sh "$threads" "${SERVICE_TRIALS:-3}" >> "$out/runs.jsonl"
fi
python3 bench/training/table.py "$out/runs.jsonl" | tee "$out/table.md"
