#!/usr/bin/env python3
"""Writes the first N training and M test images (and labels) of Fashion-MNIST as IDX .gz files.

Reads Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). The gzip header carries
no name and no time, so the output is the same bytes on every run.
"""
import gzip
import io
import struct
import sys
from pathlib import Path

SOURCE = Path("/usr/share/datasets/fashion-mnist")


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    rank = magic & 0xFF
    dims = list(struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank]))
    return magic, dims, data[4 + 4 * rank:]


def write_first(src, dst, n):
    magic, dims, body = read_idx(src)
    item = 1
    for d in dims[1:]:
        item *= d
    dims[0] = n
    raw = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims) + body[:n * item]
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as z:
        z.write(raw)
    dst.write_bytes(buf.getvalue())


def main(out, train, test):
    out.mkdir(parents=True, exist_ok=True)
    for kind, n in (("train", train), ("t10k", test)):
        write_first(SOURCE / f"{kind}-images-idx3-ubyte.gz", out / f"{kind}-images-idx3-ubyte.gz", n)
        write_first(SOURCE / f"{kind}-labels-idx1-ubyte.gz", out / f"{kind}-labels-idx1-ubyte.gz", n)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
