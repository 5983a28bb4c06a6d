"""Says where TuneLab's samplers are ahead of, level with or behind Optuna's, from a merged
quality table of bench/search-vs-optuna.sh (its quality.md). Plain Python, no packages.

  compare.py QUALITY.md [--after 50]

For each function and pair (ours against theirs), at the given number of evaluations: the two
medians of the best value found (all functions are minimized), and a verdict by median: ahead,
level (the same to the printed 4 digits) or behind. "(within spread)" marks a median that lies
inside the other's interquartile range over the seeds: the difference is smaller than the
seed-to-seed spread, so another set of seeds could reverse it.
"""

import argparse
import re

PAIRS = (("bayesian", "optuna-gp"), ("bayesian", "optuna-tpe"), ("tpe", "optuna-tpe"), ("random", "optuna-random"))
CELL = re.compile(r"(\S+) \[(\S+), (\S+)\]")


def read(path):
    header, rows = None, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("| function |"):
                header = [c.strip() for c in line.strip().strip("|").split("|")]
            elif line.startswith("| ") and header and not line.startswith("|---"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                function, sampler = cells[0], cells[1]
                for title, cell in zip(header[2:], cells[2:]):
                    after = int(re.search(r"best after (\d+)", title).group(1))
                    m = CELL.fullmatch(cell)
                    rows[(function, sampler, after)] = (m.group(1), float(m.group(1)), float(m.group(2)), float(m.group(3)))
    return rows


def verdict(ours, theirs):
    text_o, median_o, _, _ = ours
    text_t, median_t, q1_t, q3_t = theirs
    if text_o == text_t:
        word = "level"
    else:
        word = "ahead" if median_o < median_t else "behind"
    spread = " (within spread)" if word != "level" and q1_t <= median_o <= q3_t else ""
    return f"{text_o} vs {text_t}: **{word}**{spread}" if word == "behind" else f"{text_o} vs {text_t}: {word}{spread}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("quality")
    parser.add_argument("--after", type=int, default=50)
    args = parser.parse_args()
    rows = read(args.quality)
    functions = list(dict.fromkeys(f for f, _, _ in rows))
    pairs = [p for p in PAIRS if any((f, p[0], args.after) in rows and (f, p[1], args.after) in rows for f in functions)]
    print(f"| function (best after {args.after}) |" + "".join(f" {a} vs {b} |" for a, b in pairs))
    print("|---|" + "---|" * len(pairs))
    tally = {p: {"ahead": 0, "level": 0, "behind": 0} for p in pairs}
    for f in functions:
        cells = []
        for a, b in pairs:
            if (f, a, args.after) in rows and (f, b, args.after) in rows:
                v = verdict(rows[(f, a, args.after)], rows[(f, b, args.after)])
                tally[(a, b)][re.search(r"(ahead|level|behind)", v).group(1)] += 1
                cells.append(v)
            else:
                cells.append("")
        print(f"| {f} |" + "".join(f" {c} |" for c in cells))
    print("| **count** |" + "".join(
        f" ahead {t['ahead']}, level {t['level']}, behind {t['behind']} |" for t in tally.values()))


if __name__ == "__main__":
    main()
