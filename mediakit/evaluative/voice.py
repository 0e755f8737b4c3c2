"""Whose voice a hit is in: ``author``, ``quoted`` or ``attributed``.

The measure needs the quotation layer (:data:`REQUIRES`) and reads it from the parsed
document: :func:`mediakit.quotes.analyze_quotes` computes it once per
:class:`~mediakit.document.Document` and keeps it in ``document.cache``. What each
quotation kind means for the words of its message is data
(``data/evaluative_voice.tsv``):

* inside a **direct** quotation (its message and its quote marks): ``quoted``, the
  source's own words;
* inside the message of an **indirect**, **reported** or attributed **free indirect**
  quotation: ``attributed``, an evaluation the author reports as someone's
  (*Trump war ein Schmusekurs vorgeworfen worden*); the cue verb and the speaker
  stay the author's words (*getönt* is the author's choice of verb);
* after a **speaker label** of a transcript (``Christian Drosten: Das stimmt, …``,
  ``Karen (04:11): …``, ``Müller (SPD): …``) to the end of its line: ``quoted``, the
  named person's words (interviews, podcasts, press-conference protocols);
* everywhere else, and for the author's own distancing words and hedges inside a
  paraphrase (*die angebliche Unterdrückung*), and for a free indirect sentence whose
  main clause is indicative: ``author``.

>>> layer = voice_layer(parse('Peskow sagte: „Das ist ein Desaster.“ Merz sagte, das sei falsch.'))
>>> [(v.voice, v.source) for v in layer.spans]
[('quoted', 'Peskow'), ('attributed', 'Merz')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..document import (
    _CLOSING_CONTEXT,
    Document,
    _quote_mark_pattern,
    parse,  # noqa: F401 - parse: the doctest
)
from ..quotes import _CACHE_KEY as _QUOTES_KEY
from ..quotes import QuoteAnalysis, analyze_quotes
from ..tables import load_table
from .context import context_words
from .lexicon import LexiconEntry

#: The layers this measure reads from the parsed document.
REQUIRES = ("quotes",)
#: The three voices, in reporting order.
VOICES = ("author", "quoted", "attributed")
VOICE_TABLE = "evaluative_voice.tsv"


@dataclass(slots=True)
class VoiceSpan:
    """A stretch of text in a voice other than the author's, with its source.

    >>> VoiceSpan(0, 5, "quoted", "Trump", "direct").voice
    'quoted'
    """

    start: int
    end: int
    voice: str
    source: str | None = None
    kind: str = ""


@dataclass(frozen=True)
class _VoiceRules:
    kinds: dict[str, tuple[str, bool]]  # kind -> (voice, needs a source)
    keep_author: frozenset[str]
    indicative: frozenset[str]
    source_categories: frozenset[str] = frozenset()
    not_speaker_label: frozenset[str] = frozenset()
    experiencer_categories: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    writer_speakers: frozenset[str] = frozenset()
    not_source_first: frozenset[str] = frozenset()
    not_source: frozenset[str] = frozenset()
    generalising_man: frozenset[str] = frozenset()
    fixed_konjunktiv: tuple[str, ...] = ()
    expletive_speakers: frozenset[str] = frozenset()
    counterfactual: frozenset[str] = frozenset()
    passive_modal: frozenset[str] = frozenset()
    clause_initial_konjunktiv: frozenset[str] = frozenset()
    unrealised: frozenset[str] = frozenset()


#: A transcript's speaker label at the start of a line: two or three capitalised
#: words (a first name and surname, "von"/"de"/"van" allowed between), or one
#: capitalised word with a time stamp or a party in brackets (also "Stew: (12:43):"), or
#: one capitalised word whose line goes on in the first person (the protocol of a press
#: conference: "Adebahr: Ich denke, ...", "Palmer: Ich schreibe, ..."); then a colon and
#: the words of that speaker up to the end of the line.
SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<name>"
    r"(?P<first>[A-ZÄÖÜ][a-zäöüß]+)(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
    r"(?:\s(?:von\s|de\s|van\s)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,2}"
    r"|(?P<single>[A-ZÄÖÜ][a-zäöüß-]+)\s?\((?:\d{1,2}:\d{2}(?::\d{2})?|[A-ZÄÖÜ][\w/]{1,9})\)"
    r"|(?P<stamped>[A-ZÄÖÜ][a-zäöüß-]+):\s?\(\d{1,2}:\d{2}(?::\d{2})?\)"
    r"|(?P<solo>[A-ZÄÖÜ][a-zäöüß-]+)(?=:[ \t]+(?:Ich|Wir)\s)"
    r")(?:\s?\(\d{1,2}:\d{2}(?::\d{2})?\))?:[ \t]+(?P<message>\S[^\n]*)"
)


def speaker_labels(text: str) -> list[tuple[str, int, int]]:
    """(speaker, start, end) of the words after each transcript speaker label.

    >>> speaker_labels("Korinna Hennig: Was ist denn anders?")
    [('Korinna Hennig', 16, 36)]
    >>> speaker_labels("Karen (04:11): Ich würde sagen, ja.")
    [('Karen', 15, 35)]
    >>> speaker_labels("Adebahr: Ich denke, ja.") + speaker_labels("Fazit: Ich bleibe skeptisch.")
    [('Adebahr', 9, 23)]
    >>> speaker_labels("Das Resultat: 2.457 Fälle.") + speaker_labels("Foto (dpa): Trump.")
    []
    """
    if ":" not in text:
        return []
    stop = voice_rules().not_speaker_label
    out = []
    for match in SPEAKER_LABEL.finditer(text):
        first = (
            match.group("first")
            or match.group("single")
            or match.group("stamped")
            or match.group("solo")
        )
        if first.lower() in stop:
            continue
        name = (
            match.group("single")
            or match.group("stamped")
            or match.group("solo")
            or match.group("name")
        )
        out.append((name, match.start("message"), match.end("message")))
    return out


@cache
def voice_rules() -> _VoiceRules:
    """The rules of ``data/evaluative_voice.tsv``, read once.

    >>> voice_rules().kinds["direct"], "distancing" in voice_rules().keep_author
    (('quoted', False), True)
    """
    kinds: dict[str, tuple[str, bool]] = {}
    sets: dict[str, set[str]] = {field: set() for field, _ in _SET_RULES.values()}
    fixed_konjunktiv: list[str] = []
    for row in load_table(VOICE_TABLE):
        rule, value, voice = row["rule"], row["value"], row["voice"]
        if rule == "kind":
            name, _, condition = voice.partition("+")
            if name not in VOICES or condition not in {"", "source"}:
                raise ValueError(f"{VOICE_TABLE}: unknown voice {voice!r} for kind {value!r}")
            kinds[value] = (name, condition == "source")
        elif rule == "fixed_konjunktiv":
            fixed_konjunktiv.append(value.lower())
        elif rule in _SET_RULES:
            field, how = _SET_RULES[rule]
            if how == "words":
                sets[field].update(word.lower() for word in value.split())
            else:
                sets[field].add(value.lower() if how == "lower" else value)
        else:
            raise ValueError(f"{VOICE_TABLE}: unknown rule {rule!r}")
    return _VoiceRules(
        kinds,
        fixed_konjunktiv=tuple(fixed_konjunktiv),
        **{field: frozenset(values) for field, values in sets.items()},
    )


#: rule of evaluative_voice.tsv -> (field of _VoiceRules, how its value is read:
#: "as is", "lower" (one lowercase value) or "words" (lowercase words, space-separated))
_SET_RULES: dict[str, tuple[str, str]] = {
    "keep_author": ("keep_author", "as is"),
    "indicative": ("indicative", "lower"),
    "source_category": ("source_categories", "as is"),
    "experiencer_category": ("experiencer_categories", "as is"),
    "first_person_speaker": ("first_person", "words"),
    "writer_speaker": ("writer_speakers", "words"),
    "not_source_first": ("not_source_first", "words"),
    "not_source": ("not_source", "words"),
    "generalising_man": ("generalising_man", "words"),
    "expletive_speaker": ("expletive_speakers", "words"),
    "not_speaker_label": ("not_speaker_label", "words"),
    "counterfactual": ("counterfactual", "words"),
    "passive_modal": ("passive_modal", "words"),
    "clause_initial_konjunktiv": ("clause_initial_konjunktiv", "lower"),
    "unrealised": ("unrealised", "lower"),
}


@dataclass
class VoiceLayer:
    """The voices of one document: spans of the quoted and attributed voices, the
    author's holes in them (cue verbs, speakers), and the sentences that cite a source.
    """

    spans: list[VoiceSpan] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    attributed: list[tuple[int, int]] = field(default_factory=list)
    holes: list[tuple[int, int]] = field(default_factory=list)
    sourced: list[tuple[int, int]] = field(default_factory=list)
    #: the cue verbs of quotations whose speaker is someone else, with that source
    cues: list[VoiceSpan] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not (self.spans or self.quoted or self.attributed or self.holes or self.sourced):
            # the author's voice throughout (most texts): nothing to sort
            self._quoted_starts = self._attributed_starts = self._hole_starts = []
            self._sourced_starts = []
            self._by_start = []
            self._span_starts = []
            return
        # (an empty list needs no comprehension, nor a key function to sort by)
        quoted, attributed, holes, sourced = self.quoted, self.attributed, self.holes, self.sourced
        self._quoted_starts = [a for a, _ in quoted] if quoted else []
        self._attributed_starts = [a for a, _ in attributed] if attributed else []
        self._hole_starts = [a for a, _ in holes] if holes else []
        self._sourced_starts = [a for a, _ in sourced] if sourced else []
        if self.spans:
            self._by_start = sorted(self.spans, key=lambda s: (s.start, -s.end))
            self._span_starts = [s.start for s in self._by_start]
        else:
            self._by_start = []
            self._span_starts = []

    def voice_at(self, offset: int, category: str = "") -> tuple[str, str | None]:
        """(voice, source) of the character at ``offset`` for a hit of ``category``."""
        quoted, holes, attributed = self.quoted, self.holes, self.attributed
        if not (quoted or holes or attributed):
            return "author", None  # the author's voice throughout (most texts)
        # _inside() of each interval list, inlined (one bisect each, no call)
        k = bisect_right(self._quoted_starts, offset) - 1
        if k >= 0 and quoted[k][0] <= offset < quoted[k][1]:
            return "quoted", self._source_at(offset, "quoted")
        k = bisect_right(self._hole_starts, offset) - 1
        if k >= 0 and holes[k][0] <= offset < holes[k][1]:
            if self.cues and category in voice_rules().experiencer_categories:
                for cue in self.cues:
                    if cue.start <= offset < cue.end:
                        return "attributed", cue.source
            return "author", None
        k = bisect_right(self._attributed_starts, offset) - 1
        if k >= 0 and attributed[k][0] <= offset < attributed[k][1]:
            if category in voice_rules().keep_author:
                return "author", None
            return "attributed", self._source_at(offset, "attributed")
        return "author", None

    def in_attributed(self, offset: int) -> bool:
        """True when ``offset`` lies in an attributed message (the author's holes excluded)."""
        return _inside(self.attributed, self._attributed_starts, offset)

    def _source_at(self, offset: int, voice: str) -> str | None:
        # the innermost (latest-starting) span of that voice around the offset
        k = bisect_right(self._span_starts, offset)
        for span in reversed(self._by_start[:k]):
            if span.voice == voice and span.start <= offset < span.end:
                return span.source
        return None

    def cites_source(self, start: int, end: int) -> bool:
        """True when a quotation, its cue or its speaker overlaps ``start:end``."""
        # merged intervals: the last one starting before ``end`` reaches furthest
        k = bisect_left(self._sourced_starts, end)
        return k > 0 and self.sourced[k - 1][1] > start


def _quotes_of(document: Document) -> QuoteAnalysis:
    """``analyze_quotes(document)`` for a parsed document: its cached analysis read
    directly when there is one (the common case: analyze computes it first)."""
    analysis = document.cache.get(_QUOTES_KEY)
    return analysis if analysis is not None else analyze_quotes(document)


def _voice_layer_if_any(document: Document) -> VoiceLayer | None:
    """:func:`voice_layer`, or None for a text in the author's voice throughout that
    has no layer yet: no quotation, no scare quote, no colon (no transcript speaker
    label) and no quotation begun before the text (most single sentences), where
    :func:`voice_layer` would build the empty ``VoiceLayer()``; the caller reads None as
    that layer and saves building it (a later :func:`voice_layer` builds it then)."""
    cache = document.cache
    cached = cache.get("evaluative_voice")
    if cached is not None:
        return cached
    analysis = _quotes_of(document)
    if (
        not analysis.quotations
        and not analysis.scare_quotes
        and ":" not in document.text
        # _continued_quotation is None without a quote mark: no call then
        and (not document.has_quote_marks or _continued_quotation(document) is None)
    ):
        return None
    return voice_layer(document)


def voice_layer(document: Document) -> VoiceLayer:
    """The :class:`VoiceLayer` of a document, computed once and kept in its cache."""
    cached = document.cache.get("evaluative_voice")
    if cached is not None:
        return cached
    rules = voice_rules()
    analysis = _quotes_of(document)
    continued = _continued_quotation(document)
    scare_quotes = analysis.scare_quotes
    spoken = _first_person_phrases(scare_quotes, document, rules) if scare_quotes else []
    if not analysis.quotations and continued is None and not spoken and ":" not in document.text:
        # no quotation, none begun before the text and no transcript speaker label:
        # the author's voice throughout
        layer = VoiceLayer()
        document.cache["evaluative_voice"] = layer
        return layer
    spans: list[VoiceSpan] = []
    holes: list[tuple[int, int]] = []
    sourced: list[tuple[int, int]] = []
    cues: list[VoiceSpan] = []
    # what a frame rule needs in its clause, looked for once in the whole text: a rule
    # whose word occurs nowhere in it cannot hold for any quotation (the lowercase text
    # holds every lowercase clause as it is: no such word has a letter whose lowercase
    # depends on its neighbours)
    lowered = document.text.lower() if analysis.quotations else ""
    may_counterfactual = _holds_any(lowered, _needles(rules.counterfactual))
    may_unrealised = _holds_any(lowered, _first_word_needles(rules.unrealised))
    may_modal_man = "man" in lowered
    for quotation in _all_quotations(analysis.quotations):
        kind = getattr(quotation, "kind", "direct")
        voice, needs_source = rules.kinds.get(kind, ("attributed", True))
        source = _source_name(quotation)
        if kind == "free_indirect" and (
            _indicative_main_clause(quotation, document, rules)
            or _fixed_konjunktiv(quotation, document, rules)
        ):
            continue  # an indicative main clause or a fixed phrase: the author states it
        if kind != "direct" and (
            _FORMAL_IMPERATIVE.match(document.text, quotation.start) is not None
            or (source is not None and _formal_imperative(source))
        ):
            continue  # Verbreiten Sie dieses Interview!: the author's appeal, not a report
        if kind != "direct" and _writer_or_no_one(source, rules, quotation, document):
            continue  # Ich denke, dass ... / Demnach kann man ... behaupten, dass ...: the author's
        message = _message_spans(quotation)
        if kind != "direct" and (
            (may_counterfactual and _counterfactual_cue(quotation, document, rules))
            or _modal_agentless(quotation, document, rules)
            or (may_modal_man and _opens_with_modal_man(quotation, document, rules, message))
            or (may_unrealised and _unrealised_cue(quotation, document, rules))
        ):
            continue  # Wenn sie die Wahrheit sagen würden, ... / Es sollte gesagt werden, ...: the author's
        # _frame_parts, with the cue's parts kept for the cues below
        cue = getattr(quotation, "cue", None)
        cue_parts = (
            (_pairs(getattr(cue, "spans", None)) or _pairs([cue])) if cue is not None else []
        )
        speaker = getattr(quotation, "speaker", None)
        parts = cue_parts + _pairs([speaker]) if speaker is not None else cue_parts
        sourced.extend(message)
        sourced.extend(parts)
        if voice == "author" or (needs_source and source is None):
            continue
        holes.extend(parts)
        if source is not None and source.lower() not in rules.first_person:
            for start, end in cue_parts:
                cues.append(VoiceSpan(start, end, "attributed", source, "cue"))
        spans.extend(VoiceSpan(start, end, voice, source, kind) for start, end in message)
    if spoken:  # (no generator to create for none, most texts)
        spans.extend(
            VoiceSpan(start, end, "quoted", None, "spoken_phrase") for start, end in spoken
        )
    if continued is not None:
        spans.append(VoiceSpan(*continued, "quoted", None, "continued"))
        sourced.append(continued)
    for name, start, end in speaker_labels(document.text):
        spans.append(VoiceSpan(start, end, "quoted", name, "transcript"))
        label_start = document.text.rfind(name, 0, start)
        sourced.append((max(label_start, 0), end))
    # (no span: no comprehension; _merge and _subtract of nothing give [])
    quoted = _merge([(s.start, s.end) for s in spans if s.voice == "quoted"]) if spans else []
    if quoted:
        # a direct quotation's message usually excludes its marks; take the whole region
        starts = [a for a, _ in quoted]
        extra = []
        for region in document.quote_regions:
            k = bisect_right(starts, region.inner_end - 1) - 1
            if k >= 0 and quoted[k][1] > region.inner_start and quoted[k][0] < region.inner_end:
                extra.append((region.start, region.end))
        quoted = _merge(quoted + extra)
    # the cue verb and the speaker inside an attributed message are the author's words
    attributed = (
        _subtract(
            _merge([(s.start, s.end) for s in spans if s.voice == "attributed"]),
            _merge(quoted + holes),
        )
        if spans
        else []
    )
    layer = VoiceLayer(spans, quoted, attributed, _merge(holes), _merge(sourced), cues)
    document.cache["evaluative_voice"] = layer
    return layer


@cache
def _needles(words: frozenset[str]) -> tuple[str, ...]:
    """The words of which a text holds one (as a substring) exactly when it holds one of
    ``words``: a word that holds another one of them is left out (*würden* holds
    *würde*), in sorted order.

    >>> _needles(frozenset({"würde", "würden", "würdest"}))
    ('würde',)
    """
    return tuple(sorted(word for word in words if not any(o != word and o in word for o in words)))


@cache
def _first_word_needles(phrases: frozenset[str]) -> tuple[str, ...]:
    """:func:`_needles` of the first words of ``phrases``, once per set of phrases.

    >>> _first_word_needles(frozenset({"ohne dass", "ohne zu", "statt zu"}))
    ('ohne', 'statt')
    """
    return _needles(frozenset(phrase.partition(" ")[0] for phrase in phrases))


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when ``text`` holds one of ``needles`` (a loop: no generator)."""
    for needle in needles:  # noqa: SIM110 - no generator per call
        if needle in text:
            return True
    return False


def _first_person_phrases(
    scare_quotes: Any, document: Document, rules: _VoiceRules
) -> list[tuple[int, int]]:
    """Quote-marked phrases the quotation layer read as no one's speech (scare quotes,
    titles) that hold a first-person pronoun: someone's words, not the writer's
    (*mit der Aussage "Wir sind voll" zitiert*); the writer does not put their own *wir*
    in quote marks. A single quoted word (*"Wir" ist ein Pronomen*) is a mention."""
    out = []
    for span in scare_quotes or []:
        words = [w.strip(".,;:!?()„“”\"»«'‚‘’").lower() for w in span.text.split()]
        if len(words) > 1 and any(w in rules.first_person for w in words):
            out.append((span.start, span.end))
    return out


#: Double quotation marks that can close a quotation (the German „ only opens).
_CLOSING_DOUBLE_MARKS = frozenset('“”"»«')


def _continued_quotation(document: Document) -> tuple[int, int] | None:
    """A text that starts inside a quotation: its first double quotation mark closes
    (``Da müssen wir besser werden“, sagte …``). The words from the start of that
    mark's paragraph up to the mark are the quoted source's, as in a quotation whose
    opening mark stands in the sentence or paragraph before the excerpt."""
    if not document.has_quote_marks:
        return None  # no mark at all (most sentences): no search
    text = document.text
    found = _quote_mark_pattern().search(text)
    if found is None or found.group() not in _CLOSING_DOUBLE_MARKS:
        return None
    pos = found.start()
    end = pos + 1
    before = text[pos - 1] if pos else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() or not (after.isspace() or after in _CLOSING_CONTEXT):
        return None  # an opening mark (»Wir«, "So") or a mark inside a word
    start = 0
    for paragraph in document.paragraphs:
        if paragraph.start <= pos < paragraph.end:
            start = paragraph.start
            break
    while start < pos and text[start].isspace():
        start += 1
    return (start, end) if start < pos else None


def _all_quotations(quotations: Any) -> list[Any]:
    out: list[Any] = []
    for quotation in quotations:
        out.append(quotation)
        nested = getattr(quotation, "nested", None) or []
        out.extend(_all_quotations(nested))
    return out


def _pairs(items: Any) -> list[tuple[int, int]]:
    out = []
    for span in items or ():
        if isinstance(span, _SEQUENCES) and len(span) == 2:
            start, end = span
        else:
            start, end = getattr(span, "start", None), getattr(span, "end", None)
        if isinstance(start, int) and isinstance(end, int) and end > start:
            out.append((start, end))
    return out


_SEQUENCES = (tuple, list)


def _message_spans(quotation: Any) -> list[tuple[int, int]]:
    return _pairs(getattr(quotation, "spans", None)) or _pairs([quotation])


def _frame_parts(quotation: Any) -> list[tuple[int, int]]:
    """The author's words of the frame: the cue (all its parts) and the speaker."""
    parts: list[tuple[int, int]] = []
    cue = getattr(quotation, "cue", None)
    if cue is not None:
        parts.extend(_pairs(getattr(cue, "spans", None)) or _pairs([cue]))
    speaker = getattr(quotation, "speaker", None)
    if speaker is not None:
        parts.extend(_pairs([speaker]))
    return parts


