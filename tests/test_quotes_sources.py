"""Sources as entities: speaker mentions grouped into sources with a type (mediakit.quotes)."""

from __future__ import annotations

import pytest

from mediakit.quotes import SOURCE_TYPE_LABELS, SOURCE_TYPES, analyze_quotes

TEXT = (
    "US-Präsident Donald Trump sagte, er sei zufrieden. Der US-Präsident erklärte, man "
    "werde verhandeln. Er habe mit Putin telefoniert. Laut Kreml-Kreisen war das anders. "
    "Trump war ein Schmusekurs vorgeworfen worden. Die New York Post berichtete, das "
    "Gespräch habe 90 Minuten gedauert."
)


def test_mentions_of_one_person_are_one_source():
    a = analyze_quotes(TEXT)
    trump = a.sources[0]
    assert trump.name == "US-Präsident Donald Trump" and trump.source_type == "person"
    assert [m.text for m in trump.mentions] == ["US-Präsident Donald Trump", "Der US-Präsident"]
    assert len(trump.quotations) == 3  # the free indirect sentence too


def test_source_types_and_anonymous_share():
    a = analyze_quotes(TEXT)
    types = {s.name: s.source_type for s in a.sources}
    assert types["Kreml-Kreisen"] == "anonymous"
    assert types["ungenannte Quelle"] == "anonymous"  # the agentless passive
    assert types["New York Post"] == "outlet"
    m = a.metrics
    assert m["distinct_sources"] == 4.0
    assert m["distinct_named_sources"] == 2.0
    assert m["anonymous_share"] == pytest.approx(2 / 6)
    assert m["anonymous_share"] == m["source_anonymous_share"]
    assert sum(m[f"source_{t}_share"] for t in SOURCE_TYPES) == pytest.approx(1.0)


def test_every_quotation_exposes_its_source():
    a = analyze_quotes(TEXT)
    for q in a.quotations:
        assert q.source is not None
        if q.speaker is not None:
            assert q.speaker.source_id == q.source.id


STATEMENT_NOUNS = [
    ("Nach Darstellung Moskaus war das Gespräch konstruktiv.", "Moskau", "institution"),
    ("Nach Angaben der Polizei war die Straße gesperrt.", "Polizei", "institution"),
    ("Laut Medienberichten war die Straße gesperrt.", "Medienberichten", "anonymous"),
    ("Laut einem Bericht der BBC war die Straße gesperrt.", "Bericht der BBC", "outlet"),
    ("Experten zufolge ist das Risiko gering.", "Experten", "expert"),
]


@pytest.mark.parametrize(("text", "name", "kind"), STATEMENT_NOUNS)
def test_statement_nouns_are_trimmed_to_the_source(text, name, kind):
    sources = analyze_quotes(text).sources
    assert [(s.name, s.source_type) for s in sources] == [(name, kind)]


def test_possessive_statement_noun_resolves_to_the_person():
    text = "Der Minister Hans Maier sagte, er sei zufrieden. Seiner Meinung nach ist alles gut."
    a = analyze_quotes(text)
    assert [s.name for s in a.sources] == ["Minister Hans Maier"]
    assert len(a.sources[0].quotations) == 2


def test_role_named_later_joins_the_person():
    text = (
        "„Das ist vorbei“, schreibt der frühere Staatssekretär. Das sagte der frühere "
        "Staatssekretär im Ministerium Stephen Bryen, es sei vorbei."
    )
    names = [s.name for s in analyze_quotes(text).sources]
    assert len(names) == 1


def test_sources_table_and_labels():
    frame = analyze_quotes(TEXT).sources.to_frame()
    assert list(frame.columns) == [
        "id",
        "name",
        "source_type",
        "label",
        "mentions",
        "quotations",
        "kinds",
    ]
    assert frame.loc[0, "label"] == "Person"
    assert set(SOURCE_TYPE_LABELS) == set(SOURCE_TYPES)
    assert analyze_quotes(TEXT).to_dict()["sources"][0]["name"] == "US-Präsident Donald Trump"


def test_empty_text_has_no_sources():
    a = analyze_quotes("")
    assert a.sources == [] and a.metrics["distinct_sources"] == 0.0
    assert a.sources.to_frame().empty


def test_role_modifiers_must_agree():
    text = (
        "US-Präsident Donald Trump sagte, er sei zufrieden. Der russische Präsident Wladimir "
        "Putin sagte, er sei auch zufrieden. Der russische Präsident erklärte, man werde "
        "verhandeln."
    )
    sources = analyze_quotes(text).sources
    assert [(s.name, len(s.quotations)) for s in sources] == [
        ("US-Präsident Donald Trump", 1),
        ("russische Präsident Wladimir Putin", 2),
    ]
