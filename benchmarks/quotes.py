"""Benchmark: quotation detection against the German Wikinews quotation data.

Runs the reference scorer (``../shared/tools/score_quotes.py``) on
``../shared/data/quotes/<split>`` (dev by default) and prints macro and micro
P/R/F1 for message, speaker and cue, the simplified speaker score, recall per
type, the mean source figures per article and words per second (with and without
the parse).

    .venv/bin/python benchmarks/quotes.py [--split train|dev] [--lose-marks] [--no-speed] [--nested]

``--nested`` adds a line for the full task scored with the nested quotations as well
(``find_quotes`` returns top-level ones only, so the plain full score counts every
nested gold quotation as missed).

``--lose-marks`` scores the same articles with every quotation mark removed, as text
extracted from some web pages arrives (the independent checks include such news): the
marks are deleted from ``originalText``, all gold character offsets are moved to match,
and the gold tokens that were only a mark are dropped. The copy lives in a temporary
folder for the run only (the data's licence: never copied into the project).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import tempfile
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

    def mean_of(key: str) -> float:
        # a share of an article without quotations is missing (NaN): left out of the mean
        values = [m[key] for m in metrics if not math.isnan(m[key])]
        return sum(values) / len(values) if values else math.nan

    mean = {k: mean_of(k) for k in metrics[0]} if metrics else {}
    shares = ", ".join(f"{t} {mean.get(f'source_{t}_share', 0):.2f}" for t in SOURCE_TYPES)
    print(
        f"sources: {mean.get('distinct_sources', 0):.1f} distinct per article "
        f"({mean.get('distinct_named_sources', 0):.1f} named); shares of quotations: {shares}"
    )


# Every character that the kit reads as a quotation mark (mediakit/data/quote_marks.tsv)
# plus the typewriter apostrophe's neighbours; the apostrophe itself stays (it is also
# the elision mark: "geht's").
LOST_MARKS = frozenset('„“”"»«‚‘›‹')


def _lose_marks(doc: dict) -> dict:
    """The gold document with every quotation mark deleted and its offsets moved."""
    text = doc["originalText"]
    new_index = []  # old offset -> new offset
    kept = []
    for ch in text:
        new_index.append(len(kept))
        if ch not in LOST_MARKS:
            kept.append(ch)
    new_index.append(len(kept))

    def move(span: dict) -> None:
        span["charBegin"] = new_index[span["charBegin"]]
        span["charEnd"] = new_index[span["charEnd"]]

    dropped = set()
    tokens = []
    for token in doc["tokens"]:
        move(token)
        if token["charEnd"] <= token["charBegin"]:
            dropped.add(token["id"])
        else:
            tokens.append(token)
    for annotation in doc["annotations"]:
        for role in annotation.values():
            if isinstance(role, dict) and "spans" in role:
                for span in role["spans"]:
                    move(span)
                role["tokenIds"] = [i for i in role.get("tokenIds", []) if i not in dropped]
    for sentence in doc.get("sentences", []):
        if "charBegin" in sentence:
            move(sentence)
    return {**doc, "originalText": "".join(kept), "tokens": tokens}


def _marks_lost_copy(folder: Path, target: Path) -> Path:
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        (target / path.name).write_text(json.dumps(_lose_marks(doc)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument(
        "--lose-marks", action="store_true", help="score the split with all quote marks removed"
    )
    ap.add_argument(
        "--nested",
        action="store_true",
        help="also score the full task with nested quotations (analyze_quotes().all_quotations())",
    )
    args = ap.parse_args(argv)
    folder = SHARED / "data" / "quotes" / args.split
    if not folder.is_dir():
        print(f"skipped: {folder} is absent")
        return
    if args.lose_marks:
        with tempfile.TemporaryDirectory() as tmp:
            _score(_marks_lost_copy(folder, Path(tmp)), f"{args.split}, quote marks lost")
        return
    _score(folder, args.split)
    if args.nested:
        _score_nested(folder, args.split)
    _sources(folder)
    if not args.no_speed:
        _speed(folder)


def _score(folder: Path, label_split: str) -> None:
    import mediakit

    scorer = _scorer()
    for simplified in (False, True):
        result = scorer.score(str(folder), mediakit.find_quotes, simplified=simplified)
        label = "simplified" if simplified else "full"
        print(
            f"== {label_split} ({label}): {result['documents']} docs, {result['gold_quotations']} gold, "
            f"{result['system_quotations']} found, {len(result['errors'])} errors, {result['seconds']} s"
        )
        for role in ("message", "speaker", "cue"):
            for avg in ("macro", "micro"):
                s = result[role][avg]
                print(f"  {role:8s} {avg}: P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")
        print("  recall by type:", result["recall_by_type"])
        for e in result["errors"][:10]:
            print("  error:", e)


def _score_nested(folder: Path, label_split: str) -> None:
    """The full task scored on top-level and nested quotations.

    ``find_quotes`` returns top-level quotations only (nested ones hang in ``.nested``),
    so the full score above counts every nested gold quotation (mostly partial direct
    quotes inside indirect speech) as missed. This line shows what the engine finds
    when the nested quotations it already detects are handed to the scorer too.
    """
    from mediakit.quotes import analyze_quotes

    def every(text: str) -> list:
        return analyze_quotes(text).all_quotations()

    result = _scorer().score(str(folder), every, simplified=False)
    s = result["message"]["macro"]
    print(
        f"== {label_split} (full, nested included): {result['system_quotations']} found; "
        f"message macro P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}; "
        f"recall by type: {result['recall_by_type']}"
    )


if __name__ == "__main__":
    main()
