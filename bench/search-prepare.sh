# Sourced by bench/search-vs-optuna.sh and bench/suggest-timing.sh (from the repository root):
# sets $out (RESULTS, or a temporary directory removed on exit), builds the bench module and sets
# $classpath, and sets $python to bench/.venv's Python after checking that the Python copies of
# the test functions and the timing history give the Java values.
out=${RESULTS:-}
if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
./mvnw -q -pl bench -am install -DskipTests > /dev/null
./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath > /dev/null
# shellcheck disable=SC2034 # used by the sourcing script
classpath="bench/target/classes:$(cat bench/target/classpath)"
python=$(bench/optuna/venv.sh)
"$python" bench/optuna/optuna_bench.py check > "$out/check.txt" || { cat "$out/check.txt" >&2; exit 1; }
