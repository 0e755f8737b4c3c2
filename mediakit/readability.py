"""German readability from the shared parse: counts, means, formulas and evidence.

:func:`readability` reads a :class:`~mediakit.document.Document` (sentences and word
tokens as parsed once), counts syllables with :func:`mediakit.syllables.count_syllables`
and computes the German formulas:

* Flesch reading ease after Amstad (1978): ``180 - ASL - 58.5 * ASW``, scale 0-100;
* Wiener Sachtextformel 1-4 (Bamberger & Vanecek 1984), with ``MS`` = % words of three
  or more syllables, ``SL`` = ASL, ``IW`` = % words over six letters, ``ES`` = % one-syllable
  words, scale: school grade 4-15:
  ``wstf1 = 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875``,
  ``wstf2 = 0.2007 MS + 0.1682 SL + 0.1373 IW - 2.779``,
  ``wstf3 = 0.2963 MS + 0.1905 SL - 1.1144``, ``wstf4 = 0.2744 MS + 0.2656 SL - 1.693``;
* LIX (Björnsson): ``ASL + 100 * long words / words`` (no closed scale);
* SMOG for German (Bamberger & Vanecek 1984): ``sqrt(30 * words of 3+ syllables / sentences) - 2``.

Counting conventions (each chosen by evidence; ``benchmarks/readability.py`` prints
the figures):

* **Words** are tokens holding a letter or a digit (``US-Präsident`` is one word,
  ``–`` and ``„`` are none).
* **Sentences** follow :mod:`mediakit.document`: ``.``/``!``/``?``/``…`` before a new
  sentence, paragraph breaks, and a semicolon between two clauses (Flesch's own
  counting rule), but no semicolon before a number (``9,8; 5,3``) or inside brackets
  (``(vgl. S. 3; S. 7)``): a bracket is one insertion, not two sentences.
* **Syllables** are spoken syllables (``Opposition`` = 4, ``EU`` = 2, ``Dr.`` = 2): on
  16,785 German words with their Wiktionary pronunciation they are right for 99.9 % of
  running text (frequency-weighted), textstat's hyphenation points for 96.9 %
  (``benchmarks/syllables.py``).
* **Numerals** (``3``, ``3.``, ``1901``, ``12.02.2025``, ``2,5``) are one word of **one
  syllable** by default (``numbers="word"``); ``numbers="spoken"`` counts them as read
  aloud (``1901`` = *neunzehnhunderteins* = 5, ``12.02.2025`` = 11). Evidence: on a public
  set of 1,000 German sentences rated for complexity by learners of German, Flesch
  with spoken numerals agrees less with the ratings (Spearman -0.483) than textstat's
  (-0.510), and with a numeral as one syllable better than both (-0.544), as reported
  in issue 16. A reader takes in ``1901`` at a glance; read out, a date alone adds
  eleven syllables and makes a plain sentence look academic. On the hand-counted
  fixtures (spoken gold), ``"spoken"`` matches the gold exactly and ``"word"`` differs
  only where the gold reads a numeral aloud (``Am 3. Februar``: one syllable less).
* **Web and e-mail addresses** (``https://tkp.at/…``, ``www.example.de``,
  ``leserbriefe@zeitung.de``) are one word of one syllable and never a long word:
  read out letter by letter they counted as 40-syllable words, and one comment
  section went from Flesch 15.3 to 44.4 without its four URLs.
* **Empty or wordless text** (``""``, ``"„“ … –"``): the counts are 0, every mean,
  share and formula is ``None`` (not NaN, so ``to_dict()`` stays valid JSON), and
  :attr:`Readability.note` says so (:data:`NO_WORDS_NOTE`). Never a score: Flesch 0.0
  would read as "sehr schwer".
* **Outside the scale**: a formula value beyond its scale (:data:`SCALES`, e.g. Flesch
  -43.1 for an academic sentence chain, WSTF 0.1 for a tabloid) is kept as computed,
  and its name is listed in :attr:`Readability.out_of_scale` (display: "außerhalb der
  Skala").

:func:`textstat_readability` runs the same text through textstat 0.7.13's German code
path (pyphen hyphenation, its regex sentence count) so the two can be compared, and
:meth:`Readability.disagreements` lists where and why they differ.

>>> r = readability("Der Kanzler kam. Er sprach lange über die Haushaltsdebatte.")
>>> r.sentences, r.words, r.syllables
(2, 9, 16)
>>> round(r.flesch_amstad, 1)
71.5
>>> r = readability("Am 12.02.2025 telefonierten sie.")
>>> r.syllables, readability("Am 12.02.2025 telefonierten sie.", numbers="spoken").syllables
(8, 18)
>>> readability("").flesch_amstad is None, readability("").note
(True, 'kein Wort im Text – nichts zu messen')
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from weakref import ref

from .document import Document, TextSpan, as_document, check_text, memo_map
from .results import safe_div
from .syllables import _spoken_numbers, token_syllables
from .web_addresses import is_web_address

__all__ = [
    "METRIC_DESCRIPTIONS",
    "NO_WORDS_NOTE",
    "OUT_OF_SCALE_LABEL",
    "SCALES",
    "Readability",
    "TextstatReadability",
    "readability",
    "textstat_language",
    "textstat_readability",
]

#: Metric name -> (meaning, unit, measure); the keys of :attr:`Readability.metrics`.
METRIC_DESCRIPTIONS: dict[str, tuple[str, str, str]] = {
    "words": ("Wörter (Token mit Buchstabe oder Ziffer)", "count", "readability"),
    "sentences": ("Sätze", "count", "readability"),
    "syllables": (
        "gesprochene Silben (Zahl, Web- oder E-Mail-Adresse: je eine)",
        "count",
        "readability",
    ),
    "long_words": ("Wörter mit mehr als 6 Buchstaben", "count", "readability"),
    "polysyllabic_words": ("Wörter mit 3 oder mehr Silben", "count", "readability"),
    "monosyllabic_words": ("einsilbige Wörter", "count", "readability"),
    "avg_sentence_length": ("mittlere Satzlänge (ASL)", "words/sentence", "readability"),
    "avg_syllables_per_word": (
        "mittlere Silbenzahl je Wort (ASW)",
        "syllables/word",
        "readability",
    ),
    "long_word_share": ("Anteil der Wörter über 6 Buchstaben", "%", "readability"),
    "polysyllabic_share": ("Anteil der Wörter mit 3+ Silben", "%", "readability"),
    "monosyllabic_share": ("Anteil einsilbiger Wörter", "%", "readability"),
    "longest_sentence_words": ("Wörter im längsten Satz", "words", "readability"),
    "flesch_amstad": (
        "Flesch-Lesbarkeit nach Amstad (0-100, hoch = leicht)",
        "score",
        "readability",
    ),
    "wstf1": ("Wiener Sachtextformel 1 (Schulstufe)", "grade", "readability"),
    "wstf2": ("Wiener Sachtextformel 2 (Schulstufe)", "grade", "readability"),
    "wstf3": ("Wiener Sachtextformel 3 (Schulstufe)", "grade", "readability"),
    "wstf4": ("Wiener Sachtextformel 4 (Schulstufe)", "grade", "readability"),
    "lix": ("Lesbarkeitsindex LIX (hoch = schwer)", "score", "readability"),
    "smog_de": ("SMOG für Deutsch (Bamberger/Vanecek)", "grade", "readability"),
}

_LONG_WORD_LETTERS = 6

#: The note of a result without words: its means, shares and formulas are ``None``.
NO_WORDS_NOTE = "kein Wort im Text – nichts zu messen"

#: Formula -> (lowest, highest) value of its scale. A value outside is kept as computed
#: and listed in :attr:`Readability.out_of_scale`. Flesch-Amstad runs 0-100 (Amstad
#: 1978); the Wiener Sachtextformeln give school grades 4-15 (Bamberger & Vanecek 1984).
#: LIX and SMOG have no closed scale.
SCALES: dict[str, tuple[float, float]] = {
    "flesch_amstad": (0.0, 100.0),
    "wstf1": (4.0, 15.0),
    "wstf2": (4.0, 15.0),
    "wstf3": (4.0, 15.0),
    "wstf4": (4.0, 15.0),
}

#: How display marks a value outside its scale.
OUT_OF_SCALE_LABEL = "außerhalb der Skala"


# ---------------------------------------------------------------------------
# Formulas (plain functions, so students can recompute them by hand)
# ---------------------------------------------------------------------------


def flesch_amstad(asl: float, asw: float) -> float:
    """German Flesch reading ease (Amstad 1978).

    >>> flesch_amstad(10.0, 1.5)
    82.25
    """
    return 180.0 - asl - 58.5 * asw


def wiener_sachtextformel(variant: int, ms: float, sl: float, iw: float, es: float) -> float:
    """Wiener Sachtextformel ``variant`` 1-4 from percentages ``ms``, ``iw``, ``es`` and ``sl``.

    >>> round(wiener_sachtextformel(3, ms=20.0, sl=10.0, iw=30.0, es=50.0), 3)
    6.717
    """
    if variant == 1:
        return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    if variant == 2:
        return 0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779
    if variant == 3:
        return 0.2963 * ms + 0.1905 * sl - 1.1144
    if variant == 4:
        return 0.2744 * ms + 0.2656 * sl - 1.693
    raise ValueError(f"Wiener Sachtextformel variant must be 1, 2, 3 or 4, not {variant!r}")


def smog_de(polysyllabic_words: int, sentences: int) -> float:
    """SMOG for German (Bamberger & Vanecek 1984); 0.0 for a text without sentences.

    >>> round(smog_de(18, 6), 3)
    7.487
    """
    if not sentences:
        return 0.0
    return math.sqrt(30.0 * polysyllabic_words / sentences) - 2.0


# ---------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WordCount:
    """One word token with its syllables and letters (evidence for the counts).

    ``letters`` are the letters the long-word rule counts: 0 for a web or e-mail
    address (one word of one syllable, never a long word).
    """

    token: int
    start: int
    end: int
    text: str
    syllables: int
    letters: int

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and pandas."""
        return {
            "token": self.token,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "syllables": self.syllables,
            "letters": self.letters,
        }


