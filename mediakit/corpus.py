"""The bundled seed corpus, and the loader for a teacher's own texts.

Every document keeps its original file untouched (``corpus/raw/*.txt``) and a
segmentation (``corpus/documents/*.json``) that points into it: the headline, the
article body as verbatim paragraphs, the reader comments, and "the rest" (donation
appeals, link lists, image credits, source lists, ...). Every stored piece is a
character-offset span whose ``text`` equals ``raw[start:end]``, so any figure
computed on the body can be traced back to the original file.

The format is documented for teachers in ``corpus/README.md``. In short: a
``.txt`` file alone is loaded whole as body (its first line is the title when it
looks like one); a JSON file beside it adds metadata and, optionally, which
passages are headline, body, comments and rest, given simply as their exact text.

>>> from mediakit.corpus import load_corpus
>>> [(d.id, d.outlet) for d in load_corpus()][:3]
[('000', 'TKP'), ('001', 'TKP'), ('002', 'dpa')]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "Comment",
    "CorpusDocument",
    "Segment",
    "corpus_root",
    "load_corpus",
    "load_document",
]

PARAGRAPH_SEPARATOR = "\n\n"
DEFAULT_RIGHTS = "© the publisher; included for teaching and research"
# A first line this short and without a closing full stop reads as a headline.
_MAX_TITLE_WORDS = 20
_BLANK = " \t\u00a0\u2009\u202f\ufeff"


@dataclass(frozen=True)
class Segment:
    """A verbatim piece of the original text: ``raw[start:end] == text``.

    ``kind`` says what it is (``"paragraph"``, ``"subheading"``, ``"lead"``,
    ``"list_item"`` in the body; ``"donation_appeal"``, ``"related_links"``,
    ``"image_credit"``, ``"source_list"``, ... in the rest).

    >>> Segment(0, 5, "Hallo", "paragraph").text
    'Hallo'
    """

    start: int
    end: int
    text: str
    kind: str = "paragraph"
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``note`` only when set).

        >>> Segment(0, 5, "Hallo").to_dict()
        {'start': 0, 'end': 5, 'text': 'Hallo', 'kind': 'paragraph'}
        """
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Comment:
    """One reader comment (or, where the page shows no authors, one block of them).

    ``text`` is verbatim (``raw[start:end]``); indentation of continuation lines is
    kept as in the original. ``time`` is the time as printed, ``timestamp`` the same
    in ISO 8601 when it is complete. ``depth`` is 0 for a top-level comment, 1 for a
    reply, 2 for a reply to a reply, ``None`` when the page does not show it;
    ``parent`` is the index of the comment replied to in the document's
    ``comments``.

    >>> Comment("Trump mit Raute?", author="Jan", depth=0).author
    'Jan'
    """

    text: str
    author: str | None = None
    time: str | None = None
    timestamp: str | None = None
    depth: int | None = None
    parent: int | None = None
    number: int | None = None
    start: int | None = None
    end: int | None = None
    paragraphs: tuple[Segment, ...] = ()
    header: Segment | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict.

        >>> Comment("Bitte so stehen lassen!").to_dict()["text"]
        'Bitte so stehen lassen!'
        """
        return {
            "text": self.text,
            "author": self.author,
            "time": self.time,
            "timestamp": self.timestamp,
            "depth": self.depth,
            "parent": self.parent,
            "number": self.number,
            "start": self.start,
            "end": self.end,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "header": self.header.to_dict() if self.header else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class CorpusDocument:
    """One corpus text: metadata, headline, body, comments and the rest.

    ``body`` is the article body as one string: the body ``paragraphs`` (each a
    verbatim :class:`Segment` of ``raw``) joined with a blank line. Metadata the
    text does not state is ``None``; ``notes`` say why. Instances are frozen, so
    the cached corpus cannot be changed by accident.

    >>> dpa = next(d for d in load_corpus() if d.outlet == "dpa")
    >>> dpa.genre, dpa.date
    ('agency report', '2025-02-12')
    >>> "Schmusekurs" in dpa.body, "Weitere Meldungen" in dpa.body
    (True, False)
    """

    id: str
    outlet: str | None
    genre: str | None
    date: str | None
    title: str | None
    body: str = field(repr=False)
    comments: tuple[Comment, ...] = field(default=(), repr=False)
    author: str | None = None
    url: str | None = None
    headline: Segment | None = field(default=None, repr=False)
    paragraphs: tuple[Segment, ...] = field(default=(), repr=False)
    rest: tuple[Segment, ...] = field(default=(), repr=False)
    raw: str = field(default="", repr=False)
    notes: tuple[str, ...] = field(default=(), repr=False)
    language: str = "de"
    rights: str | None = field(default=None, repr=False)
    source: str | None = field(default=None, repr=False)

    @property
    def article(self) -> str:
        """Headline and body, separated by a blank line (the body alone if no headline).

        >>> load_corpus()[4].article.startswith("Gespräch zwischen Trump und Putin")
        True
        """
        if self.headline is None:
            return self.body
        return self.headline.text + PARAGRAPH_SEPARATOR + self.body

    @property
    def comments_text(self) -> str:
        """All comment texts, separated by blank lines ('' when there are none).

        >>> "Trump mit Raute?" in load_corpus()[0].comments_text
        True
        """
        return PARAGRAPH_SEPARATOR.join(c.text for c in self.comments)

    def raw_offset(self, body_offset: int) -> int:
        """Map a character offset in :attr:`body` to the same character in :attr:`raw`.

        Offsets on the separator between two paragraphs map to the end of the
        paragraph before it.

        >>> d = load_corpus()[2]
        >>> i = d.body.index("Schmusekurs")
        >>> d.raw[d.raw_offset(i):d.raw_offset(i) + 11]
        'Schmusekurs'
        """
        if not self.paragraphs:
            raise ValueError(f"document {self.id!r} has no body paragraphs")
        if not 0 <= body_offset <= len(self.body):
            raise ValueError(f"body offset {body_offset} is outside 0..{len(self.body)}")
        starts = self._body_starts()
        index = max(bisect_right(starts, body_offset) - 1, 0)
        paragraph = self.paragraphs[index]
        return paragraph.start + min(body_offset - starts[index], len(paragraph.text))

    def _body_starts(self) -> list[int]:
        starts, position = [], 0
        for paragraph in self.paragraphs:
            starts.append(position)
            position += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
        return starts

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with metadata, text and every segment.

        >>> d = load_corpus()[0].to_dict()
        >>> d["outlet"], len(d["comments"])
        ('TKP', 11)
        """
        return {
            "id": self.id,
            "outlet": self.outlet,
            "genre": self.genre,
            "date": self.date,
            "title": self.title,
            "author": self.author,
            "url": self.url,
            "language": self.language,
            "rights": self.rights,
            "source": self.source,
            "notes": list(self.notes),
            "headline": self.headline.to_dict() if self.headline else None,
            "body": self.body,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "comments": [c.to_dict() for c in self.comments],
            "rest": [s.to_dict() for s in self.rest],
            "raw": self.raw,
        }


