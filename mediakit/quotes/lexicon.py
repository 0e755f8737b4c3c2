"""Lexicons for quotation detection, built once from the documented TSV tables.

Cue verbs are listed by lemma (``mediakit/data/cue_verbs.tsv``); their inflected
forms are generated here: finite forms for main clauses ("teilte" + particle "mit"
later in the clause), particle-joined forms for subordinate clauses ("wie er
mitteilte") and participles ("hat … mitgeteilt").

>>> lex = cue_lexicon()
>>> lex.main["teilte"][0].lemma, lex.joined["mitteilte"][0].lemma
('mitteilen', 'mitteilen')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..tables import load_table

__all__ = [
    "CueLexicon",
    "CueVerb",
    "cue_lexicon",
    "konjunktiv_forms",
    "preposition_cues",
    "speaker_words",
    "speech_act_context",
    "speech_act_forms",
    "speech_acts",
]

_INSEPARABLE = (
    "be",
    "ge",
    "er",
    "ver",
    "zer",
    "ent",
    "emp",
    "miss",
    "hinter",
    "wider",
    "unter",
    "über",
)


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One cue verb from ``cue_verbs.tsv``."""

    lemma: str
    particle: str
    medium: str
    evaluative: bool
    complement: str
    act: str = ""
    act_requires: tuple[str, ...] = ()

    @property
    def reported(self) -> bool:
        """The verb names a speech act on its own (listed in ``speech_acts.tsv``)."""
        return bool(self.act)


@dataclass(slots=True)
class CueLexicon:
    """Form -> cue verbs, split by where the form stands.

    ``main``: finite forms without particle (V2 position: "teilte", "sagte");
    ``joined``: particle-joined finite forms and all participles ("mitteilte",
    "mitgeteilt", "gesagt"); ``particles``: the separable particles in use;
    ``split``: participles of particle verbs without their particle, for the spelling
    with the particle apart ("bekannt gegeben", "bekannt geworden"): a cue only right
    after that particle.
    """

    main: dict[str, list[CueVerb]] = field(default_factory=dict)
    joined: dict[str, list[CueVerb]] = field(default_factory=dict)
    split: dict[str, list[CueVerb]] = field(default_factory=dict)
    particles: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()


def _weak_forms(stem: str) -> tuple[list[str], str]:
    # "arbeitet", "rechnet", "bezeichnet", "atmet" - but "lehnt", "lernt", "filmt"
    connect = (
        "e"
        if stem.endswith(("t", "d"))
        or (
            stem.endswith(("n", "m"))
            and (stem[-2:-1] not in "aeiouäöühlmnr" or stem[-3:-1] == "ch")
        )
        else ""
    )
    finite = [
        stem + "e",
        stem + connect + "st",
        stem + connect + "t",
        stem + "en",
        stem + connect + "te",
        stem + connect + "test",
        stem + connect + "ten",
        stem + connect + "tet",
    ]
    return finite, stem + connect + "t"


def _stem(base: str) -> str:
    if base.endswith(("eln", "ern")):
        return base[:-1]
    return base[:-2] if base.endswith("en") else base[:-1]


