"""Speaker attribution rules of ``mediakit/quotes/rules/speakers.py`` (issue #11)."""

from __future__ import annotations

import pytest

from mediakit import find_quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker.text if q.speaker else None) for q in find_quotes(text)]


# A direct quote after "<source>:" or after a clause whose subject opens it.
COLON_FRAMES = [
    (
        "Die Polizei war vor Ort. BKA-Präsident Ziercke: „Mit diesem Ermittlungsansatz "
        "setzt das BKA ein deutliches Signal.“",
        "BKA-Präsident Ziercke",
    ),
    (
        "Es gab Streit. Bundesinnenminister Schäuble: „Nur damit nicht vernetzt werden "
        "kann, können wir die Daten doch nicht vernichten.“",
        "Bundesinnenminister Schäuble",
    ),
    (
        "Der Bundestrainer zeigte sich zufrieden: „Wir haben eine deutliche "
        "Leistungssteigerung in allen Mannschaftsteilen gezeigt.“",
        "Der Bundestrainer",
    ),
    # an adverb pre-field: the subject after the finite verb; the quote may open a new line
    (
        "Hier sparte der Bundespräsident nicht mit Kritik:\n„Jeder sollte wissen, was er tut.“",
        "der Bundespräsident",
    ),
    # no one is named before the colon: no speaker
    ("Das Motto der Demonstration: „Freiheit statt Angst“ zog viele an.", None),
]


@pytest.mark.parametrize(("text", "speaker"), COLON_FRAMES)
def test_colon_frame_names_the_speaker(text: str, speaker: str | None) -> None:
    direct = [s for kind, s in _speakers(text) if kind == "direct"]
    assert direct == [speaker]


# A sentence adverb in the pre-verb field is no speaker; the subject after the verb is.
PREFIELD_ADVERBS = [
    (
        "Weiterhin erklärte die Ministerin, die Zahl der Studienanfänger sei gestiegen.",
        "die Ministerin",
    ),
    (
        "Tatsächlich, betont die ermittelnde Polizei, sei das keine zutreffende Darstellung.",
        "die ermittelnde Polizei",
    ),
    ("Daneben sagte der Sprecher der Bank, die Zahlen seien gut.", "der Sprecher der Bank"),
    ("Derzeit erklärt das Ministerium, man prüfe den Fall.", "das Ministerium"),
]


@pytest.mark.parametrize(("text", "speaker"), PREFIELD_ADVERBS)
def test_prefield_adverb_is_no_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# A cue word's source keeps its apposition in commas; a relative clause or a list does not.
CLOSED_APPOSITIONS = [
    (
        "Nach Angaben von Sam Maiha, dem Direktor der nationalen Wetterbehörde, starben "
        "zehn Menschen.",
        "Angaben von Sam Maiha, dem Direktor der nationalen Wetterbehörde",
    ),
    (
        "Laut Peter Sharp, dem geschäftsführenden Direktor des Schiffseigners, sank das Schiff.",
        "Peter Sharp, dem geschäftsführenden Direktor des Schiffseigners",
    ),
    ("Laut Polizei, die am Montag eintraf, war die Straße gesperrt.", "Polizei"),
    ("Laut Trump, Putin, Selenskyj sei der Krieg bald vorbei.", "Trump"),
]


