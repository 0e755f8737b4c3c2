"""The one parse every measure reads: tokens, sentences, paragraphs and quote regions.

A text is parsed once into a :class:`Document`: a ``spacy.blank("de")`` ``Doc`` (our
tokenizer exceptions, our sentence rules set as ``is_sent_start``), the paragraph
spans, the quote regions found by pairing quotation marks, and per-token lookups
(sentence, paragraph, quote depth, is-word). Readability, quotations and evaluative
vocabulary all take a ``Document`` (or a string, which they parse through
:func:`parse`, cached), so nothing re-tokenises.

Sentence rules, in short:

* paragraph breaks (blank lines, or a line break that does not look like a wrapped
  line) are hard boundaries, so a headline without a full stop is its own sentence;
* ``.``, ``!``, ``?``, ``…`` end a sentence only when a new sentence plausibly
  starts after them (capital letter, digit, opening quote or bracket, end of text);
* dates, times, ordinals (``am 3. Februar``, ``Albert II. von``), initials
  (``C.Y. Leung``) and abbreviations (``z. B.``, ``Dr.``) do not end a sentence;
  ``usw.``/``etc.`` may, and so does a number after a noun (``auf Platz 19. Trainer``);
* a semicolon ends a sentence, as in Flesch's own counting rules (a grammatically
  independent unit ending in ``;``), unless a number follows or it stands inside
  brackets (``(vgl. S. 3; S. 7)``);
* quotation-aware: the punctuation that closes a quotation does not end the sentence
  inside the quotation, the boundary moves behind the closing mark and only if a
  new sentence follows (``Sie sagt: „Ich komme zu spät!“`` is one sentence,
  ``„Schade!“, sagte er.`` too). A quotation opened inside a sentence (after its
  frame, ``sagte: „…“``) is never split; a quotation that starts a sentence of its
  own may hold several sentences.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from functools import cache, partial, reduce
from itertools import accumulate, compress, pairwise, repeat
from operator import add, attrgetter, iconcat, itemgetter, not_
from typing import TYPE_CHECKING, Any

from .tables import load_table
from .web_addresses import ADDRESS_END, is_web_address

if TYPE_CHECKING:  # spaCy is imported lazily: it costs most of the start-up time
    pass

__all__ = [
    "Document",
    "QuoteRegion",
    "TextSpan",
    "as_document",
    "check_text",
    "parse",
    "split_sentences",
    "tokenize",
]

#: Texts longer than this are refused (a ``ValueError``), so nothing can hang.
MAX_CHARS = 20_000_000


# The two span classes below write their own __init__ (init=False): the one dataclass
# generates stores each field with object.__setattr__ (they are frozen), a slot
# wrapper that unpacks an argument tuple and looks the name up, field by field; the
# slot's own member descriptor stores the same value in the same slot, in about half
# the time (spans are made for every sentence and every piece of evidence). An
# instance of a subclass takes the generated way (a subclass may redefine a field).
# tests/test_fast_paths_p.py compares the instances with those of the generated code.


@dataclass(frozen=True, slots=True, init=False)
class TextSpan:
    """A piece of evidence: character offsets into the analysed text, and that text.

    >>> TextSpan(0, 4, "Kurz").to_dict()
    {'start': 0, 'end': 4, 'text': 'Kurz', 'label': ''}
    """

    start: int
    end: int
    text: str
    label: str = ""

    def __init__(self, start: int, end: int, text: str, label: str = "") -> None:
        if type(self) is TextSpan:
            _SET_SPAN_START(self, start)
            _SET_SPAN_END(self, end)
            _SET_SPAN_TEXT(self, text)
            _SET_SPAN_LABEL(self, label)
        else:
            _set_fields(self, (start, end, text, label))

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and pandas: ``{"start", "end", "text", "label"}``."""
        return asdict(self)

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True, init=False)
class QuoteRegion:
    """A stretch of text between a quotation mark and its partner.

    ``end`` is behind the closing mark; an unclosed region ends at its paragraph's
    end and has ``closed=False``. ``depth`` is 0 for an outer region, 1 for a region
    nested in it, and so on.

    >>> r = parse("Sie sagt: „Ich komme.“").quote_regions[0]
    >>> (r.open_mark, r.close_mark, r.inner_text)
    ('„', '“', 'Ich komme.')
    """

    start: int
    end: int
    open_mark: str
    close_mark: str
    closed: bool
    depth: int
    text: str = field(repr=False, default="")

    def __init__(
        self,
        start: int,
        end: int,
        open_mark: str,
        close_mark: str,
        closed: bool,
        depth: int,
        text: str = "",
    ) -> None:
        if type(self) is QuoteRegion:
            _SET_REGION_START(self, start)
            _SET_REGION_END(self, end)
            _SET_REGION_OPEN_MARK(self, open_mark)
            _SET_REGION_CLOSE_MARK(self, close_mark)
            _SET_REGION_CLOSED(self, closed)
            _SET_REGION_DEPTH(self, depth)
            _SET_REGION_TEXT(self, text)
        else:
            _set_fields(self, (start, end, open_mark, close_mark, closed, depth, text))

    @property
    def inner_start(self) -> int:
        """Offset of the first character after the opening mark."""
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        """Offset of the closing mark (or of the region's end when unclosed)."""
        return self.end - len(self.close_mark)

    @property
    def inner_text(self) -> str:
        """The quoted words without their marks."""
        return self.text[len(self.open_mark) : len(self.text) - len(self.close_mark) or None]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with offsets, marks, ``closed`` and ``depth``."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "open_mark": self.open_mark,
            "close_mark": self.close_mark,
            "closed": self.closed,
            "depth": self.depth,
        }


def _set_fields(instance: Any, values: tuple[Any, ...]) -> None:
    """What a generated frozen ``__init__`` does: each field with ``object.__setattr__``."""
    for f, value in zip(fields(instance), values, strict=True):
        object.__setattr__(instance, f.name, value)


# the slots' member descriptors' setters (the classes are frozen: no plain assignment)
_SET_SPAN_START, _SET_SPAN_END, _SET_SPAN_TEXT, _SET_SPAN_LABEL = (
    vars(TextSpan)[name].__set__ for name in ("start", "end", "text", "label")
)
(
    _SET_REGION_START,
    _SET_REGION_END,
    _SET_REGION_OPEN_MARK,
    _SET_REGION_CLOSE_MARK,
    _SET_REGION_CLOSED,
    _SET_REGION_DEPTH,
    _SET_REGION_TEXT,
) = (vars(QuoteRegion)[f.name].__set__ for f in fields(QuoteRegion))


# ---------------------------------------------------------------------------
# Input checks shared by every public entry point
# ---------------------------------------------------------------------------

_HTML_DOCUMENT = re.compile(r"<\s*(html|body|head|script|style|div|p|article)\b[^>]*>", re.I)


def check_text(text: object, *, what: str = "text") -> str:
    """Return ``text`` as a plain ``str`` if it is usable; otherwise raise a clear error.

    A ``str`` subclass (``numpy.str_``, say) comes back as its plain ``str`` value.

    ``None``, bytes, numbers and lists raise ``TypeError``; a whole HTML page or a
    text over :data:`MAX_CHARS` raises ``ValueError`` (HTML: extract it first with
    :func:`mediakit.text_from_html`). Empty text is fine.

    >>> check_text("Guten Tag.")
    'Guten Tag.'
    >>> check_text(b"Guten Tag.")
    Traceback (most recent call last):
    TypeError: text: erwartet wird ein Text (str), nicht bytes; erst dekodieren, z. B. data.decode("utf-8")
    """
    if isinstance(text, str):
        if type(text) is not str:
            # numpy.str_ or another subclass: its plain str value, so neither spaCy nor
            # a cache ever sees the subclass's own methods (__eq__, __hash__, __len__)
            text = str.__str__(text)
        if len(text) > MAX_CHARS:
            raise ValueError(
                f"{what}: der Text ist zu lang ({len(text):,} Zeichen, höchstens {MAX_CHARS:,}); "
                "teilen Sie ihn in Dokumente und nutzen Sie mediakit.analyze_many"
            )
        if text.find("<", 0, 5000) >= 0 and _looks_like_html(text):  # most hold no "<"
            raise ValueError(
                f"{what}: das sieht aus wie eine HTML-Seite; erst den Artikel herauslösen mit "
                "mediakit.text_from_html(html) (oder die .html-Datei an `mediakit compare` geben)"
            )
        return text
    if text is None:
        raise TypeError(f"{what}: erwartet wird ein Text (str), nicht None")
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"{what}: erwartet wird ein Text (str), nicht {type(text).__name__}; "
            'erst dekodieren, z. B. data.decode("utf-8")'
        )
    raise TypeError(f"{what}: erwartet wird ein Text (str), nicht {type(text).__name__}")


def _looks_like_html(text: str) -> bool:
    """A page, not prose that mentions a tag: markup from the first character, a
    document tag (<html>, <body>, <head>), or several block tags with their ends."""
    if text.find("<", 0, 5000) < 0:
        return False
    head = text[:5000]
    stripped = head.lstrip()
    if stripped[:1] == "<" and _HTML_DOCUMENT.match(stripped):
        return True
    tags = [t.lower() for t in _HTML_DOCUMENT.findall(head)]
    if any(t in {"html", "body", "head"} for t in tags):
        return True
    closing = len(re.findall(r"</\s*(?:script|style|div|p|article)\s*>", head, re.I))
    return len(tags) >= 3 and closing >= 2


