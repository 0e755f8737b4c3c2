"""Evaluative vocabulary: lexicon, matching, author voice vs quoted voice, figures."""

from __future__ import annotations

import json
import math

import pytest

from mediakit import evaluative
from mediakit.document import parse
from mediakit.evaluative import (
    CATEGORIES,
    NOT_COUNTED,
    EvaluativeAnalysis,
    Lexicon,
    LexiconEntry,
    analyze_evaluative,
    find_evaluative,
    load_lexicon,
)
from mediakit.metrics import METRICS, missing_figures
from mediakit.results import Result
from mediakit.tables import data_path, load_table


def hits_by_text(text: str, **kwargs) -> dict[str, object]:
    return {h.text: h for h in find_evaluative(text, **kwargs)}


# ---------------------------------------------------------------------------
# The lexicon file
# ---------------------------------------------------------------------------


def test_lexicon_has_over_1000_documented_entries_without_duplicates():
    rows = load_table("lexicon.tsv")
    assert len(rows) >= 1000
    keys = [(row["lemma"].lower(), row["match"]) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["match"] in {"word", "prefix", "head", "phrase"}, row
        assert row["weight"] in {"1", "2", "3"}, row
        assert row["note"], row
    categories = {row["category"] for row in rows}
    assert set(CATEGORIES) <= categories | {"address"}
    header = data_path("lexicon.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert "CC0" in header


def test_neutral_reporting_and_topic_words_are_not_evaluative():
    text = "Der Minister sagte, er erkläre den Plan. Die Krankheit führte zum Tod. Der Krieg dauert an."
    assert find_evaluative(text) == []


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def test_inflected_forms_match_their_lemma():
    hits = hits_by_text(
        "Die blutrünstigen Truppen, die erbärmlichsten Ausreden, er tönte und polterte, "
        "Marionetten und Vasallen."
    )
    assert hits["blutrünstigen"].lemma == "blutrünstig"
    assert hits["erbärmlichsten"].lemma == "erbärmlich"
    assert hits["tönte"].lemma == "tönen"
    assert hits["polterte"].category == "speech_verb"
    assert hits["Marionetten"].lemma == "Marionette"
    assert hits["Vasallen"].category == "pejorative"


def test_compounds_are_split_for_prefix_and_head_entries():
    text = "Die Lügenmedien, der Klimawahn, das WEF-Leyen-Regime und Propaganda-Märchen."
    hits = hits_by_text(text)
    assert (hits["Lügenmedien"].lemma, hits["Lügenmedien"].match) == ("Lügen", "prefix")
    assert (hits["Klimawahn"].lemma, hits["Klimawahn"].match) == ("wahn", "head")
    assert hits["WEF-Leyen-Regime"].category == "pejorative"
    assert hits["Propaganda-Märchen"].category == "loaded"
    for hit in hits.values():
        assert text[hit.start : hit.end] == hit.text


def test_compound_split_keeps_a_minimum_rest():
    # "Mistral" must not become Mist|ral, "Neugier" not Neu|gier
    assert find_evaluative("Der Mistral weht, die Neugier wächst.") == []


def test_phrases_match_across_tokens_and_win_over_single_words():
    hits = find_evaluative("Das ist die größte Krise aller Zeiten, nach eigenen Angaben.")
    assert [(h.text, h.match, h.category) for h in hits] == [
        ("aller Zeiten", "phrase", "exaggeration"),
        ("nach eigenen Angaben", "phrase", "hedge"),
    ]


def test_lowercase_entries_do_not_match_nouns_inside_a_sentence():
    # "weise"/"Weise", "mal"/"Mal", "sorgen"/"Sorge"
    assert find_evaluative("Auf diese Weise kam er zum ersten Mal.") == []
    assert [h.text for h in find_evaluative("Sie sorgen für Ordnung. Die Sorgen wachsen.")] == [
        "Sorgen"
    ]


def test_modal_particle_context_rules():
    texts = {
        "Ja, er kommt morgen.": [],  # answer particle
        "Doch er kam nicht.": [],  # conjunction
        "Er kam, doch sie ging.": [],  # conjunction after a comma
        "Das ist ja unglaublich.": ["ja", "unglaublich"],
        "Das war doch klar.": ["doch", "klar"],
        "Es ist eben so.": ["eben"],
        "Er ist gerade eben gekommen.": [],
        "Schon seit Jahren wird gestritten.": [],
        "Das wird schon klappen.": ["schon"],
    }
    for text, expected in texts.items():
        found = [h.text for h in find_evaluative(text) if h.category != "first_person"]
        assert found == expected, text


def test_negation_is_marked_but_still_counted():
    hits = hits_by_text("Das ist kein Desaster. Es war ein Desaster, nicht wahr.")
    negated = [
        h for h in find_evaluative("Das ist kein Desaster. Es war ein Desaster, nicht wahr.")
    ]
    assert [h.negated for h in negated] == [True, False]
    assert hits["Desaster"].category == "loaded"
    assert analyze_evaluative("Das ist kein Desaster.").metrics["evaluative_per_1000_words"] > 0
    # the clause ends at the comma: "nicht" in the next clause does not negate
    assert not find_evaluative("Ein Desaster, nicht jedoch.")[0].negated


def test_hedges_are_reported_but_not_counted():
    analysis = analyze_evaluative("Der mutmaßliche Täter wurde nach eigenen Angaben gefasst.")
    assert [h.category for h in analysis.hits] == ["hedge", "hedge"]
    assert analysis.metrics["evaluative_per_1000_words"] == 0.0
    assert analysis.metrics["hedges_per_1000_words"] > 0
    assert "hedge" in NOT_COUNTED


# ---------------------------------------------------------------------------
# Author voice vs quoted voice
# ---------------------------------------------------------------------------


def test_loaded_words_inside_a_quotation_are_the_quoted_voice():
    quoted = analyze_evaluative("Er sagte: „Das ist ein völlig erbärmliches Desaster.“")
    unquoted = analyze_evaluative("Das ist ein völlig erbärmliches Desaster.")
    assert [h.text for h in quoted.hits] == ["völlig", "erbärmliches", "Desaster"]
    assert all(h.in_quote for h in quoted.hits)
    assert not any(h.in_quote for h in unquoted.hits)
    assert quoted.metrics["evaluative_per_1000_words"] == 0.0
    assert quoted.metrics["quoted_evaluative_per_1000_words"] > 0
    assert unquoted.metrics["evaluative_per_1000_words"] > 0
    # no quoted words: the rate of quoted evaluation is missing, not 0
    assert math.isnan(unquoted.metrics["quoted_evaluative_per_1000_words"])


def test_scare_quotes_stay_the_authors_voice():
    hits = find_evaluative("Die „Experten“ der Lügenpresse haben völlig versagt.")
    assert [h.text for h in hits if h.in_quote] == []
    assert {"Lügenpresse", "völlig"} <= {h.text for h in hits}


# ---------------------------------------------------------------------------
# The seed corpus
# ---------------------------------------------------------------------------


def _dpa_body(shared) -> str:
    text = next(shared("seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    return text[: text.index("@ dpa.de")]


def test_dpa_report_has_getoent_and_schmusekurs_at_their_offsets(shared):
    text = _dpa_body(shared)
    hits = {h.text: h for h in find_evaluative(text)}
    for word, category in (
        ("getönt", "speech_verb"),
        ("Schmusekurs", "loaded"),
        ("düpiert", "loaded"),
    ):
        hit = hits[word]
        assert hit.category == category
        assert text[hit.start : hit.end] == word
        assert hit.start == text.index(word)
    # dpa's own choice of words (Schmusekurs is an accusation: see test_evaluative_voice.py)
    assert hits["getönt"].voice == hits["düpiert"].voice == "author"
    assert hits["getönt"].lemma == "tönen"


def test_blog_pages_are_more_evaluative_than_the_dpa_body(shared):
    """Whole blog pages (with reader comments) against the dpa body. The margin is
    modest: dpa's own voice has its labels too (getönt, düpiert, in die Hände gespielt);
    the sharper contrast is attribution (test_evaluative_voice.py)."""
    dpa = analyze_evaluative(_dpa_body(shared)).metrics["evaluative_per_1000_words"]
    assert dpa > 0
    for name in ("000_*.txt", "001_*.txt"):
        blog_text = next(shared("seeds").glob(name)).read_text(encoding="utf-8")
        blog = analyze_evaluative(blog_text).metrics["evaluative_per_1000_words"]
        assert blog > 1.2 * dpa, (name, blog, dpa)


def test_blog_vocabulary_from_the_seeds_is_found(shared):
    text = next(shared("seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    found = {h.text for h in find_evaluative(text)}
    assert {"ominösen", "Zwergstaaten", "Klimawahn", "Russophobie"} <= found


# ---------------------------------------------------------------------------
# Extending the lexicon without touching package files
# ---------------------------------------------------------------------------


def test_user_extension_in_a_notebook(tmp_path):
    text = "Das ist doch Kokolores und Gschisti-Gschasti."
    default = Lexicon.default()
    assert "Gschisti-Gschasti" not in {h.text for h in find_evaluative(text)}

    mine = default.extended(
        {"Gschisti-Gschasti": "loaded", "Firlefanzerei": {"category": "spott", "weight": 3}}
    )
    hits = hits_by_text(text, lexicon=mine)
    assert hits["Gschisti-Gschasti"].category == "loaded"
    assert "Gschisti-Gschasti" not in Lexicon.default()  # the package lexicon is unchanged

    mine.add("Schwurbelsprech", category="pejorative", weight=3)
    assert hits_by_text("Reiner Schwurbelsprech.", lexicon=mine)["Schwurbelsprech"].weight == 3
    analysis = analyze_evaluative("Reine Firlefanzerei.", lexicon=mine)
    assert analysis.metrics["evaluative_spott_per_1000_words"] > 0

    own = tmp_path / "mein_lexikon.tsv"
    own.write_text(
        "# mein Lexikon\nlemma\tcategory\tweight\tnote\nSchnapsidee\tloaded\t2\tmeins\n",
        encoding="utf-8",
    )
    loaded = load_lexicon(own)
    assert len(loaded) == 1
    assert [
        h.lemma for h in find_evaluative("Eine Schnapsidee und ein Desaster.", lexicon=loaded)
    ] == ["Schnapsidee"]
    both = load_lexicon(own, extend_default=True)
    assert [
        h.lemma for h in find_evaluative("Eine Schnapsidee und ein Desaster.", lexicon=both)
    ] == [
        "Schnapsidee",
        "Desaster",
    ]
    # a plain dict works as lexicon= too (extends the default)
    assert hits_by_text("Eine Schnapsidee.", lexicon={"Schnapsidee": "loaded"})["Schnapsidee"]


def test_bad_lexicon_input_is_refused_clearly(tmp_path):
    with pytest.raises(ValueError, match="category"):
        LexiconEntry("Quatsch", "Loaded Words")
    with pytest.raises(ValueError, match="weight"):
        Lexicon([]).add("Quatsch", category="loaded", weight=7)
    with pytest.raises(ValueError, match="match"):
        Lexicon([]).add("Quatsch", category="loaded", match="suffix")
    with pytest.raises(TypeError, match="lexicon"):
        find_evaluative("Text", lexicon=["Quatsch"])
    with pytest.raises(FileNotFoundError):
        load_lexicon(tmp_path / "fehlt.tsv")
    bad = tmp_path / "kaputt.tsv"
    bad.write_text("lemma\tcategory\tweight\tnote\nQuatsch\tloaded\tviel\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Quatsch"):
        load_lexicon(bad)


# ---------------------------------------------------------------------------
# Result protocol, empty and hostile input
# ---------------------------------------------------------------------------


def test_result_protocol_and_metrics():
    analysis = analyze_evaluative(
        "Ich finde das völlig absurd. Er sagte: „Ein Desaster.“ Die Lügenpresse tönt angeblich."
    )
    assert isinstance(analysis, Result)
    assert isinstance(analysis, EvaluativeAnalysis)
    metrics = analysis.metrics
    for key in (
        "evaluative_per_1000_words",
        "quoted_evaluative_per_1000_words",
        "hedges_per_1000_words",
        "author_words",
        "quoted_words",
    ):
        assert key in metrics
    for category in CATEGORIES:
        if category != "hedge":
            assert f"evaluative_{category}_per_1000_words" in metrics
    assert all(isinstance(v, float) for v in metrics.values())
    missing = {name for name, v in metrics.items() if not math.isfinite(v)}
    assert missing == missing_figures(metrics, words=analysis.document.n_words), missing
    from mediakit.evaluative import METRIC_DESCRIPTIONS

    assert set(metrics) == set(METRIC_DESCRIPTIONS)  # every figure is documented
    assert metrics["author_words"] + metrics["quoted_words"] == analysis.document.n_words
    labels = {span.label for span in analysis.evidence()}
    assert {"evaluative:intensifier", "evaluative:pejorative", "evaluative:distancing"} <= labels
    for span in analysis.evidence():
        assert analysis.document.text[span.start : span.end] == span.text
    json.dumps(analysis.to_dict())
    # weighted: völlig (2) + absurd (2) + Lügenpresse (3) + tönt (2) + angeblich (2) + ich (1)
    author = [h for h in analysis.hits if h.counted]
    # per 1,000 author words, with the prior of 20 words without evaluation
    assert metrics["evaluative_per_1000_words"] == pytest.approx(
        1000 * sum(h.weight for h in author) / (metrics["author_words"] + 20)
    )


def test_accepts_a_parsed_document_and_caches_lemmas():
    document = parse("Das ist ein erbärmliches Desaster.")
    hits = find_evaluative(document)
    assert [h.text for h in hits] == ["erbärmliches", "Desaster"]
    # the bundled lexicon lemmatises through the precomputed table, once per document
    assert "evaluative_tokens_lexicon_lemmas" in document.cache
    table = evaluative._token_table(document, evaluative._table_lemmatize)
    cached = document.cache["evaluative_tokens_lexicon_lemmas"]
    assert all(a is b for a, b in zip(cached, table, strict=True))  # the same lists
    assert table[4][3] == "erbärmlich"


# ---------------------------------------------------------------------------
# The precomputed word forms (lexicon_forms.tsv) and the simplemma fallback
# ---------------------------------------------------------------------------


def _simplemma_index(lexicon: Lexicon) -> Lexicon:
    """The same lexicon, forced to lemmatise with simplemma's full dictionary."""
    from mediakit import evaluative as ev

    forced = lexicon.copy()
    forced._index = ev._Index(forced.entries, ev.lemmatize)
    return forced


def test_lexicon_forms_table_is_documented_and_small():
    path = data_path("lexicon_forms.tsv")
    header = [line for line in path.read_text(encoding="utf-8").splitlines()[:12]]
    comments = " ".join(line for line in header if line.startswith("#"))
    assert "simplemma 2.0.0" in comments and "MIT" in comments
    assert "build_lexicon_forms.py" in comments
    assert "form\tlemma" in header
    assert path.stat().st_size < 1_500_000


def test_lexicon_forms_table_is_in_sync_with_the_lexicon():
    """Every dictionary form whose simplemma lemma is a key of a bundled word entry is
    in the table with that lemma, and every entry is indexed under the same keys
    (after editing lexicon.tsv: run benchmarks/build_lexicon_forms.py)."""
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
    )

    from mediakit import evaluative as ev

    entries = ev._default_entries()
    full = ev._Index(entries, ev.lemmatize)
    fast = ev._Index(entries, ev._table_lemmatize)
    assert fast.words.keys() == full.words.keys()
    assert {k: v.lemma for k, v in fast.words.items()} == {
        k: v.lemma for k, v in full.words.items()
    }
    assert fast.phrases.keys() == full.phrases.keys()
    table = ev._lexicon_forms()
    missing = [
        (form, lemma)
        for form, lemma in DEFAULT_DICTIONARY_FACTORY.get_dictionary("de").items()
        if lemma.lower() in full.words and table.get(form) != lemma
    ]
    assert missing == [], f"run benchmarks/build_lexicon_forms.py: {missing[:10]}"
    # inflected forms of a sample of entries resolve without simplemma
    assert ev._table_lemmatize("gebacken") == "gebacken"  # not in the lexicon
    for form, lemma in [("getönt", "tönen"), ("Marionetten", "Marionette"), ("sagte", "sagen")]:
        assert ev._table_lemmatize(form) == ev.lemmatize(form) == lemma


def test_default_lexicon_uses_the_table_and_finds_what_simplemma_finds():
    from mediakit import evaluative as ev

    assert Lexicon.default().index.lemmatizer is ev._table_lemmatize
    text = (
        "Trump hat getönt und gepoltert, die Marionetten jubelten. Die Lügenmedien "
        "verbreiten ihren Klimawahn, das WEF-Leyen-Regime log. Erdoğan’s Schmusekurs? "
        "Aller Zeiten größtes Desaster, sagte sie nach eigenen Angaben."
    )
    forced = _simplemma_index(Lexicon.default())
    assert forced.index.lemmatizer is ev.lemmatize
    assert find_evaluative(text) == find_evaluative(text, lexicon=forced)
    assert analyze_evaluative(text).to_dict() == analyze_evaluative(text, lexicon=forced).to_dict()


def test_seed_results_are_the_same_with_the_table_and_with_simplemma(shared):
    forced = _simplemma_index(Lexicon.default())
    for path in sorted(shared("seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert analyze_evaluative(text).to_dict() == (
            analyze_evaluative(text, lexicon=forced).to_dict()
        ), path.name


def test_user_entries_fall_back_to_simplemma():
    from mediakit import evaluative as ev

    # "Quatsch" is bundled: the table still covers the extended lexicon
    quatsch = Lexicon.default().extended({"Quatsch": "loaded"})
    assert quatsch.index.lemmatizer is ev._table_lemmatize
    assert [h.text for h in find_evaluative("So viel Quatsches.", lexicon=quatsch)] == ["Quatsches"]
    # a new verb: its strong forms are only known to simplemma's dictionary
    text = "Der Minister hat die Presse gescholten."
    assert "gescholten" not in hits_by_text(text)
    scolding = Lexicon.default().extended({"schelten": "speech_verb"})
    assert scolding.index.lemmatizer is ev.lemmatize
    hit = hits_by_text(text, lexicon=scolding)["gescholten"]
    assert (hit.lemma, hit.category) == ("schelten", "speech_verb")
    added = Lexicon.default().add("Tölpel", category="pejorative")
    assert hits_by_text("Diese Tölpeln!", lexicon=added)["Tölpeln"].lemma == "Tölpel"
    # removing or re-categorising bundled entries keeps the table
    assert Lexicon.default().remove("Desaster").index.lemmatizer is ev._table_lemmatize


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "…", "„“"])
def test_empty_text_gives_zero_counts_and_missing_rates(text):
    analysis = analyze_evaluative(text)
    assert analysis.hits == []
    assert find_evaluative(text) == []
    for name, value in analysis.metrics.items():
        if METRICS[name].is_count:
            assert value == 0.0, name
        else:  # a rate or share of no words is missing, never 0
            assert math.isnan(value), name


@pytest.mark.parametrize("bad", [None, b"Desaster", 42, ["Desaster"]])
def test_bad_input_raises_a_clear_error(bad):
    with pytest.raises(TypeError, match="str"):
        find_evaluative(bad)
    with pytest.raises(TypeError, match="str"):
        analyze_evaluative(bad)


def test_hostile_input_does_not_break_offsets():
    text = (
        "„„„ völlig ««»» Lügen- und Hetzmedien!!! ---- -wahn- Klima-- \u200b erbärmlich\ud800 "
        + "ja " * 200
        + "Desaster" * 50
        + " nicht" * 30
    )
    hits = find_evaluative(text)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
        assert hit.end > hit.start
    metrics = analyze_evaluative(text).metrics
    rate = metrics["evaluative_per_1000_words"]
    # finite, or missing when the unclosed „ makes every word quoted (no author words)
    assert math.isfinite(rate) or (math.isnan(rate) and metrics["author_words"] == 0)


def test_reader_address_and_generic_man():
    assert [(h.text, h.category) for h in find_evaluative("Lesen Sie unsere neue Ausgabe!")] == [
        ("Sie", "address"),
        ("Ausgabe!", "interjection"),  # the appeal's exclamation mark
    ]
    assert find_evaluative("Haben Sie das gesehen?") == []  # an interview question
    assert find_evaluative("Dann kam sie. Sie ging.") == []  # she, not the reader
    # the generic man addresses the reader; "fragt man sich" is also the writer's question
    # to self (construction self_question)
    assert [h.category for h in find_evaluative("Da fragt man sich.")] == [
        "rhetorical_question",
        "address",
    ]


def test_sentiws_loader_reads_a_user_file_in_its_format(tmp_path):
    from mediakit.evaluative import load_sentiws

    # two made-up lines in the SentiWS file format (the real lists are never bundled)
    (tmp_path / "SentiWS_test_Negative.txt").write_text(
        "Schlamassel|NN\t-0.6\tSchlamassels\nMühe|NN\t-0.1\tMühen\n", encoding="utf-8"
    )
    lexicon = load_sentiws(tmp_path)
    hits = find_evaluative("So ein Schlamassel, viel Mühe.", lexicon=lexicon)
    assert [(h.lemma, h.category, h.weight) for h in hits] == [
        ("Schlamassel", "sentiws_negative", 3),
        ("Mühe", "sentiws_negative", 1),
    ]
    with pytest.raises(FileNotFoundError):
        load_sentiws(tmp_path / "fehlt.txt")


def test_single_word_scare_quote_is_the_authors_distancing_marker():
    hits = find_evaluative("Trump rief Selenskyj an, um ihn über das Gespräch zu „informieren“.")
    (hit,) = [h for h in hits if h.match == "scare_quote"]
    assert (hit.text, hit.category, hit.in_quote) == ("„informieren“", "distancing", False)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Abends ist das „Hamsterrad“, also die Pendlerstrecke, besonders voll.", False),
        ("Das „Auffüllen“, d.h. die zweite Dosis, folgt nach vier Wochen.", False),
        ("Sie nennen es „Reform“ (Kürzungen der Rente).", False),
        ("Die „Reform“ ist ein Witz.", True),
    ],
)
def test_a_quoted_term_explained_right_after_is_mentioned_not_a_scare_quote(
    text: str, counts: bool
) -> None:
    hits = [h for h in find_evaluative(text) if h.match == "scare_quote"]
    assert bool(hits) is counts, hits


def test_temporal_schon_and_planned_eigentlich_are_not_particles():
    text = (
        "Er hatte jedoch auch da schon ein Treffen ins Gespräch gebracht, bei dem "
        "eigentlich Waffenlieferungen koordiniert werden sollten. Das wird schon klappen."
    )
    found = [(h.text, h.start) for h in find_evaluative(text)]
    assert found == [("schon", text.rindex("schon"))]


def test_corpus_blog_bodies_000_and_001_are_more_loaded_than_the_dpa_body(shared):
    """The author-voice rate alone; the attribution contrast is in test_evaluative_voice.py
    (003 mostly reproduces Trump's post: its author voice is measured there after merge)."""
    shared("seeds")
    import mediakit

    rates = {
        d.id[:3]: mediakit.analyze_evaluative(d.body).metrics["evaluative_per_1000_words"]
        for d in mediakit.load_corpus()
    }
    assert rates["000"] > rates["002"] > rates["004"], rates


@pytest.mark.parametrize(
    ("text", "word", "category"),
    [
        ("Das ist beileibe kein Einzelfall.", "beileibe", "stance"),
        ("Das war allenfalls ein Achtungserfolg.", "allenfalls", "stance"),
        ("Frieden ist allemal besser als Krieg.", "allemal", "stance"),
        ("Das war wahrlich kein Ruhmesblatt.", "wahrlich", "intensifier"),
        ("Augenscheinlich ging es ihm nur um Macht.", "Augenscheinlich", "epistemic"),
        ("Das muss unbedingt geklärt werden.", "unbedingt", "intensifier"),
        ("Es gab üppige Subventionen.", "üppige", "loaded"),
        ("Die Prognose ist optimistisch.", "optimistisch", "judgement"),
    ],
)
def test_general_stance_adverbs_and_refiled_adjectives(text: str, word: str, category: str) -> None:
    assert (word, category) in [(h.text, h.category) for h in find_evaluative(text)]


# issue 12, third round: general evaluative vocabulary by word family, one sentence each
@pytest.mark.parametrize(
    ("text", "word", "category"),
    [
        # size adjectives of hyperbole count inflected, like riesig
        ("Das Thema ist von enormer Bedeutung.", "enormer", "exaggeration"),
        ("Es entstanden gewaltige Kosten.", "gewaltige", "exaggeration"),
        ("Der Schaden ist immens.", "immens", "exaggeration"),
        # stance phrases and -erweise / -maßen adverbs
        ("Das muss auf jeden Fall geklärt werden.", "auf jeden Fall", "stance"),
        ("Das darf auf keinen Fall passieren.", "auf keinen Fall", "stance"),
        ("Das ist erwiesenermaßen falsch.", "erwiesenermaßen", "stance"),
        ("Komischerweise fragte niemand nach.", "Komischerweise", "stance"),
        ("Er kommt höchstwahrscheinlich nicht.", "höchstwahrscheinlich", "epistemic"),
        # -wert and -würdig adjectives of value judgement
        ("Das Buch ist lesenswert.", "lesenswert", "judgement"),
        ("Ein kritikwürdiges Vorgehen.", "kritikwürdiges", "judgement"),
        ("Ein verabscheuungswürdiger Anschlag.", "verabscheuungswürdiger", "loaded"),
        # judgements of ideas, plans, people and manners
        ("Das sind krude Theorien.", "krude", "loaded"),
        ("Ein unausgegorener Vorschlag.", "unausgegorener", "loaded"),
        ("Der Minister blieb uneinsichtig.", "uneinsichtig", "loaded"),
        ("Eine schludrige Recherche.", "schludrige", "loaded"),
        ("Das war ein vielsagendes Schweigen.", "vielsagendes", "judgement"),
        ("Die Grafik ist sehr anschaulich.", "anschaulich", "judgement"),
        ("In diesen turbulenten Zeiten.", "turbulenten", "loaded"),
        # evaluative verbs and nouns, metaphors
        ("Er hat den Auftritt verpatzt.", "verpatzt", "loaded"),
        ("Das Gesetz ist eine Mogelpackung.", "Mogelpackung", "loaded"),
        ("Der Staatssekretär war nur ein Bauernopfer.", "Bauernopfer", "loaded"),
        (
            "Die Sanktionen hängen wie ein Damoklesschwert über dem Land.",
            "Damoklesschwert",
            "loaded",
        ),
        ("Das ist eine Sauerei.", "Sauerei", "loaded"),
        # evaluative verbs of distortion, undermining and glorifying
        ("Sie verdrehen die Fakten.", "verdrehen", "loaded"),
        ("Damit werden die Grundrechte ausgehöhlt.", "ausgehöhlt", "loaded"),
        ("Das untergräbt das Vertrauen.", "untergräbt", "loaded"),
        ("Ungeimpfte werden stigmatisiert.", "stigmatisiert", "loaded"),
        ("Der Film verherrlicht Gewalt.", "verherrlicht", "loaded"),
    ],
)
def test_general_vocabulary_by_word_family(text: str, word: str, category: str) -> None:
    assert (word, category) in [(h.text, h.category) for h in find_evaluative(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # "auf jeden Fall" / "in jedem Fall" is a stance formula, not "jeder" as a sweeping claim
        ("Das muss auf jeden Fall geklärt werden.", "jeden"),
        ("In jedem Fall sind die Masken nicht wiederverwendbar.", "jedem"),
        # scheinen of light is no epistemic verb
        ("Die Sonne scheint über Berlin.", "scheint"),
    ],
)
def test_general_vocabulary_false_alarms(text: str, word: str) -> None:
    assert word not in [h.text for h in find_evaluative(text)]


# issue 12, recall round: -los/un- adjectives of judgement, stance adverbs, idioms
@pytest.mark.parametrize(
    ("text", "word", "category"),
    [
        ("Die Regierung sah tatenlos zu.", "tatenlos", "judgement"),
        ("Das war eine instinktlose Bemerkung.", "instinktlose", "judgement"),
        ("Eine ideenlose Opposition.", "ideenlose", "judgement"),
        ("Das ist eine bodenlose Frechheit.", "bodenlose", "loaded"),
        ("Die Kritiker wurden erbarmungslos abgekanzelt.", "erbarmungslos", "intensifier"),
        ("Eine bigotte Gesellschaft.", "bigotte", "loaded"),
        ("Die unkontrollierte Abholzung geht weiter.", "unkontrollierte", "loaded"),
        ("Er leugnete hartnäckig.", "hartnäckig", "judgement"),
        ("Die Leistung der Abwehr war unterirdisch.", "unterirdisch", "judgement"),
        ("Die Reform ist längst überfällig.", "längst", "stance"),
        ("Zumindest hat er sich entschuldigt.", "Zumindest", "stance"),
        ("Die Firma expandiert ohne Rücksicht auf Verluste.", "ohne Rücksicht auf Verluste",
         "exaggeration"),
        ("Er will gewinnen, koste es, was es wolle.", "was es wolle", "exaggeration"),
        ("Die Zahlen sind aus der Luft gegriffen.", "aus der Luft gegriffen", "loaded"),
        ("Sie haben den Skandal unter den Teppich gekehrt.", "unter den Teppich gekehrt",
         "loaded"),
        ("Der Minister trat ins Fettnäpfchen.", "ins Fettnäpfchen", "loaded"),
        ("Er wurde nach Strich und Faden belogen.", "nach Strich und Faden", "intensifier"),
        ("Der Konzern fälschte vorsätzlich die Bilanzen.", "vorsätzlich", "judgement"),
        ("Das war ein böswilliger Kommentar.", "böswilliger", "loaded"),
        ("Die Zahl der Fälle ist verschwindend gering.", "verschwindend gering", "exaggeration"),
        ("Sie haben Schäden billigend in Kauf genommen.", "billigend in Kauf", "loaded"),
        ("Die Behörde verschließt die Augen vor dem Problem.", "verschließt die Augen", "loaded"),
        ("Die Reform ist eine Milchmädchenrechnung.", "Milchmädchenrechnung", "loaded"),
        ("Die links-grüne Mehrheit stimmte zu.", "links-grüne", "pejorative"),
        ("Der Entwurf hat weder Hand noch Fuß.", "weder Hand noch Fuß", "judgement"),
        ("Das Eis schmilzt relativ schnell.", "relativ", "intensifier"),
        ("Die Kosten sind vergleichsweise gering.", "vergleichsweise", "intensifier"),
        ("Mit dieser Partei ist kein Staat zu machen.", "kein Staat zu machen", "loaded"),
        ("Und dann regnet es auch noch.", "auch noch", "stance"),
        ("Er hat die Partner vor den Kopf gestoßen.", "vor den Kopf gestoßen", "loaded"),
        ("Sie setzen das Vertrauen aufs Spiel.", "aufs Spiel", "judgement"),
        ("Man darf nicht alle über einen Kamm scheren.", "über einen Kamm", "judgement"),
        ("Die Stadt lag in Schutt und Asche.", "in Schutt und Asche", "exaggeration"),
        ("Der Parteienfilz blüht.", "Parteienfilz", "loaded"),
        ("Ein machtversessener Landrat.", "machtversessener", "loaded"),
        ("Die Klimaapostel mahnen.", "Klimaapostel", "pejorative"),
        ("Das war ein unkluger Schachzug.", "unkluger", "judgement"),
        ("Die Vergabe ist völlig intransparent.", "intransparent", "judgement"),
        ("Die These ist unbewiesen.", "unbewiesen", "hedge"),
        ("Gerade mal fünf Prozent kamen zur Wahl.", "Gerade mal", "stance"),
        ("Der Fall ist bis heute nicht aufgeklärt.", "bis heute nicht", "stance"),
    ],
)  # fmt: skip
def test_general_vocabulary_recall_round(text: str, word: str, category: str) -> None:
    assert (word, category) in [(h.text, h.category) for h in find_evaluative(text)]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Kritische Stimmen werden ausgeblendet.", "ausblenden"),
        ("Die Zahlen wurden aufgebauscht.", "aufbauschen"),
        ("Die aufgebauschten Zahlen.", "aufbauschen"),
        ("Die Arbeiter wurden ausgebeutet.", "ausbeuten"),
        ("Der Gegner wurde ausgebremst.", "ausbremsen"),
    ],
)
def test_participles_of_separable_verbs_find_their_entry(text: str, lemma: str) -> None:
    # "ge" after the verb particle: aus|ge|blendet -> ausblenden
    assert lemma in [h.lemma for h in find_evaluative(text)]


