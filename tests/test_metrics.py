"""The metrics table (mediakit/data/metrics.tsv) and everything derived from it."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mediakit
from mediakit import metrics as mk_metrics
from mediakit.metrics import (
    METRICS,
    NOTHING_TO_MEASURE,
    OUT_OF_SCALE,
    UnknownMetricError,
    format_value,
    markdown_table,
    missing_figures,
    out_of_scale,
    shown,
)

ROOT = Path(__file__).resolve().parents[1]

AGENCY = (
    "US-Präsident Donald Trump hat mit Kremlchef Wladimir Putin telefoniert. "
    "Das teilte Trump im Anschluss auf der Plattform Truth Social mit. "
    "«Wir sind übereingekommen, sehr eng zusammenzuarbeiten.» "
    "Putin habe Trump nach Moskau eingeladen, sagte Kremlsprecher Dmitri Peskow."
)
BLOG = (
    "Die Lügenmedien blockieren alle Informationen. Totale Funkstille! "
    "Die blutrünstige Kaja Kallas hat jahrelang eine völlig absurde Politik betrieben."
)
#: Texts in which nothing can be counted: no word at all.
WORDLESS = ["", "   \n\n\t", "!!! ??? …", "„“ – (…)"]


def test_every_metric_analyze_produces_has_a_row_and_vice_versa():
    for text in (AGENCY, BLOG, *WORDLESS):
        produced = set(mediakit.analyze(text).metrics)
        assert produced == set(METRICS), produced ^ set(METRICS)


def test_each_measures_own_descriptions_match_the_table():
    from mediakit import evaluative, quotes

    readability_module = sys.modules["mediakit.readability"]
    for measure, module in (
        ("readability", readability_module),
        ("quotes", quotes),
        ("evaluative", evaluative),
    ):
        rows = {name for name, m in METRICS.items() if m.measure == measure}
        assert set(module.METRIC_DESCRIPTIONS) == rows, (
            measure,
            rows ^ set(module.METRIC_DESCRIPTIONS),
        )


def test_one_share_convention_fractions_between_0_and_1():
    for text in (AGENCY, BLOG):
        values = mediakit.analyze(text).metrics
        missing = missing_figures(values)
        for name, metric in METRICS.items():
            if metric.is_share and name in missing:
                assert math.isnan(values[name]), (name, values[name])
            elif metric.is_share:
                assert 0.0 <= values[name] <= 1.0, (name, values[name])
    r = mediakit.readability(AGENCY)
    values = mediakit.analyze(AGENCY).metrics
    assert values["long_word_share"] == pytest.approx(r.long_words / r.words)
    assert values["polysyllabic_share"] == pytest.approx(r.polysyllabic_words / r.words)
    # the formulas still read percent: LIX = ASL + percent of long words
    assert values["lix"] == pytest.approx(
        values["avg_sentence_length"] + 100 * values["long_word_share"]
    )


def test_every_share_and_rate_names_its_base_count():
    for name, metric in METRICS.items():
        if metric.is_count:
            assert metric.of == "", name
        else:
            assert METRICS[metric.of].is_count, (name, metric.of)
    assert {METRICS[n].of for n in ("named_share", "anonymous_share", "direct_share")} == {
        "quotations"
    }
    assert METRICS["unattributed_evaluative_sentence_share"].of == "evaluative_sentences"
    # the author's rates are of the text's words: all quoted, the author adds 0 of their own
    assert METRICS["evaluative_per_1000_words"].of == "words"
    assert METRICS["quoted_evaluative_per_1000_words"].of == "quoted_words"
    quoted = mediakit.analyze("„Das ist ein völliges Desaster.“").metrics
    assert quoted["author_words"] == 0.0 and quoted["evaluative_per_1000_words"] == 0.0
    assert quoted["quoted_evaluative_per_1000_words"] > 0
    assert math.isnan(quoted["attributed_evaluative_per_1000_words"])


def test_a_share_of_nothing_is_missing_and_shown_as_a_dash():
    values = mediakit.analyze("Der Bundestag hat am Donnerstag den Haushalt beschlossen.").metrics
    assert values["quotations"] == 0.0 and values["evaluative_sentences"] == 0.0
    missing = missing_figures(values)
    assert {"named_share", "attributed_share", "unattributed_evaluative_sentence_share"} <= missing
    assert "quotes_per_1000_words" not in missing and values["quotes_per_1000_words"] == 0.0
    assert {n for n, v in values.items() if math.isnan(v)} == missing
    assert format_value("named_share", values["named_share"]) == "–"
    assert format_value("quotes_per_1000_words", values["quotes_per_1000_words"]) == "0,0"


def test_every_row_is_complete():
    for name, metric in METRICS.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
        assert metric.label and metric.short and metric.description_de and metric.description_en
        assert metric.is_share == metric.format.endswith("%")
        if metric.scale_min is not None and metric.scale_max is not None:
            assert metric.scale_min < metric.scale_max
    assert {"terminal", "figures", "report", "chart"} <= {
        v for m in METRICS.values() for v in m.show
    }


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("words", 1257.0, "1.257"),
        ("words", 12570000.0, "12.570.000"),
        ("avg_sentence_length", 40.64, "40,6"),
        ("avg_syllables_per_word", 1.534, "1,53"),
        ("flesch_amstad", -820777.2, "-820.777,2"),
        ("named_share", 0.4935, "49 %"),
        ("long_word_share", 0.0049, "0,5 %"),  # a fraction is never guessed to be percent
        ("long_word_share", 0.49, "49,0 %"),
        ("lix", float("nan"), "–"),
        ("lix", None, "–"),
        ("quotes_per_1000_words", -0.04, "0,0"),
    ],
)
def test_format_value_german_notation(name, value, expected):
    assert format_value(name, value) == expected


def test_unknown_metric_is_a_key_error_in_german_with_a_suggestion():
    values = mediakit.analyze(AGENCY).metrics
    with pytest.raises(KeyError) as caught:
        values["flesch"]
    message = str(caught.value)
    assert "Eine Kennzahl 'flesch' gibt es nicht" in message and "'flesch_amstad'" in message
    assert isinstance(caught.value, UnknownMetricError)
    with pytest.raises(KeyError, match="'quotes_per_1000_words'"):
        values["quotes_per_1000"]
    with pytest.raises(KeyError, match="Die Namen sind englisch"):
        values["Lesbarkeit"]
    # still a plain dict of floats for everything else
    assert values.get("flesch") is None and isinstance(values["words"], float)
    assert dict(values) == values


def test_wordless_text_has_counts_and_missing_figures_never_a_score():
    for text in WORDLESS:
        analysis = mediakit.analyze(text)
        values = analysis.metrics
        assert values["words"] == 0.0 and values["sentences"] == 0.0
        for name, metric in METRICS.items():
            if metric.is_count:
                assert values[name] == 0.0, name
            else:
                assert math.isnan(values[name]), (text, name, values[name])
        assert analysis.note == NOTHING_TO_MEASURE
        assert analysis.to_dict()["metrics"]["flesch_amstad"] is None  # JSON null
    assert mediakit.analyze(AGENCY).note == ""


def test_formula_values_outside_their_scale_are_kept_and_marked():
    from mediakit.cli import format_table
    from mediakit.display import figures_html

    values = mediakit.analyze("Ja. Nein. Gut.").metrics  # 1 word, 1 syllable per sentence
    assert values["flesch_amstad"] == pytest.approx(120.5)
    assert out_of_scale("flesch_amstad", values["flesch_amstad"])
    assert not out_of_scale("lix", 1e6)  # LIX has no upper bound
    html = figures_html(values)
    assert "120,5" in html and OUT_OF_SCALE in html
    table = format_table([{"id": "kurz", **values}], columns=["flesch_amstad", "wstf1", "lix"])
    assert "120,5*" in table
    assert f"* {OUT_OF_SCALE} (Flesch (Amstad) 0–100; WSTF 1 4–15)" in table


def test_metric_table_is_the_tsv():
    table = mediakit.metric_table()
    assert list(table["name"]) == list(METRICS)
    assert table.set_index("name").loc["long_word_share", "unit"] == "share"
    assert mediakit.analysis.metric_table is mk_metrics.metric_table
    assert mediakit.METRICS is METRICS


def test_readme_metrics_section_is_the_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- metrics table: generated -->", 1)[1].split("<!-- end -->", 1)[0]
    assert section.strip() == markdown_table().strip(), (
        "README metrics table is out of date; paste mediakit.metrics.markdown_table()"
    )


def test_views_come_from_the_table():
    assert shown("terminal") == (
        "words",
        "sentences",
        "flesch_amstad",
        "wstf1",
        "lix",
        "quotes_per_1000_words",
        "named_share",
        "evaluative_per_1000_words",
        "unattributed_evaluative_sentence_share",
    )
    with pytest.raises(ValueError):
        shown("nowhere")


@pytest.mark.parametrize(
    ("bad", "type_name"),
    [(42, "int"), (None, "None"), (b"Der Kanzler sprach.", "bytes"), (["Ein Satz."], "list")],
)
def test_wrong_type_is_a_german_type_error_naming_the_python_type(bad, type_name):
    with pytest.raises(TypeError) as caught:
        mediakit.analyze(bad)
    message = str(caught.value)
    assert "braucht einen Text (str)" in message and type_name in message


def test_relative_to_by_id_or_outlet_in_any_case():
    texts = [
        {"id": "agentur", "outlet": "dpa", "text": AGENCY},
        {"id": "blog", "outlet": "Uncut-News", "text": BLOG},
    ]
    for reference in ("dpa", "DPA", "Agentur", "AGENTUR"):
        df = mediakit.compare(texts, relative_to=reference)
        assert df.set_index("id").loc["agentur", "words"] == pytest.approx(1.0)
    with pytest.raises(
        ValueError, match=r"kein Text hat diese id.*ids: agentur, blog.*Medien: dpa"
    ):
        mediakit.compare(texts, relative_to="Bild")


def test_display_renders_plain_data_without_importing_analysis():
    code = (
        "import sys, mediakit.display as d\n"
        "assert 'mediakit.analysis' not in sys.modules, 'display imports analysis'\n"
        "page = d.analysis_html({'text': 'Er kam.', 'spans': [], 'metrics': {'words': 2.0}})\n"
        "print('mk-highlight' in page)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    source = (ROOT / "mediakit" / "display.py").read_text(encoding="utf-8")
    assert "from .analysis" not in source and "import analysis" not in source


def test_python_dash_m_mediakit():
    done = subprocess.run(
        [sys.executable, "-m", "mediakit", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"mediakit {mediakit.__version__}"
