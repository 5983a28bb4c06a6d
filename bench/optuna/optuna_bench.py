"""Optuna's side of bench/search-vs-optuna.sh: the same test functions and protocol as SamplerBench
and SuggestTiming, run through Optuna's samplers, printed in the same Markdown columns.

  optuna_bench.py check                  values at fixed points must match the Java enum
  optuna_bench.py names [--functions tuning,...]   the function names a list or set stands for
  optuna_bench.py quality [--seeds 20] [--first-seed 1] [--evals 100] [--functions branin,...|tuning|heldout]
                         [--samplers ...]
  optuna_bench.py timing [--trials 10,100,300,1000] [--calls 3] [--samplers optuna-tpe,optuna-gp]
                         (bench/suggest-timing.sh runs it pinned to one core, with SuggestTiming.java)
"""

import os

# Both engines are compared single-threaded (the bench machine has 2 cores and other work runs on
# it); the BLAS and OpenMP pools read these when numpy and torch are first imported.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from decimal import ROUND_HALF_UP, Decimal  # noqa: E402

import numpy as np  # noqa: E402
import optuna  # noqa: E402
import torch  # noqa: E402
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)

CHECKPOINTS = (25, 50, 100)

# Transcribed from bench/src/main/java/dev/tunelab/bench/TestFunction.java; `check` guards the copy.
HARTMANN_ALPHA = (1.0, 1.2, 3.0, 3.2)
HARTMANN_A = ((10, 3, 17, 3.5, 1.7, 8), (0.05, 10, 17, 0.1, 8, 14),
              (3, 3.5, 1.7, 10, 17, 8), (17, 8, 0.05, 10, 0.1, 14))
HARTMANN_P = ((1312, 1696, 5569, 124, 8283, 5886), (2329, 4135, 8307, 3736, 1004, 9991),
              (2348, 1451, 3522, 2883, 3047, 6650), (4047, 8828, 8732, 5743, 1091, 381))


def branin(x):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    inner = x[1] - b * x[0] * x[0] + c * x[0] - 6
    return inner * inner + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j] * 1e-4) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock2(x):
    return 100 * (x[1] - x[0] * x[0]) ** 2 + (x[0] - 1) ** 2


