"""German readability: counts, formulas, evidence, textstat side by side, bad input."""

from __future__ import annotations

import json
import math
import weakref
from pathlib import Path

import pytest

import mediakit
from mediakit.document import parse
from mediakit.readability import (
    NO_WORDS_NOTE,
    SCALES,
    readability,
    smog_de,
    textstat_language,
    textstat_readability,
    wiener_sachtextformel,
)

NEWS = (
    "Trump und Putin telefonieren\n\n"
    "Washington (dpa) - US-Präsident Donald Trump hat am 12. Februar mit Kremlchef "
    "Wladimir Putin telefoniert. Beide vereinbarten nach Angaben des Weißen Hauses, "
    "sofort Verhandlungen über ein Ende des Krieges in der Ukraine aufzunehmen. "
    "Trump schrieb auf seiner Plattform: „Wir haben lange gesprochen.“ Die Regierung "
    "in Kiew reagierte zurückhaltend. Die EU kritisierte z. B. fehlende Absprachen."
)


def test_counts_on_real_news_text():
    r = readability(NEWS)
    assert r.sentences == 6
    assert r.words == parse(NEWS).n_words == 58
    # hand count: the headline "Trump und Putin telefonieren" is 1+1+2+5 syllables
    assert r.word_counts[:4] and [w.syllables for w in r.word_counts[:4]] == [1, 1, 2, 5]
    assert r.syllables == sum(w.syllables for w in r.word_counts)
    assert r.long_words == sum(1 for w in r.word_counts if w.letters > 6)
    by_text = {w.text: w.syllables for w in r.word_counts}
    assert by_text["EU"] == 2
    assert by_text["12."] == 1  # a numeral is one word of one syllable
    assert by_text["Verhandlungen"] == 4
    spoken = {w.text: w.syllables for w in readability(NEWS, numbers="spoken").word_counts}
    assert spoken["12."] == 2  # zwölf-ten


def test_formulas_follow_their_definitions():
    r = readability(NEWS)
    asl, asw = r.words / r.sentences, r.syllables / r.words
    assert r.avg_sentence_length == pytest.approx(asl)
    assert r.flesch_amstad == pytest.approx(180 - asl - 58.5 * asw)
    ms = 100 * r.polysyllabic_words / r.words
    iw = 100 * r.long_words / r.words
    es = 100 * r.monosyllabic_words / r.words
    assert r.wstf1 == pytest.approx(0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875)
    assert r.wstf4 == pytest.approx(0.2744 * ms + 0.2656 * asl - 1.693)
    assert r.lix == pytest.approx(asl + iw)
    assert r.smog_de == pytest.approx(math.sqrt(30 * r.polysyllabic_words / r.sentences) - 2)


def test_metrics_are_stable_finite_floats():
    metrics = readability(NEWS).metrics
    for name in ("words", "sentences", "syllables", "avg_sentence_length", "flesch_amstad"):
        assert name in metrics
    for name in ("wstf1", "wstf2", "wstf3", "wstf4", "lix", "smog_de", "long_word_share"):
        assert name in metrics
    assert all(isinstance(v, float) and math.isfinite(v) for v in metrics.values())
    json.dumps(readability(NEWS).to_dict())


def test_evidence_points_into_the_text():
    r = readability(NEWS)
    evidence = r.evidence()
    labels = {s.label for s in evidence}
    assert labels == {"long_sentence", "long_word"}
    for span in evidence:
        assert NEWS[span.start : span.end] == span.text
    longest = r.longest_sentences(1)[0]
    assert longest.text.startswith("Beide vereinbarten")
    assert "Verhandlungen" in [s.text for s in r.longest_words(10)]


@pytest.mark.parametrize("bad", [None, 42, b"Text", ["Text"]])
def test_bad_input_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        readability(bad)


def test_reads_the_shared_document_and_caches():
    document = parse(NEWS)
    assert readability(document) is readability(NEWS)
    # works whether mediakit.readability is the function or (after an import of the
    # submodule) the module, which is callable for exactly this reason
    assert mediakit.readability(NEWS).words == 58


def test_formula_helpers():
    assert smog_de(0, 0) == 0.0
    with pytest.raises(ValueError, match="variant"):
        wiener_sachtextformel(5, 1, 1, 1, 1)


