"""Quotations and their attribution: who says what, how densely sources are named.

Rule-based over the shared parse (:mod:`mediakit.document`); no statistical model.
:func:`find_quotes` returns the quotations in reading order:

* ``direct`` - quote-marked speech (``„…“``, ``»…«``, ``«…»``, ``"…"``, ``,,…“`` …),
  with its frame before, after or in the middle (then ``spans`` has two parts);
* ``indirect`` - a content clause after a cue verb (``sagte, dass …``, ``erklärte,
  er habe …``), a postposed frame (``…, sagte Peskow.``), or a cue word
  (``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X.``, ``demnach``,
  ``wonach``, ``hieß es``);
* ``free_indirect`` - a Konjunktiv-I sentence without a frame of its own,
  attributed to the most recent speaker ("Putin habe Trump nach Moskau eingeladen.");
* ``reported`` - a speech act only named ("Die Regierung kritisierte den Plan.").

Span conventions follow the German Wikinews quotation data: direct quotes include
their marks; indirect quotes are the content clause with its complementizer but
without the final full stop; free indirect and reported quotes are whole sentences.

:func:`find_scare_quotes` returns quote-marked words that are nobody's speech
(``als einzige „Errungenschaft“``); names and titles in quote marks (``„Die Zeit“``,
``"Guardian"``) are kind ``title``. :func:`analyze_quotes` bundles everything with
the sourcing figures. All three share one computation per :class:`Document`.

>>> [q.kind for q in find_quotes("„Wir kommen“, sagte Trump. Er sei optimistisch.")]
['direct', 'free_indirect']
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from .document import Document, TextSpan, as_document
from .results import rate_per_1000, safe_div

__all__ = [
    "METRIC_DESCRIPTIONS",
    "Cue",
    "Quotation",
    "QuoteAnalysis",
    "Speaker",
    "analyze_quotes",
    "find_quotes",
    "find_scare_quotes",
    "find_titles",
]

KINDS = ("direct", "indirect", "free_indirect", "reported")
SPEAKER_TYPES = ("named", "pronoun", "anonymous", "outlet")


# ---------------------------------------------------------------------------
# Result objects
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Speaker:
    """Who is quoted: a character span, its type and, for pronouns, the antecedent."""

    start: int
    end: int
    text: str
    speaker_type: str = "named"
    resolved: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (``resolved`` as a span dict or ``None``)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker_type": self.speaker_type,
            "resolved": self.resolved.to_dict() if self.resolved else None,
        }


@dataclass(slots=True)
class Cue:
    """The speech verb or cue word; ``spans`` when split ("teilte … mit")."""

    start: int
    end: int
    text: str
    lemma: str
    evaluative: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lemma": self.lemma,
            "evaluative": self.evaluative,
            "spans": [list(s) for s in self.spans],
        }


@dataclass(slots=True, eq=False)
class Quotation:
    """One quotation: kind, character spans, speaker, cue and nesting."""

    kind: str
    start: int
    end: int
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    cue: Cue | None = None
    nested: list[Quotation] = field(default_factory=list)
    parent: Quotation | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; nested quotations included, ``parent`` omitted."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "nested": [q.to_dict() for q in self.nested],
        }


@dataclass(slots=True)
class QuoteAnalysis:
    """Quotations, scare quotes and titles of one text, with the sourcing figures.

    ``metrics``: ``quotes_per_1000_words``; ``attributed_share`` (quotations with a
    speaker); ``named_share``, ``pronoun_share``, ``anonymous_share``, ``outlet_share``
    (by speaker type, shares of all quotations); ``distinct_named_sources``;
    ``quoted_token_share`` (word tokens inside quotations; Wikinews news text: about
    0.28); ``direct_share``, ``indirect_share`` (indirect and free indirect),
    ``reported_share``; ``evaluative_cue_share`` (cue verbs such as *behaupten*,
    *tönen*); ``scare_quotes_per_1000_words``. All are 0.0 for an empty text.

    >>> a = analyze_quotes("Laut Polizei war die Straße gesperrt.")
    >>> a.metrics["attributed_share"]
    1.0
    """

    quotations: list[Quotation]
    scare_quotes: list[TextSpan]
    titles: list[TextSpan]
    metrics: dict[str, float]
    source: str = field(default="", repr=False)

    def all_quotations(self) -> list[Quotation]:
        """Top-level and nested quotations, in reading order."""
        out: list[Quotation] = []
        for q in self.quotations:
            out.append(q)
            out.extend(q.nested)
        out.sort(key=lambda q: (q.start, -q.end))
        return out

    def evidence(self) -> list[TextSpan]:
        """Labelled spans: ``quote:<kind>``, ``speaker``, ``cue``, ``scare_quote``, ``title``."""
        # Every piece is cut from the text itself, so a split cue ("teilte … mit")
        # gives two spans whose texts are exactly what stands at their offsets.
        text = self.source
        spans: list[TextSpan] = []
        for q in self.all_quotations():
            for s, e in q.spans or [(q.start, q.end)]:
                spans.append(TextSpan(s, e, text[s:e], f"quote:{q.kind}"))
            if q.speaker:
                spans.append(TextSpan(q.speaker.start, q.speaker.end, q.speaker.text, "speaker"))
            if q.cue:
                for s, e in q.cue.spans or [(q.cue.start, q.cue.end)]:
                    spans.append(TextSpan(s, e, text[s:e], "cue"))
        spans.extend(TextSpan(t.start, t.end, t.text, "scare_quote") for t in self.scare_quotes)
        spans.extend(TextSpan(t.start, t.end, t.text, "title") for t in self.titles)
        spans.sort(key=lambda t: (t.start, -t.end, t.label))
        return spans

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return {
            "quotations": [q.to_dict() for q in self.quotations],
            "scare_quotes": [t.to_dict() for t in self.scare_quotes],
            "titles": [t.to_dict() for t in self.titles],
            "metrics": dict(self.metrics),
        }


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

_CACHE_KEY = "quotes.analysis"


def analyze_quotes(text_or_doc: object) -> QuoteAnalysis:
    """Quotations, scare quotes, titles and sourcing figures of a German text.

    Computed once per :class:`~mediakit.document.Document` (kept in its ``cache``).

    >>> a = analyze_quotes("„Das sage ich lieber nicht“, sagte Trump.")
    >>> a.quotations[0].speaker.text, a.metrics["named_share"]
    ('Trump', 1.0)
    """
    doc = as_document(text_or_doc)
    cached = doc.cache.get(_CACHE_KEY)
    if cached is None:
        from .quotes_rules import detect

        quotations, scare, titles = detect(doc)
        cached = QuoteAnalysis(
            quotations, scare, titles, _metrics(doc, quotations, scare), source=doc.text
        )
        doc.cache[_CACHE_KEY] = cached
    return cached


def find_quotes(text_or_doc: object) -> list[Quotation]:
    """Top-level quotations in reading order (nested ones hang in ``.nested``).

    >>> q = find_quotes("Trump schrieb, er habe ein «langes» Telefonat gehabt.")[0]
    >>> q.kind, q.text, q.speaker.text, q.cue.lemma
    ('indirect', 'er habe ein «langes» Telefonat gehabt', 'Trump', 'schreiben')
    """
    return list(analyze_quotes(text_or_doc).quotations)


def find_scare_quotes(text_or_doc: object) -> list[TextSpan]:
    """Quote-marked words that are neither attributed speech nor a name or title.

    >>> [s.text for s in find_scare_quotes("Er hat als einzige „Errungenschaft“ nichts.")]
    ['„Errungenschaft“']
    """
    return list(analyze_quotes(text_or_doc).scare_quotes)


def find_titles(text_or_doc: object) -> list[TextSpan]:
    """Names and titles in quote marks (kind ``title``): ``„Die Zeit“``, ``"Guardian"``.

    >>> [s.text for s in find_titles('Wie der "Guardian" berichtet, kam er.')]
    ['"Guardian"']
    """
    return list(analyze_quotes(text_or_doc).titles)


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


#: Every quotation metric: name -> (meaning, unit). Shares are fractions of all
#: quotations (0..1), rates are per 1,000 word tokens of the whole text.
METRIC_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "quotes_per_1000_words": (
        "quotations of every kind (direct, indirect, free indirect, reported)",
        "per 1,000 words",
    ),
    "attributed_share": ("quotations with a speaker", "share 0-1"),
    "named_share": ("quotations whose speaker is a named person or organisation", "share 0-1"),
    "pronoun_share": ("quotations whose speaker is only a pronoun (er, sie)", "share 0-1"),
    "anonymous_share": (
        "quotations from anonymous or vague sources (Kreise, ein Sprecher, es hieß)",
        "share 0-1",
    ),
    "outlet_share": (
        "quotations attributed to an outlet or medium (laut New York Post)",
        "share 0-1",
    ),
    "distinct_named_sources": ("different named speakers", "count"),
    "quoted_token_share": (
        "word tokens inside quotations (Wikinews news text: about 0.28)",
        "share 0-1",
    ),
    "direct_share": ("direct quotations in quote marks", "share 0-1"),
    "indirect_share": ("indirect and free indirect speech (Konjunktiv I)", "share 0-1"),
    "reported_share": ("speech acts only named (Trump sprach von …)", "share 0-1"),
    "evaluative_cue_share": (
        "quotations introduced by an evaluative cue verb (tönen, behaupten)",
        "share 0-1",
    ),
    "scare_quotes_per_1000_words": ("scare quotes (zu „informieren“)", "per 1,000 words"),
}


def _metrics(doc: Document, quotations: list[Quotation], scare: list[TextSpan]) -> dict[str, float]:
    n = len(quotations)
    words = doc.n_words
    types = [q.speaker.speaker_type if q.speaker else None for q in quotations]
    named = {
        " ".join((q.speaker.resolved.text if q.speaker.resolved else q.speaker.text).split()[-1:])
        for q in quotations
        if q.speaker
        and q.speaker.speaker_type in ("named", "pronoun")
        and (q.speaker.speaker_type == "named" or q.speaker.resolved)
    }
    quoted_words = 0
    if words and quotations:
        token_starts = doc.token_starts
        starts = [token_starts[i] for i in doc.words]
        covered: list[tuple[int, int]] = sorted(s for q in quotations for s in q.spans)
        merged: list[list[int]] = []
        for s, e in covered:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            quoted_words += bisect_left(starts, e) - bisect_left(starts, s)
    kinds = [q.kind for q in quotations]
    return {
        "quotes_per_1000_words": rate_per_1000(n, words),
        "attributed_share": safe_div(sum(t is not None for t in types), n),
        "named_share": safe_div(types.count("named"), n),
        "pronoun_share": safe_div(types.count("pronoun"), n),
        "anonymous_share": safe_div(types.count("anonymous"), n),
        "outlet_share": safe_div(types.count("outlet"), n),
        "distinct_named_sources": float(len(named)),
        "quoted_token_share": safe_div(quoted_words, words),
        "direct_share": safe_div(kinds.count("direct"), n),
        "indirect_share": safe_div(kinds.count("indirect") + kinds.count("free_indirect"), n),
        "reported_share": safe_div(kinds.count("reported"), n),
        "evaluative_cue_share": safe_div(
            sum(1 for q in quotations if q.cue and q.cue.evaluative), n
        ),
        "scare_quotes_per_1000_words": rate_per_1000(len(scare), words),
    }
