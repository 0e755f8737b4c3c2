"""The rules behind :func:`mediakit.find_quotes` (see :mod:`mediakit.quotes`).

Works on the tokens of the shared parse. One pass over the quote regions decides
which are quotations, titles or scare quotes; one pass over the sentences finds
cue verbs and cue words with their content clause and speaker; a last pass marks
Konjunktiv-I sentences without a frame as free indirect speech of the most recent
speaker, and short quote-marked words inside a quotation as nested direct quotes.

>>> from mediakit.document import parse
>>> qs, scare, titles = detect(parse("Laut Polizei war die Straße gesperrt."))
>>> qs[0].kind, qs[0].text, qs[0].speaker.text, qs[0].cue.lemma
('indirect', 'war die Straße gesperrt', 'Polizei', 'laut')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from itertools import compress
from operator import itemgetter

from .document import Document, TextSpan, is_word, memo_map
from .quotes import Cue, Quotation, Speaker
from .quotes_lexicon import CueVerb, cue_lexicon, konjunktiv_forms, preposition_cues, speaker_words

__all__ = ["detect"]

_ZU_INFIX = re.compile(
    r"^(?:an|auf|aus|ab|bei|ein|mit|vor|nach|zurück|fest|frei|her|hin|weg|zu|dar|durch|hervor|"
    r"heraus|herbei|teil|statt|bekannt|klar|fort|weiter|wieder|um|los)zu[a-zäöü]{2,}e?n$"
)

_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "-", "(", ")"})
_END_PUNCT = frozenset({".", "!", "?", "…", "...", ":", ";"})
_COMPLEMENTIZERS = frozenset(
    {
        "dass",
        "daß",
        "ob",
        "wie",
        "warum",
        "weshalb",
        "wann",
        "wo",
        "was",
        "wer",
        "welche",
        "welcher",
        "welches",
        "inwiefern",
        "weil",
    }
)
_AUXILIARIES = frozenset(
    [
        "hat",
        "habe",
        "haben",
        "hatte",
        "hatten",
        "hätte",
        "hätten",
        "ist",
        "sei",
        "seien",
        "war",
        "waren",
        "wäre",
        "wären",
        "wird",
        "werde",
        "werden",
        "wurde",
        "wurden",
        "würde",
        "würden",
        "soll",
        "solle",
        "sollen",
        "sollte",
        "sollten",
        "will",
        "wolle",
        "wollen",
        "wollte",
        "wollten",
        "kann",
        "könne",
        "können",
        "konnte",
        "konnten",
        "könnte",
        "könnten",
        "muss",
        "müsse",
        "müssen",
        "musste",
        "mussten",
        "müsste",
        "müssten",
        "darf",
        "dürfe",
        "durfte",
        "dürfte",
        "mag",
        "möchte",
        "möchten",
        "ließ",
        "ließen",
        "lässt",
    ]
)
_SUBORDINATORS = frozenset(
    {
        "wie",
        "als",
        "nachdem",
        "während",
        "weil",
        "da",
        "obwohl",
        "wenn",
        "bevor",
        "indem",
        "dass",
        "ob",
        "was",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "deren",
        "dessen",
        "welche",
        "welcher",
    }
)


# ---------------------------------------------------------------------------
# Cached word classes
# ---------------------------------------------------------------------------


@cache
def _words() -> dict[str, frozenset[str]]:
    return speaker_words()


@lru_cache(maxsize=65_536)  # bounded: one entry per word form seen
def _mood(word: str) -> str:
    """``k1``/``k2`` for a Konjunktiv form, ``""`` otherwise."""
    table = konjunktiv_forms()
    mood = table.get(word)
    if mood:
        return mood
    if len(word) > 6 and word.endswith("iere") and word.isalpha() and word.islower():
        # "existiere", "funktioniere": -ieren verbs have no other form in -iere
        return "k1"
    return ""


# separable particles: "rief … an" is anrufen, not rufen
_FI_REACH = 2
_MAX_SENTENCE_TOKENS = 300
_INDICATIVE_COMPLEMENT = True
_REPORTED = True
_PARTICLES = frozenset(
    [
        "an",
        "auf",
        "aus",
        "ab",
        "bei",
        "ein",
        "mit",
        "vor",
        "zu",
        "zurück",
        "fest",
        "hin",
        "her",
        "weg",
        "los",
        "dar",
        "nach",
        "um",
        "durch",
        "vorbei",
    ]
)
# after a comma these open a new clause that is no longer part of the quoted content
_CLAUSE_BREAKERS = frozenset(
    {"womit", "worauf", "woraufhin", "wobei", "wodurch", "weshalb", "sodass"}
)
_RELATIVE = frozenset(
    {"der", "die", "das", "welcher", "welche", "welches", "dessen", "deren", "den", "dem"}
)
_COMMON_SUFFIXES = (
    "ung",
    "ungen",
    "er",
    "ion",
    "heit",
    "keit",
    "schaft",
    "angaben",
    "sprecher",
    "sprecherin",
    "ium",
    "amt",
    "ei",
    "tum",
    "rat",
    "gericht",
    "in",
    "innen",
    "bericht",
    "berichten",
    "polizei",
)


def _common_noun(word: str) -> bool:
    """A head noun that takes a genitive ("Angaben der Polizei"), unlike a name ("Trump der Post")."""
    return word.endswith(_COMMON_SUFFIXES) or word in speaker_words()["anonymous"]


# "Wie der „Guardian“ berichtet": a quote-marked word followed by these is a source name
_TITLE_FOLLOWERS = frozenset(
    [
        "berichtet",
        "berichtete",
        "berichten",
        "meldet",
        "meldete",
        "schreibt",
        "schrieb",
        "zufolge",
        "zitiert",
        "zitierte",
    ]
)


_DOMAIN = re.compile(r"^[\w.-]+\.(?:de|com|net|org|at|ch|eu|info|ru|uk|fr|it)$")


def _hyphen_noun(word: str) -> bool:
    """ "ai-Bericht", "al-Dschasira": lowercase start, capitalised head after the hyphen."""
    head = word.rsplit("-", 1)[-1]
    return "-" in word and head[:1].isupper()


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _adjective_like(word: str) -> bool:
    return (
        word.islower()
        and len(word) > 3
        and word.endswith(("e", "en", "er", "es", "em"))
        and word.isalpha()
    )


# ---------------------------------------------------------------------------
# The detector
# ---------------------------------------------------------------------------


@cache
def _requirement_sets(requires: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A cue's required words split into whole words and ``*ending`` patterns."""
    endings = tuple(r[1:] for r in requires if r.startswith("*"))
    return frozenset(r for r in requires if not r.startswith("*")), endings


_ROLE_CUE_VERB = 1
_ROLE_CUE_WORD = 2
_ROLE_KONJUNKTIV = 4
# token text -> (lowercase, lowercase if written in lowercase else "", roles)
_FORMS: dict[str, tuple[str, str, int]] = {}
_FORMS_SIZE = 500_000


def _token_forms(tokens: list[str]) -> list[tuple[str, str, int]]:
    """What the rules read of each token, decided once per word form in a process."""
    return memo_map(_FORMS, tokens, _token_form, _FORMS_SIZE)


def _token_form(token: str) -> tuple[str, str, int]:
    lex, preps = cue_lexicon(), preposition_cues()
    low = token.lower()
    verb = low if token[:1].islower() else ""
    roles = 0
    if verb and (verb in lex.main or verb in lex.joined):
        roles |= _ROLE_CUE_VERB
    if low in preps:
        roles |= _ROLE_CUE_WORD
    if _mood(low):
        roles |= _ROLE_KONJUNKTIV
    return low, verb, roles


