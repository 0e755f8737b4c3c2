"""Evaluative vocabulary: loaded words, by category, the author's voice apart from quoted voices.

The measure looks words up in mediakit's own German lexicon (``data/lexicon.tsv``,
CC0, documented in ``data/LEXICON.md``): intensifiers (*völlig*), pejorative labels
(*Lügenpresse*, *Marionette*), loaded adjectives, nouns and verbs (*erbärmlich*,
*Schmusekurs*, *düpieren*), evaluative speech verbs (*tönen*, *poltern*; the neutral
*sagen* is not in it), stance adverbs (*ausgerechnet*), modal particles (*ja*, *doch*),
distancing markers (*angeblich*), exaggeration (*nie*, *aller Zeiten*), emotion words
(*Wut*), value judgements (*falsch*), epistemic adverbs (*vielleicht*), interjections,
first person and reader address, and hedges (*mutmaßlich*, *nach eigenen Angaben*),
which are reported but never counted as bias.

Matching, in short:

* tokens come from the shared :class:`~mediakit.document.Document` (never re-tokenised);
* lemmas come from simplemma's German dictionary (MIT, offline) with our own suffix
  rules as fallback (``benchmarks/evaluative.py`` measures the choice), cached per
  process and stored per document. For the bundled lexicon a precomputed excerpt of
  that dictionary (``data/lexicon_forms.tsv``, the forms whose lemma can matter) gives
  the same results without loading the whole dictionary (over a second); a lexicon
  with new entries falls back to simplemma;
* compounds are split for ``prefix`` entries (*Lügen|medien*) and ``head`` entries
  (*Klima|wahn*, *WEF-Leyen-|Regime*), leaving at least four letters on the other side;
* multiword ``phrase`` entries (*aller Zeiten*, *nach eigenen Angaben*) match token
  by token on surface form or lemma; ``neutral_use`` phrases (*vor allem*) block hits;
* a lowercase entry (an adjective, verb or particle) does not match a capitalised
  word inside a sentence (*mal* is not *zum ersten Mal*), a noun entry no lowercase
  word; particles, pronouns, stance adverbs and mild intensifiers count uninflected
  only, the particles with context rules (see :func:`_particle_applies`);
* negation (*nicht*, *kein*, *nie* … up to three words before the hit, same clause)
  is marked as ``negated``. Negated hits still count: *kein Desaster* puts the
  frame "Desaster" on the table just as well.

Author voice: a hit is ``in_quote`` when it stands inside a quotation found by
:func:`mediakit.quotes.analyze_quotes` (the message spans of direct, indirect and
attributed free-indirect quotations, and the quote-marked region around them).
Reported speech acts (*Trump hat getönt*), unattributed Konjunktiv sentences, scare
quotes and titles are the author's voice.

The headline figure ``evaluative_per_1000_words`` is the **weighted** sum (weights
1–3) of the author's hits, hedges left out, per 1,000 author words; on the German
CheckThat! subjectivity sentences it separates SUBJ from OBJ with an AUC of about
0.72 on dev (weighted, author voice and first person counted each measured better).

>>> [(h.text, h.category) for h in find_evaluative("Trump hat völlig erbärmlich getönt.")]
[('völlig', 'intensifier'), ('erbärmlich', 'loaded'), ('getönt', 'speech_verb')]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from functools import cache, lru_cache
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any

from .document import MEMO_LIMIT, Document, TextSpan, as_document, is_word, memo_map, pick
from .results import rate_per_1000
from .tables import load_table, read_table

__all__ = [
    "CATEGORIES",
    "COUNTED_CATEGORIES",
    "METRIC_DESCRIPTIONS",
    "EvaluativeAnalysis",
    "EvaluativeHit",
    "Lexicon",
    "LexiconEntry",
    "analyze_evaluative",
    "find_evaluative",
    "lemmatize",
    "load_lexicon",
    "load_sentiws",
]

#: The categories of the bundled lexicon, in reporting order.
CATEGORIES = (
    "intensifier",
    "pejorative",
    "loaded",
    "speech_verb",
    "stance",
    "modal_particle",
    "distancing",
    "exaggeration",
    "emotional",
    "judgement",
    "epistemic",
    "interjection",
    "first_person",
    "address",
    "hedge",
)
#: Categories reported but never counted in ``evaluative_per_1000_words``: hedges are
#: journalistic caution about other people's claims, not the writer's evaluation.
#: (First person *is* counted, weight 1: measured in ``benchmarks/evaluative.py``.)
NOT_COUNTED = frozenset({"hedge"})
#: Categories counted in ``evaluative_per_1000_words``.
COUNTED_CATEGORIES = tuple(c for c in CATEGORIES if c not in NOT_COUNTED)
#: Whether the headline rate sums entry weights (True) or counts hits (False).
#: Decided on the train split of the subjectivity data, see LEXICON.md.
WEIGHTED = True

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

MATCH_TYPES = ("word", "prefix", "head", "phrase")
#: Phrase entries of this category block hits inside fixed neutral expressions
#: ("vor allem", "absolute Mehrheit"); they never appear as hits.
BLOCKING_CATEGORY = "neutral_use"
#: Categories whose entries match their exact (lowercased) form only: lemmatising or
#: suffix-stripping a particle finds it inside unrelated words (ebene -> eben).
EXACT_FORM_CATEGORIES = frozenset({"modal_particle", "first_person", "address", "interjection"})
#: A compound split must leave at least this many letters on the other side
#: (Lügen|medien yes, Mist|ral no).
MIN_COMPOUND_REST = 4
#: How many words before a hit a negator may stand (same clause).
NEGATION_WINDOW = 3

_CLAUSE_BREAKS = frozenset(',;:.!?()[]–—-…"„“”«»‹›')
_OPENERS = frozenset("„“‚‘»«›‹\"'([–—-:")
_SUFFIXES = (
    "esten", "ester", "estem", "estes", "este",
    "sten", "ster", "stem", "stes", "ste",
    "eren", "erer", "erem", "eres", "ere",
    "en", "em", "er", "es", "e", "n", "s", "t", "et", "st",
)  # fmt: skip


# the suffixes a word can end in, by its last letter (in _SUFFIXES order)
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}
}
_AFFIX_KEY = 3  # letters compared before a compound's head or prefix is looked for


# ---------------------------------------------------------------------------
# Lemmas
# ---------------------------------------------------------------------------


@cache
def _dictionary_strategy():
    # The dictionary lookup alone: simplemma's full lemmatize() also tries affix
    # decomposition, which costs ~0.9 ms per unknown word; our compound split
    # covers what we need of that (measured in benchmarks/evaluative.py).
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy()


@lru_cache(maxsize=65_536)  # bounded: a stream of new words must not grow memory
def lemmatize(word: str) -> str:
    """Lemma of one German word form: simplemma's dictionary, else the form itself.

    >>> lemmatize("blutrünstigen"), lemmatize("getönt"), lemmatize("Marionetten")
    ('blutrünstig', 'tönen', 'Marionette')
    """
    if not word or len(word) > 60:
        return word
    strategy = _dictionary_strategy()
    try:
        lemma = strategy.get_lemma(word, "de")
        if lemma is None and word[:1].isupper() and not word.isupper():
            lemma = strategy.get_lemma(word.lower(), "de")
    except UnicodeError:  # lone surrogates cannot be looked up
        return word
    return lemma or word


#: The precomputed word forms (``data/lexicon_forms.tsv``, built by
#: ``benchmarks/build_lexicon_forms.py``): simplemma's dictionary entries whose lemma
#: can matter to the bundled lexicon. Loading simplemma's whole German dictionary
#: costs over a second; this table a few milliseconds.
LEXICON_FORMS = "lexicon_forms.tsv"


@cache
def _lexicon_forms() -> dict[str, str]:
    from .tables import data_path

    forms: dict[str, str] = {}
    with data_path(LEXICON_FORMS).open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        if next(lines, "").rstrip("\n") != "form\tlemma":
            raise ValueError(f"{LEXICON_FORMS}: expected the header row 'form<TAB>lemma'")
        for line in lines:
            form, _, lemma = line.rstrip("\n").partition("\t")
            forms[form] = lemma
    return forms


def _forms_lookup(token: str) -> str | None:
    # simplemma's DictionaryLookupStrategy.get_lemma for German, on the small table
    forms = _lexicon_forms()
    lemma = forms.get(token)
    if lemma is not None:
        return lemma
    lemma = forms.get(token.lower() if token[:1].isupper() else token.capitalize())
    if lemma is not None or not ("'" in token or "’" in token or "ʼ" in token):
        return lemma
    # simplemma.utils.apostrophe_variants: the glyphs folded to straight, then back
    straight = token.replace("\u2019", "'").replace("\u02bc", "'")
    variants = (straight, straight.replace("'", "\u2019"), straight.replace("'", "\u02bc"))
    for variant in dict.fromkeys(variants):
        if variant == token:
            continue
        lemma = forms.get(variant)
        if lemma is None:
            lemma = forms.get(variant.lower() if variant[:1].isupper() else variant.capitalize())
        if lemma is not None:
            return lemma
    return None


@lru_cache(maxsize=65_536)
def _table_lemmatize(word: str) -> str:
    """:func:`lemmatize` through the precomputed table: the same answer wherever the
    answer matters to the bundled lexicon, the word itself elsewhere.

    >>> _table_lemmatize("getönt"), _table_lemmatize("Marionetten")
    ('tönen', 'Marionette')
    """
    if not word or len(word) > 60:
        return word
    lemma = _forms_lookup(word)
    if lemma is None and word[:1].isupper() and not word.isupper():
        lemma = _forms_lookup(word.lower())
    return lemma or word


@cache
def _default_signatures() -> frozenset[tuple[str, str, bool]]:
    return frozenset(_signature(entry) for entry in _default_entries())


def _signature(entry: LexiconEntry) -> tuple[str, str, bool]:
    # everything about an entry that decides which lemmas it is looked up under
    return (entry.lemma, entry.match, entry.category in EXACT_FORM_CATEGORIES)


def _lemmatizer_for(entries: Iterable[LexiconEntry]):
    """The precomputed table when it covers every entry (the bundled lexicon, or a
    copy with entries removed or re-categorised), else simplemma's full dictionary."""
    signatures = _default_signatures()
    if all(_signature(entry) in signatures for entry in entries):
        return _table_lemmatize
    return lemmatize


