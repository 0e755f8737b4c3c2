"""Whose evaluation is it: the three voices (author, quoted, attributed) and the
unattributed evaluative sentences, each rule with the German sentences it was written for."""

from __future__ import annotations

import math

import pytest

from mediakit.document import parse
from mediakit.evaluative import VOICES, analyze_evaluative, find_evaluative, voice_layer


def voice_of(text: str, word: str) -> tuple[str, str | None]:
    (hit,) = [h for h in find_evaluative(text) if h.text == word]
    return hit.voice, hit.source


# (sentence, evaluative word, expected voice, expected source)
VOICE_CASES = [
    # inside a direct quotation: the source's own words
    ("Er sagte: „Das ist ein völlig erbärmliches Desaster.“", "Desaster", "quoted", "Er"),
    ("„Das ist ein Desaster“, sagte Trump.", "Desaster", "quoted", "Trump"),
    # inside the message of an indirect quotation: attributed to the source
    ("Sie sagte, das sei ein Desaster.", "Desaster", "attributed", "Sie"),
    ("Merz warf der Regierung Versagen vor.", "Versagen", "attributed", "Merz"),
    ("Er sprach von einem Skandal.", "Skandal", "attributed", "Er"),
    # a free indirect sentence continuing a named source is attributed to it
    (
        "Kremlsprecher Peskow sagte, das Gespräch sei gut gewesen. Es sei ein völliger Erfolg.",
        "Erfolg",
        "attributed",
        "Kremlsprecher Peskow",
    ),
    # the cue verb is the author's choice of word
    ("Trump hat getönt, er werde den Krieg beenden.", "getönt", "author", None),
    # the author's distancing word inside a paraphrase stays the author's
    (
        "Nach Darstellung Moskaus wurde der Krieg durch die angebliche Unterdrückung "
        "der Russen ausgelöst.",
        "angebliche",
        "author",
        None,
    ),
    # an indicative main clause is the author's, even when an ob-clause reports
    (
        "Seit seinem Amtsantritt hatte Trump wiederholt auffallend ausweichend auf "
        "Nachfragen reagiert, ob er mit Putin telefoniert habe.",
        "auffallend",
        "author",
        None,
    ),
    # no quotation at all
    ("Das ist ein völlig erbärmliches Desaster.", "Desaster", "author", None),
    # the writer as the speaker of a content clause: the author's own claim (writer_speaker)
    ("Ich denke, dass das ein völliges Desaster ist.", "Desaster", "author", None),
    ("Wir gehen davon aus, dass der Plan ein Desaster ist.", "Desaster", "author", None),
    (
        "Die Opposition geht davon aus, dass der Plan ein Desaster ist.",
        "Desaster",
        "attributed",
        "Opposition",
    ),
    # the generalising man of a modal frame is the writer; man betont ... is a group (generalising_man)
    ("Man kann davon ausgehen, dass das ein Skandal ist.", "Skandal", "author", None),
    (
        "Weltweit kann man davon ausgehen, dass die Zahlen ein Skandal sind.",
        "Skandal",
        "author",
        None,
    ),
    ("Aber man betont auch, dass das ein Skandal ist.", "Skandal", "attributed", "man"),
    # a Konjunktiv-I sentence reports someone even when its source is not in view
    ("Die Lage sei völlig chaotisch.", "chaotisch", "attributed", None),
    ("Gerade beim Impfen komme es sehr auf Vertrauen an.", "sehr", "attributed", None),
    # ... but not the formal imperative of the same form, nor a fixed Konjunktiv phrase
    (
        "Verbreiten Sie dieses Interview und fordern Sie einen offenen Diskurs!",
        "Diskurs!",
        "author",
        None,
    ),
    ("Es sei denn, die Regierung macht wieder einen absurden Fehler.", "absurden", "author", None),
    ("Ob das ein Skandal ist, sei dahingestellt.", "Skandal", "author", None),
    ("Sei es drum, das ist ein Skandal.", "Skandal", "author", None),
    # a text that starts inside a quotation: its first quote mark closes it
    ("Da müssen wir besser werden“, sagte der Referent.", "besser", "quoted", None),
    ('Es wäre natürlich einfacher, aber das bewirkt nichts."', "natürlich", "quoted", None),
    # ... but a first mark that opens is no such thing
    ('"Wir" ist ein völlig absurdes Wort.', "absurdes", "author", None),
    # the expletive es opens no speaker's name; an impersonal zu-frame is the writer's
    ("Es ist aber anzunehmen, dass das ein Desaster ist.", "Desaster", "author", None),
    ("Es ist zu befürchten, dass das ein Desaster wird.", "Desaster", "author", None),
    ("Es macht Sinn zu behaupten, dass das ein Desaster ist.", "Desaster", "author", None),
    # ... but a bare "Es" with a speech verb may be a neuter institution (das Gericht):
    # attributed, to no named source
    ("Es weist den Vorwurf zurück, das sei ein Desaster.", "Desaster", "attributed", None),
    # a connective adverb is no speaker: the subject after the verb is (the quotation
    # layer reports the decision in the zu-infinitive, as the Wikinews annotation does)
    (
        "Daraufhin entschied sich der Minister, den mutigen Schritt zu wagen.",
        "mutigen",
        "attributed",
        "Minister",
    ),
]


