"""Fast paths of the evaluative stage give what the slow paths give (German sentences)."""

from __future__ import annotations

import math

import pytest

from mediakit import document
from mediakit.evaluative import Lexicon, analyze_evaluative, matching, metrics, voice
from mediakit.evaluative.lemmas import _token_table

SENTENCES = [
    "Vor allem die Opposition spielt die Gefahr herunter.",
    "Sie sagte, das sei ein völlig absurdes Desaster.",
    "In der Tat redet die Regierung die Lage schön, erklärte der Sprecher.",
    "Aller Zeiten größter Unsinn!",
    "Der Zug fährt um  acht Uhr ab.",  # two spaces: a space token
    "Nach eigenen Angaben war er in der Stadt.",
    "Die sogenannte „Reform“ ist nichts anderes als ein Sparpaket.",
    "Müller: Ich halte das für falsch.",
    "Es regnet.",
    "",
]


def _old_merge(intervals):
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@pytest.mark.parametrize("text", SENTENCES)
def test_table_and_flags_as_table_then_flags(text: str) -> None:
    lex = Lexicon.default().extended({"Stadt": "loaded"})  # a fresh index: empty memos
    for index in (lex.index, metrics._resolve_lexicon(None).index):
        fast_doc, slow_doc = document.Document(text), document.Document(text)
        table, flags = metrics._table_and_flags(fast_doc, index)
        slow = _token_table(slow_doc, index.lemmatizer)
        assert table == slow
        assert flags == metrics._token_flags(index, slow)
        # the second call reads the cached table
        assert metrics._table_and_flags(fast_doc, index) == (table, flags)


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_with_phrase_flags_and_gates(text: str) -> None:
    lex = metrics._resolve_lexicon(None)
    doc = document.Document(text)
    table, flags = metrics._table_and_flags(doc, lex.index)
    candidates = [
        k
        for k, flag in enumerate(flags)
        if flag & metrics._WORD_HIT
        or (
            flag & metrics._PHRASE_FIRST
            and k + 1 < len(flags)
            and flags[k + 1] & metrics._PHRASE_SECOND
        )
    ]
    fast = matching._scan(doc, lex, candidates, flags, table, phrase_flags=True)
    assert fast == matching._scan(document.Document(text), lex)
    lowers, lemmas = table[3], table[4]
    for k in range(len(lowers)):
        with_gates = matching._match_phrase(
            lex.index.phrases, lowers, lemmas, k, lex.index.phrase_thirds, {}
        )
        assert with_gates == matching._match_phrase(
            lex.index.phrases, lowers, lemmas, k, lex.index.phrase_thirds
        )


@pytest.mark.parametrize("text", SENTENCES)
def test_metrics_memo_and_template(text: str) -> None:
    for _ in range(2):  # the second time from the memo of hit-less figures
        result = analyze_evaluative(text)
        fresh = result._figures()
        figures = result.metrics
        assert list(figures) == list(fresh)
        for name, value in fresh.items():
            assert figures[name] == value or (math.isnan(value) and math.isnan(figures[name]))
        figures["evaluative_hits"] = 99.0  # a copy: the memo is not changed
        assert result.metrics["evaluative_hits"] == fresh["evaluative_hits"]


@pytest.mark.parametrize("text", SENTENCES)
def test_author_only_layer(text: str) -> None:
    doc = document.Document(text)
    analyze_evaluative(doc)  # quotations done
    fast = voice._voice_layer_if_any(document.Document(text))
    layer = voice.voice_layer(doc)
    if fast is None:
        assert layer == voice.VoiceLayer()


def test_merge_as_before() -> None:
    import random

    rng = random.Random(7)
    for _ in range(5000):
        intervals = [(rng.randint(0, 20), rng.randint(0, 20)) for _ in range(rng.randint(0, 6))]
        assert voice._merge(intervals) == _old_merge(intervals)


def test_needles() -> None:
    assert voice._needles(frozenset({"würde", "würden", "würdet"})) == ("würde",)
    assert voice._needles(frozenset({"ohne", "zu"})) == ("ohne", "zu")


LEADING_SENTENCES = [
    "Das ist ganz, ganz schlimm, und sehr sehr teuer.",
    "Es ist doch seltsam, dass niemand fragt.",
    "Man fragt sich, ob das nicht unerheblich ist.",
    "Er müsste das wissen, sie dürfen es nicht.",
    "Wer glaubt denn noch an Frieden? Wie praktisch!",
    "Das hat Moskau in die Hände gespielt, und er goss Öl ins Feuer.",
    "Eine Art Staatsstreich, nichts anderes als ein Putsch.",
]


def test_leading_literals_start_every_match() -> None:
    """A search from the first leading literal finds what the whole search finds."""
    import mediakit
    from mediakit.evaluative.constructions import _leadings, _prepared

    texts = LEADING_SENTENCES + [doc.body for doc in mediakit.load_corpus()]
    for row, leading in zip(_prepared(), _leadings(), strict=True):
        pattern = row[1]
        if not leading:
            continue
        for text in texts:
            full = [m.span() for m in pattern.finditer(text)]
            for start, _ in full:
                assert any(text.startswith(literal, start) for literal in leading)
            found = [i for i in (text.find(literal) for literal in leading) if i >= 0]
            windowed = [m.span() for m in pattern.finditer(text, min(found))] if found else []
            assert windowed == full
