#!/usr/bin/env python3
"""Layout variants of the test texts: the reports as a user pastes them.

A clean test text has one paragraph per line. Text copied out of a PDF or a
web page does not: lines are hard-wrapped (anywhere, inside numbers too), page
numbers and running headers stand between lines, web pages bring menus and
footers, some tools space out digits or put zero-width characters in. This
script makes such variants, each with an exact offset map back to the clean
text, and remaps an annotation (gold or a prediction) onto a variant.

    python3 scripts/gen-layouts.py                 # = --check
    python3 scripts/gen-layouts.py --check         # verify: synthetic variants
                                                   # (made twice, must be equal)
                                                   # and the committed PDF ones
    python3 scripts/gen-layouts.py --out DIR [--only REGEX]
                                                   # write the synthetic variants
                                                   # (text, map, remapped gold)
    python3 scripts/gen-layouts.py --pdf           # remake tests/data/layouts/
                                                   # (needs chromium, poppler-utils,
                                                   # fonts-noto-cjk, libreoffice)

Standard library only (--pdf also runs the programs named above).

## The offset map

For every UTF-16 code unit of the clean text: where it is in the variant.
Every non-whitespace character of the clean text is in the variant, in order
(the same character); whitespace may be dropped or changed; anything else in
the variant (inserted line breaks, indents, page numbers, headers, web
chrome, U+200B, U+00AD, spaces between digits) is *inserted material* and
comes from no clean unit. A span [s, e) of the clean text maps to
[map(first kept unit in [s,e)), map(last kept unit in [s,e)) + 1): for
spans that start and end on a non-whitespace character, as every annotation
span does, this is [map(s), map(e-1)+1). So a figure cut by a wrap maps to a
span with the break inside (`1\\n0.6%`); value_text, metric, marker and title
are re-sliced from the variant at the new offsets.

Committed maps (tests/data/layouts/NAME--VARIANT.map.json) are run-length:
"runs" is a flat list of triples dc, dv, n: starting from c = v = 0 (and
after each run from the end of that run), skip dc clean units and dv variant
units, then n clean units c.. are the variant units v.. one to one. Clean
units in no run are dropped (whitespace) or, if listed in "missing", lost by
the extractor; "changed" lists [c, clean_char, variant_char] for units that
the extractor wrote as another character (none so far). "clean_sha256" is
the SHA-256 of the clean text's UTF-8 bytes: a changed clean text invalidates
the map, and --check says so.

## Synthetic variants (made at test time, seeded, a few seconds for all docs)

Widths count a CJK or full-width character as 1 and an ASCII one as 1/2; so
a line with digits holds more characters. "indent" puts U+3000 U+3000 before
each paragraph's first line; "kinsoku" pulls ，。、；：！？）》”」 (and the like)
onto the end of the previous line instead of starting a line with it.

  wrap30-indent-kinsoku  wrapped at 30, indent, kinsoku
  wrap38                 wrapped at 38, no indent, no kinsoku
  wrap45-indent          wrapped at 45, indent, no kinsoku
  pages                  wrap 38 + indent + kinsoku; every ~40 lines a page
                         break as pdftotext writes it: blank line, page number
                         `— N —`, and a form feed before the next page's first line
  pages-header           wrap 45, no indent, no kinsoku; a running header (the
                         report's short title) at each page top and a page
                         number at each page foot, in a style picked per doc
                         (`- N -`, `N`, `第 N 页`, `N/M`), blank lines around
  zw                     wrap 38 + indent + kinsoku; U+200B or U+00AD put between
                         two characters about once per 150, and 5 figures
                         split as `74.4\\n\\u200b\\n万亿元`
  digitspace             wrap 38 + kinsoku; in about half the lines with digits
                         a space after every digit and decimal point
                         (`1 9 9 7 年`), and one line in 12 letter-spaced
                         (a space between every two characters)
  web                    select-all copy of a web page: site chrome (menus,
                         breadcrumb, source/date/view count, font size, print,
                         share; footer links, copyright, ICP and police record
                         numbers, phone, related links with dates) from one of
                         three site templates, paragraphs unwrapped, each with
                         a leading indent (U+3000 U+3000, spaces or NBSPs) and
                         a trailing space, separated by blank lines
  cr                     the clean text with CR line ends
  crlf-wrap              wrap 38 + indent, CRLF line ends
  marker-alone           not wrapped; an outline marker at a line start
                         (一、 （二） 一是 第一、 1 ...) put alone on its line in
                         3 cases of 4; of the lines over 60 characters with a
                         《 10 or more characters in, the 1st, 3rd, 5th, ...
                         broken before that 《

## PDF variants (committed, remade by --pdf)

For the two gold docs and national 1964, 1984, 2004, 2024:

  pdf-chrome-hf          HTML (one <p> per line, text-indent: 2em, Noto CJK)
                         printed by headless Chromium with its default header
                         and footer (date, title, URL, page x/y), extracted by
                         `pdftotext` (plain). Chromium runs under `faketime`
                         (2024-03-05 10:30 UTC) so the header's date is fixed
  pdf-chrome-hf-layout   the same PDF, `pdftotext -layout`
  pdf-chrome             the same HTML with --no-pdf-header-footer, pdftotext
  pdf-chrome-layout      that PDF, `pdftotext -layout`
  pdf-lo                 the .txt converted by LibreOffice
                         (`soffice --headless --convert-to pdf`), pdftotext
  pdf-lo-layout          that PDF, `pdftotext -layout`

Their maps come from aligning the extracted text to the clean one (non-
whitespace characters in order; unique 12-gram anchors chained by longest
increasing subsequence, then smaller anchors and an affine-gap edit
distance in the gaps, so inserted header and footer lines stay unaligned).
With faketime installed, --pdf remakes the same files byte for byte (without
it, only the date lines of the pdf-chrome-hf texts change). The programs
come from Debian: apt-get install -y chromium poppler-utils fonts-noto-cjk
faketime libreoffice-writer-nogui (the versions used are in each map's
"made_with").
"""
import argparse
import bisect
import hashlib
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")
LAYOUTS = os.path.join(DATA, "layouts")
GOLD_DOCS = ["gz-2017-government-work-report", "gz-2016-party-plenary-report"]
PDF_DOCS = GOLD_DOCS + ["national-1964", "national-1984", "national-2004", "national-2024"]
SYNTH_VARIANTS = ["wrap30-indent-kinsoku", "wrap38", "wrap45-indent", "pages", "pages-header",
                  "zw", "digitspace", "web", "cr", "crlf-wrap", "marker-alone"]
