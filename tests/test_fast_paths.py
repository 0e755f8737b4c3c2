"""The speed-ups must not change a result: each shortcut against its plain definition.

The parse and the measures skip work by deciding things once per word form, by
finding candidates in the text instead of testing every token, and by reading lists
at C speed. Each test here recomputes one such shortcut the slow, obvious way, on real
German text and on random text with quote marks and whitespace, and compares.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from hypothesis import given
from test_properties import PROPERTY, texts

import mediakit
from mediakit import document, evaluative
from mediakit.quotes import lexicon as quotes_lexicon
from mediakit.quotes import words as quotes_rules

GERMAN = (
    "Am 3. Februar kam Dr. Weber nach Berlin. „Das ist ein völlig absurder Vorschlag!“, "
    "tönte er. Laut Kreml habe Putin betont, man sei zu Gesprächen bereit.\n\n"
    "Die Lügenmedien und ihr Klimawahn... Was soll das? Vor allem die "
    "Regierungssprecherin erklärte, sie werde sich äußern; 9,8 %; 5,3 %.\n"
    "Trump verteufelt die EU-Bürokratie, so die New York Post. Den Angaben zufolge "
    "hieß es, die Ukraine-Hilfe (dpa) stehe nicht zur Debatte."
)


def _plain_words(doc: document.Document) -> list[int]:
    return [i for i, t in enumerate(doc.token_texts) if any(ch.isalnum() for ch in t)]


def _plain_paragraph_of_token(doc: document.Document) -> list[int]:
    starts = [p.start for p in doc.paragraphs]
    return [max(bisect_right(starts, s) - 1, 0) for s in doc.token_starts]


def _check_document(text: str) -> None:
    doc = document.Document(text)
    assert doc.words == _plain_words(doc)
    assert doc.paragraph_of_token == _plain_paragraph_of_token(doc)
    assert doc.token_ends == [
        s + len(t) for s, t in zip(doc.token_starts, doc.token_texts, strict=True)
    ]
    assert doc.word_texts == [doc.token_texts[i] for i in doc.words]
    assert doc.word_starts == [doc.token_starts[i] for i in doc.words]
    # the spaCy Doc carries the same tokens and the same sentence starts
    assert [t.idx for t in doc.doc] == doc.token_starts
    assert [bool(t.is_sent_start) for t in doc.doc][1:] == doc.token_is_sent_start[1:]


def test_document_shortcuts_on_german_text() -> None:
    _check_document(GERMAN)
    # "äußern; 9,8 %": no sentence end at a semicolon before a number
    assert len(mediakit.split_sentences(GERMAN)) == 8


@PROPERTY
@given(texts)
def test_document_shortcuts_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    _check_document(text)


def _plain_sentence_candidates(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if document._is_candidate(t)]


@PROPERTY
@given(texts)
def test_sentence_end_candidates_match_every_token_test(text: str) -> None:
    """Sentence ends are looked for at end marks found in the text; none is missed."""
    try:
        doc = document.Document(text)
    except ValueError:
        return
    tokens = doc.token_texts
    candidates = _plain_sentence_candidates(tokens)
    # every candidate token ends in one of the marks the text search looks for
    assert all(document._END_MARK.fullmatch(tokens[i][-1]) for i in candidates)


def _plain_forms(token: str) -> tuple[str, str, int]:
    lex, preps = quotes_lexicon.cue_lexicon(), quotes_lexicon.preposition_cues()
    low = token.lower()
    verb = low if token[:1].islower() else ""
    roles = 0
    if verb and (verb in lex.main or verb in lex.joined or verb in lex.split):
        roles |= quotes_rules._ROLE_CUE_VERB
    if low in preps:
        roles |= quotes_rules._ROLE_CUE_WORD
    if quotes_rules._mood(low):
        roles |= quotes_rules._ROLE_KONJUNKTIV
    if token[:1].isupper() and low in quotes_lexicon.cue_nouns():
        roles |= quotes_rules._ROLE_CUE_NOUN
    return low, verb, roles


def test_quotation_word_forms_match_their_definition() -> None:
    doc = mediakit.parse(GERMAN)
    tokens = [*doc.token_texts, ""]
    assert quotes_rules._token_forms(tokens) == [_plain_forms(t) for t in tokens]
    roles = {t: f[2] for t, f in zip(tokens, quotes_rules._token_forms(tokens), strict=True)}
    assert roles["erklärte"] & quotes_rules._ROLE_CUE_VERB
    assert roles["Laut"] & quotes_rules._ROLE_CUE_WORD
    assert roles["habe"] & quotes_rules._ROLE_KONJUNKTIV


def _plain_scan_positions(index, words, lowers, lemmas) -> list[int]:
    """Every token the evaluative scan would have looked at before the shortcut."""
    return [
        k
        for k, text in enumerate(words)
        if (text[0].isalpha() or text[-1].isalpha() or text.isalnum())
        and (
            text == "Sie"
            or lowers[k] in index.phrases
            or lemmas[k] in index.phrases
            or index.lookup(text, lemmas[k], True) is not None
            or index.lookup(text, lemmas[k], False) is not None
        )
    ]


def test_evaluative_candidates_are_every_token_that_can_hit() -> None:
    corpus_text = "\n\n".join(d.body for d in mediakit.load_corpus())
    for text in (GERMAN, corpus_text):
        doc = document.Document(text)
        index = evaluative._resolve_lexicon(None).index
        words, _, _, lowers, lemmas = evaluative._token_table(doc, index.lemmatizer)
        kinds = index.hit_kinds(words)
        candidates = [k for k, kind in enumerate(kinds) if kind]
        assert candidates == _plain_scan_positions(index, words, lowers, lemmas)


def test_evaluative_token_flags_give_what_each_layer_finds_on_its_own() -> None:
    """The flags memo per word form (word hit, phrase start, particle, trigger, neutral
    word) gives each layer the tokens it would have found by testing every token."""
    from mediakit.evaluative import metrics as ev
    from mediakit.evaluative.constructions import _trigger_index, construction_hits
    from mediakit.evaluative.separable import separable_hits

    text = (
        "Vor allem die Opposition spielt die Gefahr herunter. Sie sagte, das sei ein völlig "
        "absurdes Desaster. Ist es nicht seltsam, dass niemand fragt? In der Tat redet die "
        "Regierung die Lage schön, erklärte der Sprecher. Aller Zeiten größter Unsinn!"
    )
    lex = evaluative._resolve_lexicon(None)
    doc = document.Document(text)
    table = evaluative._token_table(doc, lex.index.lemmatizer)
    flags = ev._token_flags(lex.index, table)
    candidates = [
        k
        for k, flag in enumerate(flags)
        if flag & ev._WORD_HIT
        or (flag & ev._PHRASE_FIRST and k + 1 < len(flags) and flags[k + 1] & ev._PHRASE_SECOND)
    ]
    particles = [k for k, flag in enumerate(flags) if flag & ev._PARTICLE]
    assert evaluative._scan(doc, lex, candidates, flags, table) == evaluative._scan(
        document.Document(text), lex
    )
    assert separable_hits(doc, lex, particles, table) == separable_hits(
        document.Document(text), lex
    )
    triggers = _trigger_index()[0]
    assert [k for k, flag in enumerate(flags) if flag & ev._TRIGGER] == [
        k for k, lowered in enumerate(table[3]) if lowered in triggers
    ]
    assert construction_hits(doc)  # the rhetorical question
    trigger_positions = [k for k, flag in enumerate(flags) if flag & ev._TRIGGER]
    assert construction_hits(
        document.Document(text), table[3], table[1], trigger_positions
    ) == construction_hits(document.Document(text))
    words, lemmas = table[0], table[4]
    neutral = evaluative._neutral_reporting()
    plain = sum(
        1
        for w, lemma in zip(words, lemmas, strict=True)
        if lemma in neutral and document.is_word(w)
    )
    assert plain == sum(1 for flag in flags if flag & ev._NEUTRAL) == 2  # sagte, erklärte
    _, counted = ev._find(doc, lex, table, flags)
    assert counted == plain


def test_a_word_form_rejected_with_capitals_allowed_is_rejected_without() -> None:
    """The scan asks the lexicon once per word form, with capitals allowed: a form that
    does not hit then cannot hit inside a sentence either."""
    index = evaluative._resolve_lexicon(None).index
    doc = mediakit.parse("\n\n".join(d.body for d in mediakit.load_corpus()))
    for text in set(doc.token_texts):
        lemma = index.lemmatizer(text).lower()
        if index.lookup(text, lemma, True) is None:
            assert index.lookup(text, lemma, False) is None, text


def test_user_lexicon_with_short_heads_and_prefixes_still_matches() -> None:
    """Heads and prefixes shorter than the three letters the shortcut compares."""
    lexicon = (
        evaluative.Lexicon([])
        .add("ei", "loaded", match="head")
        .add("Öko", "pejorative", match="prefix")
        .add("xy", "loaded", match="prefix")
    )
    hits = mediakit.find_evaluative("Die Schweinerei der Ökofaschisten und Xylophone.", lexicon)
    assert [(h.text, h.match) for h in hits] == [
        ("Schweinerei", "head"),
        ("Ökofaschisten", "prefix"),
        ("Xylophone", "prefix"),
    ]


# Sentences with nothing a quotation rule starts from, and sentences with one thing each.
NOTHING_TO_START_FROM = [
    "Die Bahn streikt schon wieder.",
    "Das Wetter wird morgen besser als heute.",
    "Im Jahr 1901 baute er ein Haus in Wien.",
    "Was für ein Chaos!",
    "Die Lügenmedien und ihr Klimawahn.",
]
SOMETHING_TO_START_FROM = [
    "Laut Polizei war die Straße gesperrt.",  # cue word
    "Peskow sagte, das Gespräch sei gut gewesen.",  # cue verb
    "Putin habe Trump nach Moskau eingeladen.",  # Konjunktiv
    "Er fahre morgen nach Kiew.",  # regular Konjunktiv I by its ending
    "Er hat als einzige „Errungenschaft“ nichts.",  # quote region
]


def test_quotation_chain_is_skipped_only_when_no_rule_can_start() -> None:
    from mediakit.quotes import _figures, analyze_quotes
    from mediakit.quotes.pipeline import CHAIN, nothing_to_start_from
    from mediakit.quotes.rules.regions import region_spans
    from mediakit.quotes.view import Context, no_starting_point

    for text in NOTHING_TO_START_FROM + SOMETHING_TO_START_FROM:
        doc = document.Document(text)
        cx = Context(doc)
        skipped = nothing_to_start_from(cx)
        assert skipped == (text in NOTHING_TO_START_FROM), text
        # the test on the parse alone (before any view is built) says the same here
        assert no_starting_point(doc) == skipped, text
        for step in CHAIN:  # the whole chain, as if there were no shortcut
            step(cx)
        if skipped:
            assert cx.quotes == [] and region_spans(cx) == ([], []), text
            metrics = analyze_quotes(doc).metrics
            # the figures of the general definition for no quotations: counts and rates
            # 0, the shares of no quotations missing (NaN); compared NaN-aware
            expected = _figures([], [], doc.n_words, 0, 0)
            assert repr(metrics) == repr(expected), text
            assert metrics["quotations"] == 0.0 and math.isnan(metrics["named_share"]), text
            assert list(metrics) == list(mediakit.quotes.METRIC_DESCRIPTIONS)
    # a text without quotations keeps its scare-quote rate
    metrics = analyze_quotes("Er hat als einzige „Errungenschaft“ nichts.").metrics
    assert metrics["scare_quotes_per_1000_words"] > 0 and metrics["quotes_per_1000_words"] == 0


@PROPERTY
@given(texts)
def test_quotation_shortcut_on_random_text(text: str) -> None:
    from mediakit.quotes.pipeline import CHAIN, nothing_to_start_from
    from mediakit.quotes.rules.regions import region_spans
    from mediakit.quotes.view import Context, no_starting_point

    doc = document.Document(text)
    cx = Context(doc)
    if no_starting_point(doc):
        assert nothing_to_start_from(cx)
    if nothing_to_start_from(cx):
        for step in CHAIN:
            step(cx)
        assert cx.quotes == [] and region_spans(cx) == ([], [])


NAMES_TEXT = (
    "Kremlsprecher Dmitri Peskow sagte am Montag, man sei bereit. Frau Maier widersprach. "
    "Wenige Kilometer weiter traf Wolfgang Schäuble den US-Präsidenten. Schäuble sagte, "
    "die Gespräche seien gut verlaufen. Herr Al-Hakim und die Bundesregierung schwiegen."
)


def _plain_known_names(cx) -> frozenset[str]:
    """``rules.speakers._known_names`` as first written: every test on every token."""
    from mediakit.quotes.rules.speakers import _antecedent_words
    from mediakit.quotes.sources import _category

    aw = _antecedent_words()
    titles = aw["male_title"] | aw["female_title"]
    nouns = tuple(aw["noun_ending"])
    plain = cx.words["determiner"] | cx.words["preposition"] | cx.words["adverb"]
    names: set[str] = set()
    starts = {a for a, _ in cx.sentences}
    prev_ok = False
    for j in range(cx.n):
        t = cx.tok[j]
        if cx.space[j]:
            continue
        if not t[:1].isupper():
            prev_ok = cx.low[j] in titles
            continue
        cat = _category(t)
        name_like = (
            not cat
            and t.replace("-", "").isalpha()
            and not cx.low[j].endswith(nouns)
            and cx.low[j] not in plain
        )
        if name_like and prev_ok and j not in starts:
            names.add(cx.low[j])
        prev_ok = (name_like and j not in starts) or cat == "person_role" or cx.low[j] in titles
    for q in cx.quotes:
        if q.speaker is not None and q.speaker.speaker_type == "named":
            names.update(w.lower() for w in q.speaker.text.split() if w[:1].isupper())
    return frozenset(names)


def _check_known_names(text: str) -> None:
    from mediakit.quotes.pipeline import CHAIN
    from mediakit.quotes.rules.speakers import _known_names
    from mediakit.quotes.view import Context

    cx = Context(document.Document(text))
    for step in CHAIN[:3]:  # regions, direct quotes, sentence rules: named speakers exist
        step(cx)
    assert _known_names(cx) == _plain_known_names(cx)


def test_known_names_memo_matches_every_token_test() -> None:
    for text in (GERMAN, NAMES_TEXT, "", " \n ", "Frau"):
        _check_known_names(text)
    from mediakit.quotes.rules.speakers import _known_names
    from mediakit.quotes.view import Context

    names = _known_names(Context(document.Document(NAMES_TEXT)))
    assert {"peskow", "maier", "schäuble"} <= names and "kilometer" not in names


@PROPERTY
@given(texts)
def test_known_names_memo_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    _check_known_names(text)


def test_speech_act_forms_are_every_form_whose_verb_can_name_an_act() -> None:
    """``rules.reported`` skips verb forms outside ``speech_act_forms()``: each such form
    has no cue verb with an act, among its finite forms or its joined forms."""
    lex = quotes_lexicon.cue_lexicon()
    acts = quotes_lexicon.speech_act_forms()
    for form in {*lex.main, *lex.joined}:
        verbs = [*lex.main.get(form, ()), *lex.joined.get(form, ())]
        assert (form in acts) == any(v.act for v in verbs), form
    assert {"sprach", "kritisierte", "gefordert"} <= acts


REFINING_TEXTS = [
    GERMAN,
    NAMES_TEXT,
    "Die Polizei sprach von einem Unfall.",  # a quotation: every step runs
    "Er erklärte nichts.",  # a cue verb, no quotation: the refining steps are left out
    "Sie habe keine Zeit. Er fahre morgen.",  # free indirect speech only
    "Das Motto: „Freiheit statt Angst“. Er hat als einzige „Errungenschaft“ nichts.",
]


def _check_refining_steps_left_out(text: str) -> None:
    from mediakit.quotes.pipeline import CHAIN, run
    from mediakit.quotes.rules.regions import region_spans
    from mediakit.quotes.view import Context

    doc = document.Document(text)
    full = Context(doc)
    for step in CHAIN:  # every step, as if none were left out
        step(full)
    fast = Context(doc)
    quotes, scare, titles = run(fast)
    assert [q.to_dict() for q in quotes] == [q.to_dict() for q in full.quotes], text
    assert (scare, titles) == region_spans(full), text
    assert fast.region_kind == full.region_kind, text


def test_refining_steps_are_left_out_only_when_they_change_nothing() -> None:
    for text in REFINING_TEXTS:
        _check_refining_steps_left_out(text)


@PROPERTY
@given(texts)
def test_refining_steps_left_out_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    _check_refining_steps_left_out(text)


def _plain_fronted_participles(tok, low, sentences, space) -> list[int]:
    """``view._fronted_participles`` as first written: every sentence's first word."""
    participles = quotes_lexicon.cue_lexicon().participles
    out = []
    for lo, hi in sentences:
        j = lo
        while j < hi and (space[j] or not tok[j][:1].isalnum()):
            j += 1
        if j >= hi or not tok[j][:1].isupper() or low[j] not in participles:
            continue
        k = j + 1
        while k < hi and space[k]:
            k += 1
        if k < hi and low[k] in quotes_rules._FRONTED_PASSIVE_AUX:
            out.append(j)
    return out