def _lemma_cache_key(lemmatizer) -> str:
    return "lemmas" if lemmatizer is lemmatize else "lexicon_lemmas"


def _lower_lemmas(words: list[str], lemmatizer) -> list[str]:
    """Lowercase lemma of each word, through a memo per word form."""
    return memo_map(
        _lemma_memo(lemmatizer), words, lambda text: lemmatizer(text).lower(), _LEMMA_MEMO_SIZE
    )


def _lemma_memo(lemmatizer) -> dict[str, str]:
    memo = _LEMMA_MEMOS.get(lemmatizer)
    if memo is None:
        memo = _LEMMA_MEMOS[lemmatizer] = {}
    return memo


# lemmatizer -> token text -> lowercase lemma, bounded like the other word memos
_LEMMA_MEMOS: dict[Any, dict[str, str]] = {}
_LEMMA_MEMO_SIZE = 500_000


def _token_table(
    document: Document, lemmatizer=lemmatize
) -> tuple[list[str], list[int], list[bool], list[str], list[str]]:
    """Non-space tokens as parallel lists: texts, starts, sentence starts, lowercase, lowercase lemmas."""
    cache_key = "evaluative_tokens_" + _lemma_cache_key(lemmatizer)
    table = document.cache.get(cache_key)
    if table is None:
        keep = list(compress(range(len(document.token_texts)), map(not_, document.token_is_space)))
        words = pick(document.token_texts, keep)
        table = (
            words,
            pick(document.token_starts, keep),
            pick(document.token_is_sent_start, keep),
            list(map(str.lower, words)),
            _lower_lemmas(words, lemmatizer),
        )
        document.cache[cache_key] = table
    return table


