"""The one parse: sentences, paragraphs, quote regions, words."""

from __future__ import annotations

import json

import pytest

import mediakit
from mediakit.document import find_paragraphs, parse


def texts(spans):
    return [s.text for s in spans]


def test_quote_closing_punctuation_does_not_end_the_sentence():
    text = "Sie sagt: „Ich komme zu spät zur Arbeit!“ Wann ist endlich Schluss?"
    assert texts(mediakit.split_sentences(text)) == [
        "Sie sagt: „Ich komme zu spät zur Arbeit!“",
        "Wann ist endlich Schluss?",
    ]


def test_frame_after_quote_stays_in_the_sentence():
    text = "„Schade!“, sagte er. Dann ging er."
    assert texts(mediakit.split_sentences(text)) == ["„Schade!“, sagte er.", "Dann ging er."]


def test_quote_opened_inside_a_sentence_is_not_split():
    text = "Trump schrieb: „Wir sprachen lange. Es war gut.“ Dann legte er auf."
    assert texts(mediakit.split_sentences(text)) == [
        "Trump schrieb: „Wir sprachen lange. Es war gut.“",
        "Dann legte er auf.",
    ]


def test_dates_ordinals_and_abbreviations_do_not_end_sentences():
    text = (
        "12.02.2025 - 18:27:49\n\nAm 3. Februar sprach Dr. Weber z. B. über Renten, "
        "Löhne usw. und Steuern. Das war's."
    )
    assert texts(mediakit.split_sentences(text)) == [
        "12.02.2025 - 18:27:49",
        "Am 3. Februar sprach Dr. Weber z. B. über Renten, Löhne usw. und Steuern.",
        "Das war's.",
    ]


def test_number_at_sentence_end_before_pronoun():
    text = "Auf einer Skala bis 10 sei das nur eine 3. Er schlug mehr vor."
    assert len(mediakit.split_sentences(text)) == 2


def test_headline_without_full_stop_is_its_own_sentence():
    text = "Die Botschaft aus dem Kreml\nAus dem Kreml hieß es, Putin sei bereit."
    assert texts(mediakit.split_sentences(text)) == [
        "Die Botschaft aus dem Kreml",
        "Aus dem Kreml hieß es, Putin sei bereit.",
    ]


def test_hard_wrapped_lines_are_joined():
    assert find_paragraphs("Ein Satz, der\numbricht.\n\nNeu.") == [(0, 23), (25, 29)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte „ja“ und »nein«.", ["„ja“", "»nein«"]),
        ("Der Sprecher «bestätigte» das.", ["«bestätigte»"]),
        ('Laut "Bitcoin.com News" war es "lang".', ['"Bitcoin.com News"', '"lang"']),
        ("Das ,,Angebot“ war keins.", [",,Angebot“"]),
        ("Er sagte: „Sie nannte es ‚Unsinn‘.“", ["„Sie nannte es ‚Unsinn‘.“", "‚Unsinn‘"]),
        ("Das war's, geht’s noch?", []),
    ],
)
def test_quote_regions_in_every_style(text, expected):
    assert texts(parse(text).quote_regions) == expected


def test_unclosed_quote_ends_at_its_paragraph():
    text = "Er sagte: „Das geht so nicht.\n\nZweiter Absatz ohne Zitat. Noch ein Satz."
    doc = parse(text)
    (region,) = doc.quote_regions
    assert not region.closed
    assert region.end == text.index("\n")
    assert len(doc.sentences) == 3


def test_mismatched_closing_mark_still_closes():
    text = "„Ich glaube, das wird gut!« Und weiter."
    (region,) = parse(text).quote_regions
    assert region.text == "„Ich glaube, das wird gut!«"


def test_quote_depth_marks_quoted_tokens():
    doc = parse("Er sagte „ja“ dazu.")
    depths = {t.text: doc.quote_depth(t.i) for t in doc.doc}
    assert depths["ja"] == 1 and depths["sagte"] == 0


def test_spacy_doc_carries_the_sentences():
    doc = parse("Der Kanzler kam. Er sprach. Dann ging er.")
    assert [s.text for s in doc.doc.sents] == texts(doc.sentences)


def test_news_style_cases(shared):
    cases = json.loads(shared("data", "sentences", "news_style_cases.json").read_text("utf-8"))
    for case in cases:
        doc = parse(case["text"])
        assert len(doc.sentences) == case["gold_sentences"], case["kind"]
        assert doc.n_words == case["gold_words"], case["kind"]