def _source_name(quotation: Any) -> str | None:
    """The source of a quotation: ``quotation.source`` where the quotation layer has
    sources as entities, else the speaker (its antecedent for a pronoun)."""
    source = getattr(quotation, "source", None)
    if isinstance(source, str) and source:
        return source
    if source is not None:
        for attribute in ("name", "canonical", "label", "text"):
            value = getattr(source, attribute, None)
            if isinstance(value, str) and value:
                return value
    speaker = getattr(quotation, "speaker", None)
    if speaker is None:
        return None
    resolved = getattr(speaker, "resolved", None)
    text = getattr(resolved, "text", None) if resolved is not None else None
    return text or getattr(speaker, "text", None) or None


#: A zu-infinitive (anzunehmen, auszugehen, zu befürchten): an impersonal frame.
_ZU_INFINITIVE = re.compile(r"\bzu\s\w+|\b\w+zu\w+en\b")


def _writer_or_no_one(
    source: str | None, rules: _VoiceRules, quotation: Any, document: Document
) -> bool:
    """True when the speaker the quotation layer found is the writer (ich, wir), the
    generalising *man* of a modal frame (Man kann davon ausgehen, dass ...), or no one
    at all: an adverb or a pronoun that names no speaker (Daraufhin, Es)."""
    if not source:
        # "Es ist anzunehmen / zu befürchten, dass ...": the quotation layer names no
        # speaker for the expletive; the impersonal zu-frame is the writer's
        frame = _frame_text(quotation, document).lstrip(" \t\"'„“”»«")
        first_word = frame.partition(" ")[0].lower()
        return first_word in rules.expletive_speakers and (_ZU_INFINITIVE.search(frame) is not None)
    lowered = source.lower()
    if lowered in rules.writer_speakers or lowered in rules.not_source:
        return True
    if lowered == "man":
        # "man betont, dass ..." is a group's statement; "kann man davon ausgehen,
        # dass ...", "fragt man sich, ob ..." the writer's generalisation
        return _frame_has(quotation, document, rules.generalising_man)
    first, _, rest = lowered.partition(" ")
    if first in rules.expletive_speakers:
        # "Es macht Sinn zu behaupten, dass ...": the expletive opens no speaker's name;
        # "Es ist anzunehmen / zu befürchten, dass ...": an impersonal frame of the writer's
        if rest or _ZU_INFINITIVE.search(_frame_text(quotation, document)) is not None:
            return True
    return first in rules.not_source_first


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence around ``offset`` starts: after the last ``.``, ``!``, ``?`` or
    line break before it (0 without any)."""
    return (
        max(
            text.rfind(".", 0, offset),
            text.rfind("!", 0, offset),
            text.rfind("?", 0, offset),
            text.rfind("\n", 0, offset),
        )
        + 1
    )


#: The end of the cue verb's clause (:func:`_counterfactual_cue`).
_CLAUSE_STOP = re.compile(r"[,;:.!?]")


def _frame_text(quotation: Any, document: Document) -> str:
    """The quotation's sentence up to its message (speaker and cue, for a frame first)."""
    start = getattr(quotation, "start", None)
    if not isinstance(start, int):
        return ""
    text = document.text
    sentence_start = _sentence_start(text, start)
    return text[sentence_start:start]