def test_textstat_side_by_side_shows_why_they_differ():
    text = "Das betrifft z. B. Rentner, Studierende usw. und viele Familien. Die Debatte dauert an."
    r = readability(text)
    ts = r.textstat
    assert ts is textstat_readability(text) or ts.sentences == textstat_readability(text).sentences
    assert (r.sentences, ts.sentences) == (2, 4)
    kinds = {d["kind"] for d in r.disagreements()}
    assert "sentence_split" in kinds
    split_texts = [d["text"] for d in r.disagreements() if d["kind"] == "sentence_split"]
    assert any(t.endswith("z.") for t in split_texts)
    for d in r.disagreements():
        assert d["reason"]
        assert text[d["start"] : d["end"]] == d["text"] or d["kind"] == "word_count"
    assert set(r.compare_textstat()) >= {"sentences", "words", "flesch_amstad", "wstf1", "lix"}


def test_textstat_syllable_disagreements_name_the_word():
    r = readability("Die EU kritisierte die Opposition im Theater.")
    words = {d["text"]: d for d in r.disagreements() if d["kind"] == "syllables"}
    assert words["EU"]["mediakit"] == 2
    assert words["Opposition"]["mediakit"] == 4


def test_textstat_global_language_is_restored():
    import textstat

    before = textstat.textstat._textstatistics__lang
    with textstat_language("de") as ts:
        assert ts.textstat._textstatistics__lang == "de"
    assert textstat.textstat._textstatistics__lang == before
    textstat_readability("Ein Satz mit Wörtern. Noch ein Satz hier.")
    assert textstat.textstat._textstatistics__lang == before


def test_textstat_comparison_never_downloads(monkeypatch):
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", no_download)
    text = "Der Bundestag hat den Haushalt beschlossen. Er gilt ab Januar nächsten Jahres."
    ts = textstat_readability(text)
    assert ts.sentences == 2
    assert readability(text).disagreements() is not None


def test_gold_fixture_spoken_convention_matches_the_hand_counts(shared):
    gold = json.loads(shared("data", "readability", "gold_fixture.json").read_text("utf-8"))
    for name, case in gold.items():
        r = readability(case["text"], numbers="spoken")
        hand = case["gold_phon"]
        assert (r.sentences, r.words, r.syllables) == (
            hand["sentences"],
            hand["words"],
            hand["syllables"],
        ), name
        assert r.flesch_amstad == pytest.approx(hand["flesch_amstad"], abs=0.01), name
        assert r.lix == pytest.approx(hand["lix"], abs=0.01), name
        assert r.smog_de == pytest.approx(hand["smog_de"], abs=0.01), name


def test_gold_fixture_word_convention_differs_only_at_numerals(shared):
    gold = json.loads(shared("data", "readability", "gold_fixture.json").read_text("utf-8"))
    for name, case in gold.items():
        hand = case["gold_phon"]
        tokens = [w for sentence in case["tokens"] for w in sentence]
        spoken = [c for sentence in case["syllables_phon"] for c in sentence]
        # the hand counts with every numeral as one syllable
        expected = sum(
            1 if any(ch.isdigit() for ch in w) else c for w, c in zip(tokens, spoken, strict=True)
        )
        r = readability(case["text"])
        assert (r.sentences, r.words, r.syllables) == (hand["sentences"], hand["words"], expected)
        assert abs(r.flesch_amstad - hand["flesch_amstad"]) <= 1.5, name


def test_news_cases_count_sentences_and_words(shared):
    cases = json.loads(shared("data", "sentences", "news_style_cases.json").read_text("utf-8"))
    assert len(cases) == 20
    for case in cases:
        r = readability(case["text"])
        assert (r.sentences, r.words) == (case["gold_sentences"], case["gold_words"]), case["kind"]


GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "sentence_gold.json"


def test_own_sentence_gold_is_split_exactly():
    cases = json.loads(GOLD.read_text("utf-8"))["cases"]
    assert len(cases) >= 30
    wrong = []
    for case in cases:
        got = [s.text for s in parse(case["text"]).sentences]
        if got != case["sentences"]:
            wrong.append((case["kind"], got))
    assert wrong == []


def test_semicolon_ends_a_sentence_as_in_flesch_counting():
    r = readability(
        "Die Regierung schwieg; die Opposition tobte. Die Quote lag bei 9,8; 5,3 im Vorjahr."
    )
    assert r.sentences == 3


