"""Word classes and per-form memos the quotation rules read (built from the TSV tables)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..document import memo_map
from .lexicon import (
    cue_lexicon,
    cue_nouns,
    konjunktiv_forms,
    preposition_cues,
    speaker_words,
    speech_act_context,
    speech_act_forms,
)

_ZU_INFIX = re.compile(
    r"^(?:an|auf|aus|ab|bei|ein|mit|vor|nach|zurück|fest|frei|her|hin|weg|zu|dar|durch|hervor|"
    r"heraus|herbei|teil|statt|bekannt|klar|fort|weiter|wieder|um|los)zu[a-zäöü]{2,}e?n$"
)


_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "-", "(", ")"})
#: clause boundaries for a verb's own clause: a parenthesis ("(2017 bis 2021)") is none
_CLAUSE_BOUNDS = frozenset({",", ";", ":", "–", "—", "-"})


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
        "sind",
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


@cache
def _words() -> dict[str, frozenset[str]]:
    return speaker_words()


@lru_cache(maxsize=65_536)  # bounded: a stream of new words must not grow memory
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


_THIRD_PERSON = frozenset({"er", "sie", "es", "man"})
_NOT_K1_ENDINGS = (
    "ie",
    "ee",
    "te",
    "de",
    "che",
    "ige",
    "bare",
    "weise",
    "sche",
    "ale",
    "ive",
    "elle",
)
#: an embedded yes/no question: a Konjunktiv only there ("reagierte ausweichend, ob
#: er telefoniert habe") leaves the main clause the author's
_SUBORDINATE_OPENERS = frozenset({"ob"})


@lru_cache(maxsize=65_536)  # per word form: bounded
def _regular_k1(word: str) -> bool:
    """A form that reads as Konjunktiv I (3rd person singular in -e) next to er/sie/es/man.

    Function words in -e that stand beside pronouns ("hat man eine", "sie alle",
    "er gerne") are listed in ``speaker_words.tsv`` (category ``not_verb``).
    """
    return (
        len(word) >= 4
        and word.endswith("e")
        and word.isalpha()
        # "-te"/"-de": the weak preterite ("sagte", "wurde") ends so, and adjectives
        and not word.endswith(_NOT_K1_ENDINGS)
        and word not in speaker_words().get("not_verb", frozenset())
        and word not in speaker_words()["determiner"]
        and not _mood(word)
    )


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


#: articles that also serve as relative pronouns
_ARTICLES = frozenset({"der", "die", "das", "den", "dem"})
_RELATIVE = frozenset(
    {"der", "die", "das", "welcher", "welche", "welches", "dessen", "deren", "den", "dem"}
)

#: words that open a relative clause (after an optional preposition: "von dem", "in denen")
_RELATIVE_OPENERS = _RELATIVE | {
    "denen",
    "was",
    "welchem",
    "welchen",
    "wo",
    "wobei",
    "womit",
    "wodurch",
}

#: articles and possessives of a genitive attribute after a noun
_GENITIVE = frozenset(
    {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "unseres", "deren"}
)

#: what may open the source after a clause-final "so" ("so die Polizei", "so ein Sprecher")
_SO_ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "ein", "eine", "einer", "einem", "sein", "seine", "ihr"}
    | {"ihre", "er", "sie", "zwei", "drei", "mehrere", "beide"}
)

#: openers of a conditional sentence; with Konjunktiv II only it is the author's hypothesis
_CONDITIONAL_OPENERS = frozenset(
    {"falls", "wenn", "sofern", "sollte", "sollten", "würde", "würden", "hätte", "hätten"}
    | {"wäre", "wären", "angenommen"}
)

#: the marks that end a sentence
_SENTENCE_END = frozenset({".", "!", "?"})


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
    if word.endswith(_COMMON_SUFFIXES) or word in speaker_words()["anonymous"]:
        return True
    from .sources import _category  # "Aussage einer Sprecherin": a statement noun

    return _category(word) == "carrier"


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


@cache
def _requirement_sets(requires: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A cue's required words split into whole words and ``*ending`` patterns."""
    endings = tuple(r[1:] for r in requires if r.startswith("*"))
    return frozenset(r for r in requires if not r.startswith("*")), endings


# finite passive auxiliaries after a sentence-initial participle: "Gefordert wird …"
_FRONTED_PASSIVE_AUX = frozenset({"wird", "werden", "wurde", "wurden"})

_ROLE_CUE_VERB = 1


_ROLE_CUE_WORD = 2


_ROLE_KONJUNKTIV = 4


_ROLE_CUE_NOUN = 8


# token text -> (lowercase, lowercase if written in lowercase else "", roles)
_FORMS: dict[str, tuple[str, str, int]] = {}


_FORMS_SIZE = 500_000


def _token_forms(tokens: list[str]) -> list[tuple[str, str, int]]:
    """What the rules read of each token, decided once per word form in a process."""
    return memo_map(_FORMS, tokens, _token_form, _FORMS_SIZE)