@pytest.mark.parametrize(("text", "word", "voice", "source"), VOICE_CASES)
def test_voice_of_each_hit(text: str, word: str, voice: str, source: str | None) -> None:
    assert voice_of(text, word) == (voice, source)


def test_every_hit_has_one_of_three_voices_and_in_quote_means_not_the_author():
    text = (
        "Trump hat getönt. Er sagte: „Das ist ein Desaster.“ Sie sagte, das sei falsch. "
        "Das ist völlig absurd."
    )
    hits = find_evaluative(text)
    assert {h.voice for h in hits} == set(VOICES)
    for hit in hits:
        assert hit.in_quote == (hit.voice != "author")
        assert (hit.source is None) == (hit.voice == "author")
        assert "voice" in hit.to_dict() and "source" in hit.to_dict()


def test_metrics_per_voice_and_the_headline_stays_the_authors():
    text = "Er sagte: „Das ist ein Desaster.“ Sie sagte, das sei ein Skandal. Es regnet."
    analysis = analyze_evaluative(text)
    m = analysis.metrics
    assert m["evaluative_per_1000_words"] == 0.0
    assert m["quoted_evaluative_per_1000_words"] > 0
    assert m["attributed_evaluative_per_1000_words"] > 0
    assert m["quoted_words"] > 0 and m["attributed_words"] > 0 and m["author_words"] > 0
    total = parse(text).n_words
    assert m["author_words"] + m["quoted_words"] + m["attributed_words"] == total
    assert [h.text for h in analysis.hits_in("attributed")] == ["Skandal"]
    assert set(analysis.by_voice()) == set(VOICES)
    with pytest.raises(ValueError, match="voice"):
        analysis.hits_in("narrator")


def test_voice_layer_is_read_once_from_the_document_cache():
    document = parse("Sie sagte, das sei ein Desaster.")
    layer = voice_layer(document)
    assert document.cache["evaluative_voice"] is layer
    assert voice_layer(document) is layer


# ---------------------------------------------------------------------------
# Unattributed evaluation
# ---------------------------------------------------------------------------

# (text, evaluative sentences, unattributed sentences as evidence)
UNATTRIBUTED_CASES = [
    ("Das ist ein völliges Desaster.", 1, ["Das ist ein völliges Desaster."]),
    # the author evaluates next to a reported claim: the sentence cites a source
    ("Trump hat völlig überraschend erklärt, er werde kommen.", 1, []),
    # the evaluation is the source's: not the author's evaluation at all
    ("Sie sagte, das sei ein Desaster.", 0, []),
    (
        "Peskow sagte, der Plan sei gut. Das ist ein völliges Desaster.",
        1,
        ["Das ist ein völliges Desaster."],
    ),
    # one mild word (weight 1) does not make a sentence evaluative
    ("Das ist wichtig.", 0, []),
    # the writer's own claim in a content clause cites no one
    (
        "Ich denke, dass das ein völliges Desaster ist.",
        1,
        ["Ich denke, dass das ein völliges Desaster ist."],
    ),
    ("Es regnet in Berlin.", 0, []),
]


