"""Swiss spelling (``ss`` for ``ß``) reads like the spelling of the tables.

Swiss outlets (NZZ, SRF, Tages-Anzeiger) write no ``ß``. Each row: a sentence in Swiss
spelling, a fragment of the quotation it holds, its kind, speaker and cue; the same
sentence with ``ß`` must give the same quotation.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import find_quotes
from mediakit.quotes.words import _swiss_spellings

SWISS = [
    (
        "Die Lage sei ernst, hiess es aus dem Departement.",
        "Die Lage sei ernst",
        "indirect",
        "hiess es",
    ),
    (
        "Die Preise steigen weiter, heisst es in der Mitteilung.",
        "Die Preise steigen",
        "indirect",
        "heisst es",
    ),
    (
        "Gemäss dem Bundesamt für Statistik ist die Zahl der Arbeitslosen gestiegen.",
        "ist die Zahl",
        "indirect",
        "Gemäss",
    ),
    (
        "Die Ministerin liess mitteilen, sie sei mit dem Ergebnis zufrieden.",
        "sie sei mit dem Ergebnis zufrieden",
        "indirect",
        "mitteilen",
    ),
    (
        "Der Bundesrat schliesst nicht aus, dass die Regeln verschärft werden.",
        "dass die Regeln verschärft werden",
        "indirect",
        "schliesst … aus",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "cue"), SWISS)
def test_swiss_spelling_is_read_as_the_tables_spell_it(text, fragment, kind, cue):
    found = [q for q in find_quotes(text) if fragment in q.text]
    assert found, f"no quotation holds {fragment!r} in {text!r}: {find_quotes(text)}"
    assert found[0].kind == kind
    assert found[0].cue is not None and found[0].cue.text == cue
    standard = find_quotes(text.replace("ss", "ß").replace("daß", "dass"))
    assert [(q.kind, q.text.replace("ß", "ss")) for q in standard if fragment in q.text] == [
        (q.kind, q.text) for q in found
    ]


def test_a_swiss_spelling_that_is_a_word_of_its_own_is_kept():
    # "dass" is the conjunction; the old "daß" in the tables must not take it over
    assert "dass" not in _swiss_spellings()
    assert _swiss_spellings()["gemäss"] == "gemäß"
