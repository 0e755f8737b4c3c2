"""What students and teachers look at: highlighted texts, charts, the HTML report.

:func:`highlight` turns the evidence of an analysis (labelled character-offset spans)
into HTML with a legend. It works in JupyterLab (``_repr_html_``) and as a standalone
file (:meth:`HighlightedHTML.save`). Everything is offline: inline styles only, no
scripts, no web fonts, nothing fetched from the network; all text is escaped.

Overlapping evidence (an evaluative word inside a quotation, next to its speaker and
the speech verb) stays legible because every layer has its own kind of mark:

=================  ==========================================================
layer              mark
=================  ==========================================================
``quotes``         background tint, one colour per kind (direct, indirect, ...)
``speakers``       bold, solid underline
``cues``           dotted underline
``scare_quotes``   red wavy underline (titles and names in quote marks: italic,
                   dashed grey underline)
``evaluative``     coloured box, one colour per category
``long_sentences`` grey bar on the left of each line, faint grey background
``long_words``     double underline (not shown unless asked for)
=================  ==========================================================

The text is cut into pieces at every span boundary; each piece knows its active
spans. Elements are opened outermost first and closed and reopened only where spans
really cross, so the HTML is always properly nested, and every piece carries a
tooltip (``title``) listing its labels.

:func:`plot_compare` draws the key figures of a :func:`mediakit.compare` table as
small multiples; :func:`report_html` puts table, chart and highlighted texts into one
self-contained page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import math
import re
import textwrap
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import TextSpan
from .metrics import (
    METRICS,
    NOTHING_TO_MEASURE,
    OUT_OF_SCALE,
    format_number,
    format_value,
    get_metric,
    label_for,
    out_of_scale,
    scale_text,
    shown,
)
from .tables import load_table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "DEFAULT_LAYERS",
    "LAYERS",
    "HighlightedHTML",
    "TextSpan",
    "analysis_html",
    "figure_png_base64",
    "figures_html",
    "highlight",
    "plot_compare",
    "report_html",
]

# ---------------------------------------------------------------------------
# Layers, labels, styles
# ---------------------------------------------------------------------------

#: Layer name -> the evidence label prefixes it shows.
LAYERS: dict[str, tuple[str, ...]] = {
    "quotes": ("quote",),
    "speakers": ("speaker",),
    "cues": ("cue",),
    "scare_quotes": ("scare_quote", "title"),
    "evaluative": ("evaluative",),
    "long_sentences": ("long_sentence",),
    "long_words": ("long_word",),
}

#: Layers shown when ``layers=None``.
DEFAULT_LAYERS: tuple[str, ...] = (
    "quotes",
    "speakers",
    "cues",
    "scare_quotes",
    "evaluative",
    "long_sentences",
)

_LAYER_OF_PREFIX = {prefix: layer for layer, prefixes in LAYERS.items() for prefix in prefixes}

# Opening order when two spans start and end together: outer marks first.
_NESTING = {
    "long_sentence": 0,
    "quote": 1,
    "title": 2,
    "scare_quote": 2,
    "speaker": 3,
    "cue": 3,
    "long_word": 4,
    "evaluative": 5,
}

_GERMAN_LABEL = {
    "quote": "Zitat",
    "speaker": "Sprecher/Quelle",
    "cue": "Redeeinleitung",
    "scare_quote": "Distanzierende Anführungszeichen",
    "title": "Name/Titel in Anführungszeichen",
    "evaluative": "Wertend",
    "long_sentence": "Langer Satz",
    "long_word": "Langes Wort",
}

_GERMAN_SUBTYPE = {
    # quotation kinds: their labels are quote_kinds.tsv's (added below), school grammar's terms
    "mixed": "gemischt",
    # speaker types
    "named": "namentlich",
    "pronoun": "Pronomen",
    "anonymous": "anonym/vage",
    "outlet": "Medium",
    # evaluative categories (several spellings, since the lexicon may name them so)
    "intensifier": "Verstärker",
    "intensifiers": "Verstärker",
    "pejorative": "abwertende Bezeichnung",
    "pejorative_label": "abwertende Bezeichnung",
    "pejorative_labels": "abwertende Bezeichnung",
    "loaded": "aufgeladenes Wort",
    "loaded_word": "aufgeladenes Wort",
    "loaded_words": "aufgeladenes Wort",
    "speech_verb": "wertendes Redeverb",
    "evaluative_speech_verb": "wertendes Redeverb",
    "evaluative_speech_verbs": "wertendes Redeverb",
    "stance": "Einstellungsadverb/Modalpartikel",
    "stance_adverb": "Einstellungsadverb",
    "modal_particle": "Modalpartikel",
    "distancing": "Distanzierung",
    "exaggeration": "Übertreibung",
    "emotional": "Gefühlswort",
    "emotion": "Gefühlswort",
    "hedge": "Absicherung (zählt nicht als wertend)",
    "judgement": "Werturteil",
    "first_person": "erste Person (ich/wir)",
    "address": "Anrede ans Publikum",
    "epistemic": "Gewissheit/Zweifel",
    "interjection": "Ausruf",
}

_GERMAN_SUBTYPE.update({row["kind"]: row["label"] for row in load_table("quote_kinds.tsv")})

_QUOTE_TINT = {
    "direct": "rgba(37, 99, 235, 0.16)",
    "indirect": "rgba(5, 150, 105, 0.17)",
    "free_indirect": "rgba(147, 51, 234, 0.15)",
    "reported": "rgba(217, 119, 6, 0.17)",
}
_QUOTE_TINT_OTHER = "rgba(107, 114, 128, 0.16)"

_CATEGORY_COLOURS = {
    "intensifier": "#ea580c",
    "pejorative": "#dc2626",
    "loaded": "#c026d3",
    "judgement": "#111827",
    "speech_verb": "#7c3aed",
    "stance": "#0d9488",
    "modal_particle": "#0891b2",
    "distancing": "#ca8a04",
    "exaggeration": "#db2777",
    "emotional": "#65a30d",
    "first_person": "#1d4ed8",
    "address": "#57534e",
    "epistemic": "#0369a1",
    "interjection": "#be123c",
    "hedge": "#94a3b8",
}
_FALLBACK_COLOURS = ("#b45309", "#4d7c0f", "#be185d", "#0e7490", "#6d28d9", "#a16207")

_STYLES = {
    "speaker": (
        "font-weight:700;text-decoration-line:underline;text-decoration-style:solid;"
        "text-decoration-color:#1e3a8a;text-decoration-thickness:2px;"
        "text-underline-offset:3px;"
    ),
    "cue": (
        "text-decoration-line:underline;text-decoration-style:dotted;"
        "text-decoration-color:#0f172a;text-decoration-thickness:2px;"
        "text-underline-offset:5px;"
    ),
    "scare_quote": (
        "text-decoration-line:underline;text-decoration-style:wavy;"
        "text-decoration-color:#dc2626;text-decoration-thickness:1.5px;"
        "text-underline-offset:4px;"
    ),
    "title": (
        "font-style:italic;text-decoration-line:underline;text-decoration-style:dashed;"
        "text-decoration-color:#6b7280;text-underline-offset:4px;"
    ),
    "long_sentence": (
        "background-color:rgba(100, 116, 139, 0.10);border-left:3px solid #94a3b8;"
        "padding-left:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone;"
    ),
    "long_word": "border-bottom:3px double #475569;",
}

_BOX = (
    "border:2px solid {colour};border-radius:4px;padding:0 2px;margin:0 1px;"
    "background-color:{tint};-webkit-box-decoration-break:clone;box-decoration-break:clone;"
)

_SAFE_CLASS = re.compile(r"[^a-z0-9-]+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_PARAGRAPH_GAP = re.compile(r"(?:\r\n|\r|\n|\u2029)[ \t\f\v\u00a0]*(?:\r\n|\r|\n|\u2029)\s*")
# C0/C1 controls (except tab and line breaks) and lone surrogates cannot be written
# as HTML or UTF-8; they become U+FFFD (one character each, so offsets stay valid).
# Bidi overrides and isolates (U+202A-202E, U+2066-2069) are neutralised the same way,
# so no text can visually reorder the evidence around it.
_UNPRINTABLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _canonical_category(subtype: str) -> str:
    key = subtype.lower()
    if key in _CATEGORY_COLOURS:
        return key
    if key.endswith("s") and key[:-1] in _CATEGORY_COLOURS:
        key = key[:-1]
    for known in _CATEGORY_COLOURS:
        if key == known or key.startswith(known) or key.endswith(known):
            return known
    if "particle" in key:
        return "modal_particle"
    if "verb" in key:
        return "speech_verb"
    return key


def _category_colour(subtype: str) -> str:
    known = _CATEGORY_COLOURS.get(_canonical_category(subtype))
    if known:
        return known
    digest = int(hashlib.sha1(subtype.encode("utf-8", "replace")).hexdigest(), 16)
    return _FALLBACK_COLOURS[digest % len(_FALLBACK_COLOURS)]


def _tint(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _split_label(label: str) -> tuple[str, str]:
    base, _, subtype = str(label).partition(":")
    return base.strip(), subtype.strip()


def _style_for(base: str, subtype: str) -> str:
    if base == "quote":
        return f"background-color:{_QUOTE_TINT.get(subtype, _QUOTE_TINT_OTHER)};"
    if base == "evaluative":
        colour = _category_colour(subtype)
        box = _BOX.format(colour=colour, tint=_tint(colour, 0.08))
        # Hedges are shown but not counted as bias: a dashed box says "only noted".
        return box.replace("solid", "dashed") if _canonical_category(subtype) == "hedge" else box
    return _STYLES.get(base, "")


def _css_classes(base: str, subtype: str) -> str:
    layer = _LAYER_OF_PREFIX.get(base, base)
    classes = [f"mk-{layer.replace('_', '-')}", f"mk-{base.replace('_', '-')}"]
    if subtype:
        slug = _SAFE_CLASS.sub("-", subtype.lower()).strip("-")
        if slug:
            classes.append(f"mk-{base.replace('_', '-')}-{slug}")
    return " ".join(dict.fromkeys(classes))


def _german(label: str) -> str:
    base, subtype = _split_label(label)
    name = _GERMAN_LABEL.get(base, base)
    if not subtype:
        return name
    return f"{name}: {_GERMAN_SUBTYPE.get(subtype, _GERMAN_SUBTYPE.get(_canonical_category(subtype), subtype.replace('_', ' ')))}"


def _clean(text: str) -> str:
    return _UNPRINTABLE.sub("\ufffd", text)


def _escape_text(text: str) -> str:
    return _LINE_BREAKS.sub("<br>", html.escape(_clean(text), quote=False))


def _attr(value: str) -> str:
    return html.escape(_clean(value), quote=True)


# ---------------------------------------------------------------------------
# Highlighting
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str
    base: str
    subtype: str
    order: int


class HighlightedHTML:
    """Highlighted text as HTML: shows itself in JupyterLab, prints, and saves.

    ``html`` (and ``str()``) is an HTML fragment, or a whole page when made with
    ``standalone=True``; :meth:`save` always writes a whole page. ``counts`` tells how
    many spans each layer showed.

    >>> h = highlight("Er sagte: „Das ist ein völliges Desaster.“")  # doctest: +SKIP
    >>> h.save("markiert.html")  # doctest: +SKIP
    """

    def __init__(
        self,
        fragment: str,
        *,
        title: str | None = None,
        standalone: bool = False,
        counts: Mapping[str, int] | None = None,
    ) -> None:
        self.fragment = fragment
        self.title = title
        self.standalone = standalone
        self.counts = dict(counts or {})

    @property
    def html(self) -> str:
        """The fragment, or the whole page if ``standalone``."""
        return self.page() if self.standalone else self.fragment

    def page(self) -> str:
        """A complete, self-contained HTML page holding the highlighted text."""
        return _page(self.fragment, title=self.title or "mediakit – markierter Text")

    def save(self, path: str | Path) -> Path:
        """Write a standalone HTML page (UTF-8) and return its path."""
        target = Path(path)
        target.write_text(self.page(), encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        return self.fragment

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v}" for k, v in self.counts.items())
        return f"<HighlightedHTML {len(self.fragment):,} chars; {shown}>"


def highlight(
    text_or_analysis: Any,
    layers: str | Iterable[str] | None = None,
    *,
    standalone: bool = False,
    title: str | None = None,
    spans: Iterable[Any] | None = None,
) -> HighlightedHTML:
    """Highlight the evidence in a German text: HTML with a legend.

    ``text_or_analysis`` is a text (it is analysed first), an :class:`~mediakit.Analysis`,
    a corpus document, or any object with ``text`` and ``evidence()``. ``layers``
    picks what is shown (names in :data:`LAYERS`, e.g. ``["quotes", "evaluative"]`` or
    ``"quotes,speakers"``; default :data:`DEFAULT_LAYERS`). ``spans`` replaces the
    evidence by your own spans (objects with ``start``, ``end``, ``label``).

    >>> h = highlight("Er sagte: „Das ist ein Desaster.“",
    ...               spans=[TextSpan(10, 33, "…", "quote:direct")])
    >>> 'class="mk-quotes mk-quote mk-quote-direct"' in h.html
    True
    """
    chosen = _parse_layers(layers)
    text, evidence, meta = _text_and_evidence(text_or_analysis, spans)
    if title is None and meta.get("title"):
        title = str(meta["title"])
    fragment, counts = _render(text, evidence, chosen)
    return HighlightedHTML(fragment, title=title, standalone=standalone, counts=counts)


def _parse_layers(layers: str | Iterable[str] | None) -> tuple[str, ...]:
    if layers is None:
        return DEFAULT_LAYERS
    if isinstance(layers, str):
        names = [n.strip() for n in layers.split(",") if n.strip()]
    elif isinstance(layers, Iterable):
        names = [str(n).strip() for n in layers]
    else:
        raise TypeError(
            f"layers braucht eine Liste von Ebenen-Namen, nicht {type(layers).__name__}"
        )
    if "all" in names:
        return tuple(LAYERS)
    unknown = [n for n in names if n not in LAYERS]
    if unknown:
        raise ValueError(
            f"unbekannte Ebene(n) {', '.join(map(repr, unknown))}; möglich: {', '.join(LAYERS)}, all"
        )
    return tuple(dict.fromkeys(names))


def _text_and_evidence(item: Any, spans: Iterable[Any] | None) -> tuple[str, list[Any], dict]:
    """Plain data from what was passed: the text, its spans, its metadata.

    This module only renders; it never analyses (``mediakit.highlight`` does that first).
    """
    if isinstance(item, Mapping) and not isinstance(item, str):
        text = item.get("text")
        if not isinstance(text, str):
            raise TypeError("a dict to highlight needs its text as a str under 'text'")
        given = item.get("spans", item.get("evidence", ())) if spans is None else spans
        return text, list(given or ()), dict(item.get("meta") or {})
    meta = dict(getattr(item, "meta", None) or {}) if not isinstance(item, str) else {}
    if spans is not None:
        if isinstance(item, str):
            # Only a str is needed here; the text is shown, not parsed, so even markup
            # (rendered as text) is fine.
            return item, list(spans), meta
        text = getattr(item, "text", None)
        if not isinstance(text, str):
            raise TypeError("with spans=..., pass the text as a str")
        return text, list(spans), meta
    evidence = getattr(item, "evidence", None)
    text = getattr(item, "text", None)
    if callable(evidence) and isinstance(text, str):
        return text, list(evidence()), meta
    if callable(evidence):
        raise TypeError(
            f"a {type(item).__name__} does not carry its text; use "
            "highlight(text, spans=result.evidence()) or highlight(mediakit.analyze(text))"
        )
    raise TypeError(
        f"mediakit.display.highlight() zeigt fertige Belege, bekam aber {type(item).__name__} "
        "ohne spans=...; für einen Text: mediakit.highlight(text) (analysiert ihn zuerst)"
    )


def _collect(text: str, evidence: Iterable[Any], chosen: Sequence[str]) -> list[_Span]:
    wanted = {prefix for layer in chosen for prefix in LAYERS[layer]}
    n = len(text)
    out: list[_Span] = []
    for item in evidence:
        label = str(getattr(item, "label", "") or "")
        base, subtype = _split_label(label)
        if base not in wanted:
            continue
        try:
            start, end = int(item.start), int(item.end)
        except (AttributeError, TypeError, ValueError):
            continue
        start, end = max(0, start), min(n, end)
        if end <= start:
            continue
        out.append(_Span(start, end, label, base, subtype, _NESTING.get(base, 9)))
    # Identical spans (e.g. one quotation reported twice) would only double the marks.
    unique = {(s.start, s.end, s.label): s for s in out}
    return sorted(unique.values(), key=_open_key)


def _open_key(span: _Span) -> tuple[int, int, int, str]:
    return (span.start, -span.end, span.order, span.label)


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    start = 0
    for gap in _PARAGRAPH_GAP.finditer(text):
        ranges.append((start, gap.start()))
        start = gap.end()
    ranges.append((start, len(text)))
    trimmed = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _render(text: str, evidence: Iterable[Any], chosen: Sequence[str]) -> tuple[str, dict]:
    spans = _collect(text, evidence, chosen)
    counts = Counter(_LAYER_OF_PREFIX[s.base] for s in spans)
    subtypes = Counter(s.label for s in spans)
    paragraphs = _paragraph_ranges(text)
    body = [
        f'<p class="mk-p">{_render_paragraph(text, p_start, p_end, inside)}</p>'
        for (p_start, p_end), inside in zip(
            paragraphs, _spans_by_paragraph(spans, paragraphs), strict=True
        )
    ]
    if not paragraphs:
        body.append('<p class="mk-p mk-empty">(kein Text)</p>')
    legend = _legend(chosen, subtypes)
    fragment = (
        f'<div class="mk-highlight" lang="de" style="{_CONTAINER_STYLE}">'
        f"{legend}"
        f'<div class="mk-text" style="{_TEXT_STYLE}">{"".join(body)}</div>'
        "</div>"
    )
    return fragment, {layer: counts.get(layer, 0) for layer in chosen}


def _spans_by_paragraph(spans: list[_Span], paragraphs: list[tuple[int, int]]) -> list[list[_Span]]:
    """The spans touching each paragraph, in opening order (linear, not quadratic)."""
    starts = [s for s, _ in paragraphs]
    buckets: list[list[_Span]] = [[] for _ in paragraphs]
    for span in spans:
        index = max(bisect_right(starts, span.start) - 1, 0)
        while index < len(paragraphs) and paragraphs[index][0] < span.end:
            if paragraphs[index][1] > span.start:
                buckets[index].append(span)
            index += 1
    return buckets


def _render_paragraph(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """Nest the spans of one paragraph into valid HTML, piece by piece."""
    if not spans:
        return _escape_text(text[start:end])
    clipped = [
        _Span(max(s.start, start), min(s.end, end), s.label, s.base, s.subtype, s.order)
        for s in spans
    ]
    clipped.sort(key=_open_key)
    bounds = sorted({start, end, *(s.start for s in clipped), *(s.end for s in clipped)})
    out: list[str] = []
    stack: list[_Span] = []
    active: set[_Span] = set()
    starting: dict[int, list[_Span]] = {}
    for span in clipped:
        starting.setdefault(span.start, []).append(span)
    for left, right in itertools.pairwise(bounds):
        active = {s for s in active if s.end > left}
        active.update(starting.get(left, ()))
        # Close down to the outermost element that has ended; whatever is still active
        # but closed by that is reopened below, together with the spans that start here.
        for depth, span in enumerate(stack):
            if span not in active:
                out.append("</span>" * (len(stack) - depth))
                del stack[depth:]
                break
        opened = set(stack)
        for span in sorted((s for s in active if s not in opened), key=_open_key):
            out.append(_open_tag(span.label))
            stack.append(span)
        piece = _escape_text(text[left:right])
        if active:
            tip = _tooltip(tuple(s.label for s in sorted(active, key=_open_key)))
            out.append(f'<span class="mk-piece" title="{tip}">{piece}</span>')
        else:
            out.append(piece)
    out.extend("</span>" for _ in stack)
    return "".join(out)


@lru_cache(maxsize=4096)
def _open_tag(label: str) -> str:
    base, subtype = _split_label(label)
    return (
        f'<span class="{_css_classes(base, subtype)}" '
        f'data-label="{_attr(label)}" style="{_style_for(base, subtype)}">'
    )


@lru_cache(maxsize=4096)
def _tooltip(labels: tuple[str, ...]) -> str:
    return _attr(" · ".join(dict.fromkeys(_german(label) for label in labels)))


_CONTAINER_STYLE = (
    "font-family:Georgia,'DejaVu Serif','Times New Roman',serif;color:#111827;"
    "max-width:52em;line-height:2.05;font-size:17px;"
)
_TEXT_STYLE = "padding:0.2em 0.1em;"
_LEGEND_STYLE = (
    "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:13px;line-height:2.2;"
    "border:1px solid #d1d5db;border-radius:6px;padding:6px 10px;margin:0 0 12px 0;"
    "background:#f9fafb;"
)


def _legend(chosen: Sequence[str], present: Counter) -> str:
    """One line per layer: a sample of its mark, its German name, how often it occurs."""
    rows = []
    for layer in chosen:
        prefixes = LAYERS[layer]
        labels = sorted(
            (lab for lab in present if _split_label(lab)[0] in prefixes),
            key=lambda lab: (prefixes.index(_split_label(lab)[0]), lab),
        )
        if layer == "quotes":
            # Every kind appears, so students learn the colours before they meet them.
            labels = sorted(
                set(labels) | {f"quote:{kind}" for kind in _QUOTE_TINT},
                key=lambda lab: (
                    list(_QUOTE_TINT).index(_split_label(lab)[1])
                    if _split_label(lab)[1] in _QUOTE_TINT
                    else 99,
                    lab,
                ),
            )
        if layer == "scare_quotes":
            labels = sorted(set(labels) | {"scare_quote", "title"})
        if not labels:
            labels = list(prefixes)
        items = []
        for label in labels:
            base, subtype = _split_label(label)
            count = present.get(label, 0)
            muted = "" if count else "opacity:0.55;"
            items.append(
                f'<span class="mk-legend-item" data-label="{_attr(label)}" '
                f'style="margin-right:14px;white-space:nowrap;{muted}">'
                f'<span class="mk-swatch {_css_classes(base, subtype)}" '
                f'style="{_style_for(base, subtype)}">{_swatch_text(base)}</span> '
                f"{html.escape(_legend_name(base, subtype))} ({count})</span>"
            )
        rows.append(
            f'<div class="mk-legend-row" data-layer="{layer}">'
            f'<strong style="display:inline-block;min-width:11em">'
            f"{html.escape(_LAYER_TITLE[layer])}</strong> {' '.join(items)}</div>"
        )
    return f'<div class="mk-legend" style="{_LEGEND_STYLE}">{"".join(rows)}</div>'


_LAYER_TITLE = {
    "quotes": "Zitate (nach Art)",
    "speakers": "Sprecher/Quellen",
    "cues": "Redeeinleitungen",
    "scare_quotes": "Anführungszeichen",
    "evaluative": "Wertende Wörter",
    "long_sentences": "Lange Sätze",
    "long_words": "Lange Wörter",
}


def _legend_name(base: str, subtype: str) -> str:
    if base in {"quote", "evaluative"} and subtype:
        return _german(f"{base}:{subtype}").split(": ", 1)[1]
    if base == "scare_quote":
        return "distanzierend (Scare Quotes)"
    if base == "title":
        return "Name/Titel"
    return _german(f"{base}:{subtype}" if subtype else base)


def _swatch_text(base: str) -> str:
    return {
        "speaker": "Putin",
        "cue": "sagte",
        "quote": "„…“",
        "scare_quote": "„Frieden“",
        "title": "„Die Zeit“",
        "long_sentence": "Satz …",
        "long_word": "Wort",
        "evaluative": "Wort",
    }.get(base, "Text")


_PAGE_STYLE = (
    "body{margin:0;padding:24px 28px;background:#ffffff;color:#111827;"
    "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;}"
    "h1{font-size:24px;margin:0 0 12px 0;}h2{font-size:20px;margin:28px 0 6px 0;}"
    "table.mk-table{border-collapse:collapse;font-size:13px;margin:8px 0 16px 0;}"
    "table.mk-table th,table.mk-table td{border:1px solid #d1d5db;padding:4px 8px;}"
    "table.mk-table th{background:#f3f4f6;text-align:left;vertical-align:bottom;}"
    "table.mk-table td.num{text-align:right;font-variant-numeric:tabular-nums;}"
    ".mk-meta{color:#4b5563;font-size:14px;margin:0 0 10px 0;}"
    "img.mk-chart{max-width:100%;height:auto;border:1px solid #e5e7eb;}"
    "section.mk-doc{border-top:2px solid #e5e7eb;margin-top:28px;}"
    "details{margin:8px 0 16px 0;}"
)

# No network, no scripts: the page can only use what it carries.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _page(body: str, *, title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_attr(title)}</title>\n<style>{_PAGE_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{_attr(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------
# Key figures
# ---------------------------------------------------------------------------


def _value_html(name: str, value: Any) -> str:
    """A value as shown in HTML: German notation, marked when outside its formula's scale."""
    text = html.escape(format_value(name, value))
    if out_of_scale(name, value):
        tip = html.escape(
            f"{OUT_OF_SCALE} {scale_text(name)}: der Wert ist berechnet, aber nicht deutbar"
        )
        return (
            f'<span class="mk-out-of-scale" title="{tip}">{text} '
            f'<small style="color:#b45309">({OUT_OF_SCALE})</small></span>'
        )
    return text


