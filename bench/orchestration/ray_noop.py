"""Ray Tune side of bench/orchestration.sh: N no-op trials (the same space and value as TuneLab's,
E reported epochs each), at most P at a time, on a local Ray started here with P CPUs so that P
trials of one CPU each can run at once. Ray keeps every trial's results in its storage directory.
Usage: ray_noop.py PARALLEL TRIALS EPOCHS OUT.json STORAGE_DIR"""
import json
import os
import sys
import threading
import time

os.environ.setdefault("RAY_DEDUP_LOGS", "0")
import ray  # noqa: E402
from ray import tune  # noqa: E402

from common import cpu_s, memory_mb, noop_value, percentile, tree  # noqa: E402

parallel, trials, epochs, out, storage = sys.argv[1:6]
parallel, trials, epochs = int(parallel), int(trials), int(epochs)


def trainable(config):
    value = 0.0
    for e in range(1, epochs + 1):
        value = noop_value(7, config["number"], e)
        tune.report({"val_accuracy": value, "epoch": e})


class Times(tune.Callback):
    def __init__(self):
        self.starts, self.ends = [], []

    def on_trial_start(self, iteration, trials, trial, **info):
        self.starts.append(time.time())

    def on_trial_complete(self, iteration, trials, trial, **info):
        self.ends.append(time.time())


me = os.getpid()
peak = [0.0, 0.0]
stop = threading.Event()


def watch():
    while not stop.wait(1.0):
        rss, pss = memory_mb(tree(me))
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)


ray.init(num_cpus=parallel, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
threading.Thread(target=watch, daemon=True).start()
times = Times()
counter = iter(range(10**9))
space = {
    "number": tune.sample_from(lambda _: next(counter)),
    "units": tune.randint(4, 65),
    "dropout": tune.uniform(0.0, 0.4),
    "lr": tune.loguniform(0.001, 0.1),
}
cpu0 = cpu_s(tree(me))
t0 = time.time()
tuner = tune.Tuner(
    tune.with_resources(trainable, {"cpu": 1}),
    param_space=space,
    # Actors reused between trials: Ray's fastest setting for short trials (a new actor per
    # trial costs seconds).
    tune_config=tune.TuneConfig(num_samples=trials, max_concurrent_trials=parallel, metric="val_accuracy", mode="max",
                                reuse_actors=True),
    run_config=tune.RunConfig(storage_path=storage, name="noop", verbose=0, callbacks=[times]),
)
results = tuner.fit()
t1 = time.time()
cpu1 = cpu_s(tree(me))
stop.set()
rss, pss = memory_mb(tree(me))
peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
wall = t1 - t0
s, f = sorted(times.starts), sorted(times.ends)
lat = [max(0.0, (s[i + parallel] - f[i]) * 1000) for i in range(min(len(s), len(f)) - parallel)]
ok = sum(1 for r in results if r.error is None and r.metrics and r.metrics.get("epoch") == epochs)
result = {
    "engine": "Ray Tune", "parallel": parallel, "trials": trials, "epochs": epochs, "completed": ok,
    "wallSeconds": round(wall, 2), "trialsPerSecond": round(trials / wall, 1),
    "eventsPerSecond": round(trials * (epochs + 2) / wall, 1),
    "slotToStartMs": {"p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": percentile(lat, 100), "n": len(lat)},
    "cpuMsPerTrial": round((cpu1 - cpu0) * 1000 / trials, 2),
    "memoryMB": {"peakRss": round(peak[0]), "peakPss": round(peak[1])},
    "ray": ray.__version__,
}
ray.shutdown()
json.dump(result, open(out, "w"), indent=1)
print(json.dumps(result), file=sys.stderr)
