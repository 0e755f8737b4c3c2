"""Reported speech acts (rules/reported.py, speech_acts.tsv): rows of the quotation round.

Each row: a text, a fragment of the quotation it should lie in (or of the text, for no
quotation), the kind ("" = no quotation holds the fragment), the speaker ("" = none) and,
for a quotation, its exact text (None = not checked). The sentences are written for
these tests, in the style of news text.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import analyze_quotes


def _find(text: str, fragment: str):
    for q in analyze_quotes(text).all_quotations():
        if fragment in q.text:
            return q
    return None


ROWS = [
    # voraussagen is a forecast like vorhersagen: its object is the content
    (
        "Die Wetterdienste sagten für das Wochenende starken Schneefall voraus.",
        "Schneefall",
        "reported",
        "Die Wetterdienste",
        None,
    ),
    (
        "Das Institut hat einen Rückgang der Mieten vorausgesagt.",
        "Rückgang",
        "reported",
        "Das Institut",
        None,
    ),
    # what must not change: vorhersagen itself, and a plain sagen frame
    (
        "Die Forscher sagten eine milde Grippesaison vorher.",
        "Grippesaison",
        "reported",
        "Die Forscher",
        None,
    ),
    ("Die Sprecherin sagte, der Pegel steige weiter.", "Pegel", "indirect", "Die Sprecherin", None),
    # a clause that opens with the act's own subject and verb is a main clause of its
    # own: the author's main clause before its comma is no part of the act
    (
        "Es sind 300 neue Stellen entstanden, die Betreiber sprechen bereits von 500 Stellen.",
        "500 Stellen",
        "reported",
        "die Betreiber",
        "die Betreiber sprechen bereits von 500 Stellen.",
    ),
    (
        "Nähere Angaben machte er nicht, er verwies aber auf die laufenden Ermittlungen.",
        "Ermittlungen",
        "reported",
        "er",
        "er verwies aber auf die laufenden Ermittlungen.",
    ),
    # or with a sentence adverb, the verb and then the subject (obendrein: an adverb)
    (
        "Die Preise steigen, obendrein spricht der Präsident von neuen Zöllen.",
        "Zöllen",
        "reported",
        "der Präsident",
        "obendrein spricht der Präsident von neuen Zöllen.",
    ),
    (
        "Die Preise steigen, zudem warnte die Notenbank vor einer Rezession.",
        "Rezession",
        "reported",
        "die Notenbank",
        "zudem warnte die Notenbank vor einer Rezession.",
    ),
    # what must not change: a subject with a relative clause before the verb, and a
    # fronted adverbial clause, stay part of the act
    (
        "Der Minister, der seit 2005 im Amt ist, sprach von einem Erfolg.",
        "Erfolg",
        "reported",
        "Der Minister",
        "Der Minister, der seit 2005 im Amt ist, sprach von einem Erfolg.",
    ),
    (
        "Nach dem Treffen in Brüssel, das drei Stunden dauerte, sprach die Ministerin von einem Durchbruch.",
        "Durchbruch",
        "reported",
        "die Ministerin",
        "Nach dem Treffen in Brüssel, das drei Stunden dauerte, sprach die Ministerin von einem Durchbruch.",
    ),
    # a finite act verb right after a comma with only its source after it is a
    # postposed frame: the main clause before the comma is the reported content
    (
        "Die Truppen stießen auf heftigen Widerstand, berichtete die Agentur.",
        "Widerstand",
        "indirect",
        "die Agentur",
        "Die Truppen stießen auf heftigen Widerstand",
    ),
    (
        "Bei ihrem Vorstoß nach Norden trafen die Truppen auf Minenfelder, berichtet Reuters.",
        "Minenfelder",
        "indirect",
        "Reuters",
        "Bei ihrem Vorstoß nach Norden trafen die Truppen auf Minenfelder",
    ),
    # what must not change: an act with its own object or predicate after the subject,
    # a phrase that is no clause before the comma, a second act of the same subject
    (
        "Der frühere Bürgermeister der Stadt, Hans Berger, schätzt den Vorgang als Niederlage ein.",
        "Niederlage",
        "reported",
        "Der frühere Bürgermeister der Stadt, Hans Berger",
        None,
    ),
    (
        "In einem gestern veröffentlichten Bericht, der dem Rat vorlag, warnt der Verband vor Engpässen.",
        "Engpässen",
        "reported",
        "der Verband",
        None,
    ),
    (
        "Die Rebellen begrüßten die Ankündigung, fordern aber einen genauen Termin.",
        "Termin",
        "reported",
        "Die Rebellen",
        None,
    ),
    # erwarten with an indefinite subject after the verb and the object before it
    # means 'await': no expectation is stated
    ("Den Fahrer erwartet nun eine Anklage wegen fahrlässiger Tötung.", "Anklage", "", "", None),
    # what must not change: the one who expects as the subject, before or after the verb
    (
        "Die Ministerin erwartet eine rasche Einigung.",
        "Einigung",
        "reported",
        "Die Ministerin",
        None,
    ),
    (
        "Für das laufende Jahr erwartet der Verband ein deutliches Plus.",
        "Plus",
        "reported",
        "der Verband",
        None,
    ),
    # the required "von" after the subject opens the content, no attribute of the speaker
    (
        "In einem Interview sprach die Kanzlerin von der Möglichkeit einer Koalition.",
        "Koalition",
        "reported",
        "die Kanzlerin",
        None,
    ),
    # what must not change: an attribute with "von" when a second "von" follows
    (
        "Am Montag sprach der Sprecher von Greenpeace von einem Erfolg.",
        "Erfolg",
        "reported",
        "der Sprecher von Greenpeace",
        None,
    ),
    (
        "Joe Stork von HRW sprach von einem Angriff.",
        "Angriff",
        "reported",
        "Joe Stork von HRW",
        None,
    ),
    # an act coordinated after the frame of a direct quote is the speaker's second act
    (
        "„Das war erst der Anfang“, schrieben die Aktivisten und kündigten weitere Proteste an.",
        "Proteste",
        "reported",
        "die Aktivisten",
        "und kündigten weitere Proteste an",
    ),
    # what must not change: the direct quote itself, and a verb after "und" that is no act
    (
        "„Das war erst der Anfang“, schrieben die Aktivisten und kündigten weitere Proteste an.",
        "Anfang",
        "direct",
        "die Aktivisten",
        "„Das war erst der Anfang“",
    ),
    (
        "„Das war erst der Anfang“, schrieben die Aktivisten und gingen nach Hause.",
        "Hause",
        "",
        "",
        None,
    ),
    # "würde" + the infinitive of an act verb is a hypothesis: no act took place
    (
        "Die Opposition würde in diesem Fall den Rücktritt der Ministerin fordern.",
        "Rücktritt",
        "",
        "",
        None,
    ),
    ("Die Spuren würden auf eine gezielte Tötung hinweisen.", "Spuren", "", "", None),
    # what must not change: the act in the indicative, and the clause inside a frame
    ("Die Ministerin wies auf die hohen Kosten hin.", "Kosten", "reported", "Die Ministerin", None),
    (
        "Die Ermittler erklärten, die Spuren würden auf eine gezielte Tötung hinweisen.",
        "Spuren",
        "indirect",
        "Die Ermittler",
        "die Spuren würden auf eine gezielte Tötung hinweisen",
    ),
    # "man" as the subject of a forecast or general view is no source ("wird … gerechnet")
    ("Für das Wochenende rechnet man mit Dauerregen.", "Dauerregen", "", "", None),
    # what must not change: a named subject of the same act
    ("Die Polizei rechnet mit vielen Besuchern.", "Besuchern", "reported", "Die Polizei", None),
    # the auxiliary of a relative clause inside the act's clause is not the act's: a
    # present-tense form like "beziffert" is no participle with "sind" of the relative
    (
        "Die Polizei beziffert die Zahl der Menschen, die durch die Fluten gestorben sind, auf 626.",
        "626",
        "reported",
        "Die Polizei",
        None,
    ),
    # what must not change: a state perfect of the clause itself stays no act
    ("Die Verhandlungen waren ins Stocken geraten.", "Stocken", "", "", None),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker", "exact"), ROWS)
def test_reported_round(
    text: str, fragment: str, kind: str, speaker: str, exact: str | None
) -> None:
    q = _find(text, fragment)
    if not kind:
        assert q is None, f"{fragment!r} should be no quotation, got {q}"
        return
    assert q is not None, f"no quotation holds {fragment!r}"
    assert q.kind == kind, (q.kind, q.text)
    assert (q.speaker.text if q.speaker else "") == speaker, (q.speaker, q.text)
    if exact is not None:
        assert q.text == exact, q.text
