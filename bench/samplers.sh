#!/usr/bin/env bash
# Search-quality table of TuneLab's samplers alone on the test functions (see SamplerBench's
# Javadoc); bench/search-vs-optuna.sh runs the same next to Optuna.
# Usage: bench/samplers.sh [seeds=20] [evaluations=100] [samplers...]
#   FIRST_SEED (default 1) shifts the seeds; FUNCTIONS names functions or the sets tuning / heldout.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
java -DfirstSeed="${FIRST_SEED:-1}" -Dfunctions="${FUNCTIONS:-}" -cp "bench/target/classes:$(cat bench/target/classpath)" \
  dev.tunelab.bench.SamplerBench "$@"