# ---------------------------------------------------------------------------
# Counting conventions, one table per rule
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "spoken"),
    [
        ("Im Jahr 1901 kam er.", 5, 9),  # neun-zehn-hun-dert-eins
        ("Am 3. Februar trafen sie sich.", 9, 10),  # drit-ten
        ("Um 18:27 Uhr stand es 2:1.", 6, 14),  # acht-zehn Uhr sie-ben-und-zwan-zig; zwei zu eins
        ("Die Quote stieg auf 2,5 Prozent.", 8, 11),  # zwei Kom-ma fünf
        ("Rund 150.000 Menschen kamen.", 6, 11),  # hun-dert-fünf-zig-tau-send
        ("Am 12.02.2025 telefonierten sie.", 8, 18),
        ("Die Regierung tagte.", 6, 6),  # no numeral: both conventions agree
    ],
)
def test_numerals_are_one_syllable_unless_spoken(text, word, spoken):
    default = readability(text)
    assert default.numbers == "word"
    assert default.syllables == word
    read_out = readability(text, numbers="spoken")
    assert (read_out.syllables, read_out.numbers) == (spoken, "spoken")
    assert read_out.words == default.words  # a numeral is one word either way


def test_numeral_convention_changes_the_formulas_consistently():
    text = "Am 12.02.2025 telefonierten Trump und Putin 90 Minuten lang."
    word, spoken = readability(text), readability(text, numbers="spoken")
    assert word.flesch_amstad > spoken.flesch_amstad
    assert word.polysyllabic_words < spoken.polysyllabic_words  # the date: 1 vs 11 syllables
    assert word.long_words == spoken.long_words  # digits are no letters
    assert readability(parse(text)) is word  # cached per convention
    assert readability(parse(text), numbers="spoken") is spoken


@pytest.mark.parametrize("bad", ["Spoken", "gesprochen", ""])
def test_unknown_numeral_convention_is_a_value_error(bad):
    with pytest.raises(ValueError, match="numbers muss 'word'"):
        readability("Im Jahr 1901 kam er.", numbers=bad)


@pytest.mark.parametrize(("bad", "type_name"), [(None, "NoneType"), (1, "int"), (True, "bool")])
def test_numeral_convention_of_the_wrong_type_is_a_type_error(bad, type_name):
    with pytest.raises(TypeError, match=f"numbers muss ein str sein.*{type_name}"):
        readability("Im Jahr 1901 kam er.", numbers=bad)


@pytest.mark.parametrize(
    ("text", "address", "words", "syllables"),
    [
        (
            "Mehr dazu unter https://tkp.at/2025/02/13/trump-putin/.",
            "https://tkp.at/2025/02/13/trump-putin/",
            4,
            6,
        ),
        (
            "Quelle: www.bundestag.de/abstimmung, abgerufen am Montag.",
            "www.bundestag.de/abstimmung",
            5,
            10,
        ),
        ("Siehe tkp.at und Spiegel.de.", "Spiegel.de", 4, 5),
        (
            "Leserbriefe bitte an leserbriefe@zeitung.de schicken.",
            "leserbriefe@zeitung.de",
            5,
            10,
        ),
        ("Der Link (https://www.example.de/a?b=1) fehlt.", "https://www.example.de/a?b=1", 4, 4),
        ("Mail an info@example.de; danke!", "info@example.de", 4, 5),
    ],
)
def test_web_and_email_addresses_are_one_word_of_one_syllable(text, address, words, syllables):
    r = readability(text)
    assert (r.words, r.syllables) == (words, syllables)
    (found,) = [w for w in r.word_counts if w.text == address]  # one token, punctuation split off
    assert (found.syllables, found.letters) == (1, 0)  # never a long word
    assert text[found.start : found.end] == address
    assert address not in [s.text for s in r.longest_words(10)]


def test_a_missing_space_is_no_web_address():
    r = readability("Er kam.es war spät.")  # "es" is no listed domain ending
    assert [w.syllables for w in r.word_counts if w.text == "kam.es"] == [2]


