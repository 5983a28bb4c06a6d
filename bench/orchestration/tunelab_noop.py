"""TuneLab side of bench/orchestration.sh: one study of N no-op trials (random search on Iris, E
epochs each, P at a time) submitted to a running TuneLab whose workers have
tunelab.worker.noop-trainer=true. Measures submit -> study COMPLETED (as its API says) with every
result in PostgreSQL and on the leaderboard; free-slot-to-next-start latency from the trials'
started/finished times (recorded by the scheduler as it applies STARTED and COMPLETED); events
persisted per second; CPU per trial of the scheduler's threads, of the whole JVM and of
PostgreSQL at 100, 1,000 and N trials; resident memory.
Usage: tunelab_noop.py BASE_URL APP_PID PG_PORT PARALLEL TRIALS EPOCHS OUT.json DATA_DIR"""
import json
import sys
import time
import urllib.request

import psycopg2

from common import cpu_s, memory_mb, percentile, slot_latencies, thread_cpu_s, tree

base, app_pid, pg_port, parallel, trials, epochs, out = sys.argv[1:8]
app_pid, parallel, trials, epochs = int(app_pid), int(parallel), int(trials), int(epochs)
api = base + "/api/v1"
SCHEDULER_THREADS = ["tunelab-scheduler", "tunelab-trial-events"]

spec = {
    "name": f"orchestration no-op P={parallel} N={trials}",
    "dataset": "iris",
    "objective": {"metric": "val_accuracy", "direction": "maximize"},
    "algorithm": {"name": "random", "seed": 7},
    "budget": {"maxTrials": trials, "parallelTrials": parallel, "epochs": epochs},
    "space": {
        "units": {"type": "int", "min": 4, "max": 64},
        "dropout": {"type": "float", "min": 0.0, "max": 0.4},
        "lr": {"type": "float", "min": 0.001, "max": 0.1, "log": True},
    },
    "template": {
        "layers": [
            {"type": "Dense", "units": {"param": "units"}, "activation": "relu"},
            {"type": "Dropout", "rate": {"param": "dropout"}},
        ],
        "optimizer": "adam",
        "learning_rate": {"param": "lr"},
        "batch_size": 16,
    },
}


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(api + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


postmaster = int(open(f"{sys.argv[8]}/postgres/postmaster.pid").readline()) if len(sys.argv) > 8 else None
app = app_pid


def pg_procs():
    return tree(postmaster) if postmaster else []


def sample():
    return {"t": time.time(), "sched": thread_cpu_s(app_pid, SCHEDULER_THREADS), "jvm": cpu_s([app]),
            "pg": cpu_s(pg_procs())}


marks = sorted({m for m in (100, 1000, trials) if m <= trials})
samples = []
peak_rss = peak_pss = pg_pss = 0.0
before = sample()
t0 = time.time()
study = call("POST", "/studies", spec)
sid = study["id"]
status, done, last_mem = study["status"], 0, 0.0
while status not in ("COMPLETED", "FAILED", "CANCELLED"):
    time.sleep(0.1)
    s = call("GET", f"/studies/{sid}")
    status, done = s["status"], s["progress"]["done"]
    now = sample()
    now["done"] = done
    samples.append(now)
    if now["t"] - last_mem > 1.0:
        last_mem = now["t"]
        rss, pss = memory_mb([app])
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        pg_pss = max(pg_pss, memory_mb(pg_procs())[1])
    if time.time() - t0 > 3600:
        sys.exit(f"study {sid} not done after an hour ({done} of {trials})")
t1 = time.time()
board = call("GET", f"/studies/{sid}/trials?page=0&size=50")
rss, pss = memory_mb([app])
peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)

conn = psycopg2.connect(host="127.0.0.1", port=pg_port, user="postgres", dbname="postgres")
cur = conn.cursor()
cur.execute("select extract(epoch from started_at), extract(epoch from finished_at), status from trial where study_id = %s", (sid,))
rows = cur.fetchall()
cur.execute("select count(*), count(distinct (m.trial_id, m.attempt, m.epoch)) from trial_metric m join trial t on t.id = m.trial_id"
            " where t.study_id = %s", (sid,))
metric_rows, distinct_metric_rows = cur.fetchone()
cur.execute("select max(attempt) from trial where study_id = %s", (sid,))
max_attempt = cur.fetchone()[0]
cur.execute("show synchronous_commit")
sync_commit = cur.fetchone()[0]
conn.close()

statuses = {}
for r in rows:
    statuses[r[2]] = statuses.get(r[2], 0) + 1
lat = slot_latencies([float(r[0]) for r in rows], [float(r[1]) for r in rows], parallel)
wall = t1 - t0


def per_trial(key, lo, hi):
    """CPU ms per trial between the first samples at which lo and hi trials were done."""
    a = next((s for s in [dict(before, done=0)] + samples if s["done"] >= lo), None)
    b = next((s for s in samples if s["done"] >= hi), None)
    if a is None or b is None or b["done"] == a["done"]:
        return None
    return round((b[key] - a[key]) * 1000 / (b["done"] - a["done"]), 2)


cpu_at = {}
for m in marks:
    cpu_at[str(m)] = {k: per_trial(k, m // 2 if m > 100 else 0, m) for k in ("sched", "jvm", "pg")}
last = samples[-1]
result = {
    "engine": "TuneLab", "parallel": parallel, "trials": trials, "epochs": epochs, "study": sid,
    "status": status, "statuses": statuses, "leaderboardTotal": board["total"],
    "wallSeconds": round(wall, 2), "trialsPerSecond": round(trials / wall, 1),
    "eventsPerSecond": round(trials * (epochs + 2) / wall, 1),
    "metricRows": metric_rows, "distinctMetricRows": distinct_metric_rows, "maxAttempt": max_attempt,
    "slotToStartMs": {"p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": percentile(lat, 100), "n": len(lat)},
    "cpuMsPerTrial": cpu_at,
    "cpuSeconds": {k: round(last[k] - before[k], 2) for k in ("sched", "jvm", "pg")},
    "memoryMB": {"peakRss": round(peak_rss), "peakPss": round(peak_pss), "postgresPss": round(pg_pss)},
    "synchronousCommit": sync_commit,
}
json.dump(result, open(out, "w"), indent=1)
print(json.dumps(result), file=sys.stderr)
