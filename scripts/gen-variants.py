#!/usr/bin/env python3
"""Regenerate tests/data/variants/: script and encoding variants of the gold docs.

OpenCC: PyPI package `opencc-python-reimplemented` 0.1.7 (Apache-2.0), used
for the Simplified -> Traditional conversion of the `-hant` variants. It is
only needed for those; the other variants need nothing but Python 3.

    python3 -m venv /tmp/occ
    /tmp/occ/bin/pip install opencc-python-reimplemented==0.1.7
    /tmp/occ/bin/python scripts/gen-variants.py          # writes + verifies
    python3 scripts/gen-variants.py --check              # verifies only

For every gold document tests/data/gold/NAME.json (annotating
tests/data/NAME.txt) it writes tests/data/variants/NAME-VARIANT.txt and
tests/data/variants/gold/NAME-VARIANT.json, where VARIANT is

* hant       Traditional Chinese by OpenCC `s2t` (phrase level), line by line;
             a line whose conversion is not char-for-char aligned with the
             original (other length, a character outside the BMP, or an output
             character that is not one of OpenCC's STCharacters candidates for
             the input character) is converted character by character instead,
             keeping any character whose conversion would not be one BMP char.
             Offsets are unchanged.
* fullwidth  ASCII digits, Latin letters and . % , : + - / turned into their
             full-width forms (U+FF01-U+FF5E); offsets unchanged.
* crlf       every "\\n" -> "\\r\\n"; each offset moves by the number of newlines
             before it.
* astral     an astral character (alternately U+20000 𠀀 and U+1F600 😀) put
             right before the "。" of 8 sentences spread over the document; a
             sentence qualifies when it is not the first sentence of its line
             (so no heading or run-in lead sentence changes), has >= 10 chars,
             ends in a CJK ideograph, and no gold span (section, indicator or
             metric, optional ones too) lies within 3 code units of the
             insertion point. Each insertion moves later offsets by 2.

In the variant gold, start/end/metric_start/metric_end are remapped, and
value_text, metric, marker and title are re-sliced from the variant text
(UTF-16) at the remapped offsets, so they are written as the variant writes
them (Traditional, full-width, ...). Everything else (value, unit, kind, ...)
is left as it is: units stay simplified and half-width, as SPEC.md says.
`doc` names the variant text.

The script then checks every variant gold against its text by UTF-16
slicing, and checks that the re-sliced strings are what the transformation
makes of the original strings.
"""
import argparse
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")
OUT = os.path.join(DATA, "variants")
DOCS = ["gz-2017-government-work-report", "gz-2016-party-plenary-report"]
VARIANTS = ["hant", "fullwidth", "crlf", "astral"]
OPENCC_PKG = "opencc-python-reimplemented"
OPENCC_VERSION = "0.1.7"


# ---------------------------------------------------------------- UTF-16 helpers

def u16(s):
    """Length of s in UTF-16 code units."""
    return len(s.encode("utf-16-le")) // 2


def sl(text, start, end):
    """text[start:end] with UTF-16 offsets."""
    b = text.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write(path, s):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(s)


