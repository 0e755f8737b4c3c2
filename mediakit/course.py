"""The graded nbgrader course for teachers: copy it, and grade a class in one step.

``mediakit course init DIR`` copies the course (``nbgrader_config.py``, the answer
keys in ``source/``, the German instructor guide) to a folder of the teacher's
choice. ``mediakit course grade ASSIGNMENT`` runs, inside that folder, nbgrader's
collect (from ``submitted/`` or from a folder of downloaded files), ``autograde``,
``generate_feedback`` and ``export``, prints one line per student and writes a CSV
with one column per question. It exits non-zero when nothing was collected or a
notebook could not be graded, so a script notices.

nbgrader itself is an optional dependency (``pip install "mediakit[course]"``); it
is run as ``python -m nbgrader`` with the current interpreter, so the kernel that
executes the students' notebooks is this environment's ``python3``.

Grading trusts no student: the course's ``nbgrader_config.py`` replaces nbgrader's
``Execute`` by :class:`mediakit.grading.SandboxedExecute`, which runs each notebook
without its hidden tests in a sandbox (:mod:`mediakit.sandbox`) and evaluates the
hidden tests here, on the answers as plain data. Student ids are checked (``..``
and ids that do not start with a letter or digit are refused); a notebook that
crashes or runs out of time is marked ``Fehler`` with the reason, and grading goes
on with the next one. Feedback is written only for students whose hand-graded
answers are graded (``feedback_anyway=True`` writes it for everyone).

>>> from mediakit.course import course_source
>>> (course_source() / "nbgrader_config.py").is_file()
True
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

__all__ = [
    "GradeReport",
    "StudentResult",
    "add_course_subcommands",
    "assignments",
    "course_source",
    "feedback",
    "grade",
    "init_course",
    "main",
    "main_course",
]

# What a course folder needs; everything else in the data package (builder scripts,
# caches) is copied too but is not required by nbgrader.
_SKIP = {"__pycache__", ".ipynb_checkpoints", "gradebook.db", ".pytest_cache"}
_NBGRADER_MISSING = (
    "nbgrader is not installed in this environment; install the course extra: "
    'pip install "mediakit[course]"'
)


class CourseError(RuntimeError):
    """A problem the teacher can fix (wrong folder, nothing submitted, ...)."""


def course_source() -> Traversable:
    """The packaged course (``mediakit.course_data``), or the repository's ``exercises/``.

    >>> course_source().joinpath("source").is_dir()
    True
    """
    try:
        root = resources.files("mediakit.course_data")
        if root.joinpath("nbgrader_config.py").is_file():
            return root
    except ModuleNotFoundError:
        pass
    repo = Path(__file__).resolve().parents[1] / "exercises"
    if (repo / "nbgrader_config.py").is_file():
        return repo
    raise CourseError("the course files are missing from this installation of mediakit")


def assignments(course_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Names of the assignments (folders under ``source/``), in course order.

    >>> assignments()[0]
    '01_lesbarkeit'
    """
    root = course_source() if course_dir is None else Path(course_dir)
    source = root.joinpath("source")
    return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))


