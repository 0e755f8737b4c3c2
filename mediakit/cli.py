"""The ``mediakit`` command: compare texts, highlight one, run the course.

``mediakit compare`` (no arguments) prints the comparison of the bundled corpus;
given paths to ``.txt``/``.html`` files or folders, it compares those instead.
``--csv``/``--json`` write every metric for scripts, ``--html`` one self-contained
report. ``mediakit highlight FILE`` writes the highlighted text as an HTML page.
``mediakit course ...`` is added by :mod:`mediakit.course` when it is available.

Exit codes: 0 success; 2 usage errors and unusable input (missing, unreadable,
binary, empty or oversized files, unknown options); 1 any other failure. Errors are
one line on stderr, never a traceback (set ``MEDIAKIT_DEBUG=1`` to see one).

Start-up matters (the target is under 2 s for ``mediakit compare`` on the corpus):
heavy libraries (spaCy, pandas, matplotlib, trafilatura) are imported only by the
code paths that need them, and the terminal table, CSV and JSON need no pandas.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["CLIError", "build_parser", "collect_files", "format_table", "main"]

PROG = "mediakit"

_EPILOG_MAIN = """\
examples:
  mediakit compare                         # the bundled corpus (dpa and the blogs)
  mediakit compare --comments              # ... with the reader comments as extra rows
  mediakit compare meine_texte/ --csv werte.csv --jobs 2
  mediakit compare --html bericht.html     # one report: table, chart, highlighted texts
  mediakit highlight artikel.txt -o artikel_markiert.html

Run "mediakit COMMAND --help" for the options of a command.
"""

_EPILOG_COMPARE = """\
columns of the terminal table:
  Wörter/Sätze     words and sentences of the body
  Flesch (Amstad)  German Flesch reading ease, 0-100, higher = easier
  WSTF 1           Wiener Sachtextformel 1, a school grade 4-15, higher = harder
  LIX              Läsbarhetsindex, under 40 easy, over 60 very hard
  Zitate/1000 W.   quotations per 1,000 words (attribution density)
  namentl. Quellen share of quotations whose speaker is named
  wertend/1000 W.  evaluative words per 1,000 words in the author's own voice

examples:
  mediakit compare
  mediakit compare --relative-to dpa
  mediakit compare texte/ artikel.html --csv werte.csv --json werte.json
  mediakit compare texte/ --jobs 4 --csv werte.csv
  mediakit compare --columns words lix evaluative_per_1000_words
"""

_EPILOG_HIGHLIGHT = """\
layers: quotes (by kind), speakers, cues, scare_quotes (and titles in quote marks),
evaluative (by category), long_sentences, long_words; "all" shows every layer.
Without -o the page is written next to FILE as NAME.highlight.html; "-o -" prints it.

examples:
  mediakit highlight artikel.txt
  mediakit highlight seite.html -o markiert.html --layers quotes speakers cues
  mediakit highlight --corpus 002 -o dpa.html
"""

#: The terminal table: metric, two header lines, kind (count/score/share/rate).
DEFAULT_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("words", "Wörter", "", "count"),
    ("sentences", "Sätze", "", "count"),
    ("flesch_amstad", "Flesch", "(Amstad)", "score"),
    ("wstf1", "WSTF", "1", "score"),
    ("lix", "LIX", "", "score"),
    ("quotes_per_1000_words", "Zitate", "/1000 W.", "rate"),
    ("named_share", "namentl.", "Quellen", "share"),
    ("evaluative_per_1000_words", "wertend", "/1000 W.", "rate"),
)

_META_COLUMNS = (("id", "Text", 20), ("outlet", "Medium", 20), ("genre", "Genre", 18))
_COUNT_METRICS = {"words", "sentences", "syllables", "characters", "paragraphs"}


class CLIError(Exception):
    """An error the user can fix; printed as one line, exit code ``code`` (default 2)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mediakit`` command; returns the exit code (0 ok, 2 usage/input, 1 failure).

    >>> main(["compare", "--help"])  # doctest: +SKIP
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    parser = build_parser(with_course=_course_may_be_needed(args_list))
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
        return _exit_code(stop.code)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    debug = bool(os.environ.get("MEDIAKIT_DEBUG"))
    try:
        result = handler(args)
        return 0 if result is None else int(result)
    except SystemExit as stop:
        return _exit_code(stop.code)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # `mediakit compare | head`: the reader left; that is not an error.
        _silence_stdout()
        return 0
    except CLIError as error:
        if debug:
            raise
        _error(str(error))
        return error.code
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as error:
        if debug:
            raise
        _error(_os_message(error))
        return 2
    except MemoryError:
        _error("out of memory; split the input into smaller files")
        return 1
    except Exception as error:
        if debug:
            raise
        _error(f"{type(error).__name__}: {error} (set MEDIAKIT_DEBUG=1 for details)")
        return 1


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def _os_message(error: OSError) -> str:
    if error.filename is not None and error.strerror:
        return f"{error.strerror}: {error.filename}"
    return str(error)


