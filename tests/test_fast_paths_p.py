"""Fast paths of the parse, readability and the assembly give what the general code gives.

* the one-sentence shortcut of ``Document.__init__`` (a memo text in one paragraph whose
  only possible sentence end is its last token) against ``_sentence_starts`` and
  ``_set_sentences``;
* the input check skipped for a plain ``str`` without ``<`` against :func:`check_text`;
* readability's packed word counts (16-bit fields, summed in chunks) against the word
  evidence, its result built without the dataclass ``__init__`` against one built with
  it, and the formulas written out in ``metrics`` against the formula functions.

Every check runs on self-written German sentences, edge cases included.
"""

from __future__ import annotations

import dataclasses
import importlib
import math

import pytest

import mediakit
from mediakit import document
from mediakit.readability import (
    Readability,
    flesch_amstad,
    readability,
    smog_de,
    wiener_sachtextformel,
)

readability_module = importlib.import_module("mediakit.readability")

SENTENCES = [
    "Der Kanzler kam.",
    "Der Kanzler kam",
    "Kanzler",
    ".",
    "…",
    "?!",
    "Die Opposition kritisierte die Regierung scharf.",
    "Am 3. Februar kam Dr. Weber nach Berlin.",
    "Das betrifft z. B. Rentner. Die Debatte dauert an.",
    "Was für ein Chaos! Die Bahn streikt schon wieder. Wann ist endlich Schluss?",
    "Er sagte: „Das ist ein völlig absurder Vorschlag“, und ging.",
    "„Schade!“, sagte er.",
    "Sie sagt: „Ich komme zu spät!“ Wann ist endlich Schluss?",
    "Im Jahr 1901 kam er nach Wien; dort blieb er bis 1938.",
    "Die Werte: 9,8 %; 5,3 %.",
    "Er kam (vgl. S. 3; S. 7) spät.",
    "Auf Platz 19. Trainer Müller ist zufrieden.",
    "Albert II. von Monaco kam.",
    "C.Y. Leung sprach zuerst.",
    "Mehr unter https://www.example.de/artikel oder leserbriefe@zeitung.de!",
    "Zwei  Leerzeichen  hier.",
    "Ein Satz.  Noch einer.",
    "Kein Ende mit Punkt. ",
    " Vorne ein Leerzeichen.",
    "Ein\u00a0geschütztes Leerzeichen.",
    "Titel\nErster Satz.",
    "Absatz eins.\n\nAbsatz zwei hat mehr Wörter als der erste Absatz.",
    "Tab\tdazwischen.",
    "(Ein Satz in Klammern.)",
    "»Wer das sagt«, meinte sie, »irrt sich.«",
    "Er fragte: 'Wirklich?' Dann ging er.",
    "Donaudampfschifffahrtsgesellschaftskapitän Müller-Lüdenscheidt lächelte.",
    "Am 12.02.2025 telefonierten sie um 14:30 Uhr zum 3. Mal.",
    "Die EU-Kommission und Dr. Weber widersprachen der Haushaltsdebatte usw.",
    "a e i o u ä ö ü",
    "„“ … –",
]


