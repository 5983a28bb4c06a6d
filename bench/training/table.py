"""Tables of bench/training.sh from its runs.jsonl: medians over repetitions, TuneLab next to
PyTorch with their ratio, and achieved GFLOP/s against the machine's peak."""
import json, re, statistics, sys

runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]


def median(engine, key, field, **match):
    v = [r[field] for r in runs if r["engine"] == engine and all(r.get(k) == x for k, x in match.items()) and field in r]
    return statistics.median(v) if v else None


# Forward FLOPs per sample (multiply-adds count 2); training is counted as 3x forward (forward,
# gradient wrt inputs, gradient wrt weights), the usual convention.
FORWARD = {
    "mlp": 2 * (784 * 512 + 512 * 256 + 256 * 10),
    "cnn": 2 * (28 * 28 * 32 * 9) + 2 * (32 * 14 * 14 * 128) + 2 * (128 * 10),
}


def peak(threads):
    """Theoretical float32 peak: cores x clock x 64 FLOP/cycle (Zen 5: two 512-bit FMA pipes,
    16 lanes each, 2 FLOP per FMA), the clock as /proc/cpuinfo reports it."""
    mhz = float(re.search(r"cpu MHz\s*:\s*([\d.]+)", open("/proc/cpuinfo").read()).group(1))
    return threads * mhz / 1000 * 64


def fmt(v, digits=0):
    return "-" if v is None else f"{v:,.{digits}f}"


def ratio(a, b):
    return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


threads = next((r["threads"] for r in runs if "net" in r), 2)
print(f"Training and inference throughput, Fashion-MNIST 28x28, batch 128 (inference in chunks of 512), {threads} threads each:")
print()
print("| network | parameters | TuneLab train samples/s | PyTorch | TuneLab / PyTorch | TuneLab inference samples/s | PyTorch | TuneLab / PyTorch | TuneLab train GFLOP/s | PyTorch train GFLOP/s |")
print("|---|---|---|---|---|---|---|---|---|---|")
for net in ("mlp", "cnn"):
    tt, pt = median("tunelab", "net", "train_sps", net=net), median("pytorch", "net", "train_sps", net=net)
    ti, pi = median("tunelab", "net", "infer_sps", net=net), median("pytorch", "net", "infer_sps", net=net)
    params = median("tunelab", "net", "params", net=net)
    g = lambda s: None if s is None else s * 3 * FORWARD[net] / 1e9
    print(f"| {net.upper()} | {fmt(params)} | {fmt(tt)} | {fmt(pt)} | {ratio(tt, pt)} | {fmt(ti)} | {fmt(pi)} | {ratio(ti, pi)} "
          f"| {fmt(g(tt), 1)} | {fmt(g(pt), 1)} |")
gemm = median("pytorch", "gemm", "gflops")
gemm_nd4j = median("tunelab", "gemm", "gflops")
print()
print(f"Peak: {fmt(peak(threads), 0)} GFLOP/s theoretical on {threads} cores (clock x 64 float32 FLOP/cycle); "
      f"a 2048x2048 float32 GEMM reached {fmt(gemm, 1)} GFLOP/s in PyTorch and {fmt(gemm_nd4j, 1)} in ND4J (OpenBLAS) on the same threads.")
print()
print("Whole trials as the worker runs them (median of repetitions; the first trial of each process is a warm-up and not counted):")
print()
print("| trial | engine | threads | trial seconds | PyTorch trial seconds | ratio | seconds per epoch | PyTorch s/epoch | ratio | val_accuracy | PyTorch val_accuracy |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for trial in ("fashion", "digits"):
    p_s, p_e, p_a = (median("pytorch", "trial", f, trial=trial) for f in ("seconds", "epoch_seconds", "val_accuracy"))
    thr = next((r["threads"] for r in runs if r.get("trial") == trial), "-")
    for engine, label in (("tunelab", "TuneLab trainer"), ("tunelab-service", "TuneLab service")):
        s, e, a = (median(engine, "trial", f, trial=trial) for f in ("seconds", "epoch_seconds", "val_accuracy"))
        if s is None:
            continue
        name = "CNN, 10,000 images, 3 epochs" if trial == "fashion" else "digits MLP, 30 epochs, batch 16"
        print(f"| {name} | {label} | {thr} | {fmt(s, 2)} | {fmt(p_s, 2)} | {ratio(s, p_s)} | {fmt(e, 3)} | {fmt(p_e, 3)} | {ratio(e, p_e)} "
              f"| {fmt(a, 4)} | {fmt(p_a, 4)} |")