# ---------------------------------------------------------------------------
# Quote regions
# ---------------------------------------------------------------------------

_MAX_QUOTE_DEPTH = 3
_OPENING_CONTEXT = set("([{/–—-\u00a0") | {"\n", "\t", " "}
_CLOSING_CONTEXT = set(".,;:!?)]}/–—-…\u00a0") | {"\n", "\t", " "}


@cache
def _quote_mark_table() -> dict[str, tuple[str, str]]:
    return {row["mark"]: (row["role"], row["closes_with"]) for row in load_table("quote_marks.tsv")}


@cache
def _quote_chars() -> frozenset[str]:
    return frozenset("".join(_quote_mark_table()))


@cache
def _quote_mark_pattern() -> re.Pattern[str]:
    marks = sorted(_quote_mark_table(), key=len, reverse=True)
    # ",," only counts as a typed quote when a word follows it directly.
    alternatives = [r",,(?=\w)" if m == ",," else re.escape(m) for m in marks]
    return re.compile("|".join(alternatives))


@cache
def _single_mark_search() -> tuple[Callable[[str], Any], tuple[str, ...]]:
    """A charset search for the one-character marks, and the longer marks (``,,``)."""
    table = _quote_mark_table()
    singles = "".join(sorted(m for m in table if len(m) == 1))
    longer = tuple(m for m in table if len(m) > 1)
    return re.compile(f"[{re.escape(singles)}]").search, longer


def _no_quote_mark(text: str) -> bool:
    """True when no mark of the quote-mark table occurs in ``text`` (a charset search)."""
    search, longer = _single_mark_search()
    return search(text) is None and not any(map(text.__contains__, longer))


def find_quote_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteRegion]:
    """Pair quotation marks paragraph by paragraph.

    Tolerant by design: a closing mark of the wrong style still closes what is open
    when it stands at a word end, apostrophes inside words are ignored, nesting is
    capped, and anything left open is closed at its paragraph's end.

    >>> [r.text for r in find_quote_regions("Er sagte „ja“ und »nein«.", [(0, 25)])]
    ['„ja“', '»nein«']
    """
    if _no_quote_mark(text):
        return []  # most sentences: nothing to pair
    return _pair_quote_marks(text, paragraphs)


@cache
def _mark_facts() -> dict[str, tuple[str, str, int, bool, bool]]:
    """mark -> (role, accepted closers, length, may be an apostrophe or inch sign inside
    a word, may close a quotation of another style)."""
    return {
        mark: (role, closers, len(mark), mark in "'’‘\"", mark not in "’'")
        for mark, (role, closers) in _quote_mark_table().items()
    }


@cache
def _mark_contexts() -> tuple[frozenset[str], frozenset[str]]:
    """The characters before an opening mark and after a closing mark (quote marks too)."""
    quote_chars = _quote_chars()
    return frozenset(_OPENING_CONTEXT | quote_chars), frozenset(_CLOSING_CONTEXT | quote_chars)


def _pair_quote_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteRegion]:
    """:func:`find_quote_regions` for a text that holds a quotation mark."""
    facts = _mark_facts()
    finditer = _quote_mark_pattern().finditer
    opening_context, closing_context = _mark_contexts()
    regions: list[QuoteRegion] = []
    append = regions.append
    for par_start, par_end in paragraphs:
        stack: list[tuple[int, str, str]] = []  # (start, mark, accepted closers)
        for match in finditer(text, par_start, par_end):
            mark, pos = match.group(), match.start()
            role, closers, length, apostrophe, may_close = facts[mark]
            before = text[pos - 1] if pos > par_start else "\n"
            after_pos = pos + length
            after = text[after_pos] if after_pos < par_end else "\n"
            if apostrophe and before.isalnum() and after.isalnum():
                continue  # apostrophe inside a word (war's, geht’s) or inch sign
            left = before in opening_context and not after.isspace()
            right = not before.isspace() and (after in closing_context or after.isspace())
            top_accepts = bool(stack) and mark in stack[-1][2]
            if top_accepts and (right or not left or role == "close" or stack[-1][1] == mark):
                start, open_mark, _ = stack.pop()
                append(
                    QuoteRegion(
                        start, after_pos, open_mark, mark, True, len(stack), text[start:after_pos]
                    )
                )
            elif role != "close" and left and not (top_accepts and right):
                if len(stack) < _MAX_QUOTE_DEPTH:
                    stack.append((pos, mark, closers))
            elif stack and right and role != "open" and may_close:
                start, open_mark, _ = stack.pop()  # wrong style, but clearly a closing mark
                append(
                    QuoteRegion(
                        start, after_pos, open_mark, mark, True, len(stack), text[start:after_pos]
                    )
                )
            elif role == "open" and not right and len(stack) < _MAX_QUOTE_DEPTH:
                stack.append((pos, mark, closers))
        end = par_end
        while end > par_start and text[end - 1].isspace():
            end -= 1
        while stack:
            start, open_mark, _ = stack.pop()
            append(
                _region(
                    text, start, max(end, start + len(open_mark)), open_mark, "", False, len(stack)
                )
            )
    # every region starts at its own opening mark, so ordering by start alone is the
    # order by (start, -end): a region before the regions nested in it
    regions.sort(key=_START)
    return regions


_START = attrgetter("start")


def _region(
    text: str, start: int, end: int, open_mark: str, close_mark: str, closed: bool, depth: int
) -> QuoteRegion:
    return QuoteRegion(start, end, open_mark, close_mark, closed, depth, text[start:end])