# ---------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon row.

    >>> LexiconEntry("Desaster", "loaded", 2, neutral="Misserfolg").match
    'word'
    """

    lemma: str
    category: str
    weight: float = 2
    match: str = "word"
    neutral: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.lemma, str) or not self.lemma.strip():
            raise ValueError(f"lexicon lemma must be a non-empty str, not {self.lemma!r}")
        if not isinstance(self.category, str) or not re.fullmatch(
            r"[a-z][a-z0-9_]*", self.category
        ):
            raise ValueError(
                f"lexicon category must be a snake_case name such as 'loaded', not {self.category!r}"
            )
        if self.match not in MATCH_TYPES:
            raise ValueError(f"match must be one of {', '.join(MATCH_TYPES)}, not {self.match!r}")
        weight = self.weight
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not math.isfinite(weight)
        ):
            raise ValueError(f"weight must be a number from 1 to 3, not {weight!r}")
        if not 0 < weight <= 3:
            raise ValueError(f"weight must be a number from 1 to 3, not {weight!r}")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of the row."""
        return asdict(self)


def _entry_keys(lemma: str, lemmatizer=lemmatize) -> set[str]:
    """The forms an entry is looked up under: its own spelling and its lemma.

    A lowercase entry is not indexed under a verb lemma it is not itself
    (besorgt -> besorgen would make "Geld besorgen" a worried word).
    """
    lowered = lemma.lower()
    keys = {lowered}
    for derived in (lemmatizer(lemma).lower(), lemmatizer(lowered).lower()):
        if lemma[:1].islower() and derived != lowered and derived.endswith("n"):
            continue
        keys.add(derived)
    return keys


class Lexicon:
    """A set of evaluative entries with fast lookup indices.

    Students extend it in a notebook without touching package files:

    >>> lex = Lexicon.default().extended({"Quatschkopf": "pejorative"})
    >>> lex.add("Kokolores", category="loaded", weight=1) is lex
    True
    >>> [h.lemma for h in find_evaluative("So ein Quatschkopf!", lexicon=lex)]
    ['Quatschkopf']
    """

    def __init__(self, entries: Iterable[LexiconEntry] = ()) -> None:
        self._entries: dict[tuple[str, str], LexiconEntry] = {}
        for entry in entries:
            if not isinstance(entry, LexiconEntry):
                raise TypeError(f"Lexicon takes LexiconEntry objects, not {type(entry).__name__}")
            self._entries[(entry.lemma.lower(), entry.match)] = entry
        self._index: _Index | None = None
        self._categories: list[str] | None = None

    # -- construction ------------------------------------------------------

    @classmethod
    def default(cls) -> Lexicon:
        """A fresh copy of the bundled lexicon (changing it never changes the package's).

        >>> len(Lexicon.default()) >= 1000
        True
        """
        return cls(_default_entries())

    def copy(self) -> Lexicon:
        """An independent copy."""
        return Lexicon(self._entries.values())

    def extended(self, extra: Mapping[str, Any] | Iterable[LexiconEntry] | Lexicon) -> Lexicon:
        """A new lexicon with more entries (the old one is unchanged).

        ``extra`` maps a lemma to a category (``{"Quatsch": "loaded"}``) or to a dict of
        :class:`LexiconEntry` fields (``{"Quatsch": {"category": "loaded", "weight": 3}}``);
        it may also be a list of entries or another :class:`Lexicon`.

        >>> Lexicon.default().extended({"Gschisti-Gschasti": "loaded"}).category_of("Gschisti-Gschasti")
        'loaded'
        """
        new = self.copy()
        if isinstance(extra, Lexicon):
            entries: Iterable[LexiconEntry] = extra.entries
        elif isinstance(extra, Mapping):
            entries = [_entry_from_mapping(lemma, spec) for lemma, spec in extra.items()]
        elif isinstance(extra, str | bytes):
            raise TypeError(
                "extended() takes a dict {lemma: category}, a list of entries or a Lexicon"
            )
        else:
            entries = list(extra)
        for entry in entries:
            if not isinstance(entry, LexiconEntry):
                raise TypeError(f"expected LexiconEntry, not {type(entry).__name__}")
            new._entries[(entry.lemma.lower(), entry.match)] = entry
        return new

    def add(
        self,
        lemma: str,
        category: str,
        weight: int = 2,
        match: str = "word",
        neutral: str = "",
        note: str = "",
    ) -> Lexicon:
        """Add (or replace) one entry in place; returns the lexicon for chaining.

        >>> Lexicon([]).add("Lügen", category="pejorative", match="prefix").category_of("Lügen")
        'pejorative'
        """
        entry = LexiconEntry(
            lemma.strip() if isinstance(lemma, str) else lemma,
            category,
            weight,
            match,
            neutral,
            note or "added by the user",
        )
        self._entries[(entry.lemma.lower(), entry.match)] = entry
        self._index = None
        self._categories = None
        return self

    def remove(self, lemma: str, match: str | None = None) -> Lexicon:
        """Remove an entry (every match type unless ``match`` is given); returns the lexicon."""
        for key in [
            k for k in self._entries if k[0] == lemma.lower() and (match is None or k[1] == match)
        ]:
            del self._entries[key]
        self._index = None
        self._categories = None
        return self

    # -- inspection --------------------------------------------------------

    @property
    def entries(self) -> list[LexiconEntry]:
        """All entries, in insertion order."""
        return list(self._entries.values())

    @property
    def categories(self) -> list[str]:
        """The bundled categories first, then any the user added."""
        if self._categories is None:
            own = {e.category for e in self._entries.values()} - {BLOCKING_CATEGORY}
            self._categories = [c for c in CATEGORIES if c in own] + sorted(own - set(CATEGORIES))
        return list(self._categories)

    def category_of(self, lemma: str) -> str | None:
        """Category of an entry by its lemma (any match type), or None."""
        for (key, _), entry in self._entries.items():
            if key == lemma.lower():
                return entry.category
        return None

    def to_dataframe(self):
        """The entries as a pandas DataFrame (for browsing in a notebook)."""
        import pandas as pd

        return pd.DataFrame([e.to_dict() for e in self._entries.values()])

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self.category_of(lemma) is not None

    def __iter__(self):
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"<Lexicon {len(self)} entries, categories: {', '.join(self.categories)}>"

    # -- lookup ------------------------------------------------------------

    @property
    def index(self) -> _Index:
        if self._index is None:
            entries = self._entries.values()
            self._index = _Index(entries, _lemmatizer_for(entries))
        return self._index


