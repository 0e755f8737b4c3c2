"""Highlighting, key figures, charts and the report.

The renderer is unit-tested on a small stand-in that follows the result protocol
(``text``, ``metrics``, ``evidence()``), so these tests pin the HTML itself; the
end-to-end tests at the bottom run the real measures on the corpus.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mediakit.display import (
    DEFAULT_LAYERS,
    LAYERS,
    HighlightedHTML,
    analysis_html,
    highlight,
    plot_compare,
    report_html,
)
from mediakit.document import TextSpan
from mediakit.metrics import METRICS, shown

VOID = {"br", "meta", "img", "hr", "input", "link", "wbr", "col", "area", "base", "source"}

TEXT = (
    "Trump hat immer wieder getönt, er beende den Krieg schnell.\n\n"
    "Putin sagte: „Das ist ein völlig absurder Vorschlag.“ "
    "Die sogenannte „Friedensmission“ sei gescheitert, hieß es in Kreisen.\n\n"
    "Laut „Die Zeit“ war das Gespräch kurz."
)


def span(text: str, needle: str, label: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return TextSpan(start, start + len(needle), needle, label)


@dataclass
class FakeAnalysis:
    """A stand-in that follows the protocol display reads: text, metrics, evidence(), meta."""

    text: str
    spans: list[TextSpan]
    metrics: dict[str, float] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)

    def evidence(self) -> list[TextSpan]:
        return sorted(self.spans, key=lambda s: (s.start, -s.end, s.label))


def fake() -> FakeAnalysis:
    quote = "„Das ist ein völlig absurder Vorschlag.“"
    spans = [
        span(TEXT, "Trump hat immer wieder getönt, er beende den Krieg schnell.", "long_sentence"),
        span(TEXT, "getönt", "evaluative:speech_verb"),
        span(TEXT, "immer wieder", "evaluative:exaggeration"),
        span(TEXT, "Trump", "speaker"),
        span(TEXT, "er beende den Krieg schnell", "quote:indirect"),
        span(TEXT, "Putin", "speaker"),
        span(TEXT, "sagte", "cue"),
        span(TEXT, quote, "quote:direct"),
        span(TEXT, "völlig", "evaluative:intensifier"),
        span(TEXT, "absurder", "evaluative:loaded"),
        span(TEXT, "„Friedensmission“", "scare_quote"),
        span(TEXT, "sogenannte", "evaluative:distancing"),
        span(TEXT, "Die sogenannte „Friedensmission“ sei gescheitert", "quote:free_indirect"),
        span(TEXT, "hieß es", "cue"),
        span(TEXT, "Kreisen", "speaker"),
        span(TEXT, "„Die Zeit“", "title"),
        span(TEXT, "Laut", "cue"),
        span(TEXT, "Gespräch", "long_word"),
    ]
    metrics = {
        "words": 40.0,
        "sentences": 4.0,
        "flesch_amstad": 55.25,
        "wstf1": 9.1,
        "lix": 48.0,
        "quotes_per_1000_words": 75.0,
        "attributed_share": 1.0,
        "named_share": 2 / 3,
        "evaluative_per_1000_words": 100.0,
        "quoted_evaluative_per_1000_words": 50.0,
    }
    meta = {"id": "demo", "outlet": "Blog", "genre": "blog post", "title": "Ein Test"}
    return FakeAnalysis(TEXT, spans, metrics, meta)


class NestingChecker(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> while open: {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(markup: str) -> NestingChecker:
    checker = NestingChecker()
    checker.feed(markup)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def classes(checker: NestingChecker) -> list[str]:
    """Classes of the marks in the text (the legend's samples left out)."""
    return [
        c
        for _, attrs in checker.elements
        if "mk-swatch" not in (attrs.get("class") or "")
        for c in (attrs.get("class") or "").split()
    ]


def test_every_default_layer_is_rendered_with_its_class():
    result = highlight(fake())
    found = set(classes(check(result.html)))
    for layer in DEFAULT_LAYERS:
        assert f"mk-{layer.replace('_', '-')}" in found, layer
    assert {"mk-quote-direct", "mk-quote-indirect", "mk-quote-free-indirect"} <= found
    assert {"mk-evaluative-intensifier", "mk-evaluative-loaded", "mk-title"} <= found
    # long words are off unless asked for
    assert "mk-long-words" not in found
    assert result.counts == {
        "quotes": 3,
        "speakers": 3,
        "cues": 3,
        "scare_quotes": 2,
        "evaluative": 5,
        "long_sentences": 1,
    }


def test_layers_can_be_chosen_and_unknown_layers_are_refused():
    only = highlight(fake(), ["quotes", "long_words"])
    text_part = only.html.split('class="mk-text"', 1)[1]
    assert "mk-quote-direct" in text_part and "mk-long-word" in text_part
    assert "mk-speaker" not in text_part and "mk-evaluative" not in text_part
    assert highlight(fake(), "quotes,cues").counts == {"quotes": 3, "cues": 3}
    assert set(highlight(fake(), ["all"]).counts) == set(LAYERS)
    with pytest.raises(ValueError, match=r"unbekannte Ebene.*'quote'"):
        highlight(fake(), ["quote"])
    with pytest.raises(TypeError):
        highlight(fake(), 3)


def test_legend_names_every_layer_in_german():
    result = highlight(fake())
    legend = result.html.split('class="mk-text"', 1)[0]
    for words in ("Zitate", "direkt", "indirekt", "Sprecher", "Redeeinleitungen", "Verstärker"):
        assert words in legend
    checker = check(result.html)
    rows = [a.get("data-layer") for t, a in checker.elements if a.get("data-layer")]
    assert rows == list(DEFAULT_LAYERS)


def test_overlapping_spans_nest_properly_and_keep_the_text():
    result = highlight(fake(), "all")
    checker = check(result.html)
    text_part = result.html.split('class="mk-text"', 1)[1]
    inner = NestingChecker()
    inner.feed("<div " + text_part)
    rendered = "".join(inner.text)
    # Every character of the text survives, paragraphs become <p> elements.
    assert rendered.replace("\n", "") == TEXT.replace("\n\n", "")
    assert text_part.count('<p class="mk-p">') == 3
    # The evaluative word inside the quotation sits inside the quotation's element.
    assert re.search(
        r'data-label="quote:direct"[^>]*>(?:(?!</p>).)*data-label="evaluative:intensifier"',
        text_part,
    )
    assert checker.errors == []


def test_crossing_spans_are_closed_and_reopened():
    text = "eins zwei drei vier"
    spans = [TextSpan(0, 9, "", "quote:direct"), TextSpan(5, 19, "", "evaluative:loaded")]
    result = highlight(text, spans=spans)
    checker = check(result.html)
    # "zwei" lies in both; the evaluative box is opened twice (before and after the cut).
    assert sum(1 for c in classes(checker) if c == "mk-evaluative-loaded") == 2
    tips = [a["title"] for t, a in checker.elements if a.get("class") == "mk-piece"]
    assert "Zitat: direkte Rede · Wertend: aufgeladenes Wort" in tips


def test_tooltips_list_the_labels_of_each_piece():
    checker = check(highlight(fake()).html)
    tips = {a["title"] for t, a in checker.elements if a.get("class") == "mk-piece"}
    assert "Zitat: direkte Rede · Wertend: Verstärker" in tips
    assert "Langer Satz · Sprecher/Quelle" in tips


def test_text_is_escaped_markup_renders_as_text():
    hostile = 'Er schrieb: <script>alert("x")</script> & <img src=x onerror=alert(1)> "ok"'
    spans = [TextSpan(12, 42, "", "quote:direct")]
    result = highlight(hostile, spans=spans, title="<b>Titel</b>")
    page = result.page()
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page
    assert "&lt;b&gt;Titel&lt;/b&gt;" in page
    checker = check(result.html)
    assert "".join(checker.text).endswith(hostile[-30:])
    evil_label = [TextSpan(0, 2, "", 'evaluative:"><script>x</script>')]
    assert "<script>" not in highlight(hostile, spans=evil_label).html


def test_control_characters_and_lone_surrogates_do_not_break_the_page(tmp_path):
    text = "Null\x00byte und \ud800 einsam, \u202egnudreh\u202c Emoji 🙂."
    result = highlight(text, spans=[TextSpan(0, 4, "", "speaker")])
    assert "\x00" not in result.html and "\ud800" not in result.html
    assert "\u202e" not in result.html  # no right-to-left override reordering the evidence
    path = result.save(tmp_path / "x.html")
    assert "🙂" in path.read_text(encoding="utf-8")


def test_offline_only_no_network_resources():
    page = highlight(fake(), standalone=True).html
    report = report_html([fake().metrics | fake().meta], [fake()], None)
    for markup in (page, report):
        lowered = markup.lower()
        assert "<script" not in lowered
        assert "<link" not in lowered
        assert "@import" not in lowered and "@font-face" not in lowered
        assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", lowered)
        assert "url(" not in lowered
        assert "default-src 'none'" in markup  # the page itself forbids fetching anything


def test_standalone_and_fragment_forms(tmp_path):
    result = highlight(fake(), title="Kurztext")
    assert isinstance(result, HighlightedHTML)
    assert result._repr_html_().startswith('<div class="mk-highlight"')
    assert str(result) == result.html == result.fragment
    page = highlight(fake(), standalone=True, title="Kurztext").html
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Kurztext</title>" in page
    saved = result.save(tmp_path / "seite.html").read_text(encoding="utf-8")
    assert saved.startswith("<!DOCTYPE html>") and "Kurztext" in saved
    check(saved.split("<body>", 1)[1].rsplit("</body>", 1)[0])


def test_single_line_breaks_become_br_and_empty_text_is_fine():
    result = highlight("Zeile eins\nZeile zwei", spans=[])
    assert "Zeile eins<br>Zeile zwei" in result.html
    assert "(kein Text)" in highlight("   ", spans=[]).html
    outside = [
        TextSpan(-5, 3, "", "speaker"),
        TextSpan(2, 999, "", "cue"),
        TextSpan(4, 4, "", "cue"),
    ]
    check(highlight("Kurzer Text", spans=outside).html)


def test_measure_result_without_text_gets_a_clear_error():
    class QuotesOnly:
        metrics: dict = {}  # noqa: RUF012

        def evidence(self):
            return []

    with pytest.raises(TypeError, match=r"spans=result\.evidence"):
        highlight(QuotesOnly())


def test_analysis_html_shows_key_figures_in_german_and_the_text():
    markup = analysis_html(fake())
    check(markup)
    assert "Flesch (Amstad)" in markup and "55,2" in markup
    assert "namentlich genannte Quellen" in markup and "67 %" in markup
    assert 'class="mk-highlight"' in markup


def records() -> list[dict]:
    base = fake().metrics
    rows = []
    for i, (outlet, genre) in enumerate(
        [
            ("TKP", "blog post"),
            ("TKP", "blog post"),
            ("dpa", "agency report"),
            ("Uncut-News", "blog post"),
            ("Nachrichten.net", "aggregator summary"),
            ("TKP", "reader comments"),
        ]
    ):
        row = {"id": f"00{i}", "outlet": outlet, "genre": genre, "date": None, "title": f"T{i}"}
        row.update({k: v * (1 + i / 5) for k, v in base.items()})
        rows.append(row)
    return rows


def test_plot_compare_small_multiples_with_german_labels(tmp_path):
    pd = pytest.importorskip("pandas")
    fig = plot_compare(pd.DataFrame(records()))
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == len(shown("chart")) == 7
    titles = [ax.get_title(loc="left").replace("\n", " ") for ax in visible]
    # titles are the German labels of metrics.tsv, panels its "chart" rows
    assert titles == [METRICS[name].label for name in shown("chart")]
    assert "Flesch (Amstad)" in titles and "Zitate je 1.000 Wörter" in titles
    assert visible[0].get_xlabel() == "Punkte (0–100)"
    labels = [t.get_text() for t in visible[0].get_yticklabels()]
    assert labels == [
        "TKP (000)",
        "TKP (001)",
        "dpa",
        "Uncut-News",
        "Nachrichten.net",
        "TKP (005, Kommentare)",
    ]
    bars = visible[0].patches
    assert len(bars) == 6 and bars[2].get_width() == pytest.approx(55.25 * 1.4)
    named = next(ax for ax in visible if ax.get_title(loc="left") == "namentlich genannte Quellen")
    assert named.patches[0].get_width() == pytest.approx(200 / 3)  # shown in percent
    legend_texts = {t.get_text() for legend in fig.legends for t in legend.get_texts()}
    assert {"Blogbeitrag", "Agenturmeldung", "Leserkommentare"} <= legend_texts
    out = tmp_path / "vergleich.png"
    fig.savefig(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_compare_bad_input():
    with pytest.raises(ValueError):
        plot_compare([])
    with pytest.raises(TypeError):
        plot_compare(42)
    fig = plot_compare([{"id": "x", "words": 3.0}])  # no metric columns: "keine Daten"
    assert any("keine Daten" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_report_has_table_chart_and_every_text(tmp_path):
    rows = records()[:3]
    analyses = [fake(), fake(), fake()]
    page = report_html(rows, analyses, plot_compare(rows))
    assert page.startswith("<!DOCTYPE html>")
    check(page.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    assert page.count('class="mk-highlight"') == 3
    assert page.count('class="mk-legend"') == 3
    assert 'class="mk-table mk-summary"' in page and "Agenturmeldung" in page
    match = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert match and base64.b64decode(match.group(1))[:4] == b"\x89PNG"
    assert all(f'id="doc-{i}"' in page and f'href="#doc-{i}"' in page for i in (1, 2, 3))


# ---------------------------------------------------------------------------
# End to end, with the real measures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_analyses():
    mediakit = pytest.importorskip("mediakit")
    return [mediakit.analyze(doc) for doc in mediakit.load_corpus()]


def test_real_analysis_highlights_the_dpa_evidence(corpus_analyses):
    dpa = next(a for a in corpus_analyses if a.meta.get("outlet") == "dpa")
    result = highlight(dpa)
    checker = check(result.html)
    found = set(classes(checker))
    assert {"mk-quotes", "mk-speakers", "mk-cues", "mk-evaluative"} <= found
    assert result.counts["quotes"] > 0 and result.counts["evaluative"] > 0
    # "getönt" is an evaluative speech verb the dpa report uses; it is boxed.
    boxed = re.findall(r'data-label="evaluative:[^"]*"[^>]*><span[^>]*>([^<]+)<', result.html)
    assert "getönt" in boxed
    assert "Schmusekurs" in "".join(boxed)
    html = dpa._repr_html_()
    assert "Flesch (Amstad)" in html and 'class="mk-highlight"' in html


def test_real_highlight_from_plain_text():
    import mediakit

    result = mediakit.highlight("Putin sagte: „Das ist ein völlig absurder Vorschlag.“")
    found = set(classes(check(result.html)))
    assert "mk-quote-direct" in found and "mk-speaker" in found


def test_real_report_of_the_corpus(corpus_analyses):
    import mediakit

    df = mediakit.compare()
    page = report_html(df, corpus_analyses, plot_compare(df))
    check(page.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    assert page.count('class="mk-highlight"') == len(corpus_analyses) == 5
    assert "data:image/png;base64," in page


def test_plot_compare_relative_figures_say_so():
    rows = records()[:3]
    fig = plot_compare(rows, relative_to="dpa")
    first = next(ax for ax in fig.axes if ax.get_visible())
    assert first.get_xlabel() == "im Verhältnis zu dpa (1 = gleich)"
    assert any(line.get_xdata()[0] == 1.0 for line in first.lines)  # the reference line


def test_chart_shows_itself_in_notebooks_without_pyplot():
    from matplotlib.figure import Figure

    fig = plot_compare(records()[:2])
    assert isinstance(fig, Figure)
    assert fig._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_in_a_real_jupyter_kernel_analysis_chart_and_highlight_render(tmp_path):
    """What a student sees: HTML for an analysis and a highlight, a PNG for the chart."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("mediakit.evaluative")
    from jupyter_client.kernelspec import KernelSpecManager

    if "python3" not in KernelSpecManager().find_kernel_specs():
        pytest.skip("no python3 Jupyter kernel installed")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import mediakit\n"
            "a = mediakit.analyze('Putin sagte: „Das ist ein völlig absurder Vorschlag.“')\n"
            "a"
        ),
        nbformat.v4.new_code_cell(
            "mediakit.plot_compare(mediakit.compare("
            "{'dpa': 'Der Kreml bestätigte das Telefonat.', 'Blog': 'Totale Funkstille!'}))"
        ),
        nbformat.v4.new_code_cell("mediakit.highlight(a, ['quotes', 'evaluative'])"),
    ]
    root = Path(__file__).resolve().parents[1]
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(root)}}
    ).execute()
    outputs = [cell.outputs[-1]["data"] for cell in notebook.cells]
    assert "mk-quote-direct" in outputs[0]["text/html"]
    assert "Flesch (Amstad)" in outputs[0]["text/html"]
    assert "image/png" in outputs[1]
    assert "mk-evaluative" in outputs[2]["text/html"]


# ---------------------------------------------------------------------------
# Plain data in, German figures out (the renderer never analyses)
# ---------------------------------------------------------------------------


def test_display_highlight_of_a_bare_text_says_where_to_go():
    with pytest.raises(TypeError, match=r"mediakit\.highlight\(text\)"):
        highlight("Putin sagte: „Das ist absurd.“")


def test_a_dict_of_plain_data_renders_like_an_analysis():
    data = fake()
    plain = {
        "text": data.text,
        "spans": data.evidence(),
        "metrics": data.metrics,
        "meta": data.meta,
    }
    assert analysis_html(plain) == analysis_html(data)
    page = report_html([{**data.meta, **data.metrics}], [plain])
    assert page.count('class="mk-highlight"') == 1 and "Ein Test" in page


def test_key_figures_of_a_wordless_text_are_a_note_not_scores():
    from mediakit.display import figures_html
    from mediakit.metrics import NOTHING_TO_MEASURE

    nan = float("nan")
    markup = figures_html({"words": 0.0, "sentences": 0.0, "flesch_amstad": nan, "lix": nan})
    assert NOTHING_TO_MEASURE in markup
    assert 'data-metric="flesch_amstad">–<' in markup and "0,0" not in markup


def test_report_table_is_german_and_marks_values_out_of_scale():
    rows = records()[:2]
    rows[0]["flesch_amstad"] = 120.5
    rows[1]["genre"] = "aggregator summary"
    rows[1]["outlet"] = "unnamed aggregator"
    page = report_html(rows)
    summary = page.split('class="mk-table mk-summary"', 1)[1].split("</table>", 1)[0]
    assert "120,5" in summary and "außerhalb der Skala" in summary
    assert "Aggregator-Text" in summary and "anonymer Aggregator" in summary
    assert "67 %" in summary  # named_share 2/3, shown as percent
    assert METRICS["named_share"].label in summary
