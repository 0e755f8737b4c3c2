"""The lexicon: categories, entries, the :class:`Lexicon` and its loaders (TSV, SentiWS)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..tables import load_table, read_table
from .lemmas import _table_lemmatize, lemmatize

#: The categories of the bundled lexicon, in reporting order.
CATEGORIES = (
    "intensifier",
    "pejorative",
    "loaded",
    "speech_verb",
    "stance",
    "modal_particle",
    "distancing",
    "exaggeration",
    "emotional",
    "judgement",
    "epistemic",
    "interjection",
    "first_person",
    "address",
    "hedge",
)
#: Categories reported but never counted in ``evaluative_per_1000_words``: hedges are
#: journalistic caution about other people's claims, not the writer's evaluation.
#: (First person *is* counted, weight 1: measured in ``benchmarks/evaluative.py``.)
NOT_COUNTED = frozenset({"hedge"})
#: Categories counted in ``evaluative_per_1000_words``.
COUNTED_CATEGORIES = tuple(c for c in CATEGORIES if c not in NOT_COUNTED)
#: Whether the headline rate sums entry weights (True) or counts hits (False).
#: Decided on the train split of the subjectivity data, see LEXICON.md.
WEIGHTED = True

if TYPE_CHECKING:
    from .index import _Index


MATCH_TYPES = ("word", "prefix", "head", "phrase")
#: Phrase entries of this category block hits inside fixed neutral expressions
#: ("vor allem", "absolute Mehrheit"); they never appear as hits.
BLOCKING_CATEGORY = "neutral_use"
#: Categories whose entries match their exact (lowercased) form only: lemmatising or
#: suffix-stripping a particle finds it inside unrelated words (ebene -> eben).
EXACT_FORM_CATEGORIES = frozenset({"modal_particle", "first_person", "address", "interjection"})
#: A compound split must leave at least this many letters on the other side
#: (Lügen|medien yes, Mist|ral no).
MIN_COMPOUND_REST = 4
#: How many words before a hit a negator may stand (same clause).
NEGATION_WINDOW = 3


@cache
def _default_signatures() -> frozenset[tuple[str, str, bool]]:
    return frozenset(_signature(entry) for entry in _default_entries())


def _signature(entry: LexiconEntry) -> tuple[str, str, bool]:
    # everything about an entry that decides which lemmas it is looked up under
    return (entry.lemma, entry.match, entry.category in EXACT_FORM_CATEGORIES)


def _lemmatizer_for(entries: Iterable[LexiconEntry]):
    """The precomputed table when it covers every entry (the bundled lexicon, or a
    copy with entries removed or re-categorised), else simplemma's full dictionary."""
    signatures = _default_signatures()
    if all(_signature(entry) in signatures for entry in entries):
        return _table_lemmatize
    return lemmatize


# ---------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon row.

    >>> LexiconEntry("Desaster", "loaded", 2, neutral="Misserfolg").match
    'word'
    """

    lemma: str
    category: str
    weight: int | float = 2
    match: str = "word"
    neutral: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.lemma, str) or not self.lemma.strip():
            raise ValueError(f"lexicon lemma must be a non-empty str, not {self.lemma!r}")
        if not isinstance(self.category, str) or not re.fullmatch(
            r"[a-z][a-z0-9_]*", self.category
        ):
            raise ValueError(
                f"lexicon category must be a snake_case name such as 'loaded', not {self.category!r}"
            )
        if self.match not in MATCH_TYPES:
            raise ValueError(f"match must be one of {', '.join(MATCH_TYPES)}, not {self.match!r}")
        weight = self.weight
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not math.isfinite(weight)
        ):
            raise ValueError(f"weight must be a number from 1 to 3, not {weight!r}")
        if not 0 < weight <= 3:
            raise ValueError(f"weight must be a number from 1 to 3, not {weight!r}")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict of the row."""
        return asdict(self)


def _entry_keys(lemma: str, lemmatizer=lemmatize) -> set[str]:
    """The forms an entry is looked up under: its own spelling and its lemma.

    A lowercase entry is not indexed under a verb lemma it is not itself
    (besorgt -> besorgen would make "Geld besorgen" a worried word).
    """
    lowered = lemma.lower()
    keys = {lowered}
    for derived in (lemmatizer(lemma).lower(), lemmatizer(lowered).lower()):
        if lemma[:1].islower() and derived != lowered and derived.endswith("n"):
            continue
        keys.add(derived)
    return keys


