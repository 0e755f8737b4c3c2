"""The measure: :func:`find_evaluative`, :func:`analyze_evaluative` and their figures."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..document import MEMO_LIMIT, Document, TextSpan, as_document, is_word, memo_map
from ..results import json_figures
from .constructions import _trigger_index, construction_hits
from .context import _CLAUSE_BREAKS
from .hits import EvaluativeHit, make_hit
from .index import _PHRASE_FIRST, _PHRASE_SECOND, _WORD_HIT
from .lemmas import _lemma_memo, _lower_lemmas, _non_space_tokens, _table_key
from .lexicon import CATEGORIES, NOT_COUNTED, WEIGHTED, Lexicon, _neutral_reporting
from .matching import _scan
from .separable import separable_hits, separable_particles
from .voice import (
    _QUOTES_KEY,
    VOICES,
    VoiceLayer,
    _scare_quote_hits,
    _voice_layer_if_any,
    voice_layer,
    voice_rules,
    words_in,
)

if TYPE_CHECKING:
    from .index import _Index

#: What each figure means: name -> (meaning, unit). Per-category names are
#: ``evaluative_<category>_per_1000_words`` for every category in CATEGORIES but hedge.
METRIC_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "evaluative_per_1000_words": (
        "evaluative words and constructions in the author's own voice (outside quotations "
        "and attributed evaluations), weighted 1-3, hedges left out, per 1,000 author words "
        "(with a prior of 20 words without evaluation, so a single short sentence is not "
        "read as a tirade)",
        "weighted hits per 1,000 words",
    ),
    "quoted_evaluative_per_1000_words": (
        "the same weighted rate inside direct quotations, per 1,000 quoted words",
        "weighted hits per 1,000 words",
    ),
    "attributed_evaluative_per_1000_words": (
        "the same weighted rate inside evaluations the author reports as someone's "
        "(indirect and reported speech: vorwerfen, kritisieren als, bezeichnen als), "
        "per 1,000 attributed words",
        "weighted hits per 1,000 words",
    ),
    "unattributed_evaluative_sentence_share": (
        "of the sentences in which the author evaluates (author-voice hits weighing at least "
        "2), the share that cites no source (no quotation, cue, speaker or evaluative speech "
        "verb in the sentence)",
        "share",
    ),
    "evaluative_sentences": (
        "sentences in which the author evaluates (the base of the unattributed share)",
        "count",
    ),
    "unattributed_evaluative_sentences": (
        "sentences in which the author evaluates without citing any source",
        "count",
    ),
    "evaluative_constructions_per_1000_words": (
        "evaluative constructions in the author's voice (rhetorical questions, imputed "
        "motives, eine Art X, counterfactual and sarcastic frames, idioms), per 1,000 author words",
        "per 1,000 words",
    ),
    "hedges_per_1000_words": (
        "hedges and legal caution (mutmaßlich, nach eigenen Angaben) in the author's voice",
        "per 1,000 words",
    ),
    "neutral_reporting_per_1000_words": (
        "neutral reporting words (sagen, erklären, laut, zufolge), all voices",
        "per 1,000 words",
    ),
    "author_words": ("words in the author's own voice", "words"),
    "quoted_words": ("words inside direct quotations", "words"),
    "attributed_words": ("words inside attributed (indirect, reported) messages", "words"),
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

#: A sentence "carries evaluation" when its author-voice hits weigh at least this much
#: (one clearly evaluative word, or two mild ones).
EVALUATIVE_SENTENCE_MIN_SCORE = 2

#: The three weighted evaluative rates are estimated as if every text had this many
#: more words without evaluation (a prior that shrinks the rate of a short text towards
#: zero): ``1000 * weighted hits / (words + 20)``. A rate per 1,000 words read off a
#: five-word sentence is mostly noise (one mild word would be 200 per 1,000, more than a
#: long tirade); for a text of 500 words the prior lowers the rate by 4 %, for 2,000
#: words by 1 %. Chosen on the train split of the subjectivity data (AUC 0.847 -> 0.853
#: with 20; 10 and 30 words give the same within 0.001), see LEXICON.md.
RATE_PRIOR_WORDS = 20


#: The author-voice rates: 0 (not missing) for a text whose every word is quoted or
#: attributed, since the author's own voice then adds nothing (metrics.tsv: of = words).
_AUTHOR_RATES = (
    "evaluative_per_1000_words",
    "evaluative_constructions_per_1000_words",
    "hedges_per_1000_words",
)


def evaluative_rate(score: float, words: int) -> float:
    """A weighted evaluative rate per 1,000 words, with the prior of
    :data:`RATE_PRIOR_WORDS` words without evaluation (NaN for no words: a rate of
    nothing is missing).

    >>> evaluative_rate(4, 80)
    40.0
    >>> round(evaluative_rate(6, 2980), 2)
    2.0
    >>> evaluative_rate(0, 0)
    nan
    """
    if words <= 0:
        return math.nan
    return 1000.0 * score / (words + RATE_PRIOR_WORDS)


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
    """Evaluative words, phrases and constructions in a German text, in text order.

    Each hit has ``start``/``end`` offsets (``text[start:end] == hit.text``), the
    ``lemma``, ``category``, ``weight``, ``match`` (word, prefix, head, phrase,
    scare_quote, construction), ``negated``, its ``voice`` (author, quoted, attributed)
    and ``source``, ``in_quote`` (any voice but the author's), the ``neutral``
    alternative and a ``note``.

    >>> [(h.text, h.voice, h.source) for h in find_evaluative('Er sagte: „Das ist ein völlig erbärmliches Desaster.“')]
    [('völlig', 'quoted', 'Er'), ('erbärmliches', 'quoted', 'Er'), ('Desaster', 'quoted', 'Er')]
    >>> [(h.text, h.match) for h in find_evaluative("Die Lügenmedien und ihr Klimawahn.")]
    [('Lügenmedien', 'prefix'), ('Klimawahn', 'head')]
    """
    document = as_document(text_or_doc)
    lex = _resolve_lexicon(lexicon)
    table, flags = _table_and_flags(document, lex.index)
    return _find(document, lex, table, flags)[0]


#: Bits of :func:`_token_flags`: the hit kind of the lexicon scan in the two lowest
#: bits (0, ``_PHRASE_ONLY`` or 2 for a token that can hit as a word), then a
#: separable-verb particle, a construction trigger, a neutral reporting word, a word
#: that can stand first in a phrase and one that can stand second.
_PARTICLE = 4
_TRIGGER = 8
_NEUTRAL = 16
_OTHER_LAYERS = _PARTICLE | _TRIGGER | _NEUTRAL


def _token_flags(index: _Index, table) -> list[int]:
    """Per token of the scan's token table: what each layer can start from there.

    Whether a token can hit as a lexicon word, start or continue a phrase, is a
    separable-verb particle, triggers a construction or is a neutral reporting word
    follows from its text alone (its lowercase form and lemma follow from it), so it is
    decided once per word form (memoised per lexicon index) and each layer visits only
    the tokens it can use.
    """
    flags = index._flags
    return memo_map(flags, table[0], partial(_flags_of, index), _FLAG_MEMO_SIZE)


_FLAG_MEMO_SIZE = MEMO_LIMIT  # memo_map's own bound: one figure for every word memo


def _table_and_flags(document: Document, index: _Index) -> tuple[Any, list[int]]:
    """``_token_table(document, index.lemmatizer)`` and its :func:`_token_flags`.

    A document without a table yet (every document analysed once) gets both from one
    look-up per token in the index's memo of word form -> (lowercase, lowercase lemma,
    flags), split into the lists in C, instead of three look-ups per token (the lower,
    lemma and flag memos); the values are those of the three memos."""
    lemmatizer = index.lemmatizer
    key = _table_key(lemmatizer)
    table = document.cache.get(key)
    if table is not None:
        return table, _token_flags(index, table)
    words, starts, firsts = _non_space_tokens(document)
    infos = index._infos
    rows = memo_map(infos, words, partial(_info_of, index), _FLAG_MEMO_SIZE)
    if rows:
        lowers, lemmas, flags = map(list, zip(*rows, strict=True))
    else:
        lowers, lemmas, flags = [], [], []
    table = (words, starts, firsts, lowers, lemmas)
    document.cache[key] = table
    return table, flags


def _info_of(index: _Index, text: str) -> tuple[str, str, int]:
    """(lowercase, lowercase lemma, flags) of a word form, through the three memos."""
    lemma = _lower_lemmas([text], index.lemmatizer)[0]
    flags = memo_map(index._flags, [text], partial(_flags_of, index), _FLAG_MEMO_SIZE)[0]
    return text.lower(), lemma, flags


def _flags_of(index: _Index, text: str) -> int:
    # the scan's token table has just lemmatised this word: reuse its memo
    lemma = _lemma_memo(index.lemmatizer).get(text)
    if lemma is None:
        lemma = index.lemmatizer(text).lower()
    lowered = text.lower()
    flags = _WORD_HIT if index._hit_kind(text) == _WORD_HIT else 0
    if lowered in index.phrases or lemma in index.phrases:
        flags |= _PHRASE_FIRST
    if lowered in index.phrase_seconds or lemma in index.phrase_seconds:
        flags |= _PHRASE_SECOND
    if lowered in separable_particles():
        flags |= _PARTICLE
    if lowered in _trigger_index()[0]:
        flags |= _TRIGGER
    if lemma in _neutral_reporting() and is_word(text):
        flags |= _NEUTRAL
    return flags


#: :func:`_find` without a voice layer from its caller: it asks :func:`voice_layer`.
_NO_LAYER: Any = object()


def _find(
    document: Document, lex: Lexicon, table, flags: list[int], layer: Any = _NO_LAYER
) -> tuple[list[EvaluativeHit], int]:
    """:func:`find_evaluative` on the scan's token table and its :func:`_token_flags`,
    and the number of neutral reporting words. ``layer``, when the caller has it: the
    document's :func:`voice_layer`, or None for the author's voice throughout
    (:func:`_voice_layer_if_any`)."""
    # one pass over the flagged tokens (a few per sentence): the scan visits the tokens
    # that can hit as a word and those that can start a phrase with the next token
    # (a plain loop over the flagged tokens: cheaper than chained maps over every token,
    # and than searching the flags as bytes with a regular expression)
    candidates: list[int] = []
    particles: list[int] = []
    triggers: list[int] = []
    neutral = 0
    last = len(flags) - 1
    firsts, lowers = table[2], table[3]
    for k in compress(range(len(flags)), flags):
        flag = flags[k]
        if flag & _WORD_HIT or (
            flag & _PHRASE_FIRST and k < last and flags[k + 1] & _PHRASE_SECOND
        ):
            candidates.append(k)
        if flag & _OTHER_LAYERS:
            if (
                flag & _PARTICLE
                and k
                and (k == last or lowers[k + 1] in _CLAUSE_BREAKS or firsts[k + 1])
                and not firsts[k]
                and lowers[k - 1] not in _CLAUSE_BREAKS
            ):
                # only a particle that closes its clause can be one of a split verb
                # (separable_hits' own first tests, done here: most particles fail them)
                particles.append(k)
            if flag & _TRIGGER:
                triggers.append(k)
            if flag & _NEUTRAL:
                neutral += 1
    words = _scan(document, lex, candidates, flags, table, phrase_flags=True) if candidates else []
    split = separable_hits(document, lex, particles, table=table) if particles else []
    if split:
        # a split separable verb (spielt ... herunter) replaces the hits on its verb and
        # particle tokens (schön in "redet die Lage schön")
        # (kept in text order: _holds_word_of_its_category bisects their starts)
        taken = {a for a, *_ in split} | {h[5] for h in split}
        words = sorted(
            [hit for hit in words if hit[0] not in taken] + [h[:5] for h in split],
            key=itemgetter(0),
        )
    constructions = []
    if triggers:
        found = construction_hits(document, table[3], table[1], triggers)
        if found and not words:
            # no lexicon word: no phrase, word span or word inside a construction to
            # compare with, every construction stands (what the filter below keeps)
            constructions = found
        elif found:
            phrases = [(a, b) for a, b, _, match, _ in words if match == "phrase"]
            word_spans = {(a, b) for a, b, _, _, _ in words}
            word_starts = [a for a, *_ in words]
            # an idiom the lexicon already has as a phrase (Öl ins Feuer) counts once, and
            # so does a construction whose hit is a word the lexicon has (Es ist fatal,
            # dass ...) or that holds a lexicon word of its own category (the litotes
            # "nicht unerheblich" around the judgement "unerheblich": one judgement)
            constructions = [
                hit
                for hit in found
                if (hit[0], hit[1]) not in word_spans
                and (
                    hit[2].category != "idiom"
                    or not any(a < hit[1] and hit[0] < b for a, b in phrases)
                )
                and not _holds_word_of_its_category(hit, words, word_starts)
            ]
    quotes = document.cache.get(_QUOTES_KEY)
    # no scare quote in the quotation analysis (most texts): no call
    scare = _scare_quote_hits(document) if quotes is None or quotes.scare_quotes else []
    if scare:
        # "die sogenannte „Reform“": the distancing word and the quote marks around the
        # next word are one act of distancing, counted once (as the word)
        distancing_ends = {b for _, b, entry, _, _ in words if entry.category == "distancing"}
        scare = [hit for hit in scare if not any(hit[0] - gap in distancing_ends for gap in (1, 2))]
    raw = words + scare + constructions
    if not raw:
        return [], neutral
    if len(raw) > 1:
        # by start, the longer first (two stable sorts: the order of sort key (start, -end))
        raw.sort(key=itemgetter(1), reverse=True)
        raw.sort(key=itemgetter(0))
    if layer is _NO_LAYER:
        layer = voice_layer(document)
    text = document.text
    hits = []
    voice_at = layer.voice_at if layer is not None else None
    voice, source = "author", None  # the author's voice throughout (no layer)
    for start, end, entry, match, negated in raw:
        if voice_at is not None:
            voice, source = voice_at(start, entry.category)
        hits.append(
            make_hit(  # EvaluativeHit(...) with every field, at half the cost
                start,
                end,
                text[start:end],
                entry.lemma,
                entry.category,
                entry.weight,
                match,
                negated,
                voice != "author",
                entry.neutral,
                entry.note,
                voice,
                source,
            )
        )
    return hits, neutral


def _holds_word_of_its_category(hit, words, word_starts: list[int]) -> bool:
    """True when a word hit of the construction's category lies inside its span
    (``words`` in text order, ``word_starts`` their starts)."""
    start, end, entry = hit[0], hit[1], hit[2]
    for k in range(bisect_left(word_starts, start), len(words)):
        a, b, word_entry, _, _ = words[k]
        if a >= end:
            return False
        if b <= end and word_entry.category == entry.category:
            return True
    return False


@lru_cache(maxsize=64)
def _all_categories(own: tuple[str, ...]) -> tuple[str, ...]:
    """The bundled categories, then a lexicon's own ones (each once), built once per set."""
    return tuple(dict.fromkeys([*CATEGORIES, *own]))


