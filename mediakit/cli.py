"""Der Befehl ``mediakit``: Texte vergleichen, einen Text markieren, den Kurs verwalten.

``mediakit compare`` (ohne Argumente) zeigt den Vergleich des mitgelieferten Korpus;
mit Pfaden zu ``.txt``/``.html``-Dateien oder Ordnern vergleicht es diese.
``--csv``/``--json`` schreiben alle Kennzahlen für Skripte, ``--html`` einen
eigenständigen Bericht. ``mediakit highlight DATEI`` schreibt den markierten Text als
HTML-Seite. ``mediakit course ...`` kommt aus :mod:`mediakit.course`, wenn verfügbar.
``python -m mediakit`` ist derselbe Befehl.

Exit codes (also in the README): 0 success; 2 usage errors and unusable input (missing,
unreadable, binary, empty or oversized files, FIFOs and devices, an output that is an
input, unknown options, a folder that is no course); 1 any other failure; 128 + N when
ended by signal N (130 for Ctrl-C, 143 for SIGTERM). Errors are one line on stderr,
never a traceback (``MEDIAKIT_DEBUG=1`` shows one).

Files are safe: every output is written to a temporary file in its target folder and
renamed over the target only when everything succeeded, so an existing file is never
truncated or half-written; a file that is replaced is named on stderr; an output that
is one of the inputs (also through a link) is refused before anything is analysed.
Only regular files are read.

Start-up matters (under 2 s for ``mediakit compare`` on the corpus): heavy libraries
(spaCy, pandas, matplotlib, trafilatura) are imported only where needed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import stat
import sys
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "CLIError",
    "build_parser",
    "collect_files",
    "format_table",
    "main",
    "relative_records",
    "shown_name",
]

PROG = "mediakit"

_EPILOG_MAIN = """\
Beispiele:
  mediakit compare                         # das mitgelieferte Korpus (dpa und die Blogs)
  mediakit compare --comments              # ... mit den Leserkommentaren als eigene Zeilen
  mediakit compare meine_texte/ --csv werte.csv --jobs 2
  mediakit compare --html bericht.html     # ein Bericht: Tabelle, Diagramm, markierte Texte
  mediakit highlight artikel.txt -o artikel_markiert.html
  python -m mediakit compare               # derselbe Befehl

Exit-Status: 0 ok; 2 Bedienfehler oder unbrauchbare Eingabe; 1 anderer Fehler.
"mediakit BEFEHL --help" zeigt die Optionen eines Befehls.
"""

_EPILOG_HIGHLIGHT = """\
Ebenen: quotes (Zitate nach Art), speakers (Sprecher), cues (Redeeinleitungen),
scare_quotes (distanzierende Anführungszeichen, auch Titel), evaluative (wertende
Wörter nach Kategorie), long_sentences, long_words; "all" zeigt alle Ebenen.
Ohne -o entsteht die Seite neben DATEI als NAME.highlight.html; "-o -" gibt sie aus.

Beispiele:
  mediakit highlight artikel.txt
  mediakit highlight seite.html -o markiert.html --layers quotes speakers cues
  mediakit highlight --corpus dpa -o dpa.html