def _tolerant_output() -> None:
    # German headers must not crash a terminal with a legacy encoding.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------


def _course_may_be_needed(argv: Sequence[str]) -> bool:
    """Import the course module only when the command could be ``course`` (it is slow)."""
    command = next((a for a in argv if not a.startswith("-")), None)
    return command not in {"compare", "highlight"}


def build_parser(*, with_course: bool = True) -> argparse.ArgumentParser:
    """The argument parser of the ``mediakit`` command (English help, German examples).

    >>> build_parser(with_course=False).parse_args(["compare", "--jobs", "2"]).jobs
    2
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_wrap(
            "mediakit: media literacy for German news texts. Readability, quotations and "
            "sources, and evaluative wording, each figure with its evidence in the text."
        ),
        epilog=_EPILOG_MAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    _add_compare(commands)
    _add_highlight(commands)
    if with_course:
        _add_course(commands)
    return parser


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=min(shutil_width(), 78))


def shutil_width() -> int:
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns - 2, 40)


def _version() -> str:
    from . import __version__

    return __version__


def _add_compare(commands: Any) -> None:
    compare = commands.add_parser(
        "compare",
        help="compare texts: readability, quotations, evaluative wording",
        description=_wrap(
            "Analyse texts and print one row per document. Without PATHS the bundled corpus "
            "(a dpa report and blog posts on the Feb 2025 Trump-Putin call) is used. Writes "
            "no files unless --csv, --json or --html is given."
        ),
        epilog=_EPILOG_COMPARE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=".txt or .html/.htm files, or folders (searched recursively, in sorted order)",
    )
    compare.add_argument(
        "--comments",
        action="store_true",
        help="add the reader comments of each corpus document as rows of their own",
    )
    compare.add_argument(
        "--relative-to",
        metavar="REF",
        help="show every figure relative to the document with this id or outlet, e.g. dpa "
        "(value / reference value)",
    )
    compare.add_argument(
        "--csv", metavar="FILE", help='write all metrics as CSV (for scripts; "-" = stdout)'
    )
    compare.add_argument(
        "--json", metavar="FILE", help='write all metrics as JSON (for scripts; "-" = stdout)'
    )
    compare.add_argument(
        "--html",
        metavar="FILE",
        help="write one self-contained HTML report: table, chart, every text highlighted "
        "(always absolute figures)",
    )
    compare.add_argument(
        "--jobs",
        "-j",
        type=_positive_jobs,
        default=1,
        metavar="N",
        help="analyse with N processes (-1: all cores; default 1)",
    )
    compare.add_argument(
        "--columns",
        nargs="+",
        metavar="METRIC",
        help="metric columns of the terminal table (names as in the CSV, e.g. words lix "
        "attributed_share); comma-separated lists work too",
    )
    compare.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="force the progress bar on or off (default: only for more than 50 texts)",
    )
    compare.set_defaults(func=run_compare)


#: The layer names of :data:`mediakit.display.LAYERS`, spelled out so that building
#: the parser does not import the display module (a test keeps them in step).
LAYER_NAMES = (
    "quotes",
    "speakers",
    "cues",
    "scare_quotes",
    "evaluative",
    "long_sentences",
    "long_words",
)


def _add_highlight(commands: Any) -> None:
    highlight = commands.add_parser(
        "highlight",
        help="highlight the evidence in one text as an HTML page",
        description=_wrap(
            "Analyse one .txt or .html file and write it as a standalone HTML page in which "
            "quotations, speakers, cues, scare quotes, evaluative words and long sentences "
            "are marked, with a legend. Works offline; the page loads nothing from the net."
        ),
        epilog=_EPILOG_HIGHLIGHT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    highlight.add_argument("file", nargs="?", metavar="FILE", help="a .txt, .html or .htm file")
    highlight.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help='output page (default: FILE next to the input as NAME.highlight.html; "-" = stdout)',
    )
    highlight.add_argument(
        "--layers",
        nargs="+",
        metavar="LAYER",
        help=f"layers to show (default: all but long_words); choose from: {', '.join(LAYER_NAMES)}, all",
    )
    highlight.add_argument(
        "--corpus",
        metavar="ID",
        help="highlight a document of the bundled corpus (its id or outlet) instead of FILE",
    )
    highlight.set_defaults(func=run_highlight)


def _add_course(commands: Any) -> None:
    try:
        from . import course
    except ImportError:
        return
    except Exception as error:  # a broken course module must not break compare
        _warn(f"the course commands are unavailable ({type(error).__name__}: {error})")
        return
    add = getattr(course, "add_course_subcommands", None)
    if callable(add):
        add(commands)


def _positive_jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number, not {value!r}") from None
    if jobs == -1:
        return os.cpu_count() or 1
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be 1 or more (or -1 for all cores)")
    return jobs


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to analyse with their ids: explicit files as given, folders searched recursively.

    Ids are the file name without suffix, or the path inside the folder for files
    found in a folder. Missing paths and unsupported explicit files raise
    :class:`CLIError`.

    >>> collect_files([])
    []
    """
    from .extract import SUPPORTED_SUFFIXES

    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise CLIError(f"no such file or folder: {raw}")
        if path.is_dir():
            inside = sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    and p.is_file()
                ),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not inside:
                raise CLIError(f"no .txt or .html files in folder {raw}")
            found += [(p, p.relative_to(path).with_suffix("").as_posix()) for p in inside]
        else:
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise CLIError(f"{raw}: unsupported file type; use .txt, .html or .htm files")
            found.append((path, path.stem))
    return _unique_ids(found)


