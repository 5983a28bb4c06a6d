#!/usr/bin/env bash
# Search-quality table of TuneLab's samplers on the test functions (see SamplerBench's Javadoc).
# Usage: bench/samplers.sh [seeds=20] [evaluations=100] [samplers...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
java -cp "bench/target/classes:$(cat bench/target/classpath)" dev.tunelab.bench.SamplerBench "$@"