def _frame_has(quotation: Any, document: Document, words: frozenset[str]) -> bool:
    """True when the quotation's sentence, up to its message, holds one of ``words``."""
    if not words:
        return False
    frame = _frame_text(quotation, document).lower().split()
    return any(word.strip(",;:()") in words for word in frame)


def _fixed_konjunktiv(quotation: Any, document: Document, rules: _VoiceRules) -> bool:
    """A "Konjunktiv I" sentence whose Konjunktiv is a fixed phrase of the writer's own:
    *es sei denn*, *sei es*, *es sei darauf hingewiesen*, *sei dahingestellt*. A phrase of
    ``clause_initial_konjunktiv`` counts only where it opens its clause: concessive *Sei es
    drum*, *…, sei es aus Angst oder aus Kalkül*, but not the inverted Konjunktiv I of
    reported speech *So sei es immerhin gelungen, …* (es is the subject there)."""
    start, end = getattr(quotation, "start", 0), getattr(quotation, "end", 0)
    pattern = _fixed_konjunktiv_pattern(rules.fixed_konjunktiv)
    if pattern is None:
        return False
    text = document.text
    for match in pattern.finditer(text, start, end):
        phrase = " ".join(re.split(r"\W+", match.group().lower()))
        if phrase in rules.clause_initial_konjunktiv and not _clause_initial(text, match.start()):
            continue
        return True
    return False


