"""Where an indirect quotation ends and starts (message boundaries), on self-written text."""

from __future__ import annotations

import pytest

from mediakit import find_quotes
from mediakit.quotes import find_titles

# (text, exact message text, kind)
CLAUSE_ENDS = [
    # a second Konjunktiv I predicate after a comma continues the reported clause
    (
        "Der Verband kritisierte, das Buch verletze religiöse Gefühle, sei für Kinder "
        "ungeeignet und verbreite falsche Ideen.",
        "das Buch verletze religiöse Gefühle, sei für Kinder ungeeignet und verbreite "
        "falsche Ideen",
        "indirect",
    ),
    # the finite verb after an embedded relative clause belongs to the same clause
    (
        "Die Ministerin sagte, in den Ländern, in denen Gebühren erhoben würden, sei die "
        "Zahl der Studenten gestiegen.",
        "in den Ländern, in denen Gebühren erhoben würden, sei die Zahl der Studenten gestiegen",
        "indirect",
    ),
    (
        "Der Anwalt erklärte, über den Versuch, das Gutachten zu verhindern, sei er enttäuscht.",
        "über den Versuch, das Gutachten zu verhindern, sei er enttäuscht",
        "indirect",
    ),
    # an indicative main clause after a dass-clause is the author's again
    (
        "Der Sprecher sagte, dass die Straße gesperrt werde, konnte aber keinen Termin nennen.",
        "dass die Straße gesperrt werde",
        "indirect",
    ),
]


@pytest.mark.parametrize(("text", "message", "kind"), CLAUSE_ENDS)
def test_clause_ends(text, message, kind):
    quotes = [q for q in find_quotes(text) if q.kind == kind]
    assert quotes, find_quotes(text)
    assert quotes[0].text == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Der Arzt sagte, die Studie sei richtig. Die Kassen brächten jedes Jahr zwei "
            "Milliarden Euro dafür auf.",
            "Die Kassen brächten jedes Jahr zwei Milliarden Euro dafür auf.",
        ),
        (
            "Die Ärztin sagte, es gebe viel mehr Kranke. Offene Kanäle böten den Mücken "
            "außerdem gute Bedingungen.",
            "Offene Kanäle böten den Mücken außerdem gute Bedingungen.",
        ),
    ],
)
def test_konjunktiv_ii_umlaut_forms_continue_a_report(text, message):
    # Konjunktiv II of strong verbs (brächten, böten: konjunktiv.tsv) right after a report
    fi = [q for q in find_quotes(text) if q.kind == "free_indirect"]
    assert fi and fi[0].text == message, find_quotes(text)


def test_partial_quote_inside_an_embedded_konjunktiv_clause():
    # the indicative frame clause stays the author's also when the reported clause
    # holds a partial quote before its Konjunktiv verb
    text = "Seit einem Jahr vertritt er die These, dass Gewalt „in der Ideologie angelegt“ sei."
    q = next(q for q in find_quotes(text) if q.kind == "free_indirect")
    assert q.text == "dass Gewalt „in der Ideologie angelegt“ sei"


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Die Maßnahme folgt auf Umfragen, nach denen die meisten Briten den Vertrag ablehnen.",
            "die meisten Briten den Vertrag ablehnen",
            "denen",
        ),
        (
            "Es gibt Berichte, denen zufolge die Armee die Stadt verlassen hat.",
            "die Armee die Stadt verlassen hat",
            "denen",
        ),
        (
            "Die Studie, laut der die Zahl der Unfälle gestiegen ist, wurde gestern veröffentlicht.",
            "die Zahl der Unfälle gestiegen ist",
            "der",
        ),
        (
            "Er nannte die Forscher, nach deren Angaben täglich Gemüse gegessen werden sollte.",
            "täglich Gemüse gegessen werden sollte",
            "deren Angaben",
        ),
    ],
)
def test_relative_pronoun_source_reports_the_relative_clause(text, message, speaker):
    q = next(q for q in find_quotes(text) if q.kind == "indirect")
    assert (q.text, q.speaker.text) == (message, speaker)


def test_nach_with_a_relative_pronoun_needs_a_statement_noun():
    assert find_quotes("Er erinnerte an das Spiel, nach dem die Fans randaliert hatten.") == []


def test_sind_after_a_comma_ends_the_content_clause():
    text = "Die Forscher, nach deren Angaben täglich Gemüse gegessen werden sollte, sind Ärzte."
    q = next(q for q in find_quotes(text) if q.kind == "indirect")
    assert q.text == "täglich Gemüse gegessen werden sollte"


@pytest.mark.parametrize(
    "text",
    [
        "Im Jahr 2001 wurde ihm das „Große Ehrenzeichen für Verdienste um die Stadt“ verliehen.",
        "Die Läuferinnen hatten Probleme auf der „Piste am Hohen Kamm“.",
        "Die Tagung fand im „Haus der Geschichte“ in Bonn statt.",
    ],
)
def test_definite_article_before_capitalised_marks_is_a_name(text):
    assert [q for q in find_quotes(text) if q.kind == "direct"] == []
    assert find_titles(text)


