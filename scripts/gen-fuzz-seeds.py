#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets: small slices of the texts in
tests/data, so that the fuzzer starts from real report text (headings,
figures, front matter, traditional script, full-width digits, CRLF, astral
characters) instead of from nothing.

    python3 scripts/gen-fuzz-seeds.py OUT_DIR

Deterministic: the same tests/data gives the same files. Each slice is a
few whole lines (at most MAX_BYTES of UTF-8): the first lines of every text
(title, byline, salutation, first headings) and then every STEP-th
paragraph with the ones after it. scripts/fuzz passes OUT_DIR to libFuzzer
as a read-only corpus next to the one it grows.
"""
import hashlib
import pathlib
import sys

MAX_BYTES = 1500
STEP = 40


def slices(text):
    lines = text.splitlines(keepends=True)
    yield lines[:12]
    for i in range(STEP // 2, len(lines), STEP):
        yield lines[i:i + 4]


def clip(lines):
    out = b""
    for line in lines:
        b = line.encode("utf-8")
        if len(out) + len(b) > MAX_BYTES:
            if not out:  # one long paragraph: its start, cut at a character
                out = b[:MAX_BYTES].decode("utf-8", "ignore").encode("utf-8")
            break
        out += b
    return out


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    out_dir = pathlib.Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    data = root / "tests" / "data"
    texts = sorted(
        p for p in [*data.glob("*.txt"), *data.glob("national/*.txt"), *data.glob("variants/*.txt")]
        if not p.name.endswith("-x8.txt")  # the same report eight times
    )
    n = 0
    for path in texts:
        text = path.read_bytes().decode("utf-8")  # CRLF stays CRLF
        for piece in slices(text):
            seed = clip(piece)
            if seed.strip():
                name = hashlib.sha1(seed).hexdigest()
                (out_dir / name).write_bytes(seed)
                n += 1
    print(f"gen-fuzz-seeds: {n} seeds from {len(texts)} texts in {out_dir}")


main()