@pytest.mark.parametrize("bad", [None, b"Text", 42, ["Text"]])
def test_non_text_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"erwartet wird ein Text \(str\)"):
        mediakit.split_sentences(bad)


def test_html_page_is_a_value_error():
    with pytest.raises(ValueError, match="HTML"):
        mediakit.split_sentences("<html><body><script>x()</script><p>Hallo</p></body></html>")


@pytest.mark.parametrize("text", ["", "   \n\n ", "„", "„“»«", "“" * 50])
def test_degenerate_text_gives_sensible_result(text):
    doc = parse(text)
    for span in doc.sentences + list(doc.quote_regions):
        assert text[span.start : span.end] == span.text


def test_no_spacy_affix_rule_matches_a_string_of_letters():
    """The pipeline answers "no affix" for all-letter strings without asking spaCy's
    patterns; this holds for every letter of Unicode, alone and between letters."""
    import sys

    import spacy

    original = spacy.blank("de").tokenizer
    letters = [
        chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and chr(c).isalpha()
    ]
    assert len(letters) > 100_000
    for c in letters:
        assert original.prefix_search(c + "a") is None, repr(c)
        assert original.suffix_search("a" + c) is None, repr(c)
        assert next(original.infix_finditer("a" + c + "a"), None) is None, repr(c)
    words = {w for text in (d.body for d in mediakit.load_corpus()) for w in text.split()}
    for word in (w for w in words if w.isalpha()):
        assert original.prefix_search(word) is None, word
        assert original.suffix_search(word) is None, word
        assert next(original.infix_finditer(word), None) is None, word


def test_tokens_are_spacys_own():
    """The shortcut changes no token: mediakit's pipeline splits as spaCy's does."""
    import spacy

    from mediakit.document import _abbreviations, nlp

    reference = spacy.blank("de")
    for abbreviation in _abbreviations():
        reference.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    texts = [d.body for d in mediakit.load_corpus()] + [
        "20km, 5€ und US$3; Ökofaschisten… „Zitat“ (dpa) EU-Bürokratie z. B. 3. Februar",
        "ⓐⓑ ǅemal Ⅻ İstanbul ﷼12 °C. km² www.example.org a/b",
    ]
    for text in texts:
        assert [t.text for t in nlp().tokenizer(text)] == [t.text for t in reference(text)]
    # spaCy's serialisation still stores the original patterns
    for name in ("prefix_search", "suffix_search", "infix_finditer"):
        ours, theirs = getattr(nlp().tokenizer, name), getattr(reference.tokenizer, name)
        assert ours.__self__.pattern == theirs.__self__.pattern
    restored = spacy.blank("de")
    restored.tokenizer.from_bytes(nlp().tokenizer.to_bytes(exclude=["vocab"]))
    assert [t.text for t in restored.tokenizer(texts[-1])] == [t.text for t in reference(texts[-1])]


