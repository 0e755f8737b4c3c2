"""Benchmark: quotation detection against the German Wikinews quotation data.

Runs the reference scorer (``../shared/tools/score_quotes.py``) on
``../shared/data/quotes/<split>`` (dev by default) and prints macro and micro
P/R/F1 for message, speaker and cue, the simplified speaker score, recall per
type, the mean source figures per article and words per second (with and without
the parse).

    .venv/bin/python benchmarks/quotes.py [--split train|dev] [--simplified]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _scorer():
    path = SHARED / "tools" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _speed(folder: Path) -> None:
    from mediakit import find_quotes
    from mediakit.document import Document

    texts = [
        json.loads(p.read_text(encoding="utf-8"))["originalText"]
        for p in sorted(folder.glob("*.json"))
    ]
    docs = [Document(t) for t in texts]  # warm-up and pre-parsed copies
    words = sum(d.n_words for d in docs)
    t0 = time.perf_counter()
    for t in texts:
        find_quotes(Document(t))
    with_parse = time.perf_counter() - t0
    for d in docs:
        d.cache.clear()
    t0 = time.perf_counter()
    for d in docs:
        find_quotes(d)
    rules_only = time.perf_counter() - t0
    print(
        f"speed: {words / with_parse:,.0f} words/s with parse, {words / rules_only:,.0f} words/s rules only ({words:,} words)"
    )


def _sources(folder: Path) -> None:
    """Mean source figures over the split (what the sources layer finds per article)."""
    from mediakit.quotes import SOURCE_TYPES, analyze_quotes

    metrics = [
        analyze_quotes(json.loads(p.read_text(encoding="utf-8"))["originalText"]).metrics
        for p in sorted(folder.glob("*.json"))
    ]
    n = len(metrics) or 1
    mean = {k: sum(m[k] for m in metrics) / n for k in metrics[0]} if metrics else {}
    shares = ", ".join(f"{t} {mean.get(f'source_{t}_share', 0):.2f}" for t in SOURCE_TYPES)
    print(
        f"sources: {mean.get('distinct_sources', 0):.1f} distinct per article "
        f"({mean.get('distinct_named_sources', 0):.1f} named); shares of quotations: {shares}"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args(argv)
    folder = SHARED / "data" / "quotes" / args.split
    if not folder.is_dir():
        print(f"skipped: {folder} is absent")
        return
    import mediakit

    scorer = _scorer()
    for simplified in (False, True):
        result = scorer.score(str(folder), mediakit.find_quotes, simplified=simplified)
        label = "simplified" if simplified else "full"
        print(
            f"== {args.split} ({label}): {result['documents']} docs, {result['gold_quotations']} gold, "
            f"{result['system_quotations']} found, {len(result['errors'])} errors, {result['seconds']} s"
        )
        for role in ("message", "speaker", "cue"):
            for avg in ("macro", "micro"):
                s = result[role][avg]
                print(f"  {role:8s} {avg}: P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")
        print("  recall by type:", result["recall_by_type"])
        for e in result["errors"][:10]:
            print("  error:", e)
    _sources(folder)
    if not args.no_speed:
        _speed(folder)


if __name__ == "__main__":
    main()
