"""PyTorch side of bench/training.sh: the same networks, data, batch sizes and threads as
dev.tunelab.bench.TrainingBench, float32 on the CPU.

  torch_bench.py throughput mlp|cnn THREADS   training and inference samples/s (Fashion-MNIST)
  torch_bench.py gemm - THREADS                 float32 GEMM GFLOP/s (2048 x 2048)
  torch_bench.py trial fashion|digits THREADS  one trial as the worker runs it, end to end: split,
      normalize, build, each epoch train, score the training and validation rows, save the model
Prints one JSON object per line.
"""
import gzip, json, os, sys, tempfile, time
import numpy as np
import torch
from torch import nn

FASHION = "/usr/share/datasets/fashion-mnist"
DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def fashion(n):
    x = idx(f"{FASHION}/train-images-idx3-ubyte.gz")[:n].astype(np.float32) / np.float32(255)
    y = idx(f"{FASHION}/train-labels-idx1-ubyte.gz")[:n].astype(np.int64)
    return x.reshape(n, 1, 28, 28), y


def digits():
    d = np.loadtxt(DIGITS, delimiter=",", dtype=np.float32)
    return d[:, :64], d[:, 64].astype(np.int64)


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))


def cnn():
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * 14 * 14, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))


def small(inputs):
    return nn.Sequential(nn.Linear(inputs, 64), nn.Tanh(), nn.Dropout(0.2), nn.Linear(64, 10))


def throughput(kind, batches, batch=128, eval_chunk=512):
    x, y = fashion(10_000)
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    net = mlp() if kind == "mlp" else cnn()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    n = len(x) // batch

    def step(i):
        b = i % n
        xb, yb = x[b * batch:(b + 1) * batch], y[b * batch:(b + 1) * batch]
        opt.zero_grad(set_to_none=True)
        l = loss(net(xb), yb)
        l.backward()
        opt.step()
        return l

    net.train()
    for i in range(10):
        step(i)
    t = time.perf_counter()
    for i in range(batches):
        step(i)
    train = batches * batch / (time.perf_counter() - t)
    net.eval()
    with torch.no_grad():
        net(x[:eval_chunk])
        t = time.perf_counter()
        for s in range(0, len(x), eval_chunk):
            net(x[s:s + eval_chunk])
        infer = len(x) / (time.perf_counter() - t)
    params = sum(p.numel() for p in net.parameters())
    return {"engine": "pytorch", "net": kind, "params": params, "train_sps": train, "infer_sps": infer}


def split(n, validation, seed):
    order = np.random.default_rng(seed).permutation(n)
    v = int(round(n * validation))
    return order[v:], order[:v]


def trial(kind, seed=1):
    """The worker's trial: split, fit the normalizer on the training rows, build, then per epoch
    shuffle, train, score training rows and validation rows (loss and accuracy), and save."""
    t0 = time.perf_counter()
    if kind == "fashion":
        x, y = fashion(10_000)
        x = x * np.float32(255)  # unscaled, as uploaded; scaled below like the worker's normalizer
        epochs, batch, net, validation = 3, 128, cnn(), 0.2
    else:
        x, y = digits()
        # The service holds 20 % out as the study's test split first, then 20 % for validation.
        rest, _ = split(len(x), 0.2, seed)
        x, y = x[rest], y[rest]
        epochs, batch, net, validation = 30, 16, small(64), 0.2
    train, val = split(len(x), validation, seed)
    if kind == "fashion":
        scale = lambda a: a / np.float32(255)
    else:
        mean, std = x[train].mean(0), x[train].std(0)
        std[std == 0] = 1
        scale = lambda a: (a - mean) / std
    xt, yt = torch.from_numpy(scale(x[train])), torch.from_numpy(y[train])
    xv, yv = torch.from_numpy(scale(x[val])), torch.from_numpy(y[val])
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(seed)
    epoch_times = []
    acc = None
    for _ in range(epochs):
        e0 = time.perf_counter()
        net.train()
        perm = torch.randperm(len(xt), generator=gen)
        for s in range(0, len(xt), batch):
            b = perm[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss(net(xt[b]), yt[b]).backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            for xs, ys in ((xt, yt), (xv, yv)):
                out = torch.cat([net(xs[s:s + 512]) for s in range(0, len(xs), 512)])
                loss(out, ys).item()
                acc = (out.argmax(1) == ys).float().mean().item()
        epoch_times.append(time.perf_counter() - e0)
    with tempfile.TemporaryDirectory() as d:
        torch.save(net.state_dict(), os.path.join(d, "model.pt"))
    return {"engine": "pytorch", "trial": kind, "epochs": epochs, "seconds": time.perf_counter() - t0,
            "epoch_seconds": sorted(epoch_times)[len(epoch_times) // 2], "val_accuracy": acc}


def gemm(n=2048, reps=10):
    """The machine's achievable float32 matrix-multiply rate on these threads (torch's BLAS)."""
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b
    t = time.perf_counter()
    for _ in range(reps):
        a @ b
    return {"engine": "pytorch", "gemm": n, "gflops": 2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9}


if __name__ == "__main__":
    mode, what, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    if mode == "gemm":
        print(json.dumps(gemm()))
    elif mode == "throughput":
        print(json.dumps(throughput(what, 200 if what == "mlp" else 60)))
    else:
        trial(what)  # warm-up, as the worker's JVM is warm after its first trial
        print(json.dumps(trial(what, seed=2)))