def _entry_from_mapping(lemma: str, spec: Any) -> LexiconEntry:
    if not isinstance(lemma, str):
        raise TypeError(f"lexicon keys must be lemmas (str), not {type(lemma).__name__}")
    if isinstance(spec, str):
        return LexiconEntry(lemma.strip(), spec, 2, note="added by the user")
    if isinstance(spec, LexiconEntry):
        return replace(spec, lemma=lemma.strip())
    if isinstance(spec, Mapping):
        fields = {
            k: spec[k] for k in ("category", "weight", "match", "neutral", "note") if k in spec
        }
        if "category" not in fields:
            raise ValueError(f"entry for {lemma!r} needs a 'category'")
        fields.setdefault("note", "added by the user")
        return LexiconEntry(lemma.strip(), **fields)
    raise TypeError(
        f"entry for {lemma!r} must be a category name or a dict with 'category', not {type(spec).__name__}"
    )


@cache
def _default_entries() -> tuple[LexiconEntry, ...]:
    return tuple(_entries_from_rows(load_table("lexicon.tsv"), "lexicon.tsv"))


def _entries_from_rows(rows: Iterable[dict[str, str]], source: str) -> list[LexiconEntry]:
    entries = []
    for number, row in enumerate(rows, start=1):
        if not row.get("lemma") or not row.get("category"):
            raise ValueError(f"{source}: entry {number} needs 'lemma' and 'category': {row}")
        try:
            weight_text = row.get("weight") or "2"
            weight = float(weight_text) if "." in weight_text else int(weight_text)
            entries.append(
                LexiconEntry(
                    row["lemma"],
                    row["category"],
                    weight,
                    row.get("match") or "word",
                    row.get("neutral") or "",
                    row.get("note") or "",
                )
            )
        except ValueError as error:
            raise ValueError(f"{source}: entry {number} ({row.get('lemma')!r}): {error}") from None
    return entries