def _unique_ids(found: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    seen: dict[str, int] = {}
    out = []
    for path, doc_id in found:
        seen[doc_id] = seen.get(doc_id, 0) + 1
        out.append((path, doc_id if seen[doc_id] == 1 else f"{doc_id}#{seen[doc_id]}"))
    return out


class _FileTexts:
    """The files as ``(metadata, text)`` pairs, read one at a time while they are analysed,
    so a large folder never sits in memory at once. It has a length (for the progress bar).

    Problems with a file named on the command line stop the run (:class:`CLIError`);
    problems with files found in a folder are skipped with a warning.
    """

    def __init__(self, files: list[tuple[Path, str]], explicit: set[Path]) -> None:
        self.files = files
        self.explicit = explicit
        self.read = 0
        self.skipped = 0

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[dict, str]]:
        for path, doc_id in self.files:
            item = self._read(path, doc_id)
            if item is not None:
                self.read += 1
                yield item

    def _read(self, path: Path, doc_id: str) -> tuple[dict, str] | None:
        from .extract import read_text_file

        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                meta, text = read_text_file(path)
            for warning in caught:
                _warn(str(warning.message))
        except (ValueError, TypeError, UnicodeError, OSError) as error:
            message = _os_message(error) if isinstance(error, OSError) else str(error)
            if path in self.explicit:
                raise CLIError(message) from None
            _warn(f"skipped: {message}")
            self.skipped += 1
            return None
        meta["id"] = doc_id
        return meta, text

    def check(self) -> None:
        """After the run: fail if nothing was readable, else report what was skipped."""
        if not self.read:
            raise CLIError(f"no readable text among the {self.skipped} file(s) given")
        if self.skipped:
            _warn(f"skipped {self.skipped} unreadable file(s); analysed {self.read}")


