"""analyze, compare and the documented metric names, on real German text."""

from __future__ import annotations

import math

import pytest

import mediakit
from mediakit.analysis import metric_table
from mediakit.metrics import missing_figures

DPA_LIKE = (
    "US-Präsident Donald Trump hat mit Kremlchef Wladimir Putin telefoniert. "
    "Das teilte Trump im Anschluss auf der Plattform Truth Social mit. "
    "«Wir sind übereingekommen, sehr eng zusammenzuarbeiten.» "
    "Putin habe Trump nach Moskau eingeladen, sagte Kremlsprecher Dmitri Peskow."
)
BLOG_LIKE = (
    "Die Lügenmedien blockieren alle Informationen. Totale Funkstille! "
    "Die blutrünstige Kaja Kallas hat jahrelang eine völlig absurde Politik betrieben."
)


def test_analyze_reads_one_parse_for_all_measures():
    analysis = mediakit.analyze(DPA_LIKE)
    assert analysis.readability.sentences == 4
    assert any(q.kind == "direct" for q in analysis.quotes.quotations)
    assert analysis.document is mediakit.parse(DPA_LIKE)
    for span in analysis.evidence():
        assert DPA_LIKE[span.start : span.end] == span.text


def test_every_metric_is_documented_and_finite():
    documented = set(metric_table()["name"])
    for text in (DPA_LIKE, BLOG_LIKE):
        metrics = mediakit.analyze(text).metrics
        assert set(metrics) == documented, set(metrics) ^ documented
        assert all(isinstance(v, float) for v in metrics.values())
        # finite, except a share or rate whose base count is 0 (then NaN, never 0)
        missing = {name for name, v in metrics.items() if not math.isfinite(v)}
        assert missing == missing_figures(metrics), missing ^ missing_figures(metrics)
    # an empty text: counts 0, the rest missing (tests/test_metrics.py has the details)
    empty = mediakit.analyze("").metrics
    assert empty["words"] == 0.0 and math.isnan(empty["flesch_amstad"])


def test_blog_wording_is_more_loaded_than_the_agency_report():
    df = mediakit.compare({"dpa": DPA_LIKE, "blog": BLOG_LIKE})
    by_id = df.set_index("id")
    assert (
        by_id.loc["blog", "evaluative_per_1000_words"]
        > by_id.loc["dpa", "evaluative_per_1000_words"]
    )
    assert by_id.loc["dpa", "quotes_per_1000_words"] > by_id.loc["blog", "quotes_per_1000_words"]


def test_compare_relative_to_a_reference_document():
    df = mediakit.compare({"dpa": DPA_LIKE, "blog": BLOG_LIKE}, relative_to="dpa")
    assert df.set_index("id").loc["dpa", "words"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="kein Text hat diese id oder dieses Medium"):
        mediakit.compare({"dpa": DPA_LIKE}, relative_to="Bild")


def test_compare_adds_reader_comments_as_rows(shared):
    shared("seeds")
    df = mediakit.compare(mediakit.load_corpus(), comments=True, progress=False)
    assert "reader comments" in set(df["genre"])
    assert {"agency report", "blog post"} <= set(df["genre"])


def test_analysis_to_dict_is_json_ready():
    import json

    payload = json.dumps(mediakit.analyze(DPA_LIKE).to_dict())
    assert "flesch_amstad" in payload


def test_all_evidence_of_the_corpus_is_cut_from_the_text(shared):
    shared("seeds")
    for doc in mediakit.load_corpus():
        analysis = mediakit.analyze(doc)
        for span in analysis.evidence():
            assert doc.body[span.start : span.end] == span.text, (doc.id, span)
        for quote in analysis.quotes.quotations:
            assert doc.body[quote.start : quote.end] == quote.text
            if quote.speaker is not None:
                speaker = quote.speaker
                assert doc.body[speaker.start : speaker.end] == speaker.text


def test_readme_documents_every_metric():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in metric_table()["name"] if f"`{name}`" not in readme]
    assert not missing, f"README metrics table lacks {missing}"


def test_highlight_of_a_plain_text_analyses_it_first():
    result = mediakit.highlight("Putin sagte: „Das ist ein völlig absurder Vorschlag.“")
    assert result.counts["quotes"] >= 1 and result.counts["speakers"] >= 1