def load_lexicon(path: str | Path, *, extend_default: bool = False) -> Lexicon:
    """Read a lexicon TSV (columns ``lemma``, ``category``; optional ``weight``,
    ``match``, ``neutral``, ``note``; ``#`` comment lines allowed).

    With ``extend_default=True`` the file's entries are added to the bundled lexicon.

    >>> from mediakit.tables import data_path
    >>> len(load_lexicon(data_path("lexicon.tsv"))) == len(Lexicon.default())
    True
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be a str or Path, not {type(path).__name__}")
    entries = _entries_from_rows(read_table(path), Path(path).name)
    return Lexicon.default().extended(entries) if extend_default else Lexicon(entries)


@cache
def _negators() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in load_table("evaluative_negators.tsv"))


@cache
def _neutral_reporting() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in load_table("evaluative_neutral_verbs.tsv"))


_PHRASE_ONLY = 1  # a word form that can hit only as the first word of a phrase


class _Index:
    """Lookup tables built once per lexicon; per-token results are memoised."""

    def __init__(self, entries: Iterable[LexiconEntry], lemmatizer=lemmatize) -> None:
        #: the lemmatizer for this lexicon's words: the precomputed table or simplemma
        self.lemmatizer = lemmatizer
        self.words: dict[str, LexiconEntry] = {}
        self.exact: dict[str, LexiconEntry] = {}
        self.prefixes: dict[str, LexiconEntry] = {}
        self.heads: dict[str, LexiconEntry] = {}
        # first word -> second word -> [(keys per word, entry)], longest first
        self.phrases: dict[
            str, dict[str, list[tuple[tuple[frozenset[str], ...], LexiconEntry]]]
        ] = {}
        for entry in entries:
            lowered = entry.lemma.lower()
            if entry.match == "prefix":
                self.prefixes[lowered.rstrip("-")] = entry
            elif entry.match == "head":
                self.heads[lowered.lstrip("-")] = entry
            elif len(entry.lemma.split()) > 1:  # a phrase (a one-word "phrase" is a word)
                keys = tuple(
                    frozenset(_entry_keys(part, lemmatizer)) for part in entry.lemma.split()
                )
                for first in sorted(keys[0]):
                    for second in sorted(keys[1]):
                        self.phrases.setdefault(first, {}).setdefault(second, []).append(
                            (keys, entry)
                        )
            elif entry.category in EXACT_FORM_CATEGORIES:
                self.exact[lowered] = entry
            else:
                for key in sorted(_entry_keys(entry.lemma, lemmatizer)):
                    # the entry's own spelling wins over another entry's lemma
                    if key not in self.words or key == lowered:
                        self.words[key] = entry
        for by_second in self.phrases.values():
            for paths in by_second.values():
                paths.sort(key=lambda path: -len(path[0]))
        # every word that can stand second in a phrase: a phrase can only start where
        # the next token is one of them
        self.phrase_seconds = frozenset(
            second for by_second in self.phrases.values() for second in by_second
        )
        self.prefix_lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
        self.head_lengths = sorted({len(h) for h in self.heads}, reverse=True)
        # a compound can only end in a head if its last letters are a head's last letters
        self.head_key = min(_AFFIX_KEY, *self.head_lengths) if self.heads else _AFFIX_KEY
        self.prefix_key = min(_AFFIX_KEY, *self.prefix_lengths) if self.prefixes else _AFFIX_KEY
        self.head_ends = {h[-self.head_key :] for h in self.heads}
        self.prefix_starts = {p[: self.prefix_key] for p in self.prefixes}
        self._memo: dict[tuple[str, str, bool], tuple[LexiconEntry, str] | None] = {}
        self._can_hit: dict[str, int] = {}

    def hit_kinds(self, words: list[str]) -> list[int]:
        """Per token: 0 never hits, ``_PHRASE_ONLY`` can only start a phrase, 2 can hit
        as a word (and perhaps start a phrase too).

        Most tokens of a text can never hit: whether one can depends on its text alone
        (its lowercase form and lemma follow from it), so it is decided once per word
        form and the scan visits only the rest.
        """
        return memo_map(self._can_hit, words, self._hit_kind, 500_000)

    def _hit_kind(self, text: str) -> int:
        if not (text[0].isalpha() or text[-1].isalpha() or text.isalnum()):
            return 0
        # the scan's token table has just lemmatised this word: reuse its memo
        lemma = _lemma_memo(self.lemmatizer).get(text)
        if lemma is None:
            lemma = self.lemmatizer(text).lower()
        # capital_ok=False only ever rejects more, so one look-up decides
        if text == "Sie" or self.lookup(text, lemma, True) is not None:
            return 2
        return _PHRASE_ONLY if text.lower() in self.phrases or lemma in self.phrases else 0

    def lookup(self, text: str, lemma: str, capital_ok: bool) -> tuple[LexiconEntry, str] | None:
        """(entry, match type) for one token, or None."""
        key = (text, lemma, capital_ok)
        try:
            return self._memo[key]
        except KeyError:
            pass
        found = self._lookup(text, lemma, capital_ok)
        if len(self._memo) >= MEMO_LIMIT:  # a stream of new forms refills it, never grows it
            self._memo.clear()
        self._memo[key] = found
        return found

    def _word(
        self, form: str, capitalised: bool, capital_ok: bool, lowercase: bool = False
    ) -> LexiconEntry | None:
        entry = self.words.get(form)
        if entry is None:
            return None
        # a lowercase entry (adjective, verb, adverb) does not match a noun inside a sentence
        if capitalised and not capital_ok and entry.lemma[:1].islower():
            return None
        # a noun entry does not match a lowercase word (sorgen is not die Sorge)
        if entry.lemma[:1].isupper() and lowercase:
            return None
        return entry

    def _lookup(self, text: str, lemma: str, capital_ok: bool) -> tuple[LexiconEntry, str] | None:
        lowered = text.lower()
        capitalised = text[:1].isupper() and not text.isupper()
        exact = self.exact.get(lowered)
        if exact is not None and exact.lemma == "Sie":
            return None  # only through the imperative rule in _scan
        if exact is not None:
            if capitalised and not capital_ok:
                return None
            return exact, "word"
        lowercase = text[:1].islower()
        words = self.words
        # Suffix rules as a fallback: simplemma's dictionary lists some inflected
        # forms as their own lemma (dubiosen, verunglimpft) or as a noun (Ekelhafte).
        for form in (lowered, lemma.lower(), *_fallback_forms(lowered)):
            if form in words:  # most forms are in no entry: skip the checks of _word
                entry = self._word(form, capitalised, capital_ok, lowercase)
                if entry is not None:
                    return entry, "word"
        if "-" in lowered.strip("-"):
            return self._hyphenated(lowered.strip("-"), capital_ok)
        return self._compound(lowered, lemma.lower())

    def _hyphenated(self, lowered: str, capital_ok: bool) -> tuple[LexiconEntry, str] | None:
        parts = [p for p in lowered.split("-") if p]
        last = parts[-1]
        lemmatizer = self.lemmatizer
        for form in (
            last,
            lemmatizer(last).lower(),
            lemmatizer(last.capitalize()).lower(),
            *_fallback_forms(last),
        ):
            entry = self.words.get(form) or self.heads.get(form)
            if entry is not None:
                return entry, "head"
        found = self._compound(last, lemmatizer(last.capitalize()).lower(), allow_prefix=False)
        if found is not None:
            return found[0], "head"
        for part in parts[:-1]:
            entry = self.prefixes.get(part)
            if entry is None:
                entry = self.words.get(part)
                if entry is not None and entry.lemma[:1].islower():
                    entry = None  # "NATO-freundlich": adjectives in first parts are rare and noisy
            if entry is not None:
                return entry, "prefix"
        return None

    def _compound(
        self, lowered: str, lemma: str, allow_prefix: bool = True
    ) -> tuple[LexiconEntry, str] | None:
        if len(lowered) < MIN_COMPOUND_REST + 3 or not lowered.isalpha():
            return None
        head_ends, key = self.head_ends, self.head_key
        # a form listed twice fails twice: no need to remove repeats
        for form in (lemma, lowered, *_fallback_forms(lowered)):
            if key and form[-key:] not in head_ends:
                continue  # no head ends like this form: most forms stop here
            for length in self.head_lengths:
                if len(form) - length >= MIN_COMPOUND_REST and form[-length:] in self.heads:
                    return self.heads[form[-length:]], "head"
        if allow_prefix and lowered[: self.prefix_key] in self.prefix_starts:
            for length in self.prefix_lengths:
                if len(lowered) - length >= MIN_COMPOUND_REST and lowered[:length] in self.prefixes:
                    return self.prefixes[lowered[:length]], "prefix"
        return None


@lru_cache(maxsize=65_536)
def _fallback_forms(lowered: str) -> tuple[str, ...]:
    """Candidate base forms by suffix stripping, for forms simplemma gets wrong or lacks."""
    if len(lowered) < 5:
        return ()
    forms = []
    if lowered.endswith(("iert", "ierte", "ierten", "iertes", "ierter", "iertem")):
        stem = lowered[: lowered.rindex("iert")]
        forms += [stem + "ieren", stem + "iert"]
    for suffix in _SUFFIXES_BY_LAST.get(lowered[-1], ()):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 5:
            forms.append(lowered[: -len(suffix)])
    if lowered.startswith("ge") and lowered.endswith("t") and len(lowered) > 6:
        forms.append(lowered[2:-1] + "en")
    # weak verb forms back to the infinitive: verteufelt, wetterte, polterten
    for ending in ("ten", "te", "t"):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            stem = lowered[: -len(ending)]
            forms += [stem + "en", stem + "n"]
            break
    return tuple(forms)


# ---------------------------------------------------------------------------
# Hits
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvaluativeHit:
    """One evaluative word (or phrase) in the text, with its character offsets.

    >>> h = find_evaluative("Ein völlig erbärmliches Desaster.")[1]
    >>> (h.text, h.lemma, h.category, h.weight, h.in_quote)
    ('erbärmliches', 'erbärmlich', 'loaded', 3, False)
    """

    start: int
    end: int
    text: str
    lemma: str
    category: str
    weight: float
    match: str = "word"
    negated: bool = False
    in_quote: bool = False
    neutral: str = ""
    note: str = ""

    @property
    def counted(self) -> bool:
        """True when the hit counts towards the author's evaluative rate."""
        return not self.in_quote and self.category not in NOT_COUNTED

    def span(self) -> TextSpan:
        """Evidence span labelled ``evaluative:<category>``."""
        return TextSpan(self.start, self.end, self.text, f"evaluative:{self.category}")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and pandas."""
        return asdict(self)


# Before "schon", these make it the temporal adverb ('already'): a pluperfect auxiliary
# or a time word ("Er hatte jedoch auch da schon ein Treffen ins Gespräch gebracht").
_TEMPORAL_BEFORE_SCHON = frozenset(
    ["da", "damals", "bereits", "längst", "zuvor", "vorher", "gestern", "hatte", "hatten"]
)
_PLAN_MODALS = frozenset(["sollte", "sollten", "wollte", "wollten"])


def _planned_sense(words: list[str], k: int) -> bool:
    """True when "eigentlich" shares its clause with "sollte(n)"/"wollte(n)": the plan
    that did not happen, not the speaker's particle."""
    for word in words[k + 1 : k + 12]:
        lowered = word.lower()
        if lowered in _CLAUSE_BREAKS or lowered in {".", "!", "?", ";"}:
            return False
        if lowered in _PLAN_MODALS:
            return True
    return False