# --------------------------------------------------------------------------- finding


def corpus_root() -> Path:
    """The folder of the bundled corpus (holding ``raw/`` and ``documents/``).

    Installed, it is the package ``mediakit.corpus_data``; in a source checkout
    without an install, the top-level ``corpus/`` folder.

    >>> (corpus_root() / "README.md").is_file()
    True
    """
    try:
        from importlib.resources import files

        root = Path(str(files("mediakit.corpus_data")))
        if (root / "documents").is_dir():
            return root
    except (ModuleNotFoundError, TypeError):  # not installed, or not a plain folder
        pass
    return Path(__file__).resolve().parents[1] / "corpus"


def load_corpus(folder: str | Path | None = None, *, reload: bool = False) -> list[CorpusDocument]:
    """The documents of a corpus folder, ordered by id (default: the bundled corpus).

    Read once per process; the documents are frozen and the list is a fresh copy.
    ``reload=True`` reads the folder again (after adding a text to it).

    >>> corpus = load_corpus()
    >>> [d.genre for d in corpus][:3]
    ['blog post', 'blog post', 'agency report']
    >>> len(corpus[0].comments)
    11
    """
    if folder is not None and not isinstance(folder, str | Path):
        raise TypeError(f"folder must be a str or Path, not {type(folder).__name__}")
    root = corpus_root() if folder is None else Path(folder)
    key = str(root.resolve())
    if reload:
        _load_folder.cache_clear()
    return list(_load_folder(key))