@dataclass(frozen=True)
class Readability:
    """Readability of one German text: counts, means, formulas and evidence.

    Formulas are attributes (``flesch_amstad``, ``wstf1`` … ``wstf4``, ``lix``,
    ``smog_de``); :attr:`metrics` has them all under stable names. ``evidence()``
    gives the longest sentences (``long_sentence``) and longest words (``long_word``).
    Without words, means, shares and formulas are ``None`` and :attr:`note` says why;
    :attr:`out_of_scale` names the formulas whose value left its scale.
    ``numbers`` is the numeral convention the syllables were counted with.

    >>> r = readability("Die Opposition kritisierte die Regierung.")
    >>> r.words, r.syllables, r.polysyllabic_words
    (5, 13, 3)
    """

    document: Document = field(repr=False, compare=False)
    sentences: int
    words: int
    syllables: int
    long_words: int
    polysyllabic_words: int
    monosyllabic_words: int
    sentence_words: tuple[int, ...] = field(repr=False)
    n_evidence_sentences: int = field(default=3, repr=False)
    n_evidence_words: int = field(default=5, repr=False)
    numbers: str = "word"

    @property
    def word_counts(self) -> tuple[WordCount, ...]:
        """Every word token with its syllables and letters, in text order (built on first use)."""
        return _word_counts(self.document, self.numbers)

    @property
    def note(self) -> str:
        """Why figures are missing (:data:`NO_WORDS_NOTE` for a text without words), else ``""``.

        >>> readability("„“ … –").note
        'kein Wort im Text – nichts zu messen'
        """
        return NO_WORDS_NOTE if not self.words else ""

    @property
    def out_of_scale(self) -> tuple[str, ...]:
        """Names of the formulas whose value lies outside its scale (:data:`SCALES`).

        >>> readability("Die Bahn streikt. Wann ist Schluss?").out_of_scale
        ('flesch_amstad', 'wstf1', 'wstf2', 'wstf3', 'wstf4')
        """
        values = self.metrics
        outside = []
        for name, (low, high) in SCALES.items():
            value = values[name]
            if value is not None and not low <= value <= high:
                outside.append(name)
        return tuple(outside)

    # -- means and formulas ------------------------------------------------

    @property
    def avg_sentence_length(self) -> float | None:
        """ASL: words per sentence (``None`` without words)."""
        return self.words / self.sentences if self.words and self.sentences else None

    @property
    def avg_syllables_per_word(self) -> float | None:
        """ASW: syllables per word (``None`` without words)."""
        return self.syllables / self.words if self.words else None

    def _share(self, count: int) -> float | None:
        return 100.0 * count / self.words if self.words else None

    @property
    def flesch_amstad(self) -> float | None:
        """German Flesch reading ease (Amstad): 180 − ASL − 58.5·ASW; ``None`` without words."""
        asl, asw = self.avg_sentence_length, self.avg_syllables_per_word
        if asl is None or asw is None:
            return None
        return flesch_amstad(asl, asw)

    def _wstf(self, variant: int) -> float | None:
        sl = self.avg_sentence_length
        if sl is None:
            return None
        return wiener_sachtextformel(
            variant,
            ms=100.0 * self.polysyllabic_words / self.words,
            sl=sl,
            iw=100.0 * self.long_words / self.words,
            es=100.0 * self.monosyllabic_words / self.words,
        )

    @property
    def wstf1(self) -> float | None:
        """Wiener Sachtextformel 1 (school grade, for prose); ``None`` without words."""
        return self._wstf(1)

    @property
    def wstf2(self) -> float | None:
        """Wiener Sachtextformel 2; ``None`` without words."""
        return self._wstf(2)

    @property
    def wstf3(self) -> float | None:
        """Wiener Sachtextformel 3; ``None`` without words."""
        return self._wstf(3)

    @property
    def wstf4(self) -> float | None:
        """Wiener Sachtextformel 4; ``None`` without words."""
        return self._wstf(4)

    @property
    def lix(self) -> float | None:
        """LIX: ASL + percentage of words over six letters; ``None`` without words."""
        asl = self.avg_sentence_length
        if asl is None:
            return None
        return asl + 100.0 * self.long_words / self.words

    @property
    def smog_de(self) -> float | None:
        """SMOG for German: sqrt(30 · words of 3+ syllables / sentences) − 2; ``None`` without words."""
        if not self.words or not self.sentences:
            return None
        return smog_de(self.polysyllabic_words, self.sentences)

    # -- the result protocol -------------------------------------------------

    @property
    def metrics(self) -> dict[str, float | None]:
        """All figures as a flat dict (names in :data:`METRIC_DESCRIPTIONS`).

        Counts and formulas are floats; without words, means, shares and formulas
        are ``None`` (see :attr:`note`).

        >>> readability("").metrics["flesch_amstad"] is None, readability("").metrics["words"]
        (True, 0.0)
        """
        # The same arithmetic as the properties above, in the same order (so the same
        # floats), computed once: every property call re-derived ASL and the shares.
        # From int counts every figure is a finite float (a division by a nonzero count,
        # a sum of such terms, the root of a nonnegative one), or None where there is
        # nothing to measure: no test of finiteness needed.
        words, sentences, sentence_words = self.words, self.sentences, self.sentence_words
        long_words, poly, mono = self.long_words, self.polysyllabic_words, self.monosyllabic_words
        asl = asw = iw = ms = es = flesch = wstf1 = wstf2 = wstf3 = wstf4 = lix = smog = None
        if words:
            asw = self.syllables / words
            iw, ms, es = 100.0 * long_words / words, 100.0 * poly / words, 100.0 * mono / words
            if sentences:
                sl = asl = words / sentences
                flesch = flesch_amstad(sl, asw)
                wstf1 = wiener_sachtextformel(1, ms, sl, iw, es)
                wstf2 = wiener_sachtextformel(2, ms, sl, iw, es)
                wstf3 = wiener_sachtextformel(3, ms, sl, iw, es)
                wstf4 = wiener_sachtextformel(4, ms, sl, iw, es)
                lix = sl + 100.0 * long_words / words
                smog = smog_de(poly, sentences)
        return {
            "words": float(words),
            "sentences": float(sentences),
            "syllables": float(self.syllables),
            "long_words": float(long_words),
            "polysyllabic_words": float(poly),
            "monosyllabic_words": float(mono),
            "avg_sentence_length": asl,
            "avg_syllables_per_word": asw,
            "long_word_share": iw,
            "polysyllabic_share": ms,
            "monosyllabic_share": es,
            "longest_sentence_words": float(max(sentence_words) if sentence_words else 0),
            "flesch_amstad": flesch,
            "wstf1": wstf1,
            "wstf2": wstf2,
            "wstf3": wstf3,
            "wstf4": wstf4,
            "lix": lix,
            "smog_de": smog,
        }

    def longest_sentences(self, n: int | None = None) -> list[TextSpan]:
        """The ``n`` sentences with the most words, in text order (label ``long_sentence``)."""
        n = self.n_evidence_sentences if n is None else n
        ranked = sorted(
            (i for i, count in enumerate(self.sentence_words) if count),
            key=lambda i: (-self.sentence_words[i], i),
        )[: max(n, 0)]
        spans = self.document.sentences
        return [
            TextSpan(spans[i].start, spans[i].end, spans[i].text, "long_sentence")
            for i in sorted(ranked)
        ]

    def longest_words(self, n: int | None = None) -> list[TextSpan]:
        """The ``n`` longest distinct words by letters, in text order (label ``long_word``)."""
        n = self.n_evidence_words if n is None else n
        seen: set[str] = set()
        ranked: list[WordCount] = []
        for word in sorted(self.word_counts, key=lambda w: (-w.letters, -w.syllables, w.start)):
            if len(ranked) >= n or word.letters <= _LONG_WORD_LETTERS:
                break
            if word.text not in seen:
                seen.add(word.text)
                ranked.append(word)
        return [
            TextSpan(w.start, w.end, w.text, "long_word")
            for w in sorted(ranked, key=lambda w: w.start)
        ]

    def evidence(self) -> list[TextSpan]:
        """Longest sentences and longest words, with character offsets, in text order."""
        spans = [*self.longest_sentences(), *self.longest_words()]
        return sorted(spans, key=lambda s: (s.start, -s.end, s.label))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: metrics, note, out-of-scale names, conventions, evidence, words.

        >>> d = readability("").to_dict()
        >>> d["metrics"]["lix"], d["note"], d["out_of_scale"], d["numbers"]
        (None, 'kein Wort im Text – nichts zu messen', [], 'word')
        """
        return {
            "metrics": self.metrics,
            "note": self.note,
            "out_of_scale": list(self.out_of_scale),
            "numbers": self.numbers,
            "evidence": [s.to_dict() for s in self.evidence()],
            "sentence_words": list(self.sentence_words),
            "words": [w.to_dict() for w in self.word_counts],
        }

    # -- comparison with textstat ---------------------------------------------

    @property
    def textstat(self) -> TextstatReadability:
        """The same text through textstat's German code path (computed on first use)."""
        cache = self.document.cache
        result = cache.get("textstat_readability")
        if result is None:
            result = textstat_readability(self.document.text)
            cache["textstat_readability"] = result
        return result

    def compare_textstat(self) -> dict[str, tuple[float | None, float]]:
        """``{metric: (mediakit, textstat)}`` for the figures both compute.

        >>> text = "Das betrifft z. B. Rentner, Studierende usw. und Familien. Die Debatte dauert an."
        >>> readability(text).compare_textstat()["sentences"]
        (2.0, 3.0)
        """
        ours, theirs = self.metrics, self.textstat.metrics
        return {k: (ours[k], theirs[k]) for k in theirs if k in ours}

    def disagreements(self) -> list[dict[str, Any]]:
        """Where and why mediakit and textstat count differently.

        Each entry has ``kind`` (``sentence_split``: textstat ends a sentence where
        mediakit does not; ``missed_split``: the reverse; ``ignored_sentence``: textstat
        drops a sentence of up to two words; ``syllables``; ``word_count``), character offsets ``start``/``end``, the ``text``, both
        values and a German ``reason``.

        >>> r = readability("Am 3. Februar kam Dr. Weber. Er sprach.")
        >>> [(d["kind"], d["text"]) for d in r.disagreements()][:3]
        [('sentence_split', 'Am 3.'), ('sentence_split', 'Februar kam Dr.'), ('syllables', 'Dr.')]
        """
        return _disagreements(self, self.textstat)

    def __repr__(self) -> str:
        if not self.words:
            return f"<Readability 0 words: {self.note}>"
        return (
            f"<Readability {self.words} words, {self.sentences} sentences, "
            f"Flesch-Amstad {self.flesch_amstad:.1f}, WSTF1 {self.wstf1:.1f}, LIX {self.lix:.1f}>"
        )