def analysis_html(analysis: Any, layers: str | Iterable[str] | None = None) -> str:
    """An analysis as HTML: its key figures in a table, then the highlighted text.

    ``analysis`` is anything with ``text``, ``metrics`` and ``evidence()`` (what
    :class:`~mediakit.Analysis` shows in JupyterLab) or a dict with ``text``,
    ``spans`` and ``metrics``.

    >>> page = analysis_html({"text": "Er kam.", "spans": [], "metrics": {"words": 2.0}})
    >>> 'data-metric="words">2<' in page
    True
    """
    metrics = _metrics_of(analysis)
    table = figures_html(metrics)
    highlighted = highlight(analysis, layers)
    return f'<div class="mk-analysis">{table}{highlighted.fragment}</div>'


def _metrics_of(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item.get("metrics") or {})
    return dict(getattr(item, "metrics", None) or {})


def figures_html(metrics: Mapping[str, Any], names: Sequence[str] | None = None) -> str:
    """The key figures of one text as a small German table (label, value, what it means).

    ``names`` picks the metrics (default: those marked ``figures`` in metrics.tsv).
    A text without words gets a note instead of figures that would read as scores.

    >>> "Flesch (Amstad)" in figures_html({"flesch_amstad": 55.25})
    True
    """
    rows = []
    if "words" in metrics and not metrics.get("words"):
        rows.append(
            '<tr class="mk-nothing"><td colspan="3" style="color:#b45309;padding:2px 0">'
            f"{html.escape(NOTHING_TO_MEASURE)}</td></tr>"
        )
    for name in names if names is not None else shown("figures"):
        if name not in metrics:
            continue
        metric = get_metric(name)
        rows.append(
            f'<tr><th style="text-align:left;padding:2px 10px 2px 0;font-weight:600">'
            f"{html.escape(metric.label)}</th>"
            f'<td class="num" style="text-align:right;padding:2px 10px;'
            f'font-variant-numeric:tabular-nums" data-metric="{name}">'
            f"{_value_html(name, metrics[name])}</td>"
            f'<td style="color:#6b7280;padding:2px 0">{html.escape(metric.description_de)}</td></tr>'
        )
    if not rows:
        return ""
    return (
        '<table class="mk-figures" style="border-collapse:collapse;font-size:13px;'
        "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;margin:0 0 12px 0\">"
        f"{''.join(rows)}</table>"
    )