def test_quoted_phrase_after_a_cue_verb_stays_a_quotation():
    text = "Die Ministerin nannte den Beschluss das „Ende einer langen Debatte“."
    assert any(q.kind == "direct" for q in find_quotes(text))


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        ("Er bezeichnete die Pläne als „Wortbruch“.", "„Wortbruch“", "Er"),
        (
            "Die Regierung hatte den Bericht umgehend als „völlig falsch“ zurückgewiesen.",
            "„völlig falsch“",
            "Die Regierung",
        ),
    ],
)
def test_act_with_a_quoted_als_complement_is_direct_speech(text, message, speaker):
    quotes = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [("direct", message, speaker)]


def test_konjunktiv_i_of_t_stem_verbs_continues_a_report():
    # "bereite", "biete": Konjunktiv I forms in -te that the preterite rule cannot read
    text = (
        "Der Sprecher sagte, der Rücktritt sei normal. Das Gehen bereite seinem Bruder "
        "Schwierigkeiten."
    )
    fi = [q for q in find_quotes(text) if q.kind == "free_indirect"]
    assert fi and fi[0].text == "Das Gehen bereite seinem Bruder Schwierigkeiten."


def test_konjunktiv_i_of_common_verbs_continues_a_report():
    text = "Die Ärztin sagte, die Lage sei ernst. Die Klinik verfüge kaum noch über Betten."
    fi = [q for q in find_quotes(text) if q.kind == "free_indirect"]
    assert fi and fi[0].text == "Die Klinik verfüge kaum noch über Betten."


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Nach Angaben von Peter Müller, Professor an der Universität Bonn, könnte der Damm "
            "brechen.",
            "könnte der Damm brechen",
            "Angaben von Peter Müller, Professor an der Universität Bonn",
        ),
        (
            "Laut Eva Roth, Leiterin der Feuerwehr in Kassel, wurde niemand verletzt.",
            "wurde niemand verletzt",
            "Eva Roth, Leiterin der Feuerwehr in Kassel",
        ),
    ],
)
def test_apposition_with_prepositional_attributes_belongs_to_the_source(text, message, speaker):
    quotes = find_quotes(text)
    assert [(q.text, q.speaker.text) for q in quotes] == [(message, speaker)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Der Bäcker sagt, diese Sorte erspart den Kunden viel Zeit.",
            "diese Sorte erspart den Kunden viel Zeit",
        ),
        (
            "Die Firma argumentiert, diese neue Maschine erspare den Bauern viel Arbeit.",
            "diese neue Maschine erspare den Bauern viel Arbeit",
        ),
    ],
)
def test_demonstrative_determiner_opens_an_unintroduced_content_clause(text, message):
    assert [q.text for q in find_quotes(text)] == [message]


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Der Bürgermeister nannte den Plan einen „Schildbürgerstreich“.",
            "„Schildbürgerstreich“",
            "Der Bürgermeister",
        ),
        ("Die Trainerin nannte das Spiel eine „Katastrophe“.", "„Katastrophe“", "Die Trainerin"),
    ],
)
def test_nennen_with_a_quoted_predicative_noun_is_direct_speech(text, message, speaker):
    quotes = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [("direct", message, speaker)]


def test_quoted_description_before_sprechen_is_direct_speech():
    # a quote after an indefinite article that starts in lowercase is no title
    text = "Von einer „gezielten Kampagne“ sprach der Abgeordnete Peter Lang."
    quotes = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [
        ("direct", "„gezielten Kampagne“", "der Abgeordnete Peter Lang")
    ]


def test_quoted_name_after_a_definite_article_stays_a_title():
    text = "Die Sprecherin der „Aktion Deutschland Hilft“ sagte, die Spenden seien gestiegen."
    quotes = find_quotes(text)
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].speaker.text == "Die Sprecherin der „Aktion Deutschland Hilft“"


@pytest.mark.parametrize(
    ("text", "message", "speaker"),
    [
        (
            "Wie die Zeitung Die Welt in einem Bericht vom 3. Mai 2010 berichtet, soll die Firma "
            "pleite sein.",
            "soll die Firma pleite sein",
            "die Zeitung Die Welt",
        ),
        (
            "Wie die Sprecherin des Amtes in Köln, Anna Roth, mitteilte, wurde niemand verletzt.",
            "wurde niemand verletzt",
            "die Sprecherin des Amtes in Köln, Anna Roth",
        ),
    ],
)
def test_sentence_initial_wie_frame_with_adverbials_before_its_verb(text, message, speaker):
    quotes = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [("indirect", message, speaker)]


def test_wie_question_after_frage_stays_no_frame():
    text = "Auf die Frage, wie oft die beiden in den letzten Wochen gesprochen haben, schwieg er."
    assert find_quotes(text) == []


def test_sentence_initial_wie_frame_in_the_perfect_tense():
    text = "Wie der Verband in der Nacht bekanntgegeben hat, wird das Turnier abgesagt."
    quotes = find_quotes(text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes] == [
        ("indirect", "wird das Turnier abgesagt", "der Verband")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Die Firma hat angekündigt die Preise ab Mai zu erhöhen.", "die Preise ab Mai zu erhöhen"),
        (
            "Die Anwohner wurden aufgefordert Fenster und Türen geschlossen zu halten.",
            "Fenster und Türen geschlossen zu halten",
        ),
    ],
)
def test_zu_infinitive_after_a_participle_cue_without_comma(text, message):
    assert [(q.kind, q.text) for q in find_quotes(text)] == [("indirect", message)]