PDF_VARIANTS = ["pdf-chrome-hf", "pdf-chrome-hf-layout", "pdf-chrome", "pdf-chrome-layout",
                "pdf-lo", "pdf-lo-layout"]
MAP_FORMAT = "zhibiao-layout-map 1"


# ---------------------------------------------------------------- documents

class Doc:
    def __init__(self, name, path, gold_path):
        self.name, self.path, self.gold_path = name, path, gold_path

    @property
    def rel(self):
        return os.path.relpath(self.path, DATA)

    def text(self):
        return read(self.path)

    def gold(self):
        return json.loads(read(self.gold_path)) if self.gold_path else None


def all_docs():
    docs = [Doc(n, os.path.join(DATA, n + ".txt"), os.path.join(DATA, "gold", n + ".json"))
            for n in GOLD_DOCS]
    nat = os.path.join(DATA, "national")
    for f in sorted(os.listdir(nat)):
        if f.endswith(".txt"):
            docs.append(Doc(f[:-4], os.path.join(nat, f), None))
    return docs


def titles(name):
    """(full title, short running-header title) of a document."""
    if name == "gz-2017-government-work-report":
        return "2017年广州市政府工作报告", "2017年政府工作报告"
    if name == "gz-2016-party-plenary-report":
        return "中共广州市委全会报告", "市委全会报告"
    year = name.split("-")[1]
    return f"{year}年国务院政府工作报告", f"{year}年政府工作报告"


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write(path, s):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(s)


def is_ws(ch):
    return ch.isspace()


ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


def assert_bmp(s, what):
    # every text here is BMP only, so a UTF-16 offset is a str index; say so
    # loudly if that ever stops being true rather than map wrongly
    m = ASTRAL_RE.search(s)
    if m:
        raise ValueError(f"{what}: non-BMP character {m.group(0)!r} at {m.start()}; "
                         "gen-layouts.py assumes BMP-only texts")


# ---------------------------------------------------------------- the map

class Layout:
    """A variant text and, for each clean unit, where it went.

    pairs: increasing (c, v) pairs: clean unit c is variant unit v.
    """

    def __init__(self, clean, text, pairs, changed=(), missing=(), name="", src=None):
        assert_bmp(clean, "clean text")
        assert_bmp(text, name or "variant")
        self.clean, self.text, self.name = clean, text, name
        self.changed, self.missing = list(changed), list(missing)
        if src is None:
            src = [-1] * len(text)
            for c, v in pairs:
                src[v] = c
        elif len(src) != len(text):
            raise ValueError(f"{name}: src has {len(src)} units, the text {len(text)}")
        kept = [c for c in src if c >= 0]
        if not all(a < b for a, b in zip(kept, kept[1:])) or (kept and kept[-1] >= len(clean)):
            raise ValueError(f"{name}: map not increasing")
        fwd = [-1] * len(clean)
        for v, c in enumerate(src):
            if c >= 0:
                fwd[c] = v
        self.fwd, self.src = fwd, src
        self._index = None

    def _build(self):
        # pos[c]: where clean unit c is, or for a dropped one where the next
        # kept one is; next_kept/prev_kept: nearest kept clean unit
        fwd, n = self.fwd, len(self.clean)
        pos = [0] * (n + 1)
        pos[n] = len(self.text)
        nm = [n] * (n + 1)
        nxt, nxt_c = len(self.text), n
        for c in range(n - 1, -1, -1):
            v = fwd[c]
            if v >= 0:
                nxt, nxt_c = v, c
            pos[c] = nxt
            nm[c] = nxt_c
        pm = [-1] * n
        prv = -1
        for c in range(n):
            if fwd[c] >= 0:
                prv = c
            pm[c] = prv
        self._index = (pos, nm, pm)

    @property
    def pos(self):
        if self._index is None:
            self._build()
        return self._index[0]

    @property
    def next_kept(self):
        if self._index is None:
            self._build()
        return self._index[1]

    @property
    def prev_kept(self):
        if self._index is None:
            self._build()
        return self._index[2]

    @classmethod
    def from_src(cls, clean, text, src, name=""):
        """Layout from src: for each variant unit its clean unit or -1."""
        return cls(clean, text, None, name=name, src=src)

    # -- mapping

    def pairs(self):
        return [(c, v) for c, v in enumerate(self.fwd) if v >= 0]

    def map_span(self, s, e):
        """Clean [s, e) -> variant [s', e')."""
        if self._index is None:
            self._build()
        if e <= s:
            p = self.pos[s]
            return p, p
        a, b = self.next_kept[s], self.prev_kept[e - 1]
        if a >= e or b < s:
            p = self.pos[s]
            return p, p
        return self.fwd[a], self.fwd[b] + 1

    def inserted(self, v):
        return self.src[v] < 0

    def strip(self, s, e):
        """Variant [s, e) without whitespace and inserted material."""
        return "".join(self.text[v] for v in range(s, e)
                       if self.src[v] >= 0 and not is_ws(self.text[v]))

    # -- run-length form

    def runs(self):
        out, pc, pv, run = [], 0, 0, None
        for c, v in self.pairs():
            if run and c == run[0] + run[2] and v == run[1] + run[2]:
                run[2] += 1
                continue
            if run:
                out.extend([run[0] - pc, run[1] - pv, run[2]])
                pc, pv = run[0] + run[2], run[1] + run[2]
            run = [c, v, 1]
        if run:
            out.extend([run[0] - pc, run[1] - pv, run[2]])
        return out

    def to_json(self, clean_rel, variant_file, made_with=None):
        d = {"format": MAP_FORMAT, "clean": clean_rel,
             "clean_sha256": hashlib.sha256(self.clean.encode("utf-8")).hexdigest(),
             "clean_units": len(self.clean), "variant": variant_file,
             "variant_units": len(self.text)}
        if made_with:
            d["made_with"] = made_with
        d["changed"] = self.changed
        d["missing"] = self.missing
        d["runs"] = self.runs()
        # one short line per key, the runs on one line
        return "{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                                  for k, v in d.items()) + "\n}\n"