def test_quick_lexical_attributes_equal_spacys():
    """The vocabulary's shortcut attribute functions give spaCy's own values."""
    import random
    import sys

    import spacy

    from mediakit import document
    from mediakit.document import nlp

    original = spacy.blank("de").vocab.lex_attr_getters
    quick = nlp().vocab.lex_attr_getters
    # ours has one more: the flag that marks word forms (mediakit.document.is_word)
    assert quick.keys() == original.keys() | {document._WORD_FLAG}
    assert quick[document._WORD_FLAG] is document.is_word
    words = {w for d in mediakit.load_corpus() for w in d.body.split()}
    words |= {t for d in mediakit.load_corpus() for t in parse(d.body).token_texts}
    words |= {"x", "Xx", "ǅemal", "ǅ", "ªb", "Aªb", "ŉ", "ß", "SS", "İstanbul", "a" * 150}
    words |= {"www.x.de", "http://a", "a@b.de", "3,5", "-4", "1/2", "€", "$", "...", "„", "km²"}
    words |= {"''", "``", "‘‘", "’’", "(("}
    rng = random.Random(7)
    letters = [chr(c) for c in range(0x250) if chr(c).isalpha()]
    words |= {"".join(rng.choices(letters, k=rng.randint(1, 12))) for _ in range(20_000)}
    # every letter of Unicode (the shortcuts' branch), and every character of the
    # first blocks (punctuation, symbols, digits)
    words |= {
        chr(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and (c < 0x3000 or chr(c).isalpha())
    }
    for attr, function in original.items():
        if quick[attr] is function:
            continue
        for word in words:
            assert quick[attr](word) == function(word), (attr, word)
    doc = nlp().tokenizer("Die USA, www.example.org und 3,5 % – „Zitat“!")
    assert [t.shape_ for t in doc][:3] == ["Xxx", "XXX", ","]
    assert [t.like_url for t in doc][3] and doc[5].like_num and doc[-2].is_quote


# ---------------------------------------------------------------------------
# Linear-time tokenisation of long runs (issue 14)
# ---------------------------------------------------------------------------


def _dev_texts() -> list[str]:
    """The corpus bodies, the seeds, Wikinews dev and subjectivity dev (what is present)."""
    import csv
    import os
    from pathlib import Path

    SHARED = Path(os.environ.get("MEDIAKIT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    found = [d.body for d in mediakit.load_corpus()]
    found += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for path in sorted((SHARED / "data" / "quotes" / "dev").glob("*.json")):
        found.append(json.loads(path.read_text(encoding="utf-8")).get("originalText") or "")
    subjectivity = SHARED / "data" / "subjectivity" / "dev_de.tsv"
    if subjectivity.is_file():
        with subjectivity.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
        found.append("\n\n".join(row[1] for row in rows if len(row) > 1))
    return [t for t in found if t]


def _spacy_tokens(text: str) -> list[str]:
    from mediakit.document import nlp

    return [t.text for t in nlp().tokenizer(text)]


def _tokens(text: str) -> list[str]:
    from mediakit.document import tokenize

    return [t.text for t in tokenize(text)]


def test_tokenize_gives_spacys_tokens_on_the_dev_texts():
    texts = _dev_texts()
    assert len(texts) >= 5  # the corpus bodies at least; ../shared, when present, adds the rest
    for text in texts:
        assert _tokens(text) == _spacy_tokens(text)


def test_the_long_run_path_gives_spacys_tokens_on_ordinary_text(monkeypatch):
    """Force every chunk through the peeling loop (tiny windows): the tokens stay spaCy's."""
    import re

    from mediakit import document

    monkeypatch.setattr(document, "_LONG_CHUNK", re.compile(r"\S{2,}"))
    monkeypatch.setattr(document, "_PEEL_WINDOW", 3)
    monkeypatch.setattr(document, "_PEEL_MARGIN", 1)
    for text in _dev_texts()[:40]:
        assert _tokens(text) == _spacy_tokens(text)


@pytest.mark.parametrize(
    "run",
    [
        "(",
        ")",
        "[",
        "…",
        "!",
        "?",
        "!?",
        ",,",
        "«»",
        "„“",
        "😂",
        "👍",
        "-",
        "*",
        '"',
        "€",
        ".",
        "?!…",
    ],
)
def test_a_long_run_gives_spacys_tokens(run):
    # 300 characters: spaCy alone still answers quickly, so both can be compared
    for text in (
        run * 300,
        "Hallo" + run * 300,
        run * 300 + "Welt",
        f"Sie sagt {run * 200}nein{run * 200}.",
    ):
        assert _tokens(text) == _spacy_tokens(text), text[:20]


@pytest.mark.parametrize("run", ["(", "😂", "…", "!?", ",,", "«»"])
def test_a_run_of_16000_marks_is_parsed_in_linear_time(run):
    """A run that took spaCy minutes: every mark is its own token, offsets intact."""
    text = "Er schrie " + run * (16_000 // len(run)) + " und ging."
    doc = parse(text)
    assert doc.text == text
    assert doc.token_texts[:2] == ["Er", "schrie"] and doc.token_texts[-3:] == ["und", "ging", "."]
    assert all(
        text[s:e] == t
        for s, e, t in zip(doc.token_starts, doc.token_ends, doc.token_texts, strict=True)
    )
    assert len(doc.token_texts) >= 3 + 16_000 // 2


# ---------------------------------------------------------------------------
# Memory: no cache of whole documents, a bounded vocabulary (issue 14)
# ---------------------------------------------------------------------------


def test_parse_keeps_no_document_nobody_holds():
    import gc
    import weakref

    from mediakit import document

    text = "Der Kreml bestätigte das Telefonat. Es dauerte lange."
    first = parse(text)
    assert parse(text) is first  # held by the caller: not parsed again
    ref = weakref.ref(first)
    del first
    gc.collect()
    assert ref() is None
    assert text not in document._CACHE


def test_a_fresh_vocabulary_after_the_limit_gives_the_same_results(monkeypatch):
    from mediakit import analyze, document

    text = "„Wir prüfen das“, sagte der Sprecher. Kritiker nennen den Plan eine Farce."
    before = analyze(text).metrics
    old = document.nlp()
    monkeypatch.setattr(document, "VOCABULARY_LIMIT", len(old.vocab) + 5)
    for number in range(20):
        parse(f"Ein Wort namens Neuwort{number}x steht hier.")
    assert document.nlp() is not old
    assert len(document.nlp().vocab) <= document.VOCABULARY_LIMIT + 50
    after = analyze(text).metrics
    # NaN by value: the compiled core (setup.py) does not keep a NaN's identity
    assert after.keys() == before.keys()
    assert all(
        after[k] == before[k] or (after[k] != after[k] and before[k] != before[k]) for k in after
    )


def test_memos_stay_bounded():
    from mediakit.document import MEMO_LIMIT, memo_map

    memo: dict = {}
    for start in range(0, 3 * MEMO_LIMIT, 10_000):
        memo_map(memo, [f"w{i}" for i in range(start, start + 10_000)], len, 10**9)
        assert len(memo) <= MEMO_LIMIT


# ---------------------------------------------------------------------------
# str subclasses (issue 14)
# ---------------------------------------------------------------------------


class _Hostile(str):
    """A str that claims to equal everything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def test_str_subclasses_are_analysed_as_their_str_value():
    import numpy

    text = "Der Kreml bestätigte das Telefonat. Es dauerte lange."
    other = "Ganz anders: „Nie wieder“, rief sie."
    held = parse(other)  # in the cache: a hostile __eq__ must not fetch it
    for value in (numpy.str_(text), _Hostile(text)):
        doc = parse(value)
        assert type(doc.text) is str and doc.text == text
        assert doc is not held and doc.n_words == 8
        assert mediakit.analyze(value).metrics == mediakit.analyze(text).metrics
    assert parse(_Hostile(other)).text == other


@pytest.mark.parametrize("sep", [" ", "  ", "\xa0", "\t", "\n", "\n\n", "\u2028", "\u3000", "\r\n"])
def test_a_long_run_between_any_whitespace_keeps_spacys_tokens_and_spaces(sep):
    from mediakit.document import nlp, tokenize

    run = "(" * 70 + "Wort" + ")" * 70
    for text in (sep + run, run + sep, f"Er{sep}{run}{sep}ging.", sep.join([run] * 3)):
        ours, theirs = tokenize(text), nlp().tokenizer(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]


def test_chunks_after_a_special_case_are_cached_with_the_same_tokens():
    """A long text: its new chunks are tokenized one by one first (so spaCy caches
    them even after an abbreviation); the tokens and spaces are those of a reference
    tokenizer that never saw the text, on every sight."""
    import spacy

    from mediakit import document
    from mediakit.document import _abbreviations, tokenize

    reference = spacy.blank("de")
    for abbreviation in _abbreviations():
        reference.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    sentence = (
        "Der Verein (gegr. 1921) plant z. B. am 3. Nov. ein Fest, sagte Frau Dr. Kaiser; "
        "„Wir feiern!“, rief der Vorstand – u. a. mit Musik, Tanz und Kuchen. "
    )
    text = "".join(f"{sentence}Runde{i}: Neuwortwarm{i}x kam, (Zusatz{i}). " for i in range(12))
    assert len(text) >= document._WARM_FROM_CHARS
    expected = [(t.text, t.whitespace_) for t in reference(text)]
    for _ in range(3):
        assert [(t.text, t.whitespace_) for t in tokenize(text)] == expected
    assert "Neuwortwarm11x" in document._WARM_CHUNKS and "(Zusatz3)." in document._WARM_CHUNKS


def test_a_dead_parse_does_not_drop_a_newer_one_of_the_same_text():
    import weakref

    from mediakit import document

    text = "Die Fähre legte pünktlich ab. Am Abend regnete es."
    old = document.Document(text)
    old_ref = weakref.ref(old)
    newer = parse(text)
    document._forget(text, old_ref)  # a late callback of another Document
    assert parse(text) is newer
    del newer
    assert text not in document._CACHE


def _token_lists(doc):
    return (doc.token_starts, doc.token_ends, doc.token_texts, doc.words, doc.token_is_space)


@pytest.mark.parametrize(
    "text",
    [
        "Der Verein (gegr. 1921) plant z. B. am 3. Nov. ein Fest, sagte Frau Dr. Kaiser.",
        "Er lachte :) und ging ( :-) ) nach Hause; das war's, meinte Peter B. Müller.",
        "Sie sagte: (lacht) „Wir kommen!“ – dann kam er : ) und sie : (",
        "Zeile eins\nZeile zwei.\n\nNeuer Absatz mit Tab\tund Ende.\n",
        "Zwei  Leerzeichen, ein\u00a0geschütztes und ein Zeilenende \nmit Leerzeichen.",
        " Vorne ein Leerzeichen und hinten eins. ",
        "Die Adresse https://example.org/a/b/. steht da; siehe S. 3 bzw. Abb. 4.",
        "Geht's? 'ne Menge Leute gingen mit 's Auto – o. k., sagte er.",
        "„" + "!" * 80 + "“ rief er, und (" * 3 + " dann nichts mehr.",
        "Er kam.  Sie ging,  sagte z.  B. Dr.  Kaiser  :)  und ( :-)  ).",
        "Drei   Leerzeichen,  zwei  \nvor einem Zeilenende und\n  danach.  Ende.",
    ],
)
def test_tokens_from_the_piece_memo_are_spacys(text):
    """A text whose pieces (runs between spaces) are all known is tokenized from the
    piece memo, without spaCy; its tokens are those of spaCy's own pass."""
    from mediakit import document

    document._CACHE.clear()
    document._PIECES.clear()
    first = document.Document(text)  # spaCy's pass (new pieces), the memo learns them
    assert first._doc is not None
    again = document.Document(text)  # from the memo where it can be
    assert _token_lists(again) == _token_lists(first)
    assert [t.text for t in again.doc] == first.token_texts
    # the same pieces in another order and company
    shuffled = " ".join(reversed(text.split(" ")))
    document._CACHE.clear()
    memo = document.Document(shuffled)
    saved = dict(document._PIECES)
    document._PIECES.clear()
    document._CACHE.clear()
    reference = document.Document(shuffled)
    document._PIECES.update(saved)
    assert _token_lists(memo) == _token_lists(reference)


def test_a_sentence_of_known_pieces_needs_no_spacy_doc():
    from mediakit import document

    document._CACHE.clear()
    document.Document("Der Minister sagte, er komme am Montag nicht.")
    doc = document.Document("Der Minister sagte, er komme nicht.")
    assert doc._doc is None  # every piece known: tokens from the memo
    assert doc.token_texts[-2:] == ["nicht", "."] and doc.n_words == 6
    assert [s.text for s in doc.doc.sents] == [doc.text]  # the spaCy Doc on first use


def test_a_double_space_is_served_by_the_piece_memo():
    """The second space of a double space is a token of its own (an empty piece)."""
    from mediakit import document

    document._CACHE.clear()
    first = document.Document("Die Bahn  streikt.  Wann ist  Schluss?")
    again = document.Document("Die Bahn  streikt.  Wann ist  Schluss?")
    assert again._doc is None  # from the memo
    assert _token_lists(again) == _token_lists(first)
    assert again.token_texts[2] == " " and again.token_is_space[2] and 2 not in again.words
    assert [s.text for s in again.sentences] == ["Die Bahn  streikt.", "Wann ist  Schluss?"]
    # three spaces in a row, or two before a line break: spaCy's tokens, not the memo's
    assert document._memo_pieces("Die Bahn   streikt.") is None
    assert document._memo_pieces("Die Bahn  \nstreikt.") is None


def test_a_long_text_neither_uses_nor_feeds_the_piece_memo():
    """Past ``_MEMO_MAX_TEXT`` characters spaCy tokenizes and the memo learns nothing."""
    from mediakit import document

    document._CACHE.clear()
    sentence = "Die Ministerin Quarkenbrügge erklärte am Montag, die Lage sei ernst. "
    long_text = (sentence * (document._MEMO_MAX_TEXT // len(sentence) + 1)).strip()
    doc = document.Document(long_text)
    assert "Quarkenbrügge" not in document._PIECES
    assert doc._doc is not None and doc.token_texts[:3] == ["Die", "Ministerin", "Quarkenbrügge"]
    document.Document(sentence.strip())  # a short text still feeds it
    assert "Quarkenbrügge" in document._PIECES
