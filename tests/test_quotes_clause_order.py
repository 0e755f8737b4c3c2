"""Which clause after a cue verb is its content - word order, on self-written text."""

from __future__ import annotations

import pytest

from mediakit import find_quotes

# A cue verb at the end of a fronted adverbial clause ("Nachdem X berichtet hatte, …") is
# followed by the main clause, which opens with its finite verb (verb first): that clause
# is the author's, not the content of the cue verb.
MAIN_CLAUSE_AFTER_FRAME = [
    "Nachdem die Sprecherin berichtet hatte, habe der Trainer das Training abgesagt.",
    "Nachdem die Stadt die Polizei informiert hatte, wurde eine Sonderkommission gebildet, "
    "um den Täter zu finden.",
    "Als der Arzt angerufen hatte, sei die Mutter schon auf dem Weg gewesen.",
]


@pytest.mark.parametrize("text", MAIN_CLAUSE_AFTER_FRAME)
def test_verb_first_main_clause_is_no_content(text: str) -> None:
    assert [q.text for q in find_quotes(text) if q.kind == "indirect"] == []


# (text, message): the content clause after the comma is V2 or introduced - still content
CONTENT_AFTER_FRAME = [
    ("Der Sprecher sagte, die Straße werde gesperrt.", "die Straße werde gesperrt"),
    (
        "Die Ministerin erklärte, dass die Schule geschlossen werde.",
        "dass die Schule geschlossen werde",
    ),
    ("Der Verband kündigte an, die Preise zu senken.", "die Preise zu senken"),
]


@pytest.mark.parametrize(("text", "message"), CONTENT_AFTER_FRAME)
def test_content_clause_stays(text: str, message: str) -> None:
    assert [q.text for q in find_quotes(text) if q.kind == "indirect"] == [message]


# (text, message): a relative source cue ("nach denen", "wonach", "denen zufolge") after
# the verb's object opens the content clause; the message starts after the cue
RELATIVE_SOURCE_CUES = [
    (
        "Der Verband verwies auf Studien, nach denen die Methode oft wirksam sei.",
        "die Methode oft wirksam sei",
    ),
    (
        "Das Ministerium wies Berichte zurück, wonach die Inspektoren Zutritt verlangt hätten.",
        "die Inspektoren Zutritt verlangt hätten",
    ),
    (
        "Der Abgeordnete bezweifelte die Vereinbarkeit mit Grundsätzen, denen zufolge von "
        "einer Unschuld auszugehen sei.",
        "von einer Unschuld auszugehen sei",
    ),
]


@pytest.mark.parametrize(("text", "message"), RELATIVE_SOURCE_CUES)
def test_relative_source_cue_is_no_message(text: str, message: str) -> None:
    assert [q.text for q in find_quotes(text) if q.kind == "indirect"] == [message]


def test_temporal_nach_stays_in_the_message() -> None:
    # "nach dem Spiel" is a time, no relative source cue
    text = "Der Sekretär sagte, nach dem Spiel hätten alle Spieler dem Schiedsrichter die Hand gegeben."
    assert [q.text for q in find_quotes(text) if q.kind == "indirect"] == [
        "nach dem Spiel hätten alle Spieler dem Schiedsrichter die Hand gegeben"
    ]


# (text, kind, message): a verb-first "sollte" clause after the frame is a condition; at
# the end of the sentence it is no content (the act is reported as a whole), before a
# content clause it belongs to the content
CONDITIONS = [
    (
        "China hatte mit Konsequenzen gedroht, sollte das Parlament den Preis vergeben.",
        "reported",
        "China hatte mit Konsequenzen gedroht, sollte das Parlament den Preis vergeben.",
    ),
    (
        "Der Minister sagte, sollte der Plan scheitern, werde er zurücktreten.",
        "indirect",
        "sollte der Plan scheitern, werde er zurücktreten",
    ),
]


@pytest.mark.parametrize(("text", "kind", "message"), CONDITIONS)
def test_conditional_clause_after_the_frame(text: str, kind: str, message: str) -> None:
    assert [(q.kind, q.text) for q in find_quotes(text)] == [(kind, message)]


# A second frame coordinated right after the closing quote mark of a partial quote
# ("… sei „…“ und kündigte an, …") splits the indirect quotation in two, as after a comma.
COORDINATED_AFTER_MARKS = [
    (
        "Die Abgeordnete erklärte, der Senator sei „ein Freund der Waffenlobby“ und kündigte "
        "an, gegen ihn kandidieren zu wollen.",
        ["der Senator sei „ein Freund der Waffenlobby“", "gegen ihn kandidieren zu wollen"],
    ),
    (
        "Er sagte, die Lage sei ernst, und kündigte an, den Plan zu prüfen.",
        ["die Lage sei ernst", "den Plan zu prüfen"],
    ),
]


@pytest.mark.parametrize(("text", "messages"), COORDINATED_AFTER_MARKS)
def test_coordinated_frame_after_quote_marks(text: str, messages: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == messages


# (text, message): a reason or circumstance after a reported act ("…, weil …", "…, wobei …")
# is part of its message; a time clause ("…, bevor …") is not
ACT_REASONS = [
    (
        "Der Verband warf dem Minister Wortbruch vor, weil dieser den Rückzug angekündigt hatte.",
        "Der Verband warf dem Minister Wortbruch vor, weil dieser den Rückzug angekündigt hatte.",
    ),
    (
        "Die Zeitungen berichten von randalierenden Fans, wobei oft Alkohol im Spiel ist.",
        "Die Zeitungen berichten von randalierenden Fans, wobei oft Alkohol im Spiel ist.",
    ),
    (
        "Die Behörde warnte vor dem Verzehr von Gurken, bevor die Ursache bekannt war.",
        "Die Behörde warnte vor dem Verzehr von Gurken",
    ),
]


@pytest.mark.parametrize(("text", "message"), ACT_REASONS)
def test_reason_after_a_reported_act(text: str, message: str) -> None:
    assert [(q.kind, q.text) for q in find_quotes(text)] == [("reported", message)]
