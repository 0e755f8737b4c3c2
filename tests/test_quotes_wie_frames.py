"""Frames with "wie" ("Wie die Polizei mitteilte, …", "…, wie X sagte.") - the message is the main clause."""

from __future__ import annotations

import pytest

from mediakit import find_quotes

WIE_FRAMES = [
    # (text, expected message, expected speaker)
    ("Wie die Polizei mitteilte, wurde niemand verletzt.", "wurde niemand verletzt", "die Polizei"),
    # a sentence adverb between "wie" and the source
    (
        "Wie schon die WHO sagte, ist eine Ansteckung im Vogelpark unwahrscheinlich.",
        "ist eine Ansteckung im Vogelpark unwahrscheinlich",
        "die WHO",
    ),
    # a source whose name stands in quote marks
    (
        "Wie „heise online“ berichtet, sperrten die Behörden den Zugang zu der Plattform.",
        "sperrten die Behörden den Zugang zu der Plattform",
        "„heise online“",
    ),
    # a source with an apposition in commas
    (
        "Die Chemikalie stand unter Druck, wie Burt Rutan, Chef der Firma Scaled Composites, mitteilte.",
        "Die Chemikalie stand unter Druck",
        "Burt Rutan, Chef der Firma Scaled Composites",
    ),
    (
        "Die Lage ist ernst, wie der Sprecher des Ministeriums, Peter Müller, sagte.",
        "Die Lage ist ernst",
        "der Sprecher des Ministeriums, Peter Müller",
    ),
    # a conjunction before the frame that opens the sentence
    (
        "Denn wie die Zeitung am Montag berichtete, leidet der Schauspieler an einer Krankheit.",
        "leidet der Schauspieler an einer Krankheit",
        "die Zeitung",
    ),
    (
        "Aber wie die Feuerwehr mitteilte, konnten alle Bewohner das Haus verlassen.",
        "konnten alle Bewohner das Haus verlassen",
        "die Feuerwehr",
    ),
]


@pytest.mark.parametrize(("text", "message", "speaker"), WIE_FRAMES)
def test_wie_frames(text, message, speaker):
    qs = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text if q.speaker else "") for q in qs] == [
        ("indirect", message, speaker)
    ]


def test_wie_question_is_no_frame():
    # "auf die Frage, wie oft …": a question, not a source
    qs = find_quotes("Er lachte auf die Frage, wie oft die beiden gesprochen haben.")
    assert all(q.kind != "indirect" or q.speaker is None or q.speaker.text != "oft" for q in qs)


SOURCE_AFTER_AUS = [
    # "hervorgehen": the source follows "aus" - anaphoric ("Dies geht aus … hervor") and wie-frame
    (
        "Der Konzern plant eine Umwandlung in eine neue Rechtsform. "
        "Dies geht aus einer Pressemitteilung des Konzerns hervor.",
        "Der Konzern plant eine Umwandlung in eine neue Rechtsform",
        "einer Pressemitteilung des Konzerns",
    ),
    (
        "Wie aus einer Verlautbarung der Schutztruppe hervorgeht, wurden fünf Zivilisten getötet.",
        "wurden fünf Zivilisten getötet",
        "einer Verlautbarung der Schutztruppe",
    ),
]


@pytest.mark.parametrize(("text", "message", "speaker"), SOURCE_AFTER_AUS)
def test_source_after_aus(text, message, speaker):
    qs = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text if q.speaker else "") for q in qs] == [
        ("indirect", message, speaker)
    ]


def test_hervorgehen_in_the_sense_of_emerging_is_no_frame():
    assert find_quotes("Als Sieger aus der Wahl ging die Front von Meles Zenawi hervor.") == []
    assert find_quotes("Die Firma war alteingesessen, hervorgegangen aus einer Werkstatt.") == []