def pairs_from_runs(runs):
    out, c, v = [], 0, 0
    for k in range(0, len(runs), 3):
        dc, dv, n = runs[k:k + 3]
        c += dc
        v += dv
        out.extend((c + t, v + t) for t in range(n))
        c += n
        v += n
    return out


def load_layout(clean, map_path, text_path, name=""):
    m = json.loads(read(map_path))
    if m.get("format") != MAP_FORMAT:
        raise ValueError(f"{map_path}: format {m.get('format')!r}")
    sha = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    if m["clean_sha256"] != sha:
        raise ValueError(f"{map_path}: made for another version of {m['clean']} "
                         "(clean_sha256 differs); remake with scripts/gen-layouts.py --pdf")
    text = read(text_path)
    return Layout(clean, text, pairs_from_runs(m["runs"]),
                  changed=m.get("changed", ()), missing=m.get("missing", ()), name=name)


# ---------------------------------------------------------------- annotation remap

def title_offset(full, marker, title):
    """Offset of title inside the section text `full` (after the marker), or None."""
    m = marker or ""
    k = full.find(title, len(m)) if full.startswith(m) else full.find(title)
    return k if k >= 0 else None


def remap(ann, lay, doc_name=None):
    """Copy of annotation `ann` (gold or prediction, on the clean text) on the variant."""
    clean, text = lay.clean, lay.text
    out = json.loads(json.dumps(ann))
    out.pop("file", None)
    if doc_name is not None:
        out["doc"] = doc_name
    for s, ns in zip(ann.get("sections", []), out.get("sections", [])):
        full = clean[s["start"]:s["end"]]
        ns["start"], ns["end"] = lay.map_span(s["start"], s["end"])
        marker = s.get("marker")
        if marker is not None and full.startswith(marker):
            a, b = lay.map_span(s["start"], s["start"] + len(marker))
            ns["marker"] = text[a:b]
        if s.get("title") is not None:
            k = title_offset(full, marker, s["title"])
            if k is not None:
                t0 = s["start"] + k
                a, b = lay.map_span(t0, t0 + len(s["title"]))
                ns["title"] = text[a:b]
    for i, ni in zip(ann.get("indicators", []), out.get("indicators", [])):
        ni["start"], ni["end"] = lay.map_span(i["start"], i["end"])
        ni["value_text"] = text[ni["start"]:ni["end"]]
        if i.get("metric_start") is not None:
            ni["metric_start"], ni["metric_end"] = lay.map_span(i["metric_start"], i["metric_end"])
            ni["metric"] = text[ni["metric_start"]:ni["metric_end"]]
    return out


def nows(s):
    return "".join(ch for ch in s if not is_ws(ch))


def check_remap(ann, vann, lay, label, problems):
    """Each remapped string slices the variant, and is the clean string up to
    whitespace and inserted material."""
    text = lay.text

    def same(what, a_clean, s, e, got):
        if text[s:e] != got:
            problems.append(f"{label}: {what} at {s}: {got!r} is not the slice {text[s:e]!r}")
        elif lay.strip(s, e) != nows(a_clean):
            problems.append(f"{label}: {what} at {s}: {got!r} is not {a_clean!r} plus layout")

    for s, ns in zip(ann.get("sections", []), vann.get("sections", [])):
        full = lay.clean[s["start"]:s["end"]]
        if lay.strip(ns["start"], ns["end"]) != nows(full):
            problems.append(f"{label}: section at {ns['start']}: {text[ns['start']:ns['end']]!r} vs {full!r}")
        m = s.get("marker")
        if m is not None and full.startswith(m):
            a, b = lay.map_span(s["start"], s["start"] + len(m))
            same("marker", m, a, b, ns["marker"])
        if s.get("title") is not None and title_offset(full, m, s["title"]) is not None:
            k = title_offset(full, m, s["title"])
            a, b = lay.map_span(s["start"] + k, s["start"] + k + len(s["title"]))
            same("title", s["title"], a, b, ns["title"])
    for i, ni in zip(ann.get("indicators", []), vann.get("indicators", [])):
        same("value_text", i["value_text"], ni["start"], ni["end"], ni["value_text"])
        if i.get("metric_start") is not None:
            same("metric", i["metric"], ni["metric_start"], ni["metric_end"], ni["metric"])


def check_layout(lay, label, problems, allow_missing=False):
    """The map is consistent and the variant minus whitespace and inserted
    material is the clean text minus whitespace."""
    changed = {c for c, _, _ in lay.changed}
    for c, v in lay.pairs():
        if lay.clean[c] != lay.text[v] and c not in changed:
            problems.append(f"{label}: clean {c} {lay.clean[c]!r} -> variant {v} {lay.text[v]!r}")
            break
    lost = [c for c in range(len(lay.clean)) if lay.fwd[c] < 0 and not is_ws(lay.clean[c])]
    if lost and not (allow_missing and lost == sorted(lay.missing)):
        problems.append(f"{label}: {len(lost)} clean characters not in the variant, first at "
                        f"{lost[0]} {lay.clean[lost[0]:lost[0] + 10]!r}")
    kept = "".join(lay.text[v] for v in range(len(lay.text))
                   if lay.src[v] >= 0 and not is_ws(lay.text[v]))
    want = "".join(ch for c, ch in enumerate(lay.clean) if not is_ws(ch) and lay.fwd[c] >= 0)
    if changed:
        want = "".join(lay.text[lay.fwd[c]] if c in changed else ch
                       for c, ch in enumerate(lay.clean) if not is_ws(ch) and lay.fwd[c] >= 0)
    if kept != want:
        problems.append(f"{label}: variant minus inserted material is not the clean text")


# ---------------------------------------------------------------- building synthetic variants

ZWSP, SHY, IDEO_SPACE = "\u200b", "\u00ad", "\u3000"
NO_START = set("，。、；：！？）》”」』】〕〉’…%％,.;:!?)]}·")
BREAK = (-1, "\n")  # a forced line break inside a paragraph


