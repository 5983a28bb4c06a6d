#!/usr/bin/env bash
# The chaos suite against real servers (a PostgreSQL cluster, a Kafka broker and TuneLab
# processes), each scenario repeated N times; prints trials lost and duplicates per scenario.
# Usage: bench/chaos.sh [repetitions=10] [scenario classes='Chaos*IT', e.g. ChaosWorkerKillIT]
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-10}"
scenarios="${2:-Chaos*IT}"
./mvnw -q -pl app -am install -DskipTests > /dev/null
results=app/target/chaos-results.tsv
rm -f "$results"
status=0
OMP_NUM_THREADS=1 ./mvnw -pl app verify -Dit.test="$scenarios" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.repetitions="$reps" > app/target/chaos.log 2>&1 || status=$?
grep '^chaos ' app/target/chaos.log || true
echo
# A repetition that threw counts as lost (all of its study's trials) and is shown on its own too.
printf '%-26s %11s %5s %10s %7s %10s %10s\n' scenario repetitions lost duplicates thrown 'mean s' 'slowest s'
if [ -f "$results" ]; then
  while IFS=$'\t' read -r name n lost dups mean slowest findings thrown; do
    printf '%-26s %11s %5s %10s %7s %10s %10s\n' "$name" "$n" "$lost" "$dups" "$thrown" "$mean" "$slowest"
  done < "$results"
fi
[ "$status" -eq 0 ] || echo "some scenario failed (exit $status); details in app/target/chaos.log"
exit "$status"