def readability(
    text_or_doc: str | Document | Any,
    *,
    n_sentences: int = 3,
    n_words: int = 5,
    numbers: str = "word",
) -> Readability:
    """Readability of a German text (or parsed :class:`Document`), from the shared parse.

    ``n_sentences``/``n_words``: how many of the longest sentences and words
    ``evidence()`` shows. ``numbers``: ``"word"`` (default) counts a numeral as one
    word of one syllable, ``"spoken"`` as read aloud (``1901`` = 5 syllables); see the
    module docstring for the evidence. A text without words has zero counts, ``None``
    for every mean, share and formula, and a :attr:`~Readability.note`.

    >>> r = readability("Was für ein Chaos! Die Bahn streikt schon wieder.")
    >>> r.sentences, r.words, r.syllables, round(r.flesch_amstad, 2)
    (2, 9, 11, 104.0)
    >>> r.out_of_scale[0]
    'flesch_amstad'
    >>> readability("Im Jahr 1901 kam er.").syllables
    5
    >>> readability("Im Jahr 1901 kam er.", numbers="spoken").syllables
    9
    >>> print(readability("").flesch_amstad)
    None
    """
    spoken_numbers = _spoken_numbers(numbers)
    # analyze() hands over its parse: a Document needs no conversion
    document = text_or_doc if type(text_or_doc) is Document else as_document(text_or_doc)
    key = ("readability", n_sentences, n_words, numbers)
    held = document.cache.get(key)
    cached = held() if held is not None else None
    if cached is not None:
        return cached
    words = document.word_texts
    memo, compute = _COUNT_MEMOS[spoken_numbers]
    # memo_map: in the steady state (every word form seen) one itemgetter call
    syllables, long_words, poly, mono = _chunked_counts(
        memo_map(memo, words, compute, _TOKEN_MEMO_SIZE)
    )
    sentences = document.sentences
    # _words_per_sentence of a single sentence: it holds every word
    sentence_words = (len(words),) if len(sentences) == 1 else _words_per_sentence(document)
    # Readability(...) without its generated __init__: that one stores each field with
    # object.__setattr__ (the class is frozen) into the instance dict, in field order,
    # and does nothing else (no __post_init__, no default factory); one update of the
    # new instance's dict, with every field in the same order, gives the same object
    # (tests/test_fast_paths_p.py compares them)
    result = _new_instance(Readability)
    result.__dict__.update(
        {
            "document": document,
            "sentences": len(sentence_words) - sentence_words.count(0),
            "words": len(words),
            "syllables": syllables,
            "long_words": long_words,
            "polysyllabic_words": poly,
            "monosyllabic_words": mono,
            "sentence_words": sentence_words,
            "n_evidence_sentences": n_sentences,
            "n_evidence_words": n_words,
            "numbers": numbers,
        }
    )
    # a weak reference: the result refers to its document, so a strong one would make a
    # reference cycle that only the garbage collector frees (its passes cost about 4 % of
    # a one-sentence analysis); the result stays the same object while anyone holds it
    document.cache[key] = ref(result)
    return result