def _corpus_items(with_comments: bool) -> list[tuple[dict, str]]:
    from .analysis import comment_items, items_of
    from .corpus import load_corpus

    corpus = load_corpus()
    items = items_of(corpus)
    if with_comments:
        items += comment_items(corpus)
    return items


# ---------------------------------------------------------------------------
# compare
# ---------------------------------------------------------------------------


def run_compare(args: argparse.Namespace) -> int:
    """``mediakit compare``: analyse, print the table, write the files asked for."""
    to_stdout = [name for name in ("csv", "json", "html") if getattr(args, name) == "-"]
    if len(to_stdout) > 1:
        raise CLIError(
            f"only one of --csv/--json/--html can write to stdout ('-'), not {to_stdout}"
        )
    if args.paths:
        if args.comments:
            _warn("--comments applies to the bundled corpus only; ignored for your files")
        files = collect_files(args.paths)
        explicit = {Path(p) for p in args.paths if Path(p).is_file()}
        items: Any = _FileTexts(files, explicit)
    else:
        items = _corpus_items(args.comments)
    show_progress = args.progress
    columns = _parse_columns(args.columns)
    analyses: list[Any] = []
    if args.html:
        # The report needs the full analyses (evidence), so analyse in this process.
        from .analysis import analyze

        records = []
        for meta, text in _progress(items, show_progress):
            analysis = analyze(text)
            analysis.meta.update(meta)
            analyses.append(analysis)
            records.append({**meta, **analysis.metrics})
    else:
        from .analysis import analyze_many

        records = list(analyze_many(items, n_jobs=args.jobs, progress=show_progress))
    if isinstance(items, _FileTexts):
        items.check()
    records = [_ordered(r) for r in records]
    shown = records
    if args.relative_to:
        shown = relative_records(records, args.relative_to)
    _check_columns(columns, records)
    if not to_stdout:  # "-" means the data go to stdout, so the table stays out of the way
        print(format_table(shown, columns=columns, relative_to=args.relative_to))
    if args.csv:
        _write(args.csv, lambda path: write_csv(shown, path), "CSV")
    if args.json:
        _write(args.json, lambda path: write_json(shown, path), "JSON")
    if args.html:
        _write(args.html, lambda path: _write_report(path, records, analyses), "HTML report")
    return 0


def _progress(items: Any, show: bool | None) -> Iterator[Any]:
    if show is None:
        show = len(items) > 50
    if not show:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=PROG, unit="text", file=sys.stderr)


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    from .analysis import METADATA_COLUMNS

    first = {key: record.get(key) for key in METADATA_COLUMNS}
    return {**first, **{k: v for k, v in record.items() if k not in first}}


def _parse_columns(columns: Sequence[str] | None) -> list[tuple[str, str, str, str]]:
    if not columns:
        return list(DEFAULT_COLUMNS)
    names = [n.strip() for c in columns for n in c.split(",") if n.strip()]
    known = {c[0]: c for c in DEFAULT_COLUMNS}
    return [known.get(n) or (n, n, "", _kind_of(n)) for n in names]


def _check_columns(columns: list[tuple[str, str, str, str]], records: list[dict]) -> None:
    # a figure missing for this text (None: readability without words) is still a column
    first = records[0] if records else {}
    available = [k for k in first if _is_number(first[k]) or first[k] is None]
    unknown = [c[0] for c in columns if c[0] not in available]
    if unknown:
        raise CLIError(f"unknown column(s) {', '.join(unknown)}; available: {', '.join(available)}")


