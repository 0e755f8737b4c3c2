"""Quotations and their attribution: who says what, how densely sources are named.

Rule-based over the shared parse (:mod:`mediakit.document`); no statistical model.
:func:`find_quotes` returns the quotations in reading order:

* ``direct`` - quote-marked speech (``„…“``, ``»…«``, ``«…»``, ``"…"``, ``,,…“`` …),
  with its frame before, after or in the middle (then ``spans`` has two parts);
* ``indirect`` - a content clause after a cue verb (``sagte, dass …``, ``erklärte,
  er habe …``), a postposed frame (``…, sagte Peskow.``), or a cue word
  (``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X.``, ``demnach``,
  ``wonach``, ``hieß es``);
* ``free_indirect`` - a Konjunktiv sentence without a frame of its own, attributed
  to the most recent speaker ("Putin habe Trump nach Moskau eingeladen."; reportive
  "Er soll geflohen sein.");
* ``reported`` - a speech act only named ("Die Regierung kritisierte den Plan als
  verfehlt.", "Ihm war vorgeworfen worden, …"), its act type in ``Quotation.act``.

German labels for display: :data:`KIND_LABELS` ("direkte Rede", "indirekte Rede
(eingeleitet)", "uneingeleitete indirekte Rede (Konjunktiv I)", "Redebericht (nur
erwähnte Äußerung)").

The rules are an ordered chain (:mod:`mediakit.quotes.pipeline`) over a read-only
token view (:mod:`mediakit.quotes.view`): quote regions, direct quotes and frames,
cue verbs and cue words, reported speech acts, Konjunktiv passages, nesting,
speakers; then the speakers are grouped into sources (:mod:`mediakit.quotes.sources`):
``analyze_quotes(text).sources`` lists them with their type (person, institution,
outlet, expert, anonymous) and ``.sources.to_frame()`` gives a table. Every word list
is a documented table in ``mediakit/data`` (cue_verbs, speech_acts, cue_prepositions,
konjunktiv, speaker_words, source_words, source_types, quote_kinds).

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
from functools import cache

from ..document import Document, TextSpan, as_document
from ..results import rate_per_1000, safe_div
from ..tables import load_table
from .model import Cue, Quotation, QuoteAnalysis, Speaker
from .pipeline import detect
from .sources import SOURCE_TYPES, Source, SourceList, group_sources, source_type_labels

__all__ = [
    "KIND_LABELS",
    "METRIC_DESCRIPTIONS",
    "SOURCE_TYPES",
    "SOURCE_TYPE_LABELS",
    "Cue",
    "Quotation",
    "QuoteAnalysis",
    "Source",
    "SourceList",
    "Speaker",
    "analyze_quotes",
    "find_quotes",
    "find_scare_quotes",
    "find_titles",
]

KINDS = ("direct", "indirect", "free_indirect", "reported")


def _kind_labels() -> dict[str, str]:
    return {row["kind"]: row["label"] for row in load_table("quote_kinds.tsv")}


#: German label of each kind of quotation (``quote_kinds.tsv``), for display:
#: ``KIND_LABELS["free_indirect"]`` is "uneingeleitete indirekte Rede (Konjunktiv I)".
KIND_LABELS: dict[str, str] = _kind_labels()
#: Short German labels for tables and charts ("direkt", "indirekt", …).
KIND_SHORT_LABELS: dict[str, str] = {
    row["kind"]: row["short"] for row in load_table("quote_kinds.tsv")
}
#: German label of each source type (``source_types.tsv``): person -> "Person", …
SOURCE_TYPE_LABELS: dict[str, str] = dict(source_type_labels())
SPEAKER_TYPES = ("named", "pronoun", "anonymous", "outlet")


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
        quotations, scare, titles = detect(doc)
        every = [x for q in quotations for x in (q, *q.nested)]
        # no quotation (most single sentences): no source to group
        sources = group_sources(doc.text, every) if every else SourceList()
        cached = QuoteAnalysis(
            quotations,
            scare,
            titles,
            _metrics(doc, quotations, scare, sources),
            source=doc.text,
            sources=sources,
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
    "quotations": ("quotations of every kind, top level (the base of the shares)", "count"),
    "quotes_per_1000_words": (
        "quotations of every kind (direct, indirect, free indirect, reported)",
        "per 1,000 words",
    ),
    "attributed_share": (
        "quotations with a source: a speaker, or an anonymous cue (hieß es, wurde vorgeworfen)",
        "share 0-1",
    ),
    "named_share": ("quotations whose speaker is a named person or organisation", "share 0-1"),
    "pronoun_share": ("quotations whose speaker is only a pronoun (er, sie)", "share 0-1"),
    "anonymous_share": (
        "quotations from anonymous or vague sources (Kreise, ein Sprecher, hieß es, "
        "agentless passive: wurde vorgeworfen)",
        "share 0-1",
    ),
    "outlet_share": (
        "quotations attributed to an outlet or medium (laut New York Post)",
        "share 0-1",
    ),
    "distinct_named_sources": (
        "different named sources (people, institutions, outlets, experts), "
        "each counted once however it is mentioned",
        "count",
    ),
    "distinct_sources": (
        "different sources, anonymous ones included (Donald Trump = Trump = der US-Präsident)",
        "count",
    ),
    "source_person_share": ("quotations from a person (named or by role)", "share 0-1"),
    "source_institution_share": (
        "quotations from an institution (government, authority, party, company)",
        "share 0-1",
    ),
    "source_outlet_share": ("quotations from a news outlet or its report", "share 0-1"),
    "source_expert_share": ("quotations from experts, scholars or studies", "share 0-1"),
    "source_anonymous_share": (
        "quotations from anonymous or vague sources (same as anonymous_share)",
        "share 0-1",
    ),
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


def _metrics(
    doc: Document, quotations: list[Quotation], scare: list[TextSpan], sources: list[Source]
) -> dict[str, float]:
    words = doc.n_words
    if not quotations and not sources:
        # no quotation (most single sentences): the figures of the general definition
        # for that case, computed once; only the scare-quote rate depends on the text
        figures = dict(_no_quotation_figures(words > 0))
        if scare:  # no scare quote: the rate of 0 is already there (0.0, or NaN of no words)
            figures["scare_quotes_per_1000_words"] = rate_per_1000(len(scare), words)
        return figures
    quoted_words = 0
    if words and quotations:
        starts = doc.word_starts
        covered: list[tuple[int, int]] = sorted(s for q in quotations for s in q.spans)
        merged: list[list[int]] = []
        for s, e in covered:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            quoted_words += bisect_left(starts, e) - bisect_left(starts, s)
    return _figures(quotations, sources, words, quoted_words, len(scare))


def _figures(
    quotations: list[Quotation], sources: list[Source], words: int, quoted_words: int, scare: int
) -> dict[str, float]:
    """The quotation figures from their counts (the one definition of every figure)."""
    n = len(quotations)
    types = []
    source_types = []
    kinds = []
    evaluative = 0
    for q in quotations:
        types.append(q.speaker.speaker_type if q.speaker else None)
        source_types.append(q.source.source_type if q.source is not None else None)
        kinds.append(q.kind)
        if q.cue and q.cue.evaluative:
            evaluative += 1
    named = sum(1 for s in sources if s.source_type != "anonymous")
    figures = {
        "quotations": float(n),
        "quotes_per_1000_words": rate_per_1000(n, words),
        "attributed_share": safe_div(n - source_types.count(None), n),
        "named_share": safe_div(types.count("named"), n),
        "pronoun_share": safe_div(types.count("pronoun"), n),
        "anonymous_share": safe_div(source_types.count("anonymous"), n),
        "outlet_share": safe_div(types.count("outlet"), n),
        "distinct_named_sources": float(named),
        "distinct_sources": float(len(sources)),
    }
    for t, key in _SOURCE_SHARE_KEYS:
        figures[key] = safe_div(source_types.count(t), n)
    figures["quoted_token_share"] = safe_div(quoted_words, words)
    figures["direct_share"] = safe_div(kinds.count("direct"), n)
    figures["indirect_share"] = safe_div(kinds.count("indirect") + kinds.count("free_indirect"), n)
    figures["reported_share"] = safe_div(kinds.count("reported"), n)
    figures["evaluative_cue_share"] = safe_div(evaluative, n)
    figures["scare_quotes_per_1000_words"] = rate_per_1000(scare, words)
    return figures


#: (source type, its share's name), in the order of :data:`SOURCE_TYPES`
_SOURCE_SHARE_KEYS = tuple((t, f"source_{t}_share") for t in SOURCE_TYPES)


@cache
def _no_quotation_figures(has_words: bool) -> dict[str, float]:
    """:func:`_figures` of a text without quotations or sources (keys in the same order).

    Rates of 0 are 0.0 over any number of words; the shares of no quotations are NaN.
    """
    return _figures([], [], int(has_words), 0, 0)
