"""Sources as entities: the speaker mentions of one text grouped into sources.

"Donald Trump", "Trump", "der US-Präsident" and "er" become one source when the
documented rules link them (``source_words.tsv``): the same surname; a role noun the
text uses before the name ("US-Präsident Donald Trump" … "der US-Präsident"); a
pronoun and its antecedent (the nearest compatible person mention before it,
``rules/speakers.resolve_pronouns``, ``antecedent_words.tsv``), else the nearest
compatible source before it (*er* a person, *sie* any). A
statement noun is no source: "Nach Darstellung Moskaus" is Moskau, "Seiner Meinung
nach" is *er*. Each source has a type (``source_types.tsv``): person, institution,
outlet, expert or anonymous - the last also for quotations without speaker whose cue
says so ("hieß es", "war vorgeworfen worden").

>>> from mediakit.quotes import analyze_quotes
>>> a = analyze_quotes("US-Präsident Donald Trump sagte, er sei zufrieden. "
...     "Der US-Präsident erklärte, man werde verhandeln. Laut Kreml-Kreisen war das anders.")
>>> [(s.name, s.source_type, len(s.mentions)) for s in a.sources]
[('US-Präsident Donald Trump', 'person', 2), ('Kreml-Kreisen', 'anonymous', 1)]
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..tables import load_table
from .model import Quotation, Speaker

__all__ = ["SOURCE_TYPES", "Source", "SourceList", "group_sources", "source_type_labels"]

SOURCE_TYPES = ("person", "institution", "outlet", "expert", "anonymous")
_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "dieser",
        "diese",
        "dieses",
    ]
)
_PRONOUN_PERSON = frozenset({"er", "ihm", "ihn", "seiner"})
_PRONOUN_ANY = frozenset({"sie", "ihr", "ihnen", "ihrer", "ich", "wir"})
_WORD = re.compile(r"[\w][\w.'’-]*")


@dataclass(slots=True, eq=False)
class Source:
    """One source of a text: its name, type, the speaker mentions and quotations."""

    id: int
    name: str
    source_type: str
    mentions: list[Speaker] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list, repr=False)
    key: str = field(default="", repr=False)
    roles: set[str] = field(default_factory=set, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict: id, name, type, mention texts and offsets, number of quotations."""
        return {
            "id": self.id,
            "name": self.name,
            "source_type": self.source_type,
            "label": source_type_labels().get(self.source_type, self.source_type),
            "mentions": [[m.start, m.end, m.text] for m in self.mentions],
            "quotations": len(self.quotations),
            "kinds": sorted({q.kind for q in self.quotations}),
        }


class SourceList(list):
    """The sources of a text (a list) with :meth:`to_frame` for a pandas table."""

    def to_frame(self) -> Any:
        """One row per source: id, name, type, German label, mentions, quotations.

        >>> from mediakit.quotes import analyze_quotes
        >>> analyze_quotes("Laut Polizei war die Straße gesperrt.").sources.to_frame()[
        ...     ["name", "source_type", "quotations"]].values.tolist()
        [['Polizei', 'institution', 1]]
        """
        import pandas as pd

        rows = []
        for s in self:
            d = s.to_dict()
            d["mentions"] = " | ".join(m[2] for m in d["mentions"])
            d["kinds"] = ", ".join(d["kinds"])
            rows.append(d)
        columns = ["id", "name", "source_type", "label", "mentions", "quotations", "kinds"]
        return pd.DataFrame(rows, columns=columns)


@cache
def source_type_labels() -> dict[str, str]:
    """Source type -> German label, from ``source_types.tsv``."""
    return {row["type"]: row["label"] for row in load_table("source_types.tsv")}


@cache
def _words() -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
    """(whole-word entries, suffix entries) of ``source_words.tsv``: word -> (category, refers)."""
    whole: dict[str, tuple[str, str]] = {}
    suffixes: list[tuple[str, str]] = []
    for row in load_table("source_words.tsv"):
        whole.setdefault(row["word"], (row["category"], row["refers"]))
        if row["match"] == "suffix":
            suffixes.append((row["word"], row["category"]))
    suffixes.sort(key=lambda e: -len(e[0]))
    return whole, suffixes


@lru_cache(maxsize=65_536)  # per word form: bounded
def _category(word: str) -> str:
    low = word.lower()
    whole, suffixes = _words()
    if low in whole:
        return whole[low][0]
    for suffix, category in suffixes:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return category
    return ""


def _is_name(word: str) -> bool:
    return word[:1].isupper() and not _category(word) and word.lower() not in _DETERMINERS


def _mention_words(speaker: Speaker, text: str) -> list[str]:
    base = speaker.resolved.text if speaker.resolved else speaker.text
    return _WORD.findall(base if base else text[speaker.start : speaker.end])