def _clause_initial(text: str, offset: int) -> bool:
    """True when only spaces stand between ``offset`` and the text's start or a clause mark."""
    before = text[:offset].rstrip()
    return not before or before[-1] in ',;:–—-(\n.!?„“"»«'


#: The conjunctions of a content clause: a Konjunktiv II after one is the reported
#: speaker's (Er sagte, dass er kommen würde), not a counterfactual frame.
_CONTENT_CONJUNCTION = frozenset({"dass", "daß", "ob", "wie", "wann", "warum", "weshalb", "wo"})


def _counterfactual_cue(quotation: Any, document: Document, rules: _VoiceRules) -> bool:
    """True when the cue verb's clause is in the würde-Konjunktiv II: a speech act the
    writer imagines, not one someone made (*Wenn Monsanto die Wahrheit sagen würden,
    würden sie erklären, dass …*; *Kritiker würden einwenden, dass …*). The clause runs
    from the sentence start to the first punctuation after the cue; a *würde* after a
    content conjunction (*Er sagte, dass er kommen würde*) belongs to the message."""
    cue = getattr(quotation, "cue", None)
    start, end = getattr(cue, "start", None), getattr(cue, "end", None)
    if not rules.counterfactual or not isinstance(start, int) or not isinstance(end, int):
        return False
    text = document.text
    sentence_start = _sentence_start(text, start)
    stop = _CLAUSE_STOP.search(text, end)
    clause = text[sentence_start : stop.start() if stop else len(text)]
    for word in clause.lower().split():
        word = word.strip("()„“”\"»«'–-")
        if word in _CONTENT_CONJUNCTION:
            return False
        if word in rules.counterfactual:
            return True
    return False


