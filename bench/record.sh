#!/usr/bin/env bash
# Runs a benchmark and keeps everything it printed in bench/results/NAME.txt, headed by the exact
# command, the commit, the machine and the load, so each table in docs/benchmarks.md can point at
# the raw output it came from. The output also goes to the terminal.
# Usage: bench/record.sh NAME command [args...]     e.g. bench/record.sh iris-e2e bench/iris-e2e.sh 3
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
shift
out=bench/results/$name.txt
mkdir -p bench/results
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . ':!bench/results' ':!docs' ':!*.md' || commit="$commit with uncommitted code changes"
{
  echo "# command: $*"
  echo "# commit: $commit"
  echo "# started: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "# machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo), Java $(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$out"
status=0
"$@" 2>&1 | tee -a "$out" || status=${PIPESTATUS[0]}
{
  echo
  echo "# ended: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), exit status $status, load average $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$out"
exit "$status"
