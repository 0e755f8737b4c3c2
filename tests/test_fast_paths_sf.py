"""Shortcuts of the parse against their plain definitions (round 9, single sentences).

A sentence parsed from the piece memo takes its quote-mark and printable tests, its
sentence-end candidates and its one-sentence span from facts kept per piece or per
token form;
its paragraphs are made on first use, and ``memo_map`` reads a memo in one call when
every key is known. Each test compares such a shortcut with the plain way, on
self-written German sentences, once spaCy tokenized them and once from the memo.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from test_properties import PROPERTY, texts

from mediakit import document
from mediakit.document import Document, TextSpan, find_paragraphs, memo_map

SENTENCES = [
    "Die Bahn streikt am Montag.",
    "Sie sagt: „Ich komme zu spät!“ Wann ist endlich Schluss?",
    "Am 3. Februar kam Dr. Weber, z. B. mit dem Zug.",
    "Er nannte das »absurd«.",
    'Die sogenannte "Reform" ist gescheitert; 9,8 %; 5,3 %.',
    "Ohne Punkt am Ende",
    "Ja. Nein! Vielleicht? Gut…",
    "Wer kam ,,heute\u201c zu spät?",
    "Der Preis stieg um 5 %  auf 3,20 Euro.",
    "Titel\nErster Satz.\n\nZweiter Absatz mit\u00a0Leerzeichen.",
    "Das war's, sagte er (vgl. S. 3; S. 7).",
]


def _plain_sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentence spans from token_is_sent_start, blanks at either edge left out."""
    spans: list[tuple[int, int]] = []
    keep = [i for i, blank in enumerate(doc.token_is_space) if not blank]
    if not keep:
        return spans
    group: list[int] = []
    for i in keep:
        if group and doc.token_is_sent_start[i]:
            spans.append((doc.token_starts[group[0]], doc.token_ends[group[-1]]))
            group = []
        group.append(i)
    spans.append((doc.token_starts[group[0]], doc.token_ends[group[-1]]))
    return spans


def _check(text: str) -> None:
    doc = Document(text)
    assert doc.has_quote_marks == (not document._no_quote_mark(text))
    assert [(p.start, p.end) for p in doc.paragraphs] == find_paragraphs(text)
    assert all(p.label == "paragraph" and p.text == text[p.start : p.end] for p in doc.paragraphs)
    assert doc.paragraphs is doc.paragraphs  # made once
    assert [(s.start, s.end) for s in doc.sentences] == _plain_sentences(doc)
    assert all(s.text == text[s.start : s.end] for s in doc.sentences)


@pytest.mark.parametrize("text", SENTENCES)
def test_memo_and_spacy_parse_agree_with_the_plain_definitions(text: str) -> None:
    saved = dict(document._PIECES)
    document._PIECES.clear()
    try:
        _check(text)  # spaCy tokenizes, the memo learns the pieces
    finally:
        document._PIECES.update(saved)
    spacy_doc = Document(text)
    memo_doc = Document(text)  # from the memo where the spacing allows it
    for name in ("token_texts", "token_starts", "token_is_sent_start", "has_quote_marks"):
        assert getattr(memo_doc, name) == getattr(spacy_doc, name)
    _check(text)


def test_memo_pieces_know_their_quote_marks_and_sentence_ends() -> None:
    for text in SENTENCES:
        Document(text)
    for piece, entry in document._PIECES.items():
        tokens = entry[0::5]
        assert "".join(tokens) == (piece or " ")
        assert list(entry[4::5]) == [bool(document._is_candidate(t)) for t in tokens]
        assert (piece in document._QUOTE_PIECES) == (not document._no_quote_mark(piece))
        assert (piece in document._UNPRINTABLE_PIECES) == (not piece.isprintable())
        odd = (
            piece in document._PAIR_STARTS
            or piece in document._QUOTE_PIECES
            or piece in document._UNPRINTABLE_PIECES
        )
        assert (piece in document._ODD_PIECES) == odd


def test_paragraphs_are_made_on_first_use() -> None:
    doc = Document("Erster Absatz.\n\nZweiter Absatz.")
    assert doc._paragraphs is None
    assert doc.paragraphs == [
        TextSpan(0, 14, "Erster Absatz.", "paragraph"),
        TextSpan(16, 31, "Zweiter Absatz.", "paragraph"),
    ]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], []),
        (["Haus"], [4]),
        (["Haus", "Maus", "Haus"], [4, 4, 4]),
        (["Haus", "Baum"], [4, 4]),  # "Baum" new: computed and kept
    ],
)
def test_memo_map_with_known_and_new_keys(keys: list[str], expected: list[int]) -> None:
    memo = {"Haus": 4, "Maus": 4}
    values = memo_map(memo, keys, len, 10)
    assert values == expected and isinstance(values, list)
    assert set(keys) <= set(memo)
    values.append(0)  # a fresh list each time, never the memo's own
    assert memo_map(memo, keys, len, 10) == expected


@PROPERTY
@given(texts)
def test_parse_shortcuts_on_random_text(text: str) -> None:
    _check(text)
    _check(text)  # second time from the memo