_TIME_AFTER_SCHON = frozenset(
    [
        "seit",
        "bei",
        "früher",
        "mal",
        "länger",
        "heute",
        "am",
        "im",
        "vor",
        "lange",
        "früh",
        "frühzeitig",
        "bald",
        "jetzt",
        "damals",
        "heute",
        "gestern",
        "morgen",
        "mehrfach",
        "einmal",
        "zweimal",
        "immer",
        "wieder",
        "zuvor",
        "vorher",
        "länger",
        "kurz",
        "ab",
        "bis",
        "um",
        "gegen",
        "während",
        "nach",
        "fast",
    ]
)
_NUMERALS = frozenset(
    [
        "ein",
        "eine",
        "einem",
        "einen",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "zig",
        "etliche",
        "mehrere",
        "paar",
    ]
)


def _particle_applies(
    lemma: str, words: list[str], k: int, sentence_first: bool, question: bool
) -> bool:
    """Context rules for the ambiguous particles (documented in LEXICON.md).

    ``words`` are the non-space tokens of the text, ``k`` the particle's position.
    """
    word = words[k]
    prev = words[k - 1].lower() if k > 0 and not sentence_first else ""
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    if word[:1].isupper() and not sentence_first:
        return False  # das Wohl, der Halt, zum ersten Mal, ein Ja
    if lemma == "ja":
        # the answer particle: "Ja, …", "Ja!", "ja oder nein", a lone "ja"
        return (
            not sentence_first
            and nxt not in {",", "!", "?", ".", "oder", "“", "”", "»", "«", ""}
            and prev not in {"oder", "mit", "und", "„", "»"}
        )
    if lemma == "doch":
        # sentence-initial "Doch" and "…, doch" are the conjunction 'but'
        return (
            not sentence_first
            and prev not in _CLAUSE_BREAKS
            and prev not in {"und", "oder", "aber", "„", "»"}
            and nxt not in {"!", "?", ""}
        )
    if lemma == "eben":
        return prev not in {"gerade", "soeben", "so"} and nxt not in {
            "erst",
            "noch",
            ",",
            ".",
            "!",
            "?",
            "“",
            "”",
        }
    if lemma == "schon":
        # "hatte … schon", "da schon", "bereits schon": the adverb 'already', not the particle
        return not (nxt[:1].isdigit() or nxt in _TIME_AFTER_SCHON or prev in _TEMPORAL_BEFORE_SCHON)
    if lemma == "mal":
        return not (
            prev[:1].isdigit()
            or prev in _NUMERALS
            or prev in {"erste", "ersten", "letzte", "letzten", "nächste", "nächsten", "x"}
        )
    if lemma in {"denn", "etwa"}:
        return question and prev not in _CLAUSE_BREAKS
    if lemma == "nun":
        return nxt in {"mal", "einmal"}
    if lemma == "wohl":
        return nxt not in {
            "fühlen",
            "fühlt",
            "fühlte",
            "gemerkt",
            "bekannt",
            "überlegt",
            "dosiert",
            "wahr",
            "aber",
        }
    if lemma == "eigentlich" and _planned_sense(words, k):
        return False  # "bei dem eigentlich … koordiniert werden sollten": 'originally planned'
    if lemma in {"halt", "eigentlich", "bloß", "einfach", "eh", "überhaupt", "gar"}:
        return not sentence_first or lemma in {"eigentlich", "überhaupt"}
    return True