# ---------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------

_GENRE_COLOURS = {
    "agency report": "#2563eb",
    "blog post": "#dc2626",
    "aggregator summary": "#d97706",
    "reader comments": "#7c3aed",
}
#: The x axis of a chart panel, by the metric's unit.
_AXIS = {
    "count": "Anzahl",
    "share": "Anteil in %",
    "per_1000_words": "je 1.000 Wörter",
    "words_per_sentence": "Wörter je Satz",
    "syllables_per_word": "Silben je Wort",
    "score": "Punkte",
    "grade": "Schulstufe",
}


def _panel(name: str) -> tuple[str, str, str, bool]:
    """metric, title, axis label, shown in percent? (from metrics.tsv; unknown names as given)"""
    metric = METRICS.get(name)
    if metric is None:
        return name, name, name, False
    axis = _AXIS[metric.unit]
    if metric.scale_min is not None or metric.scale_max is not None:
        axis = f"{axis} ({scale_text(name)})"
    return name, metric.label, axis, metric.is_share


def _records(df: Any) -> list[dict[str, Any]]:
    if hasattr(df, "to_dict") and hasattr(df, "columns"):
        return [dict(r) for r in df.to_dict("records")]
    if isinstance(df, Mapping):
        raise TypeError("expected a DataFrame from mediakit.compare() or a list of records")
    if isinstance(df, Iterable) and not isinstance(df, str | bytes):
        return [dict(r) for r in df]
    raise TypeError(
        f"expected a DataFrame from mediakit.compare() or a list of records, not {type(df).__name__}"
    )