def ackley(x):
    d = len(x)
    squares = sum(v * v for v in x)
    cosines = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(squares / d)) - math.exp(cosines / d) + 20 + math.e


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for wi in w[:-1]:
        total += (wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def mixed(p):
    x, n, m = p["x"], p["n"], p["m"]
    shape = {"quad": 0.0, "sin": 0.5 + 0.5 * abs(math.sin(x))}.get(p["shape"], 1 + abs(x - 1))
    return (x - 1) ** 2 + (n - 7) ** 2 / 10 + abs(m + 3) / 2.0 + shape


def styblinski(x):
    return sum(v ** 4 - 16 * v * v + 5 * v for v in x) / 2


def step(x):
    return sum(math.floor(v + 0.5) ** 2 for v in x)


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def hpo_mixed(p):
    optimizer, lr, batch = p["optimizer"], p["lr"], p["batch"]
    layers, units, dropout, activation = p["layers"], p["units"], p["dropout"], p["activation"]
    base = {"sgd": 0.04, "momentum": 0.01, "adam": 0.0}.get(optimizer, 0.005)
    best_log_lr = {"sgd": -1.0, "momentum": -1.8, "adam": -3.0}.get(optimizer, -3.3) + 0.5 * math.log10(batch / 32.0)
    width = math.log(units) / math.log(2)
    best_dropout = 0.5 * (width - 3) / 6
    act = {"relu": 0.0, "tanh": 0.01}.get(activation, 0.02 + 0.01 * max(0, layers - 2))
    return (base
            + 0.05 * (math.log10(lr) - best_log_lr) ** 2
            + 0.004 * abs(math.log(batch / 32.0) / math.log(2))
            + 0.01 * (layers - 3) ** 2
            + 0.01 * (width - 7) ** 2
            + 0.2 * (dropout - best_dropout) ** 2
            + act)


def floats(lo, hi):
    return {f"x{i}": FloatDistribution(a, b) for i, (a, b) in enumerate(zip(lo, hi))}


def on_vector(f):
    return lambda p: f([p[f"x{i}"] for i in range(len(p))])


# name -> (search space, objective on the named point); names are the Java enum's, lowercased.
FUNCTIONS = {
    "branin": (floats((-5, 0), (10, 15)), on_vector(branin)),
    "hartmann6": (floats((0,) * 6, (1,) * 6), on_vector(hartmann6)),
    "rosenbrock2": (floats((-5, -5), (10, 10)), on_vector(rosenbrock2)),
    "ackley5": (floats((-32.768,) * 5, (32.768,) * 5), on_vector(ackley)),
    "levy5": (floats((-10,) * 5, (10,) * 5), on_vector(levy)),
    "mixed": ({"x": FloatDistribution(-5, 5), "n": IntDistribution(0, 20), "m": IntDistribution(-10, 10),
               "shape": CategoricalDistribution(("sin", "quad", "abs"))}, mixed),
    # The held-out set (TestFunction's heldOut): never used while the samplers were designed.
    "styblinski10": (floats((-5,) * 10, (5,) * 10), on_vector(styblinski)),
    "step5": (floats((-5.12,) * 5, (5.12,) * 5), on_vector(step)),
    "rastrigin4": (floats((-5.12,) * 4, (5.12,) * 4), on_vector(rastrigin)),
    "hpo_mixed": ({"optimizer": CategoricalDistribution(("sgd", "momentum", "adam", "rmsprop")),
                   "lr": FloatDistribution(1e-5, 1, log=True),
                   "batch": CategoricalDistribution((16, 32, 64, 128, 256)),
                   "layers": IntDistribution(1, 6), "units": IntDistribution(8, 512),
                   "dropout": FloatDistribution(0, 0.7),
                   "activation": CategoricalDistribution(("relu", "tanh", "sigmoid"))}, hpo_mixed),
}
HELD_OUT = ("styblinski10", "step5", "rastrigin4", "hpo_mixed")
FUNCTION_SETS = {"tuning": [f for f in FUNCTIONS if f not in HELD_OUT], "heldout": list(HELD_OUT)}

SAMPLERS = {
    "optuna-random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "optuna-tpe": lambda seed: optuna.samplers.TPESampler(multivariate=True, seed=seed),
    "optuna-gp": lambda seed: optuna.samplers.GPSampler(seed=seed),
}

# Values the Java enum gives at these points (jshell on TestFunction.value, printed with
# Double.toString); TestFunctionValuesTest asserts the same numbers on the Java side.
CHECK_POINTS = [
    ("branin", (-5, 0), 308.12909601160663),
    ("branin", (10, 15), 145.87219087939556),
    ("branin", (1.25, 7.5), 23.83598250444723),
    ("hartmann6", (0,) * 6, -0.00508911288366444),
    ("hartmann6", (1,) * 6, -3.408539273427753e-5),
    ("hartmann6", (0.1, 0.2, 0.3, 0.4, 0.5, 0.6), -1.4069105761385297),
    ("rosenbrock2", (-5, -5), 90036.0),
    ("rosenbrock2", (10, 10), 810081.0),
    ("rosenbrock2", (0.5, -1.25), 225.25),
    ("ackley5", (-32.768,) * 5, 21.570311151282485),
    ("ackley5", (32.768,) * 5, 21.570311151282485),
    ("ackley5", (1.5, -2.25, 3, -0.5, 7.75), 12.758374472847947),
    ("ackley5", (0,) * 5, 0.0),
    ("levy5", (-10,) * 5, 334.65623580738435),
    ("levy5", (10,) * 5, 224.19136446610025),
    ("levy5", (1.5, -2.25, 3, -0.5, 7.75), 14.015796527551432),
    ("levy5", (1,) * 5, 0.0),
    ("mixed", {"x": -5.0, "n": 0, "m": -10, "shape": "sin"}, 45.379462137331565),
    ("mixed", {"x": 5.0, "n": 20, "m": 10, "shape": "abs"}, 44.4),
    ("mixed", {"x": 2.5, "n": 3, "m": 4, "shape": "quad"}, 7.35),
    ("mixed", {"x": -0.75, "n": 11, "m": -8, "shape": "sin"}, 8.003319380011666),
    ("mixed", {"x": 1.0, "n": 7, "m": -3, "shape": "quad"}, 0.0),
    ("styblinski10", (-5,) * 10, 1000.0),
    ("styblinski10", (5,) * 10, 1250.0),
    ("styblinski10", (1.5, -2.25, 3, -0.5, 4.75, -4, 0.25, 2, -1, 3.5), -39.431640625),
    ("step5", (-5.12,) * 5, 125.0),
    ("step5", (0.49, -0.5, 1.5, -2.6, 4.4), 29.0),
    ("rastrigin4", (-5.12,) * 4, 115.69885490314357),
    ("rastrigin4", (5.12,) * 4, 115.69885490314357),
    ("rastrigin4", (1.5, -2.25, 3, -0.5), 66.5625),
    ("rastrigin4", (0,) * 4, 0.0),
    ("hpo_mixed", {"optimizer": "sgd", "lr": 1e-5, "batch": 16, "layers": 1, "units": 8, "dropout": 0.0,
                   "activation": "sigmoid"}, 1.004926739095822),
    ("hpo_mixed", {"optimizer": "rmsprop", "lr": 1.0, "batch": 256, "layers": 6, "units": 512, "dropout": 0.7,
                   "activation": "tanh"}, 0.5706847962038931),
    ("hpo_mixed", {"optimizer": "momentum", "lr": 0.0123, "batch": 64, "layers": 4, "units": 100, "dropout": 0.25,
                   "activation": "sigmoid"}, 0.06924002477032803),
    ("hpo_mixed", {"optimizer": "adam", "lr": 1e-3, "batch": 32, "layers": 3, "units": 128, "dropout": 1 / 3,
                   "activation": "relu"}, 0.0),
]

# The published minimizers, whose minima the enum quotes to six digits.
QUOTED_MINIMA = [
    ("branin", (math.pi, 2.275), 0.397887),
    ("hartmann6", (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), -3.32237),
    ("styblinski10", (-2.903534,) * 10, -391.66165703771415),
]


def check():
    failures = 0
    cases = [(c, 1e-12) for c in CHECK_POINTS] + [(c, 1e-5) for c in QUOTED_MINIMA]
    for (name, point, expected), tolerance in cases:
        if not isinstance(point, dict):
            point = {f"x{i}": float(v) for i, v in enumerate(point)}
        got = FUNCTIONS[name][1](point)
        ok = math.isclose(got, expected, rel_tol=tolerance, abs_tol=1e-12)
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name} {point} python={got!r} java={expected!r}")
    # The timing history: the same points (and so values) as SuggestTiming.history in Java.
    history = ((0, -0.07415827272382709), (1, -0.017876981590561735), (999, -0.03754373337125725))
    for i, expected in history:
        got = FUNCTIONS["hartmann6"][1](history_point(i))
        ok = got == expected
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} timing history point {i} python={got!r} java={expected!r}")
    print(f"{len(cases) + len(history) - failures} passed, {failures} failed")
    return 1 if failures else 0


