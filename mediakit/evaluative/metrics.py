"""The measure: :func:`find_evaluative`, :func:`analyze_evaluative` and their figures."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import Any

from ..document import Document, TextSpan, as_document, is_word
from ..results import rate_per_1000
from .hits import EvaluativeHit
from .lemmas import _token_table
from .lexicon import CATEGORIES, NOT_COUNTED, WEIGHTED, Lexicon, _neutral_reporting
from .matching import _scan
from .voice import _inside, _quoted_intervals, _scare_quote_hits

#: What each figure means: name -> (meaning, unit). Per-category names are
#: ``evaluative_<category>_per_1000_words`` for every category in CATEGORIES but hedge.
METRIC_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "evaluative_per_1000_words": (
        "evaluative words in the author's own voice (outside quotations), weighted 1-3, "
        "hedges left out, per 1,000 author words",
        "weighted hits per 1,000 words",
    ),
    "quoted_evaluative_per_1000_words": (
        "the same weighted rate for quoted voices, per 1,000 quoted words",
        "weighted hits per 1,000 words",
    ),
    "hedges_per_1000_words": (
        "hedges and legal caution (mutmaßlich, nach eigenen Angaben) in the author's voice",
        "per 1,000 words",
    ),
    "neutral_reporting_per_1000_words": (
        "neutral reporting words (sagen, erklären, laut, zufolge), all voices",
        "per 1,000 words",
    ),
    "author_words": ("words outside quotations", "words"),
    "quoted_words": ("words inside quotations", "words"),
    "evaluative_hits": ("all evaluative hits, every voice and category", "count"),
    **{
        f"evaluative_{category}_per_1000_words": (
            f"author-voice hits of the category {category!r} (unweighted)",
            "per 1,000 words",
        )
        for category in (
            "intensifier", "pejorative", "loaded", "speech_verb", "stance", "modal_particle",
            "distancing", "exaggeration", "emotional", "judgement", "epistemic",
            "interjection", "first_person", "address",
        )
    },
}  # fmt: skip


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _resolve_lexicon(lexicon: object) -> Lexicon:
    if lexicon is None:
        return _shared_default()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, Mapping):
        return Lexicon.default().extended(lexicon)
    raise TypeError(
        f"lexicon must be a mediakit Lexicon, a dict {{lemma: category}} or None, not {type(lexicon).__name__}"
    )


@cache
def _shared_default() -> Lexicon:
    return Lexicon.default()


def find_evaluative(
    text_or_doc: str | Document, lexicon: Lexicon | Mapping[str, Any] | None = None
) -> list[EvaluativeHit]:
    """Evaluative words and phrases in a German text, in text order.

    Each hit has ``start``/``end`` offsets (``text[start:end] == hit.text``), the
    ``lemma``, ``category``, ``weight``, ``match`` (word, prefix, head, phrase),
    ``negated``, ``in_quote`` (quoted voice), the ``neutral`` alternative and a ``note``.

    >>> [(h.text, h.category, h.in_quote) for h in find_evaluative('Er sagte: „Das ist ein völlig erbärmliches Desaster.“')]
    [('völlig', 'intensifier', True), ('erbärmliches', 'loaded', True), ('Desaster', 'loaded', True)]
    >>> [(h.text, h.match) for h in find_evaluative("Die Lügenmedien und ihr Klimawahn.")]
    [('Lügenmedien', 'prefix'), ('Klimawahn', 'head')]
    """
    document = as_document(text_or_doc)
    lex = _resolve_lexicon(lexicon)
    raw = _scan(document, lex) + _scare_quote_hits(document)
    if not raw:
        return []
    raw.sort(key=lambda hit: (hit[0], -hit[1]))
    quoted = _quoted_intervals(document)
    starts = [a for a, _ in quoted]
    text = document.text
    return [
        EvaluativeHit(
            start,
            end,
            text[start:end],
            entry.lemma,
            entry.category,
            entry.weight,
            match,
            negated,
            _inside(quoted, starts, start) if quoted else False,
            entry.neutral,
            entry.note,
        )
        for start, end, entry, match, negated in raw
    ]


@dataclass
class EvaluativeAnalysis:
    """Result of :func:`analyze_evaluative` (the :mod:`mediakit.results` protocol).

    >>> a = analyze_evaluative("Das ist ein völliges Desaster.")
    >>> a.metrics["evaluative_per_1000_words"] > 0, a.evidence()[0].label
    (True, 'evaluative:intensifier')
    """

    hits: list[EvaluativeHit]
    author_words: int
    quoted_words: int
    neutral_reporting: int
    categories: tuple[str, ...]
    document: Document | None = None

    @property
    def author_hits(self) -> list[EvaluativeHit]:
        """Hits in the author's own voice (all categories)."""
        return [h for h in self.hits if not h.in_quote]

    @property
    def quoted_hits(self) -> list[EvaluativeHit]:
        """Hits inside quotations."""
        return [h for h in self.hits if h.in_quote]

    @property
    def metrics(self) -> dict[str, float]:
        """Flat figures per 1,000 words.

        * ``evaluative_per_1000_words``: the author's voice only (hits outside
          quotations), hedges left out, **weighted** by entry weight (1–3), per 1,000
          author words; a weighted rate, so a short sentence full of strongly loaded
          words can exceed 1,000;
        * ``evaluative_<category>_per_1000_words``: author-voice hits of one category
          (unweighted counts), per 1,000 author words;
        * ``quoted_evaluative_per_1000_words``: the same weighted rate for quoted voices,
          per 1,000 quoted words;
        * ``hedges_per_1000_words``: author-voice hedges; ``neutral_reporting_per_1000_words``:
          neutral reporting verbs (sagen, erklären, mitteilen …);
        * ``author_words``, ``quoted_words``, ``evaluative_hits`` (all hits).
        """
        author = [h for h in self.hits if not h.in_quote]
        quoted = [h for h in self.hits if h.in_quote]

        def score(hits: list[EvaluativeHit]) -> float:
            counted = [h for h in hits if h.category not in NOT_COUNTED]
            return float(sum(h.weight for h in counted)) if WEIGHTED else float(len(counted))

        figures = {
            "evaluative_per_1000_words": rate_per_1000(score(author), self.author_words),
            "quoted_evaluative_per_1000_words": rate_per_1000(score(quoted), self.quoted_words),
            "hedges_per_1000_words": rate_per_1000(
                sum(h.category == "hedge" for h in author), self.author_words
            ),
            "neutral_reporting_per_1000_words": rate_per_1000(
                self.neutral_reporting, self.author_words + self.quoted_words
            ),
        }
        by_category = Counter(h.category for h in author)
        for category in self.categories:
            if category == "hedge":
                continue
            figures[f"evaluative_{category}_per_1000_words"] = rate_per_1000(
                by_category[category], self.author_words
            )
        figures["author_words"] = float(self.author_words)
        figures["quoted_words"] = float(self.quoted_words)
        figures["evaluative_hits"] = float(len(self.hits))
        return figures

    def evidence(self) -> list[TextSpan]:
        """Every hit as a span labelled ``evaluative:<category>`` (quoted ones too)."""
        return [h.span() for h in self.hits]

    def by_category(self) -> dict[str, list[EvaluativeHit]]:
        """Author-voice hits grouped by category."""
        groups: dict[str, list[EvaluativeHit]] = {c: [] for c in self.categories}
        for hit in self.author_hits:
            groups.setdefault(hit.category, []).append(hit)
        return groups

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: metrics, hits, settings."""
        return {
            "metrics": self.metrics,
            "hits": [h.to_dict() for h in self.hits],
            "weighted": WEIGHTED,
            "not_counted": sorted(NOT_COUNTED),
        }

    def to_dataframe(self):
        """The hits as a pandas DataFrame."""
        import pandas as pd

        columns = list(EvaluativeHit.__dataclass_fields__)
        return pd.DataFrame([h.to_dict() for h in self.hits], columns=columns)


def analyze_evaluative(
    text_or_doc: str | Document, lexicon: Lexicon | Mapping[str, Any] | None = None
) -> EvaluativeAnalysis:
    """Evaluative vocabulary with figures: author's voice and quoted voices apart.

    >>> a = analyze_evaluative('Trump hat getönt. Er sagte: „Das ist ein Desaster.“')
    >>> [h.text for h in a.author_hits], [h.text for h in a.quoted_hits]
    (['getönt'], ['Desaster'])
    """
    document = as_document(text_or_doc)
    lex = _resolve_lexicon(lexicon)
    hits = find_evaluative(document, lex)
    quoted = _quoted_intervals(document) if document.n_words else []
    word_starts = document.word_starts
    # the merged intervals are in text order and do not overlap
    quoted_words = sum(
        bisect_left(word_starts, end) - bisect_left(word_starts, start) for start, end in quoted
    )
    neutral = _neutral_reporting()
    words, _, _, _, lower_lemmas = _token_table(document, lex.index.lemmatizer)
    # neutral reporting words among the word tokens (a lemma in the table has letters,
    # but a token of punctuation alone is no word, whatever its lemma)
    neutral_count = sum(
        1
        for k in compress(range(len(words)), map(neutral.__contains__, lower_lemmas))
        if is_word(words[k])
    )
    categories = tuple(dict.fromkeys([*CATEGORIES, *lex.categories]))
    return EvaluativeAnalysis(
        hits=hits,
        author_words=document.n_words - quoted_words,
        quoted_words=quoted_words,
        neutral_reporting=neutral_count,
        categories=categories,
        document=document,
    )
