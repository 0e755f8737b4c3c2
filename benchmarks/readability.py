"""Readability: accuracy against hand counts per numeral convention, speed, disagreements.

1. ``../shared/data/readability/gold_fixture.json``: four hand-counted German texts
   (agency, tabloid, counting traps, academic) with per-token syllables in two
   conventions (``syllables_phon``: spoken; ``syllables_orth``: Duden hyphenation) and
   the counts and formulas computed from them (``gold_phon``, ``gold_orth``). For both
   numeral conventions of mediakit (``numbers="spoken"``: "3." = *dritten* = 2;
   ``numbers="word"``, the default: a numeral is one word of one syllable) and for
   textstat 0.7.13 (German), the deviation from

   * gold *spoken*: the fixture's ``gold_phon`` as given (numerals read aloud);
   * gold *duden*: the fixture's ``gold_orth`` (syllables at the Duden hyphenation
     points, the convention textstat's pyphen follows; numerals read aloud);
   * gold *word*: the spoken hand counts with every numeral token as one syllable, the
     formulas recomputed from them (the script first checks that its recomputation
     reproduces ``gold_phon``).
2. Words per second on the five seed texts (``../shared/seeds``): mediakit's
   ``readability()`` (parse included, and on an already parsed ``Document``) against
   textstat computing Flesch (German), Wiener Sachtextformel and LIX. Every call gets
   a distinct text (trailing blanks vary), since both textstat and mediakit cache by text.
3. How often mediakit and textstat disagree on the seeds, by kind.
4. The conventions on the seeds: numerals and web/e-mail addresses per text, and
   Flesch with each numeral convention and with addresses read out as letters (the
   old count).

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


def gold_from_tokens(tokens: list[list[str]], syllables: list[list[int]]) -> dict[str, float]:
    """The fixture's counts and formulas recomputed from its per-token hand counts."""
    words = [w for sentence in tokens for w in sentence]
    counts = [c for sentence in syllables for c in sentence]
    n_words, n_sentences = len(words), len(tokens)
    asl, asw = n_words / n_sentences, sum(counts) / n_words
    ms = 100 * sum(c >= 3 for c in counts) / n_words
    iw = 100 * sum(sum(map(str.isalpha, w)) > 6 for w in words) / n_words
    es = 100 * sum(c == 1 for c in counts) / n_words
    return {
        "sentences": n_sentences,
        "words": n_words,
        "syllables": sum(counts),
        "flesch_amstad": 180 - asl - 58.5 * asw,
        "wstf1": 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875,
        "lix": asl + iw,
        "smog_de": (30 * sum(c >= 3 for c in counts) / n_sentences) ** 0.5 - 2,
    }


def numerals_as_one(case: dict) -> list[list[int]]:
    """The spoken hand counts with every numeral token counted as one syllable."""
    return [
        [1 if any(ch.isdigit() for ch in w) else c for w, c in zip(words, counts, strict=True)]
        for words, counts in zip(case["tokens"], case["syllables_phon"], strict=True)
    ]