def _word_figures(document: Document, spoken_numbers: bool = False) -> tuple[list[int], list[int]]:
    """Syllables and letters of every word token, in text order (cached per document)."""
    key = ("word_figures", spoken_numbers)
    cached = document.cache.get(key)
    if cached is not None:
        return cached
    memo, compute = _TOKEN_MEMOS[spoken_numbers]
    known = memo_map(memo, document.word_texts, compute, _TOKEN_MEMO_SIZE)
    if known:
        syllables, letters = zip(*known, strict=True)
        result = (list(syllables), list(letters))
    else:
        result = ([], [])
    document.cache[key] = result
    return result


def _word_counts(document: Document, numbers: str = "word") -> tuple[WordCount, ...]:
    key = ("word_counts", numbers)
    cached = document.cache.get(key)
    if cached is not None:
        return cached
    starts, texts = document.token_starts, document.token_texts
    syllables, letters = _word_figures(document, _spoken_numbers(numbers))
    result = tuple(
        WordCount(i, starts[i], starts[i] + len(texts[i]), texts[i], syllables[k], letters[k])
        for k, i in enumerate(document.words)
    )
    document.cache[key] = result
    return result


def _letters(token: str) -> int:
    # a web or e-mail address is one short word: it never counts as a long word
    return 0 if is_web_address(token) else sum(map(str.isalpha, token))