def _kind_of(metric: str) -> str:
    if metric in _COUNT_METRICS or metric.startswith("n_"):
        return "count"
    if metric.endswith("_share"):
        return "share"
    return "rate"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def relative_records(records: list[dict[str, Any]], reference: str) -> list[dict[str, Any]]:
    """Every numeric figure divided by that of the reference document (id or outlet).

    The same rule as ``mediakit.compare(..., relative_to=ref)``: value / reference,
    NaN where the reference is 0.

    >>> relative_records([{"id": "a", "words": 10.0}, {"id": "b", "words": 5.0}], "a")[1]["words"]
    0.5
    """
    match = next(
        (r for r in records if reference in (str(r.get("id")), str(r.get("outlet")))), None
    )
    if match is None:
        known = ", ".join(str(r.get("id")) for r in records)
        raise CLIError(f"--relative-to {reference!r} matches no document (ids: {known})")
    out = []
    for record in records:
        row = dict(record)
        for key, value in record.items():
            base = match.get(key)
            if _is_number(value) and _is_number(base):
                row[key] = value / base if base else math.nan
        out.append(row)
    return out


def _format_value(value: Any, kind: str, relative: bool) -> str:
    if not _is_number(value) or not math.isfinite(value):
        return "–"
    if relative:
        return f"{value:.2f}"
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "share":
        return f"{value * 100:.0f} %" if abs(value) <= 1 else f"{value:.0f} %"
    return f"{value:.1f}"


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(
    records: list[dict[str, Any]],
    *,
    columns: Sequence[tuple[str, str, str, str]] = DEFAULT_COLUMNS,
    relative_to: str | None = None,
) -> str:
    """The terminal table: one row per document, two header lines, right-aligned numbers.

    >>> print(format_table([{"id": "dpa", "outlet": "dpa", "genre": "agency report",
    ...                      "words": 512.0, "lix": 55.25}],
    ...                    columns=[("words", "Wörter", "", "count"), ("lix", "LIX", "", "score")]))
    Text  Medium  Genre          Wörter   LIX
    ----  ------  -------------  ------  ----
    dpa   dpa     agency report     512  55.2
    (Flesch: höher = leichter lesbar · WSTF, LIX: höher = schwerer · die Spalten erklärt: mediakit compare --help)
    """
    meta_cols = [(k, title, cap) for k, title, cap in _META_COLUMNS]
    header1 = [t for _, t, _ in meta_cols] + [c[1] for c in columns]
    header2 = [""] * len(meta_cols) + [c[2] for c in columns]
    rows = []
    for record in records:
        row = [_clip(record.get(k) or "", cap) for k, _, cap in meta_cols]
        row += [_format_value(record.get(c[0]), c[3], bool(relative_to)) for c in columns]
        rows.append(row)
    widths = [
        max([len(header1[i]), len(header2[i]), *(len(r[i]) for r in rows)])
        for i in range(len(header1))
    ]
    # Drop metadata columns that are empty for every row (e.g. no outlet for own files).
    keep = [
        i for i in range(len(header1)) if i >= len(meta_cols) or any(r[i] for r in rows) or i == 0
    ]
    n_meta = len(meta_cols)

    def line(cells: list[str]) -> str:
        parts = [
            cells[i].ljust(widths[i]) if i < n_meta else cells[i].rjust(widths[i]) for i in keep
        ]
        return "  ".join(parts).rstrip()

    out = [line(header1)]
    if any(header2):
        out.append(line(header2))
    out.append(line(["-" * w for w in widths]))
    out += [line(r) for r in rows]
    if relative_to:
        out.append(f"(figures relative to {relative_to}: value / value of {relative_to})")
    elif any(c[0] in {"flesch_amstad", "wstf1", "lix"} for c in columns):
        out.append(
            "(Flesch: höher = leichter lesbar · WSTF, LIX: höher = schwerer · "
            "die Spalten erklärt: mediakit compare --help)"
        )
    return "\n".join(out)