#: :func:`_start_flags` bits beyond the roles: a 3rd-person pronoun (er, sie, es, man),
#: a cue verb's participle, a lowercase form that reads as Konjunktiv I next to a pronoun
_FLAG_PRONOUN = 16
_FLAG_PARTICIPLE = 32
_FLAG_K1 = 64
#: What ``view.nothing_can_match`` asks of a text whose tokens do have roles (each bit
#: says what some rule needs to find a quotation from them):
#: a Konjunktiv form other than Konjunktiv II (k1, reportive "soll": may read as speech
#: without a quotation before it),
_FLAG_STRONG_MOOD = 128
#: a comma or colon (every cue-verb frame but the comma-less zu-infinitive needs one),
_FLAG_CLAUSE_MARK = 256
#: a form from which ``rules.reported.reported`` may take a cue verb naming a speech act
#: without a particle of its own: the first particle-less cue verb of the form, or the
#: first particle-joined one (``lex.joined``, read for participles and when no main
#: verb fits), names an act (``lexicon.speech_act_forms`` has every form of such verbs),
_FLAG_ACT = 512
#: a form whose cue verbs name an act only together with a separable particle ("geht
#: … aus", "führt … zurück"): a speech act only where that particle stands in the
#: text (``act_particles``),
_FLAG_ACT_PARTICLE = 16384
#: a cue-verb form that is a cue only together with a separable particle: all its main
#: cue verbs have one, and it is no joined form or participle ("gibt … bekannt", "geht
#: … aus", "stellt … fest"; ``bound_particles``)
_FLAG_BOUND = 32768
#: "dass" (a statement noun's content clause, ``rules.cue_nouns.noun_frames``) and
#: "wie" (the frame "wie X sagte", ``rules.cue_verbs.verb_frames``)
_FLAG_DASS = 65536
_FLAG_WIE = 131072
#: a form whose speech act (as for ``_FLAG_ACT``) is one only with a required word in
#: its clause ("sprach von", "hält … für"; ``speech_acts.tsv``): a speech act only where
#: one of those words stands in the text (``act_requirements``)
_FLAG_ACT_NEEDS = 262144
#: "zu" or a zu-infinitive like "mitzuteilen" (``syntax.zu_infinitive``),
_FLAG_ZU = 1024
#: an auxiliary (``_AUXILIARIES``),
_FLAG_AUX = 2048
#: "das", "dies", "dieses" (an anaphoric frame opens with one: "Das berichtete X."),
_FLAG_DEMONSTRATIVE = 4096
#: a word (or the word without its last one or two letters) that a "before" cue word
#: requires after it ("nach Angaben", "nach Polizeiangaben"): ``_cue_requirement``
_FLAG_CUE_NEED = 8192

# token text -> its roles and the bits above
_FLAGS: dict[str, int] = {}


def _start_flags(tokens: list[str]) -> list[int]:
    """Per token, what the quotation pre-check (``view.no_starting_point``) asks of it.

    >>> _start_flags(["Das", "Wetter", "ist", "schön", "."]) == [_FLAG_DEMONSTRATIVE, 0, _FLAG_AUX, 0, 0]
    True
    """
    return memo_map(_FLAGS, tokens, _start_flag, _FORMS_SIZE)


def _start_flag(token: str) -> int:
    low, _, roles = _token_form(token)
    if low in _THIRD_PERSON:
        roles |= _FLAG_PRONOUN
    if low in cue_lexicon().participles:
        roles |= _FLAG_PARTICIPLE
    if _regular_k1(low) and token[:1].islower():
        roles |= _FLAG_K1
    if roles & _ROLE_KONJUNKTIV and _mood(low) != "k2":
        roles |= _FLAG_STRONG_MOOD
    if token in (",", ":"):
        roles |= _FLAG_CLAUSE_MARK
    if low in speech_act_forms():
        if any(not requires for requires in _own_act_requirements(low)):
            roles |= _FLAG_ACT
        elif act_requirements(low):
            roles |= _FLAG_ACT_NEEDS
        if act_particles(low):
            roles |= _FLAG_ACT_PARTICLE
    if roles & _ROLE_CUE_VERB and bound_particles(low):
        roles |= _FLAG_BOUND
    if low == "zu" or _ZU_INFIX.match(low):
        roles |= _FLAG_ZU
    if low in _AUXILIARIES:
        roles |= _FLAG_AUX
    if low in _DEMONSTRATIVES:
        roles |= _FLAG_DEMONSTRATIVE
    if low == "dass":
        roles |= _FLAG_DASS
    elif low == "wie":
        roles |= _FLAG_WIE
    if _cue_requirement(low):
        roles |= _FLAG_CUE_NEED
    return roles


_DEMONSTRATIVES = frozenset({"das", "dies", "dieses"})


