"""Getting article text out of files: plain text and HTML pages.

HTML goes through trafilatura (offline, maintained, no hand-made regexes): it finds the
article body and drops navigation, ads and reader comments. Plain text files are read
as UTF-8 (with or without BOM, or UTF-16 with BOM); a file in the old Windows encoding
(cp1252) is read too, with a warning. Binary, empty and oversized files, FIFOs and
devices give a ``ValueError`` that says in German what is wrong, so the command line
can print one clear line. Only regular files are read, and never more than
:data:`MAX_FILE_BYTES` of them.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path
from typing import Any

from .document import MAX_CHARS, check_text

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "read_text_file", "text_from_html"]

#: File name endings :func:`read_text_file` understands.
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm")

#: Files larger than this are refused before they are read (a 5 MB text is fine).
MAX_FILE_BYTES = 64 * 1024 * 1024

_HTML_SUFFIXES = {".html", ".htm"}


def text_from_html(html: str | bytes, *, with_metadata: bool = False) -> Any:
    """The article text of an HTML page, extracted with trafilatura (offline).

    Reader comments, navigation and boilerplate are left out. Raises ``ValueError``
    when the page holds no article text. With ``with_metadata=True`` returns
    ``(meta, text)``, ``meta`` holding what the page tells: title, outlet (site name),
    date, author, url.

    >>> page = ("<html><body><article><h1>Telefonat</h1><p>Der Kreml bestätigte am "
    ...         "Mittwoch das Gespräch zwischen Trump und Putin. Es dauerte anderthalb "
    ...         "Stunden, hieß es aus Moskau.</p></article></body></html>")
    >>> text_from_html(page).splitlines()[-1][:31]
    'Der Kreml bestätigte am Mittwoc'
    """
    if isinstance(html, bytes | bytearray):
        html = _decode_html_bytes(bytes(html))
    if not isinstance(html, str):
        raise TypeError(f"html muss ein str oder bytes sein, nicht {type(html).__name__}")
    if not html.strip():
        raise ValueError("kein Artikeltext gefunden: das HTML ist leer")
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=with_metadata,
        deduplicate=False,
    )
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise ValueError("kein Artikeltext im HTML gefunden")
    # trafilatura separates paragraphs by single line breaks; blank lines make the
    # paragraph structure unambiguous for the sentence splitter and the display.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not with_metadata:
        return text
    meta = {
        key: value
        for key, value in {
            "title": getattr(result, "title", None),
            "outlet": getattr(result, "sitename", None),
            "date": getattr(result, "date", None),
            "author": getattr(result, "author", None),
            "url": getattr(result, "url", None),
        }.items()
        if value
    }
    return meta, text


def read_text_file(path: str | Path) -> tuple[dict[str, Any], str]:
    """Read a ``.txt`` or ``.html``/``.htm`` file: ``(metadata, text)``.

    Text files: UTF-8 (BOM allowed) or UTF-16 with BOM; cp1252 as a fallback with a
    ``UnicodeWarning``. HTML files: article text via :func:`text_from_html`.
    Metadata: ``id`` (file name without suffix), ``title`` (the page title or the
    first line), ``path``, and for HTML what the page tells (outlet, date, author).
    ``FileNotFoundError`` for a missing file, ``ValueError`` for a binary, empty,
    oversized or unsupported one.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "dpa.txt"
    >>> _ = p.write_text("Telefonat\\n\\nDer Kreml bestätigte das Gespräch.", encoding="utf-8")
    >>> meta, text = read_text_file(p)
    >>> meta["id"], meta["title"]
    ('dpa', 'Telefonat')
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path muss ein str oder Path sein, nicht {type(path).__name__}")
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"Datei nicht gefunden: {path}")
    if path.is_dir():
        raise IsADirectoryError(f"{path} ist ein Ordner, keine Datei")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(
            f"{path}: Dateityp {suffix or '(keiner)'!r} wird nicht unterstützt; "
            ".txt, .html oder .htm verwenden"
        )
    data = _read_regular_file(path)
    if not data.strip():
        raise ValueError(f"{path} ist leer")
    meta: dict[str, Any] = {"id": path.stem, "path": str(path)}
    if suffix in _HTML_SUFFIXES:
        _refuse_binary(path, data)
        try:
            page_meta, text = text_from_html(_decode_html_bytes(data), with_metadata=True)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None
        meta.update(page_meta)
    else:
        text = _decode_text(path, data)
        if not text.strip():
            raise ValueError(f"{path} ist leer (nur Leerraum)")
        meta["title"] = _first_line(text)
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"{path} ist zu lang ({len(text):,} Zeichen; die Grenze ist {MAX_CHARS:,})".replace(
                ",", "."
            )
        )
    try:
        check_text(text, what=str(path))
    except ValueError:
        if suffix in _HTML_SUFFIXES:
            raise
        raise ValueError(
            f"{path} sieht aus wie eine HTML-Seite; als .html umbenennen, dann wird der "
            "Artikeltext herausgezogen"
        ) from None
    return meta, text


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_FILE_BYTES`; FIFOs and devices refused.

    The file is opened without blocking (a FIFO would wait for a writer) and checked
    after opening, so a link swapped in between cannot slip a device through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(
                f"{path} ist keine normale Datei (FIFO, Gerät oder Socket) und wird nicht gelesen"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError(_too_large(path, info.st_size))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(_too_large(path, len(data)))
    return data


def _too_large(path: Path, size: int) -> str:
    return f"{path} ist zu groß ({size / 1e6:.0f} MB; die Grenze ist {MAX_FILE_BYTES / 1e6:.0f} MB)"


def _refuse_binary(path: Path, data: bytes) -> None:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{path} sieht aus wie eine Binärdatei, nicht wie Text")


def _decode_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError(f"{path} ist kein gültiger UTF-16-Text") from None
    _refuse_binary(path, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(
            f"{path} ist weder UTF-8- noch Windows-1252-Text; als UTF-8 speichern"
        ) from None
    warnings.warn(
        f"{path} ist nicht UTF-8; als Windows-1252 (cp1252) gelesen. Umlaute prüfen.",
        UnicodeWarning,
        stacklevel=3,
    )
    return text


def _decode_html_bytes(data: bytes) -> str:
    # trafilatura knows how to sniff a page's charset (meta tags, then guessing).
    from trafilatura.utils import decode_file

    return decode_file(data)


def _first_line(text: str, limit: int = 120) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""
