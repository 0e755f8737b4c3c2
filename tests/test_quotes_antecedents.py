"""Antecedents of pronoun speakers (rules/speakers.resolve_pronouns), hand-checked.

Each row: a German text, the pronoun speaker (its text), and the antecedent a reader
gives it (``None``: the text names no compatible person before it, so it stays
unresolved). Several rows put a wrong mention nearest: an object, a different gender,
an institution for *er*, a paragraph break.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import analyze_quotes

CASES = [
    # (text, pronoun speaker, expected antecedent)
    ("Der Kanzler traf den Präsidenten. Er sagte, er sei zufrieden.", "Er", "Der Kanzler"),
    (
        "Scholz traf Macron in Paris. Seiner Meinung nach ist der Krieg verloren.",
        "Seiner Meinung",
        "Scholz",
    ),
    ("Die Ministerin traf den Kanzler. Er sagte, er sei zufrieden.", "Er", "den Kanzler"),
    ("Die Ministerin traf den Kanzler. Sie sagte, sie sei zufrieden.", "Sie", "Die Ministerin"),
    ("Der Minister traf die Sprecherin. Sie sagte, die Lage sei ernst.", "Sie", "die Sprecherin"),
    ("Frau Maier traf den Kanzler. Sie sagte, sie sei zufrieden.", "Sie", "Frau Maier"),
    ("Der Kanzler traf Frau Maier. Er sagte, er sei zufrieden.", "Er", "Der Kanzler"),
    (
        "Putin habe Trump nach Moskau eingeladen. Er verwies in dem Telefonat aber darauf, "
        "dass Russland dies wolle.",
        "Er",
        "Putin",
    ),
    ("Die Regierung legte einen Plan vor. Sie erklärte, er sei gut.", "Sie", "Die Regierung"),
    ("Die Regierung legte einen Plan vor. Er erklärte, der Plan sei gut.", "Er", None),
    (
        "Der Kanzler sprach mit Journalisten. Danach traf die Ministerin ein. "
        "Er sagte, er sei zufrieden.",
        "Er",
        "Der Kanzler",
    ),
    (
        "Der Kanzler reiste ab. Groß war die Freude. Er sagte, er sei zufrieden.",
        "Er",
        "Der Kanzler",
    ),
    ("Er sagte, er sei zufrieden.", "Er", None),
    ("Die Lage ist ernst. Er sagte, man müsse handeln.", "Er", None),
    ("Der Präsident traf die Ministerin.\n\nEr sagte, er sei zufrieden.", "Er", None),
    (
        "Der Kanzler reiste ab. Das Wetter war schlecht. Die Lage blieb ernst. "
        "Er sagte, er sei zufrieden.",
        "Er",
        None,
    ),
    (
        "Nach Darstellung Moskaus war das Gespräch gut. Seiner Meinung nach ist der Krieg "
        "verloren.",
        "Seiner Meinung",
        None,
    ),
]


@pytest.mark.parametrize(("text", "pronoun", "expected"), CASES)
def test_antecedent(text: str, pronoun: str, expected: str | None) -> None:
    speakers = [q.speaker for q in analyze_quotes(text).quotations if q.speaker]
    found = [s for s in speakers if s.text == pronoun]
    assert found, [s.text for s in speakers]
    resolved = found[0].resolved
    assert (resolved.text if resolved else None) == expected


def test_pronoun_span_unchanged() -> None:
    """Only ``resolved`` changes: the speaker span stays the pronoun."""
    text = "Der Kanzler traf den Präsidenten. Er sagte, er sei zufrieden."
    (q,) = analyze_quotes(text).quotations
    assert (q.speaker.text, q.speaker.speaker_type) == ("Er", "pronoun")
    assert text[q.speaker.start : q.speaker.end] == "Er"


def test_source_grouped_with_antecedent() -> None:
    text = (
        "US-Präsident Donald Trump sagte, er sei zufrieden. Trump traf Macron in Paris. "
        "Er sagte, man werde verhandeln."
    )
    sources = analyze_quotes(text).sources
    assert [(s.name, [m.text for m in s.mentions]) for s in sources] == [
        ("US-Präsident Donald Trump", ["US-Präsident Donald Trump", "Er"])
    ]


def test_unresolved_pronoun_is_its_own_source() -> None:
    sources = analyze_quotes("Die Lage ist ernst. Er sagte, man müsse handeln.").sources
    assert [(s.name, s.source_type) for s in sources] == [("Er", "person")]


def test_pronoun_chain() -> None:
    """A sentence before that opens with the same pronoun passes its referent on."""
    text = (
        "Nun hat auch Heidemarie Wieczorek-Zeul das Handtuch geworfen. Sie wird nicht mehr für "
        "das Amt der Vorsitzenden kandidieren. Sie wird mit den Worten zitiert: „Ich will nicht.“"
    )
    speakers = [q.speaker for q in analyze_quotes(text).quotations if q.speaker]
    assert [(s.text, s.resolved.text if s.resolved else None) for s in speakers] == [
        ("Sie", "Heidemarie Wieczorek-Zeul")
    ]
