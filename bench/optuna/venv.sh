#!/usr/bin/env bash
# Prints the Python of bench/.venv (Optuna 5, torch CPU; bench/optuna/requirements.txt), creating
# or reinstalling it first when the pins changed. Packages come from this machine's configured
# package index; naming the first local one as the index skips pip's retries of the unreachable
# default index.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=bench/.venv
if ! cmp -s bench/optuna/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  index=()
  local_index=$(pip3 config get global.extra-index-url 2> /dev/null | awk '{print $1}') || true
  [ -n "$local_index" ] && index=(--index-url "$local_index")
  "$venv/bin/pip" install -q "${index[@]}" -r bench/optuna/requirements.txt >&2
  cp bench/optuna/requirements.txt "$venv/requirements.txt"
fi
echo "$venv/bin/python"
