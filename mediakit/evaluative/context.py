"""Context rules: when a word that is in the lexicon does not count here.

The particle rules (*ja*, *doch*, *schon* …) are written as functions, documented in
LEXICON.md; the rules on participles, quantifiers, impersonal *man* and the like are
data (``data/context_rules.tsv``), applied by :func:`apply_context_rules`.

>>> [h.text for h in find_evaluative("Kellogg hatte sich für Sanktionen ausgesprochen.")]
[]
>>> [h.text for h in find_evaluative("Das ist ausgesprochen dumm.")]
['ausgesprochen', 'dumm']
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..tables import load_table
from .index import _Index
from .lexicon import LexiconEntry

_CLAUSE_BREAKS = frozenset(',;:.!?()[]–—-…"„“”«»‹›')
_OPENERS = frozenset("„“‚‘»«›‹\"'([–—-:")
#: Tokens after which a new main clause starts inside a sentence (verb-first after a colon:
#: "… vor: Betrachtet man die Sterberate, …"), for the rule not_in_verb_first.
_CLAUSE_OPENERS = frozenset({":", ";"})

CONTEXT_WORDS_TABLE = "evaluative_context_words.tsv"


@cache
def context_words(name: str) -> frozenset[str]:
    """One word list of ``data/evaluative_context_words.tsv`` (lowercased).

    >>> "hatte" in context_words("temporal_before_schon")
    True
    """
    words = frozenset(
        row["word"].lower() for row in load_table(CONTEXT_WORDS_TABLE) if row["list"] == name
    )
    if not words:
        raise ValueError(f"{CONTEXT_WORDS_TABLE}: no list named {name!r}")
    return words


# The particle rules' word lists (from the table, read once at import)
_TEMPORAL_BEFORE_SCHON = context_words("temporal_before_schon")
_TIME_AFTER_SCHON = context_words("time_after_schon")
_PLAN_MODALS = context_words("plan_modals")
_NUMERALS = context_words("numerals")
_TIME_NOUNS = context_words("time_nouns")


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


# ---------------------------------------------------------------------------
# Context rules from data/context_rules.tsv
# ---------------------------------------------------------------------------

CONTEXT_TABLE = "context_rules.tsv"
CONTEXT_RULES = (
    "not_form",
    "modifier_only",
    "not_after_preposition",
    "not_before",
    "not_after",
    "category_before",
    "not_in_verb_first",
    "not_in_clause_with",
    "not_participle",
)


@dataclass(frozen=True)
class ContextRule:
    """One row of ``data/context_rules.tsv``.

    >>> [r.rule for r in context_rules()["niemand"]]
    ['not_before', 'category_before']
    """

    entry: str
    rule: str
    words: frozenset[str]
    category: str
    note: str
    #: the (lowercased) words written capitalised in the table: nouns, which match a
    #: token in any case; a lowercase word matches only a lowercase or sentence-initial
    #: token (for not_in_clause_with: the verb berichten, not the noun Berichten)
    capitalised: frozenset[str] = frozenset()


@cache
def context_rules() -> dict[str, tuple[ContextRule, ...]]:
    """The context rules by lowercased entry lemma, read once."""
    rules: dict[str, list[ContextRule]] = {}
    for number, row in enumerate(load_table(CONTEXT_TABLE), start=1):
        if row["rule"] not in CONTEXT_RULES:
            raise ValueError(f"{CONTEXT_TABLE}: row {number}: unknown rule {row['rule']!r}")
        if row["rule"] == "category_before" and not row["category"]:
            raise ValueError(f"{CONTEXT_TABLE}: row {number}: category_before needs a category")
        rule = ContextRule(
            row["entry"].lower(),
            row["rule"],
            frozenset(row["words"].lower().split()),
            row["category"],
            row["note"],
            frozenset(w.lower() for w in row["words"].split() if w[:1].isupper()),
        )
        rules.setdefault(rule.entry, []).append(rule)
    return {entry: tuple(found) for entry, found in rules.items()}


def apply_context_rules(
    entry: LexiconEntry,
    rules: tuple[ContextRule, ...],
    words: list[str],
    firsts: list[bool],
    k: int,
) -> LexiconEntry | None:
    """The entry as it counts at token ``k`` (perhaps re-categorised), or None.

    ``words`` are the non-space tokens of the text, ``firsts`` their sentence-start flags.
    """
    word = words[k].lower()
    nxt = words[k + 1] if k + 1 < len(words) and not firsts[k + 1] else ""
    prev = words[k - 1].lower() if k > 0 and not firsts[k] else ""
    for rule in rules:
        kind = rule.rule
        if kind == "not_form":
            if word in rule.words:
                return None
        elif kind == "modifier_only":
            if not (nxt[:1].islower() and nxt.isalpha() and nxt.lower() not in rule.words):
                return None
        elif kind == "not_after_preposition":
            if prev in rule.words and nxt[:1].isupper():
                return None
        elif kind == "not_before":
            if nxt.lower() in rule.words:
                return None
        elif kind == "not_after":
            if prev in rule.words:
                return None
        elif kind == "category_before":
            if nxt.lower() in rule.words:
                return _recategorised(entry, rule.category)
        elif kind == "not_in_verb_first":
            first = k
            while first > 0 and not firsts[first] and words[first - 1] not in _CLAUSE_OPENERS:
                first -= 1
            opener = words[first]
            if (
                first + 1 < len(words)
                and words[first + 1].lower() == word
                and opener[:1].isupper()
                and opener.isalpha()
                and opener.lower() not in rule.words
                and opener.lower() != word
            ):
                return None
        elif kind == "not_participle":
            # the uninflected form at the end of its clause, with an auxiliary before it
            # in the clause (wurde an die Front geschickt): the participle of a verb
            # or directly before an auxiliary (geschickt worden)
            if word == entry.lemma.lower() and (
                nxt.lower() in rule.words
                or (
                    not (nxt[:1].islower() and nxt.isalpha())
                    and _clause_has(words, firsts, k, rule, after=False)
                )
            ):
                return None
        elif kind == "not_in_clause_with":
            if _clause_has(words, firsts, k, rule):
                return None
    return entry


#: Tokens that close a clause for the rule not_in_clause_with: the clause breaks but the
#: hyphen and quote marks (a quoted word stands inside its clause).
_CLAUSE_ENDS = _CLAUSE_BREAKS - frozenset('-"„“”«»‹›')


def _clause_has(
    words: list[str], firsts: list[bool], k: int, rule: ContextRule, after: bool = True
) -> bool:
    """True when the clause around token ``k`` (to the nearest comma, colon, sentence
    mark or sentence start, at most 15 tokens either side) holds one of the rule's words
    (a lowercase word of the table only as a lowercase or sentence-initial token)."""
    wanted, capitalised = rule.words, rule.capitalised
    # the clause lies within 15 tokens either side of k: when no token there lowercases
    # to a wanted word (the common case), no token of the clause can (one C pass
    # instead of walking to the clause's ends and testing each token)
    if wanted.isdisjoint(map(str.lower, words[max(k - 15, 0) : k + 16])):
        return False
    first = k
    while (
        first > 0 and k - first < 15 and not firsts[first] and words[first - 1] not in _CLAUSE_ENDS
    ):
        first -= 1
    last = k
    while (
        after
        and last + 1 < len(words)
        and last - k < 15
        and not firsts[last + 1]
        and words[last + 1] not in _CLAUSE_ENDS
    ):
        last += 1
    for i in range(first, last + 1):
        word = words[i]
        lowered = word.lower()
        if (
            i != k
            and lowered in wanted
            and (lowered in capitalised or not word[:1].isupper() or firsts[i])
        ):
            return True
    return False


@lru_cache(maxsize=1024)
def _recategorised(entry: LexiconEntry, category: str) -> LexiconEntry:
    return replace(
        entry, category=category, note=f"{entry.note}; here {category} by a context rule"
    )