def test_participle_rule_finds_no_entry_for_plain_verbs():
    assert find_evaluative("Der Flug wurde abgesagt und der Termin festgelegt.") == []


def test_laienhaft_gesagt_is_a_neutral_formula():
    # "in layman's terms" explains, it does not judge; the adjective itself still does
    assert "laienhaft" not in [h.lemma for h in find_evaluative("Wie wirkt das, laienhaft gesagt?")]
    assert "laienhaft" in [h.lemma for h in find_evaluative("Eine laienhafte Analyse.")]


def test_relativ_counts_as_a_downtoner_only_uninflected():
    assert "relativ" not in [h.lemma for h in find_evaluative("Er gewann die relative Mehrheit.")]


def test_a_noun_compound_head_does_not_match_inside_a_lowercase_word():
    # "gier" is a noun head (Machtgier), not the end of the verb "interagiert"
    assert [h.text for h in find_evaluative("Das Medikament interagiert mit Alkohol.")] == []
    assert [h.text for h in find_evaluative("Die Machtgier der Konzerne wächst.")] == ["Machtgier"]


def test_sogenannt_and_quote_marks_on_the_next_word_count_once():
    hits = find_evaluative("Die sogenannte „Reform“ kostet die Stadt viel Geld.")
    assert [(h.text, h.category) for h in hits] == [("sogenannte", "distancing")]


def test_split_separable_verb_keeps_the_hits_in_text_order():
    # the split verb's hit is merged in text order, so the litotes after it still
    # finds the judgement it holds and counts once
    hits = find_evaluative(
        "Der Minister redet die Lage schön, obwohl der Schaden nicht unerheblich ist."
    )
    assert [(h.text, h.category) for h in hits] == [
        ("redet die Lage schön", "speech_verb"),
        ("unerheblich", "judgement"),
    ]
