"""Speaker spans of the quotation round (issue #11): the noun phrase that names the source.

Each row: a text, a fragment of the quotation, its kind and its speaker ("" = none).
The sentences are written for these tests, in the style of news text.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import analyze_quotes, find_quotes


def _check(text: str, fragment: str, kind: str, speaker: str) -> None:
    q = next((q for q in analyze_quotes(text).all_quotations() if fragment in q.text), None)
    assert q is not None, f"no quotation holds {fragment!r}: {find_quotes(text)}"
    assert q.kind == kind, (q.kind, q.text)
    assert (q.speaker.text if q.speaker else "") == speaker, (q.speaker, q.text)


# -- "X zufolge": the noun phrase before the postposition ---------------------

ZUFOLGE = [
    # the finite verb after the pre-field is no adjective of the source phrase
    (
        "Am Montag starben amtlichen Angaben zufolge drei Menschen.",
        "drei Menschen",
        "indirect",
        "amtlichen Angaben",
    ),
    (
        "Die Täter stammen Polizeiangaben zufolge aus der Region.",
        "aus der Region",
        "indirect",
        "Polizeiangaben",
    ),
    # must not change: article and adjectives, and a genitive name before the noun
    (
        "Den neuen amtlichen Angaben zufolge starben drei Menschen.",
        "drei Menschen",
        "indirect",
        "Den neuen amtlichen Angaben",
    ),
    (
        "Moskaus offiziellen Angaben zufolge starben drei Menschen.",
        "drei Menschen",
        "indirect",
        "Moskaus offiziellen Angaben",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), ZUFOLGE)
def test_zufolge_source(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- an object pre-field before a colon: the subject follows the finite verb ----

OBJECT_PREFIELD = [
    # the accusative pre-field keeps its prepositional attribute up to the verb
    (
        "Den Ärger der Partei über die Pläne brachte die Sprecherin der Fraktion, "
        "Anna Berg, zum Ausdruck: „Das ist nicht hinnehmbar.“",
        "nicht hinnehmbar",
        "direct",
        "die Sprecherin der Fraktion, Anna Berg",
    ),
    # must not change: a subject pre-field with its attribute speaks itself
    (
        "Der Verband der Bauern aus Bayern zeigte sich enttäuscht: „Das ist nicht hinnehmbar.“",
        "nicht hinnehmbar",
        "direct",
        "Der Verband der Bauern aus Bayern",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), OBJECT_PREFIELD)
def test_object_prefield_before_colon(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- verbs that share the subject of the first clause -------------------------

SHARED_SUBJECT = [
    # "…, nimmt X in Schutz und warnt": no subject of its own, the first clause's
    (
        "Der Präsident will die Debatte versachlichen, nimmt die Abgeordneten in Schutz "
        "und warnt vor einer pauschalen Verurteilung.",
        "pauschalen Verurteilung",
        "reported",
        "Der Präsident",
    ),
    # a relative clause after the object is no new subject
    (
        "Die Polizei beziffert die Zahl der Menschen, die bei dem Unglück gestorben sind, "
        "auf 40, befürchtet aber weitere Tote.",
        "weitere Tote",
        "reported",
        "Die Polizei",
    ),
    # must not change: after a subordinate clause the subject follows the verb
    (
        "Als die Polizei eintraf, biss der Randalierer einen Beamten und rief: „Lasst mich los!“",
        "Lasst mich los",
        "direct",
        "der Randalierer",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), SHARED_SUBJECT)
def test_shared_subject(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- a role with a prepositional attribute and its name in commas ---------------

ROLE_ATTRIBUTE_NAME = [
    (
        "Der Fraktionschef im bayerischen Landtag, Hans Maier, hatte ihn aufgefordert, "
        "sein Mandat niederzulegen.",
        "Mandat niederzulegen",
        "indirect",
        "Der Fraktionschef im bayerischen Landtag, Hans Maier",
    ),
    (
        "Auch die Delegationsleiterin beim Gipfel, Anna Berg, äußerte sich zufrieden: "
        "„Wir haben viel erreicht.“",
        "viel erreicht",
        "direct",
        "die Delegationsleiterin beim Gipfel, Anna Berg",
    ),
    # must not change: no role before the attribute, no name in commas after it
    (
        "Der Fraktionschef im Landtag, der seit Jahren im Amt ist, sagte, er sei zufrieden.",
        "er sei zufrieden",
        "indirect",
        "Der Fraktionschef im Landtag",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), ROLE_ATTRIBUTE_NAME)
def test_role_attribute_name(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- adverbs (stets, immer, davon, darauf ...) are no speaker -------------------

ADVERB_NO_SPEAKER = [
    (
        "Der Minister hatte Fehler eingeräumt und angegeben, er habe ungenau gearbeitet, "
        "jedoch stets beteuert, nicht getäuscht zu haben.",
        "nicht getäuscht",
        "indirect",
        "Der Minister",
    ),
    (
        "Die Kosten liegen bei zehn Millionen Euro, davon fordert der Konzern fünf Millionen.",
        "fünf Millionen",
        "reported",
        "der Konzern",
    ),
    # must not change: the subject before the adverb
    (
        "Er hat immer betont, dass er unschuldig sei.",
        "unschuldig",
        "indirect",
        "Er",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), ADVERB_NO_SPEAKER)
def test_adverb_no_speaker(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- the addressee and the source's own source are no part of the source ---------

FRAME_ADVERBIAL = [
    (
        "Nach Angaben der Sprecherin Anna Berg gegenüber der Zeitung ist der Flughafen "
        "der größte Standort.",
        "größte Standort",
        "indirect",
        "Angaben der Sprecherin Anna Berg",
    ),
    (
        "Laut NDR unter Berufung auf die Polizei wurde der Mann festgenommen.",
        "festgenommen",
        "indirect",
        "NDR",
    ),
    # must not change: a place attribute stays with the source
    (
        "Nach Angaben der Polizei in Bremen wurde der Mann festgenommen.",
        "festgenommen",
        "indirect",
        "Angaben der Polizei in Bremen",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), FRAME_ADVERBIAL)
def test_frame_adverbial(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)


# -- a news site noun keeps its quote-marked name ---------------------------------

NAMED_OUTLET = [
    (
        "Das meldete die Internet-Nachrichtenseite „Heise“ am Montag, die Preise seien gestiegen.",
        "Preise seien",
        "indirect",
        "die Internet-Nachrichtenseite „Heise“",
    ),
    # must not change: a noun that names no outlet keeps no quoted word
    (
        "Das meldete die Behörde am Montag, die Preise seien gestiegen.",
        "Preise seien",
        "indirect",
        "die Behörde",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NAMED_OUTLET)
def test_named_outlet(text: str, fragment: str, kind: str, speaker: str) -> None:
    _check(text, fragment, kind, speaker)
