#!/usr/bin/env bash
# Pruners replayed on recorded learning curves (see PrunerBench's Javadoc).
# Usage: bench/pruners.sh [orders=20] [slots=4]   or   bench/pruners.sh record [trials=60] [epochs=27]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
OMP_NUM_THREADS=1 java -cp "bench/target/classes:$(cat bench/target/classpath)" dev.tunelab.bench.PrunerBench "$@"