"""

_META_COLUMNS = (("id", "Text", 20), ("outlet", "Medium", 20), ("genre", "Genre", 18))

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


class CLIError(Exception):
    """An error the user can fix; printed as one line, exit code ``code`` (default 2)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class _Signalled(BaseException):
    """Raised in the main process when SIGTERM/SIGHUP/SIGQUIT arrives."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


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
    previous = _catch_signals()
    try:
        _check_course_args(args)
        result = handler(args)
        return 0 if result is None else int(result)
    except SystemExit as stop:
        return _exit_code(stop.code)
    except _Signalled as stop:
        _end_workers()
        _error(f"beendet durch Signal {signal.Signals(stop.signum).name}")
        return 128 + stop.signum
    except KeyboardInterrupt:
        _end_workers()
        _error("abgebrochen")
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
        _error("zu wenig Arbeitsspeicher; die Eingabe in kleinere Dateien teilen")
        return 1
    except Exception as error:
        if debug:
            raise
        _error(f"{type(error).__name__}: {error} (MEDIAKIT_DEBUG=1 zeigt Einzelheiten)")
        return 1
    finally:
        _restore_signals(previous)


_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)


def _on_signal(signum: int, _frame: Any) -> None:
    _end_workers()
    raise _Signalled(signum)


def _catch_signals() -> dict[int, Any]:
    """End the worker processes with the command on SIGTERM, SIGHUP and SIGQUIT."""
    previous: dict[int, Any] = {}
    for signum in _SIGNALS:
        try:
            previous[signum] = signal.signal(signum, _on_signal)
        except (ValueError, OSError):  # not the main thread: leave signals alone
            break
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(signum, handler)


def _end_workers() -> None:
    """Terminate every worker process this process started (and wait for them briefly)."""
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        with contextlib.suppress(Exception):
            child.terminate()
    for child in children:
        with contextlib.suppress(Exception):
            child.join(timeout=2)
            if child.is_alive():
                child.kill()


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _error(message: str) -> None:
    print(f"{PROG}: Fehler: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: Warnung: {message}", file=sys.stderr)


def _os_message(error: OSError) -> str:
    if error.filename is not None and error.strerror:
        return f"{error.strerror}: {shown_name(error.filename)}"
    return str(error)


def shown_name(path: str | os.PathLike[str] | bytes) -> str:
    """A file name as it can be printed and written: bytes that are not UTF-8 escaped.

    >>> shown_name(os.fsdecode(b"M\\xfcller.txt"))
    'M\\\\xfcller.txt'
    """
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


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
# The parser (German help)
# ---------------------------------------------------------------------------

_ARGPARSE_GERMAN = (
    (re.compile(r"^unrecognized arguments: (.*)$"), r"unbekannte Argumente: \1"),
    (re.compile(r"^the following arguments are required: (.*)$"), r"es fehlt: \1"),
    (
        re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"),
        r"Argument \1: ungültige Wahl \2 (möglich: \3)",
    ),
    (re.compile(r"^argument (\S+): expected one argument$"), r"Argument \1 braucht einen Wert"),
    (
        re.compile(r"^argument (\S+): expected at least one argument$"),
        r"Argument \1 braucht mindestens einen Wert",
    ),
    (re.compile(r"^argument (\S+): (.*)$"), r"Argument \1: \2"),
)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with a German usage line (descriptions wrapped)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class _RawHelpFormatter(_HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """The same, keeping the line breaks of our own descriptions and examples."""


class _Parser(argparse.ArgumentParser):
    """argparse with German headings, help and error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> Any:
        for pattern, german in _ARGPARSE_GERMAN:
            if pattern.match(message):
                message = pattern.sub(german, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {message}\n")


def _course_may_be_needed(argv: Sequence[str]) -> bool:
    """Import the course module only when the command could be ``course`` (it is slow)."""
    command = next((a for a in argv if not a.startswith("-")), None)
    return command not in {"compare", "highlight"}


def build_parser(*, with_course: bool = True) -> argparse.ArgumentParser:
    """The argument parser of the ``mediakit`` command (German help and messages).

    >>> build_parser(with_course=False).parse_args(["compare", "--jobs", "2"]).jobs
    2
    """
    parser = _Parser(
        prog=PROG,
        description=_wrap(
            "mediakit: Medienkompetenz für deutsche Nachrichtentexte. Lesbarkeit, Zitate "
            "und Quellen, wertende Wortwahl – jede Zahl mit ihren Belegen im Text."
        ),
        epilog=_EPILOG_MAIN,
        formatter_class=_RawHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {_version()}",
        help="die Version zeigen und beenden",
    )
    commands = parser.add_subparsers(title="Befehle", dest="command", metavar="BEFEHL")
    _add_compare(commands)
    _add_highlight(commands)
    if with_course:
        _add_course(commands)
    return parser


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=min(shutil_width(), 78))


def shutil_width() -> int:
    """The terminal width for help texts (at least 40)."""
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns - 2, 40)


def _version() -> str:
    from . import __version__

    return __version__