@lru_cache(maxsize=64)
def _category_keys(
    categories: tuple[str, ...],
) -> tuple[tuple[str, ...], dict[str, str], dict[str, float], tuple[str, ...]]:
    """The figure names of every category but the hedge, in their order, category ->
    name, and the template of :attr:`EvaluativeAnalysis.metrics`: every figure name in
    the order of the figures, the categories' with 0.0 (copied for each result; never
    handed out itself), and the category names that are also one of the figures before
    them (a category "constructions": its 0.0 replaces that figure, as it always did)."""
    key_of = {
        category: f"evaluative_{category}_per_1000_words"
        for category in categories
        if category != "hedge"
    }
    keys = tuple(key_of.values())
    template: dict[str, float] = dict.fromkeys(_LEADING_FIGURES, 0.0)
    template.update(dict.fromkeys(keys, 0.0))
    template.update(dict.fromkeys(_TRAILING_FIGURES, 0.0))
    clashes = tuple(key for key in keys if key in _LEADING_FIGURES)
    return keys, key_of, template, clashes


#: The figures before the per-category ones, and after them, in their order.
_LEADING_FIGURES = (
    "evaluative_per_1000_words",
    "quoted_evaluative_per_1000_words",
    "attributed_evaluative_per_1000_words",
    "evaluative_sentences",
    "unattributed_evaluative_sentence_share",
    "unattributed_evaluative_sentences",
    "evaluative_constructions_per_1000_words",
    "hedges_per_1000_words",
    "neutral_reporting_per_1000_words",
)
_TRAILING_FIGURES = ("author_words", "quoted_words", "attributed_words", "evaluative_hits")


