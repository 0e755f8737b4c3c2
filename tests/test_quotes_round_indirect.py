"""Cue frames and indirect speech (issue #11): where the frame ends and the message starts.

Each row: a text, a fragment of the quotation it is about, and what that quotation must
be: its kind, its full message text (``q.text``) and its speaker ("" = none), or
``None`` when no quotation may hold the fragment. The sentences are written for these
tests, in the style of news text.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import find_quotes

Row = tuple[str, str, tuple[str, str, str] | None]

ROWS: list[Row] = [
    # a role and a name in commas after the cue verb are one subject (rules/cue_verbs.py)
    (
        "Am Dienstag erklärte der Sprecher der Feuerwehr, Peter Braun, die Straße bleibe "
        "bis zum Abend gesperrt.",
        "bis zum Abend",
        (
            "indirect",
            "die Straße bleibe bis zum Abend gesperrt",
            "der Sprecher der Feuerwehr, Peter Braun",
        ),
    ),
    # ... not a list of countries after a role noun
    (
        "Am Montag sagte der Minister, Deutschland, Frankreich und Italien seien sich einig.",
        "seien sich einig",
        ("indirect", "Deutschland, Frankreich und Italien seien sich einig", "der Minister"),
    ),
    # a noun phrase before the cue verb whose rest is a clause of its own is the subject
    (
        "Eine Sprecherin der Stadt, Maria Lange, sagte gegenüber der Presse, nach "
        "ersten Erkenntnissen sei niemand verletzt worden.",
        "niemand verletzt",
        (
            "indirect",
            "nach ersten Erkenntnissen sei niemand verletzt worden",
            "Eine Sprecherin der Stadt, Maria Lange",
        ),
    ),
    # ... an interrupted content clause still goes on with its finite verb
    (
        "Die Lage im Norden, sagte der Minister, werde sich bald bessern.",
        "bald bessern",
        (
            "indirect",
            "Die Lage im Norden, sagte der Minister, werde sich bald bessern",
            "der Minister",
        ),
    ),
    # a cue word in a main clause after a main clause of its own (rules/prepositions.py)
    (
        "Die Brücke ist wieder geöffnet, jedoch bleibt laut Polizei die Umleitung bis "
        "Freitag bestehen.",
        "Umleitung",
        ("indirect", "jedoch bleibt laut Polizei die Umleitung bis Freitag bestehen", "Polizei"),
    ),
    (
        "Der Start wird für Dienstag erwartet, kann nach Angaben des Betreibers aber auch "
        "später erfolgen.",
        "später erfolgen",
        (
            "indirect",
            "kann nach Angaben des Betreibers aber auch später erfolgen",
            "Angaben des Betreibers",
        ),
    ),
    # ... not after a fronted subordinate clause
    (
        "Als die Feuerwehr eintraf, war das Haus laut Polizei bereits eingestürzt.",
        "eingestürzt",
        (
            "indirect",
            "Als die Feuerwehr eintraf, war das Haus laut Polizei bereits eingestürzt",
            "Polizei",
        ),
    ),
    # ... nor after the subject and its apposition
    (
        "Ein Sprengsatz, vermutlich eine Rohrbombe, ist nach Angaben der Polizei in einem "
        "Zug explodiert.",
        "explodiert",
        (
            "indirect",
            "Ein Sprengsatz, vermutlich eine Rohrbombe, ist nach Angaben der Polizei in "
            "einem Zug explodiert",
            "Angaben der Polizei",
        ),
    ),
    # a sentence-initial wie-frame without its comma
    (
        "Wie die örtlichen Medien berichten sind bei dem Brand drei Menschen verletzt worden.",
        "drei Menschen",
        (
            "indirect",
            "sind bei dem Brand drei Menschen verletzt worden",
            "die örtlichen Medien",
        ),
    ),
    # ... and one whose apposition lost its closing comma
    (
        "Wie ein Sprecher der Muttergesellschaft, Nordwerk heute mitteilte, wurde die "
        "Produktion gestoppt.",
        "Produktion",
        (
            "indirect",
            "wurde die Produktion gestoppt",
            "ein Sprecher der Muttergesellschaft, Nordwerk",
        ),
    ),
    # ... the frame's own auxiliary before its comma stays in the frame
    (
        "Wie die Stadt bekanntgegeben hat, wird das Fest verschoben.",
        "Fest",
        ("indirect", "wird das Fest verschoben", "die Stadt"),
    ),
    # a cue word before a figure inside a noun phrase qualifies the number
    (
        "Gerettet wurden 120 der nach Behördenangaben 200 Passagiere des Schiffes.",
        "Passagiere",
        None,
    ),
    (
        "Das Boot hat eine Reichweite von 300, nach anderen Angaben 350 Kilometern.",
        "Reichweite",
        None,
    ),
    (
        "Nach Angaben der Behörden waren 200 Passagiere an Bord des Schiffes.",
        "Passagiere",
        ("indirect", "waren 200 Passagiere an Bord des Schiffes", "Angaben der Behörden"),
    ),
    # a relative clause after a sentence-initial source describes the source
    (
        "Laut einer Studie der Universität, die am Montag vorgestellt wurde, leben immer "
        "mehr Menschen allein.",
        "allein",
        ("indirect", "leben immer mehr Menschen allein", "einer Studie der Universität"),
    ),
    (
        "Nach Aussage von Anna Roth, einer Sprecherin der Partei, die dem Vorstand angehört, "
        "wird der Parteitag verschoben.",
        "Parteitag",
        (
            "indirect",
            "wird der Parteitag verschoben",
            "Aussage von Anna Roth, einer Sprecherin der Partei",
        ),
    ),
    # a second cue word after a comma ends the first source's message
    (
        "Nach Angaben der Behörden starben bei dem Angriff 120 Menschen, darunter laut "
        "UNO-Angaben 40 Kinder.",
        "Angriff",
        ("indirect", "starben bei dem Angriff 120 Menschen", "Angaben der Behörden"),
    ),
    # ... a "nach" without its statement noun is no second cue
    (
        "Laut Polizei wurden drei Männer festgenommen, die nach dem Spiel randaliert hatten.",
        "festgenommen",
        (
            "indirect",
            "wurden drei Männer festgenommen, die nach dem Spiel randaliert hatten",
            "Polizei",
        ),
    ),
    # a year after a month ends the source
    (
        "Laut einem Bericht des Ministeriums vom Mai 2019 ist die Zahl der Unfälle gesunken.",
        "Unfälle",
        (
            "indirect",
            "ist die Zahl der Unfälle gesunken",
            "einem Bericht des Ministeriums vom Mai 2019",
        ),
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), ROWS)
def test_cue_frame(text: str, fragment: str, expected: tuple[str, str, str] | None) -> None:
    found = [q for q in find_quotes(text) if fragment in q.text]
    if expected is None:
        assert not found, found
        return
    assert found, find_quotes(text)
    q = found[0]
    kind, message, speaker = expected
    assert (q.kind, q.text, q.speaker.text if q.speaker else "") == (kind, message, speaker)
