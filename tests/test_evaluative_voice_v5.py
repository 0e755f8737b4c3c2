"""Whose voice, second round (issue #12): speech acts the writer imagines or demands,
and a fixed Konjunktiv phrase only where it opens its clause; each rule with the German
sentences it was written for (and the sentences that must stay as they are)."""

from __future__ import annotations

import pytest

from mediakit.evaluative import find_evaluative


def voice_of(text: str, word: str) -> tuple[str, str | None]:
    (hit,) = [h for h in find_evaluative(text) if h.text == word]
    return hit.voice, hit.source


# (sentence, evaluative word, expected voice, expected source)
CASES = [
    # counterfactual: the cue verb's clause in the würde-Konjunktiv II is imagined speech
    (
        "Wenn Monsanto, Bayer und die anderen endlich mal die Wahrheit sagen würden, würden "
        "sie erklären, dass es bei GVO keineswegs darum geht, die Welt sattzumachen.",
        "keineswegs",
        "author",
        None,
    ),
    ("Kritiker würden einwenden, dass das ein Skandal ist.", "Skandal", "author", None),
    # ... but a Konjunktiv II inside the message is the reported speaker's
    ("Er sagte, dass das ein Skandal wäre.", "Skandal", "attributed", "Er"),
    ("Sie sagte, das würde ein Desaster.", "Desaster", "attributed", "Sie"),
    # ... and hätte also reports (hearsay), so it is not a counterfactual frame
    (
        "Angeblich hätte er behauptet, das sei ein Desaster.",
        "Desaster",
        "attributed",
        "er",
    ),
    # an agentless passive cue under a modal: the writer's demand or assessment
    ("Es sollte darüber gesprochen werden, ob das ein Skandal ist.", "Skandal", "author", None),
    ("Es muss gesagt werden, dass das ein Skandal ist.", "Skandal", "author", None),
    # ... a plain agentless passive and hearsay soll stay someone's
    (
        "Es wurde behauptet, dass das ein Skandal ist.",
        "Skandal",
        "attributed",
        "ungenannte Quelle",
    ),
    (
        "Dem Minister soll mitgeteilt worden sein, dass das ein Skandal ist.",
        "Skandal",
        "attributed",
        "ungenannte Quelle",
    ),
    # sei es is the fixed concessive only where it opens its clause
    (
        "So sei es immerhin gelungen, die Soforthilfe für Syrien aufzustellen.",
        "immerhin",
        "attributed",
        None,
    ),
    ("Sei es drum, das ist ein Skandal.", "Skandal", "author", None),
    ("Er handelte, sei es aus Angst oder aus Kalkül, völlig absurd.", "absurd", "author", None),
]


@pytest.mark.parametrize(("text", "word", "voice", "source"), CASES)
def test_voice_v5(text: str, word: str, voice: str, source: str | None) -> None:
    assert voice_of(text, word) == (voice, source)


# a one-word speaker label of a press-conference protocol: the line goes on in the first person
@pytest.mark.parametrize(
    ("text", "word", "voice", "source"),
    [
        ("Adebahr: Ich denke, wir sind sehr zufrieden.", "sehr", "quoted", "Adebahr"),
        ("Palmer: Ich schreibe, dass die Integration gelingt.", "Ich", "quoted", "Palmer"),
        ("Seibert: Wir sind darüber sehr besorgt.", "besorgt", "quoted", "Seibert"),
        # a heading or a sentence adverb in the writer's own first person is no label
        ("Fazit: Ich bleibe völlig skeptisch.", "skeptisch", "author", None),
        ("Ehrlich: Wir wissen es nicht genau.", "Wir", "author", None),
        # one plain word without the first person stays no label
        ("Pikant: Die Ergebnisse sind geheim.", "Pikant", "author", None),
    ],
)  # fmt: skip
def test_one_word_protocol_label(text: str, word: str, voice: str, source: str | None) -> None:
    assert voice_of(text, word) == (voice, source)


# a message that opens with the writer's modal "man" frame, after an adverb taken for the source
@pytest.mark.parametrize(
    ("text", "word", "voice", "source"),
    [
        ("Demnach kann man wohl mit Fug und Recht behaupten, dass die Täuschungsmanöver der "
         "Bundesregierung verantwortungslos sind.", "verantwortungslos", "author", None),
        # a named source keeps its view; a reported "man müsse / könne" stays the speaker's
        ("Laut Polizei kann man von einem Skandal sprechen.", "Skandal", "attributed", "Polizei"),
        ("Er sagte, man könne das Desaster noch abwenden.", "Desaster", "attributed", "Er"),
        ("Er sagte, man müsse den Skandal aufklären.", "Skandal", "attributed", "Er"),
    ],
)  # fmt: skip
def test_message_opening_with_modal_man(
    text: str, word: str, voice: str, source: str | None
) -> None:
    assert voice_of(text, word) == (voice, source)


# a reported act starts after a colon that ends a heading or an enumeration before its verb
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Vorher zwei Bemerkungen: Erstens: Das RKI spricht immer noch von Fällen.",
         "Das RKI spricht immer noch von Fällen."),
        ("Die Polizei sprach von einem Unfall.", "Die Polizei sprach von einem Unfall."),
    ],
)  # fmt: skip
def test_reported_act_starts_after_a_heading_colon(text: str, message: str) -> None:
    from mediakit import find_quotes

    (quotation,) = [q for q in find_quotes(text) if q.kind == "reported"]
    assert quotation.text == message


# a quote-marked phrase with a first-person pronoun is someone's words, even without a speaker
@pytest.mark.parametrize(
    ("text", "word", "voice"),
    [
        ('Er sei in der Presse mit der Aussage "Wir sind voll" zitiert worden.', "Wir", "quoted"),
        ('Der Slogan "Wir schaffen das" wurde zum Mantra.', "Wir", "quoted"),
        # a single quoted word is a mention; a scare-quoted phrase without "wir" the writer's
        ('"Wir" ist ein völlig absurdes Wort.', "absurdes", "author"),
        ("Das ist eine „völlig absurde“ Idee.", "absurde", "author"),
    ],
)  # fmt: skip
def test_first_person_phrase_in_quote_marks(text: str, word: str, voice: str) -> None:
    assert voice_of(text, word)[0] == voice


# a speech act that did not take place (ohne dass / ohne zu before the cue) reports no one
@pytest.mark.parametrize(
    ("text", "word", "voice", "source"),
    [
        ("Mir wurde die Impfung verabreicht, ohne dass ich gefragt worden bin, ob ich "
         "Linkshänder sei, und mein Oberarm wurde tiefrot.", "tiefrot", "author", None),
        ("Er ging, ohne zu sagen, dass das ein Skandal sei.", "Skandal", "author", None),
        # a cue that did take place stays attributed
        ("Er ging und sagte, das sei ein Skandal.", "Skandal", "attributed", "Er"),
    ],
)  # fmt: skip
def test_unrealised_speech_act(text: str, word: str, voice: str, source: str | None) -> None:
    assert voice_of(text, word) == (voice, source)


def test_ohne_zweifel_is_no_unrealised_speech_act() -> None:
    assert voice_of("Ohne Zweifel sagte er, das sei ein Skandal.", "Skandal") == (
        "attributed",
        "er",
    )
