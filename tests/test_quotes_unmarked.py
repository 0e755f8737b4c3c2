"""Cue-led statements without quote marks (marks lost in extraction) - issue #11.

An indicative main clause after a speech verb and a colon is direct speech without
quote marks (kind ``direct``); a postposed frame ("…, sagte X.") keeps the
indirect reading it had. Sentences with a colon but no speech verb, or a verb that
frames nothing, give no quotation.
"""

from __future__ import annotations

import pytest

from mediakit import find_quotes

UNMARKED = [
    # (text, expected kind, expected speaker, expected message)
    (
        "Der Minister sagte: Wir werden das Problem lösen.",
        "direct",
        "Der Minister",
        "Wir werden das Problem lösen.",
    ),
    (
        "Ihr Vorsitzender Eberhard Brandt erklärte: Die Rechtssicherheit ist nicht gewährleistet.",
        "direct",
        "Ihr Vorsitzender Eberhard Brandt",
        "Die Rechtssicherheit ist nicht gewährleistet.",
    ),
    # inverted frame: adverbial first, the pronoun subject after the verb
    (
        "Dazu sagte er: Das Gesetz kommt zu spät.",
        "direct",
        "er",
        "Das Gesetz kommt zu spät.",
    ),
    (
        "Nach der Sitzung betonte die Ministerin: Die Schulen bleiben offen.",
        "direct",
        "die Ministerin",
        "Die Schulen bleiben offen.",
    ),
    # the postposed frame (unchanged: indirect)
    ("Die Lage ist ernst, sagte Bsirske.", "indirect", "Bsirske", "Die Lage ist ernst"),
]


@pytest.mark.parametrize(("text", "kind", "speaker", "message"), UNMARKED)
def test_unmarked_statements(text, kind, speaker, message):
    qs = find_quotes(text)
    assert [(q.kind, q.speaker.text if q.speaker else "", q.text) for q in qs] == [
        (kind, speaker, message)
    ]


NO_DIRECT = [  # no direct statement (another rule may still find a speech act)
    "Das Ergebnis: Die Preise steigen.",
    "Der Grund ist klar: Die Kosten steigen.",
    "Er sagte nichts.",
    # a passive frame names no one who speaks
    "Auch die Namen der Künstler wurden bekanntgegeben: Mit dabei ist ein Koch aus Spanien.",
    # an infinitive after "ist zu"
    "Auch Positives ist zu berichten: Eine weitere Hürde wurde abgebaut.",
    # an idiom: "meinte es gut"
    "Das Wetter meinte es gut mit den Zuschauern: Nur kurz regnete es.",
    # a thought verb frames no speech
    "Er glaubte: Das wird schon.",
]


@pytest.mark.parametrize("text", NO_DIRECT)
def test_no_unmarked_statement(text):
    assert [q.text for q in find_quotes(text) if q.kind == "direct"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Das Ergebnis: Die Preise steigen.",
        "Der Grund ist klar: Die Kosten steigen.",
        "Er sagte nichts.",
    ],
)
def test_no_quotation_at_all(text):
    assert find_quotes(text) == []


def test_konjunktiv_frame_gives_no_direct_statement():
    # the frame before the colon is itself reported (Konjunktiv): the author continues
    text = (
        "Einigkeit besteht darüber, dass das Duell eine äußerst wichtige Etappe gewesen sei: "
        "So liegen derzeit beide Parteien äußerst nahe beieinander."
    )
    assert [q for q in find_quotes(text) if q.kind == "direct"] == []


def test_marked_colon_quote_unchanged():
    qs = find_quotes("Der Minister sagte: „Wir werden das Problem lösen.“")
    assert [(q.kind, q.speaker.text, q.text) for q in qs] == [
        ("direct", "Der Minister", "„Wir werden das Problem lösen.“")
    ]


CONTINUED = [
    # (text, expected message): the statement runs on in its paragraph ...
    (
        "Der Minister sagte: Wir sind bereit. Das Angebot steht.",
        "Wir sind bereit. Das Angebot steht.",
    ),
    # ... but not past a paragraph break
    (
        "Der Minister sagte: Wir sind bereit. Das Angebot steht.\n\nDie Regierung tagte am Abend.",
        "Wir sind bereit. Das Angebot steht.",
    ),
    # ... nor into a Konjunktiv sentence (reported again) or a sentence with its own cue
    (
        "Der Minister sagte: Wir sind bereit. Die Regierung sei aber nicht bereit.",
        "Wir sind bereit.",
    ),
    (
        "Der Minister sagte: Wir sind bereit. Die Opposition erklärte, sie lehne das ab.",
        "Wir sind bereit.",
    ),
]


@pytest.mark.parametrize(("text", "message"), CONTINUED)
def test_continued_statement(text, message):
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [(q.text, q.speaker.text) for q in direct] == [(message, "Der Minister")]
