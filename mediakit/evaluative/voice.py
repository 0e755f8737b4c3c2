"""Whose voice a hit is in, read from the quotation layer (:func:`mediakit.quotes.analyze_quotes`)."""

from __future__ import annotations

from bisect import bisect_right

from ..document import Document
from .lexicon import LexiconEntry

# ---------------------------------------------------------------------------
# Quoted voice
# ---------------------------------------------------------------------------


def _quoted_intervals(document: Document) -> list[tuple[int, int]]:
    """Merged character intervals that belong to quoted voices, cached per document."""
    cached = document.cache.get("evaluative_quoted")
    if cached is not None:
        return cached
    intervals: list[tuple[int, int]] = []
    try:
        from ..quotes import analyze_quotes

        analysis = analyze_quotes(document)
        quotations = list(analysis.quotations)
    except (ImportError, AttributeError, NotImplementedError):
        quotations = None
    if quotations is None:
        # Without the quotation finder: quote-marked regions that look like speech
        # (several words or a full sentence), not scare quotes like zu „informieren“.
        for region in document.quote_regions:
            inner = region.inner_text.strip()
            if len(inner.split()) >= 4 or inner[-1:] in ".!?…":
                intervals.append((region.start, region.end))
    else:
        for quotation in quotations:
            kind = getattr(quotation, "kind", "direct")
            if kind == "reported":
                continue  # "Trump hat getönt": a speech act named in the author's words
            if kind == "free_indirect" and getattr(quotation, "speaker", None) is None:
                continue  # an unattributed Konjunktiv sentence is still the author's
            spans = getattr(quotation, "spans", None) or [quotation]
            for span in spans:
                if isinstance(span, tuple | list) and len(span) == 2:
                    start, end = span
                else:
                    start, end = getattr(span, "start", None), getattr(span, "end", None)
                if isinstance(start, int) and isinstance(end, int) and end > start:
                    intervals.append((start, end))
        if intervals:
            # a direct quotation's message usually excludes its marks; take the whole region
            merged = _merge(intervals)
            starts = [a for a, _ in merged]
            for region in document.quote_regions:
                k = bisect_right(starts, region.inner_end - 1) - 1
                if k >= 0 and merged[k][1] > region.inner_start and merged[k][0] < region.inner_end:
                    intervals.append((region.start, region.end))
    merged = _merge(intervals)
    document.cache["evaluative_quoted"] = merged
    return merged


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _inside(intervals: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and intervals[k][0] <= offset < intervals[k][1]


#: A scare quote (um ihn zu „informieren“) is the author's own distancing marker, like
#: "angeblich" or "sogenannt": the writer holds the word up with tongs. The quotation
#: finder decides what is a scare quote (not speech, not a name or title).
SCARE_QUOTE_ENTRY = LexiconEntry(
    lemma="„…“",
    category="distancing",
    weight=2,
    neutral="the word without quote marks",
    note="scare quotes: quote marks that distance the author from a word (found by mediakit.quotes)",
)


def _scare_quote_hits(document: Document) -> list[tuple[int, int, LexiconEntry, str, bool]]:
    try:
        from ..quotes import analyze_quotes

        scare = analyze_quotes(document).scare_quotes
    except (ImportError, AttributeError):
        return []
    # Only a single quoted word is the classic scare quote; a quoted phrase is as often
    # a partial quotation or a name the quotation finder could not attribute.
    return [
        (span.start, span.end, SCARE_QUOTE_ENTRY, "scare_quote", False)
        for span in scare
        if len(span.text.split()) == 1
    ]