@cache
def cue_lexicon() -> CueLexicon:
    """The cue-verb forms, generated from ``cue_verbs.tsv`` once per process."""
    lex = CueLexicon()
    particles = set()
    participle_forms: set[str] = set()
    acts = speech_acts()
    lemmas = {row["lemma"] for row in load_table("cue_verbs.tsv")}
    missing = sorted(set(acts) - lemmas)
    if missing:
        raise ValueError(f"speech_acts.tsv: lemmas missing from cue_verbs.tsv: {missing}")
    for row in load_table("cue_verbs.tsv"):
        particle = row["particle"]
        act, requires = acts.get(row["lemma"], ("", ()))
        verb = CueVerb(
            lemma=row["lemma"],
            particle=particle,
            medium=row["medium"],
            evaluative=row["evaluative"] == "yes",
            complement=row["complement"],
            act=act,
            act_requires=requires,
        )
        base = row["lemma"][len(particle) :] if particle else row["lemma"]
        if row["forms"]:
            forms = [f.strip() for f in row["forms"].split(",") if f.strip()]
            participles = forms[-1:]  # by the table's convention the participle is last
            finite = forms[:-1]
        else:
            finite, participle_body = _weak_forms(_stem(base))
            if base.startswith(_INSEPARABLE) or base.endswith("ieren"):
                participles = [participle_body]
            else:
                participles = ["ge" + participle_body]
        for form in finite:
            if particle:
                lex.main.setdefault(form, []).append(verb)
                lex.joined.setdefault(particle + form, []).append(verb)
            else:
                lex.main.setdefault(form, []).append(verb)
        for form in participles:
            lex.joined.setdefault(particle + form, []).append(verb)
            participle_forms.add(particle + form)
            if particle:
                lex.split.setdefault(form, []).append(verb)
        if particle:
            particles.add(particle)
            # "zu"-infinitive and plain infinitive after modals: "mitzuteilen", "mitteilen"
            lex.joined.setdefault(particle + "zu" + base, []).append(verb)
            lex.joined.setdefault(particle + base, []).append(verb)
        else:
            lex.joined.setdefault(base, []).append(verb)
    lex.particles = frozenset(particles)
    lex.participles = frozenset(participle_forms)
    return lex


@cache
def speech_act_forms() -> frozenset[str]:
    """The verb forms (``main`` or ``joined``) of a cue verb that names a speech act.

    A form outside this set names no act, whatever verb the clause makes of it, so
    the reported-act rule need not look at it.

    >>> "sprach" in speech_act_forms(), "betonte" in speech_act_forms()
    (True, False)
    """
    lex = cue_lexicon()
    return frozenset(
        form
        for table in (lex.main, lex.joined)
        for form, verbs in table.items()
        if any(verb.act for verb in verbs)
    )


@cache
def speech_acts() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Lemma -> (act type, required words) from ``speech_acts.tsv``.

    >>> speech_acts()["sprechen"]
    ('reference', ('von',))
    """
    out = {}
    for row in load_table("speech_acts.tsv"):
        requires = tuple(w.strip() for w in row["requires"].split(",") if w.strip())
        out[row["lemma"]] = (row["act"], requires)
    return out


@cache
def speech_act_context() -> dict[str, frozenset[str]]:
    """Category -> words from ``speech_act_context.tsv`` (negators, state auxiliaries).

    >>> "waren" in speech_act_context()["state_aux"]
    True
    """
    out: dict[str, set[str]] = {}
    for row in load_table("speech_act_context.tsv"):
        out.setdefault(row["category"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


@cache
def konjunktiv_forms() -> dict[str, str]:
    """Konjunktiv form -> mood (``k1``/``k2``) from ``konjunktiv.tsv``."""
    return {row["form"]: row["mood"] for row in load_table("konjunktiv.tsv")}


@cache
def preposition_cues() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Cue word -> (position, required following words) from ``cue_prepositions.tsv``."""
    out = {}
    for row in load_table("cue_prepositions.tsv"):
        requires = tuple(w.strip() for w in row["requires"].split(",") if w.strip())
        out[row["cue"]] = (row["position"], requires)
    return out


@cache
def cue_nouns() -> dict[str, str]:
    """Statement noun (lowercase) -> its category, from ``cue_nouns.tsv``."""
    return {row["noun"]: row["category"] for row in load_table("cue_nouns.tsv")}


@cache
def speaker_words() -> dict[str, frozenset[str]]:
    """Category -> lowercase words from ``speaker_words.tsv``."""
    out: dict[str, set[str]] = {}
    for row in load_table("speaker_words.tsv"):
        out.setdefault(row["category"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}
