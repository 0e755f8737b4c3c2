"""The lookup index of a lexicon: word, exact-form, compound and phrase tables, memoised per word form."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..document import MEMO_LIMIT, memo_map
from .lemmas import _lemma_memo, lemmatize
from .lexicon import EXACT_FORM_CATEGORIES, MIN_COMPOUND_REST, LexiconEntry, _entry_keys

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


_PHRASE_ONLY = 1  # a word form that can hit only as the first word of a phrase
_WORD_HIT = 2  # a word form that can hit as a word (and perhaps start a phrase too)
#: Bits of ``metrics._token_flags`` (kept with the hit kinds they extend): a token that
#: can stand first in a phrase, one that can stand second.
_PHRASE_FIRST = 32
_PHRASE_SECOND = 64


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
        # (first, second) -> the words that can stand third in its phrases, or None when
        # one of them has two words only: a phrase of three or more words can only match
        # where the third token is one of them
        self.phrase_thirds: dict[tuple[str, str], frozenset[str] | None] = {
            (first, second): (
                None
                if any(len(keys) == 2 for keys, _ in paths)
                else frozenset().union(*(keys[2] for keys, _ in paths))
            )
            for first, by_second in self.phrases.items()
            for second, paths in by_second.items()
        }
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
        #: token text -> the flags of :func:`mediakit.evaluative.metrics._token_flags`
        self._flags: dict[str, int] = {}
        #: token text -> (lowercase, lowercase lemma, flags): the three memos in one
        self._infos: dict[str, tuple[str, str, int]] = {}
        #: forms and lemmas of three tokens -> the phrase lists that pass the first
        #: tests of :func:`mediakit.evaluative.matching._match_phrase`
        self._phrase_gates: dict[tuple, tuple] = {}
        #: the categories the figures report for this lexicon (set on first use)
        self.report_categories: tuple[str, ...] | None = None

    def hit_kinds(self, words: list[str]) -> list[int]:
        """Per token: 0 never hits, ``_PHRASE_ONLY`` can only start a phrase, 2 can hit
        as a word (and perhaps start a phrase too).

        Most tokens of a text can never hit: whether one can depends on its text alone
        (its lowercase form and lemma follow from it), so it is decided once per word
        form and the scan visits only the rest.
        """
        return memo_map(self._can_hit, words, self._hit_kind, MEMO_LIMIT)

    def _hit_kind(self, text: str) -> int:
        if not (text[0].isalpha() or text[-1].isalpha() or text.isalnum()):
            return 0
        # the scan's token table has just lemmatised this word: reuse its memo
        lemma = _lemma_memo(self.lemmatizer).get(text)
        if lemma is None:
            lemma = self.lemmatizer(text).lower()
        # capital_ok=False only ever rejects more, so one look-up decides
        if text == "Sie" or self.lookup(text, lemma, True) is not None:
            return _WORD_HIT
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
        # compound heads are nouns (Klima|wahn): not inside a lowercase word (intera|giert)
        return self._compound(lowered, lemma.lower(), heads=not lowercase)

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
        self, lowered: str, lemma: str, allow_prefix: bool = True, heads: bool = True
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
                    entry = self.heads[form[-length:]]
                    # a lowercase word takes only an adjective head (macht|versessen)
                    if heads or entry.lemma.endswith(ADJECTIVE_HEAD_ENDINGS):
                        return entry, "head"
        if allow_prefix and lowered[: self.prefix_key] in self.prefix_starts:
            for length in self.prefix_lengths:
                if len(lowered) - length >= MIN_COMPOUND_REST and lowered[:length] in self.prefixes:
                    return self.prefixes[lowered[:length]], "prefix"
        return None


# endings of an adjective or participle head (versessen, besoffen): a lowercase compound
# (machtversessen) may end in one; noun heads (Klima|wahn) need a capitalised word
ADJECTIVE_HEAD_ENDINGS = ("en", "ig", "isch", "lich", "haft", "los")


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
    # the participle of a separable verb, "ge" after the particle: aus|ge|blendet ->
    # ausblenden, auf|ge|bauschte -> aufbauschen (candidates only count if an entry has them)
    for base in (lowered, *(f for f in forms if f.endswith("t"))):
        if not base.endswith("t"):
            continue
        for i in range(2, len(base) - 5):
            if base[i : i + 2] == "ge":
                stem = base[i + 2 : -1]
                forms.append(base[:i] + stem + ("n" if stem.endswith("e") else "en"))
    # weak verb forms back to the infinitive: verteufelt, wetterte, polterten
    for ending in ("ten", "te", "t"):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            stem = lowered[: -len(ending)]
            forms += [stem + "en", stem + "n"]
            break
    return tuple(forms)
