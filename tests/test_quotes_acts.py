"""Reported speech acts (Redebericht) added after an analysis of the Wikinews train split.

Each row: a German sentence, a fragment of the expected quotation, its kind (None: no
quotation overlaps the fragment) and the expected speaker ("" = none).
"""

from __future__ import annotations

import pytest

from mediakit import find_quotes


def _check(text: str, fragment: str, kind: str | None, speaker: str) -> None:
    start = text.index(fragment)
    hits = [q for q in find_quotes(text) if q.start <= start < q.end]
    if kind is None:
        assert not hits, hits
        return
    assert hits, find_quotes(text)
    q = hits[0]
    assert q.kind == kind
    assert (q.speaker.text if q.speaker else "") == speaker


THOUGHT_AND_ADVICE = [
    # a supposition, a hope and a piece of advice name their content as the object
    (
        "Die Ermittler vermuten Brandstiftung als Ursache des Feuers.",
        "Brandstiftung",
        "reported",
        "Die Ermittler",
    ),
    (
        "Dabei erhoffen sich die Initiatoren eine ähnlich dynamische Wirkung der sozialen Medien.",
        "dynamische Wirkung",
        "reported",
        "die Initiatoren",
    ),
    (
        "So riet die FDP-Politikerin Elke Hoff dem Verteidigungsminister zu mehr Zurückhaltung.",
        "Zurückhaltung",
        "reported",
        "die FDP-Politikerin Elke Hoff",
    ),
    # the agentless passive: an anonymous source
    (
        "In ersten Berichten wurde als Ursache die Explosion eines Stahlofens vermutet.",
        "Explosion",
        "reported",
        "",
    ),
    # "raten" without "zu" is no advice ("Rätsel raten"); an act with no content names nothing
    ("Die Kinder raten die Zahl auf dem Zettel.", "Zahl", None, ""),
    ("Die Ermittler vermuten.", "Ermittler", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), THOUGHT_AND_ADVICE)
def test_thought_and_advice_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