def _syllables_and_letters(token: str) -> tuple[int, int]:
    return token_syllables(token), _letters(token)


def _spoken_syllables_and_letters(token: str) -> tuple[int, int]:
    return token_syllables(token, numbers="spoken"), _letters(token)


# token text -> (syllables, letters), one memo per numeral convention; bounded, so a
# stream of odd tokens cannot grow them
_TOKEN_MEMOS: dict[bool, tuple[dict[str, tuple[int, int]], Any]] = {
    False: ({}, _syllables_and_letters),
    True: ({}, _spoken_syllables_and_letters),
}
_TOKEN_MEMO_SIZE = 200_000

#: The counting facts of one word form packed into one int, so that a single ``sum()``
#: over a text's words counts them all at C speed: bits 0-15 count the long words
#: (more than 6 letters), bits 16-31 the words of 3 or more syllables, bits 32-47 the
#: words of one syllable, the bits from 48 up the syllables. The words are summed in
#: chunks of at most :data:`_CHUNK_WORDS` (a text of a million characters at most a
#: few), so no count carries into the next field (the syllables, on top, have no
#: bound). With 16-bit fields a total stays below 2**63 up to 32,767 syllables (a text
#: of some 100 kB): ``sum()`` then adds in a C long, with no int object per addition
#: (past that it goes on with Python ints, exactly).
_FIELD_BITS = 16
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_SYLLABLES_SHIFT = 3 * _FIELD_BITS
#: the most words summed at once: no field of their total exceeds its 16 bits
_CHUNK_WORDS = _FIELD_MASK