def _warm(text: str) -> document.Document:
    """The document of ``text`` once the piece memo knows its pieces (the steady state)."""
    document.Document(text)
    return document.Document(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_are_those_of_the_general_rules(text: str) -> None:
    doc = _warm(text)
    starts = document._sentence_starts(
        doc.token_starts,
        doc.token_is_space,
        doc.token_texts,
        doc.text,
        doc.paragraph_of_token,
        doc.quote_regions,
    )
    if starts:
        starts[0] = True
    assert doc.token_is_sent_start == starts
    assert doc.sentences == doc._set_sentences(starts)
    # and those of a parse by spaCy (a cold piece memo)
    saved = dict(document._PIECES)
    document._PIECES.clear()
    try:
        cold = document.Document(text)
    finally:
        document._PIECES.clear()
        document._PIECES.update(saved)
    assert cold.token_texts == doc.token_texts
    assert cold.token_is_sent_start == doc.token_is_sent_start
    assert cold.sentences == doc.sentences


def test_the_one_sentence_shortcut_is_taken() -> None:
    # the memo serves these texts, one paragraph, no possible sentence end but the last
    for text in ("Der Kanzler kam.", "Kanzler", "Zwei  Leerzeichen  hier."):
        doc = _warm(text)
        pieces = document._split_pieces(text)
        assert pieces is not None
        lists = document._tokens_from_pieces(pieces, text)
        assert lists is not None and lists[5]  # printable
        assert not any(lists[4][:-1])
        assert [s.text for s in doc.sentences] == [text]
        assert doc.sentences[0].label == "sentence"


class _Str(str):
    def __len__(self) -> int:  # a subclass's own methods must never be used
        return 0


def test_the_input_check_is_kept() -> None:
    text = document.Document(_Str("Der Kanzler kam.")).text
    assert type(text) is str and text == "Der Kanzler kam."
    assert type(document.parse(_Str("Er kam.")).text) is str
    with pytest.raises(ValueError):
        document.Document("<html><body><p>Seite</p></body></html>")
    with pytest.raises(ValueError):
        document.parse("<html><body><p>Seite</p></body></html>")
    with pytest.raises(TypeError):
        document.Document(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        document.parse(b"Er kam.")  # type: ignore[arg-type]
    # a "<" that is no HTML page stays allowed
    assert document.Document("Wenn a < b gilt, kam er.").n_words == 6


def _plain_counts(r: Readability) -> tuple[int, int, int, int, int]:
    words = r.word_counts
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
def test_packed_counts_in_small_chunks(numbers: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*SENTENCES, " ".join(SENTENCES)]
    expected = [_plain_counts(readability(document.Document(t), numbers=numbers)) for t in texts]
    # chunks of 3 words: every text with more words takes the chunked sum
    monkeypatch.setattr(readability_module, "_CHUNK_WORDS", 3)
    got = [_counts(readability(document.Document(t), numbers=numbers)) for t in texts]
    assert got == expected


def test_chunked_counts_unpack_every_chunk() -> None:
    facts = [(1, 3), (3, 8), (7, 20), (2, 2), (1, 1)] * 30_000  # (syllables, letters)
    packed = [readability_module._packed(f) for f in facts]
    assert readability_module._chunked_counts(packed) == (
        sum(s for s, _ in facts),
        sum(1 for _, n in facts if n > 6),
        sum(1 for s, _ in facts if s >= 3),
        sum(1 for s, _ in facts if s == 1),
    )


def test_packed_counts_past_a_c_long() -> None:
    # more than 32,767 syllables: the sum goes on with Python ints, exactly
    text = " ".join(["Donaudampfschifffahrtsgesellschaftskapitän Haushaltsdebatte."] * 3000)
    r = readability(document.Document(text))
    assert r.syllables > 40_000
    assert _counts(r) == _plain_counts(r)


@pytest.mark.parametrize("numbers", ["word", "spoken"])
@pytest.mark.parametrize("text", SENTENCES)
def test_result_is_the_dataclass(text: str, numbers: str) -> None:
    fast = readability(document.Document(text), numbers=numbers)
    plain = Readability(**{f.name: getattr(fast, f.name) for f in dataclasses.fields(Readability)})
    assert type(fast) is Readability
    assert list(vars(fast).items()) == list(vars(plain).items())
    assert fast == plain and repr(fast) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.words = 3  # type: ignore[misc]


@pytest.mark.parametrize("text", [*SENTENCES, "", " ".join(SENTENCES)])
def test_metrics_are_the_formulas(text: str) -> None:
    r = readability(document.Document(text))
    m = r.metrics
    if not r.words or not r.sentences:
        return
    asl, asw = r.words / r.sentences, r.syllables / r.words
    ms = 100.0 * r.polysyllabic_words / r.words
    iw = 100.0 * r.long_words / r.words
    es = 100.0 * r.monosyllabic_words / r.words
    assert m["flesch_amstad"] == flesch_amstad(asl, asw) == r.flesch_amstad
    for variant in (1, 2, 3, 4):
        expected = wiener_sachtextformel(variant, ms, asl, iw, es)
        assert m[f"wstf{variant}"] == expected == getattr(r, f"wstf{variant}")
    assert m["lix"] == r.lix
    assert m["smog_de"] == smog_de(r.polysyllabic_words, r.sentences) == r.smog_de
    assert all(type(v) is float and math.isfinite(v) for v in m.values())


@pytest.mark.parametrize("text", SENTENCES)
def test_analysis_to_dict_is_stable(text: str) -> None:
    # the same analysis twice (warm memos, a fresh parse): the same dict
    first = mediakit.analyze(text).to_dict()
    document._CACHE.clear()
    # (to_dict holds no NaN: a missing figure is None)
    assert mediakit.analyze(document.Document(text)).to_dict() == first


@pytest.mark.parametrize("text", SENTENCES)
def test_word_texts_from_the_memo_are_picked_by_index(text: str) -> None:
    doc = _warm(text)
    assert doc.word_texts == [doc.token_texts[i] for i in doc.words]
    doc.cache.pop("word_texts", None)  # the property's own way
    assert doc.word_texts == [doc.token_texts[i] for i in doc.words]
    assert readability(doc).sentence_words == readability_module._words_per_sentence(doc)


@dataclasses.dataclass(frozen=True, slots=True)
class _GeneratedSpan:
    start: int
    end: int
    text: str
    label: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class _GeneratedRegion:
    start: int
    end: int
    open_mark: str
    close_mark: str
    closed: bool
    depth: int
    text: str = dataclasses.field(repr=False, default="")


def _state(obj: object) -> list[tuple[str, object]]:
    return [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ours", "generated", "args", "kwargs"),
    [
        (document.TextSpan, _GeneratedSpan, (0, 4, "Kurz"), {}),
        (document.TextSpan, _GeneratedSpan, (3, 9, "Kanzler", "sentence"), {}),
        (document.TextSpan, _GeneratedSpan, (), {"start": 1, "end": 2, "text": "a", "label": "x"}),
        (document.QuoteRegion, _GeneratedRegion, (10, 15, "„", "“", True, 0, "„ja“"), {}),
        (document.QuoteRegion, _GeneratedRegion, (10, 15, "„", "", False, 1), {}),
    ],
)
def test_spans_are_the_generated_dataclasses(ours, generated, args, kwargs) -> None:  # type: ignore[no-untyped-def]
    import inspect
    import pickle

    mine, theirs = ours(*args, **kwargs), generated(*args, **kwargs)
    assert _state(mine) == _state(theirs)
    assert repr(mine).split("(", 1)[1] == repr(theirs).split("(", 1)[1]
    assert hash(mine) == hash(ours(*args, **kwargs)) and mine == ours(*args, **kwargs)
    # the same parameters (names, kinds, defaults, annotations)
    assert list(inspect.signature(ours).parameters.values()) == list(
        inspect.signature(generated).parameters.values()
    )
    assert ours.__match_args__ == generated.__match_args__
    assert pickle.loads(pickle.dumps(mine)) == mine
    moved = dataclasses.replace(mine, start=0)
    assert type(moved) is ours
    assert _state(moved) == _state(dataclasses.replace(theirs, start=0))
    with pytest.raises(dataclasses.FrozenInstanceError):
        mine.start = 5
    with pytest.raises(TypeError):
        ours()


def test_a_subclass_of_a_span_takes_the_generic_init() -> None:
    class Labelled(document.TextSpan):
        __slots__ = ()

    span = Labelled(1, 3, "ab", "x")
    assert (span.start, span.end, span.text, span.label) == (1, 3, "ab", "x")
    assert span.to_dict() == {"start": 1, "end": 3, "text": "ab", "label": "x"}
