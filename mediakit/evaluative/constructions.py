"""Evaluative constructions beyond single words: a documented pattern table.

``data/constructions.tsv`` lists each construction with its category, weight, pattern
and note: rhetorical questions (*Ist es nicht seltsam, dass …?*), imputed motives
(*um sicherzustellen, dass …*), vague or reductive labels (*eine Art CIA-Front*),
counterfactual frames (*hätte … sollen*, *so tun, als ob*), sarcastic set phrases
(*Was für ein Zufall!*) and idioms also when the verb splits them (*spielte ihm in die
Hände*). A few rows use a lexicon category (modality and impressions: *könnte*,
*muss*, *klingt nach*, *viel zu spät* count as epistemic or judgement). Every match is a hit with ``match="construction"``, its span and category, so
students see *why* a sentence counts.

>>> [(h.text, h.category) for h in find_evaluative("Das hat Moskau in die Hände gespielt.")]
[('in die Hände gespielt', 'idiom')]
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Any

from ..document import Document, parse  # noqa: F401 - parse: the doctest
from ..tables import load_table
from .context import apply_context_rules, context_rules
from .lexicon import CATEGORIES, LexiconEntry

CONSTRUCTION_TABLE = "constructions.tsv"
#: The categories of the construction table, in reporting order.
CONSTRUCTION_CATEGORIES = (
    "rhetorical_question",
    "imputed_motive",
    "label_frame",
    "counterfactual",
    "sarcasm",
    "idiom",
)


@dataclass(frozen=True)
class Construction:
    """One row of the construction table with its compiled pattern.

    >>> construction_table()[0].category
    'rhetorical_question'
    """

    name: str
    category: str
    weight: int
    pattern: re.Pattern[str]
    note: str
    triggers: frozenset[str] = frozenset()

    @property
    def entry(self) -> LexiconEntry:
        """The hit's entry: the construction's name as lemma."""
        return _entry(self)


@cache
def _entry(construction: Construction) -> LexiconEntry:
    return LexiconEntry(
        construction.name,
        construction.category,
        construction.weight,
        "word",
        "",
        construction.note,
    )


@cache
def construction_table() -> tuple[Construction, ...]:
    """The rows of ``data/constructions.tsv``, compiled once.

    >>> len(construction_table()) >= 20
    True
    """
    out = []
    for number, row in enumerate(load_table(CONSTRUCTION_TABLE), start=1):
        category = row["category"]
        if category not in CONSTRUCTION_CATEGORIES and category not in CATEGORIES:
            raise ValueError(f"{CONSTRUCTION_TABLE}: row {number}: unknown category {category!r}")
        try:
            pattern = re.compile(row["pattern"])
            weight = int(row["weight"])
        except (re.error, ValueError) as error:
            raise ValueError(
                f"{CONSTRUCTION_TABLE}: row {number} ({row['name']}): {error}"
            ) from None
        if not 1 <= weight <= 3:
            raise ValueError(f"{CONSTRUCTION_TABLE}: row {number}: weight must be 1-3")
        triggers = frozenset(row["triggers"].lower().split())
        if not triggers:
            raise ValueError(f"{CONSTRUCTION_TABLE}: row {number}: no triggers")
        out.append(Construction(row["name"], category, weight, pattern, row["note"], triggers))
    return tuple(out)


def construction_hits(
    document: Document,
    lowers: list[str] | None = None,
    starts: list[int] | None = None,
    positions: list[int] | None = None,
) -> list[tuple[int, int, LexiconEntry, str, bool]]:
    """(start, end, entry, "construction", False) for every construction in the text.

    ``lowers`` and ``starts`` are the lowercase texts and offsets of the document's
    non-space tokens when the caller has them (the scan's token table); ``positions``
    (with them) the tokens whose lowercase text is a trigger, ascending, when the
    caller knows them (the token flags). Cached per document. Overlapping matches of one category keep the first.

    >>> doc = parse("Wer glaubt denn noch an Frieden? Es war eine Art Staatsstreich.")
    >>> [(doc.text[a:b], e.category) for a, b, e, _, _ in construction_hits(doc)]
    [('Wer glaubt denn noch an Frieden?', 'rhetorical_question'), ('eine Art Staatsstreich', 'label_frame')]
    """
    cached = document.cache.get("evaluative_constructions")
    if cached is not None:
        return list(cached)
    triggers, by_trigger = _trigger_index()
    text = document.text
    sentences = document.sentences
    found: list[tuple[int, int, LexiconEntry, str, bool]] = []
    if lowers is None or starts is None:
        lowers = [t.lower() for t in document.token_texts]
        starts = document.token_starts
        positions = None
    if positions is None:
        positions = list(compress(range(len(lowers)), map(triggers.__contains__, lowers)))
    # where the trigger tokens stand: one pass over the tokens, each trigger placed in
    # its sentence once; then each pattern is tried only in the sentences that hold one
    # of its triggers (row -> sentence numbers, ascending)
    sentences_of: dict[int, list[int]] = {}
    if len(sentences) == 1:
        # one sentence (a sentence dataset, a reader comment): the rows of the triggers
        # that stand in it, each with that one sentence
        first_start = sentences[0].start
        rows: set[int] = set()
        for k in positions:
            if starts[k] >= first_start:
                rows.update(by_trigger[lowers[k]])
        one = [0]
        sentences_of = dict.fromkeys(rows, one)
    elif sentences:
        sentence_starts = [span.start for span in sentences]
        for k in positions:
            number = bisect_right(sentence_starts, starts[k]) - 1
            if number < 0:
                continue
            for index in by_trigger[lowers[k]]:
                numbers = sentences_of.get(index)
                if numbers is None:
                    sentences_of[index] = [number]
                elif numbers[-1] != number:
                    numbers.append(number)
    if sentences_of:
        prepared = _prepared()
        leadings = _leadings()
        # sentence start -> its tokens as written (for _context_allows, built once)
        sentence_words: dict[int, tuple[list[str], list[bool]]] = {}
        taken: dict[str, list[tuple[int, int]]] = {}
        for index in sorted(sentences_of):
            construction, pattern, whole, rules, entry, needs = prepared[index]
            leading = leadings[index]
            spans: list[tuple[int, int]] | None = None  # looked up at the first match
            for number in sentences_of[index]:
                sentence = sentences[number]
                if needs:
                    # every match holds one literal of each need: a sentence without
                    # one cannot match (a substring test, far cheaper than the search;
                    # plain loops, no generator per sentence)
                    sentence_text = sentence.text
                    held = True
                    for need in needs:
                        for literal in need:
                            if literal in sentence_text:
                                break
                        else:
                            held = False
                            break
                    if not held:
                        continue
                begin = sentence.start
                if leading:
                    # every match starts with one of these strings: the search starts at
                    # the first of them (a match cannot start before it; \b and
                    # lookbehinds still see the text before the search's start)
                    first = -1
                    for literal in leading:
                        at = text.find(literal, begin, sentence.end)
                        if at >= 0 and (first < 0 or at < first):
                            first = at
                    if first < 0:
                        continue
                    begin = first
                for match in pattern.finditer(text, begin, sentence.end):
                    start, end = match.span() if whole else match.span("hit")
                    if end <= start:
                        continue
                    if spans is None:
                        spans = taken.setdefault(construction.category, [])
                    overlaps = False
                    for a, b in spans:  # one category's matches do not overlap (a loop:
                        if a < end and start < b:  # no generator per match)
                            overlaps = True
                            break
                    if overlaps:
                        continue
                    if rules and not _context_allows(
                        construction, rules, sentence, start, lowers, starts, sentence_words
                    ):
                        continue
                    spans.append((start, end))
                    found.append((start, end, entry, "construction", False))
    if len(found) > 1:
        # by start, the longer first (two stable sorts: the order of the key (start, -end))
        found.sort(key=itemgetter(1), reverse=True)
        found.sort(key=itemgetter(0))
        # a construction inside another one's span adds nothing ("Wie praktisch!" is
        # sarcasm; its exclamation mark is part of it); plain loops, no generator per hit
        spans_found = [(hit[0], hit[1]) for hit in found]
        kept = []
        for hit in found:
            start, end = hit[0], hit[1]
            for a, b in spans_found:
                if a <= start and end <= b and (a != start or b != end):
                    break
            else:
                kept.append(hit)
        found = kept
    document.cache["evaluative_constructions"] = tuple(found)
    return found


def _context_allows(
    construction, rules, sentence, start: int, lowers, starts, known: dict | None = None
) -> bool:
    """The context rules of ``data/context_rules.tsv`` that name a construction (its
    ``name`` as entry), applied at the token where the hit starts, within its sentence.
    ``known``: the caller's store of each sentence's tokens (by its start), filled here."""
    first = bisect_right(starts, sentence.start - 1)
    last = bisect_right(starts, sentence.end - 1)
    k = bisect_right(starts, start) - 1
    if not first <= k < last:
        return True
    tokens = known.get(sentence.start) if known is not None else None
    if tokens is None:
        # the tokens as written (a table word's case matters), from the sentence's text
        base, text = sentence.start, sentence.text
        words = [
            text[starts[i] - base : starts[i] - base + len(lowers[i])] for i in range(first, last)
        ]
        # [i == 0 for i in range(len(words))], in C
        firsts = [True] + [False] * (len(words) - 1) if words else []
        tokens = (words, firsts)
        if known is not None:
            known[sentence.start] = tokens
    words, firsts = tokens
    return apply_context_rules(construction.entry, rules, words, firsts, k - first) is not None


@cache
def _prepared() -> tuple[
    tuple[
        Construction,
        re.Pattern[str],
        bool,
        tuple | None,
        LexiconEntry,
        tuple[tuple[str, ...], ...],
    ],
    ...,
]:
    """Per table row: the construction, its pattern, whether the whole match is the hit
    (no group ``hit``), its context rules (None without any), its entry and the
    literals every match holds (:func:`required_literals`)."""
    rules = context_rules()
    return tuple(
        (
            c,
            c.pattern,
            "hit" not in c.pattern.groupindex,
            rules.get(c.name.lower()),
            c.entry,
            required_literals(c.pattern),
        )
        for c in construction_table()
    )


@cache
def _leadings() -> tuple[tuple[str, ...], ...]:
    """Per table row: :func:`leading_literals` of its pattern."""
    return tuple(leading_literals(c.pattern) for c in construction_table())


def leading_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` starts with (after zero-width
    anchors and lookarounds), or () when the pattern does not tell.

    >>> leading_literals(re.compile(r"\\b(?:[Gg]anz,?\\sganz|[Ss]ehr\\ssehr)\\b"))
    ('Ganz', 'Sehr', 'ganz', 'sehr')
    >>> leading_literals(re.compile(r"\\b(?:viel\\s)?zu\\s"))
    ()
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    parser = importlib.import_module("re._parser")
    found = _leading(parser.parse(pattern.pattern, pattern.flags).data, parser)
    return tuple(sorted(found)) if found else ()


def _leading(items: Any, parser: Any) -> frozenset[str] | None:
    """The strings one of which every match of a sequence of parsed items starts with."""
    c = parser
    runs = [""]
    for op, value in items:
        if runs == [""] and (op is c.AT or op in (c.ASSERT, c.ASSERT_NOT)):
            continue  # zero width before the first character: the match starts after it
        if op is c.LITERAL:
            runs = [run + chr(value) for run in runs]
            continue
        if (
            op is c.IN
            and all(kind is c.LITERAL for kind, _ in value)
            and len(runs) * len(value) <= _MAX_FORKS
        ):
            runs = [run + chr(code) for run in runs for _, code in value]
            continue
        if runs == [""] and op is c.SUBPATTERN:
            _, add_flags, _, inner = value
            if add_flags & re.IGNORECASE:
                return None
            return _leading(inner, parser)
        if runs == [""] and op is c.BRANCH:
            out: set[str] = set()
            for branch in value[1]:
                inner_found = _leading(branch, parser)
                if not inner_found:
                    return None
                out.update(inner_found)
            return frozenset(out)
        break
    return frozenset(runs) if all(runs) else None


#: At most this many needs are tested per pattern and sentence (the longest literals).
_MAX_NEEDS = 3
#: A run of literals may fork at a character class of letters ([Ww]) into at most
#: this many strings.
_MAX_FORKS = 8


def required_literals(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """What every match of ``pattern`` holds: needs, each a tuple of strings of which
    a match contains at least one (the longest needs first, at most three).

    Read off the parsed pattern: runs of literal characters that every match passes
    through (not inside an optional part, a lookaround or a case-insensitive part),
    a class of a few letters forking the run (``[Ww]as`` needs "Was" or "was"), and
    an alternation needing one literal of each branch.

    >>> required_literals(re.compile(r"\\b[Ww]as\\s(?:ist|war)\\smit\\b"))
    (('Was', 'was'), ('ist', 'war'), ('mit',))
    >>> required_literals(re.compile(r"(?i)was"))
    ()
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    parser = importlib.import_module("re._parser")
    needs = _needs(parser.parse(pattern.pattern, pattern.flags).data, parser)
    needs.sort(key=lambda need: -min(map(len, need)))
    return tuple(tuple(sorted(need)) for need in needs[:_MAX_NEEDS])


def _needs(items: Any, parser: Any) -> list[frozenset[str]]:
    """The needs of one sequence of parsed pattern items (see :func:`required_literals`)."""
    c = parser  # the opcodes: LITERAL, IN, SUBPATTERN, BRANCH, MAX_REPEAT ...
    needs: list[frozenset[str]] = []
    runs = [""]

    def flush() -> None:
        nonlocal runs
        if all(runs):
            needs.append(frozenset(runs))
        runs = [""]

    for op, value in items:
        if op is c.LITERAL:
            runs = [run + chr(value) for run in runs]
        elif (
            op is c.IN
            and all(kind is c.LITERAL for kind, _ in value)
            and len(runs) * len(value) <= _MAX_FORKS
        ):
            runs = [run + chr(code) for run in runs for _, code in value]
        else:
            flush()
            if op is c.SUBPATTERN:
                _, add_flags, _, inner = value
                if not add_flags & re.IGNORECASE:
                    needs.extend(_needs(inner, parser))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                low, _, inner = value
                if low >= 1:
                    needs.extend(_needs(inner, parser))
            elif op is c.ATOMIC_GROUP:
                needs.extend(_needs(value, parser))
            elif op is c.BRANCH:
                chosen: list[frozenset[str]] = []
                for branch in value[1]:
                    branch_needs = _needs(branch, parser)
                    if not branch_needs:
                        break
                    chosen.append(max(branch_needs, key=lambda need: min(map(len, need))))
                else:
                    needs.append(frozenset().union(*chosen))
            # anything else (a class, a lookaround, an anchor, a group reference) needs
            # nothing that can be told from here
    flush()
    return needs


@cache
def _trigger_index() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """All trigger tokens, and for each the table rows it triggers (in table order)."""
    by_trigger: dict[str, list[int]] = {}
    for index, construction in enumerate(construction_table()):
        for word in construction.triggers:
            by_trigger.setdefault(word, []).append(index)
    return frozenset(by_trigger), {w: tuple(rows) for w, rows in by_trigger.items()}