FRONTED_TEXT = (
    "Gefordert wird eine Untersuchung. „Kritisiert wurde die späte Warnung.“ Dann: "
    "Gesagt wurde nichts. Er hat es gesagt. Gemeldet hat sich niemand.\n\nBerichtet wird…"
)


def _check_fronted(text: str) -> None:
    from mediakit.quotes.view import Context, _fronted_participles

    cx = Context(document.Document(text))
    args = (cx.tok, cx.low, cx.sentences, cx.space)
    assert _fronted_participles(*args) == _plain_fronted_participles(*args), text


def test_fronted_participles_from_candidates_match_every_sentence_test() -> None:
    for text in (GERMAN, FRONTED_TEXT, "", "Gefordert"):
        _check_fronted(text)
    from mediakit.quotes.view import Context, _fronted_participles

    cx = Context(document.Document(FRONTED_TEXT))
    found = _fronted_participles(cx.tok, cx.low, cx.sentences, cx.space)
    # "Dann: Gesagt wurde" does not open a sentence; "hat" is no passive auxiliary
    assert [cx.tok[j] for j in found] == ["Gefordert", "Kritisiert", "Berichtet"]


@PROPERTY
@given(texts)
def test_fronted_participles_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    _check_fronted(text)


def _check_no_mood(text: str) -> None:
    from mediakit.quotes.view import Context

    cx = Context(document.Document(text))
    if not cx.mood_at:  # free_indirect returns early: no sentence may have a mood
        assert all(not cx.has_konjunktiv(lo, hi) for lo, hi in cx.sentences), text