def _opens_with_modal_man(
    quotation: Any,
    document: Document,
    rules: _VoiceRules,
    spans: list[tuple[int, int]] | None = None,
) -> bool:
    """True for a message that opens with the writer's own generalising frame, a modal
    verb and *man* (*Demnach kann man wohl behaupten, dass …*, where the quotation layer
    took the adverb *Demnach* for both source and cue): the writer concludes, no one is
    cited. A named source (*Laut Polizei kann man von einem Anschlag ausgehen*) stays.
    A reported *man müsse …* (Konjunktiv I) opens with *man*, not with a listed modal.
    ``spans`` are the message's spans (:func:`_message_spans`) when the caller has them."""
    if spans is None:
        spans = _message_spans(quotation)
    if not spans or not rules.generalising_man:
        return False
    speaker, cue = getattr(quotation, "speaker", None), getattr(quotation, "cue", None)
    if speaker is not None and cue is not None and getattr(speaker, "text", "") != cue.text:
        return False  # Laut Polizei kann man von einem Anschlag ausgehen: the police's view
    words = [w.strip(",;:()").lower() for w in document.text[spans[0][0] : spans[0][1]].split()[:3]]
    return len(words) > 1 and words[0] in rules.generalising_man and "man" in words[1:3]


def _unrealised_cue(quotation: Any, document: Document, rules: _VoiceRules) -> bool:
    """True when the cue verb's clause opens with a phrase of ``unrealised`` (*ohne dass*,
    *ohne zu*; not *Ohne Zweifel sagte er, …*): the
    speech act did not take place (*…, ohne dass ich gefragt worden bin, ob …*; *…, ohne
    zu sagen, dass …*), so no one made the claim; the writer states it."""
    cue = getattr(quotation, "cue", None)
    start = getattr(cue, "start", None)
    if not rules.unrealised or not isinstance(start, int):
        return False
    text = document.text
    clause_start = max(
        text.rfind(",", 0, start),
        text.rfind(";", 0, start),
        text.rfind(":", 0, start),
        text.rfind(".", 0, start),
        text.rfind("!", 0, start),
        text.rfind("?", 0, start),
        text.rfind("\n", 0, start),
    )
    end = getattr(cue, "end", start)
    opening = " ".join(text[clause_start + 1 : end].lower().split()[:2])
    return opening in rules.unrealised