def _trim(words: list[str]) -> tuple[list[str], str]:
    """Drop a statement noun ("Darstellung Moskaus" -> Moskau); (words, pronoun it stands for)."""
    i = 0
    while i < len(words) and words[i].lower() in _DETERMINERS:
        i += 1
    if i < len(words) and _category(words[i]) == "possessive":
        if i + 1 < len(words) and _category(words[i + 1]) == "carrier":
            return [], _words()[0][words[i].lower()][1]
    if i < len(words) and _category(words[i]) == "carrier":
        rest = words[i + 1 :]
        bare = bool(rest) and rest[0].lower() not in _DETERMINERS | {"von", "vom"}
        while rest and (rest[0].lower() in _DETERMINERS or rest[0].lower() in ("von", "vom")):
            rest = rest[1:]
        if rest:
            name = rest[-1]
            if bare and name.endswith(("s", "'", "’")) and not name.endswith("ss"):
                # the genitive of a name without article: "Moskaus" -> "Moskau"
                stem = name.rstrip("'’")
                stem = stem[:-1] if stem.endswith("s") else stem
                if len(stem) > 3:
                    rest = [*rest[:-1], stem]
            return rest, ""
    return words[i:], ""


def _type_of(words: list[str], speaker_type: str) -> str:
    """Type of a mention: a role makes a person, then outlet, expert, institution words."""
    if words and words[0].lower() in _INDEFINITE:
        return "anonymous"  # "ein Sprecher", "mehrere Diplomaten"
    cats = [_category(w) for w in words]
    if speaker_type == "anonymous" and not any(cats):
        return "anonymous"
    names = [w for w, c in zip(words, cats, strict=True) if not c and _is_name(w)]
    if "anonymous" in cats and "person_role" not in cats:
        return "anonymous"  # "Kreml-Kreisen", "Beobachter in Moskau"
    if "person_role" in cats:
        return "person"  # "Kremlsprecher Peskow", "Präsident der Kommission"
    if "outlet" in cats or ("report" in cats and names):
        return "outlet"  # "New York Post", "ein Bericht der BBC"
    if "report" in cats:
        return "anonymous"  # "laut Medienberichten", "so die Berichte": no outlet named
    if speaker_type == "outlet":
        return "outlet"
    for wanted in ("expert", "institution"):
        if wanted in cats:
            return wanted
    if names:
        return "institution" if all(w.isupper() and len(w) > 1 for w in names) else "person"
    if "anonymous" in cats:
        return "anonymous"
    return "person"


_INDEFINITE = frozenset(["ein", "eine", "einer", "einem", "eines", "mehrere", "einige", "viele"])


def _cut_after_name(words: list[str]) -> list[str]:
    """ "Trump das Gespräch" -> "Trump": an article after a name starts another phrase."""
    for i in range(1, len(words)):
        if words[i].lower() in _DETERMINERS - {"des", "der"} and _is_name(words[i - 1]):
            return words[:i]
    return words