NO_ACT = [
    # a participle with only "sein" as auxiliary is no speech act: motion, change, state
    (
        "Die Verhandlungen mit Serbien über einen Beitritt zur Europäischen Union waren ins Stocken geraten.",
        "Stocken",
        None,
        "",
    ),
    (
        "Die Übernahmeschlacht war von der Firma Porsche ausgegangen.",
        "Porsche",
        None,
        "",
    ),
    ("Es sind auch schwerere Krankheitsverläufe dokumentiert.", "Krankheitsverläufe", None, ""),
    # ... while the perfect with "haben" and the passive with "worden" are acts
    (
        "Die Politikerin hatte dem Minister zu mehr Zurückhaltung geraten.",
        "Zurückhaltung",
        "reported",
        "Die Politikerin",
    ),
    (
        "Ein Abbau der Arbeitsplätze war von der Gewerkschaft befürchtet worden.",
        "Arbeitsplätze",
        "reported",
        "der Gewerkschaft",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NO_ACT)
def test_no_act_without_its_auxiliary(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


NEGATED = [
    # a negated act names no utterance
    ("Die Identität des Kindes gab die Behörde nicht bekannt.", "Identität", None, ""),
    (
        "Nähere Informationen über den Vertrag wurden auf der Pressekonferenz nicht mitgeteilt.",
        "Informationen",
        None,
        "",
    ),
    (
        "Bis zum Abend wurden jedoch noch keine Schäden durch den Sturm berichtet.",
        "Schäden",
        None,
        "",
    ),
    # "nicht nur" and "nicht" inside a noun phrase do not negate the act
    (
        "Dem Angeklagten wurden nicht nur ein „distanzierter Aussagestil“ sondern auch Fehler attestiert.",
        "Angeklagten",
        "reported",
        "",
    ),
    (
        "Der Gewerkschaftschef begründete dies mit den nicht ausreichenden Kapazitäten der Bundeswehr.",
        "Kapazitäten",
        "reported",
        "Der Gewerkschaftschef",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NEGATED)
def test_negated_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


CHARACTERISATION = [
    # a characterisation names a predicate ("als …") for someone else
    ("Sie bezeichnete ihn als Lügner.", "Lügner", "reported", "Sie"),
    ("Der Name Ubuntu bezeichnet eine afrikanische Philosophie.", "Philosophie", None, ""),
    (
        "Die Gruppe überwacht die Internetzensur und bezeichnet sich selbst als Projekt zur Transparenz.",
        "Projekt",
        None,
        "",
    ),
    ("Dann nennt sie sich documenta 12 und findet im Juni statt.", "documenta", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), CHARACTERISATION)
def test_characterisation_needs_a_predicate_for_another(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


CASUALTIES = [
    # "fordern" with casualties as its object: lives claimed, nothing demanded
    ("In Vietnam forderte die Naturkatastrophe 92 Menschenleben.", "Menschenleben", None, ""),
    (
        "Überschwemmungen haben in Äthiopien mehr als 100 Todesopfer gefordert.",
        "Todesopfer",
        None,
        "",
    ),
    ("Das Beben forderte mindestens 20 Tote.", "Tote", None, ""),
    # ... a casualty word after a preposition belongs to a real demand
    (
        "Die Gewerkschaft forderte eine Entschädigung für die Opfer.",
        "Entschädigung",
        "reported",
        "Die Gewerkschaft",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), CASUALTIES)
def test_claimed_lives_are_no_demand(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


NAMING = [
    # "nennen" with a predicative noun phrase or a named figure reports a characterisation
    (
        "Der EU-Kommissar Günther Oettinger nannte den Beschluss einen fairen Kompromiss.",
        "fairen Kompromiss",
        "reported",
        "Der EU-Kommissar Günther Oettinger",
    ),
    (
        "Es wurde lediglich eine Transfersumme von zehn Millionen Euro genannt.",
        "Transfersumme",
        "reported",
        "",
    ),
    # ... a name given is no utterance
    (
        "Dem Zerkratzen der Scheiben, auch Scratching genannt, begegnet man mit Folien.",
        "Scratching",
        None,
        "",
    ),
    ("Rosinenbomber nannte man Flugzeuge der Luftbrücke.", "Flugzeuge", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NAMING)
def test_naming_with_a_predicate(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


NEGATED_FRAMES = [
    # a negated frame asserts nothing of its dass-clause
    (
        "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.",
        "alle Insassen",
        None,
        "",
    ),
    (
        "Erste Tests haben den Verdacht nicht bestätigt, dass sie an der Vogelgrippe gestorben ist.",
        "Vogelgrippe",
        None,
        "",
    ),
    # ... the content clause may be negated, and some verbs keep their frame when negated
    (
        "Der Minister sagte, dass er nicht zurücktreten werde.",
        "zurücktreten",
        "indirect",
        "Der Minister",
    ),
    (
        "Der Trainer schloss nicht aus, dass er den Verein verlassen werde.",
        "den Verein verlassen",
        "indirect",
        "Der Trainer",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NEGATED_FRAMES)
def test_negated_frames(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


EXPECTATION_AND_COMPLAINT = [
    # an expectation with "mit", a complaint with "über" and a suggestion name their content
    (
        "Der Bäckerverband rechnet im Winter mit deutlich höheren Brotpreisen.",
        "Brotpreisen",
        "reported",
        "Der Bäckerverband",
    ),
    (
        "Die Mieter klagten über kalte Wohnungen und defekte Aufzüge.",
        "kalte Wohnungen",
        "reported",
        "Die Mieter",
    ),
    (
        "Die Bürgermeisterin regte eine gemeinsame Sitzung beider Räte an.",
        "gemeinsame Sitzung",
        "reported",
        "Die Bürgermeisterin",
    ),
    # without the required word the verb names no utterance
    ("Der Kassierer rechnet die Einnahmen des Tages zusammen.", "Einnahmen", None, ""),
    ("Die Nachbarin klagt vor dem Amtsgericht.", "Amtsgericht", None, ""),
    # an agentless passive of an expectation is a forecast, not an anonymous report
    ("Für das Wochenende wird mit starkem Schneefall gerechnet.", "Schneefall", None, ""),
    ("Zum Stadtfest werden rund 8.000 Gäste erwartet.", "Gäste", None, ""),
    # with its agent it is the agent's expectation
    (
        "Vom Wetterdienst wird mit starkem Schneefall gerechnet.",
        "Schneefall",
        "reported",
        "Wetterdienst",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), EXPECTATION_AND_COMPLAINT)
def test_expectation_and_complaint_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


COMPARISON = [
    # "als erwartet", "wie angekündigt": the author compares, no act is reported
    ("Die Brücke wurde schneller fertig als erwartet.", "Brücke", None, ""),
    ("Der Umbau der Schule begann wie angekündigt im Sommer.", "Umbau", None, ""),
    (
        "Die Stadt hatte den Umbau der Schule für den Sommer angekündigt.",
        "Umbau",
        "reported",
        "Die Stadt",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), COMPARISON)
def test_comparison_is_no_act(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


SUBORDINATE_PASSIVE = [
    # the auxiliary after the participle at the clause end makes it a passive too: the
    # subject of the clause is what the act is about, not its speaker (agentless: no speaker)
    (
        "Weil der Entwurf als verfehlt kritisiert wurde, zog ihn die Ministerin zurück.",
        "Entwurf",
        "reported",
        "",
    ),
    (
        "Der Entwurf wurde von der Opposition als verfehlt kritisiert.",
        "Entwurf",
        "reported",
        "der Opposition",
    ),
    # "von X" inside the noun phrase before the finite auxiliary is an attribute, no agent
    ("Die Pläne von Bürgermeister Kurz wurden als mutlos kritisiert.", "Pläne", "reported", ""),
    (
        "Von den Anwohnern wurden die Pläne als mutlos kritisiert.",
        "Pläne",
        "reported",
        "den Anwohnern",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), SUBORDINATE_PASSIVE)
def test_passive_with_the_auxiliary_after_the_participle(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


VIEWS = [
    # "sieht/betrachtet/empfindet X als Y", "sieht darin Y": a stated view
    ("Der Verband sieht den Entwurf als Rückschritt.", "Rückschritt", "reported", "Der Verband"),
    (
        "Die Gewerkschaft sieht darin einen Angriff auf die Tarifautonomie.",
        "Angriff",
        "reported",
        "Die Gewerkschaft",
    ),
    (
        "Die Stadt betrachtet den Park als Erholungsfläche.",
        "Erholungsfläche",
        "reported",
        "Die Stadt",
    ),
    ("Die Anwohner empfanden den Baulärm als Zumutung.", "Zumutung", "reported", "Die Anwohner"),
    # seeing is no speech act, and sehen frames no clause (perception, "sieht vor, dass")
    ("Wir sahen den Zug in den Bahnhof einfahren.", "Zug", None, ""),
    ("Er sah, dass die Tür offen stand.", "Tür", None, ""),
    ("Die Satzung sieht vor, dass der Vorstand jährlich gewählt wird.", "Vorstand", None, ""),
    # agentless: a general view, no source
    ("Der Entwurf wird allgemein als Rückschritt gesehen.", "Rückschritt", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), VIEWS)
def test_views_as_characterisation(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


COORDINATED = [
    # a second act after an indirect quotation keeps the frame's subject as its speaker
    (
        "Der Wetterdienst teilte mit, dass der Pegel weiter steigt, und warnte vor Hochwasser.",
        "warnte vor Hochwasser",
        "reported",
        "Der Wetterdienst",
    ),
    (
        "Die Ministerin räumte ein, es könnten Stellen wegfallen, sprach aber von einem offenen Prozess.",
        "offenen Prozess",
        "reported",
        "Die Ministerin",
    ),
    # the dass-clause itself stays indirect, without the second act
    (
        "Der Wetterdienst teilte mit, dass der Pegel weiter steigt, und warnte vor Hochwasser.",
        "Pegel",
        "indirect",
        "Der Wetterdienst",
    ),
    # a second verb that frames a clause of its own is no bare act
    (
        "Sie teilte mit, dass ein Haftbefehl besteht, und gab an, die Polizei zu informieren.",
        "Polizei zu informieren",
        "indirect",
        "Sie",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), COORDINATED)
def test_coordinated_act_after_an_indirect_quotation(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_coordinated_act_ends_the_dass_clause():
    text = "Der Wetterdienst teilte mit, dass der Pegel weiter steigt, und warnte vor Hochwasser."
    kinds = [(q.kind, q.text) for q in find_quotes(text)]
    assert kinds == [
        ("indirect", "dass der Pegel weiter steigt"),
        ("reported", "und warnte vor Hochwasser"),
    ]


HYPOTHETICAL = [
    # an act in a conditional clause did not take place
    ("Falls der Biber als bedroht eingestuft wird, gelten strengere Regeln.", "Biber", None, ""),
    ("Wenn der Verband vor Glatteis warnt, bleiben die Schulen zu.", "Glatteis", None, ""),
    # a temporal clause reports an act that happened
    (
        "Nachdem der Verband vor Glatteis gewarnt hatte, blieben die Schulen zu.",
        "Glatteis",
        "reported",
        "der Verband",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), HYPOTHETICAL)
def test_hypothetical_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


MODAL = [
    # an act verb in the infinitive under a modal is intended or possible, not reported
    ("Der Vermieter wollte fast die doppelte Miete verlangen.", "Miete", None, ""),
    ("Die Behörde kann künftig per Mobilfunk vor Unwettern warnen.", "Unwettern", None, ""),
    # the finite act verb (or its plural present, same form as the infinitive) is reported
    ("Experten warnen vor einem harten Winter.", "Winter", "reported", "Experten"),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), MODAL)
def test_modal_infinitive_is_no_report(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


NOT_FINITE = [
    # "zu" + infinitive and an inflected participle before its noun name no act
    ("Bei dem Sturm sind zwei Verletzte zu beklagen.", "Verletzte", None, ""),
    ("Der Bericht schließt eine oft kritisierte Lücke.", "Lücke", None, ""),
    # the finite verb after its subject is the act
    (
        "Die Mieter kritisierten Mängel an der Heizung als untragbar.",
        "Heizung",
        "reported",
        "Die Mieter",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NOT_FINITE)
def test_infinitive_and_attributive_forms(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


PRAISE_COMPLAINT_THREAT = [
    ("Die Jury lobte den Mut der jungen Regisseurin.", "Mut", "reported", "Die Jury"),
    (
        "Die Eltern beklagten fehlende Betreuungsplätze.",
        "Betreuungsplätze",
        "reported",
        "Die Eltern",
    ),
    (
        "Der Vermieter drohte den Mietern mit einer Räumungsklage.",
        "Räumungsklage",
        "reported",
        "Der Vermieter",
    ),
    (
        "Die Trainerin schrieb den Sieg der guten Vorbereitung zu.",
        "Vorbereitung",
        "reported",
        "Die Trainerin",
    ),
    # drohen without "mit" is no threat by anyone
    ("Dem Fahrer droht ein Fahrverbot.", "Fahrverbot", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), PRAISE_COMPLAINT_THREAT)
def test_praise_complaint_and_threat(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


VERDICT_AND_VERB_SECOND = [
    # "halten … für" + a predicative adjective is a verdict; "für" + a noun phrase is none
    (
        "Die Gutachter halten den Neubau für überflüssig.",
        "Neubau",
        "reported",
        "Die Gutachter",
    ),
    (
        "Viele Anwohner halten den Umbau für einen teuren Irrtum.",
        "Irrtum",
        "reported",
        "Viele Anwohner",
    ),
    (
        "Die Schwimmerin hält seit Jahren den Rekord für die längste Strecke.",
        "Rekord",
        None,
        "",
    ),
    # a main clause after a comma that starts with an article is no relative clause
    (
        "Der Umsatz ist gestiegen, die Händler sprechen schon von einem Rekordjahr.",
        "Rekordjahr",
        "reported",
        "die Händler",
    ),
    # a relative clause puts its verb last: with a subject of its own it describes a
    # noun, no act reported; with the pronoun as the subject it reports the noun's act
    # (RELATIVE_ACTS below)
    ("Das sind die Pläne, die Anwohner kritisiert hatten.", "Anwohner", None, ""),
    ("Es meldeten sich Zeugen, die von einem Knall sprachen.", "Knall", "reported", "die"),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), VERDICT_AND_VERB_SECOND)
def test_verdict_and_verb_second_clause(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


VIEW_AND_QUOTED_FRAGMENT = [
    # "sehen in X Y": a view when an object follows the noun phrase after "in"
    (
        "Die Forscher sehen in der Studie einen wichtigen Fortschritt.",
        "Fortschritt",
        "reported",
        "Die Forscher",
    ),
    ("Die Nachbarn sahen den Lehrer in der Stadt.", "Stadt", None, ""),
    # a quoted sentence before the verb is framed by it: a direct quotation
    (
        "„Wir bauen das Werk nicht aus“, gab die Sprecherin der Firma bekannt.",
        "Werk",
        "direct",
        "die Sprecherin der Firma",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), VIEW_AND_QUOTED_FRAGMENT)
def test_view_and_quoted_fragment(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_verlangen_names_a_demand():
    _check(
        "Der Elternbeirat verlangte eine schnelle Sanierung der Turnhalle.",
        "Sanierung",
        "reported",
        "Der Elternbeirat",
    )
    # a modal infinitive is no demand made yet
    _check("Der Händler wollte das Doppelte verlangen.", "Doppelte", None, "")


PREDICATE_AT_CLAUSE_END = [
    # "nennen" + object + predicative adjective at the clause end names a characterisation
    (
        "Die Bürgermeisterin nannte den Beschluss des Rates voreilig.",
        "Beschluss",
        "reported",
        "Die Bürgermeisterin",
    ),
    # a name or a date is no characterisation
    ("Die Polizei nannte den Namen des Fahrers.", "Namen", None, ""),
    ("Der Verein nennt sich Sonnenschein und trifft sich montags.", "Sonnenschein", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), PREDICATE_AT_CLAUSE_END)
def test_predicate_at_clause_end(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


CAUSE_ATTRIBUTED = [
    (
        "Die Feuerwehr führte den Brand auf einen defekten Heizlüfter zurück.",
        "Heizlüfter",
        "reported",
        "Die Feuerwehr",
    ),
    # the zu-infinitive is the author's own statement of cause
    ("Der Rückgang ist auf das schlechte Wetter zurückzuführen.", "Wetter", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), CAUSE_ATTRIBUTED)
def test_cause_attributed(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


QUOTED_FRAGMENTS = [
    # a few quoted words inside the content of an act: the act is the quotation
    (
        "Der Verband berichtete von „schweren Schäden“ an den Deichen.",
        "an den Deichen",
        "reported",
        "Der Verband",
    ),
    (
        "Die Ärztekammer warnte vor gefährlichen „Nebenwirkungen“ des neuen Mittels.",
        "des neuen Mittels",
        "reported",
        "Die Ärztekammer",
    ),
    # a particle before quoted words is their preposition, no particle of the verb
    (
        "Die Ärztekammer warnte vor „gefährlichen Nebenwirkungen“ des neuen Mittels.",
        "des neuen Mittels",
        "reported",
        "Die Ärztekammer",
    ),
    # a quoted statement of more words is direct speech, with the act's subject
    (
        "Die Ärztekammer warnte vor dem Mittel: „Wir sehen jeden Tag neue Fälle in den Praxen.“",
        "Wir sehen",
        "direct",
        "Die Ärztekammer",
    ),
    # a short quote that opens the sentence before its frame is direct speech
    (
        "„Wir bauen nicht aus“, gab die Sprecherin der Firma bekannt.",
        "Wir bauen",
        "direct",
        "die Sprecherin der Firma",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), QUOTED_FRAGMENTS)
def test_act_with_a_quoted_fragment(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_quoted_fragment_is_nested_in_the_act():
    text = "Der Verband berichtete von „schweren Schäden“ an den Deichen."
    (q,) = find_quotes(text)
    assert q.kind == "reported"
    assert [n.text for n in q.nested] == ["„schweren Schäden“"]


SUBORDINATE_ACTS = [
    # a conjunction that is also a preposition ("während") before an article and a noun
    # opens an adverbial clause, not a relative clause: its act is reported
    (
        "Die Union lehnte den Entwurf ab, während die Grünen von einem Fortschritt sprachen.",
        "einem Fortschritt",
        "reported",
        "die Grünen",
    ),
    # a relative clause after a preposition still describes its noun
    (
        "Das ist die Studie, von der die Forscher sprachen.",
        "Forscher",
        None,
        "",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), SUBORDINATE_ACTS)
def test_acts_in_adverbial_clauses(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


ACT_BEFORE_FRAME = [
    # an act in the clause before "und" + a frame verb of the same subject
    (
        "Die Ministerin kritisierte den Entwurf als verfehlt und sagte, sie werde dagegen stimmen.",
        "den Entwurf",
        "reported",
        "Die Ministerin",
    ),
    (
        "Der Bürgermeister bezeichnete die Kundgebung als friedlich und forderte die Gäste auf, "
        "ruhig zu bleiben.",
        "die Kundgebung",
        "reported",
        "Der Bürgermeister",
    ),
    # no act before the coordinator: only the frame's quotation
    (
        "Die Ministerin fuhr nach Berlin und sagte, sie werde dagegen stimmen.",
        "nach Berlin",
        None,
        "",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), ACT_BEFORE_FRAME)
def test_act_before_a_coordinated_frame(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_frame_cue_moves_to_the_verb_after_und():
    text = (
        "Die Ministerin kritisierte den Entwurf als verfehlt und sagte, sie werde dagegen stimmen."
    )
    quotes = find_quotes(text)
    assert [q.kind for q in quotes] == ["reported", "indirect"]
    assert quotes[0].cue.text == "kritisierte"
    assert quotes[1].cue.text == "sagte"
    assert quotes[1].speaker.text == "Die Ministerin"


FRONTED_PASSIVE = [
    # a participle that opens the sentence before a passive auxiliary is the act verb;
    # with no agent, the source is anonymous
    (
        "Gefordert wird eine unabhängige Untersuchung des Unglücks.",
        "Untersuchung",
        "reported",
        "",
    ),
    (
        "Bemängelt werden außerdem fehlende Schutzräume in den Schulen.",
        "Schutzräume",
        "reported",
        "",
    ),
    # a forecast without an agent stays no report (needs_agent)
    ("Erwartet werden am Wochenende 50.000 Besucher.", "Besucher", None, ""),
]


EXPECTATION = [
    # an expectation stated by its subject names its content
    (
        "Die Ministerin erwartet eine rasche Einigung der Länder.",
        "rasche Einigung",
        "reported",
        "Die Ministerin",
    ),
    # the agentless passive of erwarten is a forecast (needs_agent), no report
    ("Am Wochenende werden 50.000 Besucher erwartet.", "Besucher", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), EXPECTATION)
def test_expectation_act(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), FRONTED_PASSIVE)
def test_fronted_participle_passive(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


EMBEDDED_RELATIVE = [
    # a relative clause inside the act's clause does not end it: "für" after it counts
    (
        "Die Kläger halten das Gesetz, das im Mai beschlossen wurde, für verfassungswidrig.",
        "verfassungswidrig",
        "reported",
        "Die Kläger",
    ),
    # still no act when the required word is missing after the relative clause
    (
        "Die Kläger sprachen mit dem Minister, der im Mai gewählt wurde, über die Pläne.",
        "Minister",
        None,
        "",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), EMBEDDED_RELATIVE)
def test_act_around_an_embedded_relative_clause(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


RELATIVE_ACTS = [
    # the relative pronoun as the subject of an active act: the relative clause is
    # reported, the pronoun its speaker
    (
        "Es meldeten sich Anwohner, die von heftigen Erschütterungen sprachen.",
        "heftigen Erschütterungen",
        "reported",
        "die",
    ),
    # a relative clause in the passive, with a subject of its own or after a preposition
    # describes its noun
    ("Das Spiel, das als Finale bezeichnet wurde, endete torlos.", "Finale", None, ""),
    ("Der Plan, den er für falsch hält, kommt trotzdem.", "falsch", None, ""),
    ("Das Beben, das viele Todesopfer gefordert hatte, war schwer.", "Todesopfer", None, ""),
    ("Das ist der Bericht, von dem die Forscher sprachen.", "Forscher", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), RELATIVE_ACTS)
def test_act_in_a_relative_clause(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


AUTHOR_NOT_ACT = [
    # the author's question reports no act
    ("Was fordern die Gewerkschaften von der neuen Regierung?", "Gewerkschaften", None, ""),
    # an infinitive after a modal earlier in the sentence, across an enumeration
    (
        "Gute Ergebnisse können auch die Grünen, die Linke sowie die Freien Wähler fordern.",
        "Grünen",
        None,
        "",
    ),
    # an attributive participle between dashes
    ("Sie gewann eine – fast angekündigte – Medaille.", "Medaille", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), AUTHOR_NOT_ACT)
def test_author_questions_and_attributes_are_no_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


COORDINATED_NEGATION = [
    # a negation in one of two coordinated verbs with the same subject is not the other's
    (
        "Der Sprecher nannte keine Details und verwies auf laufende Ermittlungen.",
        "laufende Ermittlungen",
        "reported",
        "Der Sprecher",
    ),
    (
        "Die Polizei warnte vor Glätte und konnte keine Entwarnung geben.",
        "Glätte",
        "reported",
        "Die Polizei",
    ),
    # the act itself negated: still nothing said
    ("Die Polizei gab die Namen nicht bekannt.", "Namen", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), COORDINATED_NEGATION)
def test_negation_stays_in_its_conjunct(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_act_in_a_dass_clause_reports_that_clause_only():
    """The author's main clause before "dass" is no part of the act it contains."""
    text = "Es ist längst klar, dass die Gewerkschaft höhere Löhne fordert."
    (q,) = [q for q in find_quotes(text) if q.kind == "reported"]
    assert q.text.startswith("dass die Gewerkschaft")
    assert q.speaker is not None and q.speaker.text == "die Gewerkschaft"
    # an act in the main clause keeps the clauses that are not adverbial
    text = "Die Gewerkschaft, die seit Wochen streikt, fordert höhere Löhne."
    (q,) = [q for q in find_quotes(text) if q.kind == "reported"]
    assert q.text.startswith("Die Gewerkschaft, die seit Wochen streikt")


def test_noun_with_relative_clause_before_a_cue_verb_is_its_subject():
    """ "Die Gewerkschaft, die …, fordert …" is no unmarked statement with a postposed frame."""
    text = "Die Gewerkschaft, die seit Wochen streikt, fordert höhere Löhne."
    assert [q.kind for q in find_quotes(text)] == ["reported"]
    # a clause of its own before the frame still is one
    text = "Der Plan, den die Regierung vorlegte, ist gescheitert, sagte die Sprecherin."
    (q,) = find_quotes(text)
    assert (q.kind, q.text) == ("indirect", "Der Plan, den die Regierung vorlegte, ist gescheitert")
    assert q.speaker is not None and q.speaker.text == "die Sprecherin"


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "speaker"),
    [
        # the verb has its object before the comma: the next main clause is the author's
        (
            "Die Gewerkschaft fordert höhere Löhne, die Arbeitgeber lehnen ab.",
            "lehnen ab",
            "reported",
            "Die Gewerkschaft",
        ),
        (
            "Der Lehrer erklärte die Aufgabe, die Schüler hörten aufmerksam zu.",
            "Schüler",
            None,
            "",
        ),
        # a dative or an adverbial before the comma leaves the clause its content
        (
            "Der Minister sagte der Zeitung, die Lage ist ernst.",
            "die Lage ist ernst",
            "indirect",
            "Der Minister",
        ),
        (
            "Der Minister erklärte am Montag, die Enten waren infiziert.",
            "die Enten",
            "indirect",
            "Der Minister",
        ),
    ],
)
def test_indicative_clause_after_an_object_is_no_content(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)
