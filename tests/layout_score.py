#!/usr/bin/env python3
"""Score zhibiao on layout variants: the test texts as pasted from PDFs and web pages.

usage: layout_score.py --zhibiao PATH_TO_CLI [--only REGEX] [--json] [--keep DIR]

Makes every synthetic variant of scripts/gen-layouts.py (11 per document,
for the 2 gold documents and the 26 national reports) in a temporary folder,
takes the committed PDF variants of tests/data/layouts/, annotates the clean
texts and all variants with `PATH_TO_CLI annotate -f jsonl` (in batches), and
scores each variant against a reference on the variant:

* gold documents: the gold (tests/data/gold/) remapped onto the variant;
* national reports: the CLI's own annotation of the clean text, remapped
  (so the clean text scores 1.0 by definition, and a variant scores how far
  the CLI's reading of it moves from its reading of the clean text).

The clean text is scored against the same reference. Scoring uses
tests/score.py's functions: indicators paired by span overlap, headings by
start +-1. Predictions that fall in inserted material (web chrome, page
numbers, running headers) pair with nothing and count as false positives,
for headings as for indicators; the `ins` column counts them.

Targets, for every (document, variant), against that document's clean score:
indicator F1 and value accuracy within 0.01, metric accuracy within 0.03,
heading F1 >= 0.93 and parent accuracy >= 0.90 (absolute). Exit status 1 if
any is missed (each miss is listed), 0 if all are met, 2 on a usage or CLI
error.

--only REGEX   only the DOC--VARIANT names matching REGEX (re.search), e.g.
               'web', '^gz-', 'national-19.*--pages$', 'pdf-'
--json         one JSON object (rows, aggregates, misses) instead of the table
--keep DIR     also write the variant texts, references (ref/) and the CLI's
               output (pred/) to DIR

Standard library only.
"""
import argparse
import gc
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import score  # noqa: E402  (tests/score.py)