def best_so_far(sampler_name, function, seed, evals):
    space, objective = FUNCTIONS[function]
    study = optuna.create_study(direction="minimize", sampler=SAMPLERS[sampler_name](seed))
    best, out = math.inf, []
    for _ in range(evals):
        trial = study.ask(space)
        value = objective(trial.params)
        study.tell(trial, value)
        best = min(best, value)
        out.append(best)
    return out


def quality(args):
    first = args.first_seed
    print(f"optuna_bench.py {optuna.__version__}: seeds {first}-{first + args.seeds - 1}, {args.evals} evaluations,"
          f" samplers {' '.join(args.samplers)}, functions {' '.join(args.functions)}\n")
    checkpoints = [c for c in CHECKPOINTS if c <= args.evals]
    print("| function | sampler |" + "".join(f" best after {c} (median [q1, q3]) |" for c in checkpoints))
    print("|---|---|" + "---|" * len(checkpoints))
    for function in args.functions:
        for sampler in args.samplers:
            started = time.monotonic()
            runs = np.array([best_so_far(sampler, function, s, args.evals) for s in range(first, first + args.seeds)])
            row = f"| {function} | {sampler} |"
            for c in checkpoints:
                at = runs[:, c - 1]
                row += " %s [%s, %s] |" % tuple(java_g(np.quantile(at, q)) for q in (0.5, 0.25, 0.75))
            print(row, flush=True)
            print(f"{function} {sampler}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)


def java_g(v):
    """Java's %.4g, so rows from both engines read alike: trailing zeros kept, two-digit exponents,
    and half-up rounding of the shortest decimal form (Java's Formatter rounds that, not the binary
    value)."""
    d = Decimal(repr(float(v)))
    if d == 0:
        return "0.000"
    d = d.quantize(Decimal(1).scaleb(d.adjusted() - 3), rounding=ROUND_HALF_UP)
    exponent = d.adjusted()
    if -4 <= exponent < 4:
        return f"{d:.{3 - exponent}f}"
    return f"{d.scaleb(-exponent):.3f}e{exponent:+03d}"


# Shared with SuggestTiming.java: the same history points, warm-up and timed region.
R6 = (0.8986537126286992, 0.8075784952213447, 0.7257334129697596, 0.6521830259439715, 0.5860866975779692,
      0.5266889867007356)
WARM_UP_CALLS = 20
WARM_UP_TRIALS = 100


def history_point(i):
    """Point i of the shared history: x_j = frac(0.5 + (i + 1) R6_j), the same bits as the Java copy."""
    return {f"x{j}": (0.5 + (i + 1) * a) % 1.0 for j, a in enumerate(R6)}


def timing_study(sampler_name, completed, seed=1):
    """A study holding `completed` finished HARTMANN6 trials at the shared history points."""
    space, objective = FUNCTIONS["hartmann6"]
    study = optuna.create_study(direction="minimize", sampler=SAMPLERS[sampler_name](seed))
    for i in range(completed):
        params = history_point(i)
        study.add_trial(optuna.trial.create_trial(params=params, distributions=space, value=objective(params)))
    return study


def timed_calls(study, calls):
    """Seconds of each of `calls` suggestions: ask() (which reads the stored trials) plus tell(),
    without the evaluation of the function between them; the Java side times the same region."""
    space, objective = FUNCTIONS["hartmann6"]
    seconds = []
    for _ in range(calls):
        started = time.perf_counter()
        trial = study.ask(space)
        asked = time.perf_counter()
        value = objective(trial.params)
        evaluated = time.perf_counter()
        study.tell(trial, value)
        told = time.perf_counter()
        seconds.append((asked - started) + (told - evaluated))
    return seconds


def timing(args):
    cpus = len(os.sched_getaffinity(0))
    print(f"optuna_bench.py timing: Optuna {optuna.__version__}, torch {torch.__version__}, {cpus} processor(s) visible,"
          f" warm-up {WARM_UP_CALLS} calls at {WARM_UP_TRIALS} trials, median of {args.calls} calls\n")
    print("| sampler |" + "".join(f" s/suggestion at {n} trials |" for n in args.trials))
    print("|---|" + "---|" * len(args.trials))
    for sampler in args.samplers:
        timed_calls(timing_study(sampler, WARM_UP_TRIALS), WARM_UP_CALLS)
        row = f"| {sampler} |"
        for n in args.trials:
            study = timing_study(sampler, n)
            timed_calls(study, 1)
            row += f" {java_g(np.median(timed_calls(study, args.calls)))} |"
            print(f"{sampler} at {n} trials done", file=sys.stderr, flush=True)
        print(row, flush=True)


def names(choices, sets=None):
    sets = sets or {}

    def parse(text):
        picked = []
        for t in text.replace(",", " ").split():
            for name in sets.get(t, [t]):
                if name not in picked:
                    picked.append(name)
        unknown = [t for t in picked if t not in choices]
        if unknown:
            raise argparse.ArgumentTypeError(f"unknown {unknown}; choose from {list(choices) + list(sets)}")
        return picked
    return parse


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    modes.add_parser("check")
    n = modes.add_parser("names")
    n.add_argument("--functions", type=names(FUNCTIONS, FUNCTION_SETS), default=list(FUNCTIONS))
    q = modes.add_parser("quality")
    q.add_argument("--seeds", type=int, default=20)
    q.add_argument("--first-seed", type=int, default=1)
    q.add_argument("--evals", type=int, default=100)
    q.add_argument("--functions", type=names(FUNCTIONS, FUNCTION_SETS), default=list(FUNCTIONS))
    q.add_argument("--samplers", type=names(SAMPLERS), default=list(SAMPLERS))
    t = modes.add_parser("timing")
    t.add_argument("--trials", type=lambda s: [int(n) for n in s.replace(",", " ").split()], default=[10, 100, 300, 1000])
    t.add_argument("--calls", type=int, default=3)
    t.add_argument("--samplers", type=names(SAMPLERS), default=["optuna-tpe", "optuna-gp"])
    args = parser.parse_args()
    if args.mode == "check":
        return check()
    if args.mode == "names":
        print(" ".join(args.functions))
        return 0
    (quality if args.mode == "quality" else timing)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