def _scan(document: Document, lexicon: Lexicon) -> list[tuple[int, int, LexiconEntry, str, bool]]:
    """(start, end, entry, match, negated) for every hit, in text order."""
    index = lexicon.index
    words, starts, firsts, lowers, lemmas = _token_table(document, index.lemmatizer)
    negators = _negators()
    sentences = document.sentences
    sentence_starts = [s.start for s in sentences]
    hits: list[tuple[int, int, LexiconEntry, str, bool]] = []
    covered_until = -1
    phrases = index.phrases
    phrase_seconds = index.phrase_seconds
    lookup = index.lookup
    n = len(words)
    kinds = index.hit_kinds(words)
    for k in compress(range(n), kinds):
        if k <= covered_until:
            continue
        text = words[k]
        start = starts[k]
        if (
            phrases
            and (lowers[k] in phrases or lemmas[k] in phrases)
            and k + 1 < n
            and (lowers[k + 1] in phrase_seconds or lemmas[k + 1] in phrase_seconds)
        ):
            found_phrase = _match_phrase(phrases, lowers, lemmas, k)
            if found_phrase is not None:
                last, entry = found_phrase
                covered_until = last
                if entry.category == BLOCKING_CATEGORY:
                    continue  # a fixed neutral expression ("vor allem")
                end = starts[last] + len(words[last])
                hits.append((start, end, entry, "phrase", _negated(lowers, firsts, k, negators)))
                continue
        if kinds[k] == _PHRASE_ONLY:
            continue
        sent_start = firsts[k]
        if (
            text == "Sie"
            and k > 0
            and firsts[k - 1]
            and _imperative_sie(sentences, sentence_starts, words, starts[k], k, index)
        ):
            hits.append((start, start + 3, index.exact["sie"], "word", False))
            continue
        sentence_first = bool(sent_start) or k == 0 or words[k - 1] in _OPENERS
        found = lookup(text, lemmas[k], sentence_first)
        if found is None:
            continue
        entry, match = found
        if (
            (
                entry.category in {"stance", "epistemic"}
                or (entry.category == "intensifier" and entry.weight == 1)
            )
            and match == "word"
            and text.lower() != entry.lemma.lower()
        ):
            # stance adverbs and mild intensifiers count uninflected only: the
            # inflected adjective is descriptive (die tatsächliche Zahl, eine echte Grippe)
            continue
        if entry.lemma == "jeder" and k + 1 < n and _before_number_or_time(words[k + 1]):
            continue
        if entry.lemma == "alle" and not _totalising(words, k, sentence_first):
            continue
        if (
            entry.lemma == "gut"
            and k + 1 < n
            and (words[k + 1][:1].isdigit() or words[k + 1].lower() in _NUMERALS)
        ):
            continue  # "gut drei Wochen": an approximation, not a judgement
        if entry.category == "modal_particle" and entry.match == "word":
            question = False
            if entry.lemma in {"denn", "etwa"} and sentences:
                sentence = sentences[max(bisect_right(sentence_starts, start) - 1, 0)]
                question = sentence.text.rstrip("“”\"»«’' )").endswith("?")
            if not _particle_applies(entry.lemma, words, k, sentence_first, question):
                continue
        hits.append((start, start + len(text), entry, match, _negated(lowers, firsts, k, negators)))
    return hits


