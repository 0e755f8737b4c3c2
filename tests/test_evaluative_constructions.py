"""Evaluative constructions (data/constructions.tsv): each pattern with German sentences
that must match and sentences that must not."""

from __future__ import annotations

import pytest

from mediakit.evaluative import analyze_evaluative, construction_table, find_evaluative
from mediakit.evaluative.constructions import CONSTRUCTION_CATEGORIES


def constructions_in(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.lemma) for h in find_evaluative(text) if h.match == "construction"]


# (sentence, construction name, the matched text)
POSITIVE = [
    ("Ist es nicht seltsam, dass niemand fragt?", "negated_yes_no_question",
     "Ist es nicht seltsam, dass niemand fragt?"),
    ("Warum sollte Moskau nachgeben?", "why_should_question", "Warum sollte Moskau nachgeben?"),
    ("Wer glaubt denn noch an diese Versprechen?", "who_believes_question",
     "Wer glaubt denn noch an diese Versprechen?"),
    ("Das war Absicht, oder?", "question_tag", ", oder?"),
    ("Was sonst?", "what_else_question", "Was sonst?"),
    ("Wie kann man nur so blind sein?", "how_can_question", "Wie kann man nur so blind sein?"),
    ("Es scheint Kelloggs Idee gewesen zu sein, um sicherzustellen, dass der Krieg weitergeht.",
     "ensure_that", "um sicherzustellen, dass"),
    ("Sie tat das, um davon abzulenken.", "hidden_purpose", "um davon abzulenken"),
    ("Er reiste nur, um Fotos zu machen.", "only_to", "nur, um Fotos zu"),
    ("Er kam offenbar, um zu provozieren.", "supposedly_to", "offenbar, um zu"),
    ("USAID hat als eine Art CIA-Front fungiert.", "a_kind_of", "eine Art CIA-Front"),
    ("Das ist so etwas wie ein Waffenstillstand.", "something_like",
     "so etwas wie ein Waffenstillstand"),
    ("Das ist nichts anderes als Propaganda.", "nothing_but", "nichts anderes als Propaganda"),
    ("Das ist das reinste Chaos.", "the_purest", "das reinste Chaos"),
    ("Ein Anruf hätte reichen sollen.", "should_have", "hätte reichen sollen"),
    ("Es wäre besser gewesen zu schweigen.", "would_have_been", "wäre besser"),
    ("Er tut so, als ob nichts geschehen wäre.", "as_if", "tut so, als ob"),
    ("Was für ein Zufall!", "what_a_coincidence", "Was für ein Zufall"),
    ("Wer hätte das gedacht.", "who_would_have_thought", "Wer hätte das gedacht"),
    ("Traditionelle Verbündete hatte er düpiert und damit dem Kremlchef in die Hände gespielt.",
     "play_into_hands", "in die Hände gespielt"),
    ("Das spielt Putin direkt in die Hände.", "play_into_hands", "spielt Putin direkt in die Hände"),
    ("Europa tanzt nach Washingtons Pfeife.", "dance_to_tune", "tanzt nach Washingtons Pfeife"),
    ("Sie messen mit zweierlei Maß.", "two_standards", "mit zweierlei Maß"),
    ("Man kann zwischen den Zeilen lesen.", "between_the_lines", "zwischen den Zeilen"),
    ("Sie liefern Waffen, damit der Krieg weitergeht.", "in_order_that_goes_on",
     "damit der Krieg weitergeht"),
    ("Wenn er doch nur geschwiegen hätte.", "if_only", "Wenn er doch nur"),
    ("Wie praktisch!", "how_convenient", "Wie praktisch!"),
    ("Na klar, das war Zufall.", "of_course_ironic", "Na klar"),
    ("Das könnte teuer werden.", "could_be", "könnte"),
    ("Europa muss jetzt handeln.", "deontic_modal", "muss"),
    ("Es ist anzunehmen, dass er kommt.", "certainty_phrase", "ist anzunehmen"),
    ("Es ist aber anzunehmen, dass er kommt.", "certainty_phrase", "ist aber anzunehmen"),
    ("Es ist jedoch zu befürchten, dass es regnet.", "certainty_phrase", "ist jedoch zu befürchten"),
    ("Das klingt mehr nach Alarm als nach Aufklärung.", "sounds_like", "klingt mehr nach"),
    ("Die Hilfe kam viel zu spät.", "excess_zu", "viel zu spät"),
    ("Impfen tötet und erzeugt Corona!", "exclamation", "Corona!"),
    ("Und das nennt sich Demokratie?!", "exclamation", "Demokratie?!"),
    ("Die Lage scheint sich zu beruhigen.", "seems", "scheint"),
    ("Der Trend scheint nachzulassen.", "seems", "scheint"),
    ("Es scheint, als ob niemand zuhört.", "seems", "Es scheint"),
    ("Die Regierung ist, wie es scheint, ratlos.", "seems", "wie es scheint"),
    ("Das dürfte teuer werden.", "may_well", "dürfte"),
    ("Das ist nicht ganz unproblematisch.", "litotes", "nicht ganz unproblematisch"),
    ("Der Plan ist nicht ohne Risiko.", "litotes", "nicht ohne Risiko"),
    ("Man erhält den Eindruck großer Geschlossenheit.", "impression", "den Eindruck"),
    ("Es entsteht der fatale Eindruck, dass niemand zuständig ist.", "impression",
     "der fatale Eindruck"),
    ("Da fragt man sich, ob das Absicht war.", "self_question", "fragt man sich"),
    ("Ich frage mich, warum niemand widerspricht.", "self_question", "Ich frage mich"),
    ("Da frage ich mich, wer das bezahlt.", "self_question", "frage ich mich"),
    ("Und was ist mit der Polio-Impfung?", "what_about", "Und was ist mit der Polio-Impfung?"),
    ("Was ist eigentlich mit den Kindern?", "what_about", "Was ist eigentlich mit den Kindern?"),
    ("Da stellt sich die Frage, ob das reicht.", "question_arises", "stellt sich die Frage"),
    ("Vergleicht man diese Zahl mit den Vorjahren, stellen sich Fragen.", "question_arises",
     "stellen sich Fragen"),
    ("Das Vorgehen wirft viele Fragen auf.", "question_arises", "wirft viele Fragen"),
    ("Bleibt die Frage, wer das bezahlt.", "question_arises", "Bleibt die Frage"),
    ("Es ist schwer, öffentlich zugängliche Inhaltsstoffe zu überprüfen.", "it_is_adj", "schwer"),
    ("Es ist notwendig, dass die Schulen offen bleiben.", "it_is_adj", "notwendig"),
    ("Es wäre leicht, die Schuld bei anderen zu suchen.", "it_is_adj", "leicht"),
    ("Es kann doch nicht sein, dass Kinder hungern.", "cannot_be", "Es kann doch nicht sein"),
    ("Studie zur Übersterblichkeit: Starben 45 Prozent infolge des Lockdowns?", "author_question",
     "Lockdowns?"),
    ("Die Zahlen steigen. Wie sollte dieser Ansatz hilfreich sein?", "author_question", "sein?"),
    ("Es kann einfach nicht sein, dass Rentner frieren.", "cannot_be",
     "Es kann einfach nicht sein"),
]  # fmt: skip