@lru_cache(maxsize=4096)  # per cue-verb form (the lexicon's forms only): bounded
def bound_particles(form: str) -> frozenset[str]:
    """The particles without which the cue-verb ``form`` is no cue, or an empty set
    when it is one on its own (a particle-less main verb, a joined form or participle).

    ``Context.pick_verb`` takes a particle verb only where its particle stands right
    before the form or at the clause end, ``rules.cue_verbs.split_participle`` only
    right after it; with no plain verb and no joined form nothing else is left
    (``rules.cue_verbs.verb_frames``, ``rules.reported.reported``, the anaphoric frame).

    >>> sorted(bound_particles("gibt")), bound_particles("sagte")
    (['an', 'bekannt', 'zu'], frozenset())
    """
    lex = cue_lexicon()
    main = lex.main.get(form, ())
    if form in lex.joined or any(not verb.particle for verb in main):
        return frozenset()
    return frozenset(verb.particle for verb in (*main, *lex.split.get(form, ())))


def _own_act_requirements(form: str) -> list[frozenset[str]]:
    """Per speech act ``rules.reported.reported`` may take from ``form`` without a
    particle of its own (the first particle-less main verb, the first joined verb), the
    words one of which its clause needs; empty: none (also for a verb that names its
    act with a predicate instead, ``predicate_end``)."""
    lex = cue_lexicon()
    plain = next((verb for verb in lex.main.get(form, ()) if not verb.particle), None)
    joined = lex.joined.get(form)
    ends = speech_act_context().get("predicate_end", frozenset())
    return [
        frozenset() if verb.lemma in ends else frozenset(verb.act_requires)
        for verb in (plain, joined[0] if joined else None)
        if verb is not None and verb.act
    ]


@lru_cache(maxsize=4096)  # per cue-verb form (the lexicon's forms only): bounded
def act_requirements(form: str) -> frozenset[str]:
    """The words one of which must stand in the clause for ``form`` to name its speech
    act (``_own_act_requirements``; empty when it needs none or names none).

    >>> sorted(act_requirements("sprach")), act_requirements("forderte")
    (['von'], frozenset())
    """
    needs = _own_act_requirements(form)
    if not needs or not all(needs):
        return frozenset()
    return frozenset().union(*needs)


@lru_cache(maxsize=4096)  # per cue-verb form (the lexicon's forms only): bounded
def act_particles(form: str) -> frozenset[str]:
    """The particles of the cue verbs of a main-clause ``form`` that name a speech act
    only with their particle: ``Context.pick_verb`` takes such a verb only where its
    particle stands right before the form or at the clause end.

    >>> sorted(act_particles("geht"))
    ['aus']
    """
    return frozenset(
        verb.particle for verb in cue_lexicon().main.get(form, ()) if verb.particle and verb.act
    )


def _cue_requirement(low: str) -> bool:
    """``low``, or ``low`` without its last one or two letters, is a word that some cue
    word of position "before" requires after it (``rules.prepositions._requires``; the
    relative cue compares the antecedent so: "Angaben, nach denen …")."""
    for position, requires in preposition_cues().values():
        if position == "before" and requires:
            words, endings = _requirement_sets(requires)
            for cut in (0, 1, 2):
                word = low[: len(low) - cut]
                if word in words or word.endswith(endings):
                    return True
    return False


@cache
def _swiss_spellings() -> dict[str, str]:
    """Swiss spelling -> the spelling of our tables: ``ss`` for every ``ß``.

    Swiss German writes no ``ß`` (*hiess es*, *gemäss*, *äusserte*, *schliesst … aus*);
    the tables list the German and Austrian spelling. Every word form the rules look up
    that contains ``ß`` is also known with ``ss``, unless that spelling is a word of its
    own in the tables (*dass* beside the old *daß*).

    >>> _swiss_spellings()["hiess"], _swiss_spellings()["gemäss"]
    ('hieß', 'gemäß')
    """
    lex = cue_lexicon()
    known = {
        *lex.main,
        *lex.joined,
        *preposition_cues(),
        *konjunktiv_forms(),
        *_COMPLEMENTIZERS,
        *_AUXILIARIES,
        *_SUBORDINATORS,
        *_PARTICLES,
    }
    for words in _words().values():
        known |= words
    return {
        form.replace("ß", "ss"): form
        for form in known
        if "ß" in form and form.replace("ß", "ss") not in known
    }


def _token_form(token: str) -> tuple[str, str, int]:
    lex, preps = cue_lexicon(), preposition_cues()
    low = token.lower()
    if "ss" in low:
        low = _swiss_spellings().get(low, low)
    verb = low if token[:1].islower() else ""
    roles = 0
    if verb and (verb in lex.main or verb in lex.joined or verb in lex.split):
        roles |= _ROLE_CUE_VERB
    if low in preps:
        roles |= _ROLE_CUE_WORD
    if _mood(low):
        roles |= _ROLE_KONJUNKTIV
    if token[:1].isupper() and low in cue_nouns():
        roles |= _ROLE_CUE_NOUN
    return low, verb, roles