class Lexicon:
    """A set of evaluative entries with fast lookup indices.

    Students extend it in a notebook without touching package files:

    >>> lex = Lexicon.default().extended({"Quatschkopf": "pejorative"})
    >>> lex.add("Kokolores", category="loaded", weight=1) is lex
    True
    >>> [h.lemma for h in find_evaluative("So ein Quatschkopf.", lexicon=lex)]
    ['Quatschkopf']
    """

    def __init__(self, entries: Iterable[LexiconEntry] = ()) -> None:
        self._entries: dict[tuple[str, str], LexiconEntry] = {}
        for entry in entries:
            if not isinstance(entry, LexiconEntry):
                raise TypeError(f"Lexicon takes LexiconEntry objects, not {type(entry).__name__}")
            self._entries[(entry.lemma.lower(), entry.match)] = entry
        self._index: _Index | None = None
        self._categories: list[str] | None = None

    # -- construction ------------------------------------------------------

    @classmethod
    def default(cls) -> Lexicon:
        """A fresh copy of the bundled lexicon (changing it never changes the package's).

        >>> len(Lexicon.default()) >= 1000
        True
        """
        return cls(_default_entries())

    def copy(self) -> Lexicon:
        """An independent copy."""
        return Lexicon(self._entries.values())

    def extended(self, extra: Mapping[str, Any] | Iterable[LexiconEntry] | Lexicon) -> Lexicon:
        """A new lexicon with more entries (the old one is unchanged).

        ``extra`` maps a lemma to a category (``{"Quatsch": "loaded"}``) or to a dict of
        :class:`LexiconEntry` fields (``{"Quatsch": {"category": "loaded", "weight": 3}}``);
        it may also be a list of entries or another :class:`Lexicon`.

        >>> Lexicon.default().extended({"Gschisti-Gschasti": "loaded"}).category_of("Gschisti-Gschasti")
        'loaded'
        """
        new = self.copy()
        if isinstance(extra, Lexicon):
            entries: Iterable[LexiconEntry] = extra.entries
        elif isinstance(extra, Mapping):
            entries = [_entry_from_mapping(lemma, spec) for lemma, spec in extra.items()]
        elif isinstance(extra, str | bytes):
            raise TypeError(
                "extended() takes a dict {lemma: category}, a list of entries or a Lexicon"
            )
        else:
            entries = list(extra)
        for entry in entries:
            if not isinstance(entry, LexiconEntry):
                raise TypeError(f"expected LexiconEntry, not {type(entry).__name__}")
            new._entries[(entry.lemma.lower(), entry.match)] = entry
        return new

    def add(
        self,
        lemma: str,
        category: str,
        weight: int | float = 2,
        match: str = "word",
        neutral: str = "",
        note: str = "",
    ) -> Lexicon:
        """Add (or replace) one entry in place; returns the lexicon for chaining.

        >>> Lexicon([]).add("Lügen", category="pejorative", match="prefix").category_of("Lügen")
        'pejorative'
        """
        entry = LexiconEntry(
            lemma.strip() if isinstance(lemma, str) else lemma,
            category,
            weight,
            match,
            neutral,
            note or "added by the user",
        )
        self._entries[(entry.lemma.lower(), entry.match)] = entry
        self._index = None
        self._categories = None
        return self

    def remove(self, lemma: str, match: str | None = None) -> Lexicon:
        """Remove an entry (every match type unless ``match`` is given); returns the lexicon."""
        for key in [
            k for k in self._entries if k[0] == lemma.lower() and (match is None or k[1] == match)
        ]:
            del self._entries[key]
        self._index = None
        self._categories = None
        return self

    # -- inspection --------------------------------------------------------

    @property
    def entries(self) -> list[LexiconEntry]:
        """All entries, in insertion order."""
        return list(self._entries.values())

    @property
    def categories(self) -> list[str]:
        """The bundled categories first, then any the user added."""
        if self._categories is None:
            own = {e.category for e in self._entries.values()} - {BLOCKING_CATEGORY}
            self._categories = [c for c in CATEGORIES if c in own] + sorted(own - set(CATEGORIES))
        return list(self._categories)

    def category_of(self, lemma: str) -> str | None:
        """Category of an entry by its lemma (any match type), or None."""
        for (key, _), entry in self._entries.items():
            if key == lemma.lower():
                return entry.category
        return None

    def to_dataframe(self):
        """The entries as a pandas DataFrame (for browsing in a notebook)."""
        import pandas as pd

        return pd.DataFrame([e.to_dict() for e in self._entries.values()])

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self.category_of(lemma) is not None

    def __iter__(self):
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"<Lexicon {len(self)} entries, categories: {', '.join(self.categories)}>"

    # -- lookup ------------------------------------------------------------

    @property
    def index(self) -> _Index:
        if self._index is None:
            entries = self._entries.values()
            from .index import _Index  # the index module builds on this one

            self._index = _Index(entries, _lemmatizer_for(entries))
        return self._index