class _Detector:
    def __init__(self, doc: Document) -> None:
        self.d = doc
        self.text = doc.text
        starts, ends, texts = doc.token_starts, doc.token_ends, doc.token_texts
        self.n = len(texts)
        # one empty sentinel token at the end, so a look-ahead never runs off the lists
        self.idx = [*starts, len(self.text)]
        self.end = [*ends, len(self.text)]
        self.tok = [*texts, ""]
        forms = _token_forms(self.tok)
        self.low = list(map(itemgetter(0), forms))
        # verbs are written in lowercase: "Berichte" is a noun, "berichte" a verb form
        self.vlow = list(map(itemgetter(1), forms))
        self.space = [*doc.token_is_space, True]
        self.lex = cue_lexicon()
        self.preps = preposition_cues()
        self.words = _words()
        self.quotes: list[Quotation] = []
        self.scare: list[TextSpan] = []
        self.titles: list[TextSpan] = []
        # token -> index of the depth-0 quote region that holds it (-1: none)
        self.region_of = [-1] * (self.n + 1)
        self.regions = [r for r in doc.quote_regions if r.depth == 0]
        self.region_tokens: list[tuple[int, int]] = []
        for k, r in enumerate(self.regions):
            lo = bisect_left(self.idx, r.start)
            hi = bisect_left(self.idx, r.end)
            self.region_tokens.append((lo, hi))
            self.region_of[lo:hi] = [k] * (hi - lo)
        self.region_kind = [""] * len(self.regions)
        self.region_quote: dict[int, Quotation] = {}
        # pick_verb reads only the tokens, so several rules asking for one verb share it
        self.picked: dict[tuple[int, int], tuple[CueVerb, int] | None] = {}
        # sentences as token ranges, whitespace tokens trimmed
        self.sentences: list[tuple[int, int]] = []
        for s in doc.sentences:
            lo = bisect_left(self.idx, s.start)
            hi = bisect_left(self.idx, s.end)
            # an endless "sentence" (no punctuation) is read in windows, so that the
            # rules stay linear in the length of the text
            while hi - lo > _MAX_SENTENCE_TOKENS:
                self.sentences.append((lo, lo + _MAX_SENTENCE_TOKENS))
                lo += _MAX_SENTENCE_TOKENS
            if lo < hi:
                self.sentences.append((lo, hi))
        # The few tokens each rule can start from, found once: the rules then visit
        # only these instead of every token of every sentence.
        region_of, space = self.region_of, self.space
        roles = list(map(itemgetter(2), forms))
        marked = list(compress(range(len(roles)), roles))
        free = [j for j in marked if region_of[j] < 0 and not space[j]]
        self.verb_at = [j for j in free if roles[j] & _ROLE_CUE_VERB]
        self.prep_at = [j for j in free if roles[j] & _ROLE_CUE_WORD]
        self.mood_at = [j for j in marked if roles[j] & _ROLE_KONJUNKTIV]

    @staticmethod
    def within(positions: list[int], lo: int, hi: int) -> list[int]:
        """The positions in ``[lo, hi)``."""
        return positions[bisect_left(positions, lo) : bisect_left(positions, hi)]

    # -- helpers --------------------------------------------------------------

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.idx[first], self.end[last]

    def make_speaker(self, first: int, last: int) -> Speaker | None:
        while first <= last and (
            self.space[first] or self.tok[first] in _CLAUSE_PUNCT or self.tok[first] in _END_PUNCT
        ):
            first += 1
        while last >= first and (
            self.space[last] or self.tok[last] in _CLAUSE_PUNCT or self.tok[last] in _END_PUNCT
        ):
            if self.tok[last] == ")" and "(" in self.tok[first:last]:
                break
            last -= 1
        adverbs = self.words["adverb"]
        while first < last and (
            self.low[first] in ("und", "aber", "doch", "denn", "sondern", "oder")
            or (self.low[first] in adverbs and self.low[first] not in ("das", "dies"))
        ):
            first = self.next_content(first + 1, last + 1)
        while last > first and self.tok[last].isalpha() and self.tok[last].islower():
            last -= 1  # "Die Kanadier hingegen"
        if first > last:
            return None
        s, e = self.chars(first, last)
        words = [w for w in self.low[first : last + 1] if is_word(w)]
        kind = self.speaker_type(words, first)
        return Speaker(s, e, self.text[s:e], kind)

    def speaker_type(self, words: list[str], first: int) -> str:
        if not words:
            return "anonymous"
        cat = self.words
        if len(words) == 1 and words[0] in cat["pronoun"]:
            return "pronoun"
        if len(words) == 1 and words[0] in cat["anonymous"] and words[0] in ("man", "es"):
            return "anonymous"
        outlet = cat["outlet"]
        if any(
            w in outlet or w.endswith(("zeitung", "sender", "agentur", "magazin", "medien"))
            for w in words
        ):
            return "outlet"
        anonymous = cat["anonymous"]
        indefinite = words[0] in (
            "ein",
            "eine",
            "einer",
            "einem",
            "eines",
            "mehrere",
            "einige",
            "viele",
        )
        if indefinite or any(
            w in anonymous or w.endswith(("kreise", "kreisen", "quellen")) for w in words
        ):
            caps = [
                w
                for w, t in zip(words, self.tok[first : first + len(words) + 4], strict=False)
                if _is_cap(t) and w not in anonymous
            ]
            if indefinite or len(caps) <= 1:
                return "anonymous"
        return "named"

    def clause_start(self, i: int, lo: int) -> int:
        """First token of the clause holding token ``i`` (after a comma, colon …)."""
        j = i - 1
        while j >= lo:
            w = self.tok[j]
            if w == ")":  # "Jung (CDU) kündigte an": a parenthesis is no clause boundary
                k = j - 1
                while k >= lo and j - k < 12 and self.tok[k] != "(":
                    k -= 1
                if k >= lo and self.tok[k] == "(":
                    j = k - 1
                    continue
            if w in _CLAUSE_PUNCT or (
                self.region_of[j] >= 0 and self.region_kind[self.region_of[j]] == "direct"
            ):
                return j + 1
            j -= 1
        return lo

    def next_content(self, i: int, hi: int) -> int:
        while i < hi and self.space[i]:
            i += 1
        return i

    def np_forward(self, i: int, hi: int, limit: int = 14) -> int:
        """Last token of a speaker noun phrase starting at ``i`` (``i - 1`` if none).

        A role description followed by a name in commas is one speaker: "der Direktor
        der Behörde, Mohammed el-Baradei, sagte" / "laut dem Chefankläger, Luis Ocampo".
        """
        last = self._np_core(i, hi, limit)
        if last < i or self.low[self.next_content(i, hi)] not in self.words["determiner"]:
            return last
        comma = self.next_content(last + 1, hi)
        if comma >= hi or self.tok[comma] != ",":
            return last
        j = self.next_content(comma + 1, hi)
        name_end = -1
        while (
            j < hi
            and j - comma <= 5
            and (_is_cap(self.tok[j]) or "-" in self.tok[j])
            and is_word(self.tok[j])
        ):
            if self.low[j] in self.lex.main or self.low[j] in self.words["determiner"]:
                break
            name_end = j
            j += 1
        if name_end > comma and (
            j >= hi or self.tok[j] in (",", ".", "!", "?", ";") or self.space[j]
        ):
            return name_end
        return last

    def _np_core(self, i: int, hi: int, limit: int = 14) -> int:
        dets = self.words["determiner"]
        pronouns = self.words["pronoun"]
        i = self.next_content(i, hi)
        if i >= hi:
            return i - 1
        if self.low[i] in pronouns or self.low[i] == "man":
            return i
        last = i - 1
        j = i
        started_with_det = self.low[i] in dets
        has_noun = False
        open_np = False  # after a determiner or adjective, waiting for the noun
        while j < hi and j - i < limit:
            w, lw = self.tok[j], self.low[j]
            if self.space[j]:
                j += 1
                continue
            after_von = j > i and self.low[j - 1] in ("von", "vom")
            if lw in dets and (
                not has_noun
                or after_von
                or lw in ("des", "eines")
                or (lw in ("der", "einer") and (started_with_det or _common_noun(self.low[last])))
            ):
                if has_noun and not after_von and lw not in ("des", "der", "eines", "einer"):
                    break
                open_np = True
                j += 1
                continue
            if (
                lw in self.words["name_particle"]
                and w[:1].islower()
                and j + 1 < hi
                and _is_cap(self.tok[j + 1])
                and (j == i or _is_cap(self.tok[j - 1]))
            ):
                j += 1  # "de Maizière", "Ursula von der Leyen"
                continue
            if (
                j > i
                and _is_cap(w)
                and (lw in self.words["adverb"] or lw in self.words["preposition"])
            ):
                break  # "… Deutschlands Bereits im Dezember": a new sentence starts
            if (_is_cap(w) and is_word(w)) or _hyphen_noun(w) or _DOMAIN.match(w):
                has_noun = True
                open_np = False
                last = j
                j += 1
                continue
            if self.region_of[j] >= 0 and (
                self.region_kind[self.region_of[j]] == "title"
                or (open_np and self.region_kind[self.region_of[j]] == "scare")
            ):
                self.region_kind[self.region_of[j]] = "title"  # "die „Aktion Deutschland hilft“"
                _, hi_r = self.region_tokens[self.region_of[j]]
                has_noun = True
                last = hi_r - 1
                j = hi_r
                continue
            if w == "(" and has_noun:
                k = j + 1
                while k < hi and k - j < 6 and self.tok[k] != ")":
                    k += 1
                if k < hi and self.tok[k] == ")":
                    last = k
                    j = k + 1
                    continue
                break
            if (
                (_adjective_like(w) or ("-" in w and w[0].islower()) or w[:1].isdigit())
                and (
                    not has_noun
                    or open_np
                    or (
                        lw.endswith("er")
                        and _common_noun(self.low[last])
                        and j + 1 < hi
                        and _is_cap(self.tok[j + 1])
                    )
                )
                and lw not in self.lex.main
                and lw not in self.lex.joined
            ):
                open_np = True
                j += 1
                continue
            if (
                lw in ("von", "vom")
                and has_noun
                and j + 1 < hi
                and (
                    _is_cap(self.tok[j + 1])
                    or self.low[j + 1] in ("der", "dem", "den")
                    or self.region_of[j + 1] >= 0
                )
            ):
                open_np = True
                j += 1
                continue
            if (
                lw == "und"
                and has_noun
                and j + 1 < hi
                and _is_cap(self.tok[j + 1])
                and self.low[j + 1] not in self.words["pronoun"]
            ):
                j += 1
                continue
            break
        return last if has_noun else i - 1

    def apposition(self, last: int, hi: int) -> int:
        """Extend a speaker that ends the sentence by its apposition ("Bill Graham, Parteichef der Liberalen.")."""
        comma = self.next_content(last + 1, hi)
        if comma >= hi or self.tok[comma] != ",":
            return last
        start = self.next_content(comma + 1, hi)
        if (
            start >= hi
            or self.low[start] in self.words["pronoun"]
            or self.low[start] in _RELATIVE - {"der", "die", "das"}
        ):
            return last
        end = self.np_forward(start, hi)
        if end < start:
            return last
        after = self.next_content(end + 1, hi)
        if after >= hi or self.tok[after] in _END_PUNCT or self.tok[after] == ",":
            return end
        verb = self.vlow[after]
        if verb and (verb in _AUXILIARIES or _mood(verb) or verb in self.lex.main):
            return last  # "sagte Trump, Putin habe …": a new clause, not an apposition
        if self.tok[after][:1].islower() and self.low[after] in self.words["preposition"]:
            return end  # "…, Parteichef der Liberalen, im Parlament"
        return last

    def np_backward(self, i: int, lo: int, limit: int = 10) -> int:
        """First token of a noun phrase that ends at ``i`` (``i + 1`` if none).

        A determiner opens the phrase, unless it is a genitive one after a noun
        ("Angaben des seismologischen Instituts zufolge").
        """
        dets = self.words["determiner"]
        j = i
        first = i + 1
        has_noun = False
        genitive_pending = False
        while j >= lo and i - j < limit:
            w, lw = self.tok[j], self.low[j]
            if self.space[j]:
                j -= 1
                continue
            is_noun = (
                ((_is_cap(w) and is_word(w)) or _hyphen_noun(w))
                and lw not in self.words["preposition"]
                and lw not in self.words["adverb"]
            )
            if genitive_pending:
                if not is_noun:
                    break
                genitive_pending = False
            if is_noun:
                has_noun = True
                first = j
            elif lw in dets:
                if not has_noun:
                    break
                first = j
                if lw not in ("des", "der", "eines", "einer"):
                    break
                genitive_pending = True
            elif (_adjective_like(w) and lw not in self.lex.main and lw not in _AUXILIARIES) or w[
                :1
            ].isdigit():
                if not has_noun:
                    break
                first = j
            elif has_noun and lw in ("von", "vom"):
                first = j
            elif self.region_of[j] >= 0 and self.region_kind[self.region_of[j]] in (
                "title",
                "scare",
            ):
                has_noun = True  # "der Nachrichtenagentur „Interfax“"
                first = self.region_tokens[self.region_of[j]][0]
                j = first
            elif w == ")":
                k = j
                while k > lo and self.tok[k] != "(":
                    k -= 1
                j = k
                first = k
            else:
                break
            j -= 1
        if genitive_pending:
            first = self.next_content(first + 1, i + 1)  # the det belonged to something else
        return first if has_noun else i + 1

    def pick_verb(self, i: int, hi: int) -> tuple[CueVerb, int] | None:
        """Cue verb for a finite form at ``i``; (verb, particle token or -1)."""
        key = (i, hi)
        if key not in self.picked:
            self.picked[key] = self._pick_verb(i, hi)
        return self.picked[key]

    def _pick_verb(self, i: int, hi: int) -> tuple[CueVerb, int] | None:
        lw = self.vlow[i]
        candidates = self.lex.main.get(lw)
        if not candidates:
            return None
        plain = None
        before = i - 1
        while before >= 0 and self.space[before]:
            before -= 1
        for verb in candidates:
            if verb.particle and before >= 0 and self.low[before] == verb.particle:
                return verb, before  # subordinate order: "wie die Polizei bekannt gab"
            if verb.particle:
                # the particle stands at the end of the clause, before , . : or a quote;
                # a date apposition may come first ("gab am Montag, dem 27. März, … bekannt")
                for k in range(i + 1, min(hi, i + 30)):
                    w = self.tok[k]
                    if self.region_of[k] >= 0 or (w in _END_PUNCT and w != "."):
                        break
                    if w == "," and self.low[self.next_content(k + 1, hi)] in _COMPLEMENTIZERS:
                        break
                    if self.low[k] == verb.particle:
                        nxt = self.next_content(k + 1, hi)
                        if (
                            nxt >= hi
                            or self.tok[nxt] in _CLAUSE_PUNCT
                            or self.tok[nxt] in _END_PUNCT
                            or self.region_of[nxt] >= 0
                        ):
                            return verb, k
            elif plain is None:
                plain = verb
        return (plain, -1) if plain else None

    def cue(self, verb: CueVerb, i: int, particle: int) -> Cue:
        if particle >= 0:
            spans = sorted([self.chars(i, i), self.chars(particle, particle)])
            start, end = spans[0][0], spans[1][1]
            if spans[0][1] == spans[1][0] or self.text[spans[0][1] : spans[1][0]].isspace():
                text = self.text[start:end]  # "bekannt gab"
            else:
                text = f"{self.text[spans[0][0] : spans[0][1]]} … {self.text[spans[1][0] : spans[1][1]]}"
            return Cue(start, end, text, verb.lemma, verb.evaluative, spans)
        s, e = self.chars(i, i)
        return Cue(s, e, self.tok[i], verb.lemma, verb.evaluative, [(s, e)])

    def word_cue(self, first: int, last: int, lemma: str) -> Cue:
        s, e = self.chars(first, last)
        return Cue(s, e, self.text[s:e], lemma, False, [(s, e)])

    def has_konjunktiv(self, lo: int, hi: int, strong_only: bool = False) -> str:
        best = ""
        for j in self.within(self.mood_at, lo, hi):
            if self.region_of[j] >= 0 and self.region_kind[self.region_of[j]] == "direct":
                continue
            m = _mood(self.low[j]) if self.tok[j][:1].islower() or j == lo else ""
            if m == "k1":
                return "k1"
            if m == "k2" and not strong_only:
                best = "k2"
        return best

    def quotation(
        self, kind: str, parts: list[tuple[int, int]], speaker: Speaker | None, cue: Cue | None
    ) -> Quotation | None:
        """Quotation from token ranges (first, last) - empty parts dropped."""
        spans = []
        for first, last in parts:
            while first <= last and (self.space[first] or self.tok[first] in (",", ":", ";")):
                first += 1
            while last >= first and (
                self.space[last] or self.tok[last] in (",", ":", ";", "–", "-")
            ):
                last -= 1
            if first <= last:
                spans.append(self.chars(first, last))
        if not spans:
            return None
        spans.sort()
        start, end = spans[0][0], spans[-1][1]
        return Quotation(kind, start, end, self.text[start:end], spans, speaker, cue)

    def strip_end(self, hi: int, lo: int) -> int:
        """Last token before the sentence's final punctuation."""
        j = hi - 1
        while (
            j > lo
            and (
                self.space[j]
                or self.tok[j] in _END_PUNCT
                or self.tok[j] in (")", "“", "”", '"', "«", "»")
            )
            and self.region_of[j] < 0
        ):
            j -= 1
        while j > lo and (self.space[j] or self.tok[j] in _END_PUNCT):
            j -= 1
        return j

    # -- pass 1: quote regions --------------------------------------------------

    def classify_regions(self) -> None:
        for k, r in enumerate(self.regions):
            lo, hi = self.region_tokens[k]
            inner = [
                j
                for j in range(lo, hi)
                if is_word(self.tok[j])
                and self.idx[j] >= r.inner_start
                and self.end[j] <= max(r.inner_end, r.inner_start + 1) + 1
            ]
            words = [self.tok[j] for j in inner]
            if not words:
                self.region_kind[k] = "other"
                continue
            n = len(words)
            function = self.words["title_function"]
            lower = sum(1 for w in words[1:] if w[:1].islower() and w not in function)
            inner_text = r.inner_text.strip()
            terminal = inner_text[-1:] in ".!?…"
            framed = self.region_framed(k, lo, hi)
            if (
                lower == 0
                and not terminal
                and n <= 10
                and not framed
                and not words[0][:1].islower()
            ):
                self.region_kind[k] = "title" if self.title_context(lo, hi, words) else "scare"
                if n >= 2 and words[0][:1].isupper():
                    self.region_kind[k] = "title"
                continue
            if framed or (n >= 4 and (lower or terminal)) or (terminal and n >= 2):
                self.region_kind[k] = "direct"
            elif n == 1 and self.ironic_verb(inner[0], lo, hi):
                self.region_kind[k] = "scare"  # um ihn zu „informieren“; wurde „informiert“
            elif self.cue_verb_before(lo):
                self.region_kind[k] = "direct"  # "bezeichnete den Plan als „Unsinn“"
            else:
                self.region_kind[k] = "scare"

    def ironic_verb(self, j: int, lo: int, hi: int) -> bool:
        """A single quoted verb form: the author distancing from a word, not a quotation."""
        w = self.low[j]
        if not self.tok[j][:1].islower():
            return False
        if w.endswith(("ieren", "iert", "ierte")):
            return True
        before = lo - 1
        while before >= 0 and self.space[before]:
            before -= 1
        after = self.next_content(hi, self.n)
        following = self.low[after] if after < self.n else ""
        return w.endswith("en") and (
            (before >= 0 and self.low[before] == "zu") or following in _AUXILIARIES
        )

    def cue_verb_before(self, lo: int) -> bool:
        """A speech verb earlier in the sentence ("nannte die Bewerbung „sehr respektabel“")."""
        s_lo = self.sentence_start(lo)
        for j in range(lo - 1, max(s_lo, lo - 30) - 1, -1):
            if self.region_of[j] >= 0:
                continue
            lw = self.vlow[j]
            if lw in self.lex.joined:
                return True
            if lw in self.lex.main and self.pick_verb(j, lo + 1):
                return not self.foreign_particle(j, lo)
        return False

    def foreign_particle(self, v: int, hi: int) -> bool:
        """A separable particle at the clause end makes another verb ("rief … an" is not "rufen")."""
        got = self.pick_verb(v, hi)
        if got and got[1] >= 0:
            return False
        for k in range(v + 1, hi):
            if self.tok[k] in _CLAUSE_PUNCT or self.tok[k] in _END_PUNCT or self.region_of[k] >= 0:
                return self.low[k - 1] in _PARTICLES and k - 1 > v
        return hi - 1 > v and self.low[hi - 1] in _PARTICLES

    def region_framed(self, k: int, lo: int, hi: int) -> bool:
        """A colon before it, or a cue verb right after its closing mark."""
        j = lo - 1
        while j >= 0 and self.space[j]:
            j -= 1
        if j >= 0 and self.tok[j] == ":":
            return True
        j = self.next_content(hi, self.n)
        if j < self.n and self.tok[j] == ",":
            j = self.next_content(j + 1, self.n)
            if j < self.n and (
                self.vlow[j] in self.lex.main
                or self.low[j] == "so"
                or self.low[j] in ("heißt", "hieß")
            ):
                return True
        return False

    def title_context(self, lo: int, hi: int, words: list[str]) -> bool:
        if any(ch in "".join(words) for ch in ".0123456789") or all(
            w.isupper() and len(w) > 1 for w in words
        ):
            return True
        j = lo - 1
        while j >= 0 and self.space[j]:
            j -= 1
        before = self.low[j] if j >= 0 else ""
        before2 = self.low[j - 1] if j >= 1 else ""
        ctx = self.words["title_context"]
        if (
            before in ("laut", "gemäß")
            or before in ctx
            or before2 in ctx
            or before.endswith(("zeitung", "sender", "magazin", "agentur"))
        ):
            return True
        if before in ("der", "die", "das", "des", "dem") and before2 in (
            "wie",
            "laut",
            "dem",
            "der",
        ):
            return True
        k = self.next_content(hi, self.n)
        return k < self.n and self.low[k] in _TITLE_FOLLOWERS

    # -- pass 2: frames of direct quotes --------------------------------------

    def direct_quotes(self) -> None:
        k = 0
        regions = self.regions
        while k < len(regions):
            if self.region_kind[k] != "direct":
                k += 1
                continue
            lo, hi = self.region_tokens[k]
            parts = [(lo, hi - 1)]
            speaker = cue = None
            frame_end = -1
            # frame after: „…“, sagte X (, „…“)
            j = self.next_content(hi, self.n)
            if j < self.n and self.tok[j] == "," and not self.new_paragraph(hi - 1, j):
                v = self.next_content(j + 1, self.n)
                sent_hi = self.sentence_end(v)
                if v < self.n:
                    got = self.frame_after(v, sent_hi)
                    if got:
                        speaker, cue, frame_end = got
            if speaker is None and cue is None:
                before = self.frame_before(lo)
                if before:
                    speaker, cue = before
                else:
                    speaker = self.colon_subject(lo)
            # continuation: „…“, sagte er, „…“
            if frame_end >= 0:
                m = self.next_content(frame_end + 1, self.n)
                if m < self.n and self.tok[m] in (",", ":"):
                    m = self.next_content(m + 1, self.n)
                if (
                    k + 1 < len(regions)
                    and m < self.n
                    and self.region_of[m] == k + 1
                    and self.region_kind[k + 1] in ("direct", "scare")
                ):
                    lo2, hi2 = self.region_tokens[k + 1]
                    parts.append((lo2, hi2 - 1))
                    self.region_kind[k + 1] = "direct"
                    q = self.direct_quotation([k, k + 1], speaker, cue)
                    if q:
                        self.region_quote[k] = self.region_quote[k + 1] = q
                        self.quotes.append(q)
                    k += 2
                    continue
            q = self.direct_quotation([k], speaker, cue)
            if q:
                self.region_quote[k] = q
                self.quotes.append(q)
            k += 1

    def direct_quotation(
        self, regions: list[int], speaker: Speaker | None, cue: Cue | None
    ) -> Quotation:
        """A direct quotation spanning whole quote regions, marks included."""
        spans = [(self.regions[k].start, self.regions[k].end) for k in regions]
        start, end = spans[0][0], spans[-1][1]
        return Quotation("direct", start, end, self.text[start:end], spans, speaker, cue)

    def new_paragraph(self, a: int, b: int) -> bool:
        return self.d.paragraph_of_token[a] != self.d.paragraph_of_token[b]

    def sentence_end(self, i: int) -> int:
        k = bisect_left(self.sentences, (i + 1, -1)) - 1
        if 0 <= k < len(self.sentences):
            return self.sentences[k][1]
        return self.n

    def sentence_start(self, i: int) -> int:
        k = bisect_left(self.sentences, (i + 1, -1)) - 1
        if 0 <= k < len(self.sentences):
            return self.sentences[k][0]
        return 0

    def colon_subject(self, lo: int) -> Speaker | None:
        """ "Der Bundestrainer zeigte sich zufrieden: „…“" - the sentence subject introduces the quote."""
        j = lo - 1
        while j >= 0 and self.space[j]:
            j -= 1
        if j < 0 or self.tok[j] != ":":
            return None
        s_lo = self.sentence_start(lo)
        head = self.next_content(s_lo, j)
        lw = self.low[head] if head < j else ""
        if (
            not lw
            or lw in self.words["preposition"]
            or lw in self.words["adverb"]
            or lw in _SUBORDINATORS - self.words["determiner"]
        ):
            return None
        last = self.np_forward(head, j)
        if last < head or last >= j - 1:
            return None
        return self.make_speaker(head, last)

    def frame_after(self, v: int, hi: int) -> tuple[Speaker | None, Cue, int] | None:
        """``sagte X`` / ``so X`` / ``hieß es`` at token ``v``; returns speaker, cue, last frame token."""
        lw = self.low[v]
        if lw == "so":
            last = self.np_forward(v + 1, hi)
            if last > v:
                last = self.apposition(last, hi)
                return self.make_speaker(v + 1, last), self.word_cue(v, v, "so"), last
            return None
        if (
            lw in ("heißt", "hieß")
            and v + 1 < hi
            and self.low[self.next_content(v + 1, hi)] == "es"
        ):
            e = self.next_content(v + 1, hi)
            last = self.frame_tail(e + 1, hi)
            return None, self.word_cue(v, e, "heißen"), last
        got = self.pick_verb(v, hi)
        if not got:
            # "…“, wie X sagte."
            if lw == "wie":
                j = v + 1
                while (
                    j < hi
                    and j - v < 12
                    and self.tok[j] not in _CLAUSE_PUNCT
                    and self.tok[j] not in _END_PUNCT
                ):
                    verbs = self.lex.joined.get(self.vlow[j]) or self.lex.main.get(self.vlow[j])
                    if verbs:
                        s = self.make_speaker(v + 1, j - 1)
                        return s, self.cue(verbs[0], j, -1), j
                    j += 1
            return None
        verb, particle = got
        last = self.np_forward(v + 1, hi)
        if last > v:
            last = self.apposition(last, hi)
        speaker = self.make_speaker(v + 1, last) if last > v else None
        if speaker is None:
            # "sagte am Montag Trump": skip a short adverbial
            j = v + 1
            while (
                j < hi
                and j - v < 6
                and not _is_cap(self.tok[j])
                and self.tok[j] not in _CLAUSE_PUNCT
            ):
                j += 1
            if j < hi and _is_cap(self.tok[j]):
                last = self.np_forward(j, hi)
                speaker = self.make_speaker(j, last) if last >= j else None
        tail = self.frame_tail(max(last, particle, v) + 1, hi)
        return speaker, self.cue(verb, v, particle), tail

    def frame_tail(self, i: int, hi: int) -> int:
        """Last token of a frame: up to the next comma or the sentence end."""
        j = i
        last = i - 1
        while j < hi:
            w = self.tok[j]
            if w in (",", ":", ";") or w in _END_PUNCT or self.region_of[j] >= 0:
                break
            last = j
            j += 1
        return last

    def frame_before(self, lo: int) -> tuple[Speaker | None, Cue] | None:
        """``X sagte: „…“`` - nearest cue verb before the quote in its sentence."""
        s_lo = self.sentence_start(lo)
        j = lo - 1
        while j >= s_lo:
            if self.region_of[j] >= 0:
                return None
            got = self.pick_verb(j, lo)
            if got:
                verb, particle = got
                return self.subject_of(j, s_lo, lo), self.cue(verb, j, particle)
            verbs = self.lex.joined.get(self.vlow[j])
            if verbs:
                return self.subject_of(j, s_lo, lo), self.cue(verbs[0], j, -1)
            if self.low[j] in ("laut",):
                last = self.np_forward(j + 1, lo)
                return self.make_speaker(j + 1, last), self.word_cue(j, j, "laut")
            j -= 1
        return None

    def subject_of(self, v: int, s_lo: int, hi: int) -> Speaker | None:
        """Subject of the clause whose cue verb is at ``v`` (V2 pre-field or after the verb)."""
        c = self.clause_start(v, s_lo)
        # the finite verb: an auxiliary before a participle, else the cue itself
        fin = v
        for j in range(c, v):
            if self.low[j] in _AUXILIARIES and self.tok[j][:1].islower():
                fin = j
                break
        first = self.next_content(c, fin)
        if (
            first < fin
            and self.low[first] in _SUBORDINATORS
            and self.low[first] not in ("der", "die", "das", "den", "dem")
        ):
            last = self.np_forward(first + 1, v)
            return self.make_speaker(first + 1, last) if last > first else None
        pre = [j for j in range(first, fin) if not self.space[j]]
        if not pre and first > s_lo and self.tok[first - 1] == ",":
            # "Der Direktor der Behörde, Bambang Suryo Aji, sagte, …": subject with apposition
            head = self.next_content(s_lo, first)
            lw0 = self.low[head]
            if (
                (
                    lw0 not in self.words["preposition"]
                    and lw0 not in self.words["adverb"]
                    and lw0 not in _SUBORDINATORS | self.words["determiner"]
                )
                or lw0 in ("der", "die", "das", "ein", "eine")
            ) and first - head <= 25:
                stop = first - 2
                for j in range(head + 1, first - 1):
                    if (
                        self.tok[j] == ","
                        and self.low[self.next_content(j + 1, first)] in _RELATIVE
                    ):
                        stop = j - 1
                        break
                return self.make_speaker(head, stop)
        adverbs = self.words["adverb"]
        while (
            len(pre) > 1 and self.low[pre[0]] in adverbs and self.low[pre[0]] not in ("das", "dies")
        ):
            pre = pre[1:]  # "Auch sie forderten …"
        if pre and self.low[pre[-1]] in ("und", "sowie", "oder", "aber"):
            # "X dankte … und ergänzte, …": the subject of the first conjunct
            lead = pre[0]
            if self.tok[lead][:1].islower() and self.low[lead] not in self.words["determiner"]:
                lead += 1  # "…, biss der Randalierer den Fluggast und rief: …"
            elif self.low[lead] in self.words["preposition"] or self.low[lead] in adverbs:
                return None
            last = self.np_forward(lead, pre[-1])
            return self.make_speaker(lead, last) if last >= lead else None
        if pre and len(pre) > 1:
            last = self.np_forward(pre[0], fin)
            if pre[0] <= last < pre[-1] and len(pre) > 6:
                pre = [j for j in pre if j <= last]
        if pre and c > s_lo and self.tok[c - 1] == "," and self.low[pre[0]] not in _SUBORDINATORS:
            # "Stephen Singer, ein Klimaexperte vom WWF, erklärte": name plus apposition
            head = self.next_content(s_lo, c)
            if (
                self.np_forward(head, c - 1) >= c - 2
                and self.low[head] not in self.words["preposition"]
            ):
                pre = [head, *pre]
        lw0 = self.low[pre[0]] if pre else ""
        single_adverb = len(pre) == 1 and (
            lw0 in self.words["adverb"] or lw0.endswith(("lich", "ig", "weise", "ens"))
        )
        if (
            pre
            and lw0 not in self.words["preposition"]
            and not (lw0 in self.words["adverb"] and lw0 not in self.words["determiner"])
            and not single_adverb
            and not self.tok[pre[0]][:1].isdigit()
        ):
            if len(pre) <= 12:
                return self.make_speaker(pre[0], pre[-1])
        last = self.np_forward(fin + 1, hi)
        if last > fin:
            return self.make_speaker(fin + 1, last)
        return None

    # -- pass 3: indirect speech and cue words -------------------------------

    def sentence_pass(self) -> None:
        prev: tuple[int, int] | None = None
        for lo, hi in self.sentences:
            if all(
                self.space[j]
                or (self.region_of[j] >= 0 and self.region_kind[self.region_of[j]] == "direct")
                for j in range(lo, hi)
            ):
                continue
            found = self.anaphoric_frame(lo, hi, prev)
            # the other rules start from a cue verb or cue word outside the quote marks
            cued = self.within(self.verb_at, lo, hi) or self.within(self.prep_at, lo, hi)
            if not found and cued:
                found = (
                    self.verb_frames(lo, hi)
                    or self.word_cues(lo, hi)
                    or (self.reported(lo, hi) if _REPORTED else [])
                )
            prev = (lo, hi) if not found else None
            for q in found:
                if q:
                    self.quotes.append(q)

    def anaphoric_frame(self, lo: int, hi: int, prev: tuple[int, int] | None) -> list[Quotation]:
        """ "Das berichtete die Zeitung." - the frame points back to the previous sentence."""
        first = self.next_content(lo, hi)
        if prev is None or first >= hi or self.low[first] not in ("das", "dies", "dieses"):
            return []
        v = self.next_content(first + 1, hi)
        if v >= hi or self.vlow[v] not in self.lex.main:
            return []
        got = self.pick_verb(v, hi)
        if not got or got[0].medium == "thought":
            return []
        p_lo, p_hi = prev
        if self.d.paragraph_of_token[p_lo] != self.d.paragraph_of_token[first]:
            return []
        if any(self.region_of[j] >= 0 and self.in_direct(j) for j in range(p_lo, p_hi)):
            return []
        verb, particle = got
        last = self.np_forward(v + 1, hi)
        speaker = self.make_speaker(v + 1, last) if last > v else None
        q = self.quotation(
            "indirect", [(p_lo, self.strip_end(p_hi, p_lo))], speaker, self.cue(verb, v, particle)
        )
        return [q] if q else []

    def reported(self, lo: int, hi: int) -> list[Quotation]:
        """A speech act only named: "Die Polizei sprach von einem Unfall." (whole sentence)."""
        verbs = self.within(self.verb_at, lo, hi)
        if not verbs or any(self.in_direct(j) for j in range(lo, hi)):
            return []
        for v in verbs:
            lw = self.vlow[v]
            if lw not in self.lex.main or self.region_of[v] >= 0:
                continue
            if lw in self.lex.joined and any(self.low[j] in _AUXILIARIES for j in range(lo, v)):
                continue  # a participle ("wurde verurteilt") names no speech act of a speaker
            got = self.pick_verb(v, hi)
            if not got or not got[0].reported:
                continue
            verb, particle = got
            if verb.reported_with and verb.reported_with not in self.low[v + 1 : min(hi, v + 8)]:
                continue  # "sprach mit Putin" is no report of speech, "sprach von …" is
            if self.foreign_particle(v, hi):
                continue
            speaker = self.subject_of(v, lo, hi)
            if speaker is None:
                continue
            first = self.next_content(lo, hi)
            last = hi - 1
            while last > first and self.space[last]:
                last -= 1
            q = self.quotation("reported", [(first, last)], speaker, self.cue(verb, v, particle))
            return [q] if q else []
        return []

    def in_direct(self, j: int) -> bool:
        r = self.region_of[j]
        return r >= 0 and self.region_kind[r] == "direct"

    def verb_frames(self, lo: int, hi: int) -> list[Quotation]:
        out: list[Quotation] = []
        candidates = self.within(self.verb_at, lo, hi)
        if not candidates:
            return out
        end = self.strip_end(hi, lo)
        # first pass: a postposed frame ("…, sagte Peskow.") governs the whole sentence, even
        # when the quoted part holds cue verbs of its own; second pass: frames before content
        for postposed_pass, v in [(p, v) for p in (True, False) for v in candidates]:
            lw = self.vlow[v]
            got = self.pick_verb(v, hi)
            joined = False
            if not got:
                verbs = self.lex.joined.get(lw)
                if not verbs:
                    continue
                got = (verbs[0], -1)
                joined = True
            verb, particle = got
            prev = v - 1
            while prev >= lo and self.space[prev]:
                prev -= 1
            postposed = (
                not joined and prev >= lo and self.tok[prev] == "," and verb.complement == "any"
            )
            if postposed_pass and not postposed:
                continue
            # postposed frame: "…, sagte Peskow." / "…, so X" handled in word cues
            if postposed and postposed_pass:
                if any(self.in_direct(j) for j in range(lo, prev)):
                    continue
                last = self.np_forward(v + 1, hi)
                lead = self.next_content(lo, prev)
                only_np = (
                    self.np_forward(lead, prev) >= prev - 1 or self.low[lead] in _SUBORDINATORS
                )
                if last > v and not (
                    particle > v and self.tok[self.next_content(particle + 1, hi)] == ","
                    if self.next_content(particle + 1, hi) < hi
                    else False
                ):
                    tail = self.frame_tail(max(last, particle) + 1, hi)
                    after = self.next_content(tail + 1, hi)
                    middle = after < hi and self.tok[after] == "," and after < end
                    middle_speech = middle and self.has_konjunktiv(after + 1, end + 1)
                    if (only_np or not self.clause_like(lo, prev)) and not (
                        self.has_konjunktiv(lo, prev) or middle_speech
                    ):
                        continue
                    if not middle:
                        last = self.apposition(last, hi)
                    speaker = self.make_speaker(v + 1, last)
                    q_lo = self.clause_content_start(lo, prev)
                    parts = [(q_lo, prev - 1)]
                    if middle:
                        parts.append((after + 1, end))
                    q = self.quotation("indirect", parts, speaker, self.cue(verb, v, particle))
                    if q and q_lo < prev - 1:
                        out.append(q)
                        return out
                    continue
            # "wie X mitteilte, …" or "…, wie X mitteilte."
            c = self.clause_start(v, lo)
            first = self.next_content(c, v)
            if self.low[first] == "wie" and first < v:
                speaker_last = self.np_forward(first + 1, v)
                speaker = (
                    self.make_speaker(first + 1, speaker_last) if speaker_last > first else None
                )
                cue = self.cue(verb, v, particle)
                nxt = self.next_content(max(v, particle) + 1, hi)
                if nxt < hi and self.tok[nxt] == "," and first == self.next_content(lo, hi):
                    q = self.quotation("indirect", [(nxt + 1, end)], speaker, cue)
                elif first > lo and self.tok[first - 1] == ",":
                    q = self.quotation("indirect", [(lo, first - 1)], speaker, cue)
                else:
                    continue
                if q:
                    return [q]
                continue
            # pre-frame: "X sagte(, dass | , er habe …)"
            j = max(v, particle) + 1
            while (
                j < hi
                and j - v < 14
                and self.tok[j] not in (",", ":")
                and self.tok[j] not in _END_PUNCT
                and self.region_of[j] < 0
            ):
                j += 1
            if j >= hi or self.tok[j] not in (",", ":"):
                if j < hi and self.in_direct(j):
                    continue
                continue
            comma = j
            # the particle may follow the complement-taking verb's object: "teilte dem Sender mit,"
            if verb.particle and particle < 0 and not joined:
                continue
            k = self.next_content(comma + 1, hi)
            if k >= hi or k > end:
                continue
            if self.in_direct(k):
                continue  # the direct quote carries this frame
            clause_hi = self.clause_end(k, end)
            kind = ""
            if self.low[k] in _COMPLEMENTIZERS and self.low[k] not in ("weil", "wie", "was", "wer"):
                kind = "indirect"
            elif verb.complement == "any" and self.has_konjunktiv(k, clause_hi + 1):
                kind = "indirect"
            elif self.low[k] not in ("um", "ohne", "statt", "anstatt") and self.zu_infinitive(
                k, clause_hi
            ):
                kind = "indirect"
            elif (
                _INDICATIVE_COMPLEMENT
                and verb.complement == "any"
                and verb.medium != "thought"
                and self.tok[comma] == ","
                and self.v2_clause(k, clause_hi)
            ):
                kind = "indirect"  # "Er erklärte, die Enten waren infiziert."
            if not kind:
                continue
            speaker = self.subject_of(v, lo, comma)
            q = self.quotation("indirect", [(k, clause_hi)], speaker, self.cue(verb, v, particle))
            if q:
                out.append(q)
                return out
        return out

    def clause_end(self, k: int, end: int) -> int:
        """End of a content clause: before ", konnte der Minister …" or ", womit …"."""
        for j in range(k + 1, end):
            if self.tok[j] != "," or self.region_of[j] >= 0:
                continue
            nxt = self.next_content(j + 1, end + 1)
            if nxt > end:
                break
            lw = self.low[nxt]
            if (
                lw in _AUXILIARIES
                or lw in _CLAUSE_BREAKERS
                or (lw in self.lex.main and self.tok[nxt][:1].islower() and not _mood(lw))
            ):
                return j - 1
        return end

    def zu_infinitive(self, lo: int, hi: int) -> bool:
        """An infinitive clause with "zu" ("…, den Plan zu prüfen"; "abzuwarten")."""
        last = hi
        while last > lo and not self.tok[last][:1].isalpha():
            last -= 1
        for j in range(max(lo, last - 4), last + 1):
            w = self.low[j]
            if w == "zu" and j < last and self.low[j + 1].endswith("n"):
                return True
            if _ZU_INFIX.match(w):
                return True
        return False

    def v2_clause(self, k: int, hi: int) -> bool:
        """A main clause: subject-like start, then a finite verb in second position."""
        lw = self.low[k]
        if lw in _SUBORDINATORS and lw not in ("der", "die", "das", "den", "dem"):
            return False
        if hi - k < 2:
            return False
        start_ok = (
            lw in self.words["determiner"] or lw in self.words["pronoun"] or _is_cap(self.tok[k])
        )
        if not start_ok:
            return False
        end = self.np_forward(k, hi + 1)
        if end < k:
            end = k
        nxt = self.next_content(end + 1, hi + 1)
        return nxt <= hi and self.tok[nxt][:1].islower() and self.tok[nxt].isalpha()

    def clause_like(self, lo: int, hi: int) -> bool:
        """Some lowercase word other than articles and adjectives: a clause, not a bare noun phrase."""
        skip = self.words["determiner"] | self.words["title_function"] | self.words["preposition"]
        for j in range(lo, hi):
            t = self.tok[j]
            if (
                t[:1].islower()
                and t.isalpha()
                and self.low[j] not in skip
                and not _adjective_like(t)
            ):
                return True
            if self.vlow[j] and (self.vlow[j] in _AUXILIARIES or _mood(self.vlow[j])):
                return True
        return False

    def clause_content_start(self, lo: int, hi: int) -> int:
        """Where a quoted clause before a postposed frame starts (after a leading conjunction)."""
        first = self.next_content(lo, hi)
        return first

    def word_cues(self, lo: int, hi: int) -> list[Quotation]:
        cues = self.within(self.prep_at, lo, hi)
        if not cues:
            return []
        end = self.strip_end(hi, lo)
        for j in cues:
            lw = self.low[j]
            entry = self.preps.get(lw)
            if not entry:
                continue
            position, requires = entry
            if (
                position == "before"
                and requires
                and j > lo
                and self._requires(self.low[j - 1], requires)
            ):
                position = "after"  # "seiner Meinung nach", "eigenen Angaben nach"
            if position == "before":
                start = j + 1
                if requires:
                    nxt = self.next_content(j + 1, hi)
                    k = nxt
                    while k < hi and (
                        _adjective_like(self.tok[k]) or self.low[k] in self.words["determiner"]
                    ):
                        k += 1
                    if k >= hi or not self._requires(self.low[k], requires):
                        continue
                    start = nxt
                if start >= hi:
                    continue
                if self.low[start] in ("denen", "dem", "der", "dessen", "deren", "welchem") and (
                    start > lo and self.tok[j - 1] == ","
                ):
                    last = start  # "…, laut denen jeder Deutsche …": the relative pronoun
                else:
                    last = self.np_forward(start, hi)
                if last < start:
                    continue
                speaker = self.make_speaker(start, last)
                parts = [(lo, j - 1), (last + 1, end)]
                q = self.quotation("indirect", parts, speaker, self.word_cue(j, j, lw))
                if q and self._enough(q):
                    return [q]
            elif position == "after":
                first = self.np_backward(j - 1, lo)
                if first >= j:
                    continue
                speaker = self.make_speaker(first, j - 1)
                q = self.quotation(
                    "indirect", [(lo, first - 1), (j + 1, end)], speaker, self.word_cue(j, j, lw)
                )
                if q and self._enough(q):
                    return [q]
            elif position == "clause_end":
                prev = j - 1
                while prev >= lo and self.space[prev]:
                    prev -= 1
                if prev < lo or self.tok[prev] != ",":
                    continue
                np_start = j + 1
                nxt = self.next_content(j + 1, hi)
                if nxt < hi and self.vlow[nxt] in self.lex.main:
                    np_start = nxt + 1  # "…, so schrieb die Sängerin."
                last = self.np_forward(np_start, hi)
                if last < np_start:
                    continue
                tail = self.frame_tail(last + 1, hi)
                after = self.next_content(tail + 1, hi)
                if not (after >= end or self.tok[after] in _END_PUNCT or self.tok[after] == ","):
                    continue
                speaker = self.make_speaker(np_start, last)
                parts = [(lo, prev - 1)]
                if after < end and self.tok[after] == ",":
                    parts.append((after + 1, end))
                q = self.quotation("indirect", parts, speaker, self.word_cue(j, j, "so"))
                if q and self._enough(q):
                    return [q]
            elif position == "self":
                if lw == "demnach":
                    speaker = self.make_speaker(j, j)
                    if speaker:
                        speaker.speaker_type = "anonymous"
                    q = self.quotation(
                        "indirect", [(lo, j - 1), (j + 1, end)], speaker, self.word_cue(j, j, lw)
                    )
                else:
                    prev = j - 1
                    while prev >= lo and (self.space[prev] or self.tok[prev] == ","):
                        prev -= 1
                    first = self.np_backward(prev, lo)
                    speaker = self.make_speaker(first, prev) if first <= prev else None
                    q = self.quotation("indirect", [(j + 1, end)], speaker, self.word_cue(j, j, lw))
                if q and self._enough(q):
                    return [q]
            elif position == "phrase":
                es = self.next_content(j + 1, hi)
                if es >= hi or self.low[es] != "es":
                    continue
                prev = j - 1
                while prev >= lo and self.space[prev]:
                    prev -= 1
                cue = self.word_cue(j, es, "heißen")
                tail = self.frame_tail(es + 1, hi)
                speaker = None
                if prev >= lo and self.tok[prev] == ",":
                    if tail > es:
                        speaker = self.make_speaker(self.next_content(es + 1, hi), tail)
                    q = self.quotation("indirect", [(lo, prev - 1)], speaker, cue)
                else:
                    if (
                        prev >= lo
                        and self.low[self.next_content(lo, hi)] in self.words["preposition"]
                    ):
                        speaker = self.make_speaker(self.next_content(lo, hi) + 1, prev)
                    nxt = self.next_content(tail + 1, hi)
                    if nxt >= hi or self.tok[nxt] not in (",", ":"):
                        continue
                    q = self.quotation("indirect", [(nxt + 1, end)], speaker, cue)
                if q and self._enough(q):
                    return [q]
        return []

    @staticmethod
    def _requires(word: str, requires: tuple[str, ...]) -> bool:
        words, endings = _requirement_sets(requires)
        return word in words or word.endswith(endings)

    def _enough(self, q: Quotation) -> bool:
        return sum(e - s for s, e in q.spans) >= 12

    # -- pass 4: free indirect speech and nesting ----------------------------

    def free_indirect(self) -> None:
        self.quotes.sort(key=lambda q: q.start)
        starts = [q.start for q in self.quotes]
        # a direct quote inside a Konjunktiv sentence ("Daten seien „sehr relevant“.") is
        # nested in it, so only quotes that open their sentence block it
        taken = [
            (q.start, q.end) if q.kind != "direct" or self.opens_sentence(q.start) else (-1, -1)
            for q in self.quotes
        ]
        result: list[Quotation] = []
        last_speaker: Speaker | None = None
        last_end_sentence = -10
        qi = 0
        prev_fi: Quotation | None = None
        for si, (lo, hi) in enumerate(self.sentences):
            s_start, s_end = self.idx[lo], self.end[hi - 1]
            while qi < len(self.quotes) and self.quotes[qi].start < s_end:
                q = self.quotes[qi]
                if q.speaker is not None or q.kind != "direct":
                    last_speaker = q.speaker  # a source-less report ends the chain
                last_end_sentence = si
                qi += 1
                prev_fi = None
            k = bisect_left(starts, s_end)
            overlaps = any(s < s_end and e > s_start for s, e in taken[max(0, k - 3) : k + 1])
            if overlaps:
                continue
            mood = self.has_konjunktiv(lo, hi)
            if not mood:
                prev_fi = None
                continue
            recent = si - last_end_sentence <= (3 if mood == "k1" else 1)
            if mood == "k2" and not recent:
                continue
            if mood == "k1" and not recent and last_speaker is None:
                pass
            first = self.next_content(lo, hi)
            last = hi - 1
            while last > first and self.space[last]:
                last -= 1
            speaker = last_speaker if si - last_end_sentence <= _FI_REACH else None
            if prev_fi is not None and prev_fi.speaker is speaker:
                s, e = self.chars(first, last)
                prev_fi.spans.append((s, e))
                prev_fi.end = e
                prev_fi.text = self.text[prev_fi.start : e]
                last_end_sentence = si
                continue
            found = self.quotation("free_indirect", [(first, last)], speaker, None)
            if found:
                result.append(found)
                prev_fi = found
                last_end_sentence = si
        self.quotes.extend(result)
        self.quotes.sort(key=lambda q: q.start)

    def sentence_subject(self, lo: int, hi: int) -> Speaker | None:
        """The noun phrase that opens a sentence (its V2 subject), if it opens with one."""
        if self.d.paragraph_of_token[lo] != self.d.paragraph_of_token[hi - 1]:
            return None
        head = self.next_content(lo, hi)
        if head >= hi:
            return None
        lw = self.low[head]
        if (
            lw in self.words["preposition"]
            or lw in self.words["adverb"]
            or lw in _SUBORDINATORS - self.words["determiner"]
            or lw in ("es", "man", "ich", "wir", "du", "ihr")
            or not (_is_cap(self.tok[head]) or lw in self.words["determiner"])
        ):
            return None
        last = self.np_forward(head, hi)
        nxt = self.next_content(last + 1, hi)
        if last < head or nxt >= hi or not self.vlow[nxt]:
            return None  # the noun phrase must be followed by the finite verb
        if not any(
            self.vlow[j] in self.lex.main or self.vlow[j] in self.lex.joined for j in range(nxt, hi)
        ):
            return None  # and the sentence must speak of speech or thought
        return self.make_speaker(head, last)

    def opens_sentence(self, start: int) -> bool:
        i = bisect_left(self.idx, start)
        return i < self.n and self.sentence_start(i) == i

    def nest(self) -> None:
        """Quote regions inside an indirect or reported quotation become nested direct quotes."""
        top = sorted((q for q in self.quotes if q.kind != "direct"), key=lambda q: q.start)
        directs = {id(q) for q in self.quotes if q.kind == "direct"}
        # The first (by start) non-direct quotation that contains [start, end), found by
        # bisection on starts and on the running maximum of ends: linear, not quadratic.
        top_starts = [p.start for p in top]
        reach: list[int] = []
        for p in top:
            reach.append(max(reach[-1], p.end) if reach else p.end)

        def container(start: int, end: int) -> Quotation | None:
            last = bisect_right(top_starts, start) - 1
            first = bisect_left(reach, end)
            return top[first] if first <= last else None

        keep: list[Quotation] = []
        for q in self.quotes:
            if id(q) in directs:
                parent = container(q.start, q.end)
                if parent is not None:
                    q.parent = parent
                    if q.speaker is None:
                        q.speaker = parent.speaker
                    parent.nested.append(q)
                    continue
            keep.append(q)
        for k, r in enumerate(self.regions):
            if self.region_kind[k] != "scare":
                continue
            parent = container(r.start, r.end)
            if parent is None:
                continue
            child = Quotation(
                "direct",
                r.start,
                r.end,
                r.text,
                [(r.start, r.end)],
                parent.speaker,
                parent.cue,
                parent=parent,
            )
            parent.nested.append(child)
            self.region_kind[k] = "nested"
        self.quotes = keep

    def sentence_gap(self, a: int, b: int) -> int:
        """How many sentence starts lie between two character offsets."""
        ia, ib = bisect_left(self.idx, a), bisect_left(self.idx, b)
        return bisect_left(self.sentences, (ib, -1)) - bisect_left(self.sentences, (ia, -1))

    def resolve_pronouns(self) -> None:
        last_named: Speaker | None = None
        for q in self.quotes:
            s = q.speaker
            if s is None:
                continue
            if s.speaker_type == "named" and (q.cue is None or q.cue.lemma not in self.preps):
                last_named = s  # "nach Darstellung Moskaus" is no antecedent for "er"
            elif s.speaker_type == "pronoun" and last_named is not None and s.resolved is None:
                s.resolved = TextSpan(last_named.start, last_named.end, last_named.text, "speaker")

    def run(self) -> tuple[list[Quotation], list[TextSpan], list[TextSpan]]:
        self.classify_regions()
        self.direct_quotes()
        # direct quotes without frame: the most recent speaker
        self.sentence_pass()
        self.quotes.sort(key=lambda q: q.start)
        last: Speaker | None = None
        last_end = 0
        for q in self.quotes:
            if (
                q.kind == "direct"
                and q.speaker is None
                and q.cue is None
                and last is not None
                and self.sentence_gap(last_end, q.start) <= 2
                and self.opens_sentence(q.start)
            ):
                q.speaker = last
            if q.speaker is not None:
                last = q.speaker
                last_end = q.end
        self.free_indirect()
        self.nest()
        self.resolve_pronouns()
        for k, r in enumerate(self.regions):
            span = TextSpan(r.start, r.end, r.text, self.region_kind[k])
            if self.region_kind[k] == "scare":
                self.scare.append(TextSpan(r.start, r.end, r.text, "scare_quote"))
            elif self.region_kind[k] == "title":
                self.titles.append(TextSpan(span.start, span.end, span.text, "title"))
        return self.quotes, self.scare, self.titles


def detect(doc: Document) -> tuple[list[Quotation], list[TextSpan], list[TextSpan]]:
    """Quotations (top level, reading order), scare quotes and titles of a parsed text.

    Never raises on text: should a rule fail on some odd input, the quote-marked
    passages are still returned as direct quotations without attribution, with a warning.
    """
    try:
        return _Detector(doc).run()
    except Exception as exc:  # pragma: no cover - a safety net, the tests find no such input
        import warnings

        warnings.warn(
            f"mediakit.find_quotes: attribution rules failed ({type(exc).__name__}: {exc}); "
            "returning quote-marked passages only",
            RuntimeWarning,
            stacklevel=3,
        )
        plain = [
            Quotation("direct", r.start, r.end, r.text, [(r.start, r.end)])
            for r in doc.quote_regions
            if r.depth == 0 and sum(ch.isalpha() for ch in r.text) > 20
        ]
        return plain, [], []
