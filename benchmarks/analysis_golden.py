"""Golden-output check for the full analysis: same ``analyze(text).to_dict()`` after a speed-up.

Run: ``.venv/bin/python benchmarks/analysis_golden.py --write`` before changing code,
then ``.venv/bin/python benchmarks/analysis_golden.py`` after each commit: it prints
every text whose ``mediakit.analyze(text).to_dict()`` (metrics, readability, quotations,
evaluative, metadata) changed and exits with status 1 when any did.

The texts are the corpus bodies and reader comments (``mediakit.load_corpus()``: each
comment, and all comments of a document joined), the Wikinews dev articles
(``../shared/data/quotes/dev/*.json``, field ``originalText``) and the sentences of the
subjectivity dev split (``../shared/data/subjectivity/dev_de.tsv``). Each text is
analysed twice, in two orders (so a memo filled by one text cannot change another's
result unnoticed). Only SHA-256 hashes are stored, and outside the repository (the
datasets must not enter it): ``$MEDIAKIT_ANALYSIS_GOLDEN``, by default
``../notes/perf-golden.json`` beside the checkout.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(
    os.environ.get("MEDIAKIT_ANALYSIS_GOLDEN", ROOT.parent / "notes" / "perf-golden.json")
)
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402


def texts() -> dict[str, str]:
    """name -> text: corpus bodies and comments, Wikinews dev, subjectivity dev."""
    out: dict[str, str] = {}
    for doc in mediakit.load_corpus():
        out[f"corpus:{doc.id}:body"] = doc.body
        out[f"corpus:{doc.id}:comments"] = doc.comments_text
        for i, comment in enumerate(doc.comments):
            out[f"corpus:{doc.id}:comment{i}"] = comment.text
    dev = SHARED / "data" / "quotes" / "dev"
    for path in sorted(dev.glob("*.json")) if dev.is_dir() else []:
        text = json.loads(path.read_text(encoding="utf-8")).get("originalText") or ""
        out[f"wikinews:{path.stem}"] = text
    for sentence_id, sentence in subjectivity_dev():
        out[f"subjectivity:{sentence_id}"] = sentence
    return out


def subjectivity_dev() -> list[tuple[str, str]]:
    """(sentence_id, sentence) of ../shared's subjectivity dev split, read as stored."""
    path = SHARED / "data" / "subjectivity" / "dev_de.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    s, i = header.index("sentence"), header.index("sentence_id")
    return [(row[i], row[s]) for row in rows[1:] if len(row) == len(header)]


def _safe(value: Any) -> Any:
    """NaN/inf as strings, tuples as lists, so the JSON is exact and valid."""
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, dict):
        return {str(k): _safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_safe(v) for v in value]
    return value


def digest(text: str) -> str:
    payload = _safe(mediakit.analyze(text).to_dict())
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the current outputs")
    args = parser.parse_args()
    items = texts()
    current = {name: digest(text) for name, text in items.items()}
    again = {name: digest(text) for name, text in reversed(items.items())}
    unstable = sorted(name for name in current if current[name] != again[name])
    for name in unstable:
        print("order-dependent:", name)
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
        print(f"wrote {len(current)} hashes to {GOLDEN}")
        return 1 if unstable else 0
    if not GOLDEN.is_file():
        print(f"no golden file at {GOLDEN}; run with --write first")
        return 1
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(
        name for name in golden.keys() | current.keys() if golden.get(name) != current.get(name)
    )
    for name in changed:
        print("changed:", name)
    print(f"{len(current)} texts, {len(changed)} changed, {len(unstable)} order-dependent")
    return 1 if changed or unstable else 0


if __name__ == "__main__":
    sys.exit(main())