def _copy_tree(src: Traversable, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for item in src.iterdir():
        if item.name in _SKIP or item.name.endswith(".pyc"):
            continue
        if item.is_dir():
            _copy_tree(item, dest / item.name)
        else:
            (dest / item.name).write_bytes(item.read_bytes())


MANIFEST = ".mediakit_kurs.json"


def _course_files(src: Traversable, prefix: str = "") -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for item in src.iterdir():
        if item.name in _SKIP or item.name.endswith(".pyc"):
            continue
        name = f"{prefix}{item.name}"
        if item.is_dir():
            files.update(_course_files(item, f"{name}/"))
        else:
            files[name] = item.read_bytes()
    return files


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def init_course(target_dir: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Copy the course to ``target_dir``, ready for ``nbgrader generate_assignment``.

    Never overwrites an existing file without ``force=True`` (``FileExistsError``
    names the files). With ``force=True`` a file the teacher edited since the last
    ``init`` (or one that ``init`` did not write) is first saved as
    ``NAME.bak-YYYYmmdd-HHMMSS``; files unchanged since the last ``init`` are simply
    replaced. The gradebook, ``submitted/`` and everything else not part of the
    course are never touched.

    >>> import tempfile
    >>> path = init_course(Path(tempfile.mkdtemp()) / "medienkurs")
    >>> sorted(p.name for p in (path / "source").iterdir())[:2]
    ['01_lesbarkeit', '02_zitate']
    """
    target = Path(target_dir).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    files = _course_files(course_source())
    manifest_path = target / MANIFEST
    try:
        recorded = json.loads(manifest_path.read_text(encoding="utf-8"))
        if not isinstance(recorded, dict):
            recorded = {}
    except (OSError, ValueError):
        recorded = {}
    existing = [n for n in files if (target / n).exists()]
    differing = [n for n in existing if (target / n).read_bytes() != files[n]]
    edited = [n for n in differing if recorded.get(n) != _digest((target / n).read_bytes())]
    if existing and not force:
        shown = ", ".join((edited or differing or existing)[:5])
        more = " …" if len(edited or differing or existing) > 5 else ""
        what = "holds a teacher's edits" if edited else "already holds a course"
        raise FileExistsError(
            f"{target} {what} ({shown}{more}); nothing was changed. Use --force to "
            "overwrite the course files (edited files are kept as .bak-DATE copies, "
            "the gradebook is never touched)"
        )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name, data in files.items():
        dest = target / name
        if name in edited:
            backup = dest.with_name(f"{dest.name}.bak-{stamp}")
            n = 1
            while backup.exists():
                n += 1
                backup = dest.with_name(f"{dest.name}.bak-{stamp}-{n}")
            shutil.copy2(dest, backup)
        if dest.exists() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    for folder in ("submitted", "downloaded"):
        (target / folder).mkdir(exist_ok=True)
    manifest = {name: _digest(data) for name, data in files.items()}
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return target


@dataclass
class StudentResult:
    """One student's grades for one assignment.

    ``scores`` maps ``"notebook:grade_id"`` to the points (``None`` while a
    free-text answer still waits for manual grading).
    """

    student_id: str
    score: float = 0.0
    max_score: float = 0.0
    scores: dict[str, float | None] = field(default_factory=dict)
    needs_manual_grade: bool = False
    failed: bool = False
    reason: str = ""
    feedback: bool = False


@dataclass
class GradeReport:
    """What ``grade`` did: per-student results, the CSV and any failures."""

    assignment: str
    course_dir: Path
    columns: list[str] = field(default_factory=list)
    max_points: dict[str, float] = field(default_factory=dict)
    students: list[StudentResult] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    csv_path: Path | None = None
    log: str = ""

    @property
    def ok(self) -> bool:
        """True when something was graded and no notebook failed."""
        return bool(self.students) and not self.failed

    def summary(self) -> str:
        """One line per student, German labels (teachers read this)."""
        lines = [*self.warnings, f"Aufgabe {self.assignment}: {len(self.students)} Abgabe(n)"]
        for name, why in sorted(self.refused.items()):
            lines.append(f"  abgelehnt: {name!r}: {why}")
        for s in self.students:
            flags = []
            if s.failed:
                flags.append(f"FEHLER beim Bewerten: {s.reason or 'Notebook abgebrochen'}")
            if s.needs_manual_grade:
                flags.append(
                    "Textantworten noch von Hand bewerten"
                    + ("" if s.feedback else ", noch kein Feedback")
                )
            note = f"  [{'; '.join(flags)}]" if flags else ""
            lines.append(f"  {s.student_id:<20} {s.score:5.1f} / {s.max_score:5.1f}{note}")
        if any(s.needs_manual_grade and not s.feedback for s in self.students):
            lines.append(
                "Nach dem Bewerten von Hand (Formgrader): mediakit course feedback "
                f"{self.assignment} --course {self.course_dir}"
            )
        if self.csv_path is not None:
            lines.append(f"CSV: {self.csv_path}")
        return "\n".join(lines)


def nbgrader_env(
    base: dict[str, str] | None = None, *, jupyter_home: Path | None = None
) -> dict[str, str]:
    """Environment for nbgrader: this Python's bin folder on PATH (nbgrader runs
    ``alembic`` from PATH, and an environment that is not activated still has it beside
    its python); with ``jupyter_home``, Jupyter's config and data live there, isolated
    from the user's.

    >>> "PATH" in nbgrader_env({"PATH": "/usr/bin"})
    True
    """
    env = dict(os.environ if base is None else base)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if jupyter_home is not None:
        env["JUPYTER_CONFIG_DIR"] = str(Path(jupyter_home) / "jupyter-config")
        env["JUPYTER_DATA_DIR"] = str(Path(jupyter_home) / "jupyter-data")
    return env


def run_nbgrader(
    course: Path, *args: str, timeout: float | None = None, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run ``python -m nbgrader ARGS`` in the course folder; return (exit code, log).

    >>> run_nbgrader(Path("kurs"), "--version")  # doctest: +SKIP
    (0, '0.9.6\\n')
    """
    try:
        import nbgrader  # noqa: F401
    except ImportError as error:
        raise CourseError(_NBGRADER_MISSING) from error
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env if env is not None else nbgrader_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def _submitted(course: Path, assignment: str) -> list[Path]:
    return sorted(course.glob(f"submitted/*/{assignment}/*.ipynb"))


def _read_grades(course: Path, assignment: str, report: GradeReport) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "mediakit") as gb:
        spec = gb.find_assignment(assignment)
        for notebook in spec.notebooks:
            cells = [*notebook.grade_cells, *notebook.task_cells]
            ordered = {c.name: c.max_score for c in cells}
            for name, points in ordered.items():
                column = f"{notebook.name}:{name}"
                if column not in report.max_points:
                    report.columns.append(column)
                    report.max_points[column] = float(points)
        submitted = {p.parts[-3] for p in _submitted(course, assignment)} - set(report.refused)
        for student_id in sorted(submitted):
            result = StudentResult(
                student_id,
                failed=student_id in report.failed,
                reason=report.reasons.get(student_id, ""),
            )
            try:
                submission = gb.find_submission(assignment, student_id)
            except MissingEntry:
                result.failed = True
                report.students.append(result)
                continue
            for nb in submission.notebooks:
                for g in nb.grades:
                    column = f"{nb.name}:{g.name}"
                    result.scores[column] = None if g.needs_manual_grade else float(g.score)
                    result.needs_manual_grade |= bool(g.needs_manual_grade)
            result.score = float(submission.score)
            result.max_score = float(submission.max_score)
            report.students.append(result)


