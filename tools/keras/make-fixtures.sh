#!/usr/bin/env bash
# Regenerates core/src/test/resources/keras/*.json with real Keras (torch backend) in tools/keras/.venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=tools/keras/.venv
if ! cmp -s tools/keras/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r tools/keras/requirements.txt
  cp tools/keras/requirements.txt "$venv/requirements.txt"
fi
KERAS_BACKEND=torch "$venv/bin/python" tools/keras/make_fixtures.py core/src/test/resources/keras
