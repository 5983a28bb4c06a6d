"""Optuna side of bench/orchestration.sh: N no-op trials (the same space and value as TuneLab's,
E reported epochs each) with RDBStorage on PostgreSQL, P at a time (study.optimize's n_jobs
threads). Every report and every result is a committed row, as in TuneLab.
Usage: optuna_noop.py DB_URL PARALLEL TRIALS EPOCHS OUT.json [synchronous_commit]"""
import json
import os
import sys
import threading
import time

import optuna
import psycopg2

from common import cpu_s, memory_mb, noop_value, percentile, tree

url, parallel, trials, epochs, out = sys.argv[1:6]
sync_commit = sys.argv[6] if len(sys.argv) > 6 else "on"
parallel, trials, epochs = int(parallel), int(trials), int(epochs)
optuna.logging.set_verbosity(optuna.logging.WARNING)

# Optuna's RDBStorage: one engine, its pool sized for the threads.
storage = optuna.storages.RDBStorage(url, engine_kwargs={
    "pool_size": parallel + 2, "connect_args": {"options": f"-c synchronous_commit={sync_commit}"}})
name = f"orchestration-noop-p{parallel}-n{trials}-{os.getpid()}"
study = optuna.create_study(study_name=name, storage=storage, direction="maximize",
                            sampler=optuna.samplers.RandomSampler(seed=7))

lock = threading.Lock()
starts, ends = [], []


def objective(trial):
    with lock:
        starts.append(time.time())
    trial.suggest_int("units", 4, 64)
    trial.suggest_float("dropout", 0.0, 0.4)
    trial.suggest_float("lr", 0.001, 0.1, log=True)
    value = 0.0
    for e in range(1, epochs + 1):
        value = noop_value(7, trial.number, e)
        trial.report(value, e)
    return value


def on_end(study, trial):
    with lock:
        ends.append(time.time())


me = os.getpid()
peak = [0.0, 0.0]
db_pss = [0.0]
stop = threading.Event()


def backends():
    """The PostgreSQL server processes serving this benchmark's connections."""
    conn = psycopg2.connect(url.replace("postgresql+psycopg2", "postgresql"))
    try:
        cur = conn.cursor()
        cur.execute("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
        return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


def watch():
    while not stop.wait(1.0):
        rss, pss = memory_mb(tree(me))
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        try:
            db_pss[0] = max(db_pss[0], memory_mb(backends())[1])
        except Exception:  # noqa: BLE001 - a measurement, never the run's failure
            pass


threading.Thread(target=watch, daemon=True).start()
cpu0 = cpu_s([me])
t0 = time.time()
study.optimize(objective, n_trials=trials, n_jobs=parallel, callbacks=[on_end])
t1 = time.time()
stop.set()
wall = t1 - t0
complete = len(study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,)))
# Free slot to next start, as for TuneLab: the (i + P)-th start waited for the i-th end.
s, f = sorted(starts), sorted(ends)
lat = [max(0.0, (s[i + parallel] - f[i]) * 1000) for i in range(len(s) - parallel)]
result = {
    "engine": "Optuna + PostgreSQL", "parallel": parallel, "trials": trials, "epochs": epochs,
    "completed": complete, "wallSeconds": round(wall, 2), "trialsPerSecond": round(trials / wall, 1),
    "eventsPerSecond": round(trials * (epochs + 2) / wall, 1),
    "slotToStartMs": {"p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": percentile(lat, 100), "n": len(lat)},
    "cpuMsPerTrial": round((cpu_s([me]) - cpu0) * 1000 / trials, 2),
    "memoryMB": {"peakRss": round(peak[0]), "peakPss": round(peak[1]), "postgresPss": round(db_pss[0])},
    "synchronousCommit": sync_commit, "optuna": optuna.__version__,
}
json.dump(result, open(out, "w"), indent=1)
print(json.dumps(result), file=sys.stderr)