def _compare_epilog() -> str:
    from .metrics import METRICS, shown

    lines = ["Spalten der Tabelle im Terminal (Namen wie in CSV/JSON):"]
    for name in shown("terminal"):
        metric = METRICS[name]
        lines.append(f"  {metric.short:<22} {name}: {metric.description_de}")
    lines += [
        "  Alle Kennzahlen mit Erklärung: mediakit.metric_table() in Python, README.",
        "  Werte mit * liegen außerhalb der Skala ihrer Formel (berechnet, nicht deutbar);",
        "  – heißt: nichts zu messen (kein Wort im Text).",
        "",
        "Beispiele:",
        "  mediakit compare",
        "  mediakit compare --relative-to dpa",
        "  mediakit compare texte/ artikel.html --csv werte.csv --json werte.json",
        "  mediakit compare texte/ --jobs 2 --csv werte.csv",
        "  mediakit compare --columns words lix evaluative_per_1000_words",
    ]
    return "\n".join(lines) + "\n"


def _add_compare(commands: Any) -> None:
    compare = commands.add_parser(
        "compare",
        help="Texte vergleichen: Lesbarkeit, Zitate, wertende Wortwahl",
        description=_wrap(
            "Analysiert Texte und zeigt je Dokument eine Zeile. Ohne PFAD wird das "
            "mitgelieferte Korpus verwendet (eine dpa-Meldung und Blogbeiträge zum "
            "Telefonat Trump–Putin im Februar 2025). Dateien entstehen nur mit --csv, "
            "--json oder --html."
        ),
        epilog=_compare_epilog(),
        formatter_class=_RawHelpFormatter,
    )
    compare.add_argument(
        "paths",
        nargs="*",
        metavar="PFAD",
        help=".txt- oder .html/.htm-Dateien oder Ordner (rekursiv durchsucht, sortiert)",
    )
    compare.add_argument(
        "--comments",
        action="store_true",
        help="die Leserkommentare jedes Korpusdokuments als eigene Zeilen zeigen",
    )
    compare.add_argument(
        "--relative-to",
        metavar="BEZUG",
        help="jede Zahl im Verhältnis zum Dokument mit dieser id oder diesem Medium, "
        "z. B. dpa (Wert / Wert des Bezugs; Groß-/Kleinschreibung egal)",
    )
    compare.add_argument(
        "--csv",
        metavar="DATEI",
        help='alle Kennzahlen als CSV schreiben (für Skripte; "-" = Ausgabe)',
    )
    compare.add_argument(
        "--json",
        metavar="DATEI",
        help='alle Kennzahlen als JSON schreiben (für Skripte; "-" = Ausgabe)',
    )
    compare.add_argument(
        "--html",
        metavar="DATEI",
        help="einen eigenständigen HTML-Bericht schreiben: Tabelle, Diagramm, jeder Text "
        "markiert (immer absolute Zahlen)",
    )
    compare.add_argument(
        "--jobs",
        "-j",
        type=_positive_jobs,
        default=1,
        metavar="N",
        help="mit N Prozessen analysieren (-1: alle Kerne; Standard 1; höchstens so viele "
        "wie Dateien und Kerne)",
    )
    compare.add_argument(
        "--columns",
        nargs="+",
        metavar="KENNZAHL",
        help="Spalten der Tabelle im Terminal (Namen wie in der CSV, z. B. words lix "
        "attributed_share; auch durch Kommas getrennt)",
    )
    compare.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="Fortschrittsbalken erzwingen oder abschalten (Standard: ab 50 Texten)",
    )
    compare.set_defaults(func=run_compare)


