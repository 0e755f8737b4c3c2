"""The scan: every lexicon hit of a document, with phrase matching and negation."""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from ..document import Document
from .context import (
    _CLAUSE_BREAKS,
    _NUMERALS,
    _OPENERS,
    _before_number_or_time,
    _imperative_sie,
    _particle_applies,
    _totalising,
    apply_context_rules,
    context_rules,
)
from .index import _PHRASE_ONLY
from .lemmas import _token_table
from .lexicon import BLOCKING_CATEGORY, NEGATION_WINDOW, Lexicon, LexiconEntry, _negators


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
    rules = context_rules()
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
        entry_rules = rules.get(entry.lemma.lower())
        if entry_rules is not None:
            kept = apply_context_rules(entry, entry_rules, words, firsts, k)
            if kept is None:
                continue
            entry = kept
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
