"""The scan: every lexicon hit of a document, with phrase matching and negation."""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from ..document import MEMO_LIMIT, Document
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
from .index import _PHRASE_FIRST, _PHRASE_SECOND, _WORD_HIT
from .lemmas import _token_table
from .lexicon import BLOCKING_CATEGORY, NEGATION_WINDOW, Lexicon, LexiconEntry, _negators


def _scan(
    document: Document,
    lexicon: Lexicon,
    candidates: list[int] | None = None,
    kinds: list[int] | None = None,
    table=None,
    phrase_flags: bool = False,
) -> list[tuple[int, int, LexiconEntry, str, bool]]:
    """(start, end, entry, match, negated) for every hit, in text order.

    The caller may pass ``candidates``, the positions of the tokens to visit (ascending:
    every token that can hit as a word and every one that can start a phrase), with
    ``kinds`` per token (the bit ``_WORD_HIT`` set for a token that can hit as a word,
    as in :meth:`_Index.hit_kinds`), and ``table``, the document's token table.
    ``phrase_flags``: ``kinds`` are the token flags of ``metrics._token_flags``, whose
    bits ``_PHRASE_FIRST`` and ``_PHRASE_SECOND`` tell (from the same lowercase forms
    and lemmas) whether a token can start or continue a phrase.
    """
    index = lexicon.index
    if table is None:
        table = _token_table(document, index.lemmatizer)
    words, starts, firsts, lowers, lemmas = table
    n = len(words)
    if candidates is None or kinds is None:
        kinds = index.hit_kinds(words)
        candidates = list(compress(range(n), kinds))
    hits: list[tuple[int, int, LexiconEntry, str, bool]] = []
    if not candidates:
        return hits
    negators = _negators()
    sentences = document.sentences
    sentence_starts: list[int] = []  # built when a rule asks for a sentence
    covered_until = -1
    phrases = index.phrases
    phrase_seconds = index.phrase_seconds
    lookup = index.lookup
    rules = context_rules()
    gates = index._phrase_gates
    for k in candidates:
        if k <= covered_until:
            continue
        text = words[k]
        start = starts[k]
        found_phrase = None
        if phrase_flags:
            if kinds[k] & _PHRASE_FIRST and k + 1 < n and kinds[k + 1] & _PHRASE_SECOND:
                # _match_phrase's memo read here: no call where no phrase list passes
                # the pair and third-word tests (most pairs: "in der", "für die")
                if k + 2 < n:
                    key = (
                        lowers[k],
                        lemmas[k],
                        lowers[k + 1],
                        lemmas[k + 1],
                        lowers[k + 2],
                        lemmas[k + 2],
                    )
                else:
                    key = (lowers[k], lemmas[k], lowers[k + 1], lemmas[k + 1], None, None)
                passed = gates.get(key)
                if passed is None or passed:
                    found_phrase = _match_phrase(
                        phrases, lowers, lemmas, k, index.phrase_thirds, gates
                    )
        elif (
            phrases
            and (lowers[k] in phrases or lemmas[k] in phrases)
            and k + 1 < n
            and (lowers[k + 1] in phrase_seconds or lemmas[k + 1] in phrase_seconds)
        ):
            found_phrase = _match_phrase(phrases, lowers, lemmas, k, index.phrase_thirds, gates)
        if found_phrase is not None:
            last, entry = found_phrase
            covered_until = last
            if entry.category == BLOCKING_CATEGORY:
                continue  # a fixed neutral expression ("vor allem")
            end = starts[last] + len(words[last])
            hits.append((start, end, entry, "phrase", _negated(lowers, firsts, k, negators)))
            continue
        if not kinds[k] & _WORD_HIT:
            continue  # a word that can only start a phrase
        sent_start = firsts[k]
        if text == "Sie" and k > 0 and firsts[k - 1] and not sentence_starts:
            sentence_starts = [s.start for s in sentences]
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
                if not sentence_starts:
                    sentence_starts = [s.start for s in sentences]
                sentence = sentences[max(bisect_right(sentence_starts, start) - 1, 0)]
                question = sentence.text.rstrip("“”\"»«’' )").endswith("?")
            if not _particle_applies(entry.lemma, words, k, sentence_first, question):
                continue
        hits.append((start, start + len(text), entry, match, _negated(lowers, firsts, k, negators)))
    return hits


def _match_phrase(
    phrases, lowers: list[str], lemmas: list[str], k: int, thirds=None, gates=None
) -> tuple[int, LexiconEntry] | None:
    """(last token, entry) of the phrase that starts at token ``k``, or None.

    ``thirds`` is the index's ``phrase_thirds``: the phrases of a (first, second) pair
    are tried only when the third token can continue one of them. ``gates`` (with
    ``thirds``: the index's ``_phrase_gates``) keeps, per forms and lemmas of the three
    tokens, the phrase lists that pass those tests, in the order tried: what they
    decide follows from those six strings alone.
    """
    n = len(lowers)
    if k + 1 >= n:
        return None
    third_form = lowers[k + 2] if k + 2 < n else None
    third_lemma = lemmas[k + 2] if k + 2 < n else None
    if gates is not None and thirds is not None:
        key = (lowers[k], lemmas[k], lowers[k + 1], lemmas[k + 1], third_form, third_lemma)
        passed = gates.get(key)
        if passed is None:
            if len(gates) >= MEMO_LIMIT:
                gates.clear()
            passed = gates[key] = _gate(phrases, key, thirds)
        for paths in passed:
            for keys, entry in paths:
                last = k + len(keys) - 1
                if last >= n:
                    continue
                for offset in range(2, len(keys)):
                    j = k + offset
                    if lowers[j] not in keys[offset] and lemmas[j] not in keys[offset]:
                        break
                else:
                    return last, entry
        return None
    form, lemma = lowers[k], lemmas[k]
    for first in (form,) if form == lemma else (form, lemma):
        by_second = phrases.get(first)
        if not by_second:
            continue
        form, lemma = lowers[k + 1], lemmas[k + 1]
        for second in (form,) if form == lemma else (form, lemma):
            paths = by_second.get(second)
            if not paths:
                continue
            if thirds is not None:
                gate = thirds[(first, second)]
                if gate is not None and third_form not in gate and third_lemma not in gate:
                    continue  # no phrase of this pair goes on with the third token
            for keys, entry in paths:
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


def _gate(phrases, key: tuple, thirds) -> tuple:
    """The phrase lists :func:`_match_phrase` tries for the forms and lemmas ``key`` of
    three tokens (the third None at the text's end), in its order."""
    form, lemma, second_form, second_lemma, third_form, third_lemma = key
    out = []
    for first in (form,) if form == lemma else (form, lemma):
        by_second = phrases.get(first)
        if not by_second:
            continue
        for second in (
            (second_form,) if second_form == second_lemma else (second_form, second_lemma)
        ):
            paths = by_second.get(second)
            if not paths:
                continue
            gate = thirds[(first, second)]
            if gate is not None and third_form not in gate and third_lemma not in gate:
                continue  # no phrase of this pair goes on with the third token
            out.append(paths)
    return tuple(out)


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