def test_free_indirect_shortcut_without_konjunktiv_candidates() -> None:
    for text in (GERMAN, NAMES_TEXT, FRONTED_TEXT, "Er erklärte nichts. Sie fahre."):
        _check_no_mood(text)


@PROPERTY
@given(texts)
def test_free_indirect_shortcut_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    _check_no_mood(text)


def _constructions_without_needs(text: str) -> list:
    """construction_hits with every pattern tried in every sentence holding a trigger
    (the literal pre-check switched off)."""
    from mediakit.evaluative import constructions

    prepared = constructions._prepared()
    plain = tuple((*row[:5], ()) for row in prepared)
    original = constructions._prepared
    constructions._prepared = lambda: plain  # type: ignore[assignment]
    try:
        return constructions.construction_hits(document.Document(text))
    finally:
        constructions._prepared = original  # type: ignore[assignment]


def test_construction_literal_needs_skip_only_sentences_that_cannot_match() -> None:
    """A pattern is searched only in sentences holding one literal of each of its needs:
    the same hits as searching every triggered sentence, and every match holds them."""
    from test_evaluative_constructions import NEGATIVE, POSITIVE

    from mediakit.evaluative import constructions

    corpus_text = "\n\n".join(d.body for d in mediakit.load_corpus())
    samples = [GERMAN, corpus_text, *(text for text, _, _ in POSITIVE), *NEGATIVE]
    for text in samples:
        assert constructions.construction_hits(document.Document(text)) == (
            _constructions_without_needs(text)
        ), text
    for construction, pattern, *_, needs in constructions._prepared():
        for text in samples:
            for match in pattern.finditer(text):
                for need in needs:
                    assert any(literal in match.group() for literal in need), construction.name
    # a fork at a letter class, a branch, an optional part, a case-insensitive part
    assert constructions.required_literals(re.compile(r"(?:[Uu]nd\s)?[Ww]as\s(?:ist|war)")) == (
        ("Was", "was"),
        ("ist", "war"),
    )
    assert constructions.required_literals(re.compile(r"ab(?i:cd)ef|gh")) == (("ab", "gh"),)


@PROPERTY
@given(texts)
def test_construction_literal_needs_on_random_text(text: str) -> None:
    try:
        document.check_text(text)
    except ValueError:
        return
    assert mediakit.evaluative.construction_hits(document.Document(text)) == (
        _constructions_without_needs(text)
    )