def _modal_agentless(quotation: Any, document: Document, rules: _VoiceRules) -> bool:
    """True for an agentless passive cue under a modal of obligation or possibility: the
    writer's demand or assessment, no one's report (*Es sollte darüber gesprochen werden,
    ob …*; *Es muss gesagt werden, dass …*). Hearsay *soll* (*Ihm soll mitgeteilt worden
    sein, dass …*) is not such a modal and stays attributed."""
    if not getattr(quotation, "agentless", False) or getattr(quotation, "speaker", None):
        return False
    return _frame_has(quotation, document, rules.passive_modal)


@cache
def _fixed_konjunktiv_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all the phrases (any non-word run between words)."""
    if not phrases:
        return None
    alternatives = [r"\W+".join(map(re.escape, phrase.split())) for phrase in phrases]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


#: A verb and *Sie* at the start: the formal imperative or an inverted question.
_FORMAL_IMPERATIVE = re.compile(r"[A-ZÄÖÜ]\w*en\s+Sie\b")


def _formal_imperative(text: str) -> bool:
    """True for words that open with a verb and *Sie*: the formal imperative (or an
    inverted question), which has the form of the Konjunktiv I (Verbreiten Sie ...!)."""
    return _FORMAL_IMPERATIVE.match(text) is not None


def _indicative_main_clause(quotation: Any, document: Document, rules: _VoiceRules) -> bool:
    """A free indirect "quotation" whose first clause has an indicative finite verb."""
    start, end = getattr(quotation, "start", 0), getattr(quotation, "end", 0)
    head = document.text[start:end].split(",", 1)[0]
    words = {w.strip(".;:!?()«»„“”\"'").lower() for w in head.split()}
    return bool(words & rules.indicative)


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(intervals) < 2:  # nothing to sort or join (most lists here)
        if not intervals:
            return []
        # the one interval as a new pair (what the comprehension over it gave, no
        # comprehension to create and call)
        start, end = intervals[0]
        return [(start, end)]
    merged: list[tuple[int, int]] = []
    ordered = iter(sorted(intervals))
    # the open interval in locals (appended when the next one starts after it)
    low, high = next(ordered)
    for start, end in ordered:
        if start <= high:
            if end > high:
                high = end
        else:
            merged.append((low, high))
            low, high = start, end
    merged.append((low, high))
    return merged


def _subtract(
    intervals: list[tuple[int, int]], remove: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Merged ``intervals`` minus merged ``remove``."""
    out: list[tuple[int, int]] = []
    j = 0
    for start, end in intervals:
        while j < len(remove) and remove[j][1] <= start:
            j += 1
        k = j
        while k < len(remove) and remove[k][0] < end:
            a, b = remove[k]
            if a > start:
                out.append((start, a))
            start = max(start, b)
            k += 1
        if start < end:
            out.append((start, end))
    return out