def dump_gold(g):
    # same layout as the gold files in shared/gold (indent 1, no final newline)
    return json.dumps(g, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- transformations
# Each returns (new_text, offset_map) where offset_map(o) maps an original
# UTF-16 offset to the variant's.

def identity(o):
    return o


def opencc_s2t():
    try:
        import opencc
        from importlib.metadata import version
    except ImportError:
        sys.exit(f"{OPENCC_PKG} is not installed: pip install {OPENCC_PKG}=={OPENCC_VERSION}")
    v = version(OPENCC_PKG)
    if v != OPENCC_VERSION:
        print(f"warning: {OPENCC_PKG} {v} installed, the data was made with {OPENCC_VERSION}",
              file=sys.stderr)
    cands = {}
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "STCharacters.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                k, v = line.split("\t")
                cands[k] = set(v.split(" "))
    return opencc.OpenCC("s2t"), cands


def to_hant(text, stats):
    cc, cands = opencc_s2t()

    def aligned(src, dst):
        if len(src) != len(dst):
            return False
        for a, b in zip(src, dst):
            if a != b and (ord(b) > 0xFFFF or b not in cands.get(a, ())):
                return False
        return True

    def per_char(line):
        out = []
        for c in line:
            t = cc.convert(c)
            out.append(t if len(t) == 1 and ord(t) <= 0xFFFF else c)
        return "".join(out)

    lines = text.split("\n")
    out = []
    for line in lines:
        conv = cc.convert(line)
        if not aligned(line, conv):
            stats["hant_lines_per_char"] += 1
            conv = per_char(line)
        assert u16(conv) == u16(line) and all(
            u16(a) == u16(b) for a, b in zip(line, conv)), line
        out.append(conv)
    new = "\n".join(out)
    stats["hant_changed_chars"] += sum(a != b for a, b in zip(text, new))
    return new, identity


FW = set("0123456789.%,:+-/") | {chr(c) for c in range(ord("A"), ord("Z") + 1)} \
    | {chr(c) for c in range(ord("a"), ord("z") + 1)}


def fullwidth_str(s):
    return "".join(chr(ord(c) + 0xFEE0) if c in FW else c for c in s)


def to_fullwidth(text, stats):
    new = fullwidth_str(text)
    stats["fullwidth_changed_chars"] += sum(a != b for a, b in zip(text, new))
    return new, identity


def to_crlf(text, stats):
    assert "\r" not in text
    b = text.encode("utf-16-le")
    # newlines before each UTF-16 offset
    nl_before = [0] * (len(b) // 2 + 1)
    for i in range(len(b) // 2):
        nl_before[i + 1] = nl_before[i] + (b[2 * i:2 * i + 2] == b"\n\x00")
    stats["crlf_newlines"] += nl_before[-1]
    return text.replace("\n", "\r\n"), lambda o: o + nl_before[o]


ASTRAL = ["\U00020000", "\U0001F600"]  # 𠀀 (CJK Ext. B), 😀 (emoji)
N_ASTRAL = 8
MARGIN = 3


def gold_spans(g):
    spans = [(s["start"], s["end"]) for s in g["sections"]]
    for i in g["indicators"]:
        spans.append((i["start"], i["end"]))
        if i.get("metric_start") is not None:
            spans.append((i["metric_start"], i["metric_end"]))
    return spans


def astral_points(text, g):
    """UTF-16 offsets of the '。' before which an astral char goes."""
    assert all(ord(c) <= 0xFFFF for c in text)  # so UTF-16 offset == str index
    spans = gold_spans(g)
    cands = []
    line_start = 0
    for line in text.split("\n"):
        seen_stop = False
        sent_start = 0
        for j, c in enumerate(line):
            if c != "。":
                continue
            p = line_start + j
            ok = (seen_stop
                  and j - sent_start >= 10
                  and "\u4e00" <= line[j - 1] <= "\u9fff"
                  and all(p < a - MARGIN or p > b + MARGIN for a, b in spans))
            if ok:
                cands.append(p)
            seen_stop = True
            sent_start = j + 1
        line_start += len(line) + 1
    assert len(cands) >= N_ASTRAL, len(cands)
    # spread evenly, deterministic: the first eligible one and then evenly on
    step = len(cands) / N_ASTRAL
    return [cands[int(k * step)] for k in range(N_ASTRAL)]


def to_astral(text, g, stats):
    points = astral_points(text, g)
    out, prev = [], 0
    for k, p in enumerate(points):
        out.append(text[prev:p])
        out.append(ASTRAL[k % len(ASTRAL)])
        prev = p
    out.append(text[prev:])
    stats["astral_inserted"] += len(points)

    def shift(o):
        # an insertion at p goes before the original unit p: offsets >= p move
        # (no gold offset is within MARGIN of p, so >= vs > does not matter)
        return o + 2 * sum(1 for p in points if o >= p)

    return "".join(out), shift


# ---------------------------------------------------------------- gold remapping

def title_offset(text, s):
    """Offset of the title inside the section span (after marker and any gap)."""
    full = sl(text, s["start"], s["end"])
    m = s.get("marker") or ""
    assert full.startswith(m), (s, full)
    k = full.find(s["title"], len(m))
    assert k >= 0, (s, full)
    return u16(full[:k])


def remap_gold(g, text, new_text, omap, name):
    ng = copy.deepcopy(g)
    ng["doc"] = name + ".txt"
    for s, ns in zip(g["sections"], ng["sections"]):
        t0 = s["start"] + title_offset(text, s)
        t1 = t0 + u16(s["title"])
        ns["start"], ns["end"] = omap(s["start"]), omap(s["end"])
        if s.get("marker") is not None:
            ns["marker"] = sl(new_text, ns["start"], omap(s["start"] + u16(s["marker"])))
        ns["title"] = sl(new_text, omap(t0), omap(t1))
    for i, ni in zip(g["indicators"], ng["indicators"]):
        ni["start"], ni["end"] = omap(i["start"]), omap(i["end"])
        ni["value_text"] = sl(new_text, ni["start"], ni["end"])
        if i.get("metric_start") is not None:
            ni["metric_start"], ni["metric_end"] = omap(i["metric_start"]), omap(i["metric_end"])
            ni["metric"] = sl(new_text, ni["metric_start"], ni["metric_end"])
    return ng


# ---------------------------------------------------------------- checks

def check_gold(text, g, problems, label):
    """Every span slices the text (UTF-16) to exactly its string."""
    for s in g["sections"]:
        full = sl(text, s["start"], s["end"])
        m = s.get("marker") or ""
        if not full.startswith(m):
            problems.append(f"{label}: section {s['start']} marker {m!r} vs {full!r}")
        if s["title"] not in full[len(m):]:
            problems.append(f"{label}: section {s['start']} title {s['title']!r} vs {full!r}")
    for i in g["indicators"]:
        if sl(text, i["start"], i["end"]) != i["value_text"]:
            problems.append(f"{label}: indicator {i['start']} {i['value_text']!r} vs "
                            f"{sl(text, i['start'], i['end'])!r}")
        if i.get("metric") is not None:
            if i.get("metric_start") is None:
                problems.append(f"{label}: indicator {i['start']} metric without offsets")
            elif sl(text, i["metric_start"], i["metric_end"]) != i["metric"]:
                problems.append(f"{label}: indicator {i['start']} metric {i['metric']!r} vs "
                                f"{sl(text, i['metric_start'], i['metric_end'])!r}")


def check_pair(g, vg, variant, problems, label):
    """The variant's strings are the transformation of the original's."""
    if variant == "hant":
        same = lambda a, b: u16(a) == u16(b)  # noqa: E731 (script differs, length not)
    elif variant == "fullwidth":
        same = lambda a, b: fullwidth_str(a) == b  # noqa: E731
    else:
        same = lambda a, b: a == b  # noqa: E731
    keep = ("value", "value_max", "unit", "kind", "direction", "comparator", "status",
            "year", "level", "optional")
    for kind in ("sections", "indicators"):
        assert len(g[kind]) == len(vg[kind])
        for a, b in zip(g[kind], vg[kind]):
            for f in ("value_text", "metric", "marker", "title"):
                if f in a and (a[f] is None) != (b[f] is None):
                    problems.append(f"{label}: {f} null-ness changed at {a['start']}")
                elif f in a and a[f] is not None and not same(a[f], b[f]):
                    problems.append(f"{label}: {f} {a[f]!r} -> {b[f]!r}")
            for f in keep:
                if a.get(f) != b.get(f):
                    problems.append(f"{label}: {f} changed at {a['start']}")
            if variant in ("hant", "fullwidth"):
                for f in ("start", "end", "metric_start", "metric_end"):
                    if a.get(f) != b.get(f):
                        problems.append(f"{label}: offset {f} changed at {a['start']}")


def check(verbose=True):
    problems = []
    for doc in DOCS:
        text = read(os.path.join(DATA, doc + ".txt"))
        g = json.loads(read(os.path.join(DATA, "gold", doc + ".json")))
        check_gold(text, g, problems, doc)
        for v in VARIANTS:
            name = f"{doc}-{v}"
            vt = read(os.path.join(OUT, name + ".txt"))
            vg = json.loads(read(os.path.join(OUT, "gold", name + ".json")))
            if vg["doc"] != name + ".txt":
                problems.append(f"{name}: doc field {vg['doc']!r}")
            check_gold(vt, vg, problems, name)
            check_pair(g, vg, v, problems, name)
            if v in ("hant", "fullwidth") and u16(vt) != u16(text):
                problems.append(f"{name}: length changed")
            if v == "crlf" and vt.replace("\r\n", "\n") != text:
                problems.append(f"{name}: not the original with CRLF")
            if v == "astral" and "".join(c for c in vt if ord(c) <= 0xFFFF) != text:
                problems.append(f"{name}: not the original plus astral chars")
            if verbose:
                print(f"checked {name}: {len(vg['sections'])} sections, "
                      f"{len(vg['indicators'])} indicators, {u16(vt)} UTF-16 units")
    for p in problems:
        print("PROBLEM", p)
    return not problems


# ---------------------------------------------------------------- main

def generate():
    stats = {k: 0 for k in ("hant_lines_per_char", "hant_changed_chars",
                            "fullwidth_changed_chars", "crlf_newlines", "astral_inserted")}
    for doc in DOCS:
        text = read(os.path.join(DATA, doc + ".txt"))
        g = json.loads(read(os.path.join(DATA, "gold", doc + ".json")))
        for v in VARIANTS:
            name = f"{doc}-{v}"
            if v == "hant":
                new, omap = to_hant(text, stats)
            elif v == "fullwidth":
                new, omap = to_fullwidth(text, stats)
            elif v == "crlf":
                new, omap = to_crlf(text, stats)
            else:
                new, omap = to_astral(text, g, stats)
            write(os.path.join(OUT, name + ".txt"), new)
            write(os.path.join(OUT, "gold", name + ".json"),
                  dump_gold(remap_gold(g, text, new, omap, name)))
    print(" ".join(f"{k}={v}" for k, v in stats.items()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only verify the files already there")
    a = ap.parse_args()
    if not a.check:
        generate()
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