def gold_fixture() -> None:
    from mediakit.readability import readability, textstat_readability

    gold = json.loads((SHARED / "data" / "readability" / "gold_fixture.json").read_text("utf-8"))
    # the recomputation must reproduce the fixture's own gold before it may derive one
    check = max(
        abs(gold_from_tokens(case["tokens"], case["syllables_phon"])[metric] - case["gold_phon"][g])
        for case in gold.values()
        for g, metric in FIELDS
    )
    golds = {
        "spoken": {name: case["gold_phon"] for name, case in gold.items()},
        "duden": {name: case["gold_orth"] for name, case in gold.items()},
        "word": {
            name: gold_from_tokens(case["tokens"], numerals_as_one(case))
            for name, case in gold.items()
        },
    }
    numerals = sum(
        any(ch.isdigit() for ch in w) for case in gold.values() for s in case["tokens"] for w in s
    )
    print("1. Deviation from the hand counts, value - gold, per numeral convention")
    print(
        f"  gold spoken = gold_phon as given; gold duden = gold_orth (hyphenation syllables); "
        f"gold word = the spoken hand\n  counts with each of the {numerals} numeral token(s) "
        f"as one syllable (recomputing gold_phon from the per-token counts\n  reproduces it "
        f"to {check:.4f})"
    )
    systems = {
        'numbers="spoken"': lambda text: readability(text, numbers="spoken").metrics,
        'numbers="word"': lambda text: readability(text).metrics,
        "textstat": lambda text: textstat_readability(text).metrics,
    }
    summary = []
    for gold_name, hands in golds.items():
        header = "".join(f"{name:>14}" for name, _ in FIELDS)
        print(f"\n  against gold {gold_name}")
        print(f"  {'text':<13}{'system':<18}{header}")
        worst = dict.fromkeys(systems, 0.0)
        worst_any = dict.fromkeys(systems, 0.0)
        for name, case in gold.items():
            hand = hands[name]
            for system, measure in systems.items():
                values = measure(case["text"])
                cells = []
                for gold_field, metric in FIELDS:
                    if metric in values:
                        deviation = values[metric] - hand[gold_field]
                        cells.append(f"{deviation:+14.3f}")
                        worst_any[system] = max(worst_any[system], abs(deviation))
                    else:
                        cells.append(f"{'-':>14}")
                print(f"  {name:<13}{system:<18}{''.join(cells)}")
                deviation = abs(values["flesch_amstad"] - hand["flesch_amstad"])
                worst[system] = max(worst[system], deviation)
        summary.append((gold_name, worst, worst_any))
    print()
    for gold_name, worst, worst_any in summary:
        print(
            f"  gold {gold_name:<7} largest Flesch deviation: "
            + ", ".join(f"{system} {value:.2f}" for system, value in worst.items())
            + (
                " (target <= 1.5 for the matching convention)"
                if gold_name != "duden"
                else " (hyphenation syllables: textstat's convention, for reference)"
            )
        )
        print(
            f"  gold {gold_name:<7} largest deviation in any field: "
            + ", ".join(f"{system} {value:.3f}" for system, value in worst_any.items())
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


def conventions() -> None:
    from mediakit.document import parse
    from mediakit.readability import flesch_amstad, readability
    from mediakit.syllables import count_syllables
    from mediakit.web_addresses import is_web_address

    print("\n4. The conventions on the seeds (Flesch-Amstad)")
    print(
        f"  {'text':<5}{'numerals':>9}{'addresses':>10}{'word':>8}{'spoken':>8}"
        f"{'addresses read out':>20}"
    )
    for path, text in zip(sorted((SHARED / "seeds").glob("*.txt")), seeds(), strict=True):
        document = parse(text)
        word = readability(document)
        spoken = readability(document, numbers="spoken")
        addresses = [w for w in word.word_counts if is_web_address(w.text)]
        numerals = sum(
            1 for w in word.word_counts if w.text[:1].isdigit() and not is_web_address(w.text)
        )
        # the old count: an address read out like a word, letter group by letter group
        read_out = sum(
            sum(count_syllables(part, numbers="spoken") for part in _letter_parts(w.text))
            for w in addresses
        )
        old = flesch_amstad(
            word.avg_sentence_length, (word.syllables - len(addresses) + read_out) / word.words
        )
        print(
            f"  {path.name[:3]:<5}{numerals:>9}{len(addresses):>10}{word.flesch_amstad:>8.1f}"
            f"{spoken.flesch_amstad:>8.1f}{old:>20.1f}"
        )


def _letter_parts(address: str) -> list[str]:
    import re

    return re.findall(r"[^\W_]+", address) or ["x"]


def main() -> int:
    if not SHARED.is_dir():
        print(f"../shared not found at {SHARED}: nothing to benchmark against.")
        return 0
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    gold_fixture()
    speed(rounds)
    disagreements()
    conventions()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