def _add_highlight(commands: Any) -> None:
    highlight = commands.add_parser(
        "highlight",
        help="die Belege in einem Text als HTML-Seite markieren",
        description=_wrap(
            "Analysiert eine .txt- oder .html-Datei und schreibt sie als eigenständige "
            "HTML-Seite, in der Zitate, Sprecher, Redeeinleitungen, distanzierende "
            "Anführungszeichen, wertende Wörter und lange Sätze markiert sind, mit Legende. "
            "Offline: Die Seite lädt nichts aus dem Netz."
        ),
        epilog=_EPILOG_HIGHLIGHT,
        formatter_class=_RawHelpFormatter,
    )
    highlight.add_argument(
        "file", nargs="?", metavar="DATEI", help="eine .txt-, .html- oder .htm-Datei"
    )
    highlight.add_argument(
        "-o",
        "--output",
        metavar="AUSGABE",
        help='die Seite (Standard: neben DATEI als NAME.highlight.html; "-" = Ausgabe)',
    )
    highlight.add_argument(
        "--layers",
        nargs="+",
        metavar="EBENE",
        help=f"gezeigte Ebenen (Standard: alle außer long_words); möglich: {', '.join(LAYER_NAMES)}, all",
    )
    highlight.add_argument(
        "--corpus",
        metavar="ID",
        help="ein Dokument des mitgelieferten Korpus (id oder Medium) statt DATEI",
    )
    highlight.set_defaults(func=run_highlight)


def _add_course(commands: Any) -> None:
    try:
        from . import course
    except ImportError:
        return
    except Exception as error:  # a broken course module must not break compare
        _warn(f"die Kursbefehle sind nicht verfügbar ({type(error).__name__}: {error})")
        return
    add = getattr(course, "add_course_subcommands", None)
    if callable(add):
        add(commands)


def _check_course_args(args: argparse.Namespace) -> None:
    """``course grade`` on a folder that is no course is a usage error (exit 2)."""
    if getattr(args, "command", None) != "course":
        return
    if getattr(args, "course_command", None) != "grade":
        return
    folder = Path(str(getattr(args, "course", ".") or ".")).expanduser()
    if not (folder / "nbgrader_config.py").is_file():
        raise CLIError(
            f"{shown_name(folder)} ist kein Kursordner (keine nbgrader_config.py); "
            "einen Kurs anlegen: mediakit course init ORDNER"
        )
    assignment = str(getattr(args, "assignment", "") or "")
    if assignment and not (folder / "source" / assignment).is_dir():
        known = sorted(p.name for p in (folder / "source").glob("*") if p.is_dir())
        raise CLIError(
            f"unbekannte Aufgabe {assignment!r} (im Kurs: {', '.join(known) or 'keine'})"
        )


def _positive_jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--jobs braucht eine ganze Zahl, nicht {value!r}"
        ) from None
    if jobs == -1:
        return os.cpu_count() or 1
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs muss 1 oder mehr sein (oder -1 für alle Kerne)")
    return jobs


