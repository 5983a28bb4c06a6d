"""Merges repetitions of the suggestion-timing tables (SuggestTiming.java, optuna_bench.py timing)
into one: per sampler and history size, the median over the repetitions of each repetition's
median, with the smallest and largest in brackets. Plain Python, no packages.

  timing_table.py FILE...
"""

import re
import statistics
import sys


def main(paths):
    header, samplers, cells = None, [], {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("| sampler |"):
                    if header and line.strip() != header:
                        sys.exit(f"{path}: other columns than the first file: {line.strip()}")
                    header = line.strip()
                elif line.startswith("| ") and header:
                    name, *values = [c.strip() for c in line.strip().strip("|").split("|")]
                    if name not in cells:
                        samplers.append(name)
                        cells[name] = [[] for _ in values]
                    for i, v in enumerate(values):
                        cells[name][i].append(float(v))
    if header is None:
        sys.exit("no timing table in " + " ".join(paths))
    sizes = re.findall(r"at (\d+) trials", header)
    print("| sampler | repetitions |" + "".join(f" s/suggestion at {n} trials: median [min, max] |" for n in sizes))
    print("|---|---|" + "---|" * len(sizes))
    for name in samplers:
        row = f"| {name} | {len(cells[name][0])} |"
        for values in cells[name]:
            row += f" {g(statistics.median(values))} [{g(min(values))}, {g(max(values))}] |"
        print(row)


def g(v):
    return f"{v:.3g}" if v >= 1e-3 else f"{v:.2e}"


if __name__ == "__main__":
    main(sys.argv[1:])
