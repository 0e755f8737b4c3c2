"""The quotation pre-checks against the whole rule chain (issue #14, single sentences).

``view.nothing_can_match`` skips the :class:`Context` and the chain for texts whose
tokens have quotation roles, but from which no rule can find a quotation (a lone
"nach" without "Angaben", "so" without a comma before it, Konjunktiv II only, a cue
verb without comma or colon …). Each test runs the whole chain, step by step and
without any shortcut, and compares: on hand-made edge cases, on the subjectivity
sentences and the Wikinews texts (when the shared data is there), and on random text.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from test_properties import PROPERTY, texts

from mediakit import document
from mediakit.quotes import analyze_quotes
from mediakit.quotes.pipeline import CHAIN, detect, run
from mediakit.quotes.rules.regions import region_spans
from mediakit.quotes.view import Context, no_starting_point, nothing_can_match

SHARED = Path("/work/shared/data")

# Texts with tokens that have a quotation role, but nothing the rules can find from it.
NOTHING_CAN_MATCH = [
    "Nach dem Spiel gingen alle nach Hause.",  # "nach" without a required noun
    "So weit ist es noch nicht.",  # "so" without a comma before it
    "Das heißt nicht viel.",  # "heißt" without "es"
    "Das könnte teuer werden.",  # Konjunktiv II only
    "Sie würden gern kommen, wenn sie könnten.",  # Konjunktiv II only, with a comma
    "Es geht in dieser Studie um Großbritannien.",  # "geht" names an act only with "aus"
    "Der Rückgang wird zu einer Panik führen.",  # "führen" only with "zurück"
    "Die Evaluierung geht dem Ende zu.",
    "Es gibt, wie immer, viele offene Fragen.",  # "gibt" a cue only with its particle
    "Die Zahlen stellen, trotz allem, kein Problem dar.",  # "stellen" without "fest"
    "Die Entscheidung fiel am Montag.",  # a statement noun without a comma after it
    "Die Entscheidung, die am Montag fiel, war knapp.",  # ... without dass or zu
    "Trotzdem wollen wir heute über Zahlen sprechen.",  # "sprechen" names an act with "von"
    "Das Ergebnis erklärt wenig. Trotz allem, seit Jahren, bleibt es so.",  # commas elsewhere
]

# Texts one step from the above: the rules do find (or may find) something.
MAY_MATCH = [
    "Nach Angaben der Polizei war die Straße gesperrt.",  # "nach" + required noun
    "Nach Polizeiangaben war die Straße gesperrt.",  # compound ending in "angaben"
    "Seiner Meinung nach war die Straße gesperrt.",  # "Meinung nach"
    "Es gibt Angaben, nach denen die Straße gesperrt war.",  # relative cue
    "Die Straße war gesperrt, so die Polizei.",  # ", so X"
    "Die Straße sei gesperrt, hieß es.",  # "hieß es"
    "Im Bericht heißt es, die Straße sei gesperrt.",
    "Laut Polizei war die Straße gesperrt.",  # "laut": never skipped
    "Demnach war die Straße gesperrt.",  # "demnach": never skipped
    "Er soll geflohen sein.",  # reportive "soll"
    "Putin habe Trump nach Moskau eingeladen.",  # Konjunktiv I
    "Er fahre morgen nach Kiew.",  # regular Konjunktiv I
    "Die Firma hat angekündigt die Preise zu erhöhen.",  # comma-less zu-infinitive
    "Die Regierung kritisierte den Plan als verfehlt.",  # a speech act
    "Die Polizei sprach von einem Unfall.",  # a speech act with its required word
    "Er hält den Plan für falsch.",
    "Er nannte den Plan illegal.",  # a predicate instead of the required word
    "Das Ergebnis geht aus dem Bericht hervor.",  # particle verb
    "Die Polizei geht von einem Unfall aus.",  # the particle of a speech act is there
    "Die Straße war gesperrt. Das berichtete die Zeitung.",  # anaphoric frame
    "Er sagte, die Straße sei gesperrt.",  # a comma after the cue verb
    "Die Polizei gab am Montag bekannt, dass die Straße gesperrt war.",  # its particle
    "Wie die Polizei bekannt gab, war die Straße gesperrt.",  # ... right before it
    "Die Straße war gesperrt, wie die Polizei bekanntgab.",  # a joined form
    "Die Polizei hat bekannt gegeben, dass die Straße gesperrt war.",  # split participle
    "Gefordert wird eine Untersuchung.",  # fronted participle
    "Die Straße war gesperrt, erklärte die Polizei.",  # a comma right before the verb
    "Die Polizei erklärte am Montag in Berlin: Die Straße ist gesperrt.",  # a colon
    "Die Straße war, wie die Polizei erklärte, gesperrt.",  # "wie"
    "Die Entscheidung, dass die Straße gesperrt bleibt, fiel am Montag.",  # noun + dass
    "Die Forderung, die Straße zu sperren, blieb.",  # noun + zu-infinitive
    "- Gefordert wird eine Untersuchung.",  # ... after a dash
    "(Gefordert wird eine Untersuchung.)",
    "Die Forderung der CDU, es handele sich um einen Antrag, blieb.",  # cue noun
    "Er hat als einzige „Errungenschaft“ nichts.",  # quote region
]


def _whole_chain(text: str) -> tuple[list, list, list]:
    """Every step of the chain on a fresh view, as if there were no shortcut."""
    cx = Context(document.Document(text))
    for step in CHAIN:
        step(cx)
    scare, titles = region_spans(cx)
    return cx.quotes, scare, titles


def _check(text: str) -> bool:
    doc = document.Document(text)
    skipped = nothing_can_match(doc)
    if no_starting_point(doc):
        assert skipped, text  # it takes every text the first pre-check takes
    if skipped:
        assert _whole_chain(text) == ([], [], []), text
        assert run(Context(document.Document(text))) == ([], [], []), text
    # the chain with its shortcuts gives what the chain without the pre-checks gives
    assert repr(detect(doc)) == repr(run(Context(document.Document(text)))), text
    return skipped


def test_nothing_can_match_on_edge_cases() -> None:
    for text in NOTHING_CAN_MATCH:
        doc = document.Document(text)
        assert not no_starting_point(doc), text  # some token has a role
        assert nothing_can_match(doc), text
        assert _check(text), text
        assert analyze_quotes(text).quotations == []
    for text in MAY_MATCH:
        assert not nothing_can_match(document.Document(text)), text
        _check(text)


def _corpus_texts() -> list[str]:
    out: list[str] = []
    for path in sorted((SHARED / "subjectivity").glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
        out.extend(row[1] for row in rows if len(row) > 1 and row[1].strip())
    for part in ("train", "dev"):
        for path in sorted((SHARED / "quotes" / part).glob("*.json")):
            text = json.loads(path.read_text(encoding="utf-8")).get("originalText") or ""
            if text.strip():
                doc = document.Document(text)
                out.extend(s.text for s in doc.sentences)
                out.extend(p.text for p in doc.paragraphs)
    return out


@pytest.mark.skipif(not (SHARED / "subjectivity").is_dir(), reason="shared data not here")
def test_nothing_can_match_on_real_sentences() -> None:
    skipped = 0
    for text in _corpus_texts():
        doc = document.Document(text)
        if no_starting_point(doc) or not nothing_can_match(doc):
            continue
        skipped += 1
        assert _whole_chain(text) == ([], [], []), text
    assert skipped > 100  # the pre-check does take the sentences it was made for


@PROPERTY
@given(texts)
def test_nothing_can_match_on_random_text(text: str) -> None:
    _check(text)