def _capped_jobs(jobs: int, n_items: int) -> int:
    """Never more processes than texts or cores.

    >>> _capped_jobs(1000, 3) <= 3
    True
    """
    return max(1, min(jobs, n_items, os.cpu_count() or 1))


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to analyse with their ids: explicit files as given, folders searched recursively.

    Ids are the file name without suffix, or the path inside the folder for files
    found in a folder (bytes that are not UTF-8 escaped). Missing paths, files that
    are not regular files (FIFOs, devices) and unsupported explicit files raise
    :class:`CLIError`; in folders, only regular files are taken.

    >>> collect_files([])
    []
    """
    from .extract import SUPPORTED_SUFFIXES

    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        name = shown_name(raw)
        if not path.exists() and not path.is_symlink():
            raise CLIError(f"Datei oder Ordner nicht gefunden: {name}")
        if path.is_dir():
            inside = sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    and p.is_file()  # follows links: FIFOs, devices and dangling links drop out
                ),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not inside:
                raise CLIError(f"keine .txt- oder .html-Dateien im Ordner {name}")
            found += [
                (p, shown_name(p.relative_to(path).with_suffix("").as_posix())) for p in inside
            ]
        else:
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise CLIError(
                    f"{name}: Dateityp wird nicht unterstützt; .txt-, .html- oder .htm-Dateien verwenden"
                )
            if not path.is_file():
                raise CLIError(
                    f"{name} ist keine normale Datei (FIFO, Gerät oder toter Link) und wird nicht gelesen"
                )
            found.append((path, shown_name(path.stem)))
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
                _warn(shown_name(str(warning.message)))
        except (ValueError, TypeError, UnicodeError, OSError) as error:
            message = _os_message(error) if isinstance(error, OSError) else str(error)
            message = shown_name(message)
            if path in self.explicit:
                raise CLIError(message) from None
            _warn(f"übersprungen: {message}")
            self.skipped += 1
            return None
        meta = {k: shown_name(v) if isinstance(v, str) else v for k, v in meta.items()}
        meta["id"] = doc_id
        return meta, text

    def check(self) -> None:
        """After the run: fail if nothing was readable, else report what was skipped."""
        if not self.read:
            raise CLIError(f"kein lesbarer Text unter den {self.skipped} Datei(en)")
        if self.skipped:
            _warn(f"{self.skipped} unlesbare Datei(en) übersprungen; {self.read} analysiert")


def _corpus_items(with_comments: bool) -> list[tuple[dict, str]]:
    from .analysis import comment_items, items_of
    from .corpus import load_corpus

    corpus = load_corpus()
    items = items_of(corpus)
    if with_comments:
        items += comment_items(corpus)
    return items


# ---------------------------------------------------------------------------
# Output: planned first, written atomically at the end
# ---------------------------------------------------------------------------


class _Output:
    """One file to write: checked before the analysis, written only after success."""

    def __init__(self, raw: str, what: str) -> None:
        self.raw = raw
        self.what = what
        self.name = shown_name(raw)
        self.to_stdout = raw == "-"
        self.target = Path(os.path.realpath(raw)) if not self.to_stdout else None

    def check(self, inputs: Iterable[Path]) -> None:
        """Refuse what cannot or must not be written, before anything is analysed."""
        if self.target is None:
            return
        given = Path(self.raw)
        if given.is_dir() or self.target.is_dir():
            raise CLIError(f"{self.what} kann nicht nach {self.name}: das ist ein Ordner")
        folder = self.target.parent
        if not folder.is_dir():
            raise CLIError(
                f"{self.what} kann nicht nach {self.name}: der Ordner "
                f"{shown_name(Path(self.raw).parent)} existiert nicht"
            )
        if self.target.exists() and not self.target.is_file():
            raise CLIError(f"{self.what} kann nicht nach {self.name}: das ist keine normale Datei")
        for source in inputs:
            if _same_file(source, self.target):
                raise CLIError(
                    f"{self.what} würde die Eingabe {shown_name(source)} überschreiben; "
                    "eine andere Ausgabedatei wählen"
                )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _check_outputs(outputs: list[_Output], inputs: Iterable[Path]) -> None:
    inputs = list(inputs)
    for output in outputs:
        output.check(inputs)
    files = [o for o in outputs if o.target is not None]
    for i, first in enumerate(files):
        for second in files[i + 1 :]:
            if first.target == second.target:
                raise CLIError(
                    f"{first.what} und {second.what} gehen in dieselbe Datei {first.name}"
                )
    if sum(o.to_stdout for o in outputs) > 1:
        raise CLIError("nur eine von --csv/--json/--html kann auf die Ausgabe ('-') schreiben")


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _commit(planned: list[tuple[_Output, str]], *, quiet: bool = False) -> None:
    """Write every output to a temporary file in its folder, then rename them over the
    targets. A failure before the renames leaves every existing file untouched."""
    temps: list[tuple[_Output, str]] = []
    try:
        for output, content in planned:
            if output.target is None:
                continue
            target = output.target
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps.append((output, temp))
            with os.fdopen(
                fd, "w", encoding="utf-8", errors="backslashreplace", newline=""
            ) as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            mode = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else _new_file_mode()
            os.chmod(temp, mode)
    except OSError as error:
        for _, temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        output = temps[-1][0] if temps else planned[0][0]
        reason = (
            "keine Schreibrechte" if isinstance(error, PermissionError) else error.strerror or error
        )
        raise CLIError(f"{output.what} kann nicht nach {output.name}: {reason}") from None
    for number, (output, temp) in enumerate(temps):
        assert output.target is not None
        existed = output.target.exists()
        try:
            os.replace(temp, output.target)
        except OSError as error:
            for _, rest in temps[number:]:
                with contextlib.suppress(OSError):
                    os.unlink(rest)
            raise CLIError(
                f"{output.what} kann nicht nach {output.name}: {error.strerror}"
            ) from None
        if not quiet:
            verb = "ersetzt (die vorige Datei ist überschrieben)" if existed else "geschrieben"
            print(f"{output.what} {verb}: {output.name}", file=sys.stderr)
    for output, content in planned:
        if output.to_stdout:
            sys.stdout.write(content)
            sys.stdout.flush()


# ---------------------------------------------------------------------------
# compare
# ---------------------------------------------------------------------------


def run_compare(args: argparse.Namespace) -> int:
    """``mediakit compare``: analyse, print the table, write the files asked for."""
    outputs = {
        name: _Output(getattr(args, name), what)
        for name, what in (("csv", "CSV"), ("json", "JSON"), ("html", "HTML-Bericht"))
        if getattr(args, name)
    }
    inputs: list[Path] = []
    if args.paths:
        if args.comments:
            _warn("--comments gilt nur für das mitgelieferte Korpus; bei eigenen Dateien ignoriert")
        files = collect_files(args.paths)
        inputs = [path for path, _ in files]
        explicit = {Path(p) for p in args.paths if Path(p).is_file()}
        items: Any = _FileTexts(files, explicit)
    else:
        items = _corpus_items(args.comments)
    _check_outputs(list(outputs.values()), inputs)
    columns = _parse_columns(args.columns)
    analyses: list[Any] = []
    if "html" in outputs:
        # The report shows the evidence: every text is analysed once, and the report is
        # rendered from that analysis as plain data (text, spans, metrics, meta), which
        # worker processes can hand back as well.
        jobs = _capped_jobs(args.jobs, len(items))
        records = []
        for meta, shown_data in _progress_of(_display_data(items, jobs), len(items), args.progress):
            analyses.append(shown_data)
            records.append({**meta, **shown_data["metrics"]})
    else:
        from .analysis import analyze_many

        jobs = _capped_jobs(args.jobs, len(items))
        records = list(analyze_many(items, n_jobs=jobs, progress=args.progress))
    if isinstance(items, _FileTexts):
        items.check()
    records = [_ordered(r) for r in records]
    shown_records = records
    if args.relative_to:
        shown_records = relative_records(records, args.relative_to)
    _check_columns(columns, records)
    to_stdout = any(o.to_stdout for o in outputs.values())
    if not to_stdout:  # "-" means the data go to stdout, so the table stays out of the way
        print(format_table(shown_records, columns=columns, relative_to=args.relative_to))
    planned: list[tuple[_Output, str]] = []
    if "csv" in outputs:
        planned.append((outputs["csv"], csv_text(shown_records)))
    if "json" in outputs:
        planned.append((outputs["json"], json_text(shown_records)))
    if "html" in outputs:
        planned.append((outputs["html"], _report(records, analyses)))
    if planned:
        _commit(planned)
    return 0


def _display_record(item: tuple[dict, str]) -> tuple[dict, dict[str, Any]]:
    """One text analysed into what the report shows: plain, picklable data."""
    from .analysis import analyze

    meta, text = item
    analysis = analyze(text)
    analysis.meta.update(meta)
    data = {
        "text": analysis.text,
        "spans": analysis.evidence(),
        "metrics": dict(analysis.metrics),
        "meta": dict(analysis.meta),
    }
    return meta, data


def _display_data(items: Any, jobs: int) -> Iterator[tuple[dict, dict[str, Any]]]:
    if jobs <= 1:
        yield from map(_display_record, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_display_record, items, chunksize=4)


def _progress_of(results: Iterator[Any], total: int, show: bool | None) -> Iterator[Any]:
    if show is None:
        show = total > 50
    if not show:
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, total=total, desc=PROG, unit="Text", file=sys.stderr)


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    from .analysis import METADATA_COLUMNS

    first = {key: record.get(key) for key in METADATA_COLUMNS}
    return {**first, **{k: v for k, v in record.items() if k not in first}}


def _parse_columns(columns: Sequence[str] | None) -> list[str]:
    from .metrics import shown

    if not columns:
        return list(shown("terminal"))
    return [n.strip() for c in columns for n in c.split(",") if n.strip()]


def _check_columns(columns: list[str], records: list[dict]) -> None:
    from .metrics import did_you_mean

    available = [k for k in (records[0] if records else {}) if _is_number(records[0][k])]
    unknown = [c for c in columns if c not in available]
    if unknown:
        hints = []
        for name in unknown:
            close = did_you_mean(name, available)
            hints.append(f"{name} (meinten Sie {' oder '.join(close)}?)" if close else name)
        raise CLIError(f"unbekannte Spalte(n): {', '.join(hints)}; möglich: {', '.join(available)}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def relative_records(records: list[dict[str, Any]], reference: str) -> list[dict[str, Any]]:
    """Every numeric figure divided by that of the reference document (id or outlet, any case).

    The same rule as ``mediakit.compare(..., relative_to=ref)``: value / reference,
    NaN where the reference is 0 or missing.

    >>> relative_records([{"id": "a", "words": 10.0}, {"id": "b", "words": 5.0}], "A")[1]["words"]
    0.5
    """
    import math

    from .analysis import find_reference

    try:
        match = records[find_reference(records, reference)]
    except ValueError as error:
        raise CLIError(str(error).replace("relative_to=", "--relative-to ", 1)) from None
    out = []
    for record in records:
        row = dict(record)
        for key, value in record.items():
            base = match.get(key)
            if _is_number(value) and _is_number(base):
                row[key] = value / base if base and math.isfinite(base) else math.nan
        out.append(row)
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(name: str, value: Any, relative: bool) -> tuple[str, bool]:
    """A table cell and whether it is outside its formula's scale."""
    from .metrics import METRICS, format_number, format_value, out_of_scale

    if relative:
        return format_number(value if _is_number(value) else None, 2), False
    if name not in METRICS:
        return format_number(value if _is_number(value) else None, 1), False
    if out_of_scale(name, value):
        return format_value(name, value) + "*", True
    return format_value(name, value), False


