"""Free indirect speech: Konjunktiv passages and reportive *sollen* (rules/konjunktiv.py)."""

from __future__ import annotations

import pytest

from mediakit import find_quotes

#: an indicative author's paragraph before the sentence, no quotation near it
_LEAD = (
    "Am Montagabend brannte in der Altstadt eine Lagerhalle. Die Feuerwehr war mit vierzig "
    "Einsatzkräften vor Ort. Die Straße blieb bis zum Morgen gesperrt. "
)

STATES = [
    # (sentence, free indirect?)
    # reportive sollen with an infinitive of state claims a state of affairs
    ("Der Schaden soll mehrere Millionen Euro betragen.", True),
    ("Bei dem Brandstifter soll es sich um einen früheren Mitarbeiter handeln.", True),
    ("Unter den Verletzten sollen sich auch zwei Kinder befinden.", True),
    ("Das Feuer soll aus einem defekten Heizgerät stammen.", True),
    ("Ein Zeuge berichtete, dass sich noch Gasflaschen in der Halle befinden sollen.", True),
    # a plan or a duty in sollen stays the author's
    ("Die Halle soll im kommenden Jahr wieder aufgebaut werden.", False),
    ("Der Eigentümer soll die Kosten für den Einsatz tragen.", False),
    ("Der Bürgermeister soll sein Amt im Herbst abgeben.", False),
]


@pytest.mark.parametrize(("sentence", "reported"), STATES)
def test_sollen_with_an_infinitive_of_state_reports(sentence, reported):
    text = _LEAD + sentence
    start = text.index(sentence)
    hits = [
        q for q in find_quotes(text) if q.start >= start and q.kind in ("free_indirect", "indirect")
    ]
    assert bool(hits) == reported, find_quotes(text)


PRETERITE = [
    # (sentence, free indirect?) right after a quotation, where Konjunktiv II reports
    # "gingen" is also the preterite: no evidence of reported speech
    ("Beide Mannschaften gingen mit neuer Aufstellung ins Spiel.", False),
    # the singular "ginge" is no preterite and still reports
    ("Die Mannschaft ginge ohne Angst in das Rückspiel.", True),
]


@pytest.mark.parametrize(("sentence", "reported"), PRETERITE)
def test_konjunktiv_ii_equal_to_the_preterite_is_no_evidence(sentence, reported):
    text = "Der Trainer sagte nach dem Training, das Team sei gut vorbereitet. " + sentence
    start = text.index(sentence)
    hits = [q for q in find_quotes(text) if q.start >= start and q.kind == "free_indirect"]
    assert bool(hits) == reported, find_quotes(text)


EMBEDDED_K2 = [
    # (sentence, free indirect?) right after a quotation, where Konjunktiv II reports
    # a verb-final clause in Konjunktiv II before the indicative main verb: the author's
    (
        "Als die Halle geschlossen werden sollte, hatten die Besetzer schon das Dach erreicht.",
        False,
    ),
    ("Eine Verordnung, die den Verkehr entlasten sollte, wurde vom Stadtrat verworfen.", False),
    # the stand-in as the main verb still reports
    ("Die Anwohner würden durch die neue Umgehungsstraße deutlich entlastet.", True),
    ("Andernfalls könnte die Baustelle erst im Herbst fertig werden, wurde befürchtet.", True),
]


@pytest.mark.parametrize(("sentence", "reported"), EMBEDDED_K2)
def test_konjunktiv_ii_clause_before_the_main_verb_is_no_report(sentence, reported):
    text = "Die Bürgermeisterin sagte am Montag, die Stadt sei gut vorbereitet. " + sentence
    start = text.index(sentence)
    hits = [q for q in find_quotes(text) if q.start >= start]
    assert bool(hits) == reported, find_quotes(text)


PARAGRAPH_OPENERS = [
    # (second paragraph, speaker of its passage) after "Die Polizei teilte mit, …"
    # reportive sollen or Konjunktiv II right after the quotation continues its speaker
    ("Am Samstag sollen die Täter durch die Innenstadt geflohen sein.", "Die Polizei"),
    ("Die Täter hätten die Beute in einem Wagen verstaut.", "Die Polizei"),
    ("Der Schaden sei noch nicht abzuschätzen.", "Die Polizei"),
]