class Line:
    """An output line: tokens (clean index or -1, char) and its terminator:
    a clean '\\n' index, -1 for an inserted break, None for none (end of text)."""
    __slots__ = ("toks", "term")

    def __init__(self, toks, term):
        self.toks, self.term = toks, term


def paragraphs(clean):
    """[(body tokens without leading/trailing whitespace, index of its '\\n' or None)]

    A line is a paragraph; but where the text puts a blank line between its
    paragraphs (most national reports, copied from a wiki), lines that
    follow each other with no blank line are one paragraph broken where the
    web page had a link (`…坚持⏎和平共处五项原则⏎的主要依据。`): they are
    joined, as the page showed them and as a PDF of it would set them."""
    lines = line_paragraphs(clean)
    filled = [k for k, (b, _) in enumerate(lines) if b]
    apart = sum(1 for k in filled if k + 1 >= len(lines) or not lines[k + 1][0])
    if len(filled) < 10 or apart * 10 < len(filled) * 7:
        return lines
    def goes_on(prev):
        # a line that ends mid-sentence and is no heading goes on in the next
        text = "".join(c for _, c in prev)
        ends = text.rstrip("”」』’）)")
        return not (ends and ends[-1] in "。！？：；!?:;…") and not MARKER_RE.match(text)

    out = []
    for body, nl in lines:
        if body and out and out[-1][0] and out[-1][2] and goes_on(out[-1][0]):
            out[-1] = (out[-1][0] + body, nl, True)
        else:
            out.append((body, nl, bool(body)))
    return [(b, nl) for b, nl, _ in out]


def paragraph_texts(clean):
    """The paragraphs of `clean` as strings (the PDF variants set these)."""
    return ["".join(c for _, c in body) for body, _ in paragraphs(clean) if body]


def line_paragraphs(clean):
    """Each line of `clean` as a paragraph."""
    out, start = [], 0
    while start <= len(clean):
        nl = clean.find("\n", start)
        end = len(clean) if nl < 0 else nl
        a, b = start, end
        while a < b and is_ws(clean[a]):
            a += 1
        while b > a and is_ws(clean[b - 1]):
            b -= 1
        out.append((list(zip(range(a, b), clean[a:b])), None if nl < 0 else nl))
        if nl < 0:
            break
        start = nl + 1
    return out


def wrap(toks, width, indent, kinsoku):
    lines, cur, w, full = [], [], 0.0, False
    if indent:
        cur, w = [(-1, IDEO_SPACE), (-1, IDEO_SPACE)], 2.0
    for tok in toks:
        if tok == BREAK:
            lines.append(cur)
            cur, w, full = [], 0.0, False
            continue
        ch = tok[1]
        cw = 0.0 if ch in (ZWSP, SHY) else 0.5 if ch < "\x80" else 1.0
        if w + cw > width and full:
            if kinsoku and ch in NO_START:
                cur.append(tok)
                w += cw
                continue
            lines.append(cur)
            cur, w = [tok], cw
        else:
            cur.append(tok)
            w += cw
        full = full or tok[0] >= 0
    lines.append(cur)
    return lines


def wrapped_lines(clean, width, indent, kinsoku, body_hook=None):
    out = []
    for pi, (body, nl) in enumerate(paragraphs(clean)):
        if not body:
            out.append(Line([], nl))
            continue
        if body_hook:
            body = body_hook(pi, body)
        ls = wrap(body, width, indent, kinsoku)
        for k, toks in enumerate(ls):
            out.append(Line(toks, -1 if k < len(ls) - 1 else nl))
    return out


def finish(clean, lines, nl="\n", name=""):
    chars, src = [], []
    for ln in lines:
        toks = ln.toks
        chars.extend([t[1] for t in toks])
        src.extend([t[0] for t in toks])
        if ln.term is None:
            continue
        if ln.term >= 0 and nl == "\n":
            chars.append("\n")
            src.append(ln.term)
        else:
            chars.extend(nl)
            src.extend([-1] * len(nl))
    return Layout.from_src(clean, "".join(chars), src, name=name)


def ins_line(s):
    return Line([(-1, ch) for ch in s], -1)


def paginate(lines, rng, footer, header=None, formfeed=False):
    """Page breaks every 38-42 lines, laid out as pdftotext writes them: the
    page's lines, a blank line, the page number footer(n, total); with a
    header, the header line and a blank line at each page top (a blank line
    between a footer and the next header); with formfeed, a \f before the
    first line of every page after the first."""
    breaks, k = [], 0
    while True:
        k += rng.randint(38, 42)
        if k >= len(lines):
            break
        breaks.append(k)
    total = len(breaks) + 1
    out, prev = [], 0
    for page, b in enumerate(breaks + [len(lines)], 1):
        body = [Line(list(ln.toks), ln.term) for ln in lines[prev:b]]
        prev = b
        top = []
        if header:
            top = [ins_line(header), ins_line("")]
        if formfeed and page > 1:
            first = top[0] if top else body[0]
            first.toks.insert(0, (-1, "\f"))
        out.extend(top)
        out.extend(body)
        if out[-1].term is None:  # the end of a text without a final newline
            out[-1].term = -1
        out.append(ins_line(""))
        out.append(ins_line(footer(page, total)))
        if header and page < total:
            out.append(ins_line(""))
    return out


def v_wrap(clean, rng, doc, width, indent, kinsoku, nl="\n", name=""):
    return finish(clean, wrapped_lines(clean, width, indent, kinsoku), nl, name)


def v_pages(clean, rng, doc, name):
    lines = wrapped_lines(clean, 38, True, True)
    lines = paginate(lines, rng, lambda n, t: f"— {n} —", formfeed=True)
    return finish(clean, lines, name=name)


PAGE_STYLES = [lambda n, t: f"- {n} -", lambda n, t: f"{n}", lambda n, t: f"第 {n} 页",
               lambda n, t: f"{n}/{t}"]


