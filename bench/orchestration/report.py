"""Tables for docs/benchmarks.md from the JSON files bench/orchestration.sh wrote.
Usage: report.py DIR [PROBE_DIR]"""
import glob
import json
import os
import sys

d = sys.argv[1]
runs = {}
for f in glob.glob(os.path.join(d, "*.json")):
    r = json.load(open(f))
    runs[(r["engine"], r["parallel"])] = r
engines = [e for e in ("TuneLab", "Optuna + PostgreSQL", "Ray Tune") if any(k[0] == e for k in runs)]
ps = sorted({k[1] for k in runs})


def get(engine, p):
    return runs.get((engine, p))


def num(x, digits=1):
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def ratio(a, b):
    return "–" if not a or not b else f"{a / b:.2f}×"


def row(cells):
    print("| " + " | ".join(str(c) for c in cells) + " |")


def header(cells):
    row(cells)
    row(["---"] * len(cells))


tl = "TuneLab"
peers = [e for e in engines if e != tl]
print("Trials per second, submit to the last result stored (no-op trials; higher is better; ratio = TuneLab / peer):\n")
header(["parallel"] + [f"{e} trials/s (trials)" for e in engines] + [f"TuneLab / {e}" for e in peers])
for p in ps:
    cells = [p]
    for e in engines:
        r = get(e, p)
        cells.append("–" if r is None else f"{num(r['trialsPerSecond'])} ({r['trials']:,})")
    for e in peers:
        a, b = get(tl, p), get(e, p)
        cells.append(ratio(a and a["trialsPerSecond"], b and b["trialsPerSecond"]))
    row(cells)

print("\nFree slot to the next trial started, ms (p50 / p99; lower is better):\n")
header(["parallel"] + engines)
for p in ps:
    cells = [p]
    for e in engines:
        r = get(e, p)
        cells.append("–" if r is None else f"{num(r['slotToStartMs']['p50'])} / {num(r['slotToStartMs']['p99'])}")
    row(cells)

print("\nEvents per second persisted (STARTED, one EPOCH per epoch, COMPLETED: epochs + 2 per trial; for the peers"
      " the same count of writes: trial created, one report per epoch, result):\n")
header(["parallel"] + engines)
for p in ps:
    row([p] + ["–" if get(e, p) is None else num(get(e, p)["eventsPerSecond"], 0) for e in engines])

if any(k[0] == tl for k in runs):
    marks = sorted({int(m) for r in runs.values() if r["engine"] == tl for m in r["cpuMsPerTrial"]})
    print("\nTuneLab CPU per trial, ms, over the trials from half of each mark to the mark (the first 100 for 100):"
          " the scheduler's threads (dispatch, outbox relay, event intake), the whole JVM (API, scheduler, workers,"
          " embedded Kafka) and its PostgreSQL:\n")
    header(["parallel"] + [f"scheduler at {m:,}" for m in marks] + [f"JVM at {m:,}" for m in marks]
           + [f"PostgreSQL at {m:,}" for m in marks])
    for p in ps:
        r = get(tl, p)
        if r is None:
            continue
        c = r["cpuMsPerTrial"]
        row([p] + [num(c.get(str(m), {}).get(k), 2) for k in ("sched", "jvm", "pg") for m in marks])
    print("\nTuneLab checks (every trial exactly once, every epoch's metrics stored once):\n")
    header(["parallel", "study", "trials by status", "on the leaderboard", "metric rows (expected)", "highest attempt"])
    for p in ps:
        r = get(tl, p)
        if r is None:
            continue
        row([p, r["status"], ", ".join(f"{k} {v:,}" for k, v in sorted(r["statuses"].items())), f"{r['leaderboardTotal']:,}",
             f"{r['metricRows']:,} ({r['trials'] * r['epochs']:,})", r["maxAttempt"]])

cpu_peer = [e for e in peers]
if cpu_peer:
    print("\nCPU per trial of the whole engine, ms (TuneLab: JVM + PostgreSQL; Optuna: its process, PostgreSQL not"
          " counted; Ray: all of its processes):\n")
    header(["parallel"] + engines)
    for p in ps:
        cells = [p]
        for e in engines:
            r = get(e, p)
            if r is None:
                cells.append("–")
            elif e == tl:
                cells.append(num(r["cpuSeconds"]["jvm"] * 1000 / r["trials"] + r["cpuSeconds"]["pg"] * 1000 / r["trials"], 2))
            else:
                cells.append(num(r["cpuMsPerTrial"], 2))
        row(cells)

print("\nResident memory, MB, the highest over the run (RSS / PSS; PSS shares pages among the processes that map"
      " them, so it is the fair sum for Ray's many processes):\n")
header(["parallel"] + [f"{e}" for e in engines] + ["TuneLab PostgreSQL (PSS)", "Optuna's PostgreSQL backends (PSS)"])
for p in ps:
    cells = [p]
    for e in engines:
        r = get(e, p)
        cells.append("–" if r is None else f"{r['memoryMB']['peakRss']:,} / {r['memoryMB']['peakPss']:,}")
    a, b = get(tl, p), get("Optuna + PostgreSQL", p)
    cells.append("–" if a is None else f"{a['memoryMB']['postgresPss']:,}")
    cells.append("–" if b is None else f"{b['memoryMB']['postgresPss']:,}")
    row(cells)
sc = {r.get("synchronousCommit") for r in runs.values() if r.get("synchronousCommit")}
print(f"\nPostgreSQL synchronous_commit: {', '.join(sorted(sc)) or 'n/a'} (TuneLab's embedded server; Optuna's connections set the same).")

probe = sys.argv[2] if len(sys.argv) > 2 else None
if probe and os.path.exists(os.path.join(probe, "epochs-1.json")) and os.path.exists(os.path.join(probe, "epochs-21.json")):
    a = json.load(open(os.path.join(probe, "epochs-1.json")))
    b = json.load(open(os.path.join(probe, "epochs-21.json")))
    per_trial_a = a["wallSeconds"] * 1000 / a["trials"]
    per_trial_b = b["wallSeconds"] * 1000 / b["trials"]
    print(f"\nTuneLab service overhead per epoch (one trial at a time, {a['trials']:,} trials of 1 epoch against"
          f" {b['trials']:,} of 21): {per_trial_a:.1f} ms and {per_trial_b:.1f} ms per trial, so"
          f" {(per_trial_b - per_trial_a) / 20:.2f} ms per epoch.")
