"""Fast paths of readability and the analysis assembly give what the plain definitions give.

Each fast path (packed word counts, the merge of the three measures' figures) is checked
against the slow, obvious computation on self-written German sentences.
"""

from __future__ import annotations

import importlib
import math

import pytest

import mediakit
from mediakit.document import Document
from mediakit.readability import Readability, readability

# the module (``mediakit.readability`` is also the name of the function)
readability_module = importlib.import_module("mediakit.readability")
analysis_module = importlib.import_module("mediakit.analysis")

SENTENCES = [
    "",
    "„“ … –",
    "Der Kanzler kam.",
    "Die Opposition kritisierte die Regierung scharf.",
    "Am 12.02.2025 telefonierten sie um 14:30 Uhr zum 3. Mal.",
    "Im Jahr 1901 kam er nach Wien; dort blieb er bis 1938.",
    "Mehr unter https://www.example.de/artikel oder leserbriefe@zeitung.de!",
    "Die EU-Kommission und Dr. Weber widersprachen der Haushaltsdebatte.",
    "Was für ein Chaos! Die Bahn streikt schon wieder. Wann ist endlich Schluss?",
    "Er sagte: „Das ist ein völlig absurder Vorschlag“, und ging.",
    "Donaudampfschifffahrtsgesellschaftskapitän Müller-Lüdenscheidt lächelte.",
    "a e i o u ä ö ü",
    "Absatz eins.\n\nAbsatz zwei hat mehr Wörter als der erste Absatz.",
]


def _plain_counts(text: str, numbers: str) -> tuple[int, int, int, int, int]:
    """words, syllables, long, polysyllabic, monosyllabic words from the word evidence."""
    words = readability(Document(text), numbers=numbers).word_counts
    return (
        len(words),
        sum(w.syllables for w in words),
        sum(1 for w in words if w.letters > 6),
        sum(1 for w in words if w.syllables >= 3),
        sum(1 for w in words if w.syllables == 1),
    )


def _counts(r: Readability) -> tuple[int, int, int, int, int]:
    return r.words, r.syllables, r.long_words, r.polysyllabic_words, r.monosyllabic_words


@pytest.mark.parametrize("numbers", ["word", "spoken"])
@pytest.mark.parametrize("text", SENTENCES)
def test_packed_word_counts_are_the_counts_of_the_words(text: str, numbers: str) -> None:
    assert _counts(readability(Document(text), numbers=numbers)) == _plain_counts(text, numbers)


@pytest.mark.parametrize("numbers", ["word", "spoken"])
def test_packed_word_counts_with_a_cold_memo(numbers: str) -> None:
    memo, _ = readability_module._COUNT_MEMOS[numbers == "spoken"]
    saved = dict(memo)
    memo.clear()
    try:
        for text in SENTENCES:
            assert _counts(readability(Document(text), numbers=numbers)) == _plain_counts(
                text, numbers
            )
    finally:
        memo.clear()
        memo.update(saved)


def test_packed_fields_do_not_carry_on_a_long_text() -> None:
    text = " ".join(["Donaudampfschifffahrt ist eine sehr lange Angelegenheit."] * 3000)
    r = readability(Document(text))
    assert _counts(r) == _plain_counts(text, "word")
    assert r.long_words == 2 * 3000 and r.monosyllabic_words == 2 * 3000


@pytest.mark.parametrize("text", SENTENCES)
def test_readability_figures_are_floats_finite_or_none(text: str) -> None:
    r = readability(Document(text))
    for name, value in r.metrics.items():
        assert value is None or (type(value) is float and math.isfinite(value)), name
    if r.words and r.sentences:
        assert None not in r.metrics.values()


@pytest.mark.parametrize("text", SENTENCES)
def test_analysis_metrics_are_the_merge_of_the_three_measures(text: str) -> None:
    a = mediakit.analyze(Document(text))
    merged = {**a.readability.metrics, **a.quotes.metrics, **a.evaluative.metrics}
    for name in ("long_word_share", "polysyllabic_share", "monosyllabic_share"):
        if merged[name] is not None:
            merged[name] /= 100.0
    expected = {k: math.nan if v is None else float(v) for k, v in merged.items()}
    if not expected["words"]:
        expected = {
            k: v if mediakit.metrics.METRICS[k].is_count else math.nan for k, v in expected.items()
        }
    got = a.metrics
    assert list(got) == list(expected)
    for name, value in expected.items():
        assert type(got[name]) is float, name
        assert got[name] == value or (math.isnan(got[name]) and math.isnan(value)), name


@pytest.mark.parametrize("text", SENTENCES)
def test_own_results_hold_plain_floats(text: str) -> None:
    # what lets Analysis skip the value-by-value type test for mediakit's own results
    a = mediakit.analyze(Document(text))
    for part in (a.quotes, a.evaluative):
        assert all(type(v) is float for v in part.metrics.values())
    if a.readability.words:
        assert all(type(v) is float for v in a.readability.metrics.values())
    assert analysis_module._floats_by_type(a.readability, a.quotes, a.evaluative) == bool(
        a.readability.words
    )


class _Part:
    def __init__(self, metrics: dict) -> None:
        self.metrics = metrics

    def evidence(self) -> list:
        return []


def test_foreign_parts_are_converted_to_floats() -> None:
    a = mediakit.analyze("Der Kanzler kam gestern nach Berlin.")
    mixed = analysis_module.Analysis(
        document=a.document,
        readability=_Part({"words": 6, "sentences": 1, "long_word_share": 50}),
        quotes=a.quotes,
        evaluative=_Part({"evaluative_hits": True, "author_words": None}),
    )
    assert not analysis_module._floats_by_type(mixed.readability, mixed.quotes, mixed.evaluative)
    got = mixed.metrics
    assert all(type(v) is float for v in got.values())
    assert got["words"] == 6.0 and got["long_word_share"] == 0.5 and got["evaluative_hits"] == 1.0
    assert math.isnan(got["author_words"])