def v_pages_header(clean, rng, doc, name):
    lines = wrapped_lines(clean, 45, False, False)
    style = PAGE_STYLES[all_doc_index(doc) % len(PAGE_STYLES)]
    lines = paginate(lines, rng, style, header=titles(doc)[1])
    return finish(clean, lines, name=name)


UNIT_AFTER = set("万亿千百%％元个家人项吨亩公条座所倍台辆")


def v_zw(clean, rng, doc, name):
    paras = paragraphs(clean)
    # figures to split as 74.4\n\u200b\n万亿元: a digit followed by a unit/magnitude
    cands = [(pi, k) for pi, (body, _) in enumerate(paras)
             for k in range(len(body) - 1)
             if body[k][1].isdigit() and body[k][1] < "\x80" and body[k + 1][1] in UNIT_AFTER]
    splits = set()
    if cands:
        step = len(cands) / 5
        splits = {cands[int(j * step + rng.random() * step)] for j in range(min(5, len(cands)))}

    def hook(pi, body):
        out = []
        for k, tok in enumerate(body):
            out.append(tok)
            if k + 1 >= len(body):
                continue
            if (pi, k) in splits:
                out.extend([BREAK, (-1, ZWSP), BREAK])
            elif not is_ws(tok[1]) and not is_ws(body[k + 1][1]) and rng.random() < 1 / 150:
                out.append((-1, ZWSP if rng.random() < 0.6 else SHY))
        return out

    return finish(clean, wrapped_lines(clean, 38, True, True, hook), name=name)


def v_digitspace(clean, rng, doc, name):
    lines = wrapped_lines(clean, 38, False, True)
    for ln in lines:
        toks = ln.toks
        if not toks:
            continue
        r = rng.random()
        if r < 1 / 12:
            out = []
            for k, tok in enumerate(toks):
                out.append(tok)
                if k + 1 < len(toks) and not is_ws(tok[1]) and not is_ws(toks[k + 1][1]):
                    out.append((-1, " "))
            ln.toks = out
        elif any("0" <= ch <= "9" for _, ch in toks) and rng.random() < 0.5:
            out = []
            for k, tok in enumerate(toks):
                out.append(tok)
                if (tok[1] in "0123456789." and k + 1 < len(toks) and not is_ws(toks[k + 1][1])):
                    out.append((-1, " "))
            ln.toks = out
    return finish(clean, lines, name=name)


def v_cr(clean, rng, doc, name):
    lines = []
    for body, nl in paragraphs_raw(clean):
        lines.append(Line(body, nl))
    return finish(clean, lines, nl="\r", name=name)


def paragraphs_raw(clean):
    """Lines as they are, leading/trailing whitespace included."""
    out, start = [], 0
    while True:
        nl = clean.find("\n", start)
        end = len(clean) if nl < 0 else nl
        out.append((list(zip(range(start, end), clean[start:end])), None if nl < 0 else nl))
        if nl < 0:
            return out
        start = nl + 1


CN_NUM = "一二三四五六七八九十"
MARKER_RE = re.compile(
    rf"(?:第?[{CN_NUM}]+、|（[{CN_NUM}]+）|\([{CN_NUM}]+\)|[{CN_NUM}]+是|第[{CN_NUM}]+[，、]"
    r"|[0-9０-９]{1,2}(?:[、.．](?![0-9０-９])|[ \u3000](?=\S)))")


def v_marker_alone(clean, rng, doc, name):
    lines, long_lines = [], 0
    for body, nl in paragraphs_raw(clean):
        k = 0
        while k < len(body) and is_ws(body[k][1]):
            k += 1
        content = "".join(ch for _, ch in body[k:])
        m = MARKER_RE.match(content)
        if m and len(content) > m.end() + 1 and rng.random() < 0.75:
            j = k + m.end()
            head = body[:j]
            while head and is_ws(head[-1][1]):
                head = head[:-1]
            while j < len(body) and is_ws(body[j][1]):
                j += 1
            lines.append(Line(head, -1))
            body, k = body[j:], 0
        if len(content) > 60:
            cut = next((i for i, (_, ch) in enumerate(body) if ch == "《" and i >= 10), None)
            if cut is not None:
                long_lines += 1
                if long_lines % 2 == 1:
                    lines.append(Line(body[:cut], -1))
                    body = body[cut:]
        lines.append(Line(body, nl))
    return finish(clean, lines, name=name)


def all_doc_index(doc):
    names = GOLD_DOCS + sorted(f[:-4] for f in os.listdir(os.path.join(DATA, "national"))
                               if f.endswith(".txt"))
    return names.index(doc) if doc in names else sum(map(ord, doc))


# -- web page chrome: three site templates

def _date(rng, year):
    return f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"


