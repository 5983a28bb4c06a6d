#!/usr/bin/env python3
"""Writes the hostile uploads of bench/hostile-uploads.sh into a folder.

Bombs are built from one deflate stream made once and reused for every entry (deflate of zeros
compresses about 1000:1), so ten gigabytes unpacked take a few seconds to write, not minutes.
Usage: make_files.py DIR
"""
import os
import struct
import sys
import zlib

GIB = 1 << 30
MIB = 1 << 20


def deflate(prefix, zeros, wbits=-15):
    """A raw deflate stream of prefix + `zeros` zero bytes, and the CRC-32 and size of what it holds."""
    c = zlib.compressobj(9, zlib.DEFLATED, wbits)
    out = [c.compress(prefix)]
    crc = zlib.crc32(prefix)
    block = bytes(MIB)
    left = zeros
    while left > 0:
        n = min(left, MIB)
        out.append(c.compress(block[:n]))
        crc = zlib.crc32(block[:n], crc)
        left -= n
    out.append(c.flush())
    return b"".join(out), crc & 0xFFFFFFFF, len(prefix) + zeros


def write_zip(path, entries):
    """entries: (name, method, data, crc, size); method 0 = stored, 8 = deflated. No zip64: sizes < 4 GiB."""
    central = []
    with open(path, "wb") as f:
        for name, method, data, crc, size in entries:
            n = name.encode()
            offset = f.tell()
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(n), 0))
            f.write(n)
            f.write(data)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc,
                                       len(data), size, len(n), 0, 0, 0, 0, 0, offset) + n)
        start = f.tell()
        for c in central:
            f.write(c)
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                            sum(len(c) for c in central), start, 0))


def png(width, height):
    """A black 8-bit gray PNG, written by hand (no imaging library needed)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = zlib.compress(bytes(width + 1) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def gzip_member(raw_deflate, crc, size):
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + raw_deflate + struct.pack("<II", crc, size & 0xFFFFFFFF)


def main(out):
    os.makedirs(out, exist_ok=True)
    small = png(8, 8)

    # 1. Ten class-folder "images" of 1 GiB each: a real 8x8 PNG, then zeros. 10 GiB in ~10 MB.
    data, crc, size = deflate(small, GIB - len(small))
    write_zip(f"{out}/zip-bomb.zip",
              [(f"bomb/class{i}/{i}.png", 8, data, crc, size) for i in range(10)])

    # 2. Nested: each class image is itself a stored zip bomb of 1 GiB (zips inside the zip).
    inner_data, inner_crc, inner_size = deflate(b"", GIB)
    write_zip(f"{out}/inner.zip", [("zeros.png", 8, inner_data, inner_crc, inner_size)])
    inner = open(f"{out}/inner.zip", "rb").read()
    os.remove(f"{out}/inner.zip")
    write_zip(f"{out}/nested-bomb.zip",
              [(f"nest/class{i % 2}/{i}.png", 0, inner, zlib.crc32(inner) & 0xFFFFFFFF, len(inner)) for i in range(10)])

    # 3. IDX images whose header declares 10^7 images of 32x32 (10 GB), followed by 10 GiB of zeros
    #    as ten more gzip members of one reused stream; labels to match.
    header = struct.pack(">IIII", 0x0803, 10_000_000, 32, 32)
    with open(f"{out}/idx-bomb-images.gz", "wb") as f:
        f.write(gzip_member(*deflate(header, 0, -15)))
        member = gzip_member(inner_data, inner_crc, inner_size)
        for _ in range(10):
            f.write(member)
    with open(f"{out}/idx-bomb-labels.gz", "wb") as f:
        f.write(gzip_member(*deflate(struct.pack(">II", 0x0801, 10_000_000), 10_000_000, -15)))

    # 4. Pixels: 100 black 4096x4096 PNGs, 1.7 billion pixels in about 2 MB.
    big = png(4096, 4096)
    write_zip(f"{out}/pixel-bomb.zip",
              [(f"px/class{i % 2}/{i}.png", 0, big, zlib.crc32(big) & 0xFFFFFFFF, len(big)) for i in range(100)])

    # 5. Zip slip: names that climb out of the folder they would be unpacked into.
    write_zip(f"{out}/zip-slip.zip",
              [(f"../../../../tmp/evil/class{i % 2}/{i}.png", 0, small, zlib.crc32(small) & 0xFFFFFFFF, len(small))
               for i in range(10)])

    # 6. CSVs: 190 MB of two-column rows (95 million cells); one ragged row at the end of 5 million
    #    cells; the largest table the default limit accepts (10 columns, 999,999 rows).
    with open(f"{out}/huge.csv", "wb") as f:
        f.write(b"x,y\n")
        row = b"0,1\n" * (MIB // 4)
        for _ in range(190):
            f.write(row)
    with open(f"{out}/ragged.csv", "wb") as f:
        f.write(b"a,b,c,d,y\n")
        row = b"1,2,3,4,0\n1,2,3,4,1\n" * 1000
        for _ in range(500):
            f.write(row)
        f.write(b"1,2,3,0\n")
    with open(f"{out}/largest-table.csv", "wb") as f:
        f.write(b"a,b,c,d,e,f,g,h,i,y\n")
        for r in range(999_999):
            f.write(b"%d,0.5,1.25,2,3,4,5,6,7,%d\n" % (r % 97, r % 3))

    # 7. Binary garbage.
    with open(f"{out}/garbage.bin", "wb") as f:
        f.write(os.urandom(20 * MIB))


if __name__ == "__main__":
    main(sys.argv[1])
