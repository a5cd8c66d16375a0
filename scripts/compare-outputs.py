#!/usr/bin/env python3
"""Compare two builds of the zhibiao CLI on every test text.

usage: scripts/compare-outputs.py OLD_CLI NEW_CLI [--bytes] [--show N] [FILE ...]

Runs `OLD_CLI annotate FILE` and `NEW_CLI annotate FILE` on each FILE
(default: every .txt under tests/data, its national/, variants/ and
layouts/ folders) and reports, per file, whether the outputs are the same:
byte for byte with --bytes (for a refactoring that must change nothing),
else as JSON values. For a file that differs it lists up to N (default 8)
sections and indicators that were added, dropped or changed, by span, with
the text around them, so that a rule change can be reviewed figure by
figure. Exit status 1 when any file differs.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_files():
    data = os.path.join(ROOT, "tests", "data")
    out = []
    for sub in ["", "national", "variants", "layouts"]:
        out += sorted(glob.glob(os.path.join(data, sub, "*.txt")))
    return out


def run(cli, path):
    r = subprocess.run([cli, "annotate", path], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"{cli} annotate {path}: exit {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r.stdout


def items(ann, key):
    return {(x["start"], x["end"]): x for x in ann.get(key, [])}


def around(units, start, end, pad=12):
    return units[2 * max(0, start - pad):2 * (end + pad)].decode("utf-16-le", errors="replace").replace("\n", "⏎")


def describe(old, new, text, show):
    units = text.encode("utf-16-le")
    lines = []
    for key, fields in [("sections", ["level", "marker", "title", "parent"]),
                        ("indicators", ["value_text", "value", "value_max", "unit", "kind", "direction",
                                        "comparator", "status", "horizon", "metric", "year", "section"])]:
        a, b = items(old, key), items(new, key)
        for span in sorted(set(a) | set(b)):
            x, y = a.get(span), b.get(span)
            if x is not None and y is not None:
                changed = {f: (x.get(f), y.get(f)) for f in fields if x.get(f) != y.get(f)}
                if not changed:
                    continue
                what = "changed " + ", ".join(f"{f}: {o!r} -> {n!r}" for f, (o, n) in changed.items())
            elif x is None:
                what = "added"
            else:
                what = "dropped"
            lines.append(f"    {key[:-1]} {span[0]}..{span[1]} {what}   | {around(units, *span)}")
    shown = lines[:show]
    if len(lines) > show:
        shown.append(f"    … {len(lines) - show} more")
    return shown


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--bytes", action="store_true", help="require byte-identical output")
    ap.add_argument("--show", type=int, default=8)
    a = ap.parse_args()
    files = a.files or default_files()
    differ = 0
    for path in files:
        old_out, new_out = run(a.old, path), run(a.new, path)
        name = os.path.relpath(path, ROOT)
        if a.bytes:
            same = old_out == new_out
        else:
            same = json.loads(old_out) == json.loads(new_out)
        if same:
            continue
        differ += 1
        print(f"DIFFERS {name}")
        if not a.bytes or json.loads(old_out) != json.loads(new_out):
            text = open(path, encoding="utf-8").read()
            for line in describe(json.loads(old_out), json.loads(new_out), text, a.show):
                print(line)
    print(f"{len(files) - differ} of {len(files)} files the same{' byte for byte' if a.bytes else ''}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