@pytest.mark.parametrize(("paragraph", "speaker"), PARAGRAPH_OPENERS)
def test_a_paragraph_opening_right_after_a_quotation_keeps_its_speaker(paragraph, speaker):
    text = "Die Polizei teilte am Sonntag mit, in der Nacht sei ein Juweliergeschäft überfallen worden.\n\n"
    text += paragraph
    start = text.index(paragraph)
    hits = [q for q in find_quotes(text) if q.start >= start]
    assert hits, find_quotes(text)
    assert hits[0].speaker is not None and hits[0].speaker.text == speaker


def test_a_paragraph_after_an_authors_sentence_starts_without_the_speaker():
    text = (
        "Die Polizei teilte am Sonntag mit, in der Nacht sei ein Juweliergeschäft überfallen "
        "worden. Das Geschäft liegt in der Fußgängerzone.\n\nAm Samstag sollen die Täter durch "
        "die Innenstadt geflohen sein."
    )
    start = text.index("Am Samstag")
    hits = [q for q in find_quotes(text) if q.start >= start]
    assert hits and hits[0].speaker is None, find_quotes(text)


PLAN_BEFORE_KONJUNKTIV = [
    # (sentence, reported part) - an indicative clause of a plan in sollen before the
    # Konjunktiv clause is the author's, like any indicative frame clause
    (
        "Ab dem Frühjahr sollen zwanzig neue Busse fahren, eine dritte Linie werde noch geprüft.",
        "eine dritte Linie werde noch geprüft",
    ),
    # reportive sollen with a perfect infinitive reports from the start of the sentence
    (
        "So soll er die Warnung erhalten haben, dass ein Angriff geplant sei.",
        "So soll er die Warnung erhalten haben, dass ein Angriff geplant sei.",
    ),
]


@pytest.mark.parametrize(("sentence", "reported"), PLAN_BEFORE_KONJUNKTIV)
def test_a_planned_sollen_clause_stays_outside_the_passage(sentence, reported):
    text = _LEAD + sentence
    start = text.index(sentence)
    hits = [q for q in find_quotes(text) if q.start >= start]
    assert [q.text for q in hits] == [reported], find_quotes(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Antrag ruhe bis zur nächsten Sitzung des Ausschusses.",
        "Der Fehler trat bisher selten auf, weil er nur bei starkem Frost auftrete.",
    ],
)
def test_konjunktiv_i_forms_of_the_table_report(sentence):
    # ruhe, auftrete: Konjunktiv I forms that need their row in konjunktiv.tsv
    text = "Der Vorsitzende sagte am Montag, man sei überrascht worden. " + sentence
    start = text.index(sentence)
    hits = [q for q in find_quotes(text) if q.start >= start and q.kind == "free_indirect"]
    assert hits and hits[0].text.rstrip(".").endswith(sentence[-20:-1]), find_quotes(text)


def test_a_framed_clause_after_a_passage_starts_a_passage_of_its_own():
    # the indicative frame clause interrupts the passage; the clause after it is no
    # continuation of the passage and takes no speaker from it
    text = (
        "Der Anwalt sagte, sein Mandant sei unschuldig. Es gebe keine Zeugen. Der Prozess "
        "beginnt erst im Mai, weil das Gericht überlastet sei."
    )
    fi = [q for q in find_quotes(text) if q.kind == "free_indirect"]
    assert [q.text for q in fi] == [
        "Es gebe keine Zeugen.",
        "weil das Gericht überlastet sei",
    ], fi
    assert fi[0].speaker is not None and fi[0].speaker.text == "Der Anwalt"
    assert fi[1].speaker is None


def test_konjunktiv_sentences_after_a_passage_still_continue_it():
    text = "Der Anwalt sagte, sein Mandant sei unschuldig. Es gebe keine Zeugen. Die Anklage sei haltlos."
    fi = [q for q in find_quotes(text) if q.kind == "free_indirect"]
    assert [q.text for q in fi] == ["Es gebe keine Zeugen. Die Anklage sei haltlos."], fi