def load_document(path: str | Path) -> CorpusDocument:
    """Load one text: a ``.txt`` file (with its JSON entry if there is one) or a ``.json`` entry.

    A ``.txt`` without a JSON entry is loaded whole as body; its first line is the
    title when it is short and has no closing full stop. The JSON entry is looked
    for beside the text (``name.json``) and in ``../documents/name.json``.

    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "kommentar.txt"
    >>> _ = tmp.write_text("Ein Titel\\n\\nErster Absatz.\\n\\nZweiter Absatz.\\n", encoding="utf-8")
    >>> d = load_document(tmp)
    >>> d.title, d.body
    ('Ein Titel', 'Erster Absatz.\\n\\nZweiter Absatz.')
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be a str or Path, not {type(path).__name__}")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if path.suffix.lower() == ".json":
        return _document_from_entry(path)
    if path.suffix.lower() in {".html", ".htm"}:
        raise ValueError(
            f"{path.name} is an HTML page; extract its text with mediakit.text_from_html "
            "(or pass it to `mediakit compare`), or save the article as .txt"
        )
    for entry in (
        path.with_suffix(".json"),
        path.parent.parent / "documents" / f"{path.stem}.json",
    ):
        if (
            entry.is_file()
            and _entry_raw_path(entry, _read_entry(entry)).resolve() == path.resolve()
        ):
            return _document_from_entry(entry)
    return _document_from_text(path, path.stem, path.name)


@cache
def _load_folder(folder: str) -> tuple[CorpusDocument, ...]:
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    documents: list[CorpusDocument] = []
    covered: set[Path] = set()
    # The bundled layout has raw/ and documents/; a teacher's flat folder of .txt
    # (and .json) files works as well.
    entries = root / "documents" if (root / "documents").is_dir() else root
    texts = root / "raw" if (root / "raw").is_dir() else root
    for entry in sorted(entries.glob("*.json")):
        documents.append(_document_from_entry(entry, root))
        covered.add(_entry_raw_path(entry, _read_entry(entry), root).resolve())
    for text_file in sorted(texts.glob("*.txt")):
        if text_file.resolve() not in covered:
            source = text_file.relative_to(root).as_posix()
            documents.append(_document_from_text(text_file, text_file.stem, source))
    ids = [d.id for d in documents]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{root}: document ids used twice: {', '.join(duplicates)}")
    return tuple(sorted(documents, key=lambda d: d.id))


# --------------------------------------------------------------------------- reading


def _read_raw(path: Path) -> str:
    try:
        # utf-8-sig: Windows editors put a byte-order mark in front; offsets count after it.
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path} is not UTF-8 text ({error}); save it as UTF-8") from None


def _read_entry(entry: Path) -> dict[str, Any]:
    try:
        data = json.loads(entry.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{entry}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{entry}: the top level must be a JSON object {{...}}")
    return data


def _entry_raw_path(entry: Path, data: Mapping[str, Any], root: Path | None = None) -> Path:
    """The raw text an entry points to: ``raw`` relative to the corpus root, else beside it."""
    name = data.get("raw") or f"raw/{entry.stem}.txt"
    if not isinstance(name, str):
        raise ValueError(f"{entry}: 'raw' must be a file name, not {name!r}")
    # Inside a corpus folder only its own root counts; a lone entry may sit in documents/.
    roots = [root] if root is not None else [entry.parent.parent, entry.parent]
    relative = Path(name)
    if relative.is_absolute() or relative.drive or ".." in relative.parts:
        raise ValueError(
            f"{entry}: 'raw' must name a file inside the corpus folder "
            f"(like 'raw/{entry.stem}.txt'), not {name!r}"
        )
    for base in roots:
        candidate = base / relative
        if candidate.is_file():
            if not _inside(candidate, base):
                raise ValueError(
                    f"{entry}: 'raw' {name!r} leads out of the corpus folder {base} (a link?)"
                )
            return candidate
    beside = entry.parent / relative.name
    if beside.is_file() and _inside(beside, entry.parent):
        return beside
    raise FileNotFoundError(f"{entry}: its text {name!r} was not found")


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path``, links resolved, lies in ``folder`` (links resolved too)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _document_from_entry(entry: Path, root: Path | None = None) -> CorpusDocument:
    data = _read_entry(entry)
    raw_path = _entry_raw_path(entry, data, root)
    raw = _read_raw(raw_path)
    where = f"{entry.name}"
    locate = _Locator(raw, where)

    headline = None
    if data.get("headline") is not None:
        headline = locate.one(data["headline"], "headline", kind="headline")
    if "body" in data:
        paragraphs = locate.many(data["body"], "body")
    else:
        headline, paragraphs = _default_segments(raw, headline)
    comments = tuple(
        _comment(locate, item, f"comments[{i}]")
        for i, item in enumerate(_as_list(data.get("comments"), where, "comments"))
    )
    rest = locate.many(data.get("rest"), "rest", kind="rest")

    notes = data.get("notes") or []
    notes = [notes] if isinstance(notes, str) else list(notes)
    date_value = _check_date(data.get("date"), where)
    title = data.get("title") or (headline.text if headline else None)
    try:
        source = raw_path.relative_to(root).as_posix() if root else raw_path.name
    except ValueError:
        source = raw_path.name
    return CorpusDocument(
        id=str(data.get("id") or entry.stem),
        outlet=data.get("outlet"),
        genre=data.get("genre"),
        date=date_value,
        title=title,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        comments=comments,
        author=data.get("author"),
        url=data.get("url"),
        headline=headline,
        paragraphs=tuple(paragraphs),
        rest=tuple(rest),
        raw=raw,
        notes=tuple(str(n) for n in notes),
        language=data.get("language") or "de",
        rights=data.get("rights") or DEFAULT_RIGHTS,
        source=source,
    )


def _document_from_text(path: Path, doc_id: str, source: str) -> CorpusDocument:
    raw = _read_raw(path)
    headline, paragraphs = _default_segments(raw, None)
    return CorpusDocument(
        id=doc_id,
        outlet=None,
        genre=None,
        date=None,
        title=headline.text if headline else None,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        headline=headline,
        paragraphs=tuple(paragraphs),
        raw=raw,
        notes=(
            "No segmentation entry: the whole text is the body"
            + (", its first line the title." if headline else "."),
        ),
        rights=None,
        source=source,
    )


def _check_date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{where}: date must look like 2025-02-12, not {value!r}") from None


def _as_list(value: Any, where: str, name: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise ValueError(f"{where}: {name!r} must be a list [...], not {type(value).__name__}")


# --------------------------------------------------------------------------- segmenting


_LINE = re.compile(r"[^\r\n]*")


def _lines(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each line's content, without its line break (\\n, \\r\\n or \\r)."""
    position = 0
    while True:
        match = _LINE.match(text, position)
        assert match is not None  # the pattern matches the empty string
        yield match.start(), match.end()
        position = match.end()
        if position >= len(text):
            return
        position += 2 if text.startswith("\r\n", position) else 1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _BLANK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _BLANK or text[end - 1].isspace()):
        end -= 1
    return start, end


