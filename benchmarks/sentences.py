"""Sentence-boundary benchmark: mediakit vs spaCy's sentencizer vs textstat.

Three test sets:

(a) ``../shared/data/sentences/news_style_cases.json``: 20 short cases with gold
    sentence counts (no offsets), so this part compares counts;
(b) ``benchmarks/data/sentence_gold.json``: our own hand-written tricky cases
    (quotes, abbreviations, ordinals, dates, headlines, ellipses, URLs), with gold
    sentences, scored as boundary precision/recall/F1;
(c) the gold sentences of the German Wikinews quotation data
    (``../shared/data/quotes/{train,dev}``), whitespace-normalised and joined five at a
    time into paragraphs (sentences joined by a space, paragraphs by a blank line),
    scored as boundary P/R/F1.

For (c) the script also shows the cost of a design decision: "mediakit, quotes
split" drops the rule that a quotation opened inside a sentence (``sagte: „…“``) is
never split.

A boundary is the character offset where a sentence ends (trailing whitespace
excluded). textstat only counts sentences, so for it the script reports how often
its count equals the gold count.

Run: ``.venv/bin/python benchmarks/sentences.py``
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OWN_GOLD = Path(__file__).resolve().parent / "data" / "sentence_gold.json"
sys.path.insert(0, str(ROOT))

Boundaries = set[int]


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def mediakit_boundaries(text: str) -> Boundaries:
    from mediakit.document import Document

    return {s.end for s in Document(text).sentences}


_SPACY = None


def spacy_boundaries(text: str) -> Boundaries:
    global _SPACY
    if _SPACY is None:
        import spacy

        _SPACY = spacy.blank("de")
        _SPACY.add_pipe("sentencizer")
        _SPACY.max_length = 10_000_000
    doc = _SPACY(text)
    ends = {_trim(text, s.end_char) for s in doc.sents if s.text.strip()}
    return {e for e in ends if e > 0}


def textstat_count(text: str) -> int:
    from textstat.backend import counts

    return counts.count_sentences(text) if text else 0


def gold_boundaries(text: str, sentences: Iterable[str]) -> Boundaries:
    """End offsets of ``sentences`` found in order in ``text``."""
    ends: Boundaries = set()
    pos = 0
    for sentence in sentences:
        start = text.find(sentence, pos)
        if start < 0:
            raise ValueError(f"gold sentence not found in order: {sentence!r}")
        pos = start + len(sentence)
        ends.add(pos)
    return ends


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    items: list[tuple[str, Boundaries]], systems: dict[str, Callable[[str], Boundaries]]
) -> dict[str, tuple[float, float, float, float, list[tuple[str, set[int], set[int]]]]]:
    results = {}
    for name, system in systems.items():
        tp = fp = fn = 0
        errors = []
        started = time.perf_counter()
        for text, gold in items:
            predicted = system(text)
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
            if predicted != gold:
                errors.append((text, predicted - gold, gold - predicted))
        seconds = time.perf_counter() - started
        results[name] = (*prf(tp, fp, fn), seconds, errors)
    return results


def print_scores(title: str, items, systems, show_errors: int = 0) -> dict:
    results = score(items, systems)
    n_gold = sum(len(g) for _, g in items)
    n_count_right = {
        "textstat (count)": sum(textstat_count(text) == len(gold) for text, gold in items)
    }
    print(f"\n{title}: {len(items)} texts, {n_gold} gold boundaries")
    print(f"  {'system':<22} {'P':>7} {'R':>7} {'F1':>7} {'count ok':>9} {'s':>6}")
    for name, (p, r, f, seconds, _errors) in results.items():
        count_ok = sum(len(systems[name](t)) == len(g) for t, g in items)
        print(
            f"  {name:<22} {p:7.4f} {r:7.4f} {f:7.4f} {count_ok:>5}/{len(items):<3} {seconds:6.2f}"
        )
    for name, ok in n_count_right.items():
        print(f"  {name:<22} {'':>7} {'':>7} {'':>7} {ok:>5}/{len(items):<3}")
    if show_errors:
        for text, extra, missed in results["mediakit"][4][:show_errors]:
            for end in sorted(extra):
                print(
                    f"    mediakit extra split : …{text[max(0, end - 50) : end]}|{text[end : end + 30]}…"
                )
            for end in sorted(missed):
                print(
                    f"    mediakit missed split: …{text[max(0, end - 50) : end]}|{text[end : end + 30]}…"
                )
    return results


def news_cases() -> None:
    path = SHARED / "data" / "sentences" / "news_style_cases.json"
    cases = json.loads(path.read_text("utf-8"))
    from mediakit.readability import readability

    rows = [
        ("mediakit", lambda t: readability(t).sentences, lambda t: readability(t).words),
        ("spaCy sentencizer", lambda t: len(spacy_boundaries(t)), None),
        ("textstat", textstat_count, None),
    ]
    print(f"(a) news-style cases: {len(cases)} cases with gold sentence/word counts (no offsets)")
    for name, count, words in rows:
        sentences_ok = sum(count(c["text"]) == c["gold_sentences"] for c in cases)
        line = f"  {name:<22} sentences right {sentences_ok:>2}/{len(cases)}"
        if words:
            words_ok = sum(words(c["text"]) == c["gold_words"] for c in cases)
            line += f", words right {words_ok:>2}/{len(cases)}"
        print(line)


def own_gold() -> None:
    cases = json.loads(OWN_GOLD.read_text("utf-8"))["cases"]
    items = [(c["text"], gold_boundaries(c["text"], c["sentences"])) for c in cases]
    print_scores(
        "(b) own hand-written gold (benchmarks/data/sentence_gold.json)",
        items,
        {"mediakit": mediakit_boundaries, "spaCy sentencizer": spacy_boundaries},
        show_errors=20,
    )


def wikinews_items(split: str, per_paragraph: int = 5) -> list[tuple[str, Boundaries]]:
    items = []
    for path in sorted((SHARED / "data" / "quotes" / split).glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        source = data["originalText"]
        sentences = [
            " ".join(source[s["charBegin"] : s["charEnd"]].split()) for s in data["sentences"]
        ]
        sentences = [s for s in sentences if s]
        paragraphs = [
            " ".join(sentences[i : i + per_paragraph])
            for i in range(0, len(sentences), per_paragraph)
        ]
        text = "\n\n".join(paragraphs)
        items.append((text, gold_boundaries(text, sentences)))
    return items


def mediakit_splitting_quotes(text: str) -> Boundaries:
    """mediakit without the design rule that keeps a quotation opened mid-sentence whole."""
    import mediakit.document as document

    keep = document._opens_sentence
    document._opens_sentence = lambda text, region: True
    try:
        return mediakit_boundaries(text)
    finally:
        document._opens_sentence = keep


def wikinews(show_errors: int) -> None:
    systems = {
        "mediakit": mediakit_boundaries,
        "mediakit, quotes split": mediakit_splitting_quotes,
        "spaCy sentencizer": spacy_boundaries,
    }
    for split in ("train", "dev"):
        items = wikinews_items(split)
        print_scores(
            f"(c) Wikinews gold sentences, {split}, 5-sentence paragraphs",
            items,
            systems,
            show_errors=show_errors if split == "train" else 0,
        )


def main() -> int:
    if not SHARED.is_dir():
        print(f"../shared not found at {SHARED}: nothing to benchmark against.")
        own_gold()
        return 0
    news_cases()
    own_gold()
    wikinews(show_errors=int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
