"""One row per change from TuneLab-only runs of bench/orchestration.sh (each with RESULTS=dir),
for docs/benchmarks.md. Usage: steps.py LABEL=DIR [LABEL=DIR ...]"""
import json
import os
import sys


def load(d, name):
    p = os.path.join(d, name)
    return json.load(open(p)) if os.path.exists(p) else None


print("| change | trials/s at 1 / 4 / 16 | free slot to start p50 / p99, ms, at 1 | at 4 | at 16"
      " | scheduler CPU ms/trial at 1 / 4 / 16 (trials 500-1,000) | overhead per epoch, ms | load (1 min) |")
print("|---|---|---|---|---|---|---|---|")
for arg in sys.argv[1:]:
    label, d = arg.split("=", 1)
    runs = {p: load(d, f"tunelab-{p}.json") for p in (1, 4, 16)}
    tps = " / ".join(f"{r['trialsPerSecond']:.1f}" if r else "–" for r in runs.values())
    lat = [f"{r['slotToStartMs']['p50']:.0f} / {r['slotToStartMs']['p99']:.0f}" if r else "–" for r in runs.values()]

    def sched(r):
        if not r:
            return "–"
        marks = sorted(r["cpuMsPerTrial"], key=int)
        v = r["cpuMsPerTrial"][marks[-1]]["sched"]
        return "–" if v is None else f"{v:.1f}"

    cpu = " / ".join(sched(r) for r in runs.values())
    a, b = load(d, "probe/epochs-1.json"), load(d, "probe/epochs-21.json")
    epoch = "–"
    if a and b:
        ta, tb = a["wallSeconds"] * 1000 / a["trials"], b["wallSeconds"] * 1000 / b["trials"]
        epoch = f"{(tb - ta) / 20:.2f} ({ta:.0f} → {tb:.0f} ms per trial)"
    meta = open(os.path.join(d, "load.txt")).read().strip() if os.path.exists(os.path.join(d, "load.txt")) else "–"
    print(f"| {label} | {tps} | {lat[0]} | {lat[1]} | {lat[2]} | {cpu} | {epoch} | {meta} |")