def _same_role(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """ "US-Präsident" and "Präsident", "Außenminister" and "Minister" name the same role."""
    return any(x.endswith(y) or y.endswith(x) for x in a for y in b)


def group_sources(text: str, quotations: list[Quotation]) -> SourceList:
    """Group the speakers of ``quotations`` (reading order) into sources; sets ``q.source``.

    >>> from mediakit.quotes import analyze_quotes
    >>> a = analyze_quotes("Nach Darstellung Moskaus war das Gespräch gut. Seiner Meinung "
    ...     "nach ist der Krieg verloren.")
    >>> [(s.name, s.source_type) for s in a.sources]
    [('Moskau', 'institution'), ('er', 'person')]
    """
    sources = SourceList()
    by_key: dict[str, Source] = {}
    anonymous: Source | None = None

    def new(name: str, kind: str, key: str) -> Source:
        src = Source(len(sources) + 1, name, kind, key=key)
        sources.append(src)
        if key:
            by_key[key] = src
        return src

    def recent(types: tuple[str, ...]) -> Source | None:
        best = None
        for src in sources:
            if src.source_type in types and src.mentions:
                if best is None or src.mentions[-1].end > best.mentions[-1].end:
                    best = src
        return best

    for q in sorted(quotations, key=lambda q: (q.start, -q.end)):
        sp = q.speaker
        src: Source | None = None
        if sp is None:
            if q.agentless or (q.cue is not None and q.cue.lemma == "heißen"):
                if anonymous is None:
                    anonymous = new("ungenannte Quelle", "anonymous", "")
                src = anonymous
            q.source = src
            if src is not None:
                src.quotations.append(q)
            continue
        if sp.source_id is not None:  # a nested quote shares its parent's speaker
            src = sources[sp.source_id - 1]
            q.source = src
            src.quotations.append(q)
            continue
        resolved = sp.resolved.text if sp.resolved is not None else None
        words, pronoun, kind, names, roles = _reading(sp.text, resolved, sp.speaker_type)
        low = [w.lower() for w in words]
        if pronoun or (len(low) == 1 and low[0] in _PRONOUN_PERSON | _PRONOUN_ANY):
            pron = pronoun or low[0]
            types = ("person",) if pron in _PRONOUN_PERSON else SOURCE_TYPES[:4]
            src = recent(types)
            if src is None:
                # no source before it: the pronoun itself ("Er"), or the one a statement
                # noun stands for ("Seiner Meinung nach" is *er*), never "Seiner Meinung"
                src = new(pronoun or sp.text, "person", "")
        elif words:
            if names and kind != "anonymous":
                key = names[-1].lower()
                src = by_key.get(key) or new(" ".join(words), kind, key)
            elif roles and kind == "person":
                # "der russische Präsident" is not "US-Präsident Trump": modifiers must agree
                mods = {w.lower() for w in words if w[:1].islower() and w not in _DETERMINERS}
                src = next(
                    (
                        s
                        for s in reversed(sources)
                        if _same_role(s.roles, roles) and _has_words(s, mods)
                    ),
                    None,
                ) or _by_text_role(text, roles, by_key, sp.start, mods)
                if src is None:
                    src = new(" ".join(words), kind, " ".join(low))
            else:
                key = " ".join(w for w in low if w not in _DETERMINERS)
                src = by_key.get(key) or new(" ".join(words), kind, key)
            src.roles |= roles
        if src is None:
            q.source = None
            continue
        if len(sp.text) > len(src.name) and src.source_type != "anonymous" and words:
            if _is_name(words[-1]):
                src.name = " ".join(words)  # the fullest named mention
        sp.source_id = src.id
        src.mentions.append(sp)
        src.quotations.append(q)
        q.source = src
    _merge_roles(text, sources)
    return sources


@lru_cache(maxsize=65_536)  # per mention: bounded
def _reading(
    text: str, resolved: str | None, speaker_type: str
) -> tuple[tuple[str, ...], str, str, tuple[str, ...], frozenset[str]]:
    """How :func:`group_sources` reads a speaker mention, decided once per mention text:
    (words, the pronoun it stands for, source type, name words, role words).

    ``resolved`` is the text of a pronoun's antecedent ("Er" -> "der Kanzler"): the
    mention is grouped as that one.

    >>> _reading("Kremlsprecher Peskow", None, "named")
    (('Kremlsprecher', 'Peskow'), '', 'person', ('Peskow',), frozenset({'kremlsprecher'}))
    """
    words, pronoun = _trim(_WORD.findall(text))
    if resolved is not None and (pronoun or speaker_type == "pronoun"):
        # "Er" whose antecedent is "der Kanzler" (rules/speakers.resolve_pronouns):
        # grouped as that mention
        words, pronoun = _trim(_WORD.findall(resolved))
    words = _cut_after_name(words)
    if not words:
        return (), pronoun, "", (), frozenset()
    kind = _type_of(words, speaker_type)
    names = tuple(w for w in words if _is_name(w))
    roles = frozenset(w.lower() for w in words if _category(w) == "person_role")
    return tuple(words), pronoun, kind, names, roles


def _merge_roles(text: str, sources: SourceList) -> None:
    """A role-only source named later ("der frühere Unterstaatssekretär im … Stephen Bryen")
    joins the named person when the text puts the role right before the name."""
    named = [s for s in sources if s.source_type == "person" and s.key and not s.roles]
    for role_src in [
        s for s in sources if s.roles and not any(_is_name(w) for w in s.name.split())
    ]:
        for target in named:
            heads = "|".join(re.escape(_role_head(r)) for r in role_src.roles)
            pattern = rf"(?i:{heads})[\w-]*\s+(?:\S+\s+){{0,4}}(?i:{re.escape(target.key)})\b"
            if re.search(pattern, text):
                target.mentions.extend(role_src.mentions)
                target.quotations.extend(role_src.quotations)
                for q in role_src.quotations:
                    q.source = target
                for m in role_src.mentions:
                    m.source_id = target.id
                sources.remove(role_src)
                break
    for number, src in enumerate(sources, start=1):
        if src.id != number:
            for m in src.mentions:
                m.source_id = number
            src.id = number


def _role_head(role: str) -> str:
    """The table's role word inside a compound role: "US-Präsident" -> "präsident"."""
    for suffix, category in _words()[1]:
        if category == "person_role" and role.endswith(suffix):
            return suffix
    return role


def _has_words(src: Source, words: set[str]) -> bool:
    """Every modifier of a role mention occurs in some mention of the source."""
    if not words:
        return True
    seen = {w.lower() for m in src.mentions for w in _WORD.findall(m.text)}
    return words <= seen


def _by_text_role(
    text: str, roles: AbstractSet[str], by_key: dict[str, Source], before: int, mods: set[str]
) -> Source | None:
    """The named source the text gives this role: "Präsident Trump" … "der US-Präsident".

    The nearest "<role> (Vorname) Name" before the mention whose name is a known person
    source wins; the role's modifiers ("russische") must stand there too. Looked up from
    the names, so the cost stays small on long texts.
    """
    heads = {_role_head(r) for r in roles}
    best: tuple[int, Source] | None = None
    for src in by_key.values():
        if src.source_type != "person" or not src.mentions:
            continue
        name = src.name.split()[-1]
        pos = text.find(name)
        while pos >= 0:
            window = text[max(0, pos - 60) : pos].lower().split()[-4:]
            if any(w.endswith(h) for w in window for h in heads) and mods <= set(window):
                rank = pos if pos < before else -pos
                if best is None or rank > best[0]:
                    best = (rank, src)
            pos = text.find(name, pos + len(name))
    return best[1] if best else None