# ---------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
# str.splitlines breaks at exactly these characters; a break at the very end leaves
# one line, so that case is checked apart (the last character, no search)
_BREAK_CHARS = frozenset("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans (start, end), trailing whitespace excluded.

    A blank line always separates paragraphs. A single line break does too, unless
    the text looks hard-wrapped there (the line ends in a lowercase letter, comma or
    hyphen and the next one starts in lowercase).

    >>> find_paragraphs("Titel\\nErster Satz.\\n\\nZweiter Absatz.")
    [(0, 5), (6, 18), (20, 35)]
    """
    return _paragraph_spans(text, text.isprintable())


def _paragraph_spans(text: str, printable: bool) -> list[tuple[int, int]]:
    """:func:`find_paragraphs`, told whether ``text.isprintable()`` (then it holds no
    line break: every break character is unprintable)."""
    spans: list[tuple[int, int]] = []
    if printable or (
        len(text) < 4096 and len(text.splitlines()) < 2 and text[-1:] not in _BREAK_CHARS
    ):
        # no line break at all (a sentence, a comment): one paragraph, no search
        _append_paragraph(text, spans, 0, len(text))
        return spans
    start = 0
    for match in _LINE_BREAK.finditer(text):
        brk, nxt = match.start(), match.end()
        prev_line = text[start:brk].rstrip()
        following = text[nxt : nxt + 1]
        wrapped = (
            prev_line
            and (prev_line[-1].islower() or prev_line[-1] in ",-")
            and following.islower()
            and _blank_before(text, brk)
        )
        if wrapped:
            continue
        _append_paragraph(text, spans, start, brk)
        start = nxt
    _append_paragraph(text, spans, start, len(text))
    return spans


def _blank_before(text: str, brk: int) -> bool:
    """True when the break at ``brk`` is a single line break (no blank line before it)."""
    return not (brk > 0 and text[brk - 1] in "\n\r")


def _append_paragraph(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# ---------------------------------------------------------------------------
# The spaCy pipeline (one per process)
# ---------------------------------------------------------------------------


@cache
def _abbreviations() -> dict[str, bool]:
    return {row["abbreviation"]: row["can_end"] == "yes" for row in load_table("abbreviations.tsv")}


@cache
def nlp():
    """The shared ``spacy.blank("de")`` pipeline with mediakit's tokenizer exceptions.

    >>> nlp().lang
    'de'
    """
    import spacy
    from spacy.symbols import ORTH

    pipeline = spacy.blank("de")
    pipeline.max_length = MAX_CHARS + 1
    vocab: Any = pipeline.vocab  # spaCy's stubs lack lex_attr_getters
    vocab.lex_attr_getters = _quick_lexical_attributes(vocab.lex_attr_getters)
    global _WORD_FLAG
    # is_word once per word form, as a lexeme flag: a Document reads it with the offsets
    _WORD_FLAG = vocab.add_flag(is_word)
    tokenizer: Any = pipeline.tokenizer  # typed as a plain callable by spaCy
    tokenizer.prefix_search = _LettersHaveNoAffix(tokenizer.prefix_search, None).search
    tokenizer.suffix_search = _LettersHaveNoAffix(tokenizer.suffix_search, None).search
    tokenizer.infix_finditer = _LettersHaveNoAffix(tokenizer.infix_finditer, ()).search
    tokenizer.suffix_search = _AddressKeepsItsEnd(tokenizer.suffix_search).search
    for abbreviation in _abbreviations():
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # spaCy caches the tokens of each chunk (a run without spaces) but stops adding
    # entries at 10,000: a corpus run then splits every later new chunk's affixes again
    # on each sight. The pipeline is rebuilt past VOCABULARY_LIMIT forms, which bounds
    # the cache as well (the cache only saves work: the tokens are the same).
    tokenizer.max_cache_size = _CHUNK_CACHE_LIMIT
    return pipeline


# ---------------------------------------------------------------------------
# Linear-time tokenisation of long runs without spaces
# ---------------------------------------------------------------------------

# spaCy strips a chunk's prefixes and suffixes one at a time, and every step searches
# and copies the whole rest of the chunk: a run of 16,000 "(" or emoji costs minutes.
# Chunks longer than this go through _peel_affixes first (same tokens, linear time).
_LONG_CHUNK = re.compile(r"(?<!\S)\S{65,}")
_NO_BLANK_RUN = re.compile(r"[^ ]{65}")
_PEEL_WINDOW = 16  # characters an affix search sees (spaCy's affixes are 1-3 characters)
_ADDRESS_LIMIT = 2048  # a longer chunk is not taken for a web address while peeling
_PEEL_MARGIN = 6  # a match this close to the window's edge is searched again in full


def tokenize(text: str) -> Any:
    """spaCy's tokens of ``text`` in time linear in its length (a spaCy ``Doc``).

    Ordinary text goes to spaCy's tokenizer as it is. A chunk of more than 64
    characters without a space has its prefixes and suffixes stripped by the same
    rules, step by step, but each step searches only a window at the chunk's edge, so
    a run of 16,000 ``(`` takes milliseconds instead of minutes; the rest goes to
    spaCy. The tokens are spaCy's (``tests/test_document.py`` compares them).

    >>> [t.text for t in tokenize("Na " + "!" * 3 + "?")]
    ['Na', '!', '!', '!', '?']
    """
    _bound_vocabulary()
    tokenizer = nlp().tokenizer
    if not _has_long_chunk(text):
        _warm_chunks(tokenizer, text)
        return tokenizer(text)
    from spacy.attrs import IDX, LENGTH, SPACY
    from spacy.tokens import Doc

    chunks = list(_LONG_CHUNK.finditer(text))
    # Every long chunk stands in as one all-letter token of the same length, so
    # spaCy handles the whitespace around it exactly as around the chunk.
    pieces, last = [], 0
    for chunk in chunks:
        pieces += [text[last : chunk.start()], "x" * (chunk.end() - chunk.start())]
        last = chunk.end()
    pieces.append(text[last:])
    outline = tokenizer("".join(pieces))
    rows = outline.to_array([IDX, LENGTH, SPACY]).tolist()
    chunk_at = {chunk.start(): chunk.end() for chunk in chunks}
    words: list[str] = []
    spaces: list[bool] = []
    for start, length, space in rows:
        end = chunk_at.get(start)
        if end is None or length != end - start:
            words.append(text[start : start + length])
            spaces.append(bool(space))
            continue
        chunk_words = _peel_affixes(tokenizer, text, start, end)
        words += chunk_words
        spaces += [False] * (len(chunk_words) - 1) + [bool(space)]
    return Doc(tokenizer.vocab, words=words, spaces=spaces)


# The chunks (runs without whitespace) already tokenized on their own since the
# pipeline was built (see _warm_chunks); emptied with the pipeline.
_WARM_CHUNKS: set[str] = set()
#: texts from this length on have their new chunks tokenized one by one first
_WARM_FROM_CHARS = 1500


def _warm_chunks(tokenizer: Any, text: str) -> None:
    """Tokenize each chunk of ``text`` not met before on its own, so spaCy caches it.

    spaCy caches the tokens of every chunk, except for the rest of a text once one
    chunk was a special case (an abbreviation: ``z. B.``, ``Nov.``; spaCy issue 1250):
    in a long text every later chunk then has its affixes split again on each sight,
    and a corpus run keeps doing that for the same texts. A chunk tokenized on its own
    is cached unless it is a special case itself, with the tokens spaCy gives it in
    any text (chunks are split one by one; special cases across chunks are matched on
    the whole text afterwards). Short texts have few chunks after a special case, and
    there the check costs more than it saves.
    """
    if len(text) < _WARM_FROM_CHARS or len(_WARM_CHUNKS) >= _CHUNK_CACHE_LIMIT:
        return  # short, or spaCy's cache is full: nothing to gain
    new = set(text.split()).difference(_WARM_CHUNKS)
    for chunk in new:
        tokenizer(chunk)
    _WARM_CHUNKS.update(new)


def _has_long_chunk(text: str) -> bool:
    """True when ``text`` holds more than 64 characters without a space."""
    if len(text) <= 64:
        return False
    # a run of 65 non-whitespace characters is a run of 65 characters other than " ":
    # without one of those (ordinary prose), no long chunk; this search is the cheap one
    if _NO_BLANK_RUN.search(text) is None:
        return False
    if len(text) <= 50_000:  # splitting is faster than the expression on short texts
        return max(map(len, text.split())) > 64
    return _LONG_CHUNK.search(text) is not None


def _peel_affixes(tokenizer: Any, text: str, lo: int, hi: int) -> list[str]:
    """The tokens of the chunk ``text[lo:hi]``: spaCy's affix loop, with windowed searches.

    The loop mirrors ``Tokenizer._split_affixes`` (a prefix and a suffix per step,
    stop at a special case) while the rest is long; the short rest goes to spaCy,
    which continues the same loop from there.
    """
    prefix_search, suffix_search = tokenizer.prefix_search, tokenizer.suffix_search
    specials = tokenizer.rules or {}
    longest = max(map(len, specials), default=0)  # a longer rest is never a special case
    prefixes: list[str] = []
    suffixes: list[str] = []
    # a run repeats its windows ("„“„“…", "😂😂…"): each window is searched once per chunk
    # (only windows whose answer does not depend on the text beyond them are kept)
    pre_seen: dict[str, int] = {}
    suf_seen: dict[str, int] = {}
    while hi - lo > 2 * _PEEL_WINDOW:
        if hi - lo <= longest and text[lo:hi] in specials:
            break
        if hi - lo <= _ADDRESS_LIMIT and is_web_address(text[lo:hi].rstrip(ADDRESS_END)):
            break  # spaCy's own loop keeps the address whole (see _AddressKeepsItsEnd)
        pre = _prefix_length(prefix_search, text, lo, hi, pre_seen)
        if pre and hi - lo - pre <= longest and text[lo + pre : hi] in specials:
            prefixes.append(text[lo : lo + pre])
            lo += pre
            break
        suf = _suffix_length(suffix_search, text, lo + pre, hi, suf_seen)
        if suf and hi - lo - suf <= longest and text[lo : hi - suf] in specials:
            suffixes.append(text[hi - suf : hi])
            hi -= suf
            break
        if pre and suf and pre + suf <= hi - lo:
            prefixes.append(text[lo : lo + pre])
            suffixes.append(text[hi - suf : hi])
            lo, hi = lo + pre, hi - suf
        elif pre:
            prefixes.append(text[lo : lo + pre])
            lo += pre
        elif suf:
            suffixes.append(text[hi - suf : hi])
            hi -= suf
        else:
            break
    if not prefixes and not suffixes:
        return _spacy_words(tokenizer, text[lo:hi])
    core = _spacy_words(tokenizer, text[lo:hi]) if hi > lo else []
    words = [*prefixes, *core, *reversed(suffixes)]
    peeled = [True] * len(prefixes) + [False] * len(core) + [True] * len(suffixes)
    return _merge_special_cases(words, peeled, specials, longest)


def _spacy_words(tokenizer: Any, text: str) -> list[str]:
    return [token.text for token in tokenizer(text)]


def _merge_special_cases(
    words: list[str], peeled: list[bool], specials: Any, longest: int
) -> list[str]:
    """Join peeled neighbours that form one of spaCy's special cases (an emoticon like ``;)``),
    as spaCy's special-case matcher does after its own affix loop."""
    merged: list[str] = []
    # a joined group starts with a word that is a proper prefix of a special case: any
    # other word is kept as it is, without joining (most of a long run of marks)
    starters = _special_prefixes(specials)
    i, n = 0, len(words)
    while i < n:
        if words[i] not in starters:
            merged.append(words[i])
            i += 1
            continue
        for size in (3, 2):
            group = words[i : i + size]
            if len(group) == size and any(peeled[i : i + size]):
                joined = "".join(group)
                if len(joined) <= longest and joined in specials:
                    merged.append(joined)
                    i += size
                    break
        else:
            merged.append(words[i])
            i += 1
    return merged


# the special cases (the tokenizer's rules), their number, and their proper prefixes
_PREFIXES: tuple[Any, int, frozenset[str]] = (None, 0, frozenset())


def _special_prefixes(specials: Any) -> frozenset[str]:
    """Every proper prefix of a special case (built again only when the rules change)."""
    global _PREFIXES
    if _PREFIXES[0] is not specials or _PREFIXES[1] != len(specials):
        prefixes = frozenset(case[:k] for case in specials for k in range(1, len(case)))
        _PREFIXES = (specials, len(specials), prefixes)
    return _PREFIXES[2]


def _prefix_length(
    search: Any, text: str, lo: int, hi: int, seen: dict[str, int] | None = None
) -> int:
    end = min(hi, lo + _PEEL_WINDOW)
    window = text[lo:end]
    inner = end < hi  # the window is not the whole rest
    if inner and seen is not None and window in seen:
        return seen[window]
    match = search(window)
    if match is None:
        length = 0
    elif inner and match.end() > end - lo - _PEEL_MARGIN:
        match = search(text[lo:hi])  # a long affix ("......"): taken whole, once
        return match.end() - match.start()  # depends on the text beyond the window
    else:
        length = match.end() - match.start()
    if inner and seen is not None:
        seen[window] = length
    return length


def _suffix_length(
    search: Any, text: str, lo: int, hi: int, seen: dict[str, int] | None = None
) -> int:
    if hi <= lo:
        return 0
    start = max(lo, hi - _PEEL_WINDOW)
    window = text[start:hi]
    inner = start > lo
    if inner and seen is not None and window in seen:
        return seen[window]
    match = search(window)
    if match is None:
        length = 0
    elif inner and match.start() < _PEEL_MARGIN:
        match = search(text[lo:hi])
        return match.end() - match.start()
    else:
        length = match.end() - match.start()
    if inner and seen is not None:
        seen[window] = length
    return length


#: spaCy's flag id of :func:`is_word` (set when the pipeline is built, see :func:`nlp`)
_WORD_FLAG = 0


@cache
def _spacy_attributes() -> list[int]:
    """spaCy's attribute ids IDX, LENGTH and SENT_START (imported on first use)."""
    from spacy.attrs import IDX, LENGTH, SENT_START

    return [IDX, LENGTH, SENT_START]


class _LettersHaveNoAffix:
    """One of spaCy's affix searches, answering "nothing" for an all-letter string at once.

    Every German prefix, suffix and infix rule of spaCy needs a character that is no
    letter: a punctuation mark, a symbol, or a digit before a unit (``20km``). An
    all-letter string can therefore never match, but the searches, alternations of
    hundreds of patterns, take several microseconds to find that out, and spaCy asks
    for every word form it has not seen before (``tests/test_document.py`` checks
    the claim for every letter of Unicode). ``pattern`` is kept for spaCy's
    serialisation, which stores the original expression.
    """

    __slots__ = ("nothing", "pattern", "regex_search")

    def __init__(self, regex_search: Any, nothing: Any) -> None:
        self.regex_search = regex_search
        self.pattern = regex_search.__self__.pattern
        self.nothing = nothing

    def search(self, string: str) -> Any:
        if string.isalpha():
            return self.nothing
        return self.regex_search(string)


class _AddressKeepsItsEnd:
    """spaCy's suffix search, but a web or e-mail address stays one token.

    spaCy splits a trailing ``/`` off a URL (``https://tkp.at/x/``) and keeps a full
    stop after a ``/`` on it (``…/x/.``). Here punctuation that ends the sentence after
    an address is split off one mark at a time (:data:`~mediakit.web_addresses.ADDRESS_END`),
    and an address itself has no suffix, so spaCy's ``url_match`` takes it whole.
    """

    __slots__ = ("pattern", "regex_search")

    def __init__(self, regex_search: Any) -> None:
        self.regex_search = regex_search
        self.pattern = regex_search.__self__.pattern

    def search(self, string: str) -> Any:
        if "." in string and not string.isalpha():
            core = string.rstrip(ADDRESS_END)
            if is_web_address(core):
                return _LAST_CHARACTER.search(string) if core != string else None
        return self.regex_search(string)


_LAST_CHARACTER = re.compile(r".\Z", re.DOTALL)


def _quick_lexical_attributes(getters: dict[int, Any]) -> dict[int, Any]:
    """spaCy's lexical attribute functions, with shortcuts that give the same values.

    spaCy computes 23 attributes for every word form it meets for the first time
    (and again for rare forms once its vocabulary is large). For an all-letter
    string several of them are known at once: it is no URL, e-mail address, number,
    punctuation or currency, and its shape is ``xxxx`` or ``Xxxxx``. Only spaCy's
    generic functions are replaced; ``tests/test_document.py`` compares the values.
    """
    from spacy import attrs
    from spacy.lang import lex_attrs

    quick = dict(getters)
    generic: Any  # spaCy's attribute functions differ in their signatures
    for attr, generic in (
        (attrs.LIKE_URL, lex_attrs.like_url),
        (attrs.LIKE_EMAIL, lex_attrs.like_email),
        (attrs.LIKE_NUM, lex_attrs.like_num),
        (attrs.IS_PUNCT, lex_attrs.is_punct),
        (attrs.IS_CURRENCY, lex_attrs.is_currency),
    ):
        if quick.get(attr) is generic:
            quick[attr] = partial(_false_for_letters, generic)
    # spaCy's one-line functions as the C methods they call (no Python frame each)
    for attr, generic, method in (
        (attrs.LOWER, lex_attrs.lower, str.lower),
        (attrs.IS_ALPHA, lex_attrs.is_alpha, str.isalpha),
        (attrs.IS_DIGIT, lex_attrs.is_digit, str.isdigit),
        (attrs.IS_LOWER, lex_attrs.is_lower, str.islower),
        (attrs.IS_SPACE, lex_attrs.is_space, str.isspace),
        (attrs.IS_TITLE, lex_attrs.is_title, str.istitle),
        (attrs.IS_UPPER, lex_attrs.is_upper, str.isupper),
        (attrs.IS_ASCII, lex_attrs.is_ascii, str.isascii),
        (attrs.PREFIX, lex_attrs.prefix, itemgetter(0)),
        (attrs.SUFFIX, lex_attrs.suffix, itemgetter(slice(-3, None))),
    ):
        if quick.get(attr) is generic:
            quick[attr] = method
    for attr, generic, members in (
        (attrs.IS_BRACKET, lex_attrs.is_bracket, ("(", ")", "[", "]", "{", "}", "<", ">")),
        (attrs.IS_QUOTE, lex_attrs.is_quote, _QUOTES),
        (attrs.IS_LEFT_PUNCT, lex_attrs.is_left_punct, _LEFT_PUNCT),
        (attrs.IS_RIGHT_PUNCT, lex_attrs.is_right_punct, _RIGHT_PUNCT),
    ):
        if quick.get(attr) is generic:
            quick[attr] = frozenset(members).__contains__
    lang = quick.get(attrs.LANG)
    if isinstance(lang, partial) and lang.func is lex_attrs.get_lang and not lang.args:
        # the language code whatever the word: a string's format() without fields
        quick[attrs.LANG] = str(lang.keywords.get("lang", "")).format
    if quick.get(attrs.SHAPE) is lex_attrs.word_shape:
        quick[attrs.SHAPE] = partial(_word_shape, lex_attrs.word_shape)
    return quick


# spaCy's lists in spacy/lang/lex_attrs.py (the test compares the values)
_QUOTES = ('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``")  # fmt: skip
_LEFT_PUNCT = ("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``")  # fmt: skip
_RIGHT_PUNCT = (")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''")  # fmt: skip


def _false_for_letters(attribute: Any, text: str) -> bool:
    return False if text.isalpha() else attribute(text)


def _word_shape(word_shape: Any, text: str) -> str:
    # spaCy's shape: letters as x/X, digits as d, runs cut at four characters
    if text.isalpha() and len(text) < 100:
        if text.islower():
            return "x" * min(len(text), 4)
        if text[0].isupper() and text[1:].islower():
            return "X" + "x" * min(len(text) - 1, 4)
    return word_shape(text)


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

_TERMINAL = re.compile(r"^(?:[.!?…]+|\.\.\.+)$")
_ORDINAL = re.compile(r"^\d{1,3}\.$")
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_ROMAN_WITH_STOP = re.compile(r"^[IVXLC]{1,6}\.$")
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.){2,3}$")
_MONTHS = {
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Apr.", "Aug.",
    "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
}  # fmt: skip
# Words that start a new sentence after a number with a full stop ("… nur eine 3. Er
# schlug vor"); any other capitalised word after "3." is read as a noun after an ordinal.
_STARTERS_AFTER_NUMBER = {
    "Er", "Sie", "Es", "Wir", "Ich", "Du", "Ihr", "Man", "Das", "Dies", "Diese", "Dieser",
    "Dann", "Doch", "Aber", "Und", "Auch", "Damit", "Danach", "So", "Da", "Dabei", "Nun",
    "Heute", "Jetzt", "Zudem", "Außerdem", "Trotzdem", "Deshalb", "Daher", "Denn", "In",
    "Im", "Am", "Mit", "Nach", "Bei", "Für", "Auf", "Wie", "Was", "Wer", "Wo", "Warum",
    # an ordinal is followed by its noun or adjective, hardly ever by an article
    "Der", "Die", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen",
}  # fmt: skip
_CLOSING_BRACKETS = {")", "]", "}"}
_STRAY_CLOSERS = {"“", "”", '"', "»", "«", "’", "‘", "'", "''"}
_OPENING_BRACKETS = {"(", "[", "{"}


_NO_SENTENCE_START = set(",;:.!?)]}…/%&+*=<>|~^°§'’‘\"“”«»‹›-–—")


def _starts_sentence(word: str) -> bool:
    first = word[:1]
    if not first:
        return False
    if first.isalpha():
        return first.isupper()
    return first.isdigit() or first not in _NO_SENTENCE_START


def _sentence_starts(
    idx: list[int],
    is_space: list[bool],
    tokens: list[str],
    text: str,
    paragraph_of_token: list[int],
    regions: list[QuoteRegion],
    candidate_flags: list[bool] | None = None,
) -> list[bool]:
    """Which tokens start a sentence (see the module docstring for the rules).

    ``candidate_flags``: :func:`_is_candidate` of each token, if known (the piece memo)."""
    n = len(tokens)
    starts = [False] * n
    # The first word of every paragraph starts a sentence.
    if not n or paragraph_of_token[-1] == 0:  # the common case: one paragraph, no search
        first = _next_content(is_space, 0, n)
        if first < n:
            starts[first] = True
    else:
        for lo, hi in _runs(paragraph_of_token):
            first = _next_content(is_space, lo, n)
            if first < hi:
                starts[first] = True
    # Only a token ending in an end mark can end a sentence (_is_candidate, kept for
    # each token form)
    if candidate_flags is None:
        candidate_flags = memo_map(_CANDIDATES, tokens, _is_candidate, MEMO_LIMIT)
    if not any(candidate_flags[:-1]):
        # no candidate, or only the last token (nothing follows it): a single sentence
        # per paragraph, as the loop below would find (any() tests truth, no comparisons)
        return starts
    abbreviations = _abbreviations()

    closing_at: dict[int, QuoteRegion] = {}
    opening_at: set[int] = set()
    # Only quotations opened inside a sentence are kept whole; see module docstring:
    # their inner starts and inner ends (offsets behind the opening mark, of the closing one)
    unsplittable_starts: list[int] = []
    unsplittable_ends: list[int] = []
    if regions:  # most sentences hold no quotation
        closing_at = {r.end - len(r.close_mark): r for r in regions if r.closed}
        opening_at = {r.start for r in regions}
        for r in regions:
            if r.depth == 0 and r.closed and not _opens_sentence(text, r):
                unsplittable_starts.append(r.start + len(r.open_mark))
                unsplittable_ends.append(r.end - len(r.close_mark))

    def inside_unsplittable(pos: int) -> bool:
        # the region starting last at or before pos (its inner start <= pos): inside it?
        k = bisect_right(unsplittable_starts, pos) - 1
        return k >= 0 and pos < unsplittable_ends[k]

    inside_brackets: Callable[[int], bool] | None = None  # built at the first semicolon
    candidates = list(compress(range(n), candidate_flags))
    run_end, run_end_pos = -1, -1
    for i in candidates:
        token = tokens[i]
        # Absorb a run of terminal marks, closing quotes and closing brackets.
        j = i + 1
        end_pos = idx[i] + len(token)
        if i < run_end:
            # inside the run the previous candidate absorbed: the run ends where it
            # ended (so a run of 16,000 "!" is walked once, not once per mark)
            j, end_pos = run_end, run_end_pos
        while j < n and not is_space[j]:
            t = tokens[j]
            if _TERMINAL.match(t) or t in _CLOSING_BRACKETS:
                end_pos = idx[j] + len(t)
                j += 1
            elif idx[j] in closing_at and closing_at[idx[j]].end == idx[j] + len(t):
                end_pos = idx[j] + len(t)
                j += 1
            elif t in _STRAY_CLOSERS and idx[j] not in opening_at:
                # a closing mark without its opening one: a quotation that began in an
                # earlier paragraph ends here, with the sentence
                end_pos = idx[j] + len(t)
                j += 1
            else:
                break
        run_end, run_end_pos = j, end_pos
        k = _next_content(is_space, j, n)
        if k >= n or paragraph_of_token[k] != paragraph_of_token[i]:
            continue  # the paragraph boundary starts the next sentence anyway
        nxt = tokens[k]
        if token == ";":
            # A semicolon joins two main clauses: readers (and treebank conventions)
            # take it as a sentence end, except before a number ("9,8 %; 5,3 %") and
            # inside brackets ("(vgl. S. 3; S. 7)"): a bracket is one insertion.
            if inside_brackets is None:
                inside_brackets = _bracket_finder(text, idx, paragraph_of_token)
            if (
                not nxt[:1].isdigit()
                and not inside_unsplittable(end_pos - 1)
                and not inside_brackets(idx[i])
            ):
                starts[k] = True
            continue
        if idx[k] in opening_at or nxt in _OPENING_BRACKETS:
            after = _next_content(is_space, k + 1, n)
            following = tokens[after] if after < n else ""
            new_sentence = not following[:1].islower()
        else:
            new_sentence = _starts_sentence(nxt)
        if not new_sentence:
            continue
        roman = (
            token == "."
            and i > 0
            and _ROMAN.match(tokens[i - 1])
            and idx[i - 1] + len(tokens[i - 1]) == idx[i]
        )
        if (_ORDINAL.match(token) or _ROMAN_WITH_STOP.match(token) or roman) and j == i + 1:
            if nxt in _MONTHS:
                continue
            # "auf Platz 19. Trainer …": a number right after a noun is a cardinal at the
            # sentence end; "am 3. Februar", "Albert II. von" are ordinals.
            cardinal = _ORDINAL.match(token) and _after_noun(tokens, is_space, starts, i)
            if nxt not in _STARTERS_AFTER_NUMBER and not cardinal:
                continue
        elif token.endswith(".") and len(token) > 1 and not token[:-1].isdigit():
            if _INITIALS.match(token):
                continue  # "C.Y. Leung", "J.D. Salinger": initials before a name
            if token in abbreviations or _is_spacy_abbreviation(token):
                if not abbreviations.get(token, False):
                    continue
        if inside_unsplittable(end_pos - 1):
            continue
        starts[k] = True
    return starts


def _next_content(is_space: list[bool], i: int, n: int) -> int:
    """The first token from ``i`` on that is no blank (``n`` if none)."""
    while i < n and is_space[i]:
        i += 1
    return i


#: token form -> whether it may end a sentence (:func:`_is_candidate`)
_CANDIDATES: dict[str, bool] = {}
#: the marks every token that may end a sentence ends in
_END_MARK = re.compile(r"[.!?…;]")
_BRACKET = re.compile(r"[()\[\]{}]")
_OPENER_OF = {")": "(", "]": "[", "}": "{"}


def _bracket_finder(
    text: str, idx: list[int], paragraph_of_token: list[int]
) -> Callable[[int], bool]:
    """``inside(pos)``: whether offset ``pos`` lies between a matched pair of brackets.

    Brackets pair as a stack (a closer pops the nearest opener of its kind); a pair
    counts only within one paragraph, and an unmatched bracket (``a)`` in a list,
    ``;-)``) pairs with nothing. One pass over the text's brackets.

    >>> inside = _bracket_finder("Er kam (vgl. oben; unten); dann", [0], [0])
    >>> inside(17), inside(25)
    (True, False)
    """

    def paragraph(pos: int) -> int:
        return paragraph_of_token[max(bisect_right(idx, pos) - 1, 0)] if idx else 0

    stack: list[tuple[int, str]] = []
    pairs: list[tuple[int, int]] = []
    for match in _BRACKET.finditer(text):
        char, pos = match.group(), match.start()
        opener = _OPENER_OF.get(char)
        if opener is None:
            stack.append((pos, char))
            continue
        for depth in range(len(stack) - 1, max(len(stack) - 4, -1), -1):
            if stack[depth][1] == opener:
                start = stack[depth][0]
                del stack[depth:]
                if paragraph(start) == paragraph(pos):
                    pairs.append((start, pos))
                break
    pairs.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in pairs:  # keep the outermost pairs: nested ones lie inside them
        if not ends or start > ends[-1]:
            starts.append(start)
            ends.append(end)

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and starts[k] < pos < ends[k]

    return inside


def _blank_tokens(tokens: list[str]) -> list[bool]:
    """Which tokens are whitespace (spaCy keeps runs of extra whitespace as tokens)."""
    if "" in tokens:
        return [not t or t.isspace() for t in tokens]
    return list(map(str.isspace, tokens))


def _runs(values: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal values in a non-decreasing list."""
    runs: list[tuple[int, int]] = []
    lo, n = 0, len(values)
    while lo < n:
        hi = bisect_right(values, values[lo], lo)
        runs.append((lo, hi))
        lo = hi
    return runs


def _after_noun(tokens: list[str], is_space: list[bool], starts: list[bool], i: int) -> bool:
    """True when the token before ``i`` is a capitalised word inside a sentence (a noun)."""
    p = i - 1
    while p >= 0 and is_space[p]:
        p -= 1
    if p <= 0 or starts[p]:
        return False
    word = tokens[p].rstrip(".")  # "Platz 4.", also "Nr. 5.", "Art. 20."
    return word.isalpha() and word[0].isupper() and word not in _STARTERS_AFTER_NUMBER


def _is_candidate(token: str) -> bool:
    """True for a token that may end a sentence: a run of end marks, ``;``, or a word
    with its full stop (every such token ends in one of ``.!?…;``)."""
    if _TERMINAL.match(token) or token == ";":
        return True
    # "2025." "2:1." "gelandet." - a word with its full stop attached by the tokenizer
    return token.endswith(".") and len(token) > 1


@cache
def _spacy_exceptions() -> frozenset[str]:
    return frozenset(k for k in nlp().Defaults.tokenizer_exceptions if k.endswith("."))


def _is_spacy_abbreviation(token: str) -> bool:
    return token in _spacy_exceptions() or (len(token) == 2 and token[0].isalpha())


def _opens_sentence(text: str, region: QuoteRegion) -> bool:
    """True when the quotation stands at a sentence start (nothing but an end mark before it)."""
    i = region.start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return (
        i < 0
        or text[i] in "\n\r.!?…"
        or (text[i] in _quote_mark_table() and i > 0 and text[i - 1] in ".!?")
    )


# ---------------------------------------------------------------------------
# The piece memo: spaCy's tokens of each run between spaces, without spaCy
# ---------------------------------------------------------------------------

# spaCy's tokenizer cuts a text at single spaces and tokenizes each piece on its own
# (the pieces are cached); only its special-case matcher looks across pieces, and it
# changes tokens only where a special case's own tokens run over a piece boundary. So
# where no space follows another blank, a text's tokens are those of its pieces (each
# tokenized alone), one after the other, unless two neighbouring tokens across a space
# form a pair of consecutive tokens of some special case (``_special_case_pairs``).
# A double space between two pieces is one more token, a single space (spaCy puts the
# first space behind the token before it, the second one stands alone): in
# ``text.split(" ")`` it is an empty piece, whose memo entry is that token.
# A text of known pieces is tokenized from this memo, with no spaCy ``Doc`` and no
# array call (most of the cost of parsing a sentence); ``tests/test_document.py``
# compares the tokens with spaCy's.

#: piece -> its tokens, five fields each, one after the other: token text, advance
#: (its length, +1 after the piece's last token for the space that follows), is_word
#: flag, is_space flag, may end a sentence (:func:`_is_candidate`)
_PIECES: dict[str, tuple[Any, ...]] = {}
#: the pieces whose first token is the second of a pair in ``_SPECIAL_PAIRS``
_PAIR_STARTS: set[str] = set()
#: the pieces of the memo that hold a mark of the quote-mark table (no mark holds a
#: space, so a text of memo pieces holds a mark exactly when one of its pieces does)
_QUOTE_PIECES: set[str] = set()
#: the pieces of the memo that ``str.isprintable`` refuses (a line break, a tab, a
#: no-break space): a text of memo pieces is printable when none of them is
_UNPRINTABLE_PIECES: set[str] = set()
#: the pieces in any of ``_PAIR_STARTS``, ``_QUOTE_PIECES``, ``_UNPRINTABLE_PIECES``:
#: a text with none of them (most sentences) needs none of those three tests
_ODD_PIECES: set[str] = set()
#: pieces longer than this are not kept (long runs without spaces are rare and unique)
_PIECE_MAX_CHARS = 64
#: texts longer than this neither use nor feed the memo: spaCy is as quick on them, and
#: memo entries made amid a megabyte document's allocations pin memory the allocator
#: cannot give back (``benchmarks/memory.py --megabytes 16``: 233 MB instead of 223)
_MEMO_MAX_TEXT = 100_000
#: a blank other than a space followed by a space, or two spaces followed by such a
#: blank: spaCy joins the spaces and the blank into one token
_BLANK_BEFORE_SPACE = re.compile(r"[^\S ] |  [^\S ]")
#: the memo entry of the empty piece between the two spaces of a double space: the
#: second space, a token of its own (no word, a blank)
_DOUBLE_SPACE: tuple[Any, ...] = (" ", 1, 0, True, False)
#: pairs of consecutive tokens in spaCy's special cases (see the comment above)
_SPECIAL_PAIRS: frozenset[tuple[str, str]] = frozenset()
_PAIR_SECONDS: frozenset[str] | None = None


def _simple_spacing(text: str, printable: bool | None = None) -> bool:
    """True when ``text`` neither starts nor ends with a space, holds no three spaces in
    a row, and no space follows another blank except as the second of two spaces between
    pieces: spaCy then cuts it into the pieces of ``text.split(" ")`` (an empty piece:
    the second space of a double space, a token of its own)."""
    if not text or text[0] == " " or text[-1] == " " or "   " in text:
        return False
    if text.isprintable() if printable is None else printable:
        return True  # no blank but " " (line breaks, tabs, no-break spaces)
    return _BLANK_BEFORE_SPACE.search(text) is None


def _split_pieces(text: str) -> list[str] | None:
    """``text.split(" ")`` for a text the memo may serve: not long, neither starting nor
    ending with a space, no three spaces in a row (the rest of :func:`_simple_spacing`
    is decided from the pieces, see :func:`_tokens_from_pieces`)."""
    if len(text) > _MEMO_MAX_TEXT or not text or text[0] == " " or text[-1] == " ":
        return None
    if "   " in text:
        return None
    return text.split(" ")


def _memo_pieces(text: str, printable: bool | None = None) -> list[str] | None:
    """The pieces of ``text`` (its runs between spaces) if the memo may serve and learn
    it, else ``None`` (a long text, or spacing spaCy does not cut at single spaces).
    ``printable``: ``text.isprintable()`` if the caller knows it."""
    if len(text) > _MEMO_MAX_TEXT or not _simple_spacing(text, printable):
        return None
    return text.split(" ")


def _tokens_from_pieces(
    pieces: list[str], text: str
) -> tuple[list[int], list[str], list[int], list[bool], list[bool], bool, bool, list[str]] | None:
    """(starts, texts, word indices, is_space, may end a sentence, ``text.isprintable()``,
    holds a quote mark, texts of the words) of the tokens of ``text`` from the piece
    memo, given its ``pieces`` (:func:`_split_pieces`); ``None`` when a piece is new or
    spaCy would not cut the text at its single spaces (:func:`_simple_spacing`)."""
    try:  # every piece's entry in one call (an itemgetter of one key gives the entry)
        entries = itemgetter(*pieces)(_PIECES) if len(pieces) > 1 else (_PIECES[pieces[0]],)
    except KeyError:
        return None  # a piece not in the memo
    printable, has_quote_marks = True, False
    if not _ODD_PIECES.isdisjoint(pieces):
        if not _UNPRINTABLE_PIECES.isdisjoint(pieces):
            if _BLANK_BEFORE_SPACE.search(text) is not None:
                return None  # spaCy joins a space to the blank before or after it
            printable = False
        has_quote_marks = not _QUOTE_PIECES.isdisjoint(pieces)
        if not _PAIR_STARTS.isdisjoint(pieces):
            # a piece starts with the second token of a special-case pair: is the first
            # one the end of the piece before it? (then spaCy's matcher decides)
            pair_starts = map(_PAIR_STARTS.__contains__, pieces[1:])
            for i in compress(range(1, len(pieces)), pair_starts):
                if (entries[i - 1][-5], entries[i][0]) in _SPECIAL_PAIRS:
                    return None
    # all fields in one list (list += entry for each entry, the loop run by reduce in
    # C: quicker than a Python loop or a chain of iterators over such short tuples),
    # then each field as a slice
    fields: list[Any] = reduce(iconcat, entries, [])
    texts = fields[0::5]
    starts = list(accumulate(fields[1::5], initial=0))
    starts.pop()
    word_flags = fields[2::5]
    words = list(compress(range(len(texts)), word_flags))
    # the word texts too (every analysis reads them): one more compress, cheaper than
    # picking them by index later (Document.word_texts)
    word_texts = list(compress(texts, word_flags))
    return (
        starts,
        texts,
        words,
        fields[3::5],
        fields[4::5],
        printable,
        has_quote_marks,
        word_texts,
    )


def _learn_pieces(
    pieces: list[str], starts: list[int], texts: list[str], word_flags: list[int]
) -> None:
    """Keep the tokens of each new piece of a text (spaCy's, in ``starts``/``texts``)."""
    global _SPECIAL_PAIRS, _PAIR_SECONDS
    if _PAIR_SECONDS is None:
        _SPECIAL_PAIRS = _special_case_pairs()
        _PAIR_SECONDS = frozenset(second for _, second in _SPECIAL_PAIRS)
    new = list(compress(range(len(pieces)), map(not_, map(_PIECES.__contains__, pieces))))
    if not new:
        return
    if len(_PIECES) + len(new) > MEMO_LIMIT:
        # bounded: a stream of new pieces refills it, never grows it
        _PIECES.clear()
        _PAIR_STARTS.clear()
        _QUOTE_PIECES.clear()
        _UNPRINTABLE_PIECES.clear()
        _ODD_PIECES.clear()
    if "" not in _PIECES:  # the double space (no special case has a space: no pair)
        _PIECES[""] = _DOUBLE_SPACE
        if _DOUBLE_SPACE[0] in _PAIR_SECONDS:
            _PAIR_STARTS.add("")
            _ODD_PIECES.add("")
    offsets = [0, *accumulate(map(add, map(len, pieces), repeat(1)))]
    pairs, n = _SPECIAL_PAIRS, len(texts)
    for i in new:
        piece, at = pieces[i], offsets[i]
        if len(piece) > _PIECE_MAX_CHARS:
            continue
        lo = bisect_left(starts, at)
        hi = bisect_left(starts, at + len(piece))
        tokens = texts[lo:hi]
        if lo == hi or starts[lo] != at or "".join(tokens) != piece:
            continue  # not spaCy's tokens of the piece alone (a token over its edge)
        if (lo and (texts[lo - 1], tokens[0]) in pairs) or (
            hi < n and (tokens[-1], texts[hi]) in pairs
        ):
            continue  # a special case might have run over this piece's edge
        if len(tokens) == 1:
            tokens = [piece]  # the memo's key: one string kept, not two
        advances = [*map(len, tokens)]
        advances[-1] += 1
        fields: list[Any] = [None] * (5 * len(tokens))
        fields[0::5] = tokens
        fields[1::5] = advances
        fields[2::5] = word_flags[lo:hi]
        fields[3::5] = _blank_tokens(tokens)
        fields[4::5] = map(_is_candidate, tokens)
        _PIECES[piece] = tuple(fields)
        odd = False
        if tokens[0] in _PAIR_SECONDS:
            _PAIR_STARTS.add(piece)
            odd = True
        if not _no_quote_mark(piece):
            _QUOTE_PIECES.add(piece)
            odd = True
        if not piece.isprintable():
            _UNPRINTABLE_PIECES.add(piece)
            odd = True
        if odd:
            _ODD_PIECES.add(piece)


def _special_case_pairs() -> frozenset[tuple[str, str]]:
    """Pairs of consecutive tokens in the affix split of each special case of spaCy.

    spaCy's special-case matcher looks for these token sequences after splitting the
    text; a match can change the tokens only where one of these pairs stands.
    """
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

    tokenizer: Any = nlp().tokenizer
    bare = Tokenizer(
        tokenizer.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    pairs: set[tuple[str, str]] = set()
    for special in tokenizer.rules or {}:
        split = [token.text for token in bare(special)]
        pairs.update(pairwise(split))
    return frozenset(pairs)


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------


class Document:
    """A parsed German text: the shared input of every measure.

    Attributes: ``text``; ``doc`` (the spaCy ``Doc``, sentence starts set);
    ``sentences``, ``paragraphs`` and ``quote_regions`` (character-offset spans);
    ``has_quote_marks`` (any mark of ``data/quote_marks.tsv`` in the text, paired or not);
    ``words`` (indices of the tokens that count as words, i.e. hold a letter or
    digit). Per token, as plain lists read once from the ``Doc`` (every measure uses
    them instead of spaCy ``Token`` objects, which cost more to create than all our
    rules take): ``token_texts``, ``token_starts``, ``token_ends``,
    ``token_is_space``, ``token_is_sent_start``; for the words ``word_texts`` and
    ``word_starts``. Lookups: :meth:`sentence_index`, :meth:`paragraph_index`,
    :meth:`quote_depth`. Measures may keep derived data in ``cache`` so a second
    measure on the same document does not redo it.

    >>> d = parse("Sie sagt: „Ich komme zu spät zur Arbeit!“ Wann ist endlich Schluss?")
    >>> [s.text for s in d.sentences]
    ['Sie sagt: „Ich komme zu spät zur Arbeit!“', 'Wann ist endlich Schluss?']
    """

    __slots__ = (
        "__weakref__",
        "_doc",
        "_doc_has_sentences",
        "_paragraph_spans",
        "_paragraphs",
        "_quote_depth",
        "_sentence_of_token",
        "_token_ends",
        "cache",
        "has_quote_marks",
        "meta",
        "paragraph_of_token",
        "quote_regions",
        "sentences",
        "text",
        "token_is_sent_start",
        "token_is_space",
        "token_starts",
        "token_texts",
        "words",
    )

    def __init__(self, text: str, meta: dict[str, Any] | None = None) -> None:
        self.text = text = check_text(text)
        self.meta = dict(meta) if meta else {}
        self.cache: dict[Any, Any] = {}
        # Steady state: every run between spaces was seen before, and the tokens come
        # from the piece memo (no spaCy Doc, no array call); else spaCy tokenizes, and
        # the memo learns the text's pieces. The spaCy Doc itself is made on first use.
        pieces = _split_pieces(text)
        lists = _tokens_from_pieces(pieces, text) if pieces is not None else None
        if lists is not None:
            # printable: no line break, tab or other blank than " "; has_quote_marks:
            # whether any mark of the quote-mark table occurs (shared with the
            # measures: most sentences have none); both known for each memo piece
            (
                self.token_starts,
                self.token_texts,
                self.words,
                self.token_is_space,
                candidate_flags,
                printable,
                self.has_quote_marks,
                word_texts,
            ) = lists
            self._doc: Any = None
            self._token_ends: list[int] | None = None  # made on first use
            # what the word_texts property would pick from token_texts by self.words
            self.cache["word_texts"] = word_texts
        else:
            printable = text.isprintable()
            if pieces is not None and not _simple_spacing(text, printable):
                pieces = None  # spaCy does not cut it at its single spaces: not learned
            self._spacy_tokens(pieces)
            self.has_quote_marks = not _no_quote_mark(text)
            candidate_flags = None
        self._doc_has_sentences = False
        one_paragraph = lists is not None and printable
        if one_paragraph:
            # a memo text neither starts nor ends with a space, and a printable one has
            # no other blank: one paragraph, the whole text
            par_spans = [(0, len(text))]
            self.paragraph_of_token = [0] * len(self.token_starts)
        else:
            par_spans = _paragraph_spans(text, printable)
            self.paragraph_of_token = _paragraph_of_tokens(self.token_starts, par_spans)
        self._paragraph_spans = par_spans
        self._paragraphs: list[TextSpan] | None = None
        self.quote_regions = _pair_quote_marks(text, par_spans) if self.has_quote_marks else []
        blank = self.token_is_space
        if (
            one_paragraph
            and candidate_flags is not None
            and not any(candidate_flags[:-1])
            and not blank[0]
            and not blank[-1]
        ):
            # Most sentences: one paragraph, and no token but the last may end a
            # sentence. _sentence_starts then marks only the first token that is no
            # blank (token 0, which starts at offset 0) and returns before its loop
            # (quote regions play no part), and _set_sentences makes the one sentence
            # from token 0 to the last token, no blank either (a memo text has at
            # least one token). tests/test_fast_paths_p.py compares both paths.
            starts = [False] * len(blank)
            starts[0] = True
            end = self.token_starts[-1] + len(self.token_texts[-1])
            self.sentences = [TextSpan(0, end, text[:end], "sentence")]
        else:
            starts = _sentence_starts(
                self.token_starts,
                blank,
                self.token_texts,
                self.text,
                self.paragraph_of_token,
                self.quote_regions,
                candidate_flags,
            )
            if starts:
                starts[0] = True
            self.sentences = self._set_sentences(starts)
        self.token_is_sent_start: list[bool] = starts
        self._sentence_of_token: list[int] | None = None
        self._quote_depth: list[int] | None = None

    def _spacy_tokens(self, pieces: list[str] | None) -> None:
        """The token lists from spaCy's ``Doc``; the piece memo learns the text's
        ``pieces`` (``None``: a text it does not keep)."""
        text = self.text
        safe = _tokenizer_safe(text)
        self._doc = tokenize(safe)
        # Offsets from one array call and token texts by slicing: creating a spaCy
        # Token object per token would cost more than all our rules together.
        if len(self._doc):
            # one array call, transposed into three lists at once (the numpy calls
            # are a fixed cost per document, larger than the work on a sentence)
            starts, lengths, word_flags = self._doc.to_array(
                [*_spacy_attributes()[:2], _WORD_FLAG]
            ).T.tolist()
            self.token_starts = starts
            self._token_ends = ends = list(map(add, starts, lengths))
            # slicing in a comprehension: no method wrapper per token
            self.token_texts = [text[a:b] for a, b in zip(starts, ends, strict=True)]
            # the tokens that are words (is_word of each form, kept by spaCy's vocabulary)
            self.words = list(compress(range(len(starts)), word_flags))
            if pieces is not None and safe is text:  # lone surrogates: not learned
                _learn_pieces(pieces, starts, self.token_texts, word_flags)
        else:
            self.token_starts, self._token_ends, self.token_texts = [], [], []
            self.words = []
        self.token_is_space = _blank_tokens(self.token_texts)

    @property
    def token_ends(self) -> list[int]:
        """End offset of each token (its start plus its length), made on first use."""
        ends = self._token_ends
        if ends is None:
            ends = self._token_ends = list(map(add, self.token_starts, map(len, self.token_texts)))
        return ends

    @property
    def paragraphs(self) -> list[TextSpan]:
        """The paragraphs (:func:`find_paragraphs`) as spans labelled ``"paragraph"``,
        made on first use (most measures of a sentence never read them)."""
        found = self._paragraphs
        if found is None:
            text = self.text
            found = self._paragraphs = [
                TextSpan(s, e, text[s:e], "paragraph") for s, e in self._paragraph_spans
            ]
        return found

    @property
    def doc(self) -> Any:
        """The spaCy ``Doc``, its sentence starts set to ours (on first use)."""
        if self._doc is None:
            # the tokens came from the piece memo: spaCy's are the same
            self._doc = tokenize(_tokenizer_safe(self.text))
        doc = self._doc
        if not self._doc_has_sentences and len(doc):
            import numpy

            # spaCy's SENT_START: 1 starts a sentence, -1 does not
            flags = numpy.array(self.token_is_sent_start, dtype="int64") * 2 - 1
            doc.from_array(_spacy_attributes()[2:], flags.astype("uint64").reshape(-1, 1))
        self._doc_has_sentences = True
        return doc

    def _set_sentences(self, starts: list[bool]) -> list[TextSpan]:
        if not starts:
            return []
        blank = self.token_is_space
        n = len(blank)
        if not blank[0] and not any(starts[1:]):
            # one sentence, from the first token (starts[0] is set) to the last no blank
            last = n - 1
            while blank[last]:
                last -= 1
            start = self.token_starts[0]
            end = self.token_starts[last] + len(self.token_texts[last])
            return [TextSpan(start, end, self.text[start:end], "sentence")]
        if not blank[0]:
            first = 0  # the common case: the text starts with a token that is no blank
        elif all(blank):
            return []
        else:
            first = blank.index(False)
        begins = list(compress(range(n), starts))
        if not begins or begins[0] != first or (len(begins) > 1 and begins[1] <= first):
            begins = [first, *begins[bisect_right(begins, first) :]]
        following = begins[1:]
        following.append(n)
        token_starts, texts, text = self.token_starts, self.token_texts, self.text
        spans: list[TextSpan] = []
        for b, after in zip(begins, following, strict=True):
            last = after - 1
            while blank[last]:
                last -= 1
            start = token_starts[b]
            end = token_starts[last] + len(texts[last])
            spans.append(TextSpan(start, end, text[start:end], "sentence"))
        return spans

    # -- per-token lookups -------------------------------------------------

    def sentence_index(self, token_index: int) -> int:
        """Index into :attr:`sentences` of the sentence holding a token."""
        if self._sentence_of_token is None:
            starts = [s.start for s in self.sentences]
            self._sentence_of_token = [
                max(bisect_right(starts, t) - 1, 0) for t in self.token_starts
            ]
        return self._sentence_of_token[token_index]

    def paragraph_index(self, token_index: int) -> int:
        """Index into :attr:`paragraphs` of the paragraph holding a token."""
        return self.paragraph_of_token[token_index]

    def quote_depth(self, token_index: int) -> int:
        """How many quote regions enclose a token (0 = the author's own words)."""
        if self._quote_depth is None:
            self._quote_depth = self._depths()
        return self._quote_depth[token_index]

    def _depths(self) -> list[int]:
        depth = [0] * len(self.token_starts)
        if not self.quote_regions:
            return depth
        starts = self.token_starts
        for region in self.quote_regions:
            lo = bisect_right(starts, region.start - 1)
            hi = bisect_right(starts, region.end - 1)
            for i in range(lo, hi):
                depth[i] += 1
        return depth

    def region_at(self, offset: int) -> QuoteRegion | None:
        """The innermost quote region containing a character offset, if any."""
        best = None
        for region in self.quote_regions:
            if region.start > offset:
                break
            if region.start <= offset < region.end and (best is None or region.depth >= best.depth):
                best = region
        return best

    def span(self, start: int, end: int, label: str = "") -> TextSpan:
        """Evidence span for a character range of this text."""
        return TextSpan(start, end, self.text[start:end], label)

    def token_span(self, first: int, last: int, label: str = "") -> TextSpan:
        """Evidence span from token ``first`` to token ``last`` (both included)."""
        start, end = self.token_starts[first], self.token_ends[last]
        return TextSpan(start, end, self.text[start:end], label)

    @property
    def word_texts(self) -> list[str]:
        """Texts of the word tokens (those in :attr:`words`), computed once."""
        return self._of_words("word_texts", self.token_texts)

    @property
    def word_starts(self) -> list[int]:
        """Start offsets of the word tokens (those in :attr:`words`), computed once."""
        return self._of_words("word_starts", self.token_starts)

    def _of_words(self, key: str, per_token: list) -> list:
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = pick(per_token, self.words)
        return found

    @property
    def n_words(self) -> int:
        """Number of word tokens."""
        return len(self.words)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        preview = self.text[:40].replace("\n", " ")
        return f"<Document {len(self.sentences)} sentences, {self.n_words} words: {preview!r}>"


# str.isalnum's characters: \w without the underscore
_ALNUM = re.compile(r"[^\W_]")


def is_word(token: str) -> bool:
    """True for a token that counts as a word: it holds a letter or a digit.

    >>> is_word("Kreml"), is_word("3."), is_word("„"), is_word("–")
    (True, True, False, False)
    """
    return token.isalpha() or _ALNUM.search(token) is not None


def _paragraph_of_tokens(token_starts: list[int], paragraphs: list[tuple[int, int]]) -> list[int]:
    """Index of the paragraph each token falls in (tokens before the first: paragraph 0)."""
    of_token = [0] * len(token_starts)
    if len(paragraphs) < 2:
        return of_token  # one paragraph (or none): every token is in paragraph 0
    bounds = [bisect_left(token_starts, start) for start, _ in paragraphs]
    for p, (lo, hi) in enumerate(zip(bounds, [*bounds[1:], len(token_starts)], strict=True)):
        if p and hi > lo:
            of_token[lo:hi] = [p] * (hi - lo)
    return of_token


#: The most word forms any per-form memo keeps (the running text of a corpus hits
#: the frequent forms; a stream of new forms only refills the memo).
MEMO_LIMIT = 50_000


def memo_map(memo: dict, keys: list, compute: Callable[[Any], Any], limit: int) -> list:
    """``[memo[k] for k in keys]``, computing (and keeping) what the memo lacks.

    ``compute`` must never return ``None``. A memo that would outgrow ``limit``
    (at most :data:`MEMO_LIMIT`) starts afresh, so a stream of new word forms
    cannot grow it without end.

    >>> memo = {}
    >>> memo_map(memo, ["Haus", "Maus", "Haus"], len, 10), memo
    ([4, 4, 4], {'Haus': 4, 'Maus': 4})
    """
    try:  # the steady state, every key known: all values in one call, no None test
        return list(itemgetter(*keys)(memo)) if len(keys) > 1 else [memo[k] for k in keys]
    except KeyError:
        pass
    values = list(map(memo.get, keys))
    if None in values:
        limit = min(limit, MEMO_LIMIT)
        for i, value in enumerate(values):
            if value is None:
                key = keys[i]
                value = memo.get(key)
                if value is None:
                    if len(memo) >= limit:
                        memo.clear()
                    value = memo[key] = compute(key)
                values[i] = value
    return values


def pick(values: list, positions: list[int]) -> list:
    """``[values[i] for i in positions]``, at C speed (positions ascending).

    >>> pick(["a", "b", "c"], [0, 2])
    ['a', 'c']
    """
    if len(positions) == len(values):
        return list(values)
    if len(positions) < 2:
        return [values[i] for i in positions]
    return list(itemgetter(*positions)(values))


def _tokenizer_safe(text: str) -> str:
    """Same length, but lone surrogates replaced, so spaCy never sees invalid Unicode."""
    try:
        text.encode("utf-8")  # fails exactly on a surrogate; cheaper than a search
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


# ---------------------------------------------------------------------------
# Public helpers
# ---------------------------------------------------------------------------

# Documents a caller still holds, by their exact text: a weak cache keeps no document
# alive, so streaming many large texts holds only the one being analysed. A plain dict
# of weak references (each removes its entry when its document dies): the same as a
# ``WeakValueDictionary``, whose methods and callback are Python code run per document.
_CACHE: dict[str, weakref.ref[Document]] = {}


def _forget(text: str, dead: weakref.ref[Document]) -> None:
    """Weak-reference callback: drop the entry of a document no one holds any more."""
    if _CACHE.get(text) is dead:  # not a newer parse of the same text
        _CACHE.pop(text, None)


#: spaCy's vocabulary (and its tokenizer cache) grows with every new word form and
#: never shrinks; after this many entries the next parse starts a fresh pipeline (the
#: tokens are the same: every entry is recomputed from its string on demand).
VOCABULARY_LIMIT = 50_000
#: the most chunks spaCy's tokenizer cache keeps (spaCy's own default is 10,000)
_CHUNK_CACHE_LIMIT = 2 * VOCABULARY_LIMIT


def parse(text: str) -> Document:
    """Parse a German text into a :class:`Document`.

    A text whose ``Document`` is still held somewhere (by an ``Analysis``, say) is
    not parsed again; nothing else is kept.

    >>> d = parse("Das betrifft z. B. Rentner. Die Debatte dauert an.")
    >>> len(d.sentences), d.n_words
    (2, 9)
    """
    text = check_text(text)
    held = _CACHE.get(text)
    doc = held() if held is not None else None
    if doc is None:
        doc = Document(text)
        _CACHE[text] = weakref.ref(doc, partial(_forget, text))
    return doc


def _bound_vocabulary() -> None:
    """Start a fresh spaCy pipeline once the vocabulary holds :data:`VOCABULARY_LIMIT` forms."""
    if len(nlp().vocab) > VOCABULARY_LIMIT:
        nlp.cache_clear()
        _WARM_CHUNKS.clear()  # the new tokenizer's cache is empty


def as_document(text_or_doc: object) -> Document:
    """A :class:`Document` from a string, a ``Document``, or an object with ``.document``.

    >>> as_document("Guten Tag.").n_words
    2
    """
    if isinstance(text_or_doc, Document):
        return text_or_doc
    if isinstance(text_or_doc, str):  # a str subclass is its str value, nothing else
        return parse(text_or_doc)
    inner = getattr(text_or_doc, "document", None)
    if isinstance(inner, Document):
        return inner
    body = getattr(text_or_doc, "body", None)
    if isinstance(body, str) and not isinstance(text_or_doc, str):
        return parse(body)
    return parse(check_text(text_or_doc))


def split_sentences(text: str | Document) -> list[TextSpan]:
    """Split a German text into sentences; each has ``start``, ``end`` and ``text``.

    >>> [s.text for s in split_sentences("Am 3. Februar kam Dr. Weber. Er sprach.")]
    ['Am 3. Februar kam Dr. Weber.', 'Er sprach.']
    """
    return list(as_document(text).sentences)


def normalize_nfc(text: str) -> str:
    """NFC-normalise a text (same letters, composed), for user input from odd sources.

    >>> normalize_nfc("Mu\\u0308ller") == "Müller"
    True
    """
    return unicodedata.normalize("NFC", check_text(text))