def _row_labels(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Short, unique names for the documents: the outlet, else the id."""
    outlets = [label_for("outlet", str(r.get("outlet") or "").strip()) for r in records]
    labels = []
    for number, (record, outlet) in enumerate(zip(records, outlets, strict=True), start=1):
        genre = str(record.get("genre") or "")
        label = outlet or str(record.get("id") or f"Text {number}")
        if outlet and outlets.count(outlet) > 1:
            short_id = str(record.get("id") or number).removesuffix("-comments")
            label = (
                f"{outlet} ({short_id}, Kommentare)"
                if genre == "reader comments"
                else f"{outlet} ({short_id})"
            )
        labels.append(label if len(label) <= 28 else label[:27] + "…")
    seen: Counter = Counter()
    unique = []
    for label in labels:
        seen[label] += 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return unique


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def plot_compare(
    df: Any,
    *,
    metrics: Sequence[str] | None = None,
    relative_to: str | None = None,
    how: str = "ratio",
) -> Figure:
    """Key figures by document as small multiples (horizontal bars), German labels.

    Panels: readability (Flesch-Amstad, WSTF 1), attribution density (quotations per
    1,000 words), named-source share, evaluative rate of the author's voice and scare
    quotes; bars are coloured by genre. ``df`` is a :func:`mediakit.compare` table
    (or a list of records). ``metrics`` picks other columns. For a table made with
    ``compare(..., relative_to="dpa")`` pass ``relative_to="dpa"`` (and ``how``) so the
    axes say so and a line marks the reference (read from ``df.attrs`` when set there).
    Returns a
    ``matplotlib.figure.Figure`` (no pyplot state, works without a display).

    >>> fig = plot_compare(mediakit.compare())  # doctest: +SKIP
    >>> fig.savefig("vergleich.png")  # doctest: +SKIP
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    records = _records(df)
    if not records:
        raise ValueError("plot_compare() needs at least one document")
    attrs = getattr(df, "attrs", None) or {}
    relative_to = relative_to or attrs.get("relative_to")
    how = attrs.get("how", how) if relative_to and "how" in attrs else how
    panels = [_panel(name) for name in (shown("chart") if metrics is None else metrics)]
    labels = _row_labels(records)
    n_docs = len(records)
    columns = 3 if len(panels) > 4 else 2
    rows = math.ceil(len(panels) / columns)
    height = rows * (0.9 + 0.34 * n_docs) + 1.0
    fig = _figure_class()(figsize=(12.5, max(height, 3.5)), dpi=100, layout="constrained")
    axes = fig.subplots(rows, columns, squeeze=False)
    genres = [str(r.get("genre") or "") for r in records]
    colours = [_GENRE_COLOURS.get(g, "#6b7280") for g in genres]
    positions = list(range(n_docs))
    for index, ax in enumerate(axes.flat):
        if index >= len(panels):
            ax.set_visible(False)
            continue
        name, title, xlabel, percent = panels[index]
        if relative_to:
            percent = False
            xlabel = (
                f"Differenz zu {relative_to}"
                if how == "difference"
                else f"im Verhältnis zu {relative_to} (1 = gleich)"
            )
            ax.axvline(0.0 if how == "difference" else 1.0, color="#111827", linewidth=1.2)
        values = [_finite(r.get(name)) for r in records]
        # a long label wraps rather than run into the next panel's title
        width = 36 if columns == 3 else 56
        ax.set_title(textwrap.fill(title, width), fontsize=12, fontweight="bold", loc="left")
        ax.set_xlabel(xlabel, fontsize=10)
        ax.set_yticks(positions)
        ax.set_yticklabels(labels if index % columns == 0 else [""] * n_docs, fontsize=10)
        ax.invert_yaxis()
        ax.grid(axis="x", color="#e5e7eb", linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if all(v is None for v in values):
            ax.text(0.5, 0.5, "keine Daten", transform=ax.transAxes, ha="center", color="#6b7280")
            ax.set_xticks([])
            continue
        bars = [(v or 0.0) * (100.0 if percent else 1.0) for v in values]
        ax.barh(positions, bars, color=colours, height=0.62)
        top = max([abs(v) for v in bars] + [1e-9])
        for y, value, raw in zip(positions, bars, values, strict=True):
            if raw is None:
                text = "–"
            elif relative_to:
                text = format_number(raw, 2)
            elif name in METRICS:
                text = format_value(name, raw) + ("*" if out_of_scale(name, raw) else "")
            else:
                text = format_number(raw, 1)
            ax.text(
                value + top * 0.015 if value >= 0 else value - top * 0.015,
                y,
                text,
                va="center",
                ha="left" if value >= 0 else "right",
                fontsize=9,
            )
        ax.xaxis.set_major_formatter(FuncFormatter(_tick_de))
        low = min(0.0, min(bars))
        ax.set_xlim(low * 1.15, top * 1.18 if top > 0 else 1.0)
    present = list(dict.fromkeys(g for g in genres))
    handles = [
        Patch(color=_GENRE_COLOURS.get(g, "#6b7280"), label=label_for("genre", g) or "ohne Genre")
        for g in present
    ]
    if handles:
        fig.legend(
            handles=handles,
            loc="outside upper right",
            ncols=len(handles),
            frameon=False,
            fontsize=10,
        )
    fig.suptitle("Kennzahlen im Vergleich", fontsize=14, fontweight="bold", x=0.01, ha="left")
    return fig


@lru_cache(maxsize=1)
def _figure_class() -> type:
    """A ``Figure`` that shows itself in JupyterLab even when pyplot was never imported.

    IPython only knows how to draw a bare ``Figure`` once the inline backend is active
    (after ``import matplotlib.pyplot``); ``_repr_png_`` makes it independent of that.
    """
    from matplotlib.figure import Figure

    class CompareFigure(Figure):
        """A matplotlib ``Figure`` with a PNG representation for notebooks."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()

    CompareFigure.__module__ = __name__
    CompareFigure.__qualname__ = CompareFigure.__name__
    return CompareFigure


def __getattr__(name: str) -> Any:
    # Unpickling a chart looks the class up here; matplotlib is imported only then.
    if name == "CompareFigure":
        return _figure_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _tick_de(value: float, _position: Any = None) -> str:
    """Axis ticks with a decimal comma (2,5 rather than 2.5)."""
    return f"{value:g}".replace("-", "\u2212").replace(".", ",")


def figure_png_base64(figure: Figure, *, dpi: int = 110) -> str:
    """A figure as base64-encoded PNG, ready for ``<img src="data:image/png;base64,...">``."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


def _summary_table(records: Sequence[Mapping[str, Any]], labels: Sequence[str]) -> str:
    names = [n for n in shown("report") if any(n in r for r in records)]
    head = "<th>Medium</th><th>Genre</th>" + "".join(
        f"<th>{html.escape(get_metric(n).label)}</th>" for n in names
    )
    body = []
    for number, (record, label) in enumerate(zip(records, labels, strict=True), start=1):
        cells = (
            f"<td>{_attr(label_for('outlet', record.get('outlet')))}</td>"
            f"<td>{_attr(label_for('genre', record.get('genre')))}</td>"
        )
        cells += "".join(
            f'<td class="num" data-metric="{n}">{_value_html(n, record.get(n))}</td>' for n in names
        )
        body.append(f'<tr><th><a href="#doc-{number}">{_attr(label)}</a></th>{cells}</tr>')
    return (
        f'<table class="mk-table mk-summary"><thead><tr><th>Text</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _full_table(records: Sequence[Mapping[str, Any]], labels: Sequence[str]) -> str:
    keys = list(dict.fromkeys(k for r in records for k in r))
    head = "".join(f"<th>{_attr(str(k))}</th>" for k in keys)
    body = []
    for record, label in zip(records, labels, strict=True):
        cells = []
        for key in keys:
            value = record.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float):
                cells.append(f"<td>{_attr('' if value is None else str(value))}</td>")
            else:
                number = f"{float(value):.4g}".replace(".", ",")
                cells.append(f'<td class="num">{_attr(number)}</td>')
        body.append(f"<tr><th>{_attr(label)}</th>{''.join(cells)}</tr>")
    return (
        f'<table class="mk-table mk-full"><thead><tr><th>Text</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def report_html(
    df: Any,
    analyses: Sequence[Any] = (),
    figure: Figure | None = None,
    *,
    title: str = "mediakit – Texte im Vergleich",
    layers: str | Iterable[str] | None = None,
) -> str:
    """One self-contained HTML page: the comparison table, the chart, every text highlighted.

    ``df`` is the :func:`mediakit.compare` table (or a list of records), ``analyses``
    the matching :class:`~mediakit.Analysis` objects in the same order, ``figure`` a
    chart such as :func:`plot_compare` makes (embedded as PNG). Nothing is loaded from
    the network; the page has no scripts.

    >>> page = report_html(mediakit.compare(), analyses, plot_compare(df))  # doctest: +SKIP
    """
    records = _records(df)
    labels = _row_labels(records) if records else []
    parts = [
        '<p class="mk-meta">Alle Zahlen mit ihren Belegen: Jede Markierung im Text zeigt, '
        "was gezählt wurde. Fahren Sie mit der Maus über eine Stelle, um ihre Bezeichnung "
        "zu sehen.</p>"
    ]
    if records:
        parts.append("<h2>Kennzahlen</h2>")
        parts.append(_summary_table(records, labels))
        parts.append(
            "<details><summary>Alle Messwerte (für Lehrkräfte)</summary>"
            f'<div class="mk-scroll" style="overflow-x:auto;max-width:100%">'
            f"{_full_table(records, labels)}</div></details>"
        )
    if figure is not None:
        encoded = figure_png_base64(figure)
        parts.append("<h2>Diagramm</h2>")
        parts.append(
            f'<img class="mk-chart" alt="Kennzahlen im Vergleich" '
            f'src="data:image/png;base64,{encoded}">'
        )
    if analyses:
        parts.append("<h2>Die Texte mit ihren Belegen</h2>")
    for number, analysis in enumerate(analyses, start=1):
        meta = {**(records[number - 1] if number <= len(records) else {})}
        own = (
            analysis.get("meta")
            if isinstance(analysis, Mapping)
            else getattr(analysis, "meta", None)
        )
        meta.update({k: v for k, v in (own or {}).items() if v})
        heading = str(meta.get("title") or meta.get("id") or f"Text {number}")
        facts = " · ".join(
            _attr(str(x))
            for x in (
                label_for("outlet", meta.get("outlet")),
                label_for("genre", meta.get("genre")),
                meta.get("date"),
                meta.get("id"),
            )
            if x
        )
        metrics = _metrics_of(analysis)
        parts.append(
            f'<section class="mk-doc" id="doc-{number}"><h2>{number}. {_attr(heading)}</h2>'
            f'<p class="mk-meta">{facts}</p>{figures_html(metrics)}'
            f"{highlight(analysis, layers).fragment}</section>"
        )
    return _page("\n".join(parts), title=title)