@pytest.mark.parametrize(("text", "evaluative", "unattributed"), UNATTRIBUTED_CASES)
def test_unattributed_evaluative_sentences(text: str, evaluative: int, unattributed: list[str]):
    analysis = analyze_evaluative(text)
    assert analysis.evaluative_sentences == evaluative
    assert [s.text for s in analysis.unattributed_sentences] == unattributed
    share = analysis.metrics["unattributed_evaluative_sentence_share"]
    if evaluative:
        assert share == len(unattributed) / evaluative
    else:  # the author never evaluates: the share of nothing is missing, not 0 %
        assert math.isnan(share)
    for span in analysis.unattributed_sentences:
        assert text[span.start : span.end] == span.text
        assert span.label == "evaluative_unattributed"
        assert span in analysis.evidence()
    assert analysis.to_dict()["unattributed_sentences"] == [
        s.to_dict() for s in analysis.unattributed_sentences
    ]


def test_opinion_paragraph_is_unattributed_news_paragraph_is_not():
    opinion = (
        "Die Regierung versagt völlig. Ihre erbärmliche Politik ist ein Desaster. "
        "Wer glaubt denn noch an diese Märchen?"
    )
    news = (
        "Der Minister sagte, die Lage sei ein Desaster. Die Opposition erklärte, "
        "die Politik sei gescheitert. Laut Peskow ist das ein völliger Fehlschlag."
    )
    assert analyze_evaluative(opinion).metrics["unattributed_evaluative_sentence_share"] == 1.0
    # the news paragraph's evaluation is all its sources': the author evaluates in no
    # sentence, so there is no share of unsourced evaluating sentences (NaN, not 0 %)
    news_metrics = analyze_evaluative(news).metrics
    assert news_metrics["evaluative_sentences"] == 0.0
    assert news_metrics["unattributed_evaluative_sentences"] == 0.0
    assert math.isnan(news_metrics["unattributed_evaluative_sentence_share"])


# ---------------------------------------------------------------------------
# Evaluations the author reports as someone else's, from the reported-speech-act layer.
# ---------------------------------------------------------------------------

REPORTED_CASES = [
    # agentless passive: the accusation is an anonymous source's, the label dpa's wording
    (
        "Trump war in seiner ersten Amtszeit immer wieder ein Schmusekurs mit Putin "
        "vorgeworfen worden.",
        "Schmusekurs",
    ),
    ("Die Opposition kritisierte den Plan als Desaster.", "Desaster"),
    ("Sie bezeichnete ihn als Verräter.", "Verräter"),
]


@pytest.mark.parametrize(("text", "word"), REPORTED_CASES)
def test_reported_speech_acts_make_the_evaluation_attributed(text: str, word: str):
    assert voice_of(text, word)[0] == "attributed"


def test_reported_accusation_is_not_unattributed():
    text = "Trump war immer wieder ein Schmusekurs mit Putin vorgeworfen worden."
    assert analyze_evaluative(text).unattributed_sentences == []


def _corpus_metrics() -> dict[str, dict[str, float]]:
    import mediakit

    return {d.id[:3]: analyze_evaluative(d.body).metrics for d in mediakit.load_corpus()}


def test_corpus_blogs_evaluate_without_sources_more_often_than_the_dpa_report():
    m = _corpus_metrics()
    for blog in ("000", "001"):
        assert (
            m[blog]["unattributed_evaluative_sentence_share"]
            > m["002"]["unattributed_evaluative_sentence_share"]
        ), m


def test_corpus_dpa_schmusekurs_is_attributed_and_003_author_voice_is_below_dpa():
    import mediakit

    dpa = next(d for d in mediakit.load_corpus() if d.id.startswith("002"))
    (hit,) = [h for h in find_evaluative(dpa.body) if h.text == "Schmusekurs"]
    assert hit.voice == "attributed"
    m = _corpus_metrics()
    assert m["003"]["evaluative_per_1000_words"] < m["002"]["evaluative_per_1000_words"], m