@dataclass
class EvaluativeAnalysis:
    """Result of :func:`analyze_evaluative` (the :mod:`mediakit.results` protocol).

    >>> a = analyze_evaluative("Das ist ein völliges Desaster.")
    >>> a.metrics["evaluative_per_1000_words"] > 0, a.evidence()[0].label
    (True, 'evaluative:intensifier')
    >>> [s.text for s in a.unattributed_sentences]
    ['Das ist ein völliges Desaster.']
    """

    hits: list[EvaluativeHit]
    author_words: int
    quoted_words: int
    neutral_reporting: int
    categories: tuple[str, ...]
    document: Document | None = None
    attributed_words: int = 0
    #: author-voice sentences that carry evaluation and cite no source (the evidence)
    unattributed_sentences: list[TextSpan] = field(default_factory=list)
    #: how many sentences carry author-voice evaluation at all
    evaluative_sentences: int = 0

    @property
    def author_hits(self) -> list[EvaluativeHit]:
        """Hits in the author's own voice (all categories)."""
        return [h for h in self.hits if h.voice == "author"]

    @property
    def quoted_hits(self) -> list[EvaluativeHit]:
        """Hits in any other voice (quoted and attributed)."""
        return [h for h in self.hits if h.voice != "author"]

    def hits_in(self, voice: str) -> list[EvaluativeHit]:
        """Hits of one voice: ``author``, ``quoted`` or ``attributed``.

        >>> [h.text for h in analyze_evaluative("Sie sagte, das sei ein Desaster.").hits_in("attributed")]
        ['Desaster']
        """
        if voice not in VOICES:
            raise ValueError(f"voice must be one of {', '.join(VOICES)}, not {voice!r}")
        return [h for h in self.hits if h.voice == voice]

    @property
    def metrics(self) -> dict[str, float]:
        """Flat figures per 1,000 words.

        * ``evaluative_per_1000_words``: the author's voice only, hedges left out,
          **weighted** by entry weight (1–3), per 1,000 author words, with the prior of
          :data:`RATE_PRIOR_WORDS` (20) words without evaluation: ``1000 * weighted hits /
          (author words + 20)``;
        * ``evaluative_<category>_per_1000_words``: author-voice hits of one category
          (unweighted counts), per 1,000 author words;
        * ``quoted_evaluative_per_1000_words`` and ``attributed_evaluative_per_1000_words``:
          the same weighted rate inside direct quotations and inside attributed messages;
        * ``unattributed_evaluative_sentence_share``: of the sentences in which the
          author evaluates, the share that cites no source;
        * ``hedges_per_1000_words``: author-voice hedges; ``neutral_reporting_per_1000_words``:
          neutral reporting verbs (sagen, erklären, mitteilen …);
        * ``author_words``, ``quoted_words``, ``attributed_words``, ``evaluative_hits``.
        """
        if self.hits or self.evaluative_sentences or self.unattributed_sentences:
            return self._figures()
        # no hit (most single sentences): the figures follow from the word counts alone,
        # computed once per counts and copied
        key = (
            tuple(self.categories),
            self.author_words,
            self.quoted_words,
            self.attributed_words,
            self.neutral_reporting,
        )
        known = _NO_HIT_FIGURES.get(key)
        if known is None:
            if len(_NO_HIT_FIGURES) >= _NO_HIT_FIGURES_SIZE:
                _NO_HIT_FIGURES.clear()
            known = _NO_HIT_FIGURES[key] = self._figures()
        return known.copy()

    def _figures(self) -> dict[str, float]:
        """:attr:`metrics`, computed."""
        # one pass over the hits: the score per voice (what _score gives for each voice's
        # hits, summed in the same order), the author's hits by category; then the rates
        # of evaluative_rate, safe_div and rate_per_1000 inlined (most texts have no hit)
        author_words = self.author_words
        quoted_words = self.quoted_words
        attributed_words = self.attributed_words
        constructions = hedges = 0
        by_category: dict[str, int] = {}
        # (started at the int 0, as sum() starts: the same float at the end)
        author_score: float = 0.0
        quoted_score: float = 0.0
        attributed_score: float = 0.0
        for hit in self.hits:
            voice = hit.voice
            category = hit.category
            counted = category not in NOT_COUNTED
            if voice == "author":
                if counted:
                    author_score += hit.weight if WEIGHTED else 1
                by_category[category] = by_category.get(category, 0) + 1
                if hit.match == "construction":
                    constructions += 1
                if category == "hedge":
                    hedges += 1
            elif voice == "quoted":
                if counted:
                    quoted_score += hit.weight if WEIGHTED else 1
            elif voice == "attributed" and counted:
                attributed_score += hit.weight if WEIGHTED else 1
        nan = math.nan
        evaluative_sentences = self.evaluative_sentences
        unattributed = len(self.unattributed_sentences)
        all_words = author_words + quoted_words + attributed_words
        # a copy of the figures' template (every name in its order, the categories at
        # 0.0): the values below replace entries, so the order of the names stays that
        # of the template (one C copy instead of building the dict name by name)
        keys, key_of, template, clashes = _category_keys(tuple(self.categories))
        figures = template.copy()
        figures["evaluative_per_1000_words"] = (
            1000.0 * float(author_score) / (author_words + RATE_PRIOR_WORDS)
            if author_words > 0
            else nan
        )
        figures["quoted_evaluative_per_1000_words"] = (
            1000.0 * float(quoted_score) / (quoted_words + RATE_PRIOR_WORDS)
            if quoted_words > 0
            else nan
        )
        figures["attributed_evaluative_per_1000_words"] = (
            1000.0 * float(attributed_score) / (attributed_words + RATE_PRIOR_WORDS)
            if attributed_words > 0
            else nan
        )
        figures["evaluative_sentences"] = float(evaluative_sentences)
        figures["unattributed_evaluative_sentence_share"] = (
            float(unattributed) / evaluative_sentences if evaluative_sentences else nan
        )
        figures["unattributed_evaluative_sentences"] = float(unattributed)
        figures["evaluative_constructions_per_1000_words"] = (
            float(constructions * 1000.0) / author_words if author_words else nan
        )
        figures["hedges_per_1000_words"] = (
            float(hedges * 1000.0) / author_words if author_words else nan
        )
        figures["neutral_reporting_per_1000_words"] = (
            float(self.neutral_reporting * 1000.0) / all_words if all_words else nan
        )
        for clash in clashes:  # a category's name that is one of the figures above: 0.0
            figures[clash] = 0.0
        # the categories with hits; rate_per_1000 inlined
        if author_words:
            for category, count in by_category.items():
                key = key_of.get(category)
                if key is not None:
                    figures[key] = float(count * 1000.0) / author_words
        elif quoted_words or attributed_words:
            # every word is a source's: the author adds no evaluation of their own (0, the
            # text's own voice is silent), while the quoted and attributed rates stand
            for key in _AUTHOR_RATES:
                figures[key] = 0.0
        else:  # no words at all: every rate is missing
            figures.update(dict.fromkeys(keys, math.nan))
        figures["author_words"] = float(author_words)
        figures["quoted_words"] = float(quoted_words)
        figures["attributed_words"] = float(attributed_words)
        figures["evaluative_hits"] = float(len(self.hits))
        return figures

    def evidence(self) -> list[TextSpan]:
        """Every hit as a span labelled ``evaluative:<category>`` (other voices too),
        then the unattributed evaluative sentences (``evaluative_unattributed``)."""
        return [h.span() for h in self.hits] + list(self.unattributed_sentences)

    def by_category(self) -> dict[str, list[EvaluativeHit]]:
        """Author-voice hits grouped by category."""
        groups: dict[str, list[EvaluativeHit]] = {c: [] for c in self.categories}
        for hit in self.author_hits:
            groups.setdefault(hit.category, []).append(hit)
        return groups

    def by_voice(self) -> dict[str, list[EvaluativeHit]]:
        """All hits grouped by voice (author, quoted, attributed)."""
        return {voice: self.hits_in(voice) for voice in VOICES}

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: metrics, hits, unattributed sentences, settings."""
        return {
            "metrics": json_figures(self.metrics),
            "hits": [h.to_dict() for h in self.hits],
            "unattributed_sentences": [s.to_dict() for s in self.unattributed_sentences],
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
    """Evaluative vocabulary with figures: the author's, quoted and attributed voices apart.

    >>> a = analyze_evaluative('Trump hat getönt. Er sagte: „Das ist ein Desaster.“')
    >>> [h.text for h in a.author_hits], [h.text for h in a.quoted_hits]
    (['getönt'], ['Desaster'])
    """
    # as_document and _resolve_lexicon for the common arguments (a parsed Document, the
    # default lexicon) without the calls; len(document.words) is a Document's n_words
    document: Document
    if type(text_or_doc) is Document:
        document, plain = text_or_doc, True
    else:
        document, plain = as_document(text_or_doc), False
    lex = _shared_default() if lexicon is None else _resolve_lexicon(lexicon)
    index = lex.index
    table, flags = _table_and_flags(document, index)
    # None: the author's voice throughout, where voice_layer would be VoiceLayer()
    voices = _voice_layer_if_any(document)
    hits, neutral_count = _find(document, lex, table, flags, voices)
    n_words = len(document.words) if plain else document.n_words
    layer: VoiceLayer | None
    if n_words and voices is None:
        layer, quoted_words, attributed_words = _AUTHOR_ONLY, 0, 0
    elif n_words and voices is not None:
        word_starts = document.word_starts
        layer = voices
        quoted_words = words_in(word_starts, layer.quoted) if layer.quoted else 0
        attributed_words = 0
        if layer.attributed:
            # the author's own distancing words inside an attributed message are author words
            kept = [
                (h.start, h.end)
                for h in hits
                if h.voice == "author" and layer.in_attributed(h.start)
            ]
            attributed_words = words_in(word_starts, layer.attributed) - words_in(word_starts, kept)
    else:
        layer, quoted_words, attributed_words = None, 0, 0
    categories = index.report_categories
    if categories is None:  # once per lexicon (a changed lexicon has a new index)
        categories = index.report_categories = _all_categories(tuple(lex.categories))
    if hits:
        evaluative_sentences, unattributed = _unattributed_sentences(document, hits, layer)
    else:  # what _unattributed_sentences gives without hits
        evaluative_sentences, unattributed = 0, []
    # the fields in their order (hits, author_words, quoted_words, neutral_reporting,
    # categories, document, attributed_words, unattributed_sentences, evaluative_sentences)
    return EvaluativeAnalysis(
        hits,
        n_words - quoted_words - attributed_words,
        quoted_words,
        neutral_count,
        categories,
        document,
        attributed_words,
        unattributed,
        evaluative_sentences,
    )


#: (categories, author, quoted, attributed words, neutral reporting words) -> the
#: figures of a result without any hit (never handed out: :attr:`metrics` copies them)
_NO_HIT_FIGURES: dict[tuple, dict[str, float]] = {}
_NO_HIT_FIGURES_SIZE = 4096


def _unattributed_single(
    sentence: TextSpan, hits: list[EvaluativeHit], layer: VoiceLayer
) -> tuple[int, list[TextSpan]]:
    """:func:`_unattributed_sentences` of a text of one sentence (no dict of scores)."""
    source_categories = voice_rules().source_categories
    begin = sentence.start
    score = 0.0
    scored = named = False
    for hit in hits:
        if hit.voice != "author" or hit.category in NOT_COUNTED or hit.start < begin:
            continue
        scored = True
        score += hit.weight if WEIGHTED else 1.0
        if hit.category in source_categories:
            named = True
    if not scored or score < EVALUATIVE_SENTENCE_MIN_SCORE:
        return 0, []
    if named or layer.cites_source(begin, sentence.end):
        return 1, []
    return 1, [TextSpan(begin, sentence.end, sentence.text, "evaluative_unattributed")]


#: The layer of a text in the author's voice throughout, read (never changed or handed
#: out) where :func:`_voice_layer_if_any` gave None.
_AUTHOR_ONLY = VoiceLayer()


def _unattributed_sentences(
    document: Document, hits: list[EvaluativeHit], layer: VoiceLayer | None
) -> tuple[int, list[TextSpan]]:
    """(sentences carrying author-voice evaluation, those of them citing no source)."""
    if layer is None or not hits:
        return 0, []
    sentences = document.sentences
    if len(sentences) == 1:
        return _unattributed_single(sentences[0], hits, layer)
    # one sentence (a sentence dataset, a reader comment): no sentence starts to bisect
    single = sentences[0].start if len(sentences) == 1 else None
    starts = [] if single is not None else [s.start for s in sentences]
    scores: dict[int, float] = {}
    named_speech: set[int] = set()
    source_categories = voice_rules().source_categories
    for hit in hits:
        if hit.voice != "author" or hit.category in NOT_COUNTED:
            continue
        if single is not None:
            k = 0 if hit.start >= single else -1
        else:
            k = bisect_right(starts, hit.start) - 1
        if k >= 0:
            scores[k] = scores.get(k, 0.0) + (hit.weight if WEIGHTED else 1.0)
            if hit.category in source_categories:
                named_speech.add(k)
    evaluative = [
        k for k, score in sorted(scores.items()) if score >= EVALUATIVE_SENTENCE_MIN_SCORE
    ]
    unattributed = [
        TextSpan(sentences[k].start, sentences[k].end, sentences[k].text, "evaluative_unattributed")
        for k in evaluative
        if k not in named_speech and not layer.cites_source(sentences[k].start, sentences[k].end)
    ]
    return len(evaluative), unattributed
