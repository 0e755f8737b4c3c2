"""Spoken German syllables, the convention the German readability formulas use.

The count follows what a reader says, not where a line may be hyphenated:

* diphthongs and long vowels are one syllable (``ei ai au eu äu ie aa ee oo``);
* ``-tion``/``-sion`` and an unstressed ``i`` before a vowel are one syllable
  (``Lek-tion``, ``Me-dien``, ``Gym-na-sium``), but ``ri`` before a vowel, a word-final
  ``-io``/``-ia`` and a stressed first ``i`` are two (``Se-ri-en``, ``Ra-di-o``,
  ``Di-a-gno-se``);
* two vowels that form no diphthong are two syllables (``The-a-ter``, ``Mu-se-um``,
  ``Po-et``, ``O-ze-an``, ``Cha-os``), and so is a diphthong followed by a vowel
  (``neu-e``, ``Frau-en``);
* acronyms are spelled out (``EU`` = 2, ``CDU`` = 3, ``Lkw`` = 3) unless they are
  read as a word (``NATO``), and abbreviations count as their spoken form
  (``Dr.`` = *Doktor*);
* a numeral (``3``, ``3.``, ``1901``, ``12.02.2025``, ``2,5``) is one syllable by default
  (``numbers="word"``); with ``numbers="spoken"`` it counts as read aloud (``3.`` =
  *dritten* = 2, ``1901`` = *neunzehnhunderteins* = 5). Digits inside a word count one
  syllable per digit group (``G7`` = 2) or, spoken, as read (``G7`` = 3). Why one
  syllable is the default: see :mod:`mediakit.readability`;
* a web or e-mail address (``https://tkp.at/…``, ``www.example.de``,
  ``leserbriefe@zeitung.de``) is one syllable (:mod:`mediakit.web_addresses`);
* loanword morphemes and hiatus prefixes the rules cannot see (``Team``, ``Homepage``,
  ``be-enden``) come from ``data/syllable_exceptions.tsv``.

>>> [count_syllables(w) for w in ["Lektion", "beenden", "Theater", "EU", "CDU", "neue"]]
[2, 3, 3, 2, 3, 2]
>>> count_syllables("1901"), count_syllables("1901", numbers="spoken")
(1, 5)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from .document import is_word
from .tables import load_table
from .web_addresses import is_web_address

__all__ = ["NUMBER_CONVENTIONS", "count_syllables", "number_syllables", "token_syllables"]

#: How numerals count: ``"word"`` (one word of one syllable, the default) or
#: ``"spoken"`` (the syllables of the number read aloud).
NUMBER_CONVENTIONS = ("word", "spoken")

_VOWELS = "aeiouyäöü"
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
# Only runs of two or more vowels need the pair rules; a lone vowel is one nucleus.
_LONG_VOWEL_RUN = re.compile(f"[{_VOWELS}]{{2,}}")
# The letters whose ``.lower()`` is a vowel (checked over all of Unicode): one search
# instead of a per-character generator in the acronym test.
_ANY_CASE_VOWEL = re.compile(f"[{_VOWELS}{_VOWELS.upper()}]")
_DIPHTHONGS = ("ai", "au", "ei", "eu", "äu", "ay", "ey", "oy", "ou")
_LONG_VOWELS = ("aa", "ee", "oo", "ie")
_ONE_NUCLEUS_PAIRS = frozenset(_DIPHTHONGS + _LONG_VOWELS)
_SEGMENT = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# Same characters as str.isspace (checked over all of Unicode), in one
# search instead of a per-character generator.
_SPACE = re.compile(r"\s")
_MAX_WORD = 200  # longer "words" are counted in chunks: no word is that long


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


@cache
def _exceptions() -> tuple[tuple[tuple[str, str, int], ...], dict[str, int]]:
    """((literal, pattern, syllables) for word parts, acronyms read as words).

    ``literal`` is a piece of plain text every match of ``pattern`` contains, so a
    word is only matched against the few patterns whose literal it holds.
    """
    parts: list[tuple[str, str, int]] = []
    acronyms: dict[str, int] = {}
    for row in load_table("syllable_exceptions.tsv"):
        if row["kind"] in ("acronym_word", "acronym_spelled"):
            acronyms[row["pattern"]] = int(row["syllables"])
        else:
            re.compile(row["pattern"])  # a broken table row fails here, with its text
            parts.append((_required_literal(row["pattern"]), row["pattern"], int(row["syllables"])))
    return tuple(parts), acronyms


def _required_literal(pattern: str) -> str:
    """The longest run of letters that every match of a simple ``pattern`` contains."""
    plain = re.sub(r"\([^()]*\)", " ", pattern)  # groups, lookarounds
    plain = re.sub(r"\[[^\]]*\]", " ", plain)  # character classes
    plain = re.sub(r".[?*]", " ", plain)  # optional characters
    runs = re.findall(r"[^\W\d_]+", plain)
    return max(runs, key=len, default="")


@cache
def _literal_index() -> tuple[re.Pattern[str], tuple[tuple[int, str], ...], tuple[int, ...]]:
    """(screen, (row, literal) pairs, rows without a literal of two or more letters).

    ``screen`` finds a word that holds any of the literals. Only a few percent of the
    words do, so most words are ruled out by this one search instead of a Python loop
    over their letters.
    """
    literals: list[tuple[int, str]] = []
    always: list[int] = []
    for i, (literal, _, _) in enumerate(_exceptions()[0]):
        if len(literal) >= 2:
            literals.append((i, literal))
        else:
            always.append(i)
    screen = re.compile(_trie_pattern(literal for _, literal in literals) or "(?!)")
    return screen, tuple(literals), tuple(always)


_Trie = dict[str, "_Trie"]  # letter -> subtree; "" marks the end of a word


def _trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, with shared prefixes merged.

    A flat ``a|b|c`` alternation tries every literal at every position of the word;
    the trie tries only the branches that share the letters read so far.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        if "" in node:
            return ""  # a whole literal was read: longer ones add nothing to "is one there"
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return build(trie) if trie else ""


@lru_cache(maxsize=1024)
def _combined(candidates: tuple[int, ...]) -> tuple[re.Pattern[str], dict[str, int]]:
    table = _exceptions()[0]
    source = "|".join(f"(?P<p{i}>{table[i][1]})" for i in candidates)
    return re.compile(source), {f"p{i}": table[i][2] for i in candidates}


@cache
def _spoken_abbreviations() -> dict[str, str]:
    return {
        row["abbreviation"]: row["spoken"]
        for row in load_table("abbreviations.tsv")
        if row.get("spoken")
    }


# ---------------------------------------------------------------------------
# Letters: the vowel-group rules
# ---------------------------------------------------------------------------


# Patterns of the context rules, compiled once: they run for many words.
_IEU_END = re.compile(r"(?:rs?)?$")
_RI_KEEPS_SYLLABLE = re.compile(r"u|an|as?$")
_RIER = re.compile(r"r(?:n|s|in|innen)?")
_RIEN_COMPOUND = re.compile(r"n(?![aeiouäöü])")
_IEN_PLURAL = re.compile(r"ns?")
_STRESSED_IE_STEM = re.compile(r"(?:[aeiouäöür][gtp]|ph|[aeiou]m)$")

# Nuclei of vowel runs the context cannot change (see _is_context_free), by run. Runs
# of up to four letters are kept: that bounds the table and covers nearly all runs.
_RUN_NUCLEI: dict[str, int] = {}
_RUN_NUCLEI_MAX = 4


def _is_context_free(run: str) -> bool:
    """Whether ``_nuclei`` counts ``run`` the same in every word.

    Only ``ie`` and a run-initial ``i``/``u``/``y`` look at the letters around the run
    (Se-ri-en, qu, Yoga, Me-dien); every other pair rule reads the run alone.
    """
    return run[0] not in "iuy" and "ie" not in run


def _nuclei(run: str, word: str, start: int, word_start: bool) -> int:
    """Syllable nuclei in one run of vowel letters ``run`` found at ``word[start]``."""
    end = start + len(run)
    before = word[start - 1] if start > 0 else ""
    count = 0
    i = 0
    while i < len(run):
        pair = run[i : i + 2]
        if pair == "ie":
            rest = run[i + 2 :]
            after = word[end:]
            if rest[:1] == "u" and _IEU_END.match(after):
                count += 1  # Milieu, Ingenieur: French "ieu" is one syllable
                i += 3
                continue
            count += 2 if _ie_is_two(word, start + i, rest, after, before, i) else 1
            i += 2
            continue
        if pair in _ONE_NUCLEUS_PAIRS:
            count += 1
            i += 2
            continue
        char = run[i]
        nxt = run[i + 1] if i + 1 < len(run) else ""
        if char == "u" and (before == "q" if i == 0 else False) and nxt:
            i += 1  # "qu": the u is part of the consonant (Quelle, bequem)
            continue
        if char == "y" and nxt and i == 0 and start == 0 and word_start:
            i += 1  # initial y before a vowel is a consonant (Yoga, Yacht)
            continue
        if char == "i" and nxt and nxt not in "e" and _i_is_glide(word, start + i, i, before):
            i += 1  # Me-dien, so-zial, Mil-lion: the i glides into the next vowel
            continue
        count += 1
        i += 1
    return count


def _i_is_glide(word: str, pos: int, index_in_run: int, before: str) -> bool:
    """An unstressed ``i`` before a vowel after a consonant is a glide (``Spa-nien``)."""
    if index_in_run > 0 or not before:
        return False
    if before in _VOWELS:
        return False
    if before == "r" and _RI_KEEPS_SYLLABLE.match(word[pos + 1 :]):
        return False  # Mi-nis-te-ri-um, Va-ri-an-te, Ma-ri-a: after r the i keeps its syllable
    # The first vowel of a word is stressed or initial: Di-a-gno-se, Pi-a-no, Bi-o-lo-gie.
    return _VOWEL_RUN.search(word, 0, pos) is not None


def _ie_is_two(word: str, pos: int, rest: str, after: str, before: str, index_in_run: int) -> bool:
    """``ie`` is two syllables in ``Se-ri-en``/``Ener-gi-en``, one in ``Bie-ne``/``Spa-nien``."""
    if rest:
        return False
    if _VOWEL_RUN.search(word, 0, pos) is None:
        return False  # Wien, schien, die, nie
    if before == "r" and _RIER.fullmatch(after):
        return True  # Vegeta-ri-er, Parlamenta-ri-er
    if before == "r" and _RIEN_COMPOUND.match(after):
        return True  # Fe-ri-en, Fe-ri-en-haus, Se-ri-en-tä-ter
    if after.startswith("n") and _IEN_PLURAL.fullmatch(after):
        # Plural -ien: syllabic after r (Se-ri-en) and after the stressed -ie of
        # Energie, Strategie, Partie, Therapie (Ener-gi-en, Par-ti-en).
        if before == "r":
            return True
        stem = word[:pos]
        return bool(_STRESSED_IE_STEM.search(stem))
    return False


def _count_letters(part: str, word_start: bool) -> int:
    """Syllables in a lower-case letter sequence by the vowel-group rules."""
    # Every run of vowels is at least one nucleus; only the longer runs can add more
    # (The-a-ter) or take one away (qu, Yoga, Me-dien), so only they go to _nuclei.
    runs = _VOWEL_RUN.findall(part)
    count = len(runs)
    if len("".join(runs)) == count:
        return count  # single vowels only: cheaper than a second search
    for match in _LONG_VOWEL_RUN.finditer(part):
        run = match.group()
        nuclei = _RUN_NUCLEI.get(run)
        if nuclei is None:
            nuclei = _nuclei(run, part, match.start(), word_start)
            if len(run) <= _RUN_NUCLEI_MAX and _is_context_free(run):
                _RUN_NUCLEI[run] = nuclei
        count += nuclei - 1
    return count


def _count_with_exceptions(lower: str) -> int:
    screen, literals, always = _literal_index()
    if not always and screen.search(lower) is None:
        return _count_letters(lower, True)  # no exception row can match: most words
    # The rows whose literal the word holds, in table order (the first match wins).
    candidates = tuple(sorted([*always, *[i for i, literal in literals if literal in lower]]))
    if not candidates:
        return _count_letters(lower, True)
    pattern, counts = _combined(candidates)
    total = 0
    pos = 0
    for match in pattern.finditer(lower):
        total += _count_letters(lower[pos : match.start()], pos == 0)
        total += counts[match.lastgroup or ""]
        pos = match.end()
    total += _count_letters(lower[pos:], pos == 0)
    return total


_LETTER_NAMES = {"y": 3, "w": 1}  # Ypsilon; every other German letter name is one syllable


def _spelled(letters: str) -> int:
    return sum(_LETTER_NAMES.get(ch.lower(), 1) for ch in letters)


_PRONOUNCEABLE_CAPS = re.compile(r"[^AEIOUÄÖÜY]{0,3}(?:[AEIOUÄÖÜY]+[^AEIOUÄÖÜY]{1,3})*[AEIOUÄÖÜY]*")


def _is_acronym(part: str) -> bool:
    if _ANY_CASE_VOWEL.search(part) is None:
        return len(part) > 1 or part.isupper()  # Lkw, ZDF, cd
    if part[1:].islower():
        return False  # Haus, haus: at most one capital, so neither all caps nor AfD-like
    uppers = sum(map(str.isupper, part))
    if part.isupper() and len(part) >= 2:
        if len(part) <= 3:
            return True  # EU, USA, CDU, ARD
        # Longer all-caps words are read when pronounceable (TRUMP, STOPP), else spelled.
        return not _PRONOUNCEABLE_CAPS.fullmatch(part)
    return uppers >= 2 and (len(part) <= 4 or len(part) - uppers <= 1)  # AfD, GmbH, UdSSR


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
# Vowel letters of the other alphabets German news quotes most (Cyrillic, Greek), so
# "Москва" counts about as spoken; other scripts count one syllable per word.
_OTHER_VOWELS = re.compile("[аеёиоуыэюяіїєўαεηιουωάέήίόύώϊϋΐΰ]+")


def _letters(part: str, word_start: bool) -> int:
    # ``part`` is a run of letters (see _SEGMENT): an ASCII one is all A-Z/a-z.
    if not part.isascii() and not _LATIN.search(part):
        return len(_OTHER_VOWELS.findall(part.lower())) or 1
    acronyms = _exceptions()[1]
    if part in acronyms:
        return acronyms[part]
    if _is_acronym(part):
        return _spelled(part)
    return _count_with_exceptions(part.lower())


# ---------------------------------------------------------------------------
# Numbers, read aloud
# ---------------------------------------------------------------------------

_UNITS = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1]  # null eins zwei drei vier fünf sechs sieben acht neun
_TEENS = [1, 1, 1, 2, 2, 2, 2, 2, 2, 2]  # zehn elf zwölf dreizehn ... neunzehn (sieb-zehn)


def _below_100(n: int) -> int:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    unit = n % 10
    # zwanzig ... neunzig are two syllables; "einundzwanzig" adds unit + "und"
    return 2 + (_UNITS[unit] + 1 if unit else 0)


def _below_1000(n: int) -> int:
    hundreds, rest = divmod(n, 100)
    count = (_UNITS[hundreds] + 2 if hundreds > 1 else 2) if hundreds else 0  # (ein)hundert
    if rest:
        count += _below_100(rest)
    return count


def number_syllables(digits: str, *, ordinal: bool = False) -> int:
    """Syllables of a digit string read aloud in German.

    Years 1100-1999 are read in hundreds (*neunzehnhundertneunundachtzig*), other
    numbers in full; very long digit strings are read digit by digit. An ordinal
    (``3.`` = *dritten*) adds its ending.

    >>> number_syllables("3"), number_syllables("3", ordinal=True), number_syllables("2025")
    (1, 2, 7)
    """
    if not digits.isdigit():
        raise ValueError(f"not a digit string: {digits!r}")
    digits = digits.lstrip("0") or "0"
    if len(digits) > 12 or not digits.isascii():
        return sum(_UNITS[int(d)] if d.isascii() else 1 for d in digits)
    n = int(digits)
    if 1100 <= n <= 1999 and n % 100:
        count = _below_100(n // 100) + 2 + _below_100(n % 100)
    elif n == 0:
        count = 2  # null
    else:
        count = 0
        billions, rest = divmod(n, 1_000_000_000)
        millions, rest = divmod(rest, 1_000_000)
        thousands, rest = divmod(rest, 1000)
        if billions:
            count += _below_1000(billions) + 3  # Mil-li-ar-de(n)
        if millions:
            count += _below_1000(millions) + 3  # Mil-li-o-nen (spoken with a glide: 3)
        if thousands:
            count += (_below_1000(thousands) if thousands > 1 else 0) + 2  # tausend
        if rest:
            count += 1 if rest == 1 else _below_1000(rest)
    if ordinal:
        count += 0 if n % 100 == 7 else 1  # siebte keeps two syllables; dritte, zwanzigste +1
    return count


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _count(word: str, spoken_numbers: bool = False) -> int:
    abbreviations = _spoken_abbreviations()
    spoken = abbreviations.get(word)
    if spoken is None and word.endswith(".") and len(word) > 1:
        spoken = abbreviations.get(word.rstrip("."))
    if spoken:
        return sum(_count(part, spoken_numbers) for part in spoken.split())
    if word.isalpha():
        # Most words: no digit (so no numeral) and a single letter segment.
        return _letters_long(word[: _MAX_WORD * 50], True)
    if is_web_address(word):
        return 1  # a web or e-mail address is one word of one syllable
    if not spoken_numbers:
        if _NUMERAL_TOKEN.fullmatch(word):
            return 1  # a numeral is one word of one syllable
        # digits inside a word ("G7", "2025er"): one syllable per digit group
        return sum(
            1 if part.isdigit() else _letters_long(part, match.start() == 0)
            for match in _SEGMENT.finditer(word[: _MAX_WORD * 50])
            for part in (match.group(),)
        )
    numeral = _numeral(word)
    if numeral is not None:
        return numeral
    ordinal = _ORDINAL.fullmatch(word) is not None
    total = 0
    for match in _SEGMENT.finditer(word[: _MAX_WORD * 50]):
        part = match.group()
        if part.isdigit():
            total += number_syllables(part, ordinal=ordinal)
        else:
            total += _letters_long(part, match.start() == 0)
    return total


# A token that is a numeral as a whole: digits with the marks numbers are written with
# (3. 12.02.2025 18:27 2,5 1.000 2024/25 1990-1995 +49 30 %). Unicode digits count too.
_NUMERAL_TOKEN = re.compile(r"[+\-−±]?\d+(?:[.,:/'’\-–]\d+)*[.%‰]?")


_ORDINAL = re.compile(r"\d{1,4}\.")
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?")
_CLOCK = re.compile(r"(\d{1,2}):(\d{1,2})(?::(\d{2}))?")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL = re.compile(r"(\d+),(\d+)")


def _numeral(word: str) -> int | None:
    """Dates, clock times, scores, decimals and grouped thousands as read aloud."""
    if not word[:1].isdigit():
        return None
    if match := _DATE.fullmatch(word):  # 12.02.2025: zwölfter Zweiter zweitausend…
        day, month, year = match.groups()
        count = number_syllables(day, ordinal=True) + number_syllables(month, ordinal=True)
        return count + (number_syllables(year) if year else 0)
    if match := _CLOCK.fullmatch(word):  # 18:27 Uhr, 2:1 (zwei zu eins): one word between
        return sum(number_syllables(g) for g in match.groups() if g) + 1
    if _THOUSANDS.fullmatch(word):  # 1.000, 150.000
        return number_syllables(word.replace(".", ""))
    if match := _DECIMAL.fullmatch(word):  # 2,5: zwei Komma fünf
        whole, fraction = match.groups()
        digits = (
            sum(number_syllables(d) for d in fraction)
            if len(fraction) > 2
            else (number_syllables(fraction))
        )
        return number_syllables(whole) + 2 + digits
    return None


def _letters_long(part: str, word_start: bool) -> int:
    if len(part) <= _MAX_WORD:
        return max(_letters(part, word_start), 1)
    # A run-away "word" (no spaces for thousands of characters): count in chunks.
    return sum(
        max(_letters(part[i : i + _MAX_WORD], i == 0), 1) for i in range(0, len(part), _MAX_WORD)
    )


def _spoken_numbers(numbers: str) -> bool:
    """``numbers="spoken"`` or ``"word"`` as a flag; anything else is a clear error."""
    if numbers == "word":
        return False
    if numbers == "spoken":
        return True
    if not isinstance(numbers, str):
        raise TypeError(
            f"numbers muss ein str sein ('word' oder 'spoken'), nicht {type(numbers).__name__}"
        )
    raise ValueError(
        f"numbers muss 'word' (eine Zahl = ein Wort mit einer Silbe) oder 'spoken' "
        f"(gesprochene Silben) sein, nicht {numbers!r}"
    )


def count_syllables(word: str, *, numbers: str = "word") -> int:
    """Spoken syllables of one German word (or abbreviation, numeral, acronym, address).

    Punctuation and symbols count 0; hyphenated compounds count each part. A numeral
    is one syllable (``numbers="word"``, the default) or counts as read aloud
    (``numbers="spoken"``); a web or e-mail address is one syllable.

    >>> [count_syllables(w) for w in ["Haus", "Frauen", "Museum", "Opposition", "Italien"]]
    [1, 2, 3, 4, 3]
    >>> [count_syllables(w) for w in ["USA", "Dr.", "3.", "Europa-Strategie", "www.dpa.de"]]
    [3, 2, 1, 6, 1]
    >>> count_syllables("3.", numbers="spoken"), count_syllables("2025", numbers="spoken")
    (2, 7)
    """
    if not isinstance(word, str):
        raise TypeError(f"word must be a str, not {type(word).__name__}")
    word = str.__str__(word)  # a str subclass as its plain value: the memo compares keys
    spoken_numbers = _spoken_numbers(numbers)
    stripped = word.strip()
    if not stripped:
        raise ValueError("word is empty: pass one word, e.g. count_syllables('Haus')")
    if not stripped.isalnum() and _SPACE.search(stripped):
        raise ValueError(
            f"count_syllables takes one word, not a phrase ({stripped[:40]!r}); "
            "use mediakit.readability(text) for a text"
        )
    return _count(stripped, spoken_numbers)


def token_syllables(token: str, *, numbers: str = "word") -> int:
    """Syllables of a token's text: 0 for punctuation, whitespace or an empty string.

    ``numbers`` as in :func:`count_syllables`.

    >>> token_syllables("„"), token_syllables("Bundestag"), token_syllables("1901")
    (0, 3, 1)
    """
    if not isinstance(token, str):
        raise TypeError(f"token must be a str, not {type(token).__name__}")
    spoken_numbers = _spoken_numbers(numbers)
    token = token.strip()
    if token.isalnum():
        return _count(token, spoken_numbers)  # a word or number: the common case
    if not is_word(token):
        return 0
    if _SPACE.search(token):
        return sum(_count(part, spoken_numbers) for part in token.split())
    return _count(token, spoken_numbers)
