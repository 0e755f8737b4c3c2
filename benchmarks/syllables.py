"""Syllable-count accuracy on ``../shared/data/syllables/dev.tsv``.

16,785 common German words with their spoken syllable count (German Wiktionary IPA)
and Zipf frequency. Accuracy weighted by ``10**zipf_de`` is the accuracy on running
text; unweighted accuracy shows the long tail (names, loanwords).

Compared: mediakit's :func:`~mediakit.syllables.count_syllables`, textstat 0.7.13's
German count (pyphen hyphenation points + 1) and a plain vowel-group rule.

Run: ``.venv/bin/python benchmarks/syllables.py [N]`` (N = how many of mediakit's most
frequent errors to list, default 25).
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "syllables" / "dev.tsv"
sys.path.insert(0, str(ROOT))

_VOWEL_GROUP = re.compile(r"[aeiouyäöü]+")


def vowel_groups(word: str) -> int:
    """The plain rule: one syllable per group of vowel letters (at least one)."""
    return max(1, len(_VOWEL_GROUP.findall(word.lower())))


def textstat_german(word: str) -> int:
    from textstat.backend import counts

    return counts.count_syllables(word, "de")


def main() -> int:
    if not DEV.is_file():
        print(f"{DEV} not found: ../shared is needed for this benchmark.")
        return 0
    from mediakit.syllables import count_syllables

    with DEV.open(encoding="utf-8", newline="") as handle:
        rows = [
            (row["word"], float(row["zipf_de"]), int(row["syllables"]))
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    total_weight = sum(10**zipf for _, zipf, _ in rows)
    methods: dict[str, Callable[[str], int]] = {
        "mediakit": count_syllables,
        "textstat/pyphen (de)": textstat_german,
        "vowel-group rule": vowel_groups,
    }
    print(f"{DEV.relative_to(SHARED.parent)}: {len(rows)} words")
    print(f"  {'method':<22} {'weighted':>9} {'unweighted':>11} {'words/s':>10}")
    errors = []
    for name, method in methods.items():
        started = time.perf_counter()
        counts = [method(word) for word, _, _ in rows]
        seconds = time.perf_counter() - started
        right = [c == gold for c, (_, _, gold) in zip(counts, rows, strict=True)]
        weighted = sum(10**z for ok, (_, z, _) in zip(right, rows, strict=True) if ok)
        print(
            f"  {name:<22} {weighted / total_weight:9.4f} {sum(right) / len(rows):11.4f} "
            f"{len(rows) / seconds:10,.0f}"
        )
        if name == "mediakit":
            errors = [
                (zipf, word, gold, c)
                for c, ok, (word, zipf, gold) in zip(counts, right, rows, strict=True)
                if not ok
            ]
    shown = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    if shown:
        print(f"\nmediakit's {shown} most frequent errors (zipf, word, gold, mediakit):")
        for zipf, word, gold, count in sorted(errors, reverse=True)[:shown]:
            print(f"  {zipf:5.2f} {word:<24} {gold} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