def load_generator():
    path = os.path.join(ROOT, "scripts", "gen-layouts.py")
    spec = importlib.util.spec_from_file_location("gen_layouts", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


gl = load_generator()

TARGETS = {"indicator_f1": 0.01, "value": 0.01, "metric": 0.03}  # max drop from clean
HEADING_F1_MIN, PARENT_MIN = 0.93, 0.90
BATCH = 40


# ---------------------------------------------------------------- CLI

def annotate(cli, paths):
    """{path: annotation} for every path, via `annotate -f jsonl` in batches."""
    batches = [paths[i:i + BATCH] for i in range(0, len(paths), BATCH)]

    def run(batch):
        r = subprocess.run([cli, "annotate", "-f", "jsonl", "--", *batch],
                           capture_output=True, timeout=600)
        out = {}
        for line in r.stdout.decode("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out[d.pop("file")] = d
        if r.returncode != 0 or len(out) != len(batch):
            raise RuntimeError(f"{cli} annotate exited {r.returncode}, {len(out)} of "
                               f"{len(batch)} files annotated:\n{r.stderr.decode('utf-8', 'replace')[-2000:]}")
        return out

    res = {}
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as ex:
        for out in ex.map(run, batches):
            res.update(out)
    return res


# ---------------------------------------------------------------- scoring

def tally(pred, ref):
    t = score.Tally()
    score.score_indicators(pred.get("indicators", []), ref.get("indicators", []), t)
    score.score_sections(pred.get("sections", []), ref.get("sections", []), t)
    return t


def merge(tallies):
    t = score.Tally()
    for x in tallies:
        for k, (h, n) in x.n.items():
            t.count(k, h, n)
    return t


def metrics(t):
    n = t.n
    g = lambda k: n.get(k, (0, 0))[0]  # noqa: E731
    acc = lambda k: (n[k][0] / n[k][1]) if n.get(k, (0, 0))[1] else None  # noqa: E731

    def f1(tp, fp, fn):
        # nothing to find and nothing found (a report whose reference has no
        # headings) is perfect, not 0; one false positive there makes it 0
        return 1.0 if tp + fp + fn == 0 else score.prf(tp, fp, fn)[2]

    return {
        "indicator_f1": f1(g("ind_tp"), g("ind_fp"), g("ind_fn")),
        "value": acc("value"),
        "metric": acc("metric"),
        "heading_f1": f1(g("sec_tp"), g("sec_fp"), g("sec_fn")),
        "parent": acc("parent"),
        "ind_tp": g("ind_tp"), "ind_fp": g("ind_fp"), "ind_fn": g("ind_fn"),
        "sec_tp": g("sec_tp"), "sec_fp": g("sec_fp"), "sec_fn": g("sec_fn"),
    }


def in_inserted(lay, pred):
    """Predicted indicators and sections that lie wholly in inserted material."""
    n = 0
    for item in pred.get("indicators", []) + pred.get("sections", []):
        s, e = item["start"], item["end"]
        if not any(lay.src[v] >= 0 and not lay.text[v].isspace() for v in range(s, min(e, len(lay.src)))):
            n += 1
    return n


def misses(m, clean):
    out = []
    for k, drop in TARGETS.items():
        v, c = m[k] if m[k] is not None else 0.0, clean[k] if clean[k] is not None else 0.0
        if m[k] is None and clean[k] is None:
            continue
        if v < c - drop - 1e-9:
            out.append(f"{k} {v:.3f} < clean {c:.3f} - {drop}")
    if m["heading_f1"] < HEADING_F1_MIN - 1e-9:
        out.append(f"heading_f1 {m['heading_f1']:.3f} < {HEADING_F1_MIN}")
    if m["parent"] is not None and m["parent"] < PARENT_MIN - 1e-9:
        out.append(f"parent {m['parent']:.3f} < {PARENT_MIN}")
    elif m["parent"] is None and m["sec_tp"] == 0 and (m["sec_fn"] or 0) > 0:
        out.append("parent none of the headings found")
    return out


# ---------------------------------------------------------------- main

def fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def fmt_d(x, c):
    if x is None or c is None:
        return "      "
    d = x - c
    return "  0   " if abs(d) < 5e-4 else f"{d:+.3f}"


COLS = ("indicator_f1", "value", "metric", "heading_f1", "parent")
HEAD = ("ind F1", "value", "metric", "head F1", "parent")


def table_row(label, m, c, ins=None, miss=""):
    cells = []
    for k in COLS:
        cells.append(f"{fmt(m[k])} {fmt_d(m[k], c[k])}")
    return f"{label:<52} " + "  ".join(cells) + (f"  {ins:>3}" if ins is not None else "     ") + \
        (f"  {miss}" if miss else "")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--zhibiao", required=True, metavar="PATH_TO_CLI")
    ap.add_argument("--only", metavar="REGEX")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", metavar="DIR")
    a = ap.parse_args(argv)
    t0 = time.time()
    # hundreds of layouts with big lists stay alive: without this the cyclic
    # collector rescans them again and again (3x slower); nothing here makes
    # reference cycles worth collecting
    gc.disable()
    only = re.compile(a.only) if a.only else None
    cli = os.path.abspath(a.zhibiao)
    if not os.access(cli, os.X_OK):
        print(f"layout_score: {a.zhibiao} is not an executable", file=sys.stderr)
        return 2

    docs = {d.name: d for d in gl.all_docs()}
    rows = []  # (doc, variant, kind)
    for d in docs.values():
        for v in gl.SYNTH_VARIANTS:
            rows.append((d.name, v, "synthetic"))
    for dname, v in gl.committed_pdf_variants():
        rows.append((dname, v, "pdf"))
    if only:
        rows = [r for r in rows if only.search(f"{r[0]}--{r[1]}")]
    order = {n: i for i, n in enumerate(docs)}
    rows.sort(key=lambda r: order[r[0]])  # stable: a document's variants together
    if not rows:
        print("layout_score: no variant matches --only", file=sys.stderr)
        return 2
    used = sorted({r[0] for r in rows}, key=list(docs).index)

    tmp = tempfile.mkdtemp(prefix="zhibiao-layouts-")
    out_dir = a.keep or tmp
    os.makedirs(out_dir, exist_ok=True)
    clean = {n: docs[n].text() for n in used}
    layouts, paths = {}, {}
    t_gen = time.time()
    for dname, v, kind in rows:
        lay = gl.make_variant(dname, clean[dname], v) if kind == "synthetic" \
            else gl.pdf_layout(dname, clean[dname], v)
        layouts[(dname, v)] = lay
        p = os.path.join(out_dir, f"{dname}--{v}.txt")
        gl.write(p, lay.text)
        paths[(dname, v)] = p
    t_gen = time.time() - t_gen
    t_cli = time.time()
    clean_paths = {n: docs[n].path for n in used}
    try:
        ann = annotate(cli, list(clean_paths.values()) + list(paths.values()))
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"layout_score: {e}", file=sys.stderr)
        return 2
    t_cli = time.time() - t_cli

    result_rows, miss_list = [], []
    per_variant, per_variant_clean = {}, {}
    clean_tally, clean_m, refs = {}, {}, {}
    for n in used:
        g = docs[n].gold()
        refs[n] = g if g is not None else ann[clean_paths[n]]
        clean_tally[n] = tally(ann[clean_paths[n]], refs[n])
        clean_m[n] = metrics(clean_tally[n])
    for dname, v, kind in rows:
        lay = layouts[(dname, v)]
        ref = gl.remap(refs[dname], lay, f"{dname}--{v}.txt")
        pred = ann[paths[(dname, v)]]
        t = tally(pred, ref)
        m = metrics(t)
        ins = in_inserted(lay, pred)
        ms = misses(m, clean_m[dname])
        result_rows.append({"doc": dname, "variant": v, "kind": kind, "gold": docs[dname].gold_path is not None,
                            "clean": clean_m[dname], "scores": m, "in_inserted": ins, "misses": ms})
        miss_list.extend(f"{dname}--{v}: {x}" for x in ms)
        per_variant.setdefault(v, []).append(t)
        per_variant_clean.setdefault(v, []).append(clean_tally[dname])
        if a.keep:
            gl.write(os.path.join(out_dir, "ref", f"{dname}--{v}.json"),
                     json.dumps(ref, ensure_ascii=False, indent=1))
            gl.write(os.path.join(out_dir, "pred", f"{dname}--{v}.json"),
                     json.dumps(pred, ensure_ascii=False))
    aggregates = []
    for v in gl.SYNTH_VARIANTS + gl.PDF_VARIANTS:
        if v not in per_variant:
            continue
        m, c = metrics(merge(per_variant[v])), metrics(merge(per_variant_clean[v]))
        ins = sum(r["in_inserted"] for r in result_rows if r["variant"] == v)
        nmiss = sum(1 for r in result_rows if r["variant"] == v and r["misses"])
        aggregates.append({"variant": v, "docs": len(per_variant[v]), "scores": m, "clean": c,
                           "in_inserted": ins, "docs_missing_targets": nmiss})
    if not a.keep:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.time() - t0

    if a.json:
        print(json.dumps({"cli": a.zhibiao, "rows": result_rows, "aggregates": aggregates,
                          "misses": miss_list, "seconds": round(elapsed, 1),
                          "targets": {"max_drop": TARGETS, "heading_f1_min": HEADING_F1_MIN,
                                      "parent_min": PARENT_MIN}}, ensure_ascii=False))
        return 1 if miss_list else 0

    head = f"{'document--variant':<52} " + "  ".join(f"{h:<12}" for h in HEAD) + "  ins  missed"
    print("score and (difference from the same document's clean score); ins = predictions"
          " wholly in inserted material")
    print(head)
    last = None
    for r in result_rows:
        if last is not None and r["doc"] != last:
            print()
        if r["doc"] != last:
            print(table_row(f"{r['doc']} (clean)", r["clean"], r["clean"]))
        last = r["doc"]
        flags = ",".join(sorted({x.split()[0] for x in r["misses"]}))
        print(table_row(f"  --{r['variant']}", r["scores"], r["clean"], r["in_inserted"], flags))
    print()
    print("aggregate per variant (all documents' counts pooled; difference from the same"
          " documents' clean texts pooled)")
    print(f"{'variant':<40}{'docs':>5}  {'miss':>4}   " + "  ".join(f"{h:<12}" for h in HEAD) + "   ins")
    for ag in aggregates:
        cells = "  ".join(f"{fmt(ag['scores'][k])} {fmt_d(ag['scores'][k], ag['clean'][k])}" for k in COLS)
        print(f"{ag['variant']:<40}{ag['docs']:>5}  {ag['docs_missing_targets']:>4}   {cells}  {ag['in_inserted']:>4}")
    print()
    if miss_list:
        print(f"{len(miss_list)} targets missed in {sum(1 for r in result_rows if r['misses'])} of "
              f"{len(result_rows)} variants:")
        for x in miss_list:
            print("  MISSED", x)
    else:
        print(f"all targets met in {len(result_rows)} variants")
    print(f"({len(rows)} variants of {len(used)} documents; generating {t_gen:.1f} s, "
          f"annotating {t_cli:.1f} s, total {elapsed:.1f} s)")
    return 1 if miss_list else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
