"""Print view of the course: the texts with their evidence and the tasks, as HTML for paper.

For group work without computers. ``build_course.py`` calls :func:`write` after it has
built the answer-key notebooks; for every notebook it writes ``druck/<notebook>.html``:

* the task texts (markdown cells) in course order, with Basis/Erweiterung marks as
  the headings give them;
* every text a notebook shows with ``mediakit.highlight`` (the same renderer, the
  same layers and legend), each on a page of its own;
* what the read-only cells print for the students (the corpus list, the passages of
  a Belegprüfung, the provenance of the texts), but only for cells that read nothing
  a student computes, so no value of the answer key reaches the paper;
* an empty answer box where the notebook has an answer cell or a text answer.

Never on paper: solutions, model answers, hidden or visible tests, mark schemes.
The page is self-contained (inline CSS, no JavaScript, no network) and has print CSS:
A4, colours kept, each text starts on a new page, headings stay with what follows.

    python exercises/build_course.py          # writes source/… and druck/…
    python exercises/build_course.py --check  # also reports a stale print view
"""

from __future__ import annotations

import ast
import builtins
import html
import re
from pathlib import Path
from typing import Any

from mediakit.grading import _bound_names  # the names a piece of code binds

HERE = Path(__file__).resolve().parent
DRUCK = HERE / "druck"

# No network, no scripts: the page can only use what it carries.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

CSS = """\
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #111827; max-width: 50em; margin: 0 auto; padding: 1em; }
h1 { font-size: 18pt; margin: 0 0 .4em 0; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em 0; border-bottom: 1px solid #9ca3af; }
h3 { font-size: 12pt; margin: 1em 0 .3em 0; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li, pre, blockquote, .antwort, .code-hinweis { break-inside: avoid; page-break-inside: avoid; }
code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 95%;
       background: #f3f4f6; padding: 0 2px; }
blockquote { border-left: 3px solid #9ca3af; margin: .6em 0; padding: .2em .8em; }
pre { white-space: pre-wrap; font-size: 9pt; line-height: 1.35; background: #f9fafb;
      border: 1px solid #d1d5db; padding: 6px 8px; }
.druckkopf { font-size: 9pt; color: #4b5563; border-bottom: 1px solid #d1d5db;
             margin-bottom: 1em; }
section.text { break-before: page; page-break-before: always; }
section.text h2 { border-bottom: 2px solid #111827; }
.neue-seite { break-before: page; page-break-before: always; }
.mk-highlight { font-size: 11.5pt !important; line-height: 1.95 !important;
                max-width: none !important; }
.mk-legend { break-inside: avoid; page-break-inside: avoid; }
.antwort { border: 1px solid #6b7280; border-radius: 4px; min-height: 7em;
           margin: .5em 0 1.2em 0; padding: 4px 8px;
           background: repeating-linear-gradient(to bottom, transparent 0, transparent 1.9em,
                       #d1d5db 1.9em, #d1d5db 2em); }
.antwort.lang { min-height: 22em; }
.antwort .titel, .code-hinweis .titel { font-size: 9pt; color: #374151; font-weight: bold;
                                          background: #fff; }
.code-hinweis { border: 1px dashed #6b7280; border-radius: 4px; min-height: 4.5em;
                margin: .5em 0 1.2em 0; padding: 4px 8px; }
@media print { body { max-width: none; padding: 0; } }
"""

# The header's paragraph about running cells is for the notebook, not for paper.
_NOTEBOOK_ONLY = ("**So arbeiten Sie:**",)
# Read-only cells whose output depends on the student's computer (the own article of
# 4.7 is looked for beside the notebook): their output never goes on paper.
_LOCAL_OUTPUT = ("EIGENE_DATEIEN",)
_MARKS = re.compile(r"\n*#+\s*BEGIN MARK SCHEME.*?#+\s*END MARK SCHEME[^\n]*", re.S)
_TEXT_ID = re.compile(r"""texte\[['"]([^'"]+)['"]\]""")
_LIST = re.compile(r"^(\s*)(?:[-*]|(\d+)\.)\s+(.*)$")


