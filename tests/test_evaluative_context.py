"""Context rules (data/context_rules.tsv): each with the German sentences it was written for."""

from __future__ import annotations

import pytest

from mediakit.evaluative import find_evaluative
from mediakit.evaluative.context import CONTEXT_RULES, context_rules
from mediakit.tables import load_table


def found(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.category) for h in find_evaluative(text) if h.match != "construction"]


# (sentence, the word in question, expected category or None when it must not count)
CASES = [
    # participle / verb particle vs intensifier
    (
        "Kellogg hatte sich offen für eine deutliche Verschärfung der Sanktionen "
        "ausgesprochen, um Zugeständnisse zu erreichen.",
        "ausgesprochen",
        None,
    ),
    ("Die Warnung war deutlich ausgesprochen worden.", "ausgesprochen", None),
    ("Er ist ausgesprochen freundlich.", "ausgesprochen", "intensifier"),
    ("Das Gericht hat entschieden.", "entschieden", None),
    ("Das geht entschieden zu weit.", "entschieden", "intensifier"),
    # besonders: the intensifier before what it heightens vs the focus particle
    ("Der Angriff war besonders dreist.", "besonders", "intensifier"),
    ("Die Lage ist für Familien besonders schwer.", "besonders", "intensifier"),
    ("Besonders in Bayern stieg die Zahl der Fälle.", "Besonders", None),
    ("Das gilt besonders für ältere Menschen.", "besonders", None),
    ("Besonders die Kinder leiden unter den Schließungen.", "Besonders", None),
    ("Das Ergebnis war nicht besonders.", "besonders", None),
    # lieber: the comparative of gern, not the verb lieben
    ("Das sage ich lieber nicht.", "lieber", None),
    ("Am liebsten würde er gar nicht kommen.", "liebsten", None),
    ("Sie lieben ihr Land.", "lieben", "emotional"),
    # alle: quantifier of a set after a preposition vs sweeping claim
    ("Er will an allen Verhandlungen teilnehmen.", "allen", None),
    ("In allen Ländern wird gewählt.", "allen", None),
    ("Alle wissen das.", "Alle", "exaggeration"),
    ("Das haben sie alle gewusst.", "alle", "exaggeration"),
    # alle: negated, hedged, a proportion, the fixed phrase "allen voran"
    ("Nicht alle der 13 Toten waren zuvor geimpft.", "alle", None),
    ("So gut wie alle Deutschen zahlen Steuern.", "alle", None),
    ("Fast alle Abgeordneten stimmten zu.", "alle", None),
    ("Wie alle anderen Parteien wirbt sie um Stimmen.", "alle", None),
    ("Das betrifft fünf bis zehn Prozent aller Infektionen.", "aller", None),
    ("Das gilt für 98 % aller Vergleiche.", "aller", None),
    ("Die Hälfte aller Fälle ist ungeklärt.", "aller", None),
    ("Sie tragen Masken, allen voran die Pflegekräfte.", "allen", None),
    ("Sie lügen uns alle an.", "alle", "exaggeration"),
    # Loser inside the neutral tennis term
    ("Er wird durch den Lucky Loser Caruso ersetzt.", "Loser", None),
    ("Er ist ein Loser.", "Loser", "pejorative"),
    # einseitig: 'unilateral' or 'on one side' vs 'biased'
    ("Russland verkündete eine einseitige Waffenruhe.", "einseitige", None),
    ("Registriert sind 153 Fälle von einseitiger Erblindung.", "einseitiger", None),
    ("Die Berichterstattung war einseitig.", "einseitig", "loaded"),
    ("Das ist eine einseitige Darstellung.", "einseitige", "loaded"),
    # angeben: the participle 'stated' vs 'prahlen'
    ("Die Raten sind in Prozent angegeben.", "angegeben", None),
    ("Er hatte angegeben, dass er krank sei.", "angegeben", None),
    # gelassen: the participle of lassen vs the emotion word 'calm'
    ("Bisher haben sich weniger Menschen impfen gelassen.", "gelassen", None),
    ("Man hat ihn nicht in Ruhe gelassen.", "gelassen", None),
    ("Diese Frage wurde außer Acht gelassen.", "gelassen", None),
    ("Der Häftling ist frei gelassen worden.", "gelassen", None),
    ("Der Minister blieb gelassen.", "gelassen", "emotional"),
    ("Sie reagierte gelassen auf die Kritik.", "gelassen", "emotional"),
    # niemand: factual report, uncertainty, sweeping claim
    ("Niemand wurde verletzt.", "Niemand", None),
    (
        "Niemand kann derzeit sagen, ob eine Einigung erzielt werden kann.",
        "Niemand",
        "epistemic",
    ),
    ("Niemand will diesen Krieg.", "Niemand", "exaggeration"),
    # impersonal man vs addressing the reader / speaking for everyone
    ("In Kiew hieß es, man sei empört.", "man", None),
    ("Liest man zwischen den Zeilen, so sieht man, dass die Ukraine kaum vorkam.", "man", None),
    ("Da fragt man sich, wozu.", "man", "address"),
    ("Man muss das klar sagen.", "Man", "address"),
    # komplett / vollständig: the medical status "fully vaccinated" vs the intensifier
    ("Nur vollständig geimpfte Personen haben Zutritt.", "vollständig", None),
    ("Er ist komplett geimpft.", "komplett", None),
    ("Das ist komplett absurd.", "komplett", "intensifier"),
    # gemeint (participle of meinen) vs gemein; echt 'genuine' vs the intensifier
    ("Gemeint ist der neue Radweg am Hafen.", "Gemeint", None),
    ("So war das nicht gemeint.", "gemeint", None),
    ("Das war richtig gemein von ihm.", "gemein", "judgement"),
    ("Ob das Gemälde echt ist, prüft ein Gutachter.", "echt", None),
    ("Wenn die Unterschrift echt sein sollte, gilt der Vertrag.", "echt", None),
    ("Der Film ist echt spannend.", "echt", "intensifier"),
    # tatsächlich / wirklich in an indirect yes/no question vs the writer's emphasis
    ("Offen ist, ob das Medikament tatsächlich wirkt.", "tatsächlich", None),
    ("Man weiß nicht, ob er wirklich kommt.", "wirklich", None),
    ("Das war tatsächlich so.", "tatsächlich", "stance"),
    ("Uns liegen dazu keine Erkenntnisse vor.", "Uns", None),
    # an offence in its legal sense (with the statute, as a charge) vs the writer's label
    ("Er wurde wegen Betrugs zu zwei Jahren verurteilt.", "Betrugs", None),
    ("Das wäre Betrug nach § 263 StGB.", "Betrug", None),
    ("Das ist glatter Betrug am Wähler.", "Betrug", "loaded"),
    # a degree word before an adverb of precision vs the intensifier
    ("Die Messstation erfasst den Pegel sehr genau.", "sehr", None),
    ("Der Zug kam ziemlich genau um acht Uhr an.", "ziemlich", None),
    ("Die Lage ist sehr ernst.", "sehr", "intensifier"),
    # the editorial I reporting the report's own acts vs the writer's I
    ("Darüber werde ich in der nächsten Ausgabe berichten.", "ich", None),
    ("Von solchen Berichten halte ich wenig.", "ich", "first_person"),  # the noun, not the verb
    # alarmieren 'to call out' the emergency services vs the emotion
    ("Eine Passantin alarmiert sofort die Feuerwehr.", "alarmiert", None),
    ("Die Eltern sind alarmiert.", "alarmiert", "emotional"),
    # geschickt: the participle of schicken vs the judgement 'skilful'
    ("Die Kinder wurden nach Hause geschickt.", "geschickt", None),
    ("Sie hat ihm gestern eine Karte geschickt.", "geschickt", None),
    ("Er ist in Quarantäne geschickt worden.", "geschickt", None),
    ("Das war geschickt.", "geschickt", "judgement"),
    ("Sie hat geschickt verhandelt.", "geschickt", "judgement"),
    ("Eine geschickte Taktik.", "geschickte", "judgement"),
    # more participles that are also evaluative adjectives (not_participle)
    ("Die Einreise wird für Studierende erleichtert.", "erleichtert", None),
    ("Sie war sichtlich erleichtert.", "erleichtert", "emotional"),
    ("Er hat für alle Brot besorgt.", "besorgt", None),
    ("Die Eltern sind besorgt.", "besorgt", "emotional"),
    ("Die Partei hat die absolute Mehrheit verfehlt.", "verfehlt", None),
    ("Diese Politik ist verfehlt.", "verfehlt", "loaded"),
    ("Er hat sein Konto überzogen.", "überzogen", None),
    ("Die Kritik ist überzogen.", "überzogen", "judgement"),
    ("Das Grundstück wurde neu vermessen.", "vermessen", None),
    ("Der Teig wird fünf Minuten gerührt.", "gerührt", None),
    # klar as the manner adverb of saying/arranging vs the stance 'obviously'
    ("Die Stadt hat klar gesagt, dass der Markt bleibt.", "klar", None),
    ("Die Zuständigkeiten sind klar geregelt.", "klar", None),
    ("Klar ist, dass der Markt bleibt.", "Klar", "stance"),
    # institutional / editorial wir (a report of an act) vs the writer's we
    ("Wir haben im Stadtrat einen neuen Haushalt beschlossen.", "Wir", None),
    ("In diesem Bericht präsentieren wir die Ergebnisse der Umfrage.", "wir", None),
    ("Wir haben uns entschieden, die Bibliothek länger zu öffnen.", "uns", None),
    (
        "Heute stellen wir unser neues Verfahren vor, das wir lange getestet haben.",
        "unser",
        "first_person",
    ),
    ("Wir haben unser Konzept der Kommission vorgestellt.", "unser", None),
    ("Wir müssen endlich aufwachen.", "Wir", "first_person"),
    ("Wir haben das beschlossen, aber wir zweifeln daran.", "wir", "first_person"),
]


