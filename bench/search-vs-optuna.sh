#!/usr/bin/env bash
# Search quality of TuneLab's samplers next to Optuna 5's: the same functions, seeds and number of
# evaluations on both sides, one table with rows grouped by function. Seconds per suggestion are
# measured by bench/suggest-timing.sh.
#
# Usage: bench/search-vs-optuna.sh [seeds=20] [evaluations=100] [first-seed=1]
#   Seeds first-seed .. first-seed+seeds-1. The samplers were designed looking at seeds 1-20 and
#   101-120 (the tuning seeds); seeds from 1001 on were never looked at before a reported run.
# Environment (space-separated lists; an empty list skips that engine):
#   JAVA_SAMPLERS    random sobol tpe bayesian
#   OPTUNA_SAMPLERS  optuna-random optuna-tpe optuna-gp
#   FUNCTIONS        names as in the table, or the sets "tuning" and "heldout" (default: both sets;
#                    see TestFunction.java and docs/benchmarks.md)
#   JOBS             Optuna processes at once (default 1), each single-threaded, split by function;
#                    quality does not depend on timing, so running them side by side is fair
#   OPTUNA_RESULTS   a file of optuna_bench.py quality tables to use instead of running Optuna
#   RESULTS          a directory that keeps each engine's raw output and the merged table
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-20}
evals=${2:-100}
first=${3:-1}
java_samplers=${JAVA_SAMPLERS-random sobol tpe bayesian}
optuna_samplers=${OPTUNA_SAMPLERS-optuna-random optuna-tpe optuna-gp}
functions=$(echo "${FUNCTIONS:-tuning heldout}" | tr , " ")
jobs=${JOBS:-1}
# shellcheck source=bench/search-prepare.sh
. bench/search-prepare.sh

# Java first: an unknown sampler or function fails here in seconds, not after the hour Optuna takes.
if [ -n "$java_samplers" ]; then
  # shellcheck disable=SC2086 # the lists are meant to split
  java -XX:ActiveProcessorCount=1 -cp "$classpath" -Dfunctions="$functions" -DfirstSeed="$first" dev.tunelab.bench.SamplerBench "$seeds" "$evals" \
    $java_samplers > "$out/java-quality.md"
fi
if [ -n "${OPTUNA_RESULTS:-}" ]; then
  cp "$OPTUNA_RESULTS" "$out/optuna-quality.md"
elif [ -n "$optuna_samplers" ]; then
  # The expanded function list, split round-robin over the jobs.
  read -r -a names <<< "$("$python" bench/optuna/optuna_bench.py names --functions "$functions")"
  pids=()
  for ((j = 0; j < jobs; j++)); do
    mine=()
    for ((i = j; i < ${#names[@]}; i += jobs)); do mine+=("${names[i]}"); done
    [ ${#mine[@]} -gt 0 ] || continue
    "$python" bench/optuna/optuna_bench.py quality --seeds "$seeds" --first-seed "$first" --evals "$evals" \
      --functions "${mine[*]}" --samplers "$optuna_samplers" > "$out/optuna-quality-$j.md" 2> "$out/optuna-quality-$j.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
fi

# shellcheck disable=SC2046 # either engine may have been left out
# Merge the tables: rows grouped by function in the order functions first appear (Java's first).
# Every engine prints a line naming its seeds and evaluations; tables of different runs refuse to
# merge, and rows of functions outside the Java run are left out (an OPTUNA_RESULTS file may hold more).
awk '
  /^(SamplerBench|optuna_bench.py)[^:]*: seeds/ {
    match($0, /seeds [0-9]+-[0-9]+, [0-9]+ evaluations/); run = substr($0, RSTART, RLENGTH)
    if (seen_run == "") seen_run = run; else if (run != seen_run) bad = bad "\n" FILENAME ": " run " vs " seen_run
    if ($1 == "SamplerBench:" && want == "") { want = " " substr($0, index($0, "functions ") + 10) " " }
    next
  }
  /^\| function \|/ { if (head == "") head = $0; else if (head != $0) bad = bad "\n" FILENAME ": " $0; next }
  /^\|---/ { rule = $0; next }
  /^\| / {
    split($0, cell, "|"); f = cell[2]; gsub(/ /, "", f)
    if (want != "" && index(want, " " f " ") == 0) next
    if (!(f in rows)) order[++nf] = f
    rows[f] = rows[f] $0 "\n"
  }
  END {
    if (bad != "") { print "tables of different runs:" bad > "/dev/stderr"; exit 1 }
    print "Best value found after n evaluations, median [q1, q3] over " seen_run ".\n"
    print head; print rule; for (i = 1; i <= nf; i++) printf "%s", rows[order[i]]
  }' $(ls "$out"/java-quality.md "$out"/optuna-quality*.md 2> /dev/null) | tee "$out/quality.md"
