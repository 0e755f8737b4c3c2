"""One table of German sentences per rule of the quotation engine (mediakit.quotes.rules).

Each row: a text, the kind of the quotation that contains a fragment, and its speaker
("" = no speaker). The sentences are written for these tests, in the style of news text.
"""

from __future__ import annotations

import pytest

from mediakit.quotes import KIND_LABELS, analyze_quotes, find_quotes, find_scare_quotes
from mediakit.quotes.lexicon import cue_lexicon, speech_acts
from mediakit.tables import load_table


def _find(text: str, fragment: str):
    for q in analyze_quotes(text).all_quotations():
        if fragment in q.text:
            return q
    return None


def _check(text: str, fragment: str, kind: str | None, speaker: str) -> None:
    q = _find(text, fragment)
    if kind is None:
        assert q is None, f"{fragment!r} should be no quotation, got {q}"
        return
    assert q is not None, f"no quotation holds {fragment!r}: {find_quotes(text)}"
    assert q.kind == kind, (q.kind, q.text)
    assert (q.speaker.text if q.speaker else "") == speaker, (q.speaker, q.text)


# -- direct quotes and frames -------------------------------------------------

DIRECT = [
    # "ein" before the marks is the article of the quoted phrase, not a verb particle
    (
        "Die Ministerin bezeichnete den Beschluss als ein „wichtiges Signal“.",
        "wichtiges Signal",
        "direct",
        "Die Ministerin",
    ),
    (
        "„Das sage ich lieber nicht“, sagte Trump auf die Frage, wie oft die beiden "
        "seither gesprochen haben.",
        "Das sage ich",
        "direct",
        "Trump",
    ),
    (
        "Trump beschrieb das Telefongespräch so:\n\n»Wir haben lange gesprochen. Es war gut.«",
        "Wir haben lange",
        "direct",
        "Trump",
    ),
    (
        "Trump schrieb:\n»Wir haben lange gesprochen.\nEs war gut.«\nDanach ging er.",
        "Es war gut",
        "direct",
        "Trump",
    ),
    ("„Das ist gut“, fasst Bryen zusammen.", "Das ist gut", "direct", "Bryen"),
    ("Die Ministerin sagte: „Wir helfen sofort.“", "Wir helfen", "direct", "Die Ministerin"),
    # a title noun before the marks names a title, no quotation …
    (
        "Die Ausstellung „Woche des verbotenen Buches“ beginnt am Montag.",
        "Woche des verbotenen",
        None,
        "",
    ),
    # … also when the title ends in a question or exclamation mark
    (
        "Unter dem Motto „Wohnen - ein Luxus?!“ hatten die Verbände zu einer Tagung eingeladen.",
        "Wohnen - ein Luxus",
        None,
        "",
    ),
    # a final period that belongs to an abbreviation is no sentence end: a name
    (
        "Die Firma „Nordlicht Solar Inc.“ hat dem Autobauer eine Finanzspritze gegeben.",
        "Nordlicht Solar",
        None,
        "",
    ),
    (
        "Auch die „Initiative Lebenswerte Innenstadt e.V.“ beteiligte sich an dem Protest.",
        "Lebenswerte Innenstadt",
        None,
        "",
    ),
    # a quoted sentence after a cue verb stays a quotation
    (
        "Die Sprecherin sagte: „Wir prüfen das.“",
        "Wir prüfen das",
        "direct",
        "Die Sprecherin",
    ),
    # … unless a cue verb governs the phrase
    (
        "Er nannte den Plan „einen großen Fehler der Regierung“.",
        "einen großen Fehler",
        "direct",
        "Er",
    ),
    # the subject after the verb, behind a reflexive and an adverb
    (
        "In einem Interview äußerte sich der Außenbeauftragte Javier Solana jedoch "
        "zuversichtlich: „Ich gehe davon aus, dass eine Einigung gelingt.“",
        "Ich gehe davon aus",
        "direct",
        "der Außenbeauftragte Javier Solana",
    ),
]


# the pre-field before the finite verb is no subject (an accusative, an adjective or
# participle, a time phrase, a thing before er/sie): the subject follows the verb
DIRECT += [
    (
        "Den Unmut der Partei brachte die Sprecherin der Fraktion, Anna Weber, zum "
        "Ausdruck: „Es gibt keinen Grund.“",
        "keinen Grund",
        "direct",
        "die Sprecherin der Fraktion, Anna Weber",
    ),
    (
        "Die Arbeit der Koalition lobte er mit den Worten: „Sie handeln pragmatisch.“",
        "pragmatisch",
        "direct",
        "er",
    ),
    (
        "Relativierend fügt der Minister hinzu: „Allerdings darf man das nicht vergessen.“",
        "nicht vergessen",
        "direct",
        "der Minister",
    ),
    (
        "Erst vergangene Woche kündigte der Konzern an, alle Schalter zu schließen.",
        "alle Schalter",
        "indirect",
        "der Konzern",
    ),
    (
        "Auch die Ministerin äußerte Vorbehalte: „Ich gehe davon aus, dass es scheitert.“",
        "Ich gehe davon aus",
        "direct",
        "die Ministerin",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), DIRECT)
def test_direct_quotes_and_frames(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_list_of_quoted_paragraphs_after_a_frame():
    text = (
        "Der Minister gab folgende Erklärungen ab:\n\n„Wir helfen sofort.“\n\n"
        "„Die Lage ist ernst.“\n\nDanach ging er. Später kam ein Brief.\n\n„Wir bleiben.“"
    )
    speakers = [q.speaker.text if q.speaker else "" for q in find_quotes(text)]
    assert speakers == ["Der Minister", "Der Minister", ""]  # the prose paragraph ends it


def test_quote_over_lines_is_one_quotation():
    text = "Trump schrieb:\n»Wir haben lange gesprochen.\nEs war gut.«\nDanach ging er."
    quotes = find_quotes(text)
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].text.endswith("gut.«")


# -- cue verbs and indirect speech ------------------------------------------------

