#!/usr/bin/env bash
# TuneLab's samplers next to Optuna 5's: one search-quality table (same functions, seeds and
# evaluations; rows grouped by function), then seconds per suggestion as a study grows.
#
# Usage: bench/search-vs-optuna.sh [seeds=20] [evaluations=100]
# Environment (space-separated lists; an empty list skips that part):
#   JAVA_SAMPLERS    random sobol tpe bayesian                 quality, TuneLab
#   OPTUNA_SAMPLERS  optuna-random optuna-tpe optuna-gp        quality, Optuna
#   JAVA_TIMED       tpe bayesian                              timing, TuneLab
#   OPTUNA_TIMED     optuna-tpe optuna-gp                      timing, Optuna
#   FUNCTIONS        all: branin hartmann6 rosenbrock2 ackley5 levy5 mixed
#   TIMING_TRIALS    10 100 300 1000     TIMING_CALLS  3
#   OPTUNA_RESULTS   a file of optuna_bench.py tables (bench/results/optuna-full.md) to use instead
#                    of running Optuna, which takes about an hour at full size
#
# Both engines run single-threaded, one after the other: the JVM is told it has one processor and
# optuna_bench.py limits torch and BLAS to one thread, so neither wins by taking both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-20}
evals=${2:-100}
java_samplers=${JAVA_SAMPLERS-random sobol tpe bayesian}
optuna_samplers=${OPTUNA_SAMPLERS-optuna-random optuna-tpe optuna-gp}
java_timed=${JAVA_TIMED-tpe bayesian}
optuna_timed=${OPTUNA_TIMED-optuna-tpe optuna-gp}
functions=$(echo "${FUNCTIONS:-}" | tr , " ")
trials=${TIMING_TRIALS:-10 100 300 1000}
calls=${TIMING_CALLS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
java=(java -XX:ActiveProcessorCount=1 -cp "bench/target/classes:$(cat bench/target/classpath)")

# Reinstall when the pins change, not only when the venv is missing.
venv=bench/.venv
if ! cmp -s bench/optuna/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r bench/optuna/requirements.txt
  cp bench/optuna/requirements.txt "$venv/requirements.txt"
fi
python=("$venv/bin/python" bench/optuna/optuna_bench.py)
"${python[@]}" check > "$out/check" || { cat "$out/check" >&2; exit 1; }

# Java first: an unknown sampler name fails here in seconds, not after the hour Optuna takes.
if [ -n "$java_samplers" ]; then
  # shellcheck disable=SC2086 # the lists are meant to split
  "${java[@]}" -Dfunctions="$functions" dev.tunelab.bench.SamplerBench "$seeds" "$evals" $java_samplers > "$out/1-java-quality.md"
fi
if [ -n "$java_timed" ]; then
  # shellcheck disable=SC2086
  "${java[@]}" dev.tunelab.bench.SuggestTiming --trials "$trials" --calls "$calls" $java_timed > "$out/2-java-timing.md"
fi
if [ -n "${OPTUNA_RESULTS:-}" ]; then
  cp "$OPTUNA_RESULTS" "$out/3-optuna.md"
else
  if [ -n "$optuna_samplers" ]; then
    "${python[@]}" quality --seeds "$seeds" --evals "$evals" ${functions:+--functions "$functions"} \
      --samplers "$optuna_samplers" > "$out/3-optuna-quality.md"
  fi
  if [ -n "$optuna_timed" ]; then
    "${python[@]}" timing --trials "$trials" --calls "$calls" --samplers "$optuna_timed" > "$out/4-optuna-timing.md"
  fi
fi

# Merge every table of the files: quality rows (headed "| function |") grouped by function in the
# order functions first appear, then timing rows (headed "| sampler |"). Both engines print the
# same columns; a header that differs (say, another number of evaluations) is an error.
awk -v want="$functions" '
  /^\| function \|/ { kind = "q"; if (head[kind] == "") head[kind] = $0; else if (head[kind] != $0) bad = bad "\n" $0; next }
  /^\| sampler \|/  { kind = "t"; if (head[kind] == "") head[kind] = $0; else if (head[kind] != $0) bad = bad "\n" $0; next }
  /^\|---/ { rule[kind] = $0; next }
  /^\| / && kind == "q" {
    split($0, cell, "|"); f = cell[2]; gsub(/ /, "", f)
    if (want != "" && index(" " want " ", " " f " ") == 0) next
    if (!(f in rows)) order[++nf] = f
    rows[f] = rows[f] $0 "\n"; next
  }
  /^\| / && kind == "t" { timing = timing $0 "\n" }
  END {
    if (bad != "") { print "tables with other columns than " head["q"] " / " head["t"] ":" bad > "/dev/stderr"; exit 1 }
    if (nf) { print head["q"]; print rule["q"]; for (i = 1; i <= nf; i++) printf "%s", rows[order[i]] }
    if (nf && timing != "") print ""
    if (timing != "") { print head["t"]; print rule["t"]; printf "%s", timing }
  }' $(ls "$out"/*.md 2>/dev/null | sort)
