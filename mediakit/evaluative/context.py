"""Context rules: when a word that is in the lexicon does not count here (particles, quantifiers, ...)."""

from __future__ import annotations

from bisect import bisect_right

from .index import _Index

_CLAUSE_BREAKS = frozenset(',;:.!?()[]–—-…"„“”«»‹›')
_OPENERS = frozenset("„“‚‘»«›‹\"'([–—-:")


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