def _blocks(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Runs of non-blank lines from ``start`` on, trimmed: the paragraphs of plain text."""
    blocks: list[tuple[int, int]] = []
    current: list[int] | None = None
    for line_start, line_end in _lines(text):
        if line_end <= start:
            continue
        line_start = max(line_start, start)
        s, e = _strip(text, line_start, line_end)
        if s == e:
            if current:
                blocks.append((current[0], current[1]))
            current = None
        elif current is None:
            current = [s, e]
        else:
            current[1] = e
    if current:
        blocks.append((current[0], current[1]))
    return blocks


def _default_segments(raw: str, headline: Segment | None) -> tuple[Segment | None, list[Segment]]:
    """The plain-text rule: first line = title if it looks like one, the rest = body blocks."""
    if headline is None:
        first = next(
            ((s, e) for s, e in (_strip(raw, *line) for line in _lines(raw)) if s < e), None
        )
        if first is not None:
            line = raw[first[0] : first[1]]
            if len(line.split()) <= _MAX_TITLE_WORDS and not line.endswith("."):
                headline = Segment(first[0], first[1], line, "headline")
    body_from = headline.end if headline is not None else 0
    paragraphs = [Segment(s, e, raw[s:e], "paragraph") for s, e in _blocks(raw, body_from)]
    return headline, paragraphs


class _Locator:
    """Turns JSON segment entries (text and/or offsets) into verified verbatim Segments."""

    def __init__(self, raw: str, where: str) -> None:
        self.raw = raw
        self.where = where

    def one(self, item: Any, name: str, *, kind: str = "paragraph", after: int = 0) -> Segment:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, Mapping):
            raise ValueError(f"{self.where}: {name} must be a text or an object, not {item!r}")
        text, start, end = item.get("text"), item.get("start"), item.get("end")
        if start is not None or end is not None:
            if not (
                isinstance(start, int)
                and isinstance(end, int)
                and 0 <= start <= end <= len(self.raw)
            ):
                raise ValueError(
                    f"{self.where}: {name} has bad offsets start={start!r} end={end!r}"
                )
            if text is not None and self.raw[start:end] != text:
                raise ValueError(
                    f"{self.where}: {name}: raw[{start}:{end}] is {self.raw[start:end][:60]!r}, "
                    f"not the stored text {str(text)[:60]!r}"
                )
            text = self.raw[start:end]
        else:
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{self.where}: {name} needs a 'text' (or 'start' and 'end')")
            text = text.strip()
            start = self.raw.find(text, after)
            if start < 0:
                start = self.raw.find(text)
            if start < 0:
                raise ValueError(
                    f"{self.where}: {name} is not found verbatim in the raw text: {text[:80]!r} "
                    "(copy it exactly from the .txt file, typos included)"
                )
            end = start + len(text)
        return Segment(start, end, text, str(item.get("kind") or kind), item.get("note"))

    def many(
        self, items: Any, name: str, *, kind: str = "paragraph", after: int = 0
    ) -> list[Segment]:
        segments: list[Segment] = []
        for i, item in enumerate(_as_list(items, self.where, name)):
            segment = self.one(item, f"{name}[{i}]", kind=kind, after=after)
            segments.append(segment)
            after = segment.end
        return segments


def _comment(locate: _Locator, item: Any, name: str) -> Comment:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, Mapping):
        raise ValueError(f"{locate.where}: {name} must be a text or an object, not {item!r}")
    segment = locate.one(item, name)
    header = item.get("header")
    return Comment(
        text=segment.text,
        author=item.get("author"),
        time=item.get("time"),
        timestamp=item.get("timestamp"),
        depth=item.get("depth"),
        parent=item.get("parent"),
        number=item.get("number"),
        start=segment.start,
        end=segment.end,
        paragraphs=tuple(
            locate.many(item.get("paragraphs"), f"{name}.paragraphs", after=segment.start)
        ),
        header=locate.one(header, f"{name}.header", kind="comment_header") if header else None,
        note=item.get("note"),
    )
