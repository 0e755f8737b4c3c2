"""Separable verbs split in a main clause: *Er spielt die Gefahr herunter* (herunterspielen).

The particle (``data/separable_particles.tsv``) stands at the end of its clause; the verb
stands before it in the same clause. When particle + verb is a lexicon verb entry, the
verb token and the particle make one hit spanning from the verb to the particle.

>>> from mediakit.evaluative import find_evaluative
>>> [(h.text, h.lemma) for h in find_evaluative("Er spielt die Gefahr herunter.")]
[('spielt die Gefahr herunter', 'herunterspielen')]
"""

from __future__ import annotations

from functools import cache
from itertools import compress
from typing import Any
from weakref import WeakKeyDictionary

from ..document import MEMO_LIMIT, Document
from ..tables import load_table
from .context import _CLAUSE_BREAKS
from .index import _fallback_forms
from .lemmas import _token_table
from .lexicon import Lexicon, LexiconEntry, _negators
from .matching import _negated

PARTICLE_TABLE = "separable_particles.tsv"
#: how many tokens the verb may stand before its particle
MAX_DISTANCE = 12


@cache
def separable_particles() -> frozenset[str]:
    return frozenset(row["particle"].lower() for row in load_table(PARTICLE_TABLE))


_VERBS_BY_INDEX: WeakKeyDictionary = WeakKeyDictionary()


def _verb_entries(lexicon: Lexicon) -> dict[str, LexiconEntry]:
    """Lexicon word entries that are separable verbs: particle + infinitive (per index)."""
    index = lexicon.index
    cached = _VERBS_BY_INDEX.get(index)
    if cached is not None:
        return cached
    particles = separable_particles()
    out: dict[str, LexiconEntry] = {}
    for key, entry in index.words.items():
        lemma = entry.lemma
        if entry.match != "word" or not lemma[:1].islower() or not lemma.endswith("n"):
            continue
        if key != lemma.lower():
            continue
        if any(key.startswith(p) and len(key) - len(p) >= 4 for p in particles):
            out[key] = entry
    _VERBS_BY_INDEX[index] = out
    return out


#: index -> (particle, lowercase word) -> the verb entry particle + word makes, or None
_VERB_MEMOS: WeakKeyDictionary = WeakKeyDictionary()
_UNKNOWN: Any = object()


def _verb_memo(index: Any) -> dict:
    memo = _VERB_MEMOS.get(index)
    if memo is None:
        memo = _VERB_MEMOS[index] = {}
    return memo


def separable_hits(
    document: Document,
    lexicon: Lexicon,
    particle_positions: list[int] | None = None,
    table=None,
) -> list[tuple[int, int, LexiconEntry, str, bool, int]]:
    """(start, end, entry, "word", False, particle start) for each split separable verb.

    ``particle_positions`` (the positions of the tokens that are particles) and
    ``table`` (the document's token table) come from the caller when it has them.
    """
    if table is None:
        table = _token_table(document, lexicon.index.lemmatizer)
    words, starts, firsts, lowers, _ = table
    verbs = _verb_entries(lexicon)
    if not verbs:
        return []
    if particle_positions is None:
        particle_positions = list(
            compress(range(len(lowers)), map(separable_particles().__contains__, lowers))
        )
    n = len(words)
    negators = _negators()
    memo = _verb_memo(lexicon.index)
    found = []
    for k in particle_positions:
        if k == 0:
            continue
        particle = lowers[k]
        # the particle closes its clause: punctuation, a new sentence or the text end follow
        if k + 1 < n and not (lowers[k + 1] in _CLAUSE_BREAKS or firsts[k + 1]):
            continue
        if firsts[k] or lowers[k - 1] in _CLAUSE_BREAKS:
            continue
        j = k - 1
        while j >= 0 and k - j <= MAX_DISTANCE:
            word = lowers[j]
            if word in _CLAUSE_BREAKS:
                break
            entry = memo.get((particle, word), _UNKNOWN)
            if entry is _UNKNOWN:
                entry = next(
                    (
                        verbs[particle + form]
                        for form in (word, *_fallback_forms(word))
                        if particle + form in verbs
                    ),
                    None,
                )
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                memo[(particle, word)] = entry
            if entry is not None:
                end = starts[k] + len(words[k])
                negated = _negated(lowers, firsts, j, negators) or any(
                    w in negators for w in lowers[j + 1 : k]
                )
                found.append((starts[j], end, entry, "word", negated, starts[k]))
                break
            if firsts[j]:
                break
            j -= 1
    return found