def test_an_evaluative_speech_verb_names_a_source():
    text = "Trump hat immer wieder getönt, den Krieg schnell zu beenden."
    analysis = analyze_evaluative(text)
    assert [h.text for h in analysis.author_hits] == ["getönt"]
    assert analysis.evaluative_sentences == 1
    assert analysis.unattributed_sentences == []


def test_the_authors_kept_words_and_the_cue_count_as_author_words():
    text = "Nach Darstellung Moskaus wurde der Krieg durch die angebliche Unterdrückung ausgelöst."
    analysis = analyze_evaluative(text)
    total = parse(text).n_words
    assert analysis.author_words + analysis.quoted_words + analysis.attributed_words == total
    # "angebliche" is the author's word inside the paraphrase: one author word at least
    assert analysis.author_words >= 1
    assert analysis.metrics["evaluative_per_1000_words"] > 0


# transcript speaker labels: the rest of the line is the named speaker's words
@pytest.mark.parametrize(
    ("text", "word", "voice", "source"),
    [
        ("Christian Drosten: Na ja, dieses Virus kommt jetzt zu uns.", "uns", "quoted",
         "Christian Drosten"),
        ("Korinna Hennig: Was ist denn anders?", "denn", "quoted", "Korinna Hennig"),
        ("Karen (04:11): Das ist ein Skandal.", "Skandal", "quoted", "Karen"),
        ("Müller (SPD): Das ist ein Skandal.", "Skandal", "quoted", "Müller"),
        ("Stew: (12:43): Also, wenn du das weißt.", "du", "quoted", "Stew"),
        ("Frank-Walter von Beispielstein: Wir sind empört.", "empört", "quoted",
         "Frank-Walter von Beispielstein"),
        # not speaker labels: a heading, a possessive, a topic line, a caption, one plain word
        ("Das Resultat: Wir sind doch ratlos.", "ratlos", "author", None),
        ("Ihre Antwort: Sie sehen das richtig.", "richtig", "author", None),
        ("Zu Kellogg: Aha, man hat uns glauben gemacht.", "Aha", "author", None),
        ("Foto (dpa): Ein Skandal.", "Skandal", "author", None),
        ("Pikant: Die Ergebnisse sind geheim.", "Pikant", "author", None),
    ],
)  # fmt: skip
def test_transcript_speaker_label(text: str, word: str, voice: str, source: str | None) -> None:
    hits = {h.text: h for h in find_evaluative(text)}
    assert (hits[word].voice, hits[word].source) == (voice, source)


def test_transcript_label_covers_its_line_only() -> None:
    text = "Korinna Hennig: Was ist denn anders?\nDas ist ein Skandal."
    hits = {h.text: h.voice for h in find_evaluative(text)}
    # the question is the speaker's (quoted), the next line the author's
    assert hits == {"denn": "quoted", "anders?": "quoted", "Skandal": "author"}


# an emotion verb as the cue of someone else's message names that speaker's feeling
@pytest.mark.parametrize(
    ("text", "word", "voice", "source"),
    [
        ("Kritiker befürchten, dass künftig ohne Wissen der Betroffenen geimpft werden könnte.",
         "befürchten", "attributed", "Kritiker"),
        ("Ich befürchte, dass das schiefgeht.", "befürchte", "author", None),
        ("Wir befürchten, dass das schiefgeht.", "befürchten", "author", None),
        ("Die Händler fürchten um ihre Umsätze.", "fürchten", "author", None),  # no message
    ],
)  # fmt: skip
def test_emotion_cue_is_the_speakers(text: str, word: str, voice: str, source: str | None) -> None:
    hits = {h.text: h for h in find_evaluative(text)}
    assert (hits[word].voice, hits[word].source) == (voice, source)


def test_an_evaluative_speech_verb_as_cue_stays_the_authors() -> None:
    (hit,) = [
        h for h in find_evaluative("Trump hat getönt, das sei ein Erfolg.") if h.lemma == "tönen"
    ]
    assert hit.voice == "author"
