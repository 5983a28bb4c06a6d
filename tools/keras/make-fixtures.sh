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
# Keras 2 versions of the same models (written from Keras 2's layouts), checked by Keras 3's loader.
python3 tools/keras/write_keras2_fixtures.py core/src/test/resources/keras
KERAS_BACKEND=torch "$venv/bin/python" tools/keras/check_keras2.py core/src/test/resources/keras