INDIRECT = [
    # a passive cue verb without "von X": the report in the pre-field is the source
    (
        "In einem Bericht der Lokalzeitung wurde vermutet, dass niemand überlebt habe.",
        "dass niemand überlebt habe",
        "indirect",
        "einem Bericht der Lokalzeitung",
    ),
    (
        "So wird in einer Pressemitteilung des Vereins gefordert, dass die Stadt handeln müsse.",
        "dass die Stadt handeln müsse",
        "indirect",
        "einer Pressemitteilung des Vereins",
    ),
    # … a report that names no one stays anonymous
    (
        "In ersten Berichten wurde vermutet, dass niemand überlebt habe.",
        "dass niemand überlebt habe",
        "indirect",
        "",
    ),
    # a source note in parentheses at the end is no part of the message; the span never
    # ends inside a parenthesis
    ("Der Minister sagte, die Reform komme (Wikinews berichtete).", "Wikinews", None, ""),
    (
        "Der Minister sagte, die Reform komme (Wikinews berichtete).",
        "die Reform komme",
        "indirect",
        "Der Minister",
    ),
    # an adverbial clause ("indem …") is no content of the frame before it: the inner
    # frame's clause is the message
    (
        "Die Ministerin wies das zurück, indem sie sagte, der Plan sei längst beschlossen.",
        "der Plan sei längst beschlossen",
        "indirect",
        "sie",
    ),
    (
        "Die Ministerin wies das zurück, indem sie sagte, der Plan sei längst beschlossen.",
        "indem sie sagte",
        None,
        "",
    ),
    # an apposition of the frame's speaker stands between the verb and the dass-clause
    (
        "Am Montag erklärte der Verlag, die Mediengruppe Nord, dass die Zeitung eingestellt werde.",
        "dass die Zeitung eingestellt werde",
        "indirect",
        "der Verlag",
    ),
    # "wie X, apposition, <adverbial> mitteilte, …": a place or time before the verb
    (
        "Wie Anna Berg, Sprecherin des Amtes, in Bonn mitteilte, bleibt die Brücke gesperrt.",
        "bleibt die Brücke gesperrt",
        "indirect",
        "Anna Berg, Sprecherin des Amtes, in Bonn",
    ),
    # a participle written apart from its particle reads as the joined form
    (
        "Der Verein hat am Montag bekannt gegeben, dass das Spiel verschoben wird.",
        "dass das Spiel verschoben wird",
        "indirect",
        "Der Verein",
    ),
    # "bekannt werden": news that became public, with no speaker named
    (
        "Der Minister trat zurück, nachdem bekannt geworden war, dass er Geld genommen hatte.",
        "dass er Geld genommen hatte",
        "indirect",
        "",
    ),
    ("Die Sängerin wurde durch ihre Lieder bekannt.", "Lieder", None, ""),
    ("Die Lage ist ernst, sagte Bsirske.", "Die Lage ist ernst", "indirect", "Bsirske"),
    # a place name attached to an institution or a genitive chain belongs to the source;
    # after a plain name it is an adverbial of the speaking
    (
        "Die Lage sei ernst, teilte ein Sprecher des Amtes in New York mit.",
        "Die Lage sei ernst",
        "indirect",
        "ein Sprecher des Amtes in New York",
    ),
    (
        "Die Regierung in Lomé erklärte, die Wahl sei fair verlaufen.",
        "die Wahl sei fair",
        "indirect",
        "Die Regierung in Lomé",
    ),
    ("Die Lage ist ernst, sagte Merkel in Berlin.", "Die Lage ist ernst", "indirect", "Merkel"),
    # an apposition that ends the sentence keeps its prepositional attributes
    (
        "Die Lage sei ernst, so Frank Karl, Leiter der Abteilung Planung bei der Stiftung.",
        "Die Lage sei ernst",
        "indirect",
        "Frank Karl, Leiter der Abteilung Planung bei der Stiftung",
    ),
    (
        "Die Lage sei ernst, sagte Frank Karl, Leiter der Abteilung, im Parlament.",
        "Die Lage sei ernst",
        "indirect",
        "Frank Karl, Leiter der Abteilung",
    ),
    # a postposed frame: an apposition in commas before adverbials, a place attribute
    # before the name - both belong to the speaker, not to the message
    (
        "Die Lage sei ernst, sagte Anna Schmidt, die Leiterin des Amtes, am Montag in Berlin.",
        "Die Lage sei ernst",
        "indirect",
        "Anna Schmidt, die Leiterin des Amtes",
    ),
    (
        "Die Lage ist ernst, erklärte der Sprecher der Feuerwehr in Köln, Peter Braun.",
        "Die Lage ist ernst",
        "indirect",
        "der Sprecher der Feuerwehr in Köln, Peter Braun",
    ),
    # a place attribute between a role and the name in commas (also a country or city)
    (
        "Die Korrespondentin in Buenos Aires, Lena Vogt, berichtete, der Strom sei ausgefallen.",
        "der Strom sei ausgefallen",
        "indirect",
        "Die Korrespondentin in Buenos Aires, Lena Vogt",
    ),
    (
        "Der Präsident des Verbandes in Deutschland, Karl Huber, sagte, die Preise stiegen.",
        "die Preise stiegen",
        "indirect",
        "Der Präsident des Verbandes in Deutschland, Karl Huber",
    ),
    ("Der Minister sagte in Berlin, die Preise stiegen.", "die Preise", "indirect", "Der Minister"),
    # a lowercase outlet name (speaker_words.tsv outlet) is part of the speaker
    ("Die taz schreibt, die Preise seien gestiegen.", "die Preise", "indirect", "Die taz"),
    ("Peskow sagte, Putin sei bereit.", "Putin sei bereit", "indirect", "Peskow"),
    (
        "Wie die Premierministerin von Queensland, Anna Bligh, erklärte, habe sie geholfen.",
        "habe sie geholfen",
        "indirect",
        "die Premierministerin von Queensland, Anna Bligh",
    ),
    (
        "Ihm wird vorgeworfen, Geld genommen zu haben.",
        "Geld genommen",
        "indirect",
        "",
    ),
    (
        "Die Polizei teilte mit, dass die Straße gesperrt sei.",
        "dass die Straße",
        "indirect",
        "Die Polizei",
    ),
    ("Er lehnte es ab, sich zu äußern.", "sich zu äußern", "indirect", "Er"),
    (
        "Jegliche Mitverantwortung weist Hartmann von sich: „Das war der Vorsitzende.“",
        "Das war",
        "direct",
        "Hartmann",
    ),
    (
        "Als Antwort auf den Brief sagte ein Sprecher: „Wir prüfen das.“",
        "Wir prüfen",
        "direct",
        "ein Sprecher",
    ),
    ("Die Ministerin bezeichnete, wie sie betonte, den Plan als Erfolg.", "den Plan", None, ""),
    # an apposition after a postposed frame's speaker is the speaker's, not the message's
    (
        "Alle Gebiete seien unter Kontrolle, sagte Charles Bouchard, kanadischer General und "
        "Kommandeur des Einsatzes.",
        "Alle Gebiete seien",
        "indirect",
        "Charles Bouchard, kanadischer General und Kommandeur des Einsatzes",
    ),
    ("Die Lage ist ernst, sagte Bsirske, das sei klar.", "das sei klar", "indirect", "Bsirske"),
    # a pre-field opened by a preposition is no subject
    (
        "Bezüglich des Startortes sagte ein Sprecher, die Maschine sei in Sentani gestartet.",
        "die Maschine sei",
        "indirect",
        "ein Sprecher",
    ),
    # a zu-infinitive may be followed by a relative clause or a dash apposition
    (
        "Ein Gericht hat den Konzern aufgefordert, binnen drei Tagen alle Daten herauszugeben, "
        "die mit dem Fall in Verbindung stehen.",
        "alle Daten herauszugeben",
        "indirect",
        "Ein Gericht",
    ),
    (
        "Die Behörden haben die Einwohner der Küstenorte aufgefordert, ihre Häuser zu verlassen "
        "– die meisten davon in der Hauptstadt.",
        "ihre Häuser zu verlassen",
        "indirect",
        "Die Behörden",
    ),
    # a subject with a relative clause before the cue verb, and a dass-clause after its
    # object: no postposed frame, the subject speaks
    (
        "Der frühere Präsident Jimmy Carter, der als Wahlbeobachter im Land war, sagte "
        "Reportern, dass alles friedlich verlaufen sei.",
        "dass alles friedlich",
        "indirect",
        "Der frühere Präsident Jimmy Carter",
    ),
    (
        "Der frühere Präsident Jimmy Carter, der als Wahlbeobachter im Land war, sagte "
        "Reportern, dass alles friedlich verlaufen sei.",
        "als Wahlbeobachter",
        None,
        "",
    ),
    # … an apposition in commas is part of the speaker, a relative clause is not
    (
        "Tegaye Mununhe, der Polizeichef der Region, sagte, dass weitere Boote im Einsatz seien.",
        "weitere Boote",
        "indirect",
        "Tegaye Mununhe, der Polizeichef der Region",
    ),
    (
        "Tegaye Mununhe, der die Suche leitet, sagte, dass weitere Boote im Einsatz seien.",
        "weitere Boote",
        "indirect",
        "Tegaye Mununhe",
    ),
    # a direct quote after a colon is its own quotation: the indirect message ends there
    (
        "Der Innenminister warnte, dass die Fehden nun auch ins Ausland getragen würden: "
        "„Das hat es noch nicht gegeben.“",
        "ins Ausland getragen würden",
        "indirect",
        "Der Innenminister",
    ),
    (
        "Der Innenminister warnte, dass die Fehden nun auch ins Ausland getragen würden: "
        "„Das hat es noch nicht gegeben.“",
        "„Das hat es noch nicht gegeben.“",
        "direct",
        "Der Innenminister",
    ),
    # the Konjunktiv of the content clause may stand inside a partial quote
    (
        "Am Montag äußerte sich Vatikansprecher Navarro-Valls dahingehend, das Gespräch "
        "„sei in freundschaftlicher Atmosphäre verlaufen“.",
        "das Gespräch",
        "indirect",
        "Vatikansprecher Navarro-Valls",
    ),
    # … but an indicative clause with a partial quote is no indirect speech
    (
        "Am Montag äußerte sich der Sprecher dahingehend, das Gespräch „ist gut verlaufen“.",
        "das Gespräch",
        None,
        "",
    ),
    # a prepositional phrase with a relative clause before the verb is the pre-field,
    # no content of a postposed frame
    (
        "In einem Essay, das zu seinem Geburtstag erschien, kritisierte er den Politikstil "
        "als schädlich.",
        "das zu seinem Geburtstag erschien",
        "reported",
        "er",
    ),
    (
        "Im Brief, den er an Chirac geschickt hat, erklärt er: „Das Gesetz ist falsch.“",
        "den er an Chirac",
        None,
        "",
    ),
    # a real postposed frame with a Konjunktiv continuation stays one
    (
        "Die Lage sei ernst, sagte Müller, und die Regierung müsse handeln.",
        "Regierung müsse",
        "indirect",
        "Müller",
    ),
    # a modal verb in the frame: the saying is possible or required, not reported
    ("Im Rückblick kann man sagen, dass der Umbau gelungen ist.", "Umbau gelungen", None, ""),
    ("Es darf festgehalten werden, dass die Brücke stabil ist.", "Brücke stabil", None, ""),
    (
        "Der Bürgermeister sagte, dass der Umbau gelungen sei.",
        "Umbau gelungen",
        "indirect",
        "Der Bürgermeister",
    ),
    # "ist zu bemerken": what is to be said, no utterance; "beeilte sich, zu erklären" reports
    ("Dabei ist zu bemerken, dass die Brücke stabil ist.", "Brücke stabil", None, ""),
    (
        "Der Sprecher beeilte sich, zu erklären, der Plan sei nicht gescheitert.",
        "Plan sei",
        "indirect",
        "",
    ),
    # a frame in a question asks, it reports nothing
    ("Für wie wahrscheinlich halten Sie es, dass die Preise sinken?", "Preise sinken", None, ""),
    ("Glauben Sie, dass der Plan aufgeht?", "Plan aufgeht", None, ""),
    # knowing is factive: the author vouches for the content, nobody is reported; in
    # Konjunktiv I the knowing itself is reported
    ("Die Ministerin wusste, dass der Plan scheitert.", "Plan scheitert", None, ""),
    (
        "Die Ministerin sagte, sie wisse, dass der Plan scheitere.",
        "Plan scheitere",
        "indirect",
        "Die Ministerin",
    ),
    # after a direct quote and its frame, a relative clause describes the speaker
    (
        "„Wir bauen weiter“, sagte Anna Roth, die den Plan entworfen hatte.",
        "den Plan entworfen",
        None,
        "",
    ),
    (
        "„Bis heute“, sagte Anna Roth, sei der Plan „nicht umgesetzt“.",
        "sei der Plan",
        "indirect",
        "Anna Roth",
    ),
    # deciding whether: the question is still open, nothing is reported
    ("Der Rat entscheidet morgen, ob die Schule schließt.", "die Schule schließt", None, ""),
    ("Der Rat entschied, dass die Schule schließt.", "die Schule schließt", "indirect", "Der Rat"),
    # a negated postposed frame asserts nothing, as a negated frame before its clause
    ("Warum der Zug hielt, gab die Bahn nicht bekannt.", "der Zug hielt", None, ""),
    (
        "Der Zug habe wegen eines Defekts gehalten, teilte die Bahn mit.",
        "Zug habe",
        "indirect",
        "die Bahn",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), INDIRECT)