def _inline(text: str) -> str:
    """Inline markdown of the course texts: `code`, **bold**, *italic*; HTML escaped.

    >>> _inline('**`"L1"`** ist *kursiv* & <fett>')
    '<strong><code>"L1"</code></strong> ist <em>kursiv</em> &amp; &lt;fett&gt;'
    """
    codes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        codes.append(f"<code>{html.escape(match.group(1), quote=False)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    text = html.escape(re.sub(r"`([^`]*)`", keep, text), quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], text)


def markdown_html(text: str) -> str:
    """The small markdown subset the course uses: headings, paragraphs, lists, quotes.

    >>> markdown_html("## 4.1 Tabelle\\n\\nEin **Satz** mit `code`.\\n\\n- a\\n- b")
    '<h2>4.1 Tabelle</h2>\\n<p>Ein <strong>Satz</strong> mit <code>code</code>.</p>\\n<ul><li>a</li><li>b</li></ul>'
    """
    blocks: list[str] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False
    quote: list[str] = []

    def flush() -> None:
        nonlocal ordered
        if para:
            blocks.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            tag = "ol" if ordered else "ul"
            blocks.append(
                f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>"
            )
            items.clear()
        if quote:
            blocks.append(f"<blockquote><p>{_inline(' '.join(quote))}</p></blockquote>")
            quote.clear()

    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        listed = _LIST.match(line)
        if heading:
            flush()
            level = min(len(heading.group(1)), 4)
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif stripped.startswith(">"):
            if para or items:
                flush()
            quote.append(stripped.lstrip(">").strip())
        elif listed:
            if para or quote:
                flush()
            is_ordered = listed.group(2) is not None
            if items and is_ordered != ordered:
                flush()
            ordered = is_ordered
            items.append(listed.group(3))
        elif items:
            items[-1] += " " + stripped
        elif quote:
            quote.append(stripped)
        else:
            para.append(stripped)
    flush()
    return "\n".join(blocks)


def _free(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _meta(cell: dict[str, Any]) -> dict[str, Any]:
    return cell.get("metadata", {}).get("nbgrader", {})


def _answer_box(title: str, long: bool = False) -> str:
    cls = "antwort lang" if long else "antwort"
    return f'<div class="{cls}"><span class="titel">{html.escape(title)}</span></div>'


def _texts(shown: list[Any], code: str) -> list[str]:
    """The highlighted texts a cell displayed, each as a section of its own page."""
    ids = _TEXT_ID.findall(code)
    fragments = [s for s in shown if hasattr(s, "fragment")]
    sections = []
    for n, item in enumerate(fragments):
        label = f"Text {ids[2 * n]}" if len(ids) == 2 * len(fragments) else "Text"
        heading = f"{label}: {item.title}" if item.title else f"{label} (ohne Überschrift)"
        sections.append(
            f'<section class="text"><h2>{html.escape(heading)}</h2>\n{item.fragment}\n</section>'
        )
    return sections


def render(nb: Any) -> str:
    """The print view of one built notebook (a ``build_course.Notebook``) as an HTML page."""
    title = nb.name
    outputs = getattr(nb, "outputs", {})
    known = set(dir(builtins)) | {"display", "get_ipython"}
    parts: list[str] = []
    after_texts = False
    for index, cell in enumerate(nb.cells):
        meta = _meta(cell)
        source = cell["source"]
        chunk: list[str] = []
        if cell["cell_type"] == "markdown":
            if meta.get("solution"):
                points = meta.get("points", 0)
                chunk.append(_answer_box(f"Ihre Antwort ({points} P., Text):", long=points >= 3))
            else:
                text = _MARKS.sub("", source)
                paragraphs = [
                    p for p in text.split("\n\n") if not p.strip().startswith(_NOTEBOOK_ONLY)
                ]
                first = re.match(r"^#\s+(.*)$", paragraphs[0].strip()) if paragraphs else None
                if first and index == 0:
                    title = first.group(1).strip()
                chunk.append(markdown_html("\n\n".join(paragraphs)))
                if meta.get("task"):
                    points = meta.get("points", 0)
                    chunk.append(
                        _answer_box(f"Ihre Antwort ({points} P., Text):", long=points >= 3)
                    )
        elif meta.get("solution"):
            chunk.append(
                '<div class="code-hinweis"><span class="titel">Im Notebook ist das eine '
                "Code-Zelle. Auf Papier: Notieren Sie hier Ihr Ergebnis (Zahl, Text-ID, "
                "Buchstabe …) und woran Sie es im Text sehen.</span></div>"
            )
        elif not meta.get("grade") and "_tipps" not in meta.get("grade_id", ""):
            stdout, shown = outputs.get(index, ("", []))
            tree = ast.parse(source)
            # Only cells that read nothing a student computes: no answer value on paper.
            if _free(tree) - _bound_names(tree) - known - nb.setup_names or any(
                marker in source for marker in _LOCAL_OUTPUT
            ):
                stdout, shown = "", []
            texts = _texts(shown, source)
            if stdout.strip():
                chunk.append(f"<pre>{html.escape(stdout.rstrip(), quote=False)}</pre>")
            if texts:
                parts.extend(texts)
                after_texts = True
                continue
        if chunk:
            if after_texts:
                parts.append('<div class="neue-seite"></div>')
                after_texts = False
            parts.extend(chunk)
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} – Druckfassung</title>\n<style>\n{CSS}</style>\n"
        "</head>\n<body>\n"
        '<p class="druckkopf">mediakit-Kurs · Druckfassung für die Gruppenarbeit ohne Rechner: '
        "die Aufgaben und die Texte mit den markierten Belegen. Wo im Notebook Code steht, "
        "notieren Sie Ihr Ergebnis im Kasten.</p>\n"
        f"{body}\n</body>\n</html>\n"
    )


def path_for(nb: Any) -> Path:
    return DRUCK / f"{nb.name}.html"


def write(notebooks: list[Any], *, check: bool = False) -> list[str]:
    """Write ``druck/<notebook>.html`` for every notebook; with ``check`` only compare.

    Returns the paths (relative to ``exercises/``) that are missing or stale.
    """
    stale = []
    for nb in notebooks:
        page = render(nb)
        target = path_for(nb)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != page:
                stale.append(str(target.relative_to(HERE)))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        print(f"wrote {target.relative_to(HERE)}")
    return stale
