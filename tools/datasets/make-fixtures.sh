#!/usr/bin/env bash
# Writes the dataset fixtures the integration tests upload. Deterministic: rerunning gives the same
# bytes, so a diff after a rerun means a script changed. Needs python3 and Debian's
# dataset-fashion-mnist and python3-sklearn packages (apt-get install them first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../app/src/test/resources/datasets"
mkdir -p "$out"
python3 "$here/fashion_mnist_subset.py" "$out/fashion-mnist-5k" 5000 1000
python3 "$here/diabetes.py" "$out/diabetes.csv"
python3 "$here/reviews.py" "$out/reviews.csv" 1500 4
python3 "$here/timeseries.py" "$out/load-series.csv" 2000 7
ls -l "$out" "$out/fashion-mnist-5k"
