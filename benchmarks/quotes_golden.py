"""Golden-output check for the quotation engine: same outputs before and after a refactor.

Hashes ``analyze_quotes(text).to_dict()`` per document (SHA-256 of the sorted JSON)
for the dev split of ``../shared/data/quotes`` and the corpus texts (body and article).
Only hashes are written, never dataset text (the Wikinews text is CC BY-NC-SA), and the
file lives outside the repository by default.

    .venv/bin/python benchmarks/quotes_golden.py --record   # store the current outputs
    .venv/bin/python benchmarks/quotes_golden.py            # compare, print the differences
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = ROOT.parent / "notes" / "quotes_golden.json"
sys.path.insert(0, str(ROOT))


def _texts(split: str) -> dict[str, str]:
    from mediakit import load_corpus

    out: dict[str, str] = {}
    folder = SHARED / "data" / "quotes" / split
    for path in sorted(folder.glob("*.json")):
        out[f"{split}/{path.stem}"] = json.loads(path.read_text(encoding="utf-8"))["originalText"]
    for doc in load_corpus():
        out[f"corpus/{doc.id}/body"] = doc.body
        out[f"corpus/{doc.id}/article"] = doc.article
    return out


def _hashes(texts: dict[str, str]) -> dict[str, str]:
    from mediakit.quotes import analyze_quotes

    out = {}
    for key, text in texts.items():
        data = analyze_quotes(text).to_dict()
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        out[key] = hashlib.sha256(blob).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--record", action="store_true", help="store the current outputs")
    ap.add_argument("--file", type=Path, default=DEFAULT, help=f"hash file (default {DEFAULT})")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    args = ap.parse_args(argv)
    hashes = _hashes(_texts(args.split))
    if args.record:
        args.file.write_text(json.dumps(hashes, indent=1, sort_keys=True), encoding="utf-8")
        print(f"recorded {len(hashes)} documents in {args.file}")
        return 0
    stored = json.loads(args.file.read_text(encoding="utf-8"))
    changed = sorted(k for k in stored.keys() | hashes.keys() if stored.get(k) != hashes.get(k))
    print(f"{len(hashes)} documents, {len(changed)} differ from {args.file}")
    for key in changed[:50]:
        print("  differs:", key)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