def _write_csv(report: GradeReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", *report.columns, "total", "max_score", "status", "grund"])
        writer.writerow(["(max)", *(report.max_points[c] for c in report.columns), "", "", "", ""])
        for s in report.students:
            status = "failed" if s.failed else ("manual" if s.needs_manual_grade else "ok")
            row = [s.scores.get(c) for c in report.columns]
            writer.writerow(
                [
                    s.student_id,
                    *("" if v is None else v for v in row),
                    s.score,
                    s.max_score,
                    status,
                    s.reason,
                ]
            )
    report.csv_path = path


_FAILED = re.compile(r"There was an error processing assignment '([^']+)' for student '([^']+)'")
_REASON = re.compile(r"mediakit-Fehler: (\S+): ([^\n]+)")
#: Student ids: a letter or digit first; then letters, digits, ``-``, ``_`` and
#: single dots between them (``..``, ``.x``, ``a/b`` are refused).
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*")
_COLLECTED_NAME = re.compile(r"(?P<student>[^_/]*)_(?P<file>[^/]+\.ipynb)")


def check_student_id(student_id: str) -> str | None:
    """Why ``student_id`` is refused (German), or None when it is fine.

    >>> check_student_id("anna.m"), check_student_id("..") is not None
    (None, True)
    """
    if not STUDENT_ID.fullmatch(student_id or ""):
        return (
            "ungültige Kennung (erlaubt: Buchstaben, Ziffern, - und _, Punkte nur "
            "zwischen Zeichen; '..' und führende Punkte sind verboten)"
        )
    return None


def _sandbox_config_ok(course: Path) -> bool:
    try:
        text = (course / "nbgrader_config.py").read_text(encoding="utf-8")
    except OSError:
        return False
    return "SandboxedExecute" in text


def grade(
    course_dir: str | os.PathLike[str],
    assignment: str,
    *,
    zip_dir: str | os.PathLike[str] | None = None,
    csv_path: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    notebook_timeout: float | None = None,
    cell_timeout: int | None = None,
    feedback_anyway: bool = False,
) -> GradeReport:
    """Collect, autograde, generate feedback and export one assignment of a course.

    Submissions are taken from ``submitted/<student>/<assignment>/`` (nbgrader's
    layout) and, if ``zip_dir`` is given or ``downloaded/<assignment>/archive/`` holds
    files, collected from there first with ``nbgrader zip_collect`` (file names
    ``<student>_<notebook>.ipynb``, or zips of such files). Raises ``CourseError``
    when nothing was submitted. Failed notebooks are listed in ``report.failed`` with
    their reason in ``report.reasons``; refused student ids in ``report.refused``.

    Each notebook runs in the sandbox without its hidden tests (see
    :mod:`mediakit.grading`); ``notebook_timeout`` and ``cell_timeout`` (seconds)
    override the course's ``nbgrader_config.py``. Feedback is generated only for
    students whose hand-graded answers are all graded, unless ``feedback_anyway``.

    >>> report = grade("medienkurs", "01_lesbarkeit")  # doctest: +SKIP
    >>> print(report.summary())  # doctest: +SKIP
    Aufgabe 01_lesbarkeit: 2 Abgabe(n)
      anna                  12.0 /  25.0  [Textantworten noch von Hand bewerten, noch kein Feedback]
    """
    from mediakit import sandbox

    course = Path(course_dir).expanduser().resolve()
    if not (course / "nbgrader_config.py").is_file():
        raise CourseError(
            f"{course} is not a course folder (no nbgrader_config.py); see "
            "'mediakit course init DIR'"
        )
    if not (course / "source" / assignment).is_dir() or check_student_id(assignment):
        known = ", ".join(assignments(course)) or "none"
        raise CourseError(f"unknown assignment {assignment!r} (known: {known})")
    if not _sandbox_config_ok(course):
        raise CourseError(
            f"{course / 'nbgrader_config.py'} is outdated: it would run the hidden tests in "
            "the students' kernels. Update the course with 'mediakit course init "
            f"{course} --force' (your edits are kept as .bak files)"
        )
    report = GradeReport(assignment, course)
    if not sandbox.sandbox_available():
        report.warnings.append(sandbox.sandbox_warning())
    logs: list[str] = []

    def run(*args: str) -> int:
        code, out = run_nbgrader(course, *args, timeout=timeout)
        logs.append(f"$ nbgrader {' '.join(args)}\n{out}")
        return code

    if not (course / "release" / assignment).is_dir() or not (course / "gradebook.db").exists():
        if run("generate_assignment", assignment, "--force") != 0:
            report.log = "\n".join(logs)
            raise CourseError(f"nbgrader generate_assignment failed:\n{report.log[-2000:]}")

    archive = course / "downloaded" / assignment / "archive"
    if zip_dir is not None:
        archive.mkdir(parents=True, exist_ok=True)
        for item in Path(zip_dir).expanduser().iterdir():
            if not item.is_file() or item.is_symlink():
                continue
            match = _COLLECTED_NAME.fullmatch(item.name)
            if item.suffix == ".ipynb" and match and check_student_id(match["student"]):
                report.refused[item.name] = check_student_id(match["student"]) or ""
                continue
            shutil.copy2(item, archive / item.name)
    if archive.is_dir() and any(archive.iterdir()):
        if run("zip_collect", assignment, "--force") != 0:
            report.log = "\n".join(logs)
            raise CourseError(f"nbgrader zip_collect failed:\n{report.log[-2000:]}")

    for folder in sorted((course / "submitted").glob(f"*/{assignment}")):
        why = check_student_id(folder.parent.name)
        if why:
            report.refused[folder.parent.name] = why
    if not [p for p in _submitted(course, assignment) if p.parts[-3] not in report.refused]:
        report.log = "\n".join(logs)
        raise CourseError(
            f"nothing collected for {assignment}: no notebooks in "
            f"{course / 'submitted'}/<student>/{assignment}/ or {archive}/"
        )

    extra: list[str] = []
    if report.refused:
        extra.append("--CourseDirectory.student_id_exclude=" + ",".join(sorted(report.refused)))
    if notebook_timeout is not None:
        extra.append(f"--SandboxedExecute.notebook_timeout={float(notebook_timeout)}")
    if cell_timeout is not None:
        extra.append(f"--SandboxedExecute.cell_timeout={int(cell_timeout)}")
    run("autograde", assignment, "--force", *extra)
    failed = {m.group(2) for m in _FAILED.finditer(logs[-1]) if m.group(1) == assignment}
    for m in _REASON.finditer(logs[-1]):
        report.reasons.setdefault(m.group(1), m.group(2).strip())
    for path in _submitted(course, assignment):
        student = path.parts[-3]
        if student in report.refused:
            continue
        if not (course / "autograded" / student / assignment / path.name).exists():
            failed.add(student)
    for student in failed:
        report.reasons.setdefault(student, "Notebook konnte nicht ausgeführt werden (siehe Log)")
    report.failed = sorted(failed)
    _read_grades(course, assignment, report)
    _feedback(course, assignment, report, run, feedback_anyway)
    run("export", "--to", str(course / "grades.csv"))
    report.log = "\n".join(logs)
    _write_csv(report, Path(csv_path) if csv_path else course / f"grades_{assignment}.csv")
    return report


def _feedback(course: Path, assignment: str, report: GradeReport, run: Any, anyway: bool) -> None:
    """Feedback for the students whose hand-graded answers are all graded (or all)."""
    waiting = [s.student_id for s in report.students if s.needs_manual_grade or s.failed]
    excluded = sorted(set(report.refused) | set(report.failed) | set(waiting if not anyway else []))
    if len(excluded) >= len(report.students) + len(report.refused):
        return
    args = ["generate_feedback", assignment, "--force"]
    if excluded:
        args.append("--CourseDirectory.student_id_exclude=" + ",".join(excluded))
    run(*args)
    for s in report.students:
        s.feedback = s.student_id not in excluded
    if anyway:
        _mark_ungraded_in_feedback(course, assignment, report)


def feedback(
    course_dir: str | os.PathLike[str], assignment: str, *, feedback_anyway: bool = False
) -> GradeReport:
    """Write the feedback pages after hand grading (Formgrader), without grading again.

    Only students whose hand-graded answers are all graded get a page, unless
    ``feedback_anyway`` (then ungraded answers read "noch nicht bewertet").

    >>> print(feedback("medienkurs", "01_lesbarkeit").summary())  # doctest: +SKIP
    Aufgabe 01_lesbarkeit: 2 Abgabe(n)
      anna                  18.0 /  25.0
    """
    course = Path(course_dir).expanduser().resolve()
    if not (course / "gradebook.db").is_file():
        raise CourseError(f"{course} has no gradebook.db yet: run 'mediakit course grade' first")
    report = GradeReport(assignment, course)
    logs: list[str] = []

    def run(*args: str) -> int:
        code, out = run_nbgrader(course, *args)
        logs.append(f"$ nbgrader {' '.join(args)}\n{out}")
        return code

    for folder in sorted((course / "submitted").glob(f"*/{assignment}")):
        why = check_student_id(folder.parent.name)
        if why:
            report.refused[folder.parent.name] = why
    report.failed = sorted(
        p.parts[-3]
        for p in _submitted(course, assignment)
        if p.parts[-3] not in report.refused
        and not (course / "autograded" / p.parts[-3] / assignment / p.name).exists()
    )
    _read_grades(course, assignment, report)
    _feedback(course, assignment, report, run, feedback_anyway)
    report.log = "\n".join(logs)
    return report


def _mark_ungraded_in_feedback(course: Path, assignment: str, report: GradeReport) -> None:
    """In feedback written before hand grading, "0 / 3" of an ungraded answer becomes
    "noch nicht bewertet / 3"."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "mediakit") as gb:
        for s in report.students:
            if not (s.feedback and s.needs_manual_grade):
                continue
            submission = gb.find_submission(assignment, s.student_id)
            for nb in submission.notebooks:
                page = course / "feedback" / s.student_id / assignment / f"{nb.name}.html"
                if not page.is_file():
                    continue
                text = page.read_text(encoding="utf-8")
                for g in nb.grades:
                    if not g.needs_manual_grade:
                        continue
                    name = re.escape(g.name)
                    for pattern in (
                        rf'(href="#{name}">[^<]*</a> \(Score: )[0-9.]+( / )',
                        rf'(<a name="{name}"></a>[\s\S]{{0,800}}?Score: )[0-9.]+( / )',
                    ):
                        text = re.sub(pattern, r"\1noch nicht bewertet\2", text, count=1)
                page.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Command line: ``mediakit course init DIR`` and ``mediakit course grade ASSIGNMENT``
# ---------------------------------------------------------------------------------------


def _cmd_init(args: argparse.Namespace) -> int:
    try:
        path = init_course(args.dir, force=args.force)
    except (FileExistsError, NotADirectoryError, CourseError) as error:
        print(f"mediakit course init: {error}", file=sys.stderr)
        return 2
    print(f"Kurs kopiert nach {path}")
    print(f"Weiter:  cd {path} && nbgrader generate_assignment 01_lesbarkeit")
    print("Anleitung: LEITFADEN.md")
    return 0


def _cmd_grade(args: argparse.Namespace) -> int:
    try:
        report = grade(
            args.course,
            args.assignment,
            zip_dir=args.zip_dir,
            csv_path=args.csv,
            notebook_timeout=args.zeitlimit,
            cell_timeout=args.zellenlimit,
            feedback_anyway=args.feedback_sofort,
        )
    except CourseError as error:
        print(f"mediakit course grade: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    if report.refused:
        print("Abgelehnte Abgaben: " + ", ".join(sorted(report.refused)), file=sys.stderr)
    if report.failed:
        print(
            "Nicht bewertet (siehe Log unten): " + ", ".join(report.failed),
            file=sys.stderr,
        )
        print(report.log[-4000:], file=sys.stderr)
        return 1
    return 0


def _cmd_feedback(args: argparse.Namespace) -> int:
    try:
        report = feedback(args.course, args.assignment, feedback_anyway=args.feedback_sofort)
    except CourseError as error:
        print(f"mediakit course feedback: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    done = sum(s.feedback for s in report.students)
    print(f"Feedback geschrieben für {done} von {len(report.students)} Abgabe(n).")
    return 0


def add_course_subcommands(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``course init`` and ``course grade`` on an argparse subparsers object.

    Each leaf parser sets ``func``: call ``args.func(args)`` and use its return value
    as the exit code.

    >>> parser = argparse.ArgumentParser(prog="mediakit")
    >>> _ = add_course_subcommands(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["course", "init", "medienkurs"])
    >>> args.dir
    'medienkurs'
    """
    course = subparsers.add_parser(
        "course",
        help="der bewertete nbgrader-Kurs: kopieren, Aufgaben bewerten, Rückmeldungen schreiben",
        description="Der deutschsprachige nbgrader-Kurs (siehe LEITFADEN.md im Kursordner).",
    )
    sub = course.add_subparsers(dest="course_command", metavar="{init,grade,feedback}")
    sub.required = True

    init = sub.add_parser(
        "init",
        help="den Kurs in einen Ordner kopieren, bereit für nbgrader",
        description="Kopiert den Kurs (nbgrader_config.py, source/, LEITFADEN.md) nach ORDNER. "
        "Beispiel: mediakit course init ~/medienkurs",
    )
    init.add_argument("dir", metavar="ORDNER", help="Zielordner (wird bei Bedarf angelegt)")
    init.add_argument(
        "--force",
        action="store_true",
        help="Kursdateien in DIR ersetzen (alte Fassungen werden gesichert)",
    )
    init.set_defaults(func=_cmd_init)

    grade_parser = sub.add_parser(
        "grade",
        help="eine Aufgabe einsammeln, automatisch bewerten, Rückmeldungen und Noten ausgeben",
        description="Führt für AUFGABE nbgraders collect (submitted/ oder ein Ordner "
        "heruntergeladener Dateien), autograde, generate_feedback und export aus; zeigt eine "
        "Zusammenfassung je Person und schreibt eine CSV mit einer Spalte je Aufgabe. "
        "Endet mit 1, wenn nichts eingesammelt wurde oder ein Notebook scheiterte. "
        "Beispiel: mediakit course grade 01_lesbarkeit --course ~/medienkurs --csv noten.csv",
    )
    grade_parser.add_argument(
        "assignment", metavar="AUFGABE", help="Name der Aufgabe, z. B. 01_lesbarkeit"
    )
    grade_parser.add_argument(
        "--course", default=".", metavar="KURS", help="Kursordner (Standard: aktueller Ordner)"
    )
    grade_parser.add_argument(
        "--zip-dir",
        dest="zip_dir",
        metavar="ORDNER",
        help="Ordner mit heruntergeladenen Abgaben namens <person>_<notebook>.ipynb (oder ZIP-Dateien)",
    )
    grade_parser.add_argument(
        "--csv", metavar="DATEI", help="Pfad der CSV (Standard: KURS/grades_AUFGABE.csv)"
    )
    grade_parser.add_argument(
        "--zeitlimit",
        type=float,
        metavar="SEKUNDEN",
        default=None,
        help="Sekunden je Notebook (Standard aus nbgrader_config.py: 120)",
    )
    grade_parser.add_argument(
        "--zellenlimit",
        type=int,
        metavar="SEKUNDEN",
        default=None,
        help="Sekunden je Zelle (Standard aus nbgrader_config.py: 30)",
    )
    grade_parser.add_argument(
        "--feedback-sofort",
        dest="feedback_sofort",
        action="store_true",
        help="Rückmeldungen schon vor der Handbewertung schreiben "
        "(offene Antworten erscheinen als 'noch nicht bewertet')",
    )
    grade_parser.set_defaults(func=_cmd_grade)

    feedback_parser = sub.add_parser(
        "feedback",
        help="die Rückmeldeseiten nach der Handbewertung schreiben",
        description="Schreibt feedback/<person>/AUFGABE/*.html für alle, deren "
        "handbewertete Antworten vollständig bewertet sind (nach der Bewertung im Formgrader "
        "aufrufen). Beispiel: mediakit course feedback 01_lesbarkeit --course ~/medienkurs",
    )
    feedback_parser.add_argument(
        "assignment", metavar="AUFGABE", help="Name der Aufgabe, z. B. 01_lesbarkeit"
    )
    feedback_parser.add_argument(
        "--course", default=".", metavar="KURS", help="Kursordner (Standard: aktueller Ordner)"
    )
    feedback_parser.add_argument(
        "--feedback-sofort",
        dest="feedback_sofort",
        action="store_true",
        help="auch für Abgaben mit noch unbewerteten Antworten ('noch nicht bewertet')",
    )
    feedback_parser.set_defaults(func=_cmd_feedback)
    return course


def main(argv: list[str] | None = None) -> int:
    """``python -m mediakit.course init DIR`` / ``grade ASSIGNMENT`` (same as the CLI)."""
    parser = argparse.ArgumentParser(prog="mediakit", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    sub.required = True
    add_course_subcommands(sub)
    argv = list(sys.argv[1:] if argv is None else argv)
    # ``python -m mediakit.course init DIR`` means ``course init DIR``.
    if argv[:1] != ["course"]:
        argv = ["course", *argv]
    args = parser.parse_args(argv)
    return int(args.func(args))


#: The same entry point under the name the CLI documentation uses.
main_course = main


if __name__ == "__main__":
    sys.exit(main())