def _inside(intervals: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and intervals[k][0] <= offset < intervals[k][1]


def _quoted_intervals(document: Document) -> list[tuple[int, int]]:
    """Merged character intervals of the non-author voices (quoted and attributed)."""
    layer = voice_layer(document)
    return _merge(layer.quoted + layer.attributed)


#: A scare quote (um ihn zu „informieren“) is the author's own distancing marker, like
#: "angeblich" or "sogenannt": the writer holds the word up with tongs. The quotation
#: finder decides what is a scare quote (not speech, not a name or title). Weight 1, like
#: "sogenannt": a single word in quote marks is also a term being mentioned ("Streuen",
#: d.h. ...) or a name the finder could not tell (eine fiktive "Jane"); measured on the
#: train split (SUBJ/OBJ ratio 3.4, that of the weight-1 categories): AUC 0.857 -> 0.859.
SCARE_QUOTE_ENTRY = LexiconEntry(
    lemma="„…“",
    category="distancing",
    weight=1,
    neutral="the word without quote marks",
    note="scare quotes: quote marks that distance the author from a word (found by mediakit.quotes)",
)


def _scare_quote_hits(document: Document) -> list[tuple[int, int, LexiconEntry, str, bool]]:
    scare = _quotes_of(document).scare_quotes
    if not scare:
        return []
    # Only a single quoted word is the classic scare quote; a quoted phrase is as often
    # a partial quotation or a name the quotation finder could not attribute.
    text = document.text
    return [
        (span.start, span.end, SCARE_QUOTE_ENTRY, "scare_quote", False)
        for span in scare
        if len(span.text.split()) == 1 and not _mentioned_term(text, span.start, span.end)
    ]


def _mentioned_term(text: str, start: int, end: int) -> bool:
    """A quoted word that is mentioned, not used with tongs: a term the writer explains
    right after it (im „Feierabendverkehr“, also dann, wenn ...; „Streuen“, d.h. ...;
    „Natron“ (Natriumcarbonat)). Word list: ``term_explainers`` of
    ``data/evaluative_context_words.tsv``. (A word named as a word, der Begriff „X“,
    was tried as well: no gain on train, a loss on dev.)

    >>> _mentioned_term("Im „Berufsverkehr“, also abends, ist es voll.", 3, 18)
    True
    >>> _mentioned_term("Die „Experten“ irren.", 4, 14)
    False
    """
    after = text[end : end + 40].lstrip(" ,\u00a0")
    following = after.split(maxsplit=1)[0].lower() if after.strip() else ""
    explainers = context_words("term_explainers")
    return following[:1] in explainers or following in explainers


def words_in(word_starts: list[int], intervals: list[tuple[int, int]]) -> int:
    """How many words start inside the merged ``intervals``."""
    return sum(
        bisect_left(word_starts, end) - bisect_left(word_starts, start) for start, end in intervals
    )