def format_table(
    records: list[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    relative_to: str | None = None,
) -> str:
    """The terminal table: one row per document, two header lines, German numbers.

    ``columns`` are metric names (default: the ``terminal`` rows of metrics.tsv).

    >>> print(format_table([{"id": "dpa", "outlet": "dpa", "genre": "agency report",
    ...                      "words": 1257.0, "lix": 55.25}], columns=["words", "lix"]))
    Text  Medium  Genre           Wörter   LIX
    ----  ------  --------------  ------  ----
    dpa   dpa     Agenturmeldung   1.257  55,2
    (LIX: höher = schwerer · die Spalten erklärt: mediakit compare --help)
    """
    from .metrics import METRICS, NOTHING_TO_MEASURE, OUT_OF_SCALE, label_for, scale_text, shown

    names = list(shown("terminal") if columns is None else columns)
    heads = [METRICS[n].header if n in METRICS else (n, "") for n in names]
    header1 = [t for _, t, _ in _META_COLUMNS] + [h[0] for h in heads]
    header2 = [""] * len(_META_COLUMNS) + [h[1] for h in heads]
    rows = []
    outside: set[str] = set()
    empty = False
    for record in records:
        row = [
            _clip(record.get("id") or "", _META_COLUMNS[0][2]),
            _clip(label_for("outlet", record.get("outlet")), _META_COLUMNS[1][2]),
            _clip(label_for("genre", record.get("genre")), _META_COLUMNS[2][2]),
        ]
        for name in names:
            text, marked = _cell(name, record.get(name), bool(relative_to))
            row.append(text)
            if marked:
                outside.add(name)
        if record.get("words") == 0:
            empty = True
        rows.append(row)
    widths = [
        max([len(header1[i]), len(header2[i]), *(len(r[i]) for r in rows)])
        for i in range(len(header1))
    ]
    n_meta = len(_META_COLUMNS)
    # Drop metadata columns that are empty for every row (e.g. no outlet for own files).
    keep = [i for i in range(len(header1)) if i >= n_meta or any(r[i] for r in rows) or i == 0]

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
        out.append(f"(Zahlen im Verhältnis zu {relative_to}: Wert / Wert von {relative_to})")
    else:
        hints = []
        if "flesch_amstad" in names:
            hints.append("Flesch: höher = leichter lesbar")
        harder = [METRICS[n].short for n in ("wstf1", "lix") if n in names]
        if harder:
            hints.append(f"{', '.join(harder)}: höher = schwerer")
        if hints:
            out.append(f"({' · '.join(hints)} · die Spalten erklärt: mediakit compare --help)")
    if outside:
        ranges = "; ".join(f"{METRICS[n].short} {scale_text(n)}" for n in names if n in outside)
        out.append(f"* {OUT_OF_SCALE} ({ranges}): berechnet, aber nicht mehr deutbar")
    if empty:
        out.append(f"– {NOTHING_TO_MEASURE}")
    return "\n".join(out)


def csv_text(records: list[dict[str, Any]]) -> str:
    """Every column of every record as CSV text (header row, empty cell for missing).

    >>> print(csv_text([{"id": "a", "words": 3.0, "lix": float("nan")}]), end="")
    id,words,lix
    a,3.0,
    """
    import csv
    import io

    fields = list(dict.fromkeys(k for r in records for k in r))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _plain(v) for k, v in record.items()})
    return buffer.getvalue()