def _entry_from_mapping(lemma: str, spec: Any) -> LexiconEntry:
    if not isinstance(lemma, str):
        raise TypeError(f"lexicon keys must be lemmas (str), not {type(lemma).__name__}")
    if isinstance(spec, str):
        return LexiconEntry(lemma.strip(), spec, 2, note="added by the user")
    if isinstance(spec, LexiconEntry):
        return replace(spec, lemma=lemma.strip())
    if isinstance(spec, Mapping):
        fields = {
            k: spec[k] for k in ("category", "weight", "match", "neutral", "note") if k in spec
        }
        if "category" not in fields:
            raise ValueError(f"entry for {lemma!r} needs a 'category'")
        fields.setdefault("note", "added by the user")
        return LexiconEntry(lemma.strip(), **fields)
    raise TypeError(
        f"entry for {lemma!r} must be a category name or a dict with 'category', not {type(spec).__name__}"
    )


@cache
def _default_entries() -> tuple[LexiconEntry, ...]:
    return tuple(_entries_from_rows(load_table("lexicon.tsv"), "lexicon.tsv"))


def _entries_from_rows(rows: Iterable[dict[str, str]], source: str) -> list[LexiconEntry]:
    entries = []
    for number, row in enumerate(rows, start=1):
        if not row.get("lemma") or not row.get("category"):
            raise ValueError(f"{source}: entry {number} needs 'lemma' and 'category': {row}")
        try:
            weight_text = row.get("weight") or "2"
            weight = float(weight_text) if "." in weight_text else int(weight_text)
            entries.append(
                LexiconEntry(
                    row["lemma"],
                    row["category"],
                    weight,
                    row.get("match") or "word",
                    row.get("neutral") or "",
                    row.get("note") or "",
                )
            )
        except ValueError as error:
            raise ValueError(f"{source}: entry {number} ({row.get('lemma')!r}): {error}") from None
    return entries


def load_lexicon(path: str | Path, *, extend_default: bool = False) -> Lexicon:
    """Read a lexicon TSV (columns ``lemma``, ``category``; optional ``weight``,
    ``match``, ``neutral``, ``note``; ``#`` comment lines allowed).

    With ``extend_default=True`` the file's entries are added to the bundled lexicon.

    >>> from mediakit.tables import data_path
    >>> len(load_lexicon(data_path("lexicon.tsv"))) == len(Lexicon.default())
    True
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be a str or Path, not {type(path).__name__}")
    entries = _entries_from_rows(read_table(path), Path(path).name)
    return Lexicon.default().extended(entries) if extend_default else Lexicon(entries)


@cache
def _negators() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in load_table("evaluative_negators.tsv"))


@cache
def _neutral_reporting() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in load_table("evaluative_neutral_verbs.tsv"))


def load_sentiws(*paths: str | Path) -> Lexicon:
    """Opt-in: a :class:`Lexicon` from SentiWS files the user downloaded (never bundled).

    SentiWS (Leipzig University) is licensed CC BY-NC-SA, so mediakit cannot ship it.
    Pass the two files (``SentiWS_v2.0_Positive.txt``, ``SentiWS_v2.0_Negative.txt``) or
    the folder holding them. Lines look like ``Abbau|NN<TAB>-0.058<TAB>Abbaus,Abbaues``;
    entries get the category ``sentiws_positive`` or ``sentiws_negative`` and a weight
    from the polarity strength (1: below 0.2, 2: below 0.5, 3: from 0.5). Note that
    SentiWS measures topic valence too (*Krankheit* is negative), which is why
    mediakit's own lexicon is the default.

    >>> lex = load_sentiws("SentiWS_v2.0_Negative.txt")  # doctest: +SKIP
    >>> Lexicon.default().extended(lex)  # doctest: +SKIP
    """
    files: list[Path] = []
    for path in paths:
        if not isinstance(path, str | Path):
            raise TypeError(f"paths must be str or Path, not {type(path).__name__}")
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.glob("SentiWS*.txt")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"SentiWS file not found: {path}")
    if not files:
        raise FileNotFoundError("no SentiWS*.txt files given")
    entries: dict[str, LexiconEntry] = {}
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2 or not parts[0].strip():
                    continue
                lemma = parts[0].split("|", 1)[0].strip()
                try:
                    score = float(parts[1])
                except ValueError:
                    raise ValueError(
                        f"{file.name}: line {number} has no polarity score: {line!r}"
                    ) from None
                if not lemma or not math.isfinite(score) or score == 0:
                    continue
                strength = abs(score)
                weight = 1 if strength < 0.2 else 2 if strength < 0.5 else 3
                category = "sentiws_positive" if score > 0 else "sentiws_negative"
                entries[lemma.lower()] = LexiconEntry(
                    lemma,
                    category,
                    weight,
                    note=f"SentiWS {score:+.4f} (CC BY-NC-SA, the user's own copy)",
                )
    return Lexicon(entries.values())