def _chunked_counts(packed: list[int]) -> tuple[int, int, int, int]:
    """(syllables, long, polysyllabic, monosyllabic words) of a text's packed word
    facts, summed :data:`_CHUNK_WORDS` at a time and unpacked chunk by chunk."""
    if len(packed) <= _CHUNK_WORDS:  # one chunk (almost every text)
        total = sum(packed)
        return (
            total >> _SYLLABLES_SHIFT,
            total & _FIELD_MASK,
            (total >> _FIELD_BITS) & _FIELD_MASK,
            (total >> 2 * _FIELD_BITS) & _FIELD_MASK,
        )
    syllables = long_words = poly = mono = 0
    for lo in range(0, len(packed), _CHUNK_WORDS):
        total = sum(packed[lo : lo + _CHUNK_WORDS])
        syllables += total >> _SYLLABLES_SHIFT
        long_words += total & _FIELD_MASK
        poly += (total >> _FIELD_BITS) & _FIELD_MASK
        mono += (total >> 2 * _FIELD_BITS) & _FIELD_MASK
    return syllables, long_words, poly, mono


_new_instance = object.__new__


def _packed(figures: tuple[int, int]) -> int:
    """One word's counting facts as one int (see :data:`_FIELD_BITS`) from (syllables, letters)."""
    syllables, letters = figures
    return (
        (letters > _LONG_WORD_LETTERS)
        | (syllables >= 3) << _FIELD_BITS
        | (syllables == 1) << 2 * _FIELD_BITS
        | syllables << _SYLLABLES_SHIFT
    )


# token text -> its packed counting facts, one memo per numeral convention (bounded
# like the figures memo)
_COUNT_MEMOS: dict[bool, tuple[dict[str, int], Any]] = {
    False: ({}, lambda token: _packed(_syllables_and_letters(token))),
    True: ({}, lambda token: _packed(_spoken_syllables_and_letters(token))),
}


def _words_per_sentence(document: Document) -> tuple[int, ...]:
    """Word tokens per sentence (a sentence of punctuation only holds 0 words)."""
    sentences = document.sentences
    if not sentences:
        return ()
    if len(sentences) == 1:
        return (document.n_words,)  # a single sentence holds every word
    word_starts = document.word_starts
    bounds = [0, *(bisect_left(word_starts, s.start) for s in sentences[1:]), len(word_starts)]
    return tuple(hi - lo for lo, hi in pairwise(bounds))


