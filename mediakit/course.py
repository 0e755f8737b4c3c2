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

>>> from mediakit.course import course_source
>>> (course_source() / "nbgrader_config.py").is_file()
True
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
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


def init_course(target_dir: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Copy the course to ``target_dir``, ready for ``nbgrader generate_assignment``.

    Refuses (``FileExistsError``) to write into a folder that already holds a course
    unless ``force=True``; a gradebook already there is never touched.

    >>> import tempfile
    >>> path = init_course(Path(tempfile.mkdtemp()) / "medienkurs")
    >>> sorted(p.name for p in (path / "source").iterdir())[:2]
    ['01_lesbarkeit', '02_zitate']
    """
    target = Path(target_dir).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    if (target / "nbgrader_config.py").exists() and not force:
        raise FileExistsError(
            f"{target} already holds a course (nbgrader_config.py); "
            "use --force to overwrite the course files (the gradebook is kept)"
        )
    _copy_tree(course_source(), target)
    for folder in ("submitted", "downloaded"):
        (target / folder).mkdir(exist_ok=True)
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


@dataclass
class GradeReport:
    """What ``grade`` did: per-student results, the CSV and any failures."""

    assignment: str
    course_dir: Path
    columns: list[str] = field(default_factory=list)
    max_points: dict[str, float] = field(default_factory=dict)
    students: list[StudentResult] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    csv_path: Path | None = None
    log: str = ""

    @property
    def ok(self) -> bool:
        """True when something was graded and no notebook failed."""
        return bool(self.students) and not self.failed

    def summary(self) -> str:
        """One line per student, German labels (teachers read this)."""
        lines = [f"Aufgabe {self.assignment}: {len(self.students)} Abgabe(n)"]
        for s in self.students:
            flags = []
            if s.failed:
                flags.append("FEHLER beim Bewerten (Notebook abgestürzt?)")
            if s.needs_manual_grade:
                flags.append("Textantworten noch von Hand bewerten")
            note = f"  [{'; '.join(flags)}]" if flags else ""
            lines.append(f"  {s.student_id:<20} {s.score:5.1f} / {s.max_score:5.1f}{note}")
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
        submitted = {p.parts[-3] for p in _submitted(course, assignment)}
        for student_id in sorted(submitted):
            result = StudentResult(student_id, failed=student_id in report.failed)
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
        writer.writerow(["student_id", *report.columns, "total", "max_score", "status"])
        writer.writerow(["(max)", *(report.max_points[c] for c in report.columns), "", "", ""])
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
                ]
            )
    report.csv_path = path


_FAILED = re.compile(r"There was an error processing assignment '([^']+)' for student '([^']+)'")


def grade(
    course_dir: str | os.PathLike[str],
    assignment: str,
    *,
    zip_dir: str | os.PathLike[str] | None = None,
    csv_path: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
) -> GradeReport:
    """Collect, autograde, generate feedback and export one assignment of a course.

    Submissions are taken from ``submitted/<student>/<assignment>/`` (nbgrader's
    layout) and, if ``zip_dir`` is given or ``downloaded/<assignment>/archive/`` holds
    files, collected from there first with ``nbgrader zip_collect`` (file names
    ``<student>_<notebook>.ipynb``, or zips of such files). Raises ``CourseError``
    when nothing was submitted. Failed notebooks are listed in ``report.failed``.

    >>> report = grade("medienkurs", "01_lesbarkeit")  # doctest: +SKIP
    >>> print(report.summary())  # doctest: +SKIP
    Aufgabe 01_lesbarkeit: 2 Abgabe(n)
      anna                  12.0 /  25.0  [Textantworten noch von Hand bewerten]
    """
    course = Path(course_dir).expanduser().resolve()
    if not (course / "nbgrader_config.py").is_file():
        raise CourseError(
            f"{course} is not a course folder (no nbgrader_config.py); see "
            "'mediakit course init DIR'"
        )
    if not (course / "source" / assignment).is_dir():
        known = ", ".join(assignments(course)) or "none"
        raise CourseError(f"unknown assignment {assignment!r} (known: {known})")
    report = GradeReport(assignment, course)
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
            if item.is_file():
                shutil.copy2(item, archive / item.name)
    if archive.is_dir() and any(archive.iterdir()):
        if run("zip_collect", assignment, "--force") != 0:
            report.log = "\n".join(logs)
            raise CourseError(f"nbgrader zip_collect failed:\n{report.log[-2000:]}")

    if not _submitted(course, assignment):
        report.log = "\n".join(logs)
        raise CourseError(
            f"nothing collected for {assignment}: no notebooks in "
            f"{course / 'submitted'}/<student>/{assignment}/ or {archive}/"
        )

    run("autograde", assignment, "--force")
    failed = {m.group(2) for m in _FAILED.finditer(logs[-1]) if m.group(1) == assignment}
    for path in _submitted(course, assignment):
        student = path.parts[-3]
        if not (course / "autograded" / student / assignment / path.name).exists():
            failed.add(student)
    report.failed = sorted(failed)
    run("generate_feedback", assignment, "--force")
    run("export", "--to", str(course / "grades.csv"))
    report.log = "\n".join(logs)
    _read_grades(course, assignment, report)
    _write_csv(report, Path(csv_path) if csv_path else course / f"grades_{assignment}.csv")
    return report


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
        report = grade(args.course, args.assignment, zip_dir=args.zip_dir, csv_path=args.csv)
    except CourseError as error:
        print(f"mediakit course grade: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    if report.failed:
        print(
            "Nicht bewertet (siehe Log unten): " + ", ".join(report.failed),
            file=sys.stderr,
        )
        print(report.log[-4000:], file=sys.stderr)
        return 1
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
        help="the graded nbgrader course: copy it, grade an assignment",
        description="The German nbgrader course (see LEITFADEN.md in the course folder).",
    )
    sub = course.add_subparsers(dest="course_command", metavar="{init,grade}")
    sub.required = True

    init = sub.add_parser(
        "init",
        help="copy the course to DIR, ready for nbgrader",
        description="Copy the course (nbgrader_config.py, source/, LEITFADEN.md) to DIR. "
        "Example: mediakit course init ~/medienkurs",
    )
    init.add_argument("dir", help="target folder (created if needed)")
    init.add_argument("--force", action="store_true", help="overwrite course files in DIR")
    init.set_defaults(func=_cmd_init)

    grade_parser = sub.add_parser(
        "grade",
        help="collect, autograde, feedback and export one assignment",
        description="Run nbgrader's collect (submitted/ or a folder of downloaded files), "
        "autograde, generate_feedback and export for ASSIGNMENT; print a summary per "
        "student and write a CSV with one column per question. Exits 1 when nothing was "
        "collected or a notebook failed. Example: mediakit course grade 01_lesbarkeit "
        "--course ~/medienkurs --csv noten.csv",
    )
    grade_parser.add_argument("assignment", help="assignment name, e.g. 01_lesbarkeit")
    grade_parser.add_argument(
        "--course", default=".", help="course folder (default: current folder)"
    )
    grade_parser.add_argument(
        "--zip-dir",
        dest="zip_dir",
        help="folder with downloaded submissions named <student>_<notebook>.ipynb (or zips)",
    )
    grade_parser.add_argument("--csv", help="CSV path (default: COURSE/grades_ASSIGNMENT.csv)")
    grade_parser.set_defaults(func=_cmd_grade)
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
