#!/usr/bin/env python3
"""Writes a seeded hourly series: two daily-and-weekly-like cycles plus noise drive a 'load' target.

Columns: hour_sin, hour_cos (the time of day as a point on a circle), temperature (a slow cycle plus
noise), load (the target: both cycles, a lagged temperature effect and noise). Rows are in time
order, so windows of past rows predict the next load. Same file every run.
"""
import math
import random
import sys
from pathlib import Path


def main(out, n, seed):
    rng = random.Random(seed)
    lines = ["hour_sin,hour_cos,temperature,load"]
    temps = []
    for t in range(n):
        day = 2 * math.pi * (t % 24) / 24
        temp = 15 + 8 * math.sin(2 * math.pi * t / 168) + rng.gauss(0, 1.0)
        temps.append(temp)
        lagged = temps[t - 3] if t >= 3 else temp
        load = 50 + 12 * math.sin(day - 1.0) + 0.8 * (lagged - 15) + rng.gauss(0, 2.0)
        lines.append("%.4f,%.4f,%.3f,%.3f" % (math.sin(day), math.cos(day), temp, load))
    out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