# issue 12, recall round: reduplication, "sich nicht scheuen", judgements of understanding
POSITIVE += [
    ("Man wollte lieber ganz, ganz schnell abstimmen.", "reduplication", "ganz, ganz"),
    ("Das hat viel, viel Geld gekostet.", "reduplication", "viel, viel"),
    ("Er hat es immer und immer wieder versprochen.", "reduplication", "immer und immer"),
    ("Händler scheuen sich nicht, Wundermittel anzubieten.", "not_shy_of",
     "scheuen sich nicht"),
    ("Ein Konzern, der sich nicht scheut, Kunden zu täuschen.", "not_shy_of",
     "sich nicht scheut"),
    ("Die Partei schreckt nicht davor zurück, Gerüchte zu streuen.", "not_shy_of",
     "schreckt nicht davor zurück"),
    ("Viele haben das noch immer nicht verstanden.", "still_not_understood",
     "noch immer nicht verstanden"),
    ("Sie begreifen es einfach nicht.", "still_not_understood", "begreifen es einfach nicht"),
    ("Die Regierung hat aus der Krise nichts gelernt.", "learned_nothing", "nichts gelernt"),
    ("Sie lernen nichts daraus.", "learned_nothing", "lernen nichts daraus"),
]  # fmt: skip

# sentences that must give no construction at all
NEGATIVE = [
    "Wie beurteilen Sie diese Rechnung?",  # an interviewer's question to a person
    "Können Sie uns kurz erläutern, wie Sie den Test etabliert haben?",
    "Die Polizei sperrte die Straße.",
    "Die Mäuse tranken das reine Wasser.",  # literally pure: no label frame
    "Der Ring ist aus purem Gold.",
    "Er kam, um zu helfen.",  # a plain purpose clause
    "Das ist eine neue Art von Batterie.",  # lowercase after Art: no label
    "Er hätte gern Urlaub.",  # hätte without a modal infinitive
    "Die Hände des Präsidenten zitterten.",
    "Sie spielte Klavier.",
    "Er versuchte, zu helfen.",  # zu + infinitive is no excess
    "Das Ergebnis ist 5! geteilt durch 3!.",  # the factorial sign is no exclamation
    "Die Sonne scheint über Berlin.",  # scheinen of light, not of appearance
    "Die Sonne schien, und die Straßen waren voll.",
    "Das Boot lag nicht unter Wasser.",  # unter is a preposition, no litotes
    "Er ging nicht ohne dass jemand es merkte.",
    "Unter dem Eindruck der Anschläge tagte der Rat.",  # 'under the influence of'
    "Er fragte sich, ob er kommen solle.",  # a third person's question, reported
    "Die Frage stellt sich nicht.",  # no open question raised
    "Er stellte sich den Fragen der Journalisten.",  # 'faced the questions'
    "Es ist geplant, dass die Schule im Mai öffnet.",  # a plan, reported
    "Es ist verboten, hier zu rauchen.",  # a rule
    "Es ist unklar, ob der Verdächtige noch im Land ist.",  # the reporter's plain unknown
    "Es war gelungen, den Brand zu löschen.",  # a participle, a report
    "Es kann nicht sein Ernst sein.",  # sein as possessive: no normative frame
]
NEGATIVE += [
    "Ganz Europa schaut zu.",  # one ganz is no reduplication
    "Das Reh ist scheu.",  # scheu as an adjective
    "Er hat die Frage nicht verstanden.",  # a plain report of one misunderstanding
    "Die Kinder lernten nichts über Vulkane.",  # nothing about a topic, no verdict
    "Im Kurs lernt man nichts Neues.",
]