def web_chrome(doc, rng, tpl):
    title = titles(doc)[0]
    year = int(re.search(r"(19|20)\d\d", doc).group(0))
    if doc.startswith("gz-"):
        city, org, portal = "广州市", "广州市人民政府办公厅", "广州市人民政府门户网站"
        icp, pol, tel, code = "粤ICP备05070829号", "公网安备 44010402000123号", "020-83123456", "4401000001"
    else:
        city, org, portal = "国务院", "国务院办公厅", "中国政府网"
        icp, pol, tel, code = "京ICP备05070218号", "京公网安备11010202000001号", "010-55831234", "bm01000001"
    # older reports were put on the web later (the national ones in 2006)
    pub_year = year if year >= 2006 else 2006
    pub = _date(rng, pub_year)
    hh, mm = rng.randint(8, 21), rng.randint(0, 59)
    views = rng.randint(1000, 99999)
    related = [f"· {city}{year - 1}年国民经济和社会发展统计公报 {_date(rng, pub_year)}",
               f"· 关于落实{year}年《政府工作报告》重点工作部门分工的意见 {_date(rng, pub_year)}",
               f"· 图解：{year}年政府工作报告中的10个关键词 {_date(rng, pub_year)}"]
    if tpl == 0:
        head = ["跳转到主要内容区", "无障碍", "繁體版", "English", "登录", "注册",
                portal,
                "首页", "政务公开", "新闻中心", "政务服务", "互动交流", "数据开放",
                "首页 > 政务公开 > 政府工作报告",
                title,
                f"来源：{org}　发布时间：{pub} {hh:02d}:{mm:02d}　浏览次数：{views}",
                "字号：大 中 小", "【打印】【关闭】",
                "分享到：微信 微博 QQ空间"]
        foot = ["【打印本页】【关闭窗口】", "相关链接"] + related + [
                "网站地图 | 联系我们 | 网站声明 | 隐私保护",
                f"主办：{org}　承办：{portal}运行中心",
                f"版权所有：{org}",
                f"{icp}　{pol}",
                f"网站标识码：{code}",
                f"电话：{tel}　传真：{tel[:-4]}{rng.randint(1000, 9999)}",
                "技术支持：数字政府运营中心",
                "您是本站第 " + str(rng.randint(1000000, 9999999)) + " 位访问者"]
    elif tpl == 1:
        head = ["首页 | 简 | 繁 | EN | 登录 | 个人中心 | 邮箱 | 无障碍",
                "中国政府网",
                "首页", "国务院", "总理", "新闻", "政策", "互动", "服务", "数据", "国情",
                "首页 > 政策 > 政府工作报告",
                title,
                f"{pub} {hh:02d}:{mm:02d}　来源：新华社",
                "【字体：大 中 小】 打印",
                "分享到：", "微信", "微博", "QQ"]
        foot = ["【我要纠错】 责任编辑：王某", "扫一扫在手机打开当前页", "相关稿件"] + related + [
                "网站说明 | 网站地图 | 联系我们",
                "版权所有：中国政府网 | 中文域名：中国政府网.政务",
                f"{icp}　{pol}",
                "国务院办公厅主办 中国政府网运行中心负责运行维护"]
    else:
        site = "大洋网" if doc.startswith("gz-") else "人民网"
        head = ["新闻 | 财经 | 体育 | 娱乐 | 科技 | 汽车 | 房产", "登录 | 注册",
                f"{site}首页 > 时政 > 正文",
                title,
                f"{pub} {hh:02d}:{mm:02d}:{rng.randint(0, 59):02d}　来源：{site}　参与互动（{rng.randint(0, 999)}）",
                "打印 | 转发 | 收藏 | A+ | A-", "分享到："]
        foot = ["（责任编辑：李某、张某）", "点击排行"] + [
                f"{k} 关于{year}年度重点工作的{w} {rng.randint(100, 9999)}"
                for k, w in ((1, "通知"), (2, "说明"), (3, "解读"))] + [
                "热点推荐"] + related + [
                "关于我们 | About Us | 广告服务 | 联系我们 | 招聘信息 | 网站地图",
                f"违法和不良信息举报电话：{tel}",
                f"Copyright © 1997-{pub_year + 1} {site} All Rights Reserved",
                icp]
    leads = ["\u3000\u3000", "    ", "\u00a0\u00a0\u00a0\u00a0"]
    return head, foot, leads[tpl]


def v_web(clean, rng, doc, name):
    tpl = all_doc_index(doc) % 3
    head, foot, lead = web_chrome(doc, rng, tpl)
    lines = []
    for s in head:
        lines.append(ins_line(s))
    lines.append(ins_line(""))
    paras = [(b, nl) for b, nl in paragraphs(clean) if b]
    for k, (body, nl) in enumerate(paras):
        toks = [(-1, ch) for ch in lead] + body + [(-1, " ")]
        lines.append(Line(toks, nl if nl is not None else -1))
        lines.append(ins_line(""))
    for s in foot:
        lines.append(ins_line(s))
    return finish(clean, lines, name=name)


def make_variant(doc, clean, variant):
    """Layout of synthetic `variant` of document `doc` (name) with text `clean`."""
    rng = random.Random(f"{variant}|{doc}")
    name = f"{doc}--{variant}"
    if variant == "wrap30-indent-kinsoku":
        return v_wrap(clean, rng, doc, 30, True, True, name=name)
    if variant == "wrap38":
        return v_wrap(clean, rng, doc, 38, False, False, name=name)
    if variant == "wrap45-indent":
        return v_wrap(clean, rng, doc, 45, True, False, name=name)
    if variant == "pages":
        return v_pages(clean, rng, doc, name)
    if variant == "pages-header":
        return v_pages_header(clean, rng, doc, name)
    if variant == "zw":
        return v_zw(clean, rng, doc, name)
    if variant == "digitspace":
        return v_digitspace(clean, rng, doc, name)
    if variant == "web":
        return v_web(clean, rng, doc, name)
    if variant == "cr":
        return v_cr(clean, rng, doc, name)
    if variant == "crlf-wrap":
        return v_wrap(clean, rng, doc, 38, True, False, nl="\r\n", name=name)
    if variant == "marker-alone":
        return v_marker_alone(clean, rng, doc, name)
    raise ValueError(f"unknown variant {variant!r}")


def pdf_layout(doc, clean, variant):
    base = os.path.join(LAYOUTS, f"{doc}--{variant}")
    return load_layout(clean, base + ".map.json", base + ".txt", name=f"{doc}--{variant}")


def committed_pdf_variants():
    """[(doc, variant)] for which tests/data/layouts/ has a text and a map."""
    out = []
    for doc in PDF_DOCS:
        for v in PDF_VARIANTS:
            base = os.path.join(LAYOUTS, f"{doc}--{v}")
            if os.path.exists(base + ".txt") and os.path.exists(base + ".map.json"):
                out.append((doc, v))
    return out


# ---------------------------------------------------------------- aligner (PDF variants)

SUB, GAP_OPEN, GAP_EXT = 2.0, 3.0, 0.05


def lis(anchors):
    """Longest chain of anchors (sorted by c) with strictly increasing v."""
    tails, tails_idx, back = [], [], [-1] * len(anchors)
    for i, (c, v) in enumerate(anchors):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_idx.append(i)
        else:
            tails[k] = v
            tails_idx[k] = i
        back[i] = tails_idx[k - 1] if k else -1
    out, i = [], tails_idx[-1] if tails_idx else -1
    while i >= 0:
        out.append(anchors[i])
        i = back[i]
    return out[::-1]