def json_text(records: list[dict[str, Any]]) -> str:
    """Every record as a JSON list of objects (NaN becomes null).

    >>> json_text([{"id": "a", "lix": float("nan")}]).split()
    ['[', '{', '"id":', '"a",', '"lix":', 'null', '}', ']']
    """
    import json

    clean = [{k: _plain(v, json_null=True) for k, v in r.items()} for r in records]
    return json.dumps(clean, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _plain(value: Any, *, json_null: bool = False) -> Any:
    import math

    if isinstance(value, float) and not math.isfinite(value):
        return None if json_null else ""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _report(records: list[dict], analyses: list[Any]) -> str:
    from .display import plot_compare, report_html

    figure = plot_compare(records)
    return report_html(records, analyses, figure)


# ---------------------------------------------------------------------------
# highlight
# ---------------------------------------------------------------------------


def run_highlight(args: argparse.Namespace) -> int:
    """``mediakit highlight``: analyse one text and write it highlighted as a page."""
    if args.corpus and args.file:
        raise CLIError("entweder DATEI oder --corpus ID angeben, nicht beides")
    inputs: list[Path] = []
    if args.corpus:
        meta, text = _corpus_document(args.corpus)
        default_out = Path(f"{meta['id']}.highlight.html")
    elif args.file:
        files = collect_files([args.file])
        source = files[0][0]
        inputs = [source]
        meta, text = next(iter(_FileTexts([(source, source.stem)], {source})))
        default_out = source.with_name(source.stem + ".highlight.html")
    else:
        raise CLIError(
            "highlight braucht eine DATEI (oder --corpus ID); siehe mediakit highlight --help"
        )
    layers = [n for item in args.layers for n in item.split(",") if n] if args.layers else None
    output = _Output(args.output or str(default_out), "markierter Text")
    _check_outputs([output], inputs)
    from .analysis import analyze
    from .display import highlight

    analysis = analyze(text)
    analysis.meta.update(meta)
    try:
        page = highlight(analysis, layers, title=meta.get("title") or meta.get("id"))
    except ValueError as error:  # unknown layer names
        raise CLIError(str(error)) from None
    _commit([(output, page.page())], quiet=True)
    if output.to_stdout:
        return 0
    shown_counts = ", ".join(f"{layer} {n}" for layer, n in page.counts.items())
    print(f"geschrieben: {output.name}: {shown_counts}")
    return 0


def _corpus_document(key: str) -> tuple[dict, str]:
    from .analysis import find_reference, items_of
    from .corpus import load_corpus

    corpus = load_corpus()
    rows = [{"id": d.id, "outlet": d.outlet} for d in corpus]
    try:
        position = find_reference(rows, key)
    except ValueError:
        known = ", ".join(f"{d.id} ({d.outlet})" for d in corpus)
        raise CLIError(f"kein Korpusdokument {key!r}; im Korpus: {known}") from None
    return items_of([corpus[position]])[0]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