def _imperative_sie(
    sentences, sentence_starts: list[int], words: list[str], offset: int, k: int, index: _Index
) -> bool:
    """ "Lesen Sie …!", "Lassen Sie sich …": a sentence-initial verb in -en, then Sie, no question."""
    verb = words[k - 1]
    if "sie" not in index.exact or not (
        verb[:1].isupper() and verb.endswith("en") and verb.isalpha()
    ):
        return False
    if not sentences:
        return False
    sentence = sentences[max(bisect_right(sentence_starts, offset) - 1, 0)]
    return not sentence.text.rstrip("“”\"»«’' )").endswith("?")


_TIME_NOUNS = frozenset(
    ["jahr", "tag", "woche", "monat", "mal", "stunde", "minute", "quartal", "halbjahr"]
)


def _before_number_or_time(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered[:1].isdigit()
        or lowered in _NUMERALS
        or lowered.rstrip("se") in _TIME_NOUNS
        or lowered in _TIME_NOUNS
    )


def _totalising(words: list[str], k: int, sentence_first: bool) -> bool:
    """ "alle" as a sweeping claim, not in "vor allem", "alle zwei Wochen", "die größten aller"."""
    prev = words[k - 1].lower() if k > 0 and not sentence_first else ""
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    if prev in {"vor", "trotz", "bei", "in", "mit", "von"} and words[k].lower() in {
        "allem",
        "allen",
    }:
        return False
    return not (prev.endswith(("sten", "ste")) or nxt[:1].isdigit() or nxt in _NUMERALS)


def _match_phrase(
    phrases, lowers: list[str], lemmas: list[str], k: int
) -> tuple[int, LexiconEntry] | None:
    if k + 1 >= len(lowers):
        return None
    form, lemma = lowers[k], lemmas[k]
    for first in (form,) if form == lemma else (form, lemma):
        by_second = phrases.get(first)
        if not by_second:
            continue
        form, lemma = lowers[k + 1], lemmas[k + 1]
        for second in (form,) if form == lemma else (form, lemma):
            for keys, entry in by_second.get(second, ()):
                last = k + len(keys) - 1
                if last >= len(lowers):
                    continue
                for offset in range(2, len(keys)):
                    j = k + offset
                    if lowers[j] not in keys[offset] and lemmas[j] not in keys[offset]:
                        break
                else:
                    return last, entry
    return None


def _negated(lowers: list[str], firsts: list[bool], k: int, negators: frozenset[str]) -> bool:
    """A negator up to NEGATION_WINDOW words before token ``k``, in the same clause."""
    j = k - 1
    steps = 0
    while j >= 0 and steps < NEGATION_WINDOW:
        word = lowers[j]
        if word in _CLAUSE_BREAKS or firsts[j + 1]:
            return False
        if word in negators:
            return True
        steps += 1
        j -= 1
    return False


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
        from .quotes import analyze_quotes

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
        from .quotes import analyze_quotes

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


def load_sentiws(*paths: str | Path) -> Lexicon:
    """Opt-in: a :class:`Lexicon` from SentiWS files the user downloaded (never bundled).

    SentiWS (Leipzig University) is licensed CC BY-NC-SA, so mediakit cannot ship it.
    Pass the two files (``SentiWS_v2.0_Positive.txt``, ``SentiWS_v2.0_Negative.txt``) or
    the folder holding them. Lines look like ``Abbau|NN<TAB>-0.058<TAB>Abbaus,Abbaues``;
    entries get the category ``sentiws_positive`` or ``sentiws_negative`` and a weight
    from the polarity strength (1: below 0.2, 2: below 0.5, 3: from 0.5). Note that
    SentiWS measures topic valence too (*Krankheit* is negative), which is why
    mediakit's own lexicon is the default.

    >>> lex = load_sentiws("SentiWS_v2.0_Negative.txt")  # doctest: +SKIP
    >>> Lexicon.default().extended(lex)  # doctest: +SKIP
    """
    files: list[Path] = []
    for path in paths:
        if not isinstance(path, str | Path):
            raise TypeError(f"paths must be str or Path, not {type(path).__name__}")
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.glob("SentiWS*.txt")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"SentiWS file not found: {path}")
    if not files:
        raise FileNotFoundError("no SentiWS*.txt files given")
    entries: dict[str, LexiconEntry] = {}
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or not parts[0].strip():
                    continue
                lemma = parts[0].split("|", 1)[0].strip()
                try:
                    score = float(parts[1])
                except ValueError:
                    raise ValueError(
                        f"{file.name}: line {number} has no polarity score: {line!r}"
                    ) from None
                if not lemma or not math.isfinite(score) or score == 0:
                    continue
                strength = abs(score)
                weight = 1 if strength < 0.2 else 2 if strength < 0.5 else 3
                category = "sentiws_positive" if score > 0 else "sentiws_negative"
                entries[lemma.lower()] = LexiconEntry(
                    lemma,
                    category,
                    weight,
                    note=f"SentiWS {score:+.4f} (CC BY-NC-SA, the user's own copy)",
                )
    return Lexicon(entries.values())