def unique_anchors(cs, vs, a, b, x, y, k):
    def grams(s, lo, hi):
        seen = {}
        for i in range(lo, hi - k + 1):
            g = s[i:i + k]
            seen[g] = -1 if g in seen else i
        return seen
    gc, gv = grams(cs, a, b), grams(vs, x, y)
    out = [(c, gv[g]) for g, c in gc.items() if c >= 0 and gv.get(g, -1) >= 0]
    out.sort()
    return out


def dp_align(cs, vs, a, b, x, y, out):
    """Affine-gap alignment of cs[a:b] and vs[x:y]; appends the paired (c, v).

    States: 0 a pair (same or changed character), 1 a clean character with no
    partner, 2 a variant character with no partner (inserted material). Both
    ends count as pairs (the anchors around the gap), so a run of inserted
    material costs one gap opening wherever it sits and pairs stay next to
    the anchors rather than being scattered into the inserted text."""
    n, m = b - a, y - x
    INF = float("inf")
    O, E = GAP_OPEN + GAP_EXT, GAP_EXT
    S = [[[INF] * (m + 1) for _ in range(n + 1)] for _ in range(3)]
    P = [[[0] * (m + 1) for _ in range(n + 1)] for _ in range(3)]
    S[0][0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i and j:
                cands = (S[0][i - 1][j - 1], S[1][i - 1][j - 1], S[2][i - 1][j - 1])
                k = min(range(3), key=lambda t: cands[t])
                S[0][i][j] = cands[k] + (0.0 if cs[a + i - 1] == vs[x + j - 1] else SUB)
                P[0][i][j] = k
            if i:
                cands = (S[0][i - 1][j] + O, S[1][i - 1][j] + E, S[2][i - 1][j] + O)
                k = min(range(3), key=lambda t: cands[t])
                S[1][i][j], P[1][i][j] = cands[k], k
            if j:
                cands = (S[0][i][j - 1] + O, S[1][i][j - 1] + O, S[2][i][j - 1] + E)
                k = min(range(3), key=lambda t: cands[t])
                S[2][i][j], P[2][i][j] = cands[k], k
    i, j = n, m
    st = min(range(3), key=lambda t: S[t][n][m])
    pairs = []
    while i > 0 or j > 0:
        prev = P[st][i][j]
        if st == 0:
            pairs.append((a + i - 1, x + j - 1))
            i, j = i - 1, j - 1
        elif st == 1:
            i -= 1
        else:
            j -= 1
        st = prev
    out.extend(reversed(pairs))


def align_range(cs, vs, a, b, x, y, out, k):
    n, m = b - a, y - x
    if n == 0 or m == 0:
        return
    if n * m <= 40000:
        dp_align(cs, vs, a, b, x, y, out)
        return
    anchors = unique_anchors(cs, vs, a, b, x, y, k) if k >= 2 else []
    if not anchors:
        if k > 2:
            align_range(cs, vs, a, b, x, y, out, max(2, k // 2))
        elif n * m <= 4_000_000:
            dp_align(cs, vs, a, b, x, y, out)
        # else: give up on this gap; its clean characters are reported missing
        return
    pc, pv = a, x
    sub_k = max(2, k // 2)
    for c, v in lis(anchors):
        skip = max(pc - c, pv - v, 0)
        if skip >= k:
            continue
        c, v = c + skip, v + skip
        align_range(cs, vs, pc, c, pv, v, out, sub_k)
        for t in range(k - skip):
            out.append((c + t, v + t))
        pc, pv = c + k - skip, v + k - skip
    align_range(cs, vs, pc, b, pv, y, out, sub_k)


def align(clean, text, name=""):
    """Layout of `text` (an extraction of `clean`) by alignment."""
    C = [i for i, ch in enumerate(clean) if not is_ws(ch)]
    V = [j for j, ch in enumerate(text) if not is_ws(ch)]
    cs = "".join(clean[i] for i in C)
    vs = "".join(text[j] for j in V)
    out = []
    align_range(cs, vs, 0, len(cs), 0, len(vs), out, 12)
    pairs = [(C[c], V[v]) for c, v in out]
    changed = [[C[c], cs[c], vs[v]] for c, v in out if cs[c] != vs[v]]
    got = {C[c] for c, _ in out}
    missing = [i for i in C if i not in got]
    return Layout(clean, text, pairs, changed=changed, missing=missing, name=name)


# ---------------------------------------------------------------- PDF mode

PRINT_TIME = "2024-03-05 10:30:00"  # the clock Chromium sees (its header prints it), UTC
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-extensions", "--mute-audio"]


def need(prog, pkg):
    p = shutil.which(prog)
    if not p:
        sys.exit(f"gen-layouts: {prog} not found; apt-get install -y {pkg}")
    return p


def tool_versions():
    def out(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            return (r.stdout + r.stderr).strip().splitlines()[0]
        except Exception as e:  # noqa: BLE001
            return f"? ({e})"
    return {"chromium": re.sub(r"\s+built on.*", "", out(["chromium", "--version"])),
            "pdftotext": out(["pdftotext", "-v"]),
            "libreoffice": out(["soffice", "--version"])}


def report_html(clean, title):
    ps = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraph_texts(clean))
    style = ("body{font-family:\"Noto Serif CJK SC\",\"Noto Sans CJK SC\",serif;"
             "font-size:16px;line-height:1.6;margin:0}"
             "p{text-indent:2em;margin:0 0 .2em 0;text-align:justify}")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>\n<style>{style}</style></head>\n"
            f"<body>\n{ps}</body></html>\n")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    if r.returncode != 0:
        sys.exit(f"gen-layouts: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r


def make_pdfs(only=None):
    chromium = need("chromium", "chromium")
    need("pdftotext", "poppler-utils")
    faketime = shutil.which("faketime")
    if not faketime:
        print("gen-layouts: faketime not found (apt-get install -y faketime); the date in "
              "Chromium's page header will be today's", file=sys.stderr)
    soffice = shutil.which("soffice")
    if not soffice:
        print("gen-layouts: soffice not found (apt-get install -y libreoffice-writer-nogui); "
              "skipping the pdf-lo variants", file=sys.stderr)
    versions = tool_versions()
    work = "/tmp/zhibiao-layouts-pdf"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.makedirs(LAYOUTS, exist_ok=True)
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8")
    docs = {d.name: d for d in all_docs()}
    problems, stats = [], []
    for name in PDF_DOCS:
        if only and not re.search(only, name):
            continue
        doc = docs[name]
        clean = doc.text()
        page = os.path.join(work, name + ".html")
        write(page, report_html(clean, titles(name)[0]))
        pdfs = {}
        for hf in (True, False):
            pdf = os.path.join(work, name + ("-hf" if hf else "") + ".pdf")
            prof = tempfile.mkdtemp(prefix="chromium-profile-", dir=work)
            cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={prof}",
                   f"--print-to-pdf={pdf}"]
            if faketime:
                cmd = [faketime, "-f", "@" + PRINT_TIME] + cmd
            if not hf:
                cmd.append("--no-pdf-header-footer")
            run(cmd + ["file://" + page], env=env)
            shutil.rmtree(prof, ignore_errors=True)
            pdfs["pdf-chrome-hf" if hf else "pdf-chrome"] = pdf
        if soffice:
            lodir = os.path.join(work, "lo-" + name)
            os.makedirs(lodir)
            txt = os.path.join(lodir, name + ".txt")
            write(txt, "\n".join(paragraph_texts(clean)) + "\n")
            run([soffice, "--headless", "--norestore",
                 f"-env:UserInstallation=file://{work}/lo-profile",
                 "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf",
                 "--outdir", lodir, txt], env=env)
            pdfs["pdf-lo"] = os.path.join(lodir, name + ".pdf")
        for base, pdf in pdfs.items():
            for layout_flag in (False, True):
                variant = base + ("-layout" if layout_flag else "")
                out_txt = os.path.join(work, f"{name}--{variant}.txt")
                run(["pdftotext"] + (["-layout"] if layout_flag else []) + [pdf, out_txt])
                text = read(out_txt)
                lay = align(clean, text, name=f"{name}--{variant}")
                tool = {"pdf-chrome-hf": "chromium --print-to-pdf (default header/footer)",
                        "pdf-chrome": "chromium --print-to-pdf --no-pdf-header-footer",
                        "pdf-lo": "soffice --headless --convert-to pdf"}[base]
                made = (f"{tool}; pdftotext{' -layout' if layout_flag else ''}; "
                        f"{versions['chromium'] if 'chrome' in base else versions['libreoffice']}; "
                        f"{versions['pdftotext']}")
                write(os.path.join(LAYOUTS, f"{name}--{variant}.txt"), text)
                write(os.path.join(LAYOUTS, f"{name}--{variant}.map.json"),
                      lay.to_json(doc.rel, f"{name}--{variant}.txt", made))
                ins = sum(1 for v in range(len(text)) if lay.src[v] < 0 and not is_ws(text[v]))
                stats.append(f"{name}--{variant}: {len(text)} units, {len(lay.missing)} clean chars "
                             f"missing, {len(lay.changed)} changed, {ins} inserted non-space chars")
                if lay.missing or lay.changed:
                    problems.append(f"{name}--{variant}: missing {lay.missing[:20]} changed {lay.changed[:20]}")
    print(f"(the HTML pages and PDFs are left in {work})")
    for s in stats:
        print(s)
    for p in problems:
        print("NOTE", p)


# ---------------------------------------------------------------- main

def synthetic(docs, only=None):
    """Yield (doc, variant, clean, layout) for every synthetic variant."""
    for doc in docs:
        clean = doc.text()
        for v in SYNTH_VARIANTS:
            if only and not re.search(only, f"{doc.name}--{v}"):
                continue
            yield doc, v, clean, make_variant(doc.name, clean, v)


def write_out(out_dir, only):
    n = 0
    for doc, v, clean, lay in synthetic(all_docs(), only):
        name = f"{doc.name}--{v}"
        write(os.path.join(out_dir, name + ".txt"), lay.text)
        write(os.path.join(out_dir, name + ".map.json"), lay.to_json(doc.rel, name + ".txt"))
        g = doc.gold()
        if g is not None:
            write(os.path.join(out_dir, "gold", name + ".json"),
                  json.dumps(remap(g, lay, name + ".txt"), ensure_ascii=False, indent=1))
        n += 1
    print(f"wrote {n} variants to {out_dir}")


def check(only=None, verbose=True):
    problems = []
    docs = all_docs()
    n = 0
    for doc, v, clean, lay in synthetic(docs, only):
        label = f"{doc.name}--{v}"
        again = make_variant(doc.name, clean, v)
        if again.text != lay.text or again.fwd != lay.fwd:
            problems.append(f"{label}: not deterministic")
        check_layout(lay, label, problems)
        g = doc.gold()
        if g is not None:
            check_remap(g, remap(g, lay, label + ".txt"), lay, label, problems)
        n += 1
    texts = {d.name: d for d in docs}
    m = 0
    for dname, v in committed_pdf_variants():
        label = f"{dname}--{v}"
        if only and not re.search(only, label):
            continue
        doc = texts[dname]
        try:
            lay = pdf_layout(dname, doc.text(), v)
        except ValueError as e:
            problems.append(str(e))
            continue
        check_layout(lay, label, problems, allow_missing=True)
        if lay.missing or lay.changed:
            print(f"note {label}: {len(lay.missing)} clean characters missing, "
                  f"{len(lay.changed)} changed")
        g = doc.gold()
        if g is not None:
            check_remap(g, remap(g, lay, label + ".txt"), lay, label, problems)
        m += 1
    if verbose:
        print(f"checked {n} synthetic variants (each made twice) and {m} committed PDF variants")
    for p in problems:
        print("PROBLEM", p)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify (the default)")
    ap.add_argument("--out", metavar="DIR", help="write the synthetic variants to DIR")
    ap.add_argument("--pdf", action="store_true", help="remake tests/data/layouts/ (PDF variants)")
    ap.add_argument("--only", metavar="REGEX", help="only DOC--VARIANT names matching REGEX")
    a = ap.parse_args()
    if a.pdf:
        make_pdfs(a.only)
    if a.out:
        write_out(a.out, a.only)
    if a.check or not (a.pdf or a.out):
        sys.exit(0 if check(a.only) else 1)


if __name__ == "__main__":
    main()
