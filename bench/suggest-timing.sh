#!/usr/bin/env bash
# Seconds per suggestion of TuneLab's samplers and Optuna 5's as a study grows: the same history,
# the same timed region (history in: the engine reads its stored trials, suggests, and stores the
# result; the function's evaluation is left out) and the same warm-up on both sides (see
# SuggestTiming.java and optuna_bench.py's timing mode). Each engine runs as its own process pinned
# to one core with taskset, so its JIT, GC or BLAS threads share that core too; the engines take
# turns, REPS times each, and the table gives the median over the repetitions with their spread.
#
# Usage: bench/suggest-timing.sh [repetitions=5]
# Environment:
#   JAVA_TIMED     tpe bayesian               OPTUNA_TIMED  optuna-tpe optuna-gp
#   TIMING_TRIALS  10 100 300 1000            TIMING_CALLS  3 (timed calls per size; median)
#   CPU            the core to pin to (default: the last one)
#   RESULTS        a directory that keeps each repetition's raw output and the merged table
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
java_timed=${JAVA_TIMED-tpe bayesian}
optuna_timed=${OPTUNA_TIMED-optuna-tpe optuna-gp}
trials=$(echo "${TIMING_TRIALS:-10 100 300 1000}" | tr ' ' ,)
calls=${TIMING_CALLS:-3}
cpu=${CPU:-$(($(nproc --all) - 1))}
# shellcheck source=bench/search-prepare.sh
. bench/search-prepare.sh
{
  echo "machine: $(nproc --all) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), pinned to core $cpu"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

for ((r = 1; r <= reps; r++)); do
  if [ -n "$java_timed" ]; then
    # shellcheck disable=SC2086 # the list is meant to split
    taskset -c "$cpu" java -cp "$classpath" dev.tunelab.bench.SuggestTiming \
      --trials "$trials" --calls "$calls" $java_timed > "$out/java-$r.md"
  fi
  if [ -n "$optuna_timed" ]; then
    taskset -c "$cpu" "$python" bench/optuna/optuna_bench.py timing --trials "$trials" --calls "$calls" \
      --samplers "$optuna_timed" > "$out/optuna-$r.md" 2> /dev/null
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
# shellcheck disable=SC2046 # either engine may have been left out
python3 bench/optuna/timing_table.py $(ls "$out"/java-*.md "$out"/optuna-*.md 2> /dev/null) | tee "$out/timing.md"