@pytest.mark.parametrize(("text", "speaker"), CLOSED_APPOSITIONS)
def test_cue_word_source_keeps_its_apposition(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# A free indirect passage in a new paragraph keeps no speaker of the paragraph before,
# unless that speaker's quotation ends right before it.
NEW_PARAGRAPH = [
    (
        "Der Minister sagte, er sei mit dem Ergebnis zufrieden. Die Verhandlungen seien "
        "gut verlaufen.\n\nIn der Stadt ist es ruhig. Die Polizei zog ab.\n\n"
        "Die Lage sei insgesamt ernst.",
        "Die Lage sei insgesamt ernst.",
        None,
    ),
    (
        "Kremlsprecher Dmitri Peskow sagte, das Gespräch sei gut gewesen. «Putin und Trump "
        "haben die Fortführung persönlicher Kontakte verabredet.»"
        "\n\nPutin habe Trump nach Moskau eingeladen.",
        "Putin habe Trump nach Moskau eingeladen.",
        "Kremlsprecher Dmitri Peskow",
    ),
]


@pytest.mark.parametrize(("text", "passage", "speaker"), NEW_PARAGRAPH)
def test_new_paragraph_ends_the_speakers_turn(text: str, passage: str, speaker: str | None) -> None:
    q = next(q for q in find_quotes(text) if passage in q.text)
    assert (q.speaker.text if q.speaker else None) == speaker


# Before "zufolge" an article opens the source unless a noun governs it as a genitive.
ZUFOLGE = [
    ("Zehn Menschen sind der Zeitung zufolge gestorben.", "der Zeitung"),
    (
        "Angaben des seismologischen Instituts zufolge bebte die Erde.",
        "Angaben des seismologischen Instituts",
    ),
    ("Dem Bericht zufolge sind zehn Menschen gestorben.", "Dem Bericht"),
]


@pytest.mark.parametrize(("text", "speaker"), ZUFOLGE)
def test_article_before_zufolge_opens_the_source(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# The polite "Sie"/"Ihr" inside a sentence addresses someone and names no speaker.
POLITE = [
    ("Wikinews: Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?", None),
    (
        "Der Verband tagte. Ihr Vorsitzender Eberhard Brandt sagte, die Lage sei ernst.",
        "Ihr Vorsitzender Eberhard Brandt",
    ),
    ("Die Ministerin tagte. Sie sagte, die Lage sei ernst.", "Sie"),
]


@pytest.mark.parametrize(("text", "speaker"), POLITE)
def test_polite_address_is_no_speaker(text: str, speaker: str | None) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# A named speaker keeps its role apposition in commas (the annotations take the whole
# noun phrase); an object or a new clause after the comma is no apposition.
SPEAKER_APPOSITIONS = [
    (
        "Nach dem Konzert sagte Jon Bon Jovi, Gründer der Band: „Ich spiele nicht für Geld.“",
        "Jon Bon Jovi, Gründer der Band",
    ),
    (
        "Anna Berg, die Vorsitzende des Vereins, der seit 1990 besteht, sagte: „Wir bleiben.“",
        "Anna Berg, die Vorsitzende des Vereins",
    ),
    (
        "„Das ist ärgerlich“, sagte Paul Weber, Geschäftsführer der Firma, gegenüber Reportern.",
        "Paul Weber, Geschäftsführer der Firma",
    ),
    (
        "Am Abend warnte der Präsident des Verbandes, Peter Hahn, die Politik in einem Brief: "
        "„Das Wasser ist in Gefahr.“",
        "der Präsident des Verbandes, Peter Hahn",
    ),
    ("In seiner Rede erklärte Johnson, die Rechte der Arbeitnehmer schützen zu wollen.", "Johnson"),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_APPOSITIONS)
def test_speaker_keeps_its_role_apposition(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# A quote-marked name right after an outlet or institution noun belongs to the speaker.
QUOTED_NAMES = [
    (
        "Das berichtete die Musikzeitschrift „Klangwelt“ am Montag.",
        "die Musikzeitschrift „Klangwelt“",
    ),
    (
        "Laut dem Bericht des Fachmagazins „Autowoche“ wird das Werk geschlossen.",
        "dem Bericht des Fachmagazins „Autowoche“",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), QUOTED_NAMES)
def test_quoted_name_after_a_source_noun(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]


# An accusative or dative phrase is never the speaker; a name with a relative clause or
# a bare first name and surname opens the sentence as its subject.
OBJECTS_AND_NAMES = [
    (
        "Ihren Widersacher forderte die Ministerin auf, über einen Rücktritt nachzudenken.",
        ["die Ministerin"],
    ),
    (
        "Seinen Kritikern warf der Bürgermeister vor, die Lage zu verkennen.",
        ["der Bürgermeister"],
    ),
    # "…, wies den Vorwurf zurück": an object after the verb, so no postposed frame
    (
        "Karl Kowalski, der bei der Stiftung arbeitet, wies den Vorwurf zurück. In Zeiten "
        "knapper Kassen sei die Studie richtig.",
        ["Karl Kowalski"],
    ),
    ("Karl Kowalski wies den Vorwurf zurück. Die Studie sei richtig.", ["Karl Kowalski"]),
    # nominative "er" after the verb: the pre-field is an object whatever its form
    (
        "Deren Haltung gegenüber der Partei bezeichnete er als „zutiefst verlogen“.",
        ["er"],
    ),
    # a thing with a relative clause, or capitalised words that are no name, stay no source
    (
        "Die neue Regel, die am Montag in Kraft trat, gilt für alle. Es habe sich um ein "
        "Missverständnis gehandelt.",
        [None],
    ),
    ("Neue Regeln traten in Kraft. Die Lage sei ernst.", [None]),
]


@pytest.mark.parametrize(("text", "speakers"), OBJECTS_AND_NAMES)
def test_objects_are_no_speakers_and_names_are(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in _speakers(text)] == speakers


# Speaker span: prepositional attributes up to the finite verb stay with a long pre-field
# subject; an article after a role is no name particle ("laut Polizeisprecher das Auto").
SPEAKER_SPANS = [
    (
        "Eva Lind vom Institut für Astronomie in Edinburgh erklärte, die Entdeckung werfe "
        "ein neues Licht auf die Theorie.",
        "Eva Lind vom Institut für Astronomie in Edinburgh",
    ),
    (
        "Ein Passant hatte laut Polizeisprecher das Gepäckstück stehen gelassen.",
        "Polizeisprecher",
    ),
    ("Laut dem Minister João das Neves ist der Hafen gesperrt.", "dem Minister João das Neves"),
    # a statement before the comma is no subject with apposition: the subject follows
    (
        "Die Zahl der Toten, die bei den Unruhen gestorben sein sollen, bezifferte die "
        "Nachrichtenagentur Xinhua mit 13.",
        "die Nachrichtenagentur Xinhua",
    ),
    # a clause before the comma: the verb after it shares that clause's subject …
    (
        "Die Gewerkschaften begrüßten die Ankündigung des Ministers, fordern aber einen Termin.",
        "Die Gewerkschaften",
    ),
    # … unless a new subject follows the clause
    (
        "Die Ministerin wies den Vorwurf zurück, der Sprecher der Fraktion, Paul Weber, "
        "erklärte: „Das ist eine Kampagne.“",
        "der Sprecher der Fraktion, Paul Weber",
    ),
    # a genitive chain goes on: "des Leiters der Sektion"
    (
        "Die Regenzeit könnte nach Angaben des Leiters der griechischen Sektion bis "
        "September andauern.",
        "Angaben des Leiters der griechischen Sektion",
    ),
    # a cue verb coordinated after a clause with an adverbial pre-field: that clause's subject
    (
        "Im Januar legte er sein Amt nieder und verkündete, sich um Projekte kümmern zu wollen.",
        "er",
    ),
    (
        "Am Montag traf die Ministerin den Botschafter und sagte, die Lage sei ernst.",
        "die Ministerin",
    ),
    # "für" + field after an office or institution belongs to the phrase …
    (
        "„Die Zahlen sind gut“, sagte der Leiter der Bundesbehörde für Wasserbau, Jan Ohm.",
        "der Leiter der Bundesbehörde für Wasserbau, Jan Ohm",
    ),
    (
        "Der Beauftragte für Kultur und Medien erklärte, das Museum bleibe geöffnet.",
        "Der Beauftragte für Kultur und Medien",
    ),
    # … after a name it is an adverbial
    ("„Das reicht nicht“, sagte Berger für die Fraktion.", "Berger"),
    # a possessive genitive attribute stays in the phrase ("seines Büros")
    ("Wie die Sekretärin seines Büros mitteilte, sei er verreist.", "die Sekretärin seines Büros"),
    ("Ein Sprecher ihrer Partei sagte, sie sei verreist.", "Ein Sprecher ihrer Partei"),
    # coordinated sources before a postposed "zufolge" …
    ("Der Bahn und der Stadt zufolge sei die Brücke gesperrt.", "Der Bahn und der Stadt"),
    (
        "Meldungen der Sender ARD und ZDF zufolge sei die Brücke gesperrt.",
        "Meldungen der Sender ARD und ZDF",
    ),
    # … but a clause coordinated before it is none
    ("Die Stadt schloss den Hafen und der Bahn zufolge sei die Brücke gesperrt.", "der Bahn"),
    # an apposition in commas after a post-verbal subject, then the content clause …
    (
        "Am Dienstag erklärte Jana Roth, die Leiterin des Tierheims, dass alle Hunde vermittelt seien.",
        "Jana Roth, die Leiterin des Tierheims",
    ),
    (
        "Schließlich entschied sich Jana Roth, die Leiterin des Tierheims, dazu, das Haus zu schließen.",
        "Jana Roth, die Leiterin des Tierheims",
    ),
    # … but a noun phrase that opens the content is no apposition
    ("Am Dienstag sagte Roth, die Stimmung, so gut sie sei, werde kippen.", "Roth"),
    # a statement with its author in the genitive is the source of a passive frame, also
    # past a relative clause that interrupts the pre-field
    (
        "In einer Erklärung der Gemeinde wird die Sperrung damit begründet, dass die Brücke marode sei.",
        "einer Erklärung der Gemeinde",
    ),
    (
        "In einer Stellungnahme der Gemeinde, auf die sich der Anwohnerverein beruft, wird die "
        "Sperrung damit begründet, dass die Brücke marode sei.",
        "einer Stellungnahme der Gemeinde",
    ),
    # "der" + adjective in -en opens a dative or genitive, never the subject
    ("Der regionalen Presse sagte Jana Roth: „Wir schließen im Mai.“", "Jana Roth"),
    ("Der neue Bürgermeister sagte, die Brücke sei marode.", "Der neue Bürgermeister"),
    # a hyphenated adjective after the article reads as an apposition, not a relative clause
    (
        "Jana Roth, die baden-württembergische Umweltministerin, kündigte an, die Regeln zu prüfen.",
        "Jana Roth, die baden-württembergische Umweltministerin",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_SPANS)
def test_speaker_span(text: str, speaker: str) -> None:
    assert [s for _, s in _speakers(text)][:1] == [speaker]