def write_csv(records: list[dict[str, Any]], path: str | Path) -> None:
    """Every column of every record as CSV (UTF-8, header row, empty cell for missing)."""
    import csv

    fields = list(dict.fromkeys(k for r in records for k in r))
    with _open_output(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: _plain(v) for k, v in record.items()})


def write_json(records: list[dict[str, Any]], path: str | Path) -> None:
    """Every record as a JSON list of objects (NaN becomes null)."""
    import json

    clean = [{k: _plain(v, json_null=True) for k, v in r.items()} for r in records]
    with _open_output(path) as handle:
        json.dump(clean, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def _plain(value: Any, *, json_null: bool = False) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None if json_null else ""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _open_output(path: str | Path):
    if str(path) == "-":
        return _StdoutHandle()
    return open(path, "w", encoding="utf-8", newline="")


class _StdoutHandle:
    def __enter__(self):
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()


def _write(path: str, writer: Any, what: str, *, quiet: bool = False) -> None:
    target = Path(path)
    if str(path) != "-" and target.parent and not target.parent.exists():
        raise CLIError(f"cannot write {what} to {path}: folder {target.parent} does not exist")
    if str(path) != "-" and target.is_dir():
        raise CLIError(f"cannot write {what} to {path}: it is a folder")
    try:
        writer(path)
    except PermissionError:
        raise CLIError(f"cannot write {what} to {path}: permission denied") from None
    except OSError as error:
        raise CLIError(f"cannot write {what} to {path}: {error.strerror or error}") from None
    if str(path) != "-" and not quiet:
        print(f"wrote {what}: {path}", file=sys.stderr)


def _write_report(path: str, records: list[dict], analyses: list[Any]) -> None:
    from .display import plot_compare, report_html

    figure = plot_compare(records)
    page = report_html(records, analyses, figure)
    if str(path) == "-":
        sys.stdout.write(page)
        return
    Path(path).write_text(page, encoding="utf-8")


# ---------------------------------------------------------------------------
# highlight
# ---------------------------------------------------------------------------


def run_highlight(args: argparse.Namespace) -> int:
    """``mediakit highlight``: analyse one text and write it highlighted as a page."""
    from .display import highlight

    if args.corpus and args.file:
        raise CLIError("give either FILE or --corpus ID, not both")
    if args.corpus:
        meta, text = _corpus_document(args.corpus)
        default_out = Path(f"{meta['id']}.highlight.html")
    elif args.file:
        source = Path(args.file)
        if not source.exists():
            raise CLIError(f"no such file: {args.file}")
        meta, text = next(iter(_FileTexts([(source, source.stem)], {source})))
        default_out = source.with_name(source.stem + ".highlight.html")
    else:
        raise CLIError("highlight needs a FILE (or --corpus ID); see mediakit highlight --help")
    layers = [n for item in args.layers for n in item.split(",") if n] if args.layers else None
    output = args.output or str(default_out)
    if args.file and output != "-" and Path(output).resolve() == Path(args.file).resolve():
        raise CLIError(f"refusing to overwrite the input file {args.file}; choose another -o")
    from .analysis import analyze

    analysis = analyze(text)
    analysis.meta.update(meta)
    try:
        page = highlight(analysis, layers, title=meta.get("title") or meta.get("id"))
    except ValueError as error:  # unknown layer names
        raise CLIError(str(error)) from None
    if output == "-":
        sys.stdout.write(page.page())
        return 0
    _write(output, page.save, "highlighted text", quiet=True)
    shown = ", ".join(f"{layer} {n}" for layer, n in page.counts.items())
    print(f"wrote {output}: {shown}")
    return 0


def _corpus_document(key: str) -> tuple[dict, str]:
    from .analysis import items_of
    from .corpus import load_corpus

    corpus = load_corpus()
    for doc in corpus:
        if key in (doc.id, doc.outlet):
            return items_of([doc])[0]
    known = ", ".join(f"{d.id} ({d.outlet})" for d in corpus)
    raise CLIError(f"no corpus document {key!r}; the corpus has {known}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
