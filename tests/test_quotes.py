"""Quotations, attribution, scare quotes and titles (mediakit.quotes)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mediakit import analyze_quotes, find_quotes, find_scare_quotes
from mediakit.document import parse
from mediakit.metrics import METRICS, missing_figures
from mediakit.quotes import Quotation, find_titles
from mediakit.tables import load_table

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _seed(shared, prefix: str) -> str:
    folder = shared("seeds")
    path = next(p for p in sorted(Path(folder).iterdir()) if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


def _quote_containing(quotes: list[Quotation], fragment: str) -> Quotation:
    for q in quotes:
        if fragment in q.text:
            return q
        for n in q.nested:
            if fragment in n.text:
                return n
    raise AssertionError(f"no quotation contains {fragment!r}: {[q.text for q in quotes]}")


def _speaker_text(q: Quotation) -> str:
    assert q.speaker is not None, f"no speaker for {q.text!r}"
    return q.speaker.text


# ---------------------------------------------------------------------------
# the corpus seed texts
# ---------------------------------------------------------------------------


def test_dpa_guillemet_quotes_get_their_speakers(shared):
    text = _seed(shared, "002_")
    quotes = find_quotes(text)
    # the speaker sits in the previous sentence ("Trump schrieb, er habe ein «…» Telefonat …")
    agreed = _quote_containing(quotes, "«Wir sind übereingekommen")
    assert agreed.kind == "direct"
    assert "Trump" in _speaker_text(agreed)
    hopeful = _quote_containing(quotes, "«Ich glaube, dass diese Bemühungen")
    assert "Trump" in _speaker_text(hopeful)
    contacts = _quote_containing(quotes, "«Putin und Trump haben auch")
    assert "Peskow" in _speaker_text(contacts)


def test_dpa_indirect_speech_with_nested_direct_quote(shared):
    quotes = find_quotes(_seed(shared, "002_"))
    wrote = _quote_containing(quotes, "er habe ein «langes und sehr produktives» Telefonat")
    assert wrote.kind == "indirect"
    assert _speaker_text(wrote) == "Trump"
    assert wrote.cue is not None and wrote.cue.lemma == "schreiben"
    assert [n.text for n in wrote.nested] == ["«langes und sehr produktives»"]
    assert wrote.nested[0].parent is wrote


def test_dpa_konjunktiv_sentences_are_attributed_speech(shared):
    quotes = find_quotes(_seed(shared, "002_"))
    invited = _quote_containing(quotes, "Putin habe Trump nach Moskau eingeladen.")
    assert invited.kind == "free_indirect"
    assert any(name in _speaker_text(invited) for name in ("Peskow", "Putin"))
    first = _quote_containing(quotes, "Als Erstes werde er den ukrainischen Präsident")
    assert first.kind == "free_indirect"
    assert "Trump" in _speaker_text(first)


def test_dpa_separable_cue_and_anaphoric_frame(shared):
    quotes = find_quotes(_seed(shared, "002_"))
    # "Das teilte Trump im Anschluss an das Gespräch … mit." points back to the sentence before
    told = _quote_containing(quotes, "US-Präsident Donald Trump hat mit Kremlchef")
    assert told.cue is not None and told.cue.lemma == "mitteilen"
    assert _speaker_text(told) == "Trump"


def test_blog_scare_quotes_are_found(shared):
    text = _seed(shared, "001_")
    scare = [s.text for s in find_scare_quotes(text)]
    for word in ("„informieren“", "„informiert“", "„investiert“", "„Errungenschaft“"):
        assert word in scare
    quoted = " ".join(q.text for q in find_quotes(text))
    assert "um ihn über sein Gespräch mit Putin zu „informieren“" not in quoted


def test_aggregator_outlet_names_are_neither_quotes_nor_scare_quotes(shared):
    text = _seed(shared, "004_")
    titles = {t.text for t in find_titles(text)}
    outlets = ['"Bitcoin.com News"', '"Guardian"', '"New York Post"', '"CNBC"', '"Economic Times"']
    assert set(outlets) <= titles
    scare = {s.text for s in find_scare_quotes(text)}
    assert not scare & set(outlets)
    direct = {q.text for q in find_quotes(text) if q.kind == "direct"}
    assert not direct & set(outlets)
    # the outlets are the sources of what they report
    outlet_sources = [
        q for q in find_quotes(text) if q.speaker and q.speaker.speaker_type == "outlet"
    ]
    assert any("Guardian" in q.speaker.text for q in outlet_sources)


def test_indirect_statement_without_quote_marks(shared):
    quotes = find_quotes(_seed(shared, "000_"))
    statement = _quote_containing(quotes, "Es war höchste Zeit, dass Amerika seinen Kurs ändert")
    assert statement.kind == "indirect"
    assert _speaker_text(statement) == "Tucker Carlson"
    assert statement.cue is not None and statement.cue.lemma == "schreiben"


def test_no_exception_on_any_quotation_document(shared):
    folder = shared("data", "quotes", "dev")
    for path in sorted(Path(folder).glob("*.json"))[:60]:
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        for q in find_quotes(text):
            assert 0 <= q.start < q.end <= len(text)
            assert q.kind in {"direct", "indirect", "free_indirect", "reported"}


# ---------------------------------------------------------------------------
# quote styles, frames and cues
# ---------------------------------------------------------------------------

STYLES = ["„…“", "»…«", "«…»", '"…"', "“…”", "‚…‘", "›…‹", ",,…“", ',,…"']


@pytest.mark.parametrize("style", STYLES)
def test_every_quote_style(style):
    opening, closing = style.split("…")
    quoted = f"{opening}Wir werden das Gesetz ändern.{closing}"
    text = f"Die Ministerin sagte: {quoted} Dann ging sie."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.kind, q.text) == ("direct", quoted)
    assert _speaker_text(q) == "Die Ministerin"
    assert q.cue is not None and q.cue.lemma == "sagen"


def test_frame_after_the_quote():
    q = find_quotes("„Das sage ich lieber nicht“, sagte Trump auf die Frage.")[0]
    assert (q.kind, q.text, _speaker_text(q)) == ("direct", "„Das sage ich lieber nicht“", "Trump")


def test_discontinuous_quote_interrupted_by_its_frame():
    text = "„Wir kommen“, sagte die Sprecherin, „aber erst später.“"
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert [text[s:e] for s, e in q.spans] == ["„Wir kommen“", "„aber erst später.“"]
    assert _speaker_text(q) == "die Sprecherin"


def test_discontinuous_indirect_quote_with_frame_in_the_middle():
    text = "Die Lage, sagte der Minister, sei ernst."
    q = find_quotes(text)[0]
    assert [text[s:e] for s, e in q.spans] == ["Die Lage", "sei ernst"]
    assert _speaker_text(q) == "der Minister"


def test_separable_cue_verb_is_rejoined():
    text = "Die Polizei teilte am Montag mit, der Mann sei festgenommen worden."
    q = find_quotes(text)[0]
    assert q.kind == "indirect"
    assert q.text == "der Mann sei festgenommen worden"
    assert q.cue is not None
    assert (q.cue.lemma, q.cue.text) == ("mitteilen", "teilte … mit")
    assert [text[s:e] for s, e in q.cue.spans] == ["teilte", "mit"]
    assert _speaker_text(q) == "Die Polizei"


def test_separable_cue_in_a_subordinate_clause():
    q = find_quotes("Wie die Polizei bekannt gab, wurde niemand verletzt.")[0]
    assert q.cue is not None and q.cue.lemma == "bekanntgeben"
    assert (q.text, _speaker_text(q)) == ("wurde niemand verletzt", "die Polizei")


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "lemma"),
    [
        ("Laut Polizei war die Straße gesperrt.", "war die Straße gesperrt", "Polizei", "laut"),
        (
            "Ersten Angaben zufolge gab es drei Verletzte.",
            "gab es drei Verletzte",
            "Ersten Angaben",
            "zufolge",
        ),
        (
            "Nach Angaben des Innenministeriums wurden zwei Personen verhaftet.",
            "wurden zwei Personen verhaftet",
            "Angaben des Innenministeriums",
            "nach",
        ),
        (
            "Die Lage sei ernst, so ein Sprecher des Ministeriums.",
            "Die Lage sei ernst",
            "ein Sprecher des Ministeriums",
            "so",
        ),
        (
            "Demnach soll der Vertrag im Mai unterschrieben werden.",
            "soll der Vertrag im Mai unterschrieben werden",
            "Demnach",
            "demnach",
        ),
        (
            "Aus Regierungskreisen hieß es, die Gespräche seien gescheitert.",
            "die Gespräche seien gescheitert",
            "Regierungskreisen",
            "heißen",
        ),
    ],
)
def test_cue_words(text, quote, speaker, lemma):
    q = find_quotes(text)[0]
    assert (q.kind, q.text, _speaker_text(q)) == ("indirect", quote, speaker)
    assert q.cue is not None and q.cue.lemma == lemma


def test_nach_is_a_cue_only_with_angaben_and_the_like():
    assert find_quotes("Nach dem Spiel fuhren die Fans nach Hause.") == []


def test_speaker_types():
    cases = {
        "Laut New York Post war das Telefonat lang.": "outlet",
        "Ein Sprecher sagte, die Lage sei ruhig.": "anonymous",
        "Kremlsprecher Dmitri Peskow sagte, Putin sei bereit.": "named",
    }
    for text, expected in cases.items():
        q = find_quotes(text)[0]
        assert q.speaker is not None and q.speaker.speaker_type == expected, text


def test_pronoun_resolved_to_the_last_named_speaker():
    text = "Kanzler Olaf Scholz sagte, die Regierung handle schnell. Er erklärte, man werde helfen."
    second = find_quotes(text)[1]
    assert second.speaker is not None
    assert (second.speaker.text, second.speaker.speaker_type) == ("Er", "pronoun")
    assert second.speaker.resolved is not None
    assert second.speaker.resolved.text == "Kanzler Olaf Scholz"


def test_reported_speech_act():
    q = find_quotes("Trump sprach von einem großen Erfolg.")[0]
    assert (q.kind, _speaker_text(q), q.cue.lemma) == ("reported", "Trump", "sprechen")
    # "sprechen mit" names no reported speech
    assert find_quotes("Trump sprach am Mittwoch mit Putin.") == []


def test_evaluative_cue_verb_from_the_table():
    q = find_quotes("Trump behauptete, er könne den Krieg in 24 Stunden beenden.")[0]
    assert q.cue is not None and q.cue.evaluative
    neutral = find_quotes("Trump sagte, er könne den Krieg in 24 Stunden beenden.")[0]
    assert neutral.cue is not None and not neutral.cue.evaluative


def test_free_indirect_speech_continues_the_last_speaker():
    text = "Die Ministerin sagte, das Gesetz komme im Mai. Es gebe keine Alternative. Danach regnete es."
    quotes = find_quotes(text)
    assert [q.kind for q in quotes] == ["indirect", "free_indirect"]
    assert quotes[1].text == "Es gebe keine Alternative."
    assert _speaker_text(quotes[1]) == "Die Ministerin"


# ---------------------------------------------------------------------------
# scare quotes and titles
# ---------------------------------------------------------------------------


def test_scare_quotes_and_titles_are_told_apart():
    text = (
        "Er hat als einzige „Errungenschaft“ nichts vorzuweisen. "
        "Die Wochenzeitung „Die Zeit“ erschien am Donnerstag. Es war eine so genannte „Reform“."
    )
    assert [s.text for s in find_scare_quotes(text)] == ["„Errungenschaft“", "„Reform“"]
    assert [t.text for t in find_titles(text)] == ["„Die Zeit“"]


def test_quoted_phrase_after_a_speech_verb_is_a_quotation():
    q = find_quotes("Der Minister nannte den Plan „völlig unausgegoren“.")[0]
    assert q.kind == "direct" and q.text == "„völlig unausgegoren“"
    assert _speaker_text(q) == "Der Minister"


# ---------------------------------------------------------------------------
# robustness
# ---------------------------------------------------------------------------


def test_unclosed_mark_never_swallows_the_next_paragraph():
    text = "Er sagte: „Das ist falsch.\n\nNeuer Absatz ohne Zitat. Die Lage ist ruhig."
    quotes = find_quotes(text)
    paragraph_break = text.index("\n\n")
    assert all(q.end <= paragraph_break for q in quotes)
    assert quotes[0].kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "„",
        "“",
        "„„„“““",
        '"' * 1001,
        "«»" * 500,
        ",,,,,,",
        "sagte, sagte, sagte, laut zufolge so.",
        "Er sagte:" * 300,
        "\n\n".join(["„Offen ohne Ende"] * 50),
        "a\u0000b „c\ud800“ sagte er.",
        "Laut",
        "zufolge",
        ", so",
        "Das berichtete",
    ],
)
def test_hostile_input_never_raises(text):
    analysis = analyze_quotes(text)
    for q in analysis.quotations:
        assert 0 <= q.start <= q.end <= len(text)
    metrics = analysis.metrics
    missing = {name for name, v in metrics.items() if not math.isfinite(v)}
    assert missing == missing_figures(metrics, words=parse(text).n_words), missing
    json.dumps(analysis.to_dict())


@pytest.mark.parametrize("bad", [None, b"sagte er", 42, ["Text"]])
def test_bad_input_types(bad):
    with pytest.raises(TypeError):
        find_quotes(bad)


# ---------------------------------------------------------------------------
# the analysis result
# ---------------------------------------------------------------------------

METRIC_NAMES = {
    "quotes_per_1000_words",
    "attributed_share",
    "named_share",
    "pronoun_share",
    "anonymous_share",
    "outlet_share",
    "distinct_named_sources",
    "quoted_token_share",
    "indirect_share",
    "scare_quotes_per_1000_words",
    "direct_share",
    "evaluative_cue_share",
}


def test_empty_text_gives_zero_counts_and_missing_shares():
    analysis = analyze_quotes("")
    assert set(analysis.metrics) >= METRIC_NAMES
    for name, value in analysis.metrics.items():
        if METRICS[name].is_count:
            assert value == 0.0, name
        else:  # a share of no quotations, a rate of no words: missing, never 0
            assert math.isnan(value), name
    assert analysis.evidence() == []


def test_shares_of_no_quotations_are_missing_rates_are_zero():
    metrics = analyze_quotes("Der Bundestag hat am Donnerstag den Haushalt beschlossen.").metrics
    assert metrics["quotations"] == 0.0
    assert metrics["quotes_per_1000_words"] == 0.0  # none in 8 words
    assert math.isnan(metrics["named_share"]) and math.isnan(metrics["anonymous_share"])
    assert metrics["quoted_token_share"] == 0.0


def test_metrics_and_evidence():
    text = (
        "„Das sage ich lieber nicht“, sagte Trump. Laut Polizei war die Straße gesperrt. "
        "Er hat als einzige „Errungenschaft“ nichts."
    )
    analysis = analyze_quotes(text)
    m = analysis.metrics
    assert m["attributed_share"] == 1.0
    assert m["named_share"] == 1.0
    assert m["distinct_named_sources"] == 2.0
    assert m["direct_share"] == 0.5 and m["indirect_share"] == 0.5
    assert 0.0 < m["quoted_token_share"] < 1.0
    assert m["scare_quotes_per_1000_words"] > 0
    labels = {span.label for span in analysis.evidence()}
    assert {"quote:direct", "quote:indirect", "speaker", "cue", "scare_quote"} <= labels
    for span in analysis.evidence():
        assert text[span.start : span.end] == span.text
    json.dumps(analysis.to_dict())


def test_analysis_is_computed_once_per_document():
    doc = parse("Die Polizei teilte mit, der Mann sei festgenommen worden.")
    first = analyze_quotes(doc)
    assert analyze_quotes(doc) is first
    assert find_quotes(doc) == first.quotations


def test_scorer_reads_kind_spans_speaker_and_cue():
    q = find_quotes("„Wir kommen“, sagte er, „aber erst später.“")[0]
    d = q.to_dict()
    assert d["kind"] == "direct" and len(d["spans"]) == 2
    assert {"start", "end"} <= set(d["speaker"]) and {"start", "end", "lemma"} <= set(d["cue"])


# ---------------------------------------------------------------------------
# the tables
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        "cue_verbs.tsv",
        "cue_prepositions.tsv",
        "cue_nouns.tsv",
        "konjunktiv.tsv",
        "speaker_words.tsv",
    ],
)
def test_tables_are_documented(table):
    rows = load_table(table)
    assert rows
    assert all("note" in row for row in rows)
    header = Path(__file__).resolve().parents[1] / "mediakit" / "data" / table
    assert "CC0" in header.read_text(encoding="utf-8").split("\n\t", 1)[0]


@pytest.mark.parametrize(
    "text",
    [
        "sagte, " * 3000,
        "Nach Angaben " * 2000,
        "wie er sagte, " * 2000,
        "Laut Polizei sagte er, es sei so, so Peskow, " * 500,
    ],
)
def test_endless_sentences_stay_fast_and_safe(text):
    # no punctuation to end a sentence: the rules read it in windows and never raise
    quotes = find_quotes(text)
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)
