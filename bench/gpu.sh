#!/usr/bin/env bash
# Training throughput of one trial's network on ND4J's CPU backend and, with -Pcuda, on the CUDA
# 11.6 backend (see worker/pom.xml). Prints a table for docs/benchmarks.md.
# Usage: bench/gpu.sh [batches=200] [batchSize=128]   (CUDA needs an NVIDIA driver; ~2.4 GB of jars)
#   BACKENDS=cpu measures the CPU backend only (no CUDA jars are fetched).
set -euo pipefail
cd "$(dirname "$0")/.."
profiles=("")
[ "${BACKENDS:-cpu cuda}" = cpu ] || profiles+=("-Pcuda")
echo '| backend | device | parameters | batch | samples/s | seconds |'
echo '|---|---|---|---|---|---|'
for profile in "${profiles[@]}"; do
  ./mvnw -q $profile -pl bench -am install -DskipTests > /dev/null
  ./mvnw -q $profile -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
  java -cp "bench/target/classes:$(cat bench/target/classpath)" dev.tunelab.bench.BackendThroughput "$@" \
    2> "bench/target/gpu${profile:+-cuda}.log" || echo "| ${profile:-cpu} | failed: see bench/target/gpu${profile:+-cuda}.log | | | | |"
done
