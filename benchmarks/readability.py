"""Readability: accuracy against hand counts, and speed against textstat.

1. ``../shared/data/readability/gold_fixture.json``: four hand-counted German texts
   (agency, tabloid, counting traps, academic). For each, the deviation of mediakit
   and of textstat 0.7.13 (German) from the hand counts (``gold_phon``: spoken
   syllables) in sentences, words, syllables and the formulas.
2. Words per second on the five seed texts (``../shared/seeds``): mediakit's
   ``readability()`` (parse included, and on an already parsed ``Document``) against
   textstat computing Flesch (German), Wiener Sachtextformel and LIX. Every call gets
   a distinct text (trailing blanks vary), since both textstat and mediakit cache by text.
3. How often mediakit and textstat disagree on the seeds, by kind.

Run: ``.venv/bin/python benchmarks/readability.py [rounds]`` (default 10 rounds of 5 texts).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

FIELDS = [
    ("sentences", "sentences"),
    ("words", "words"),
    ("syllables", "syllables"),
    ("flesch_amstad", "flesch_amstad"),
    ("wstf1", "wstf1"),
    ("lix", "lix"),
    ("smog_de", "smog_de"),
]


def gold_fixture() -> None:
    from mediakit.readability import readability, textstat_readability

    gold = json.loads((SHARED / "data" / "readability" / "gold_fixture.json").read_text("utf-8"))
    print("1. Deviation from the hand counts (gold_phon), value - gold")
    header = "".join(f"{name:>15}" for name, _ in FIELDS)
    print(f"  {'text':<13}{'system':<10}{header}")
    worst = {"mediakit": 0.0, "textstat": 0.0}
    for name, case in gold.items():
        hand = case["gold_phon"]
        ours = readability(case["text"]).metrics
        theirs = textstat_readability(case["text"]).metrics
        for system, values in (("mediakit", ours), ("textstat", theirs)):
            cells = []
            for gold_name, metric in FIELDS:
                if metric in values:
                    cells.append(f"{values[metric] - hand[gold_name]:+15.3f}")
                else:
                    cells.append(f"{'-':>15}")
            print(f"  {name:<13}{system:<10}{''.join(cells)}")
            deviation = abs(values["flesch_amstad"] - hand["flesch_amstad"])
            worst[system] = max(worst[system], deviation)
    print(
        f"  largest Flesch deviation: mediakit {worst['mediakit']:.2f}, "
        f"textstat {worst['textstat']:.2f} (target <= 1.5)"
    )


def seeds() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]


def speed(rounds: int) -> None:
    from textstat.backend import metrics

    from mediakit.document import Document, parse
    from mediakit.readability import readability

    texts = seeds()
    parse("Warm-up.")  # load spaCy once, outside the timing
    variants = [t + " " * (k + 1) for k in range(rounds) for t in texts]

    started = time.perf_counter()
    words = sum(readability(t).words for t in variants)
    with_parse = time.perf_counter() - started

    documents = [Document(t + "\n" * (k + 1)) for k, t in enumerate(variants)]
    started = time.perf_counter()
    for document in documents:
        readability(document)
    measure_only = time.perf_counter() - started

    started = time.perf_counter()
    for k, text in enumerate(variants):
        text = text + "\t" * (k + 1)
        metrics.flesch_reading_ease(text, "de")
        metrics.wiener_sachtextformel(text, 1, "de")
        metrics.lix(text)
    textstat_seconds = time.perf_counter() - started

    print(f"\n2. Speed on the 5 seed texts x {rounds} ({words:,} words, distinct texts per call)")
    print(f"  mediakit readability(text), parse included : {words / with_parse:10,.0f} words/s")
    print(f"  mediakit readability(document), parsed     : {words / measure_only:10,.0f} words/s")
    print(
        f"  textstat Flesch + WSTF + LIX (German)      : {words / textstat_seconds:10,.0f} words/s"
    )
    print(f"  ratio mediakit (parse included) / textstat time: {with_parse / textstat_seconds:.2f}")


def disagreements() -> None:
    from mediakit.readability import readability

    print("\n3. Where mediakit and textstat disagree on the seeds")
    for path, text in zip(sorted((SHARED / "seeds").glob("*.txt")), seeds(), strict=True):
        r = readability(text)
        ts = r.textstat
        kinds = Counter(d["kind"] for d in r.disagreements())
        print(
            f"  {path.name[:3]}: sentences {r.sentences}/{ts.sentences}, words {r.words}/{ts.words}, "
            f"Flesch {r.flesch_amstad:.1f}/{ts.flesch_amstad:.1f}; "
            + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        )


def main() -> int:
    if not SHARED.is_dir():
        print(f"../shared not found at {SHARED}: nothing to benchmark against.")
        return 0
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    gold_fixture()
    speed(rounds)
    disagreements()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
