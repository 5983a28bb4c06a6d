#!/usr/bin/env python3
"""Writes scikit-learn's diabetes data (442 patients) as one CSV with a header: ten features, target.

Reads Debian's python3-sklearn copies of Efron et al.'s raw (unscaled) data: diabetes_data_raw
holds ten space-separated columns (age, sex, bmi, bp, s1..s6, names as sklearn's load_diabetes
gives them) and diabetes_target the disease progression one year later, one number per line.
"""
import gzip
import sys
from pathlib import Path

DATA = Path("/usr/lib/python3/dist-packages/sklearn/datasets/data")
COLUMNS = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "target"]


def main(out):
    features = gzip.open(DATA / "diabetes_data_raw.csv.gz", "rt").read().split("\n")
    targets = gzip.open(DATA / "diabetes_target.csv.gz", "rt").read().split("\n")
    features = [line.split() for line in features if line.strip()]
    targets = [float(line) for line in targets if line.strip()]
    assert len(features) == len(targets) == 442, (len(features), len(targets))
    lines = [",".join(COLUMNS)]
    for row, y in zip(features, targets):
        assert len(row) == 10, row
        lines.append(",".join(row + ["%g" % y]))
    out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
