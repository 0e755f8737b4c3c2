"""The read-only token and sentence view of one :class:`~mediakit.document.Document`.

Built once per text; every rule reads these plain lists (no spaCy tokens). The one
shared, written state is ``kinds``: the label of each quote region (direct, scare,
title, nested, other), which the region rule sets and later rules refine.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from operator import itemgetter

from ..document import Document, QuoteRegion
from ..tables import load_table
from .lexicon import CueVerb, cue_lexicon, preposition_cues
from .model import Cue, Quotation, Speaker
from .words import (
    _CLAUSE_PUNCT,
    _COMPLEMENTIZERS,
    _END_PUNCT,
    _FLAG_ACT,
    _FLAG_ACT_NEEDS,
    _FLAG_ACT_PARTICLE,
    _FLAG_AUX,
    _FLAG_BOUND,
    _FLAG_CLAUSE_MARK,
    _FLAG_CUE_NEED,
    _FLAG_DASS,
    _FLAG_DEMONSTRATIVE,
    _FLAG_K1,
    _FLAG_PARTICIPLE,
    _FLAG_PRONOUN,
    _FLAG_STRONG_MOOD,
    _FLAG_WIE,
    _FLAG_ZU,
    _FRONTED_PASSIVE_AUX,
    _MAX_SENTENCE_TOKENS,
    _PARTICLES,
    _ROLE_CUE_NOUN,
    _ROLE_CUE_VERB,
    _ROLE_CUE_WORD,
    _ROLE_KONJUNKTIV,
    _THIRD_PERSON,
    _mood,
    _regular_k1,
    _start_flags,
    _token_forms,
    _words,
    act_particles,
    act_requirements,
    bound_particles,
)


class Context:
    """Read-only token and sentence view of one Document, plus the region labels the rules agree on."""

    # one view per text, read in every rule: slots, no instance dict to build and fill
    __slots__ = (
        "d",
        "echo_of",
        "end",
        "idx",
        "known_names",
        "lex",
        "low",
        "mood_at",
        "n",
        "noun_at",
        "picked",
        "prep_at",
        "preps",
        "quotes",
        "region_kind",
        "region_of",
        "region_quote",
        "region_starts",
        "region_tokens",
        "regions",
        "regular_k1",
        "sentences",
        "space",
        "text",
        "tok",
        "verb_at",
        "vlow",
        "words",
    )

    def __init__(self, doc: Document) -> None:
        self.d = doc
        text = self.text = doc.text
        starts, ends, texts = doc.token_starts, doc.token_ends, doc.token_texts
        n = self.n = len(texts)
        size = len(text)
        # one empty sentinel token at the end, so a look-ahead never runs off the lists
        self.idx = idx = [*starts, size]
        self.end = [*ends, size]
        self.tok = tok = [*texts, ""]
        forms = document_forms(doc)  # the sentinel's forms are ("", "", 0)
        self.low = low = [*map(_LOW, forms), ""]
        # verbs are written in lowercase: "Berichte" is a noun, "berichte" a verb form
        self.vlow = [*map(_VERB, forms), ""]
        # per token its roles and what the pre-check reads (no_starting_point, which
        # keeps them): whether a pronoun, a form in -e or a participle stands anywhere
        flags = doc.cache.get("quotes.start_flags")
        if flags is None:
            flags = _start_flags(texts)
        # their union, kept by nothing_can_match (both depend on the token texts only)
        bits = doc.cache.get("quotes.start_bits")
        if bits is None:
            bits = 0
            for f in set(flags):
                bits |= f
        self.space = space = [*doc.token_is_space, True]
        self.lex = cue_lexicon()
        self.preps = preposition_cues()
        self.words = _words()
        self.quotes: list[Quotation] = []
        # token -> index of the depth-0 quote region that holds it (-1: none)
        self.region_of = region_of = [-1] * (n + 1)
        self.region_tokens: list[tuple[int, int]] = []
        if doc.quote_regions:
            self.regions = continued_regions(doc)
            for k, r in enumerate(self.regions):
                lo = bisect_left(idx, r.start)
                hi = bisect_left(idx, r.end)
                self.region_tokens.append((lo, hi))
                region_of[lo:hi] = [k] * (hi - lo)
            self.region_kind = [""] * len(self.regions)
            self.region_starts = [lo for lo, _ in self.region_tokens]
        else:  # most single sentences: no quote region
            self.regions, self.region_kind, self.region_starts = [], [], []
        self.region_quote: dict[int, Quotation] = {}
        # region -> the direct quote region whose text it repeats (rules.regions.echoes)
        self.echo_of: dict[int, int] = {}
        # pick_verb reads only the tokens, so several rules asking for one verb share it
        self.picked: dict[tuple[int, int], tuple[CueVerb, int] | None] = {}
        # the person names the text introduces (rules.speakers, computed on first need)
        self.known_names: frozenset[str] | None = None
        # sentences as token ranges, whitespace tokens trimmed
        self.sentences: list[tuple[int, int]] = []
        for s in doc.sentences:
            lo = bisect_left(idx, s.start)
            hi = bisect_left(idx, s.end)
            # an endless "sentence" (no punctuation) is read in windows, so that the
            # rules stay linear in the length of the text
            while hi - lo > _MAX_SENTENCE_TOKENS:
                self.sentences.append((lo, lo + _MAX_SENTENCE_TOKENS))
                lo += _MAX_SENTENCE_TOKENS
            if lo < hi:
                self.sentences.append((lo, hi))
        # The few tokens each rule can start from, found once: the rules then visit
        # only these instead of every token of every sentence.
        # (the flags hold the roles in their low bits)
        # (the forms' third field is a token's roles, the low bits of its flags: the
        # tokens with any role found at C speed, then one pass over those few)
        verb_at: list[int] = []
        prep_at: list[int] = []
        mood_at: list[int] = []
        noun_at: list[int] = []
        self.verb_at, self.prep_at, self.mood_at, self.noun_at = verb_at, prep_at, mood_at, noun_at
        for j in compress(range(n), map(_ROLES, forms)):
            f = flags[j]
            if f & _ROLE_KONJUNKTIV:
                mood_at.append(j)
            if region_of[j] < 0 and not space[j]:  # free: outside quote marks
                if f & _ROLE_CUE_VERB:
                    verb_at.append(j)
                if f & _ROLE_CUE_WORD:
                    prep_at.append(j)
                if f & _ROLE_CUE_NOUN:
                    noun_at.append(j)
        # Konjunktiv I of any verb by its ending: a 3rd-person subject pronoun next to a
        # lowercase form in -e ("er fahre", "biete sie") - the indicative would end in -t
        regular = (
            _regular_konjunktiv(low, tok, n) if bits & _FLAG_PRONOUN and bits & _FLAG_K1 else None
        )
        if regular:
            self.regular_k1 = regular
            self.mood_at = sorted(set(self.mood_at) | regular)
        else:
            self.regular_k1 = set()
        if bits & _FLAG_PARTICIPLE:
            fronted = [
                j
                for j in _fronted_participles(tok, self.low, self.sentences, space)
                if region_of[j] < 0
            ]
            if fronted:
                for j in fronted:
                    self.vlow[j] = self.low[j]
                self.verb_at = sorted(set(self.verb_at) | set(fronted))

    @staticmethod
    def within(positions: list[int], lo: int, hi: int) -> list[int]:
        """The positions in ``[lo, hi)``."""
        return positions[bisect_left(positions, lo) : bisect_left(positions, hi)]

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.idx[first], self.end[last]

    def next_content(self, i: int, hi: int) -> int:
        while i < hi and self.space[i]:
            i += 1
        return i

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
        ends: dict[str, int] | None = None  # particle -> where it ends the clause
        for verb in candidates:
            if verb.particle and before >= 0 and self.low[before] == verb.particle:
                return verb, before  # subordinate order: "wie die Polizei bekannt gab"
            if verb.particle:
                if ends is None:
                    ends = self._clause_end_particles(i, hi, candidates)
                k = ends.get(verb.particle, -1)
                if k >= 0:
                    return verb, k
            elif plain is None:
                plain = verb
        return (plain, -1) if plain else None

    def _clause_end_particles(self, i: int, hi: int, candidates: list[CueVerb]) -> dict[str, int]:
        """The first token after ``i`` holding each candidate's particle at the clause end.

        The particle stands at the end of the clause, before , . : or a quote; a date
        apposition may come first ("gab am Montag, dem 27. März, … bekannt"). One scan
        for all the candidates of a form (they differ only in the particle they look for).
        """
        wanted = {verb.particle for verb in candidates if verb.particle}
        found: dict[str, int] = {}
        tok, low, region_of = self.tok, self.low, self.region_of
        for k in range(i + 1, min(hi, i + 30)):
            w = tok[k]
            if region_of[k] >= 0 or (w in _END_PUNCT and w != "."):
                break
            if w == "," and low[self.next_content(k + 1, hi)] in _COMPLEMENTIZERS:
                break
            lw = low[k]
            if lw in wanted and lw not in found:
                nxt = self.next_content(k + 1, hi)
                if (
                    nxt >= hi
                    or tok[nxt] in _CLAUSE_PUNCT
                    or tok[nxt] in _END_PUNCT
                    or region_of[nxt] >= 0
                ):
                    found[lw] = k
        return found

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
            if not m and j in self.regular_k1:
                m = "k1"
            if m == "k1" and self.low[j].endswith("e") and "ich" in self.low[lo:hi]:
                # "habe ich", "ich halte", "Ich arbeite an … und plane einen Film": the
                # first person's indicative (ich in the same sentence, as its subject)
                continue
            if m == "k1":
                return "k1"
            if m == "k2" and not strong_only:
                best = "k2"
            elif m == "rs" and not best and not strong_only:
                best = "rs"
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
        close = next((k for k in range(j + 1, hi) if self.tok[k] == ")"), -1)
        if close > 0:
            # a closing parenthesis was stripped: keep the parenthesis whole, or - when it
            # is a source note with a verb ("(Wikinews berichtete)") - leave it out
            open_ = next(
                (k for k in range(j, max(lo, j - 12) - 1, -1) if self.tok[k] in ("(", ")")), -1
            )
            if open_ > lo and self.tok[open_] == "(":
                if self.within(self.verb_at, open_, close):
                    j = open_ - 1
                    while j > lo and self.space[j]:
                        j -= 1
                else:
                    j = close
        return j

    def foreign_particle(self, v: int, hi: int) -> bool:
        """A separable particle at the clause end makes another verb ("rief … an" is not "rufen")."""
        got = self.pick_verb(v, hi)
        if got and got[1] >= 0:
            return False
        for k in range(v + 1, hi):
            if self.region_of[k] >= 0 and self.region_kind[self.region_of[k]] != "direct":
                return (
                    False  # "warnte vor „falschen Hoffnungen“": a preposition of the quoted words
                )
            if self.tok[k] in _CLAUSE_PUNCT or self.tok[k] in _END_PUNCT or self.region_of[k] >= 0:
                return self._particle_before(k) and k - 1 > v
        return hi - 1 > v and self._particle_before(hi)

    def _particle_before(self, k: int) -> bool:
        """The word before ``k`` is a separable particle ending its clause.

        "ein" right before quote marks is the article of the quoted phrase ("als ein
        „wichtiges Zeichen“"), not the particle of "einführen".
        """
        word = self.low[k - 1]
        if word == "ein" and k < self.n and self.region_of[k] >= 0:
            return False
        return word in _PARTICLES

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

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding the token at character ``offset``."""
        i = min(max(0, bisect_left(self.idx, offset + 1) - 1), max(0, self.n - 1))
        return self.d.paragraph_of_token[i] if self.n else 0

    def has_direct(self, lo: int, hi: int) -> bool:
        """Some token in ``[lo, hi)`` lies in a direct quotation (by region, not per token)."""
        k = max(0, bisect_left(self.region_starts, lo) - 1)
        while k < len(self.region_tokens) and self.region_tokens[k][0] < hi:
            r_lo, r_hi = self.region_tokens[k]
            if r_hi > lo and r_hi > r_lo and self.region_kind[k] == "direct":
                return True
            k += 1
        return False

    def in_direct(self, j: int) -> bool:
        r = self.region_of[j]
        return r >= 0 and self.region_kind[r] == "direct"

    def opens_sentence(self, start: int) -> bool:
        i = bisect_left(self.idx, start)
        return i < self.n and self.sentence_start(i) == i

    def sentence_gap(self, a: int, b: int) -> int:
        """How many sentence starts lie between two character offsets."""
        ia, ib = bisect_left(self.idx, a), bisect_left(self.idx, b)
        return bisect_left(self.sentences, (ib, -1)) - bisect_left(self.sentences, (ia, -1))


def _regular_konjunktiv(low: list[str], tok: list[str], n: int) -> set[int]:
    """Tokens (below ``n``) in -e next to a 3rd-person pronoun, written in lowercase."""
    return {
        k
        for j in compress(range(len(low)), map(_THIRD_PERSON.__contains__, low))
        for k in (j - 1, j + 1)
        if 0 <= k < n and _regular_k1(low[k]) and tok[k][:1].islower()
    }


def document_forms(doc: Document) -> list[tuple[str, str, int]]:
    """``_token_forms`` of the document's tokens, kept in its cache (the pre-check and
    the :class:`Context` both read them)."""
    forms = doc.cache.get("quotes.token_forms")
    if forms is None:
        forms = doc.cache["quotes.token_forms"] = _token_forms(doc.token_texts)
    return forms


def _fronted_participles(
    tok: list[str], low: list[str], sentences: list[tuple[int, int]], space: list[bool]
) -> list[int]:
    """Sentence-initial participles of cue verbs before a passive auxiliary.

    "Gefordert wird eine Untersuchung.", "Kritisiert wurde die späte Warnung." - the
    participle opens the sentence in capitals, so it is no lowercase verb form; the
    auxiliary right after it (``words._FRONTED_PASSIVE_AUX``) shows it is the verb.
    """
    participles = cue_lexicon().participles
    out = []
    for lo, hi in sentences:
        j = lo
        while j < hi and (space[j] or not tok[j][:1].isalnum()):
            j += 1
        if j >= hi or not tok[j][:1].isupper() or low[j] not in participles:
            continue
        k = j + 1
        while k < hi and space[k]:
            k += 1
        if k < hi and low[k] in _FRONTED_PASSIVE_AUX:
            out.append(j)
    return out


_ANY_ROLE = _ROLE_CUE_VERB | _ROLE_CUE_WORD | _ROLE_KONJUNKTIV | _ROLE_CUE_NOUN
# a token's forms: (lowercase, lowercase if written so else "", roles)
_LOW, _VERB, _ROLES = itemgetter(0), itemgetter(1), itemgetter(2)


def no_starting_point(doc: Document) -> bool:
    """True when a :class:`Context` of ``doc`` would have no quote region and no
    candidate token (``verb_at``, ``prep_at``, ``mood_at`` all empty), decided
    without building it: no quote region, no token with a quotation role, no
    regular Konjunktiv I form. (A sufficient test: it may say False for such a text.)
    """
    if doc.quote_regions:
        return False
    # one flag word per token (kept per word form): most sentences have no token that
    # could start anything, and need neither the forms nor the sentence starts
    flags = doc.cache["quotes.start_flags"] = _start_flags(doc.token_texts)
    bits = 0
    for f in set(flags):
        bits |= f
    if bits & _ANY_ROLE:
        return False
    return _no_added_candidate(doc, bits)


def _no_added_candidate(doc: Document, bits: int) -> bool:
    """No regular Konjunktiv I form (``Context.regular_k1``) and no fronted participle
    (added to ``verb_at``): what the :class:`Context` adds to the tokens' own roles."""
    if not bits & _FLAG_PARTICIPLE and not (bits & _FLAG_PRONOUN and bits & _FLAG_K1):
        return True  # no Konjunktiv I beside a pronoun, no fronted participle
    forms = document_forms(doc)
    texts = doc.token_texts
    low = list(map(itemgetter(0), forms))
    if bits & _FLAG_PRONOUN and bits & _FLAG_K1 and _regular_konjunktiv(low, texts, len(texts)):
        return False
    if not bits & _FLAG_PARTICIPLE:
        return True
    participles = cue_lexicon().participles
    if participles.isdisjoint(low):
        return True  # no participle anywhere, so none opens a sentence
    # the first word of each sentence, past blanks and marks ("- Gefordert wird …"), as
    # _fronted_participles reads it (running past a sentence without a word only looks
    # at one more token)
    space, n = doc.token_is_space, len(texts)
    for i in _sentence_starts(doc):
        while i < n and (space[i] or not texts[i][:1].isalnum()):
            i += 1
        if i < n and low[i] in participles and texts[i][:1].isupper():
            return False
    return True


def nothing_can_match(doc: Document) -> bool:
    """True when the rules provably find no quotation, scare quote or title in ``doc``:
    whenever :func:`no_starting_point` is True, and also for many texts whose tokens do
    have a quotation role, but none from which a rule could find anything.

    A sufficient test, for a text without quote regions and with these roles only:

    * Konjunktiv II forms only (no ``_FLAG_STRONG_MOOD``, no regular Konjunktiv I):
      ``rules.konjunktiv.free_indirect`` takes a Konjunktiv II sentence only close
      after a quotation, and there is none before it (below, nothing else finds one);
    * statement nouns (``rules.cue_nouns.noun_frames``) with no comma, or with neither
      "dass" nor a zu-infinitive (and no Konjunktiv I): the noun frames a clause only
      after a comma, as a dass-clause, a Konjunktiv I clause or a zu-infinitive;
    * cue verbs that are cues only with a separable particle, none of which is in the
      text (``words.bound_particles``): no rule takes them;
    * other cue verbs, with no form that may name a speech act on its own
      (``_FLAG_ACT``; one that does so only as a particle verb, only with none of its
      particles in the text; one that needs a word in its clause, "sprach von", only
      with none of those words in the text), no auxiliary before a cue verb with "zu" (or a
      zu-infinitive) after it, and for each cue verb no comma right before it, no
      "wie" in the text and no comma or colon in the 13 tokens after it before the
      sentence's end mark: every frame of ``rules.cue_verbs.verb_frames`` needs one of
      these (a postposed frame the comma before the verb, "wie X sagte" its "wie", a
      pre-frame the comma or colon after the verb), except the comma-less zu-infinitive
      after an auxiliary (``_infinitive_without_comma``); ``rules.reported.reported``
      starts only from a speech-act form; an anaphoric frame ("Das berichtete X.")
      needs das/dies/dieses right before a cue verb;
    * cue words that cannot head a cue phrase here (``rules.prepositions.word_cues``):
      "so" (``clause_end``) without a comma right before it, "heißt"/"hieß"
      (``phrase``) without "es" right after it, "nach" (``before`` with required
      words) when no word of the text is one it requires (``_FLAG_CUE_NEED``); any
      other cue word (laut, gemäß, zufolge, demnach, wonach) may find one.

    And no regular Konjunktiv I or fronted participle (what the :class:`Context` adds).
    With no quotation found, the refining steps of the chain have nothing to refine and
    :func:`pipeline.run` returns no scare quote or title (no quote region).
    ``tests/test_fast_paths_q.py`` compares with the whole chain.

    >>> from mediakit.document import Document
    >>> doc = Document("So könnte es gehen.")
    >>> no_starting_point(doc), nothing_can_match(doc)
    (False, True)
    """
    if doc.quote_regions:
        return False
    flags = doc.cache.get("quotes.start_flags")
    if flags is None:
        flags = doc.cache["quotes.start_flags"] = _start_flags(doc.token_texts)
    bits = 0
    for f in set(flags):
        bits |= f
    doc.cache["quotes.start_bits"] = bits  # the Context reads them too
    if bits & _FLAG_STRONG_MOOD:
        return False
    if bits & _ROLE_CUE_NOUN and bits & _FLAG_CLAUSE_MARK and bits & (_FLAG_DASS | _FLAG_ZU):
        # a statement noun frames a clause only after a comma, as a dass-clause, a
        # Konjunktiv I clause or a zu-infinitive (rules.cue_nouns.noun_frames)
        return False
    verbs = bits & _ROLE_CUE_VERB
    texts, space = doc.token_texts, doc.token_is_space
    n = len(texts)
    if verbs and bits & _FLAG_BOUND:
        # cue verbs that are cues only with a particle ("gibt … bekannt"): with none of
        # their particles in the text, no rule takes them (words.bound_particles)
        low = list(map(itemgetter(0), document_forms(doc)))
        wanted: set[str] = set()
        for j in compress(range(n), map(_ROLE_CUE_VERB.__and__, flags)):
            if not flags[j] & _FLAG_BOUND:
                break
            wanted |= bound_particles(low[j])
        else:
            if wanted.isdisjoint(low):
                verbs = 0
    if verbs and bits & _FLAG_ACT:
        return False
    if verbs and bits & _FLAG_ACT_NEEDS:
        # a speech act only with a word of its own ("sprach von"): none in the text
        low = list(map(itemgetter(0), document_forms(doc)))
        needed: set[str] = set()
        for j in compress(range(n), map(_FLAG_ACT_NEEDS.__and__, flags)):
            needed |= act_requirements(low[j])
        if not needed.isdisjoint(low):
            return False
    if verbs and bits & _FLAG_CLAUSE_MARK:
        # every frame but the comma-less zu-infinitive (below) needs a comma right
        # before the verb (postposed), a "wie" (…, wie X sagte) or a comma or colon
        # after the verb before the sentence ends, within the 13 tokens it looks at
        if bits & _FLAG_WIE:
            return False
        for v in compress(range(n), map(_ROLE_CUE_VERB.__and__, flags)):
            k = v - 1
            while k >= 0 and space[k]:
                k -= 1
            if k >= 0 and texts[k] == ",":
                return False
            for k in range(v + 1, min(n, v + 14)):
                w = texts[k]
                if w == "," or w == ":":
                    return False
                if w in _END_PUNCT:
                    break
    if verbs and bits & _FLAG_ACT_PARTICLE:
        # a speech act of a particle verb ("geht … aus"): only with that particle
        forms = document_forms(doc)
        low = list(map(itemgetter(0), forms))
        wanted = set()
        for j in compress(range(n), map(_FLAG_ACT_PARTICLE.__and__, flags)):
            wanted |= act_particles(low[j])
        if not wanted.isdisjoint(low):
            return False
    if verbs and bits & _FLAG_ZU and bits & _FLAG_AUX:
        # the comma-less zu-infinitive: an auxiliary before the cue verb, "zu" after it
        aux = next(compress(range(n), map(_FLAG_AUX.__and__, flags)))
        zu = max(compress(range(n), map(_FLAG_ZU.__and__, flags)))
        if any(aux < j < zu for j in compress(range(n), map(_ROLE_CUE_VERB.__and__, flags))):
            return False
    check = (_ROLE_CUE_WORD | _FLAG_DEMONSTRATIVE) if verbs else _ROLE_CUE_WORD
    if bits & check:
        forms = document_forms(doc)
        preps = preposition_cues()
        for j in compress(range(n), map(check.__and__, flags)):
            f = flags[j]
            if f & _ROLE_CUE_WORD:
                position, requires = preps[forms[j][0]]
                if position == "clause_end":  # "…, so X": a comma right before
                    k = j - 1
                    while k >= 0 and space[k]:
                        k -= 1
                    if k >= 0 and texts[k] == ",":
                        return False
                elif position == "phrase":  # "hieß es": "es" right after
                    k = j + 1
                    while k < n and space[k]:
                        k += 1
                    if k < n and forms[k][0] == "es":
                        return False
                elif not (position == "before" and requires and not bits & _FLAG_CUE_NEED):
                    return False
            if verbs and f & _FLAG_DEMONSTRATIVE:  # "Das berichtete X."
                k = j + 1
                while k < n and space[k]:
                    k += 1
                if k < n and flags[k] & _ROLE_CUE_VERB:
                    return False
    return _no_added_candidate(doc, bits)


def _sentence_starts(doc: Document) -> list[int]:
    """The index of the first token of each sentence of ``doc``."""
    starts = doc.token_starts
    return [i for s in doc.sentences if (i := bisect_left(starts, s.start)) < len(starts)]


_MAX_CONTINUED_PARAGRAPHS = 8
_MAX_CONTINUED_CHARS = 6000
_MAX_CONTINUED_ATTEMPTS = 30  # per text: keeps odd input (hundreds of stray marks) linear


def continued_regions(doc: Document) -> list[QuoteRegion]:
    """The outer quote regions, a quotation that runs over paragraphs joined into one.

    A long quotation may span several paragraphs (or lines) with its closing mark only
    at the very end (»… Es war gut.« two lines later). The parse closes an open mark at
    its paragraph's end; here such a region runs on to the first matching closing mark
    that no other region uses, within a few paragraphs and before any other unclosed
    opening mark.
    """
    regions = [r for r in doc.quote_regions if r.depth == 0]
    if all(r.closed for r in regions):
        return regions
    closers = {row["mark"]: row["closes_with"] for row in load_table("quote_marks.tsv")}
    text = doc.text
    ends = [p.end for p in doc.paragraphs]
    out: list[QuoteRegion] = []
    skip_until = -1
    attempts = 0
    for k, r in enumerate(regions):
        if r.start < skip_until:
            continue  # now inside a continued quotation
        if r.closed or not closers.get(r.open_mark):
            out.append(r)
            continue
        limit = min(len(text), r.end + _MAX_CONTINUED_CHARS)
        par = bisect_left(ends, r.end)
        if par + _MAX_CONTINUED_PARAGRAPHS < len(ends):
            limit = min(limit, ends[par + _MAX_CONTINUED_PARAGRAPHS])
        attempts += 1
        if attempts > _MAX_CONTINUED_ATTEMPTS:
            out.append(r)
            continue
        # positions inside later regions, and where another unclosed quotation opens
        inside = bytearray(limit - r.end)
        stop = limit
        for x in regions[k + 1 :]:
            if x.start >= limit:
                break
            if not x.closed:
                stop = min(stop, x.start)
            inside[max(0, x.start - r.end) : max(0, min(limit, x.end) - r.end)] = b"\x01" * (
                max(0, min(limit, x.end) - r.end) - max(0, x.start - r.end)
            )
        pos = -1
        for i in range(r.end, stop):
            if text[i] in closers[r.open_mark] and not inside[i - r.end]:
                pos = i
                break
        if pos < 0:
            out.append(r)
            continue
        end = pos + 1
        out.append(QuoteRegion(r.start, end, r.open_mark, text[pos], True, 0, text[r.start : end]))
        skip_until = end
    return out