def test_an_address_before_the_full_stop_still_ends_the_sentence():
    r = readability("Quelle: https://tkp.at/x/. Danach kam er.")
    assert r.sentences == 2
    assert r.document.sentences[0].text == "Quelle: https://tkp.at/x/."


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Er kam (siehe oben; vgl. unten) spät. Dann ging er.", 2),
        ("Die Zahlen (Stand: Montag; Quelle: dpa) sind vorläufig.", 1),
        ("[Name geändert; gekürzt] Der Text folgt.", 1),
        ("Das gilt (so die Regel; es gibt Ausnahmen) immer; danach nicht.", 2),
        ("Die Regierung schwieg; die Opposition tobte.", 2),  # outside brackets: a boundary
        ("Ein Punkt a) steht hier; der nächste folgt.", 2),  # an unmatched bracket pairs nothing
        ("Er sagte (und das ist wichtig\n\nHeute; morgen) nichts.", 3),  # no pair across paragraphs
    ],
)
def test_semicolon_inside_brackets_is_no_sentence_boundary(text, sentences):
    assert readability(text).sentences == sentences


@pytest.mark.parametrize("empty", ["", "   \n\n ", "„“ … –", "!!! ???", "\u200b"])
def test_empty_or_wordless_text_has_missing_figures_and_a_note(empty):
    r = readability(empty)
    assert (r.words, r.sentences, r.syllables) == (0, 0, 0)
    assert r.note == NO_WORDS_NOTE == "kein Wort im Text – nichts zu messen"
    metrics = r.metrics
    for name in ("words", "sentences", "syllables", "long_words", "longest_sentence_words"):
        assert metrics[name] == 0.0  # counts are true zeros
    missing = [k for k, v in metrics.items() if v is None]
    assert set(missing) == {
        "avg_sentence_length",
        "avg_syllables_per_word",
        "long_word_share",
        "polysyllabic_share",
        "monosyllabic_share",
        "flesch_amstad",
        "wstf1",
        "wstf2",
        "wstf3",
        "wstf4",
        "lix",
        "smog_de",
    }
    assert r.flesch_amstad is None and r.lix is None and r.smog_de is None
    assert r.out_of_scale == ()
    assert r.evidence() == []
    data = json.loads(json.dumps(r.to_dict(), allow_nan=False))
    assert data["metrics"]["flesch_amstad"] is None and data["note"] == NO_WORDS_NOTE
    assert "nichts zu messen" in repr(r)


def test_a_text_with_words_has_no_note():
    r = readability("Die Bahn streikt.")
    assert r.note == "" and r.to_dict()["note"] == ""
    assert None not in r.metrics.values()


@pytest.mark.parametrize(
    ("text", "out_of_scale"),
    [
        # agency style: Flesch and WSTF inside their scales
        (
            "Der Bundesrat muss dem Gesetz noch zustimmen. "
            "Eine Entscheidung wird Ende des Monats erwartet.",
            (),
        ),
        # very short words and sentences: Flesch above 100, WSTF below grade 4
        (
            "Die Bahn streikt. Wann ist Schluss?",
            ("flesch_amstad", "wstf1", "wstf2", "wstf3", "wstf4"),
        ),
        # academic noun chains: Flesch below 0, WSTF above grade 15
        (
            "Die Berücksichtigung regionaler Unterschiede erfordert differenzierte "
            "Qualifikationsanforderungen.",
            ("flesch_amstad", "wstf1", "wstf2", "wstf3", "wstf4"),
        ),
        # easy, but Flesch inside 0-100: only the school grades leave their scale
        ("Die Quote stieg auf 2,5 Prozent.", ("wstf1", "wstf2", "wstf3", "wstf4")),
    ],
)
def test_values_outside_their_scale_are_kept_and_marked(text, out_of_scale):
    r = readability(text)
    assert r.out_of_scale == out_of_scale
    for name in out_of_scale:
        low, high = SCALES[name]
        assert not low <= r.metrics[name] <= high  # kept as computed, not clamped
    assert r.flesch_amstad == pytest.approx(
        180 - r.words / r.sentences - 58.5 * r.syllables / r.words
    )
    assert r.to_dict()["out_of_scale"] == list(out_of_scale)


def test_readability_result_leaves_no_reference_cycle():
    import gc

    from mediakit.document import Document

    gc.collect()
    gc.disable()
    try:
        doc = Document("Der Zug fährt heute später ab. Niemand weiß genau, warum.")
        first = readability(doc)
        assert readability(doc) is first  # the same object while it is held
        probe = weakref.ref(doc)
        del doc, first
        assert probe() is None  # freed by reference counting, without the collector
    finally:
        gc.enable()
