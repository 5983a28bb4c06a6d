"""What the three engines' drivers share: resident memory of a process tree, CPU of processes and
threads from /proc, percentiles, and the no-op trial's value (the same on every engine)."""
import math
import os

TICK = os.sysconf("SC_CLK_TCK")


def _children():
    """Parent pid -> child pids, from /proc."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(d))
    return kids


def tree(pid):
    """The process and all of its descendants that are alive (pids)."""
    if pid is None or not os.path.exists(f"/proc/{pid}"):
        return []
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def memory_mb(pids):
    """(RSS, PSS) summed over the processes, in MB; PSS shares each shared page among its users,
    so a tree of processes mapping the same libraries is not counted several times."""
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def cpu_s(pids):
    """User + system CPU seconds of the processes (children that exited are not counted)."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def thread_cpu_s(pid, prefixes):
    """CPU seconds of a process's threads whose name starts with one of the prefixes (Linux cuts
    thread names to 15 characters)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if any(name.startswith(p[:15]) for p in prefixes):
            fields = stat[stat.rindex(")") + 2:].split()
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a list; None when empty."""
    if not values:
        return None
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(q / 100 * len(s)) - 1))]


def noop_value(seed, number, epoch):
    """The no-op trial's objective after an epoch: what TuneLab's NoopTrainer reports."""
    z = (seed * 31 + number + 0x9E3779B97F4A7C15) & (2**64 - 1)
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2**64 - 1)
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2**64 - 1)
    z ^= z >> 31
    target = 0.3 + 0.65 * ((z >> 11) * 2.0**-53)
    return target * (1 - math.exp(-epoch))


def slot_latencies(started, finished, parallel):
    """Free slot to next start: with `parallel` slots kept busy, the (i + parallel)-th start in time
    order waited for the i-th end. Both lists in seconds; returns milliseconds."""
    s = sorted(started)
    f = sorted(finished)
    return [max(0.0, (s[i + parallel] - f[i]) * 1000) for i in range(len(s) - parallel)]
