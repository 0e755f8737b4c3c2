"""German readability: counts, formulas, evidence, textstat side by side, bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import mediakit
from mediakit.document import parse
from mediakit.readability import (
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
    assert by_text["12."] == 2  # zwölf-ten
    assert by_text["Verhandlungen"] == 4


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


@pytest.mark.parametrize("empty", ["", "   \n\n ", "„“ … –"])
def test_empty_text_gives_zeros(empty):
    r = readability(empty)
    assert r.words == 0
    assert set(r.metrics.values()) == {0.0}
    assert r.evidence() == []


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


def test_gold_fixture_within_one_and_a_half_flesch_points(shared):
    gold = json.loads(shared("data", "readability", "gold_fixture.json").read_text("utf-8"))
    for name, case in gold.items():
        r = readability(case["text"])
        hand = case["gold_phon"]
        assert abs(r.flesch_amstad - hand["flesch_amstad"]) <= 1.5, name
        assert r.sentences == hand["sentences"], name
        assert r.words == hand["words"], name
        assert r.smog_de == pytest.approx(hand["smog_de"], abs=0.5), name


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