# ---------------------------------------------------------------------------
# textstat, side by side
# ---------------------------------------------------------------------------

_TEXTSTAT_LOCK = threading.Lock()
_CLOSERS = set("\"'“”„«»‘’‹›)]")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


@contextmanager
def textstat_language(lang: str = "de") -> Iterator[Any]:
    """Use textstat's global ``textstat`` object with ``lang``, then restore its language.

    mediakit itself never needs this (it calls textstat's backend with ``lang="de"``);
    it is for notebooks that want textstat's public API without leaving the global
    state changed. A lock keeps threads from interleaving.

    >>> with textstat_language("de") as ts:
    ...     round(ts.flesch_reading_ease("Die Katze schläft."), 1)
    99.0
    """
    import textstat

    with _TEXTSTAT_LOCK:
        previous = getattr(textstat.textstat, "_textstatistics__lang", "en_US")
        textstat.set_lang(lang)
        try:
            yield textstat
        finally:
            textstat.set_lang(previous)


@dataclass(frozen=True)
class TextstatReadability:
    """textstat 0.7.13's German figures for a text, for comparison with mediakit.

    textstat counts sentences with a regular expression (every ``.``, ``!``, ``?``
    ends one; pieces of up to two words are dropped), words by splitting at spaces
    after removing punctuation, and syllables with pyphen's hyphenation patterns.

    >>> ts = textstat_readability("Am 3. Februar kam Dr. Weber. Er sprach.")
    >>> ts.sentences, ts.words
    (1, 8)
    """

    text: str = field(repr=False)
    sentences: int
    words: int
    syllables: int
    flesch_amstad: float
    wstf1: float
    wstf2: float
    wstf3: float
    wstf4: float
    lix: float
    sentence_pieces: tuple[tuple[int, int, bool], ...] = field(repr=False)

    @property
    def metrics(self) -> dict[str, float]:
        """textstat's figures under mediakit's metric names."""
        return {
            "sentences": float(self.sentences),
            "words": float(self.words),
            "syllables": float(self.syllables),
            "avg_sentence_length": safe_div(self.words, self.sentences),
            "avg_syllables_per_word": safe_div(self.syllables, self.words),
            "flesch_amstad": float(self.flesch_amstad),
            "wstf1": float(self.wstf1),
            "wstf2": float(self.wstf2),
            "wstf3": float(self.wstf3),
            "wstf4": float(self.wstf4),
            "lix": float(self.lix),
        }

    def sentence_ends(self) -> list[int]:
        """Offsets where textstat's counted sentence pieces end (trailing space excluded)."""
        return [end for _, end, counted in self.sentence_pieces if counted]

    def evidence(self) -> list[TextSpan]:
        """textstat's sentence pieces (``sentence``, or ``sentence:ignored`` for short ones)."""
        return [
            TextSpan(s, e, self.text[s:e], "sentence" if counted else "sentence:ignored")
            for s, e, counted in self.sentence_pieces
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: metrics and sentence pieces."""
        return {"metrics": self.metrics, "sentences": [s.to_dict() for s in self.evidence()]}


def textstat_readability(text: str | Document | Any) -> TextstatReadability:
    """The text through textstat's German code path (never its English one: no downloads).

    Calls textstat's backend functions with ``lang="de"`` explicitly, so no global
    language setting is read or changed.

    >>> ts = textstat_readability("Was für ein Chaos! Die Bahn streikt schon wieder.")
    >>> ts.sentences, ts.words, ts.syllables
    (2, 9, 11)
    """
    source = check_text(text) if isinstance(text, str) else as_document(text).text
    from textstat.backend import counts, metrics

    lang = "de"
    pieces = []
    for match in _TEXTSTAT_SENTENCE.finditer(source):
        start, end = match.start(), match.end()
        while end > start and source[end - 1].isspace():
            end -= 1
        counted = counts.count_words(match.group()) > 2
        pieces.append((start, end, counted))
    return TextstatReadability(
        text=source,
        sentences=counts.count_sentences(source) if source else 0,
        words=counts.count_words(source),
        syllables=counts.count_syllables(source, lang),
        flesch_amstad=metrics.flesch_reading_ease(source, lang),
        wstf1=metrics.wiener_sachtextformel(source, 1, lang),
        wstf2=metrics.wiener_sachtextformel(source, 2, lang),
        wstf3=metrics.wiener_sachtextformel(source, 3, lang),
        wstf4=metrics.wiener_sachtextformel(source, 4, lang),
        lix=metrics.lix(source),
        sentence_pieces=tuple(pieces),
    )


def textstat_word_syllables(word: str) -> int:
    """Syllables textstat gives one word in German (pyphen hyphenation points + 1).

    >>> textstat_word_syllables("Opposition"), textstat_word_syllables("EU")
    (5, 1)
    """
    from textstat.backend import counts

    return counts.count_syllables(word, "de")


def _disagreements(ours: Readability, theirs: TextstatReadability) -> list[dict[str, Any]]:
    text = ours.document.text
    text_end = len(text.rstrip())
    found: list[dict[str, Any]] = []
    our_ends = {s.end for s in ours.document.sentences}
    their_ends = set()
    for start, end, counted in theirs.sentence_pieces:
        # textstat's piece stops before a closing quote or bracket; ours includes it
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        their_ends.add(end)
        if end not in our_ends and end < text_end:
            mark = text[end - 1 : end]
            reason = (
                f"textstat beendet bei jedem „{mark}“ einen Satz (auch nach Abkürzungen, "
                "Ordinalzahlen, Datumsangaben); mediakit nicht"
            )
            if not counted:
                reason += "; das Stück hat höchstens zwei Wörter und wird nicht gezählt"
            # show the last words before the split, starting at a word boundary
            cut = text.rfind(" ", start, max(end - 12, start))
            context = cut + 1 if cut >= 0 else start
            found.append(
                {
                    "kind": "sentence_split",
                    "start": context,
                    "end": end,
                    "text": text[context:end],
                    "mediakit": "kein Satzende",
                    "textstat": "Satzende",
                    "reason": reason,
                }
            )
        elif not counted:
            found.append(
                {
                    "kind": "ignored_sentence",
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "mediakit": "Satz",
                    "textstat": "ignoriert",
                    "reason": "textstat zählt Sätze mit höchstens zwei Wörtern nicht",
                }
            )
    for sentence in ours.document.sentences:
        if sentence.end not in their_ends and sentence.end < text_end:
            found.append(
                {
                    "kind": "missed_split",
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": sentence.text,
                    "mediakit": "Satzende",
                    "textstat": "kein Satzende",
                    "reason": "textstat trennt nur an . ! ? (nicht an Absätzen und Überschriften "
                    "ohne Punkt)",
                }
            )
    if ours.words != theirs.words:
        found.append(
            {
                "kind": "word_count",
                "start": 0,
                "end": len(text),
                "text": "",
                "mediakit": ours.words,
                "textstat": theirs.words,
                "reason": "textstat entfernt Satzzeichen vor dem Zählen: Bindestriche verbinden "
                "(„Europa-Strategie“ wird „EuropaStrategie“), allein stehende Gedankenstriche "
                "und Zeichen zählen nicht; mediakit zählt Token mit Buchstabe oder Ziffer",
            }
        )
    for word in ours.word_counts:
        theirs_count = textstat_word_syllables(word.text)
        if theirs_count != word.syllables:
            found.append(
                {
                    "kind": "syllables",
                    "start": word.start,
                    "end": word.end,
                    "text": word.text,
                    "mediakit": word.syllables,
                    "textstat": theirs_count,
                    "reason": _syllable_reason(word.text, word.syllables, theirs_count),
                }
            )
    return sorted(found, key=lambda d: (d["start"], d["end"]))


def _syllable_reason(word: str, ours: int, theirs: int) -> str:
    letters = "".join(ch for ch in word if ch.isalpha())
    if is_web_address(word):
        return "Web- oder E-Mail-Adresse: mediakit zählt sie als ein Wort mit einer Silbe"
    if any(ch.isdigit() for ch in word):
        if ours == 1:
            return "Zahl: mediakit zählt eine Zahl als ein Wort mit einer Silbe"
        return "Zahl: mediakit zählt die gesprochenen Silben, textstat die Trennstellen der Ziffern"
    if word.endswith(".") and len(word) > 1:
        return "Abkürzung: mediakit zählt die gesprochene Form (Dr. = Dok-tor)"
    if letters and (
        (letters.isupper() and len(letters) > 1) or not re.search("[aeiouyäöü]", letters.lower())
    ):
        return "Abkürzung: mediakit buchstabiert (EU = E-U), textstat trennt sie wie ein Wort"
    if re.search(r"[st]ion", word.lower()) and theirs > ours:
        return "-tion/-sion ist gesprochen eine Silbe; die Silbentrennung trennt i-on"
    lower = letters.lower()
    if theirs < ours and (
        re.match(r"[aeiouäöü][^aeiouäöüy]", lower)
        or re.search(r"[aeiouäöü]{2}$|[^aeiouäöü][aeiouäöü]$", lower)
    ):
        return (
            "Silbentrennung trennt einzelne Vokale am Wortrand nicht ab (a-ber, I-dee), "
            "gesprochen sind sie eine eigene Silbe"
        )
    if theirs < ours:
        return "Silbentrennung setzt hier keine Trennstelle, gesprochen sind es mehr Silben (Hiat: The-a-ter)"
    return "Silbentrennung trennt hier mehr Stellen ab, als gesprochen werden (Deutsch-land)"