@pytest.mark.parametrize(("text", "word", "category"), CASES)
def test_context_rule(text: str, word: str, category: str | None) -> None:
    categories = {cat for w, cat in found(text) if w == word}
    if category is None:
        assert categories == set(), (text, found(text))
    else:
        assert categories == {category}, (text, found(text))


def test_every_rule_is_documented_and_known():
    rows = load_table("context_rules.tsv")
    assert rows
    for row in rows:
        assert row["rule"] in CONTEXT_RULES
        assert row["note"].strip() and row["words"].strip()
    # every rule's entry is in the bundled lexicon: precision by context, not by deletion
    from mediakit.evaluative import Lexicon
    from mediakit.evaluative.constructions import construction_table

    lexicon = Lexicon.default()
    constructions = {c.name.lower() for c in construction_table()}
    for entry in context_rules():
        assert entry in lexicon or entry in constructions, entry


def test_a_user_lexicon_keeps_the_rules_and_a_new_entry_is_untouched():
    from mediakit.evaluative import Lexicon

    lexicon = Lexicon.default().extended({"Aussprache": "loaded"})
    assert [h.text for h in find_evaluative("Er hatte sich dafür ausgesprochen.", lexicon)] == []


def test_voice_and_context_word_tables_are_documented():
    from mediakit.evaluative.context import context_words

    for name in ("evaluative_voice.tsv", "evaluative_context_words.tsv", "constructions.tsv"):
        rows = load_table(name)
        assert rows and all(row["note"].strip() for row in rows), name
    assert "hatte" in context_words("temporal_before_schon")
    with pytest.raises(ValueError, match="no list"):
        context_words("nonexistent")


def test_impersonal_man_verb_first_after_colon():
    # verb-first "Betrachtet man" after a colon is impersonal, as at a sentence start
    text = (
        "Die Zahlen zeigen Unterschiede: Betrachtet man die Quote je Einwohner, liegt Bremen vorn."
    )
    assert "man" not in [h.text for h in find_evaluative(text)]


# deontic modality: a rule reported as fact (time frame of a rule, legal source) vs a demand
@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Künftig müssen Radfahrer in der Innenstadt absteigen.", False),
        ("Seit Januar dürfen Lastwagen nicht mehr durch den Ort fahren.", False),
        ("Anträge müssen bis spätestens Ende März eingereicht werden.", False),
        ("Laut Verordnung muss jeder Betrieb einen Notausgang haben.", False),
        ("Die Stadt muss endlich handeln.", True),
        ("Seit Jahren wird geredet, jetzt muss gehandelt werden.", True),
    ],
)
def test_deontic_modal_in_a_reported_rule(text: str, counts: bool) -> None:
    lemmas = [h.lemma for h in find_evaluative(text) if h.match == "construction"]
    assert ("deontic_modal" in lemmas) is counts, lemmas