def test_cue_verbs_and_indirect_speech(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_second_frame_splits_an_indirect_quotation():
    # "…, und kündigte an, …" / "…, doch X erklärte, …": two frames, two statements
    text = "Die Ministerin sagte, die Lage sei ernst, und kündigte an, den Plan zu prüfen."
    first = _find(text, "die Lage sei ernst")
    second = _find(text, "den Plan zu prüfen")
    assert first is not None and second is not None and first is not second
    assert "kündigte" not in first.text and second.speaker.text == "Die Ministerin"
    text = "Der Trainer sagte, der Spieler sei verletzt, doch der Arzt erklärte, er könne spielen."
    second = _find(text, "er könne spielen")
    assert second is not None and second.speaker.text == "der Arzt", second
    assert "Arzt" not in _find(text, "der Spieler sei verletzt").text


def test_negation_inside_the_direct_quote_keeps_a_postposed_frame():
    # "nicht" in the quoted answer does not negate the frame "antwortete"
    text = "Auf die Frage, ob der Plan scheitere, antwortete die Ministerin: „Das weiß ich nicht.“"
    q = _find(text, "der Plan scheitere")
    assert q is not None and q.kind == "indirect", find_quotes(text)


def test_no_cue_from_a_question_clause():
    # "gesprochen" in the wie-clause names no source: the sentence is no indirect speech
    text = (
        "„Das sage ich lieber nicht“, sagte Trump auf die Frage, wie oft die beiden "
        "seither gesprochen haben."
    )
    assert [q.kind for q in find_quotes(text)] == ["direct"]


# -- Konjunktiv passages --------------------------------------------------------------

KONJUNKTIV = [
    # regular Konjunktiv I forms from konjunktiv.tsv ("diene", "benötige", "stamme")
    (
        "Der Sprecher sagte, das Geld sei da. Es diene allein der Forschung.",
        "Es diene allein",
        "free_indirect",
        "Der Sprecher",
    ),
    # Konjunktiv II two sentences after a quotation, in the same paragraph, still reports
    (
        "Der Sprecher sagte, die Lage sei ernst. Die Stadt reagierte schnell. "
        "Die Kosten würden den Haushalt belasten.",
        "Die Kosten würden",
        "free_indirect",
        "Der Sprecher",
    ),
    # … but not after a paragraph break (a hypothesis of the author)
    (
        "Der Sprecher sagte, die Lage sei ernst. Die Stadt reagierte schnell.\n\n"
        "Die Kosten würden den Haushalt belasten.",
        "Die Kosten würden",
        None,
        "",
    ),
    # a cue verb in Konjunktiv I is itself reported: the whole sentence continues the
    # passage of the earlier speaker, the frame included
    (
        "Der Forscher sagte, die Probe sei echt. Das Labor gehe davon aus, dass sie aus dem "
        "Mittelalter stamme.",
        "Das Labor gehe davon aus",
        "free_indirect",
        "Der Forscher",
    ),
    (
        "Peskow sagte, Putin sei bereit. Er fahre nach Riad und biete Gespräche an.",
        "Er fahre nach Riad",
        "free_indirect",
        "Peskow",
    ),
    (
        "Der Sprecher sagte, es gebe keine Pläne. Man habe das nie erwogen.",
        "Man habe das",
        "free_indirect",
        "Der Sprecher",
    ),
    ("Der Mann soll das Geld genommen haben.", "Der Mann soll", "free_indirect", ""),
    (
        "Der Sprecher sagte, die Lage sei ernst. Die Helfer bräuchten mehr Zeit.",
        "Die Helfer bräuchten",
        "free_indirect",
        "Der Sprecher",
    ),
    ("Die neue Brücke soll im Jahr 2027 fertig werden.", "Die neue Brücke", None, ""),
    (
        "Seit seinem Amtsantritt hatte Trump ausweichend auf die Frage reagiert, ob er "
        "telefoniert habe.",
        "Seit seinem Amtsantritt",
        None,
        "",
    ),
    # an indicative main clause before the Konjunktiv clause is the author's frame
    (
        "Die Alliierten hatten Einspruch dagegen erhoben, weil Berlin einen Sonderstatus habe.",
        "weil Berlin einen Sonderstatus habe",
        "free_indirect",
        "",
    ),
    (
        "Die Alliierten hatten Einspruch dagegen erhoben, weil Berlin einen Sonderstatus habe.",
        "Einspruch",
        None,
        "",
    ),
    (
        "Unter diesen Bedingungen halten die Generäle einen Abzug für unwahrscheinlich, da die "
        "Armee ihren Aufgaben nicht gewachsen sei.",
        "unwahrscheinlich",
        None,
        "",
    ),
    # an -e form in a sentence whose subject is "ich" is the first person's indicative
    ("Ich arbeite an einem Projekt und plane einen Kurzfilm.", "plane", None, ""),
    ("Ich war kürzlich in Nordkorea und habe sie arbeiten sehen.", "arbeiten", None, ""),
    # … but a sentence that opens with a subordinate clause stays whole
    ("Wenn es regnet, werde das Spiel verschoben.", "Wenn es regnet", "free_indirect", ""),
    # a direct quote after a colon stands on its own, also after a Konjunktiv sentence
    ("Er sei optimistisch: „Wir schaffen das.“", "„Wir schaffen das.“", "direct", "Er"),
    ("Er sei optimistisch: „Wir schaffen das.“", "Er sei optimistisch", "free_indirect", "Er"),
    # a relative clause inside the subject does not cut the sentence: reported as a whole
    (
        "Risikoreiche Geschäfte der Banken, die zur Finanzkrise geführt hätten, seien nicht "
        "unterbunden worden.",
        "Risikoreiche Geschäfte",
        "free_indirect",
        "",
    ),
    # … but an indicative frame before a content clause still does
    (
        "Die Bank beruft sich darauf, dass die Freigabe der Daten rechtens sei.",
        "Die Bank beruft",
        None,
        "",
    ),
    # a conditional in Konjunktiv II right after a quotation is the author's hypothesis …
    (
        "„Wir klagen“, sagte der Anwalt. Sollte der Antrag angenommen werden, könnte die "
        "Seite wieder online gehen.",
        "Seite wieder online",
        None,
        "",
    ),
    # … a plain Konjunktiv II sentence there continues the quotation
    (
        "„Wir klagen“, sagte der Anwalt. Die Seite könnte bald wieder online gehen.",
        "Seite könnte bald",
        "free_indirect",
        "der Anwalt",
    ),
    # a Konjunktiv II sentence right before a Konjunktiv I passage opens it
    (
        "Der Wetterdienst warnte vor dem Sturm. Er erwarte Schäden. "
        "Im Bergland hat es geregnet. Oberhalb von 800 Metern könnten Orkanböen auftreten. "
        "Besonders der Westen sei betroffen.",
        "Oberhalb von 800 Metern",
        "free_indirect",
        "Der Wetterdienst",  # two sentences after its quotation, same paragraph
    ),
    # … alone it stays the author's conjecture
    (
        "Im Bergland hat es geregnet. Oberhalb von 800 Metern könnten Orkanböen auftreten.",
        "Oberhalb von 800 Metern",
        None,
        "",
    ),
    # no quotation before it: the person the sentence before opens with is the speaker
    (
        "Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt sei nicht ethnisch motiviert.",
        "Der Konflikt sei",
        "free_indirect",
        "Staatspräsident Georgi Parwanow",
    ),
    # … an institution whose noun looks like a thing ("Regierung", "-ung") still counts
    (
        "Die Regierung verbreitete eine eigene Darstellung. So habe das Militär die Straße "
        "gesperrt.",
        "So habe das Militär",
        "free_indirect",
        "Die Regierung",
    ),
    # … a sentence adverb before the verb is no speaker; "von weniger …" is no attribute
    (
        "Insgesamt spricht die Polizei von weniger Gewalt. In einem Depot seien Busse "
        "zerstört worden.",
        "In einem Depot seien",
        "free_indirect",
        "die Polizei",
    ),
    # … an expletive "Es" before a quote is no frame subject; the passage keeps its speaker
    (
        "Die Ministerin sagte, es müsse Schluss sein. Es drohe „eine harte Zeit“.",
        "Es drohe",
        "free_indirect",
        "Die Ministerin",
    ),
    # … a noun phrase before a speech verb is the speaker even without a role word; a
    # name with an apposition in commas keeps it
    (
        "Der Verein Lebenshilfe äußerte Zweifel an der Darstellung. Die Frist sei zu kurz.",
        "Die Frist sei",
        "free_indirect",
        "Der Verein Lebenshilfe",
    ),
    (
        "Anna Berg, Vorsitzende des Vereins, verteidigte das Vorgehen. So seien hunderte "
        "Menschen auf die Straße gegangen.",
        "So seien hunderte",
        "free_indirect",
        "Anna Berg, Vorsitzende des Vereins",
    ),
    # … after a "Demnach" sentence the passage is the source's that demnach refers to
    (
        "Laut dem Magazin Focus ist es zu Zwischenfällen gekommen. Demnach haben Flugzeuge "
        "die Schiffe überflogen. Üblicherweise sei dies eine Warnung.",
        "Üblicherweise sei",
        "free_indirect",
        "dem Magazin Focus",
    ),
    # … an object before the verb: the subject after it
    (
        "Den Vorschlag des Rates lehnte die Ministerin ab. Er sei zu teuer.",
        "Er sei zu teuer",
        "free_indirect",
        "die Ministerin",
    ),
    (
        "Die Pläne der Stadt kritisierte er scharf. Sie seien nicht bezahlbar.",
        "Sie seien nicht",
        "free_indirect",
        "er",
    ),
    # … a thing is none ("Die Proteste"), and neither is a sentence-initial adverb
    (
        "Die Proteste dauern an. In der Hauptstadt seien Studenten verhaftet worden.",
        "Studenten verhaftet",
        "free_indirect",
        "",
    ),
    (
        "Langfristig strebt der Konzern den Börsengang an. Eine Option sei das Jahr 2011.",
        "Eine Option sei",
        "free_indirect",
        "",
    ),
    # the sentence before opens with an adverbial: its subject follows the finite verb;
    # a role and a name in commas before the verb are one subject
    (
        "Am Montag hat die Wahlkommission den Termin festgelegt. Mögliche Termine "
        "seien der 24. und der 28. Mai.",
        "Mögliche Termine",
        "free_indirect",
        "die Wahlkommission",
    ),
    (
        "Der Betriebsleiter, Reinhard Kraxner, spekulierte über die Ursache. So sei die "
        "Sicht eingeschränkt.",
        "So sei die Sicht",
        "free_indirect",
        "Der Betriebsleiter, Reinhard Kraxner",
    ),
    ("Am Montag regnete es in der Stadt. Die Lage sei ernst.", "Die Lage", "free_indirect", ""),
    # … and stops before a capitalised adjective used as the object
    (
        "Die Ministerin Anna Schulz sagte: „Wir sind bereit.“\n\nAn die Adresse der "
        "Kommission hatte Schulz Positives zu vermelden. Erstmals sei das Land in der Lage, "
        "die Kriterien einzuhalten.",
        "Erstmals sei",
        "free_indirect",
        "Schulz",
    ),
    (
        "Besorgt äußerte sich der Minister über die Gewalt. Auch gebe es Berichte über "
        "Entführungen.",
        "Auch gebe es",
        "free_indirect",
        "der Minister",
    ),
    # a chain of Konjunktiv sentences keeps the speaker its first sentence found, also
    # in a new paragraph after another speaker's quote
    (
        "Die Ministerin Anna Schulz sagte: „Wir sind bereit.“\n\nSchulz gab sich "
        "optimistisch. Man sei gut aufgestellt. Die Firma werde die Probleme lösen.",
        "Die Firma werde",
        "free_indirect",
        "Schulz",
    ),
    # the indicative frame clause names its source without a speech verb (also in a
    # text's first paragraph) …
    (
        "Der Bürgermeister kam zu dem Ergebnis, dass es keinerlei Belege dafür gebe.",
        "dass es keinerlei",
        "free_indirect",
        "Der Bürgermeister",
    ),
    (
        "Die Ministerin hegt den Verdacht, der Zähler sei manipuliert worden.",
        "der Zähler sei",
        "free_indirect",
        "Die Ministerin",
    ),
    # a passage opened by a Konjunktiv II sentence: the subject of the sentence before it
    (
        "Die Regierung widersprach der Darstellung. So hätten Soldaten die Straße gesperrt. "
        "Außerdem habe die Armee auf die Zivilisten geachtet.",
        "So hätten Soldaten",
        "free_indirect",
        "Die Regierung",
    ),
    # … but a pronoun there (of figures) is no speaker: the quotation's speaker carries on
    (
        "Die Zahlen sind laut Anna Berg kein Grund zur Freude. Sie zeigten, dass die Region "
        "zu wenig Arbeit biete.",
        "dass die Region",
        "free_indirect",
        "Anna Berg",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), KONJUNKTIV)
def test_konjunktiv_passages(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


# -- reported speech acts ------------------------------------------------------------

REPORTED = [
    # an agentless passive of a view, a classification or a record names no source
    ("Die Lage am Fluss wird als ernst eingeschätzt.", "Lage am Fluss", None, ""),
    (
        "Die Lage am Fluss wird von Experten als ernst eingeschätzt.",
        "Lage am Fluss",
        "reported",
        "Experten",
    ),
    ("Die Pflanze wird als gefährdet eingestuft.", "Pflanze", None, ""),
    # an indefinite "von" phrase that names no source is the topic of the passive act
    (
        "Von einer hohen Waldbrandgefahr wird auch aus Bonn berichtet.",
        "Waldbrandgefahr",
        "reported",
        "",
    ),
    # a passive act whose middle field names the report: the report is the source, and
    # the Konjunktiv passage after it keeps that source
    (
        "Die Unruhen werden im Bericht auf die Armut zurückgeführt. Folge der Kriege sei "
        "eine Verrohung der Gesellschaft.",
        "Die Unruhen werden",
        "reported",
        "Bericht",
    ),
    (
        "Die Unruhen werden im Bericht auf die Armut zurückgeführt. Folge der Kriege sei "
        "eine Verrohung der Gesellschaft.",
        "Folge der Kriege",
        "free_indirect",
        "Bericht",
    ),
    (
        "Die Regierung kritisierte den Plan als unausgegoren.",
        "kritisierte den Plan",
        "reported",
        "Die Regierung",
    ),
    ("Der Kreml sprach von einem konstruktiven Gespräch.", "sprach von", "reported", "Der Kreml"),
    ("Sie bezeichnete ihn als Lügner.", "bezeichnete ihn", "reported", "Sie"),
    (
        "Der Minister hat vor einer Eskalation gewarnt.",
        "vor einer Eskalation",
        "reported",
        "Der Minister",
    ),
    (
        "Die Gewerkschaft forderte eine Lohnerhöhung von fünf Prozent.",
        "forderte eine",
        "reported",
        "Die Gewerkschaft",
    ),
    (
        "Trump war immer wieder ein Schmusekurs mit Putin vorgeworfen worden.",
        "Schmusekurs",
        "reported",
        "",
    ),
    (
        "Der Plan wurde vom Verband als rückschrittlich kritisiert.",
        "rückschrittlich",
        "reported",
        "Verband",
    ),
    # an agentless passive in a report names the report as its source
    (
        "In einem Bericht der Zeitung wird der Plan als riskant bezeichnet.",
        "als riskant",
        "reported",
        "einem Bericht der Zeitung",
    ),
    ("Er sprach mit Putin.", "sprach mit", None, ""),
    ("(DER STANDARD berichtete.)", "STANDARD", None, ""),
    ("Politiker der Opposition kritisierten den Vorschlag.", "Vorschlag", None, ""),
    # a speech-act verb in a relative clause describes a noun: the author's sentence
    (
        "Die Grippe von 1918, die weltweit Millionen Todesopfer gefordert hatte, gilt als Vorbild.",
        "Todesopfer",
        None,
        "",
    ),
    (
        "Der Teilchenstrom, der von der Sonne ausgeht und als Sonnenwind bezeichnet wird, ist schwach.",
        "Sonnenwind",
        None,
        "",
    ),
    # a speech verb in a parenthesis is an aside (a cross-reference), no report
    (
        "Sie fuhr trotz ihres operierten Daumens (Wikinews berichtete) schneller als alle.",
        "Daumens",
        None,
        "",
    ),
    # … while a parenthesis elsewhere in the sentence does not stop the act
    (
        "Die Gewerkschaft forderte (nach langen Beratungen) eine Erhöhung der Löhne.",
        "Erhöhung der Löhne",
        "reported",
        "Die Gewerkschaft",
    ),
    # "bezeichnet man" defines a word, nobody is reported
    (
        "Als Lichtjahr bezeichnet man die Strecke, die das Licht in einem Jahr zurücklegt.",
        "Strecke",
        None,
        "",
    ),
    # forecasts and complaints name their content
    (
        "Die Meteorologen haben für die kommenden Tage weitere Regenfälle vorhergesagt.",
        "weitere Regenfälle",
        "reported",
        "Die Meteorologen",
    ),
    (
        "Die Prüfer bemängelten die fehlende Dokumentation der Wartung.",
        "fehlende Dokumentation",
        "reported",
        "Die Prüfer",
    ),
    ("Die Prüfer bemängelten.", "Prüfer", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), REPORTED)
def test_reported_speech_acts(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


def test_agentless_passive_across_a_parenthesis():
    text = (
        "Trump war in seiner ersten Amtszeit (2017 bis 2021) immer wieder ein Schmusekurs "
        "mit Putin vorgeworfen worden."
    )
    q = find_quotes(text)[0]
    assert (q.kind, q.speaker, q.agentless) == ("reported", None, True)


def test_reported_act_types_and_anonymous_passive():
    q = find_quotes("Trump war immer wieder ein Schmusekurs mit Putin vorgeworfen worden.")[0]
    assert (q.act, q.agentless, q.source.source_type) == ("accusation", True, "anonymous")
    assert "ein Schmusekurs mit Putin" in q.text  # the evaluated object is attributed content
    q = find_quotes("Die Regierung kritisierte den Plan als unausgegoren.")[0]
    assert q.act == "criticism" and "unausgegoren" in q.text


def test_speech_act_table_is_consistent():
    lemmas = {row["lemma"] for row in load_table("cue_verbs.tsv")}
    acts = speech_acts()
    assert acts and set(acts) <= lemmas
    assert all(row["note"] for row in load_table("speech_acts.tsv"))
    assert cue_lexicon().main["bezeichnete"][0].act == "characterisation"


# -- preposition cues ---------------------------------------------------------------

PREPOSITIONS = [
    # "laut" before a preposition is the adverb ("loudly"), no source follows
    ("Der Trainer dachte bereits laut über einen Wechsel nach.", "einen Wechsel", None, ""),
    ("Laut dem Trainer steht ein Wechsel bevor.", "ein Wechsel", "indirect", "dem Trainer"),
    # "heißt es in/im …" names where the statement stands; a time phrase does not
    (
        "Nun heißt es im Abschlussbericht, bei der Wahl seien Probleme aufgetreten.",
        "Probleme aufgetreten",
        "indirect",
        "im Abschlussbericht",
    ),
    (
        "Nun heißt es zum Abschluss, bei der Wahl seien Probleme aufgetreten.",
        "Probleme aufgetreten",
        "indirect",
        "",
    ),
    ("Laut Polizei war die Straße gesperrt.", "die Straße gesperrt", "indirect", "Polizei"),
    ("Laut taz war die Straße gesperrt.", "die Straße gesperrt", "indirect", "taz"),
    # a statement noun (source_words.tsv carrier) takes a genitive with "einer"
    (
        "Nach Aussage einer Sprecherin des Kreises war die Straße gesperrt.",
        "die Straße gesperrt",
        "indirect",
        "Aussage einer Sprecherin des Kreises",
    ),
    # a von/vom attribute with a lowercase name or an adjective belongs to the source
    (
        "Nach Angaben von rtl2 war die Straße gesperrt.",
        "die Straße gesperrt",
        "indirect",
        "Angaben von rtl2",
    ),
    (
        "Nach Informationen vom vergangenen Freitag war die Straße gesperrt.",
        "die Straße gesperrt",
        "indirect",
        "Informationen vom vergangenen Freitag",
    ),
    (
        "Nach Darstellung Moskaus war das Gespräch konstruktiv.",
        "das Gespräch",
        "indirect",
        "Darstellung Moskaus",
    ),
    (
        "Seiner Meinung nach ist der Krieg verloren.",
        "der Krieg verloren",
        "indirect",
        "Seiner Meinung",
    ),
    (
        "In Kreisen der Regierung hieß es, die Gespräche seien gescheitert.",
        "die Gespräche seien",
        "indirect",
        "Kreisen der Regierung",
    ),
    # the pre-field is one constituent: attributes up to the finite verb belong to the source
    (
        "Nach Angaben der Provinzregierung in Helmand wurden alle Geiseln freigelassen.",
        "wurden alle Geiseln",
        "indirect",
        "Angaben der Provinzregierung in Helmand",
    ),
    (
        "Laut der Botschaft im Irak sind alle Bürger aufgerufen, das Land zu verlassen.",
        "sind alle Bürger",
        "indirect",
        "der Botschaft im Irak",
    ),
    # a quoted name right after the cue word; a genitive name before the statement noun
    (
        "Laut „Spiegel“ hat der Minister seinen Rücktritt angeboten.",
        "seinen Rücktritt",
        "indirect",
        "„Spiegel“",
    ),
    (
        "Nach Grupps Meinung werden dort falsche Entscheidungen getroffen.",
        "falsche Entscheidungen",
        "indirect",
        "Grupps Meinung",
    ),
    # … but not a time adverbial
    (
        "Laut Polizei am Montag wurden fünf Menschen verletzt.",
        "fünf Menschen verletzt",
        "indirect",
        "Polizei",
    ),
    # a genitive attribute of the source belongs to the pre-field, not to the message
    (
        "Nach Angaben seines Vermögensverwalters verstarb er in seinem Haus am Wörthersee.",
        "verstarb er",
        "indirect",
        "Angaben seines Vermögensverwalters",
    ),
    (
        "Nach Angaben seines Vermögensverwalters verstarb er in seinem Haus am Wörthersee.",
        "seines Vermögensverwalters verstarb",
        None,
        "",
    ),
    # heißt es after a pre-field with a relative clause: the content follows the cue
    (
        "In der Fassung des Berichts, die ins Netz gestellt wurde, heißt es, die Zahl der "
        "Straftaten sei gestiegen.",
        "die Zahl der Straftaten sei gestiegen",
        "indirect",
        "der Fassung des Berichts",
    ),
    # a clause-final "so" needs a source after it: "so mancher", "so lange" are none
    (
        "Man konnte die Mechaniker beobachten, so mancher Reifen wurde gewechselt.",
        "die Mechaniker",
        None,
        "",
    ),
    # … and an apposition ending the sentence is the speaker's, not the message's
    (
        "Die Lage ist ernst, so Matthias Freude, Präsident des Amtes.",
        "Die Lage ist ernst",
        "indirect",
        "Matthias Freude, Präsident des Amtes",
    ),
    # "…, so X, in der …": a relative clause after the source is the source's
    (
        "Die Preise steigen weiter, so eine Studie der Bank, in der 500 Firmen befragt wurden.",
        "500 Firmen",
        None,
        "",
    ),
    (
        "Die Lage ist ernst, so der Minister, die Regierung werde handeln.",
        "die Regierung werde handeln",
        "indirect",
        "der Minister",
    ),
    # a lower-case compound source ("verdi-Chef") and a title in the frame
    (
        "Der Streik geht weiter, so verdi-Verhandlungsführer Jan Brandt.",
        "Der Streik geht weiter",
        "indirect",
        "verdi-Verhandlungsführer Jan Brandt",
    ),
    (
        "Das Werk schließt, so ein Sprecher gegenüber der Zeitung „Nordkurier“.",
        "Das Werk schließt",
        "indirect",
        "ein Sprecher",
    ),
    # "nach" + a statement noun of the table (compounds: Pressemitteilung)
    (
        "Nach einer Pressemitteilung der Stadt bleibt die Brücke bis Mai gesperrt.",
        "bleibt die Brücke bis Mai gesperrt",
        "indirect",
        "einer Pressemitteilung der Stadt",
    ),
    ("Nach dem Spiel gingen die Fans nach Hause.", "gingen die Fans", None, ""),
    # a cue word inside a subordinate or relative clause reports that clause only
    (
        "Der Zug kam spät an, weil nach Angaben der Bahn ein Signal gestört war.",
        "Der Zug kam spät an",
        None,
        "",
    ),
    (
        "Der Zug kam spät an, weil nach Angaben der Bahn ein Signal gestört war.",
        "ein Signal gestört war",
        "indirect",
        "Angaben der Bahn",
    ),
    (
        "Die Schule blieb geschlossen, da den Behörden zufolge die Heizung ausgefallen war.",
        "Die Schule blieb geschlossen",
        None,
        "",
    ),
    (
        "Die Schule blieb geschlossen, da den Behörden zufolge die Heizung ausgefallen war.",
        "die Heizung ausgefallen war",
        "indirect",
        "den Behörden",
    ),
    # a sentence-opening source runs up to the finite verb (the pre-field is one phrase)
    (
        "Nach Angaben eines Sprechers der Stadt Köln sowie der Feuerwehr wurde niemand verletzt.",
        "wurde niemand verletzt",
        "indirect",
        "Angaben eines Sprechers der Stadt Köln sowie der Feuerwehr",
    ),
    (
        "Laut einer Sprecherin des Ministers Karl Berger erholt sich der Patient gut.",
        "erholt sich der Patient gut",
        "indirect",
        "einer Sprecherin des Ministers Karl Berger",
    ),
    # … and an insertion in commas before the verb is no part of the message
    (
        "Nach Ansicht der Anklage, vertreten durch den Staatsanwalt, soll der Mann das Geld "
        "genommen haben.",
        "Staatsanwalt, soll",
        None,
        "",
    ),
]


# -- statement nouns (cue_nouns.tsv) ----------------------------------------------------

NOUNS = [
    (
        "Die Partei reagierte kühl auf die Forderung des Vorsitzenden, auf die Grünen zuzugehen.",
        "auf die Grünen zuzugehen",
        "indirect",
        "Vorsitzenden",  # the noun's attribute is the source
    ),
    (
        "Mit der Begründung, dass die Halle saniert werden müsse, wurde das Turnier verlegt.",
        "dass die Halle saniert werden müsse",
        "indirect",
        "",  # a statement noun without an attribute names no source
    ),
    (
        "Der Vorwurf des Vereins, die Stadt habe ihn getäuscht, sorgte für Aufregung.",
        "die Stadt habe ihn getäuscht",
        "indirect",
        "Vereins",
    ),
    (
        "Die Ankündigung von Bund und Ländern, die Schulen zu öffnen, kam spät.",
        "die Schulen zu öffnen",
        "indirect",
        "Bund und Ländern",
    ),
    # the main clause goes on after the content: its verb is no part of it
    (
        "Der Vorwurf des Vereins, die Stadt habe ihn getäuscht, sorgte für Aufregung.",
        "Aufregung",
        None,
        "",
    ),
    # a relative clause ending in a zu-infinitive is no content
    ("Es gab Gerüchte, die er geschickt zu verbreiten wusste.", "die er geschickt", None, ""),
    # nouns of aims and fears are no statements: "das Ziel, … zu erreichen"
    (
        "Das Ziel, den Gipfel vor Einbruch der Nacht zu erreichen, wurde verfehlt.",
        "Gipfel",
        None,
        "",
    ),
    # a relative or plain clause after the noun is no content
    ("Der Vorschlag, den die Stadt gemacht hat, wird geprüft.", "den die Stadt", None, ""),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), NOUNS)
def test_statement_nouns(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


@pytest.mark.parametrize(("text", "fragment", "kind", "speaker"), PREPOSITIONS)
def test_preposition_cues(text, fragment, kind, speaker):
    _check(text, fragment, kind, speaker)


# -- scare quotes and titles ------------------------------------------------------------

SCARE = [
    ("Die Schule startet die sogenannte „Schuloffensive“.", "„Schuloffensive“"),
    ("Die Schule startet die so genannte „Schuloffensive“.", "„Schuloffensive“"),
    ("Er hat als einzige „Errungenschaft“ nichts.", "„Errungenschaft“"),
]


@pytest.mark.parametrize(("text", "scare"), SCARE)
def test_scare_quotes(text, scare):
    assert scare in [s.text for s in find_scare_quotes(text)]


def test_fragment_of_a_full_quote_is_a_quotation():
    text = (
        "Trump schrieb: „Wir werden die Macht des Dollars verteidigen.“ Die Kritiker "
        "lachten über „die Macht des Dollars“."
    )
    assert find_scare_quotes(text) == []
    q = _find(text, "„die Macht des Dollars“")
    assert q is not None and q.kind == "direct" and q.speaker.text == "Trump"


# -- labels -------------------------------------------------------------------------------


def test_embedded_konjunktiv_clause_ends_before_the_full_stop():
    text = "Die Bank beruft sich darauf, dass die Freigabe der Daten rechtens sei."
    q = _find(text, "Freigabe")
    assert q is not None and q.kind == "free_indirect"
    assert q.text.endswith("rechtens sei"), q.text
    whole = _find("Die Freigabe der Daten sei rechtens.", "Freigabe")
    assert whole is not None and whole.text.endswith("sei rechtens."), whole.text


def test_konjunktiv_sentences_after_a_framed_clause_are_a_passage_of_their_own():
    # the clause behind an indicative frame is that frame's indirect speech; the
    # Konjunktiv sentences after it form a separate passage, not more of the clause
    text = (
        "Der Verband vertritt die Ansicht, der Plan sei zu teuer. "
        "Er werde die Stadt Millionen kosten. Die Bürger müssten dafür zahlen."
    )
    first = _find(text, "der Plan sei zu teuer")
    rest = _find(text, "Er werde die Stadt")
    assert first is not None and rest is not None and first is not rest
    assert "Millionen" not in first.text and "Bürger müssten" in rest.text, (first, rest)


def test_reportive_sollen_after_konjunktiv_is_a_passage_of_its_own():
    # "soll" reports without Konjunktiv I (free indirect speech in the wider sense): a
    # passage of its own, not the continuation of the Konjunktiv passage before it
    text = (
        "Der Sprecher sagte, die Lage sei ernst. Die Stadt habe reagiert. "
        "Die Straße soll morgen wieder geöffnet werden."
    )
    k1 = _find(text, "Die Stadt habe reagiert")
    rs = _find(text, "Die Straße soll")
    assert k1 is not None and rs is not None and k1 is not rs, (k1, rs)


def test_kind_labels_for_teachers():
    assert KIND_LABELS == {
        "direct": "direkte Rede",
        "indirect": "indirekte Rede (eingeleitet)",
        "free_indirect": "uneingeleitete indirekte Rede (Konjunktiv I)",
        "reported": "Redebericht (nur erwähnte Äußerung)",
    }


def test_von_object_of_the_verb_is_no_passive_agent():
    # "ausgehen von …": the von-phrase is what is expected, not who expects it
    q = _find("In der Region wird von einer hohen Waldbrandgefahr ausgegangen.", "Waldbrandgefahr")
    assert q is not None and q.kind == "reported"
    assert q.speaker is None and q.agentless
    # with a second von-phrase the first one is the agent
    q = _find("Von der Feuerwehr wird von einer akuten Gefahr ausgegangen.", "Gefahr")
    assert q is not None and q.speaker is not None and q.speaker.text == "der Feuerwehr"


def test_von_attribute_of_an_expected_thing_is_no_agent():
    # "befürchten"/"erwarten": "ein Ausbruch von Cholera" is what is feared, no source
    q = _find("In der Region wird ein Ausbruch von Cholera befürchtet.", "Cholera")
    assert q is not None and q.kind == "reported"
    assert q.speaker is None and q.agentless
    q = _find("Ein Anstieg der Preise wird von Experten befürchtet.", "Experten")
    assert q is not None and q.speaker is not None and q.speaker.text == "Experten"


def test_zusammen_mit_prefield_is_no_speaker():
    q = _find("Zusammen mit dem Minister plädiert Frank für eine Reform.", "Reform")
    assert q is not None and q.speaker is not None and q.speaker.text == "Frank"
    q = _find("Gemeinsam mit der Partei fordert die Ministerin mehr Geld.", "Geld")
    assert q is not None and q.speaker is not None and q.speaker.text == "die Ministerin"


def test_fuer_role_opens_a_konjunktiv_view():
    q = _find("Für den Sprecher der Stadt sei der Rücktritt verständlich.", "Rücktritt")
    assert q is not None and q.kind == "free_indirect"
    assert q.speaker is not None and q.speaker.text == "den Sprecher der Stadt"
    # no role, institution or known name after "für": no source
    q = _find("Für die Kinder sei das Angebot kostenlos.", "Angebot")
    assert q is None or q.speaker is None
