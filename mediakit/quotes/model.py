"""Result objects of the quotation engine: quotations, speakers, cues and the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import TextSpan
from ..results import json_figures

__all__ = ["Cue", "Quotation", "QuoteAnalysis", "Speaker"]


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
    source_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (``resolved`` as a span dict or ``None``)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker_type": self.speaker_type,
            "resolved": self.resolved.to_dict() if self.resolved else None,
            "source_id": self.source_id,
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
    act: str = ""
    agentless: bool = False
    source: Any = field(default=None, repr=False)

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
            "act": self.act,
            "agentless": self.agentless,
            "source_id": self.source.id if self.source is not None else None,
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

    >>> from mediakit.quotes import analyze_quotes
    >>> a = analyze_quotes("Laut Polizei war die Straße gesperrt.")
    >>> a.metrics["attributed_share"]
    1.0
    """

    quotations: list[Quotation]
    scare_quotes: list[TextSpan]
    titles: list[TextSpan]
    metrics: dict[str, float]
    source: str = field(default="", repr=False)
    #: the sources of the text (:class:`~mediakit.quotes.sources.SourceList`: a list
    #: of :class:`~mediakit.quotes.sources.Source` with ``to_frame()``)
    sources: Any = field(default_factory=list)

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
            "metrics": json_figures(self.metrics),
            "sources": [s.to_dict() for s in self.sources],
        }
