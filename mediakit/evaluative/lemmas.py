"""Lemmas: simplemma's German dictionary, the precomputed excerpt, memos per word form."""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import compress
from operator import not_
from typing import Any

from ..document import MEMO_LIMIT, Document, memo_map, pick

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
    from ..tables import data_path

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


@lru_cache(maxsize=65_536)  # bounded: a stream of new words must not grow memory
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


def _lemma_cache_key(lemmatizer) -> str:
    return "lemmas" if lemmatizer is lemmatize else "lexicon_lemmas"


def _lower_lemmas(words: list[str], lemmatizer) -> list[str]:
    """Lowercase lemma of each word, through a memo per word form."""
    memo = _lemma_memo(lemmatizer)
    return memo_map(memo, words, lambda text: lemmatizer(text).lower(), _LEMMA_MEMO_SIZE)


def _lowers(words: list[str]) -> list[str]:
    """``list(map(str.lower, words))`` through a memo per word form (a look-up costs
    less than lowering the word again)."""
    return memo_map(_LOWER_MEMO, words, str.lower, _LEMMA_MEMO_SIZE)


# token text -> its lowercase, bounded like the other word memos
_LOWER_MEMO: dict[str, str] = {}


def _lemma_memo(lemmatizer) -> dict[str, str]:
    memo = _LEMMA_MEMOS.get(lemmatizer)
    if memo is None:
        memo = _LEMMA_MEMOS[lemmatizer] = {}
    return memo


# lemmatizer -> token text -> lowercase lemma, bounded like the other word memos
_LEMMA_MEMOS: dict[Any, dict[str, str]] = {}
_LEMMA_MEMO_SIZE = MEMO_LIMIT  # memo_map's own bound: one figure for every word memo


def _table_key(lemmatizer) -> str:
    """The document cache key of :func:`_token_table` for ``lemmatizer``."""
    # "evaluative_tokens_" + _lemma_cache_key(lemmatizer), without the calls
    if lemmatizer is lemmatize:
        return "evaluative_tokens_lemmas"
    return "evaluative_tokens_lexicon_lemmas"


def _non_space_tokens(document: Document) -> tuple[list[str], list[int], list[bool]]:
    """Texts, starts and sentence-start flags of the document's non-space tokens."""
    # any(): the flags are bools, so the same as ``True in`` without an equality test
    # per token
    if any(document.token_is_space):
        keep = list(compress(range(len(document.token_texts)), map(not_, document.token_is_space)))
        return (
            pick(document.token_texts, keep),
            pick(document.token_starts, keep),
            pick(document.token_is_sent_start, keep),
        )
    # no space token (most texts): the document's lists as they are
    return document.token_texts, document.token_starts, document.token_is_sent_start


def _token_table(
    document: Document, lemmatizer=lemmatize
) -> tuple[list[str], list[int], list[bool], list[str], list[str]]:
    """Non-space tokens as parallel lists: texts, starts, sentence starts, lowercase, lowercase lemmas."""
    cache_key = _table_key(lemmatizer)
    table = document.cache.get(cache_key)
    if table is None:
        words, starts, firsts = _non_space_tokens(document)
        table = (
            words,
            starts,
            firsts,
            _lowers(words),
            _lower_lemmas(words, lemmatizer),
        )
        document.cache[cache_key] = table
    return table
