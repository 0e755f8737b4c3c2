"""Golden-output check for the evaluative measure: same results before and after a refactor.

Run: ``.venv/bin/python benchmarks/evaluative_golden.py --write`` before moving code,
then ``.venv/bin/python benchmarks/evaluative_golden.py`` after each step: it prints
every text whose ``find_evaluative(...)`` hits or ``analyze_evaluative(...).to_dict()``
changed and exits with status 1 when any did.

The texts are the five corpus bodies (``mediakit.load_corpus()``) and the sentences of
the subjectivity dev split (``../shared/data/subjectivity/dev_de.tsv``). Only SHA-256
hashes of the outputs are stored, and outside the repository (the dataset is
CC BY-NC-SA and must not enter it): ``$MEDIAKIT_EVAL_GOLDEN``, by default
``../notes/eval-golden.json`` beside the checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))
GOLDEN = Path(os.environ.get("MEDIAKIT_EVAL_GOLDEN", ROOT.parent / "notes" / "eval-golden.json"))
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit.evaluative import analyze_evaluative, find_evaluative  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis_golden import subjectivity_dev  # noqa: E402 - the same reading of the split


def texts() -> dict[str, str]:
    """name -> text: the corpus bodies, then the subjectivity dev sentences."""
    out = {f"corpus:{doc.id}": doc.body for doc in mediakit.load_corpus()}
    out.update((f"dev:{sentence_id}", sentence) for sentence_id, sentence in subjectivity_dev())
    return out


def digest(text: str) -> str:
    payload = {
        "hits": [h.to_dict() for h in find_evaluative(text)],
        "analysis": analyze_evaluative(text).to_dict(),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the current outputs")
    args = parser.parse_args()
    current = {name: digest(text) for name, text in texts().items()}
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
        print(f"wrote {len(current)} hashes to {GOLDEN}")
        return 0
    if not GOLDEN.is_file():
        print(f"no golden file at {GOLDEN}; run with --write first")
        return 1
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(
        name for name in golden.keys() | current.keys() if golden.get(name) != current.get(name)
    )
    for name in changed:
        print("changed:", name)
    print(f"{len(current)} texts, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
