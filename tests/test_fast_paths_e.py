"""Fast paths of the evaluative measure give what the general paths give.

Each shortcut (the hit constructor, the clause test's early rejection, the inlined
argument and token-table handling of analyze_evaluative, the voice layer's early exit,
the lazily looked-up spans of the construction scan) is checked against the plain
computation on self-written German sentences, edge cases included.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import pickle

import pytest

from mediakit.document import Document, parse
from mediakit.evaluative import analyze_evaluative, construction_hits, find_evaluative
from mediakit.evaluative import context as context_module
from mediakit.evaluative.hits import EvaluativeHit, make_hit
from mediakit.evaluative.lemmas import _table_key, _token_table
from mediakit.evaluative.lexicon import Lexicon
from mediakit.evaluative.metrics import _shared_default, _table_and_flags, _token_flags
from mediakit.evaluative.voice import VoiceLayer, _voice_layer_if_any, voice_layer

SENTENCES = [
    "",
    " ",
    "„“ … –",
    "Der Kanzler kam.",
    "Trump hat völlig erbärmlich getönt.",
    "Das ist ein völliges Desaster!",
    "Er sagte: „Das ist ein völlig erbärmliches Desaster.“",
    "Sie sagte, das sei ein Desaster.",
    "Da müssen wir besser werden“, sagte der Trainer.",
    "Die sogenannte „Reform“ ist eine Art Staatsstreich.",
    "Wer glaubt denn noch an Frieden? Es war eine Art Staatsstreich.",
    "Es ist wichtig, dass wir handeln, und es ist fatal, dass niemand hilft.",
    "Das ist nicht ungefährlich, nicht ganz unproblematisch und nicht ohne Risiko.",
    "Europa muss jetzt handeln; laut Verordnung muss der Antrag bis Montag vorliegen.",
    "Die Behörde muss gemäß Gesetz unverzüglich prüfen, ob die Frist gilt.",
    "Kellogg hatte sich für Sanktionen ausgesprochen.",
    "Das ist ausgesprochen dumm, ganz, ganz dumm.",
    "Die Regierung redet die Lage schön und spielt das Problem herunter.",
    "Das hat Moskau in die Hände gespielt, sehr, sehr geschickt.",
    "Absatz eins ist vor allem neutral.\n\nAbsatz zwei: Die Lügenmedien und ihr Klimawahn.",
    "Interviewer: Wie beurteilen Sie das? Müller: Das ist ein Skandal.",
    "Am 12.02.2025 telefonierten sie um 14:30 Uhr zum 3. Mal.",
    "Lesen Sie das!  Es wäre besser gewesen, zu schweigen.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_make_hit_builds_the_dataclass_instance(text: str) -> None:
    for hit in find_evaluative(text):
        values = tuple(getattr(hit, f.name) for f in dataclasses.fields(EvaluativeHit))
        made, plain = make_hit(*values), EvaluativeHit(*values)
        assert type(made) is EvaluativeHit
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        assert made.to_dict() == plain.to_dict()
        assert pickle.loads(pickle.dumps(made)) == plain
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 0  # type: ignore[misc]


def test_make_hit_takes_the_fields_in_their_order() -> None:
    names = tuple(f.name for f in dataclasses.fields(EvaluativeHit))
    values = tuple(range(len(names)))
    made = make_hit(*values)
    assert tuple(getattr(made, name) for name in names) == values


def _clause_has_plain(words, firsts, k, rule, after=True) -> bool:
    """The clause test without the early rejection (the definition)."""
    wanted, capitalised = rule.words, rule.capitalised
    first = k
    while (
        first > 0
        and k - first < 15
        and not firsts[first]
        and words[first - 1] not in context_module._CLAUSE_ENDS
    ):
        first -= 1
    last = k
    while (
        after
        and last + 1 < len(words)
        and last - k < 15
        and not firsts[last + 1]
        and words[last + 1] not in context_module._CLAUSE_ENDS
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


LONG = (
    "Der Antrag muss nach der neuen und seit Jahren umstrittenen, aber inzwischen "
    "von allen Seiten im Grundsatz akzeptierten Regelung der zuständigen Behörde "
    "spätestens bis Montag vorliegen, sonst muss die Kommission das gesamte "
    "Verfahren mit allen Beteiligten und allen Unterlagen noch einmal ganz von vorn beginnen."
)


@pytest.mark.parametrize("text", [*SENTENCES, LONG])
def test_clause_has_rejects_only_what_it_cannot_find(text: str) -> None:
    document = parse(text)
    words, _, firsts, _, _ = _token_table(document)
    rules = [r for found in context_module.context_rules().values() for r in found]
    extra = context_module.ContextRule(
        "x", "not_in_clause_with", frozenset({"behörde", "muss", "seit", "montag"}), "", "",
        frozenset({"behörde"}),
    )  # fmt: skip
    for rule in [*rules, extra]:
        for k in range(len(words)):
            for after in (True, False):
                assert context_module._clause_has(
                    words, firsts, k, rule, after
                ) == _clause_has_plain(words, firsts, k, rule, after), (rule, k, after)


def _same_figures(a: dict[str, float], b: dict[str, float]) -> bool:
    return list(a) == list(b) and all(
        (math.isnan(x) and math.isnan(y)) or x == y
        for x, y in zip(a.values(), b.values(), strict=True)
    )


class _MyDocument(Document):
    """A Document subclass: analyze_evaluative takes it through as_document."""


@pytest.mark.parametrize("text", SENTENCES)
def test_analyze_evaluative_same_for_every_kind_of_argument(text: str) -> None:
    from_string = analyze_evaluative(text)
    from_document = analyze_evaluative(Document(text))
    from_subclass = analyze_evaluative(_MyDocument(text))
    with_lexicon = analyze_evaluative(Document(text), lexicon=_shared_default())
    for other in (from_document, from_subclass, with_lexicon):
        assert other.hits == from_string.hits
        assert _same_figures(other.metrics, from_string.metrics)
        assert other.unattributed_sentences == from_string.unattributed_sentences


@functools.cache
def _own_lexicon() -> Lexicon:
    """A lexicon with an entry of its own (another lemmatizer than the bundled one's)."""
    return Lexicon.default().extended({"Quatschkramgerede": "loaded"})


@pytest.mark.parametrize("own", [False, True])
@pytest.mark.parametrize("text", SENTENCES)
def test_token_table_without_space_tokens_is_the_general_table(text: str, own: bool) -> None:
    document = Document(text)
    index = (_own_lexicon() if own else _shared_default()).index
    table, flags = _table_and_flags(document, index)
    assert table == _token_table(Document(text), index.lemmatizer)
    # kept in the document's cache: the same lists (the compiled core, setup.py, builds
    # a new tuple around them when it returns one)
    cached = document.cache[_table_key(index.lemmatizer)]
    assert all(a is b for a, b in zip(cached, table, strict=True))
    assert flags == _token_flags(index, table)


@pytest.mark.parametrize("text", SENTENCES)
def test_voice_layer_if_any_is_none_only_for_the_empty_layer(text: str) -> None:
    document = Document(text)
    found = _voice_layer_if_any(document)
    layer = voice_layer(Document(text))
    if found is None:
        assert layer == VoiceLayer()
    else:
        assert found == layer


@pytest.mark.parametrize(
    "text",
    [
        "Es ist wichtig, dass wir handeln, und es ist fatal, dass niemand hilft.",
        "Wer glaubt denn noch an Frieden? Was für ein Zufall! Wie praktisch!",
        "Das könnte teuer werden. Das dürfte teuer werden. Das muss sich ändern.",
        "Ganz, ganz schnell und sehr, sehr teuer: immer und immer wieder.",
    ],
)
def test_constructions_of_one_category_do_not_overlap(text: str) -> None:
    hits = construction_hits(parse(text))
    by_category: dict[str, list[tuple[int, int]]] = {}
    for start, end, entry, match, _ in hits:
        assert match == "construction"
        for a, b in by_category.get(entry.category, []):
            assert not (a < end and start < b)
        by_category.setdefault(entry.category, []).append((start, end))
    assert hits == sorted(hits, key=lambda h: (h[0], -h[1]))


class _HundredWords(Document):
    """A Document subclass with a word count of its own."""

    @property
    def n_words(self) -> int:
        return 100


def test_analyze_evaluative_reads_a_subclass_word_count() -> None:
    analysis = analyze_evaluative(_HundredWords("Das ist ein völliges Desaster."))
    assert analysis.author_words == 100
    assert analysis.metrics["author_words"] == 100.0