@pytest.mark.parametrize(("text", "name", "matched"), POSITIVE)
def test_construction_matches(text: str, name: str, matched: str) -> None:
    assert (matched, name) in constructions_in(text), constructions_in(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_construction(text: str) -> None:
    assert constructions_in(text) == []


def test_every_pattern_is_documented_and_has_a_positive_example():
    names = {name for _, name, _ in POSITIVE}
    table = construction_table()
    assert set(CONSTRUCTION_CATEGORIES) <= {c.category for c in table}
    for construction in table:
        assert construction.note.strip()
        assert 1 <= construction.weight <= 3
    # every pattern but the idioms has its own example above; the idioms are tested
    # as a group below
    untested = {c.name for c in table if c.category != "idiom"} - names
    assert untested == set()


@pytest.mark.parametrize(
    "text",
    [
        "Er hat die Partner über den Tisch gezogen.",
        "Sie führte die Presse an der Nase herum.",
        "Die Wähler sind ihm auf den Leim gegangen.",
        "Der Minister kroch vor Moskau zu Kreuze.",
        "Er goss damit Öl ins Feuer.",
        "Die Regierung hat das Handtuch geworfen.",
        "In Peking reibt man sich die Hände.",
        "Russland rasselte wieder mit dem Säbel.",
    ],
)
def test_idioms_split_by_the_verb(text: str) -> None:
    # found as a construction, or (Öl ins Feuer) as the lexicon's phrase: once either way
    idioms = [h for h in find_evaluative(text) if h.match in {"construction", "phrase"}]
    assert len(idioms) == 1, (text, idioms)


def test_constructions_take_the_voice_of_their_place_and_count_for_the_author():
    quoted = find_evaluative("Er sagte: „Wer glaubt denn noch an diese Versprechen?“")
    assert [h.voice for h in quoted if h.match == "construction"] == ["quoted"]
    analysis = analyze_evaluative("Das spielt Putin direkt in die Hände.")
    assert analysis.metrics["evaluative_constructions_per_1000_words"] > 0
    assert analysis.metrics["evaluative_per_1000_words"] > 0


# a yes/no question, and w-questions made suggestive by a modal, a particle or a negation
@pytest.mark.parametrize(
    "text",
    [
        "Fährt der Bus morgen?",
        "Wie soll das weitergehen?",
        "Was ist denn mit ihm los?",
        "Wann kommt endlich nicht mehr die nächste Erhöhung?",
    ],
)
def test_an_open_question_counts_only_as_the_weak_author_question(text: str) -> None:
    # a question in the writer's own voice: weight 1, and nothing stronger
    hits = [h for h in find_evaluative(text) if h.match == "construction"]
    assert [(h.lemma, h.weight) for h in hits] == [("author_question", 1)]


# open information questions (an explainer asks what it then answers): no construction
@pytest.mark.parametrize(
    "text",
    [
        "Wie geht es weiter?",
        "Wann beginnt das Treffen?",
        "Was ist mit ihm los?",
        "Welche Folgen hat der Streik für Pendler?",
        "Und in welchen Städten fahren die Busse?",
        "Doch wie viele Wohnungen werden gebaut?",
        "Die Frage der Woche: Was kostet eine Fahrkarte?",
    ],
)
def test_an_information_question_is_not_an_author_question(text: str) -> None:
    assert [h.lemma for h in find_evaluative(text) if h.match == "construction"] == []


def test_a_question_inside_a_quotation_is_the_sources():
    hits = find_evaluative("Er fragte: „Kommst du morgen?“")
    assert [h.voice for h in hits if h.lemma == "author_question"] == ["quoted"]


def test_a_construction_on_a_lexicon_word_counts_once():
    # "fatal" is a lexicon word: the impersonal frame around it adds no second hit
    hits = find_evaluative("Es wäre fatal, wenn die Verhandlungen scheitern.")
    assert [(h.text, h.match) for h in hits] == [("fatal", "word")]


def test_an_idiom_in_the_lexicon_as_a_phrase_counts_once():
    hits = find_evaluative("Er will kein Öl ins Feuer gießen.")
    assert [(h.text, h.match) for h in hits if "Feuer" in h.text] == [("Öl ins Feuer", "phrase")]


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        ("Das ist ein Skandal!", "author"),
        ("„Raus hier!“, rief der Wirt.", "quoted"),
        ("Er sagte: „Nie wieder!“", "quoted"),
    ],
)
def test_exclamation_takes_the_voice_of_its_words(text: str, voice: str) -> None:
    hits = [h for h in find_evaluative(text) if h.lemma == "exclamation"]
    assert [h.voice for h in hits] == [voice]


def test_exclamation_inside_sarcasm_counts_once() -> None:
    assert constructions_in("Wie praktisch!") == [("Wie praktisch!", "how_convenient")]


def test_a_construction_holding_a_lexicon_word_of_its_category_counts_once():
    # the litotes "nicht unerheblich" around the judgement word "unerheblich": one judgement
    hits = find_evaluative("Die Kosten für die Sanierung sind nicht unerheblich.")
    assert [h.category for h in hits].count("judgement") == 1


def test_reduplicated_lexicon_intensifier_counts_as_its_words():
    # "sehr" is an intensifier entry: the reduplication holds words of its own category,
    # so the words count (twice) and the construction adds nothing on top
    hits = find_evaluative("Das wird sehr, sehr teuer.")
    assert [(h.text, h.category) for h in hits] == [
        ("sehr", "intensifier"),
        ("sehr", "intensifier"),
    ]
