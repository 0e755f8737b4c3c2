"""The nbgrader course tests itself: every assignment through nbgrader's own CLI.

For each assignment a copy of ``exercises/`` is made, the release is generated and a
class of made-up students is submitted and autograded:

* ``key``     the answer key itself: full marks;
* ``blank``   the untouched release: 0;
* ``partial`` the first half of the answers from the key: strictly in between;
* ``edited``  blank answers, every test cell replaced by ``assert True`` and one
  hidden-test cell deleted: still 0 (nbgrader restores the original tests);
* ``fakes``   the key's answers, computed after replacing mediakit's functions with
  fakes that analyse some other text: no points on any question that uses mediakit;
* ``equal``   the key's answers swapped for objects whose ``__eq__`` always says True
  (subclasses of int, float, str, list, dict): 0;
* ``muffle``  blank answers plus an IPython handler that swallows every exception: 0;
* ``exit``    ``os._exit(1)`` in the first answer: 0;
* ``loop``    ``while True: pass`` in the first answer: that question 0, the run ends;
* ``literal`` the release with every code answer cell filled in by a student who read only
  the release and followed each instruction literally (``tests/data/literal_student/``):
  full automatic points, or an instruction and its hidden test disagree.

Then the feedback of ``blank`` and ``partial`` must not show a single line of a
hidden test, not even inside a traceback. The four pipelines run two at a time
(nbgrader runs one kernel at a time; the machine has two cores).
"""

from __future__ import annotations

import ast
import copy
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import mediakit.course as course_module

ROOT = Path(__file__).resolve().parents[1]
COURSE = Path(os.environ.get("MEDIAKIT_COURSE_DIR", ROOT / "exercises"))
ASSIGNMENTS = sorted(
    p.name for p in (COURSE / "source").iterdir() if p.is_dir() and any(p.glob("*.ipynb"))
)
STUDENTS = [
    "key",
    "blank",
    "partial",
    "edited",
    "fakes",
    "equal",
    "muffle",
    "literal",
    "exit",
    "loop",
]
# The two that wait for a dead kernel or a 30 s cell timeout are graded in a course
# copy of their own, in parallel: they mostly sleep, the others use the CPU.
HAZARDS = ["exit", "loop"]

# A short text with quotations, a named and an anonymous source and loaded words, so
# the fake mediakit returns results of the right shape but the wrong numbers.
FAKE_TEXT = (
    "Der Minister sagte: „Das ist ein völlig desaströses Ergebnis.“ "
    "Aus Kreisen hieß es, man sei angeblich empört. Totaler Wahnsinn!"
)

FAKES_PRELUDE = f"""\
import mediakit as _mk
_FAKE = {FAKE_TEXT!r}
def _fake(name):
    real = getattr(_mk, name)
    def fake(*args, **kwargs):
        args = [_FAKE if isinstance(a, str) else a for a in args]
        if name == "compare":
            args = [{{getattr(d, "id", str(i)): _FAKE for i, d in enumerate(args[0])}}]
        return real(*args, **kwargs)
    return fake
for _name in ("readability", "find_quotes", "find_scare_quotes", "find_evaluative",
              "analyze", "compare", "split_sentences", "count_syllables"):
    try:
        setattr(_mk, _name, _fake(_name))
    except AttributeError:
        pass
"""

# Objects that claim to equal anything, of a subclass of the expected type.
EQUAL_HELPERS = """\
def _gleich(v):
    if callable(v) and not isinstance(v, type):
        f = v
        return lambda *a, **k: _gleich(f(*a, **k))
    base = type(v)
    if base in (bool, type(None)) or isinstance(v, type):
        return v
    try:
        cls = type("Gleich", (base,), {"__eq__": lambda s, o: True, "__ne__": lambda s, o: False,
                                        "__hash__": base.__hash__})
        return cls(v)
    except TypeError:
        return v
"""


def _cells(path: Path) -> dict:
    """A notebook as JSON, every cell source joined into one string."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return nb


def _nbmeta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_answer(cell: dict) -> bool:
    meta = _nbmeta(cell)
    return cell["cell_type"] == "code" and meta.get("solution") and not meta.get("grade")


def _solution_names(source: str) -> list[str]:
    """Names an answer cell binds at top level (variables and functions)."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            names.append(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Name):
                    names.append(leaf.id)
    return [n for n in names if not n.startswith("_")]


def _region(source: str, begin: str, end: str) -> list[str]:
    lines, inside = [], False
    for line in source.split("\n"):
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            lines.append(line)
    return lines


def secret_lines(source_nb: dict, kind: str) -> list[str]:
    """Distinctive lines of the hidden tests (or solutions, mark schemes) of a notebook."""
    begin, end = {
        "hidden": ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
        "solution": ("BEGIN SOLUTION", "END SOLUTION"),
        "markscheme": ("BEGIN MARK SCHEME", "END MARK SCHEME"),
    }[kind]
    public = set()
    for cell in source_nb["cells"]:
        outside = [ln.strip() for ln in cell["source"].split("\n")]
        public |= set(outside) - {ln.strip() for ln in _region(cell["source"], begin, end)}
    found = []
    for cell in source_nb["cells"]:
        for line in _region(cell["source"], begin, end):
            text = line.strip()
            # Short lines ("return True", "else:") say nothing about the secret.
            if len(text) >= 12 and text not in public:
                found.append(text)
    return found


def _visible_text(html_text: str) -> str:
    """What a student reads in a feedback page: tags stripped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@dataclass
class Run:
    """Everything one assignment's pipeline produced."""

    assignment: str
    course: Path
    notebooks: list[str]
    generate_rc: int
    generate_log: str
    autograde_log: str = ""
    autograde_seconds: float = 0.0
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    max_scores: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, dict] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)
    courses: dict[str, Path] = field(default_factory=dict)

    def merge(self, other: Run) -> Run:
        """Add the students graded in another copy of the course."""
        self.scores.update(other.scores)
        self.feedback.update(other.feedback)
        self.courses.update(other.courses)
        self.autograde_log += other.autograde_log
        return self

    def auto_ids(self) -> list[str]:
        return [gid for gid, q in self.kinds.items() if q["kind"] == "auto"]

    def auto_total(self, student: str) -> float:
        return sum(self.scores[student].get(gid, 0.0) for gid in self.auto_ids())

    def auto_max(self) -> float:
        return sum(self.max_scores[gid] for gid in self.auto_ids())


def nbgrader_env(tmp: Path) -> dict[str, str]:
    """Isolated from the user's Jupyter config; the kernel is this venv's python3."""
    env = course_module.nbgrader_env(jupyter_home=tmp)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["MPLBACKEND"] = "Agg"
    return env


def nbgrader(course: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    return course_module.run_nbgrader(course, *args, env=env)


def copy_course(dest: Path, source: Path = COURSE) -> Path:
    shutil.copytree(
        source,
        dest,
        ignore=shutil.ignore_patterns(
            "__pycache__", "gradebook.db", "release", "submitted", "autograded", "feedback"
        ),
    )
    return dest


def _with_solutions(release: dict, key: dict, which: set[int]) -> dict:
    """The release with the answer cells numbered in ``which`` taken from the key."""
    nb = copy.deepcopy(release)
    key_cells = {_nbmeta(c).get("grade_id"): c for c in key["cells"]}
    for n, cell in enumerate(c for c in nb["cells"] if _is_answer(c)):
        if n in which:
            cell["source"] = key_cells[_nbmeta(cell)["grade_id"]]["source"]
    return nb


LITERAL_DIR = ROOT / "tests" / "data" / "literal_student"


def literal_answers() -> dict[str, str]:
    """grade_id -> code of the literal student (written from the release text only)."""
    answers: dict[str, str] = {}
    for path in sorted(LITERAL_DIR.glob("*.json")):
        answers.update(json.loads(path.read_text(encoding="utf-8"))["cells"])
    return answers


def literal_submission(release: dict) -> dict:
    """The release with every answer cell the literal student wrote filled in."""
    nb = copy.deepcopy(release)
    answers = literal_answers()
    for cell in nb["cells"]:
        if _is_answer(cell) and _nbmeta(cell).get("grade_id") in answers:
            cell["source"] = answers[_nbmeta(cell)["grade_id"]]
    return nb


def make_submissions(release: dict, key: dict) -> dict[str, dict]:
    answers = [c for c in release["cells"] if _is_answer(c)]
    subs: dict[str, dict] = {"key": copy.deepcopy(key), "blank": copy.deepcopy(release)}
    subs["partial"] = _with_solutions(release, key, set(range(len(answers) // 2)))

    edited = copy.deepcopy(release)
    for cell in edited["cells"]:
        meta = _nbmeta(cell)
        if cell["cell_type"] == "code" and meta.get("locked") and not meta.get("solution"):
            cell["source"] = "assert True"
    hidden = [c for c in edited["cells"] if _nbmeta(c).get("grade") and c["cell_type"] == "code"]
    edited["cells"].remove(hidden[-1])
    subs["edited"] = edited

    fakes = copy.deepcopy(key)
    first = next(c for c in fakes["cells"] if _is_answer(c))
    first["source"] = FAKES_PRELUDE + first["source"]
    subs["fakes"] = fakes

    equal = copy.deepcopy(key)
    for n, cell in enumerate(c for c in equal["cells"] if _is_answer(c)):
        names = _solution_names(cell["source"])
        wrap = "".join(f"{name} = _gleich({name})\n" for name in names)
        cell["source"] = (EQUAL_HELPERS if n == 0 else "") + cell["source"] + "\n" + wrap
    subs["equal"] = equal

    muffle = copy.deepcopy(release)
    first = next(c for c in muffle["cells"] if _is_answer(c))
    first["source"] = "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)\n"
    subs["muffle"] = muffle

    for name, hazard in (("exit", "import os\nos._exit(1)\n"), ("loop", "while True:\n    pass\n")):
        nb = copy.deepcopy(key)
        first = next(c for c in nb["cells"] if _is_answer(c))
        first["source"] = hazard + first["source"]
        subs[name] = nb
    subs["literal"] = literal_submission(release)
    return subs


def run_pipeline(assignment: str, workdir: Path, students: list[str], source: Path) -> Run:
    from nbgrader.api import Gradebook

    course = copy_course(workdir / "course", source)
    env = nbgrader_env(workdir)
    rc, log = nbgrader(course, env, "generate_assignment", assignment, "--force")
    notebooks = sorted(p.stem for p in (course / "source" / assignment).glob("*.ipynb"))
    run = Run(assignment, course, notebooks, rc, log)
    if rc != 0:
        return run
    for notebook in notebooks:
        key = _cells(course / "source" / assignment / f"{notebook}.ipynb")
        release = _cells(course / "release" / assignment / f"{notebook}.ipynb")
        for q in key["metadata"]["mediakit_course"]["questions"]:
            run.kinds[q["grade_id"]] = q
        for student, nb in make_submissions(release, key).items():
            if student not in students:
                continue
            run.courses[student] = course
            folder = course / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{notebook}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    started = time.perf_counter()
    _, run.autograde_log = nbgrader(course, env, "autograde", assignment, "--force")
    run.autograde_seconds = time.perf_counter() - started
    nbgrader(course, env, "generate_feedback", assignment, "--force")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "mediakit") as gb:
        for notebook in gb.find_assignment(assignment).notebooks:
            for cell in [*notebook.grade_cells, *notebook.task_cells]:
                run.max_scores[cell.name] = float(cell.max_score)
        for student in students:
            submission = gb.find_submission(assignment, student)
            run.scores[student] = {
                g.name: float(g.score) for nb in submission.notebooks for g in nb.grades
            }
    for student in students:
        pages = sorted((course / "feedback" / student / assignment).glob("*.html"))
        run.feedback[student] = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    return run


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course with the answer keys rebuilt by the mediakit under test."""
    pytest.importorskip("nbgrader")
    base = tmp_path_factory.mktemp("built")
    # The answer keys are rebuilt with the mediakit under test, so these tests check
    # nbgrader's behaviour even while the committed keys are stale; staleness itself
    # is test_committed_answer_keys_match_the_builder's job.
    built = copy_course(base / "course")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env["MPLBACKEND"] = "Agg"
    proc = subprocess.run(
        [sys.executable, str(built / "build_course.py")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return built


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory, built: Path) -> dict[str, Run]:
    base = tmp_path_factory.mktemp("course")
    calm = [s for s in STUDENTS if s not in HAZARDS]
    with ThreadPoolExecutor(max_workers=3) as pool:
        main = {a: pool.submit(run_pipeline, a, base / a, calm, built) for a in ASSIGNMENTS}
        hazard = {
            a: pool.submit(run_pipeline, a, base / f"{a}-hazards", HAZARDS, built)
            for a in ASSIGNMENTS
        }
        return {a: main[a].result().merge(hazard[a].result()) for a in ASSIGNMENTS}


def _source(run: Run, notebook: str) -> dict:
    return _cells(run.course / "source" / run.assignment / f"{notebook}.ipynb")


slow = pytest.mark.slow
per_assignment = pytest.mark.parametrize("assignment", ASSIGNMENTS)


def test_there_are_four_assignments() -> None:
    assert len(ASSIGNMENTS) >= 4, ASSIGNMENTS


@slow
@per_assignment
def test_generate_assignment_succeeds(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    assert run.generate_rc == 0, run.generate_log[-3000:]
    for notebook in run.notebooks:
        assert (run.course / "release" / assignment / f"{notebook}.ipynb").is_file()


@slow
@per_assignment
def test_release_holds_no_solution_hidden_test_or_mark_scheme(
    runs: dict[str, Run], assignment: str
) -> None:
    run = runs[assignment]
    for notebook in run.notebooks:
        source = _source(run, notebook)
        path = run.course / "release" / assignment / f"{notebook}.ipynb"
        release = path.read_text("utf-8")
        lines = {ln.strip() for c in _cells(path)["cells"] for ln in c["source"].split("\n")}
        for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME"):
            assert marker not in release
        for kind in ("hidden", "solution", "markscheme"):
            leaked = [ln for ln in secret_lines(source, kind) if ln in lines]
            assert not leaked, f"{kind} lines in the release: {leaked[:3]}"
        assert secret_lines(source, "hidden"), "the answer key has no hidden tests"
        assert secret_lines(source, "solution"), "the answer key has no solutions"


@slow
@per_assignment
def test_answer_key_earns_full_marks(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    missed = {g: s for g in run.auto_ids() if (s := run.scores["key"][g]) != run.max_scores[g]}
    assert not missed, f"answer key loses points on {missed}\n{run.autograde_log[-3000:]}"
    assert run.auto_max() > 0


def test_literal_student_answers_every_code_answer_cell() -> None:
    """One file per assignment, an answer for each code answer cell, and no stale ids."""
    answers = literal_answers()
    expected = set()
    for assignment in ASSIGNMENTS:
        assert (LITERAL_DIR / f"{assignment}.json").is_file(), assignment
        for path in (COURSE / "source" / assignment).glob("*.ipynb"):
            expected |= {_nbmeta(c)["grade_id"] for c in _cells(path)["cells"] if _is_answer(c)}
    assert set(answers) == expected


@slow
@per_assignment
def test_literal_student_earns_full_automatic_points(runs: dict[str, Run], assignment: str) -> None:
    """Issue #15: who follows each instruction literally gets every automatic point."""
    run = runs[assignment]
    missed = {
        g: (s, run.max_scores[g])
        for g in run.auto_ids()
        if (s := run.scores["literal"].get(g, 0.0)) != run.max_scores[g]
    }
    assert not missed, f"the literal student loses points on {missed}"
    assert run.auto_max() > 0


@slow
@per_assignment
def test_untouched_release_scores_zero(runs: dict[str, Run], assignment: str) -> None:
    assert sum(runs[assignment].scores["blank"].values()) == 0


@slow
@per_assignment
def test_partial_submission_lands_in_between(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    assert 0 < run.auto_total("partial") < run.auto_max()


@slow
@per_assignment
def test_feedback_never_shows_hidden_tests(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    hidden = [ln for nb in run.notebooks for ln in secret_lines(_source(run, nb), "hidden")]
    marks = [ln for nb in run.notebooks for ln in secret_lines(_source(run, nb), "markscheme")]
    autograded = (run.course / "autograded" / "blank" / assignment).glob("*.ipynb")
    # The check below can fail: the graded notebooks do contain the hidden lines.
    assert any(hidden[0] in p.read_text("utf-8") for p in autograded)
    for student in ("blank", "partial", "key"):
        page = run.feedback[student]
        assert page, f"no feedback for {student}"
        shown = _visible_text(page)
        leaked = [ln for ln in hidden + marks if ln in shown]
        assert not leaked, f"{student}'s feedback shows: {leaked[:3]}"
        assert "BEGIN HIDDEN TESTS" not in shown and "MARK SCHEME" not in shown
    assert "Versteckte Tests: nicht bestanden" in _visible_text(run.feedback["blank"])
    assert "Versteckte Tests: nicht bestanden" not in _visible_text(run.feedback["key"])


@slow
@per_assignment
def test_edited_test_cells_are_graded_with_the_original_tests(
    runs: dict[str, Run], assignment: str
) -> None:
    assert sum(runs[assignment].scores["edited"].values()) == 0


@slow
@per_assignment
def test_fake_mediakit_earns_nothing(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    faked = [g for g in run.auto_ids() if run.kinds[g].get("uses_mediakit")]
    assert faked, "no question uses mediakit"
    earned = {g: run.scores["fakes"][g] for g in faked if run.scores["fakes"][g]}
    assert not earned, f"fake mediakit functions earned points: {earned}"


@slow
@per_assignment
def test_objects_that_equal_everything_earn_nothing(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    assert run.auto_total("equal") == 0, run.scores["equal"]


@slow
@per_assignment
def test_swallowed_exceptions_earn_nothing(runs: dict[str, Run], assignment: str) -> None:
    assert sum(runs[assignment].scores["muffle"].values()) == 0


@slow
@per_assignment
def test_exiting_kernel_scores_zero(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    assert sum(run.scores["exit"].values()) == 0
    assert not (run.courses["exit"] / "autograded" / "exit" / assignment).exists()


@slow
@per_assignment
def test_endless_loop_is_cut_off_and_scores_zero(runs: dict[str, Run], assignment: str) -> None:
    run = runs[assignment]
    first = run.auto_ids()[0]
    assert run.scores["loop"][first] == 0
    # Interrupted, not killed: the cells after the loop still ran.
    graded = list((run.courses["loop"] / "autograded" / "loop" / assignment).glob("*.ipynb"))
    assert graded, "the looping notebook was not graded at all"
    for path in graded:
        last = [c for c in _cells(path)["cells"] if c["cell_type"] == "code"][-1]
        assert last["execution_count"] is not None
    # The per-cell limit interrupted the loop inside the sandbox (the cell's output).
    shown = "".join(p.read_text("utf-8") for p in graded)
    assert "CellTimeoutError" in shown or "KeyboardInterrupt" in shown


def test_committed_answer_keys_match_the_builder() -> None:
    """The hidden tests' expected values equal what the current mediakit computes."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env["MPLBACKEND"] = "Agg"
    proc = subprocess.run(
        [sys.executable, str(COURSE / "build_course.py"), "--check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, (
        "the committed answer keys are stale: run `python exercises/build_course.py` and "
        "commit exercises/source\n" + proc.stdout[-3000:] + proc.stderr[-3000:]
    )


# --- the teacher's commands ------------------------------------------------------------


def test_init_course_copies_a_ready_course(tmp_path: Path) -> None:
    from mediakit.course import assignments, init_course

    target = init_course(tmp_path / "medienkurs")
    assert (target / "nbgrader_config.py").is_file()
    assert (target / "LEITFADEN.md").is_file()
    assert assignments(target) == ASSIGNMENTS
    for assignment in ASSIGNMENTS:
        assert list((target / "source" / assignment).glob("*.ipynb"))
    with pytest.raises(FileExistsError):
        init_course(target)
    init_course(target, force=True)


def test_python_m_course_init_and_bad_target(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    ok = subprocess.run(
        [sys.executable, "-m", "mediakit.course", "init", str(tmp_path / "kurs")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "kurs" / "source" / ASSIGNMENTS[0]).is_dir()
    again = subprocess.run(
        [sys.executable, "-m", "mediakit.course", "init", str(tmp_path / "kurs")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert again.returncode == 2 and "already holds a course" in again.stderr


def test_course_subcommands_parse() -> None:
    import argparse

    from mediakit.course import add_course_subcommands

    parser = argparse.ArgumentParser(prog="mediakit")
    add_course_subcommands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["course", "grade", "01_lesbarkeit", "--course", "k", "--csv", "n.csv"]
    )
    assert (args.assignment, args.course, args.csv) == ("01_lesbarkeit", "k", "n.csv")
    assert callable(args.func)
    with pytest.raises(SystemExit):
        parser.parse_args(["course"])


@slow
def test_grade_without_submissions_fails_clearly(tmp_path: Path) -> None:
    pytest.importorskip("nbgrader")
    from mediakit.course import CourseError, grade, init_course

    course = init_course(tmp_path / "kurs")
    old_path = os.environ.get("PATH", "")
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + old_path
    try:
        with pytest.raises(CourseError, match="nothing collected"):
            grade(course, ASSIGNMENTS[-1])
        with pytest.raises(CourseError, match="unknown assignment"):
            grade(course, "99_gibtsnicht")
    finally:
        os.environ["PATH"] = old_path


@slow
def test_grade_wrapper_collects_grades_and_reports(tmp_path: Path) -> None:
    """`mediakit course grade` end to end: zip folder in, summary and CSV out."""
    pytest.importorskip("nbgrader")
    from mediakit.course import init_course

    assignment = ASSIGNMENTS[1]  # the quickest notebook to grade
    course = init_course(tmp_path / "kurs")
    env = nbgrader_env(tmp_path)
    notebook = next((course / "source" / assignment).glob("*.ipynb"))
    key = _cells(notebook)
    rc, log = nbgrader(course, env, "generate_assignment", assignment, "--force")
    assert rc == 0, log[-2000:]
    release = _cells(course / "release" / assignment / notebook.name)
    inbox = tmp_path / "downloads"
    inbox.mkdir()
    (inbox / f"anna_{notebook.name}").write_text(json.dumps(key), encoding="utf-8")
    (inbox / f"ben_{notebook.name}").write_text(json.dumps(release), encoding="utf-8")
    crash = copy.deepcopy(key)
    first = next(c for c in crash["cells"] if _is_answer(c))
    first["source"] = "import os\nos._exit(3)\n" + first["source"]
    (inbox / f"carl_{notebook.name}").write_text(json.dumps(crash), encoding="utf-8")
    out = tmp_path / "noten.csv"
    command = [sys.executable, "-m", "mediakit.course", "grade", assignment]
    command += ["--course", str(course), "--zip-dir", str(inbox), "--csv", str(out)]
    proc = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    # carl's kernel died: graded 0, reported, and the exit code says so.
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    assert "carl" in proc.stderr and "FEHLER" in proc.stdout
    rows = list(csv.reader(out.open(encoding="utf-8")))
    header, maxima, *students = rows
    questions = [c for c in header if ":" in c]
    assert len(questions) == len(key["metadata"]["mediakit_course"]["questions"])
    assert maxima[0] == "(max)"
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in students}
    assert set(by_id) == {"anna", "ben", "carl"}
    assert float(by_id["anna"]["total"]) > 0 == float(by_id["ben"]["total"])
    assert float(by_id["carl"]["total"]) == 0 and by_id["carl"]["status"] == "failed"
    assert by_id["anna"]["status"] == "manual"  # free-text answers wait for the teacher
    assert "Kernel" in by_id["carl"]["grund"], by_id["carl"]
    # No feedback while hand grading is pending (it would say "0 / 3"); ben's blank
    # notebook has nothing to grade by hand, so his feedback is there.
    assert not (course / "feedback" / "anna" / assignment).exists()
    assert list((course / "feedback" / "ben" / assignment).glob("*.html"))
    assert "noch kein Feedback" in proc.stdout and "mediakit course feedback" in proc.stdout
    # The teacher grades anna's free-text answers; then `course feedback` writes her page.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "mediakit") as gb:
        for nb in gb.find_submission(assignment, "anna").notebooks:
            for g in nb.grades:
                if g.needs_manual_grade:
                    g.manual_score = g.max_score
                    g.needs_manual_grade = False
        gb.db.commit()
    command = [sys.executable, "-m", "mediakit.course", "feedback", assignment]
    done = subprocess.run(
        [*command, "--course", str(course)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    page = "".join(
        p.read_text("utf-8") for p in (course / "feedback" / "anna" / assignment).glob("*.html")
    )
    assert page and "noch nicht bewertet" not in page


# --- the trusted grader: units -----------------------------------------------------------

from mediakit import grading  # noqa: E402
from mediakit.sandbox import sandbox_available  # noqa: E402

needs_sandbox = pytest.mark.skipif(
    not sandbox_available(),
    reason="bubblewrap (bwrap) fehlt oder darf hier keine Namespaces anlegen "
    "(apt-get install -y bubblewrap); die Schummel-Tests brauchen die Sandbox",
)


@pytest.mark.parametrize(
    ("source", "names", "calls"),
    [
        (
            "_same = lambda x, v, t: x == v\nassert 'anzahl_zitate' in globals() and _same(anzahl_zitate, 7, 1e-6)",
            ["anzahl_zitate"],
            [],
        ),
        ("_r = lix(3, 41, 15)\nassert _T(_r) is _F", [], [("lix", [3, 41, 15])]),
        (
            "import mediakit as _mk\n_f = _mk.analyze(neutral)\nassert rate_nachher == _f",
            ["neutral", "rate_nachher"],
            [],
        ),
        (
            "def _same(x, v, tol):\n    return x == v\nassert _same(quellen_dpa, {'named': 2}, 0)",
            ["quellen_dpa"],
            [],
        ),
        ("try:\n    get_ipython().set_custom_exc((), None)\nexcept Exception:\n    pass", [], []),
    ],
)
def test_plan_checks_finds_the_answers_a_hidden_test_reads(source, names, calls) -> None:
    plan = grading.plan_checks(source)
    assert plan.names == names
    assert plan.calls == calls


@pytest.mark.parametrize(
    ("exported", "ok"),
    [
        ({"l": [1, 2.5, "drei", None, True]}, [1, 2.5, "drei", None, True]),
        ({"d": [["named", 2], ["keiner", 1]]}, {"named": 2, "keiner": 1}),
        ({"d": [[3, {"l": []}]]}, {3: []}),
    ],
)
def test_decode_accepts_plain_data_only(exported, ok) -> None:
    assert grading.decode(exported) == ok


@pytest.mark.parametrize(
    "bad", [{"x": "Gleich"}, {"l": [1, {"x": "function"}]}, {"q": 1}, {"d": [[{"l": []}, 1]]}]
)
def test_decode_turns_everything_else_into_a_wrong_answer(bad) -> None:
    value = grading.decode(bad)
    assert value != grading.decode({"l": [1]})
    flat = value if not isinstance(value, list) else value[1]
    assert type(flat).__name__ == "_Invalid"


def test_evaluate_explains_without_the_expected_value() -> None:
    code = (
        "assert 'anzahl_indirekt' in globals()\n"
        "assert _same(anzahl_indirekt, 4, 1e-6), "
        "'`anzahl_indirekt` zählt nur indirekte Zitate; lesen Sie die Aufgabe noch einmal.'\n"
    )
    code = "def _same(x, v, tol):\n    return type(x) is type(v) and x == v\n" + code
    plan = grading.plan_checks(code)
    ok, message = grading.evaluate(code, {"names": {"anzahl_indirekt": 5}, "calls": []}, plan)
    assert not ok and "indirekte" in message and "4" not in message
    ok, message = grading.evaluate(code, {"names": {"anzahl_indirekt": 4}, "calls": []}, plan)
    assert ok
    ok, message = grading.evaluate(
        code, {"names": {"anzahl_indirekt": {"x": "Gleich"}}, "calls": []}, plan
    )
    assert not ok and "kein einfacher Wert" in message and "Gleich" in message
    ok, message = grading.evaluate(code, {"names": {}, "calls": []}, plan)
    assert not ok and "fehlt" in message
    ok, message = grading.evaluate(code, None, plan)
    assert not ok and "nicht ausgelesen" in message


def test_evaluate_calls_come_from_the_export() -> None:
    code = "_r = lix(1, 10, 5)\nassert type(_r) is float and abs(_r - 60.0) < 1e-6, 'lix rechnet falsch'"
    plan = grading.plan_checks(code)
    assert grading.evaluate(code, {"names": {}, "calls": [{"ok": 60.0}]}, plan) == (
        True,
        "bestanden",
    )
    ok, message = grading.evaluate(
        code, {"names": {}, "calls": [{"err": "ZeroDivisionError"}]}, plan
    )
    assert not ok and "ZeroDivisionError" in message
    ok, message = grading.evaluate(code, {"names": {}, "calls": [{"ok": {"x": "Gleich"}}]}, plan)
    assert not ok and "keinen einfachen Wert" in message
    ok, message = grading.evaluate(code, {"names": {}, "calls": [{"m": 1}]}, plan)
    assert not ok and "`lix` fehlt" in message


def test_student_notebook_holds_no_hidden_test_mark_scheme_or_markdown() -> None:
    assignment = ASSIGNMENTS[1]
    key = _cells(next((COURSE / "source" / assignment).glob("*.ipynb")))
    tests = {
        _nbmeta(c)["grade_id"]: c["source"]
        for c in key["cells"]
        if _nbmeta(c).get("grade") and c["cell_type"] == "code" and not _nbmeta(c).get("solution")
    }
    copy, plans = grading.student_notebook(key, tests)
    text = json.dumps(copy, ensure_ascii=False)
    hidden = secret_lines(key, "hidden")
    marks = secret_lines(key, "markscheme")
    assert hidden and not [ln for ln in hidden + marks if ln in text]
    assert "HIDDEN TESTS" not in text and "MARK SCHEME" not in text
    assert len(copy["cells"]) == len(key["cells"]) and len(plans) == len(tests)
    assert all(p.names or p.calls for p in plans.values())


@pytest.mark.parametrize(
    ("student_id", "ok"),
    [
        ("anna", True),
        ("anna.mueller", True),
        ("s-0042", True),
        ("b_2", True),
        ("..", False),
        (".._zitate", False),
        (".anna", False),
        ("anna..b", False),
        ("a/b", False),
        ("", False),
        ("anna ", False),
    ],
)
def test_student_ids_are_checked(student_id: str, ok: bool) -> None:
    from mediakit.course import check_student_id

    assert (check_student_id(student_id) is None) is ok


def test_init_never_overwrites_and_keeps_a_backup_of_edits(tmp_path: Path) -> None:
    from mediakit.course import init_course

    target = init_course(tmp_path / "kurs")
    guide = target / "LEITFADEN.md"
    original = guide.read_bytes()
    guide.write_text("Meine Notizen zum Kurs\n", encoding="utf-8")
    (target / "gradebook.db").write_bytes(b"not touched")
    with pytest.raises(FileExistsError, match="teacher's edits"):
        init_course(target)
    assert guide.read_text(encoding="utf-8") == "Meine Notizen zum Kurs\n"
    init_course(target, force=True)
    assert guide.read_bytes() == original
    backups = list(target.glob("LEITFADEN.md.bak-*"))
    assert (
        len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "Meine Notizen zum Kurs\n"
    )
    assert (target / "gradebook.db").read_bytes() == b"not touched"
    # Unchanged files are replaced without a backup.
    init_course(target, force=True)
    assert len(list(target.rglob("*.bak-*"))) == 1
    # A folder with other files of the same names (not ours): refused too.
    other = tmp_path / "fremd"
    other.mkdir()
    (other / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        init_course(other)
    assert (other / "nbgrader_config.py").read_text(encoding="utf-8") == "c = get_config()\n"


# --- the cheats of issue 13, all in one run of `mediakit course grade` ---------------------

CHEAT_ASSIGNMENT = "02_zitate"


def _cheats(course: Path, notebook: str) -> dict[str, str]:
    """Hostile code per student, put in front of the first answer of a blank notebook."""
    root = str(course)
    submitted = f"{root}/submitted/anna/{CHEAT_ASSIGNMENT}/{notebook}.ipynb"
    return {
        # assert -> pass in every later cell
        "ast": (
            "import ast\n"
            "class _Weg(ast.NodeTransformer):\n"
            "    def visit_Assert(self, node):\n"
            "        return ast.Pass()\n"
            "get_ipython().ast_transformers.append(_Weg())\n"
        ),
        # every later cell becomes `pass`
        "input": 'get_ipython().input_transformers_post.append(lambda lines: ["pass\\n"])\n',
        # the expected values from the gradebook, assigned as answers
        "gradebook": (
            "import re, sqlite3, glob\n"
            f"_pfade = [{root + '/gradebook.db'!r}] + glob.glob('/**/gradebook.db', recursive=True)\n"
            "for _p in _pfade:\n"
            "    try:\n"
            "        _db = sqlite3.connect('file:' + _p + '?mode=ro', uri=True)\n"
            "        _rows = _db.execute('select source from source_cell').fetchall()\n"
            "    except Exception as _e:\n"
            "        print('GRADEBOOK NICHT ERREICHBAR', _p, type(_e).__name__)\n"
            "        continue\n"
            "    for (_src,) in _rows:\n"
            "        for _n, _v in re.findall(r'_same\\((\\w+), (.+?), [0-9.e-]+\\)', _src):\n"
            "            try:\n"
            "                globals()[_n] = eval(_v)\n"
            "            except Exception:\n"
            "                pass\n"
        ),
        # a detached process that waits for the graded notebook and sets all scores
        "detach": (
            "import subprocess, sys, textwrap\n"
            "_code = textwrap.dedent('''\n"
            "    import time\n"
            "    from nbgrader.api import Gradebook\n"
            "    for _ in range(40):\n"
            "        time.sleep(0.5)\n"
            "        try:\n"
            f"            open({root + '/DETACHED_WAR_HIER'!r}, 'w').write('x')\n"
            f"            with Gradebook('sqlite:///{root}/gradebook.db', 'mediakit') as gb:\n"
            f"                sub = gb.find_submission({CHEAT_ASSIGNMENT!r}, 'detach')\n"
            "                for nb in sub.notebooks:\n"
            "                    for g in nb.grades:\n"
            "                        g.manual_score = g.max_score\n"
            "                gb.db.commit()\n"
            "        except Exception:\n"
            "            pass\n"
            "''')\n"
            "subprocess.Popen([sys.executable, '-c', _code], start_new_session=True,\n"
            "                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,\n"
            "                 stderr=subprocess.DEVNULL)\n"
        ),
        # show every classmate all hidden tests in the feedback
        "config": (
            "try:\n"
            f"    with open({root + '/nbgrader_config.py'!r}, 'a') as _f:\n"
            "        _f.write('\\nc.GenerateFeedback.preprocessors = []\\n')\n"
            "except Exception as _e:\n"
            "    print('CONFIG NICHT ERREICHBAR', type(_e).__name__)\n"
        ),
        # overwrite a classmate's submission with a blank one
        "overwrite": (
            "import json\n"
            "try:\n"
            f"    open({submitted!r}, 'w').write(json.dumps({{'cells': []}}))\n"
            "except Exception as _e:\n"
            "    print('ABGABE NICHT ERREICHBAR', type(_e).__name__)\n"
        ),
        # print the answer keys (solutions, mark schemes) into one's own feedback
        "source": (
            "import glob, pathlib\n"
            "_pfade = glob.glob("
            f"{root + '/source/*/*.ipynb'!r}) + glob.glob({str(ROOT) + '/exercises/source/*/*.ipynb'!r})\n"
            "try:\n"
            "    from importlib import resources\n"
            "    _pfade += [str(p) for p in resources.files('mediakit.course_data')"
            ".joinpath('source').iterdir()]\n"
            "except Exception as _e:\n"
            "    print('KURSDATEN NICHT ERREICHBAR', type(_e).__name__)\n"
            "for _p in _pfade:\n"
            "    for _q in glob.glob(_p + '/*.ipynb') or [_p]:\n"
            "        try:\n"
            "            print(pathlib.Path(_q).read_text())\n"
            "        except Exception as _e:\n"
            "            print('NICHT LESBAR', type(_e).__name__)\n"
        ),
        # kill the grading process, so the students after this one are never graded
        "a-killer": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n",
        # no limit per notebook: four long cells
        "sleeper": "import time\ntime.sleep(27)\n",
        # every float answer NaN
        "nan": "",
        # raised points in the metadata
        "points": "",
    }


def _nan_answers(release: dict, key: dict) -> dict:
    nb = copy.deepcopy(release)
    names = [n for c in key["cells"] if _is_answer(c) for n in _solution_names(c["source"])]
    first = next(c for c in nb["cells"] if _is_answer(c))
    first["source"] = "".join(f"{n} = float('nan')\n" for n in names)
    return nb


@dataclass
class CheatRun:
    course: Path
    notebook: str
    proc: subprocess.CompletedProcess
    before: dict[str, bytes]
    config_before: bytes
    scores: dict[str, dict[str, float]]
    manual: dict[str, dict[str, float | None]]
    max_scores: dict[str, float]
    kinds: dict[str, dict]
    rows: dict[str, dict[str, str]]
    feedback: dict[str, str]
    autograded: dict[str, str]


HONEST = ["anna", "ben", "zoe"]
OLD_FIVE = ["edited", "fakes", "equal", "muffle"]


@pytest.fixture(scope="session")
def cheat_run(tmp_path_factory: pytest.TempPathFactory, built: Path) -> CheatRun:
    """One class: three honest students, every cheat of issue 13 and the old ones."""
    from nbgrader.api import Gradebook

    base = tmp_path_factory.mktemp("cheats")
    course = copy_course(base / "kurs", built)
    env = nbgrader_env(base)
    rc, log = nbgrader(course, env, "generate_assignment", CHEAT_ASSIGNMENT, "--force")
    assert rc == 0, log[-3000:]
    source = next((course / "source" / CHEAT_ASSIGNMENT).glob("*.ipynb"))
    notebook = source.stem
    key = _cells(source)
    release = _cells(course / "release" / CHEAT_ASSIGNMENT / source.name)
    kinds = {q["grade_id"]: q for q in key["metadata"]["mediakit_course"]["questions"]}
    subs: dict[str, dict] = {"anna": copy.deepcopy(key)}
    # ben: the answer key with a test cell pasted twice (JupyterLab copy/paste)
    ben = copy.deepcopy(key)
    tests = [i for i, c in enumerate(ben["cells"]) if _nbmeta(c).get("grade")]
    ben["cells"].insert(tests[1] + 1, copy.deepcopy(ben["cells"][tests[1]]))
    ben["cells"].insert(tests[3] + 2, copy.deepcopy(ben["cells"][tests[3] + 1]))
    subs["ben"] = ben
    for name, code in _cheats(course, notebook).items():
        nb = copy.deepcopy(release)
        answers = [c for c in nb["cells"] if _is_answer(c)]
        if name == "sleeper":
            for cell in answers[:4]:
                cell["source"] = code + cell["source"]
        elif name == "nan":
            nb = _nan_answers(release, key)
        elif name == "points":
            for cell in nb["cells"]:
                meta = _nbmeta(cell)
                if meta:
                    meta["points"] = 100
                    if _is_answer(cell):
                        meta["grade"] = True
        else:
            answers[0]["source"] = code + answers[0]["source"]
        subs[name] = nb
    old = make_submissions(release, key)
    for name in OLD_FIVE:
        subs[name] = old[name]
    before: dict[str, bytes] = {}
    for student, nb in subs.items():
        folder = course / "submitted" / student / CHEAT_ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{notebook}.ipynb"
        path.write_text(json.dumps(nb), encoding="utf-8")
        before[student] = path.read_bytes()
    inbox = base / "downloads"
    inbox.mkdir()
    (inbox / f"zoe_{notebook}.ipynb").write_text(json.dumps(key), encoding="utf-8")
    (inbox / f".._{notebook}.ipynb").write_text(json.dumps(key), encoding="utf-8")
    config_before = (course / "nbgrader_config.py").read_bytes()
    command = [sys.executable, "-m", "mediakit.course", "grade", CHEAT_ASSIGNMENT]
    command += ["--course", str(course), "--zip-dir", str(inbox), "--zeitlimit", "75"]
    command += ["--feedback-sofort"]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    time.sleep(3)  # a detached process would act now
    before["zoe"] = (
        course / "submitted" / "zoe" / CHEAT_ASSIGNMENT / f"{notebook}.ipynb"
    ).read_bytes()
    scores: dict[str, dict[str, float]] = {}
    manual: dict[str, dict[str, float | None]] = {}
    max_scores: dict[str, float] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "mediakit") as gb:
        for nb in gb.find_assignment(CHEAT_ASSIGNMENT).notebooks:
            for cell in [*nb.grade_cells, *nb.task_cells]:
                max_scores[cell.name] = float(cell.max_score)
        for student in before:
            submission = gb.find_submission(CHEAT_ASSIGNMENT, student)
            scores[student] = {
                g.name: float(g.score or 0) for nb in submission.notebooks for g in nb.grades
            }
            manual[student] = {
                g.name: g.manual_score for nb in submission.notebooks for g in nb.grades
            }
    rows = {}
    with (course / f"grades_{CHEAT_ASSIGNMENT}.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["student_id"]] = row
    feedback, autograded = {}, {}
    for student in before:
        pages = sorted((course / "feedback" / student / CHEAT_ASSIGNMENT).glob("*.html"))
        feedback[student] = "\n".join(p.read_text(encoding="utf-8") for p in pages)
        graded = sorted((course / "autograded" / student / CHEAT_ASSIGNMENT).glob("*.ipynb"))
        autograded[student] = "\n".join(p.read_text(encoding="utf-8") for p in graded)
    return CheatRun(
        course,
        notebook,
        proc,
        before,
        config_before,
        scores,
        manual,
        max_scores,
        kinds,
        rows,
        feedback,
        autograded,
    )


def _auto(run: CheatRun, student: str) -> float:
    return sum(run.scores[student].get(g, 0.0) for g, q in run.kinds.items() if q["kind"] == "auto")


def _auto_max(run: CheatRun) -> float:
    return sum(run.max_scores[g] for g, q in run.kinds.items() if q["kind"] == "auto")


CHEATERS = [
    "ast",
    "input",
    "gradebook",
    "detach",
    "config",
    "overwrite",
    "source",
    "a-killer",
    "sleeper",
    "nan",
    "points",
    "edited",
    "muffle",
]


@slow
@needs_sandbox
def test_honest_classmates_keep_full_points_and_their_files(cheat_run: CheatRun) -> None:
    run = cheat_run
    assert _auto_max(run) > 0
    for student in HONEST:
        assert _auto(run, student) == _auto_max(run), (
            student,
            run.scores[student],
            run.proc.stdout,
        )
        path = run.course / "submitted" / student / CHEAT_ASSIGNMENT / f"{run.notebook}.ipynb"
        assert path.read_bytes() == run.before[student], f"{student}'s submission was changed"
    # ben pasted a test cell twice: graded like the key, not a KeyError
    assert run.rows["ben"]["status"] != "failed"


@slow
@needs_sandbox
@pytest.mark.parametrize("student", CHEATERS)
def test_every_cheat_earns_nothing(cheat_run: CheatRun, student: str) -> None:
    run = cheat_run
    earned = {g: v for g, v in run.scores[student].items() if v}
    assert not earned, f"{student} earned {earned}\n{run.proc.stdout[-2000:]}"
    assert all(v is None for v in run.manual[student].values()), run.manual[student]
    path = run.course / "submitted" / student / CHEAT_ASSIGNMENT / f"{run.notebook}.ipynb"
    assert path.read_bytes() == run.before[student]


@slow
@needs_sandbox
def test_old_cheats_with_the_keys_answers_earn_nothing_undeserved(cheat_run: CheatRun) -> None:
    run = cheat_run
    assert _auto(run, "equal") == 0, run.scores["equal"]
    faked = [g for g, q in run.kinds.items() if q["kind"] == "auto" and q.get("uses_mediakit")]
    assert faked and not [g for g in faked if run.scores["fakes"][g]], run.scores["fakes"]


@slow
@needs_sandbox
def test_the_sandbox_hid_course_gradebook_and_config(cheat_run: CheatRun) -> None:
    run = cheat_run
    assert run.proc.returncode == 1, run.proc.stdout + run.proc.stderr[-3000:]
    assert (run.course / "nbgrader_config.py").read_bytes() == run.config_before
    assert not (run.course / "DETACHED_WAR_HIER").exists()
    # The cheats ran and met closed doors (their own output in the graded notebooks).
    assert "GRADEBOOK NICHT ERREICHBAR" in run.autograded["gradebook"]
    assert "CONFIG NICHT ERREICHBAR" in run.autograded["config"]
    assert "ABGABE NICHT ERREICHBAR" in run.autograded["overwrite"]
    assert "KURSDATEN NICHT ERREICHBAR" in run.autograded["source"] or (
        "BEGIN SOLUTION" not in run.autograded["source"]
    )


@slow
@needs_sandbox
def test_crash_and_timeout_are_marked_fehler_and_grading_goes_on(cheat_run: CheatRun) -> None:
    run = cheat_run
    out = run.proc.stdout
    for student, reason in (("a-killer", "Signal"), ("sleeper", "Zeitlimit")):
        assert run.rows[student]["status"] == "failed", run.rows[student]
        assert reason in run.rows[student]["grund"], run.rows[student]
        assert re.search(rf"{student}\s.*FEHLER beim Bewerten: .*{reason}", out), out
    # everyone after the killer (alphabetically) was graded
    graded = [s for s, row in run.rows.items() if row["status"] != "failed"]
    assert set(HONEST) <= set(graded)
    assert "zoe" in run.rows and ".." not in run.rows and "" not in run.rows
    assert ".._" in out and "abgelehnt" in out


@slow
@needs_sandbox
def test_no_feedback_page_leaks_tests_solutions_or_mark_schemes(cheat_run: CheatRun) -> None:
    run = cheat_run
    key = _cells(run.course / "source" / CHEAT_ASSIGNMENT / f"{run.notebook}.ipynb")
    hidden = secret_lines(key, "hidden")
    marks = secret_lines(key, "markscheme")
    solutions = secret_lines(key, "solution")
    assert hidden and solutions
    pages = 0
    for student, page in run.feedback.items():
        if not page:
            continue
        pages += 1
        shown = _visible_text(page)
        # A line the student wrote themselves (e.g. ``except Exception:``) is no leak.
        own = {
            ln.strip()
            for c in json.loads(run.before[student])["cells"]
            for ln in "".join(c["source"]).split("\n")
        }
        leaked = [ln for ln in hidden + marks if ln in shown and ln not in own]
        assert not leaked, f"{student}'s feedback shows {leaked[:3]}"
        assert "BEGIN HIDDEN TESTS" not in shown and "MARK SCHEME" not in shown
        if student in CHEATERS:
            leaked = [ln for ln in solutions if ln in shown and ln not in own]
            assert not leaked, f"{student}'s feedback shows solution code {leaked[:3]}"
        # Ungraded answers are not shown as "0 / 3".
        assert "noch nicht bewertet" in shown or student in CHEATERS
    assert pages >= len(HONEST)
    blank = _visible_text(run.feedback["ast"])
    assert re.search(r"Aufgabe 2\.\d – Versteckte Tests: nicht bestanden\. `\w+` fehlt", blank)


@slow
def test_without_a_sandbox_the_expected_values_still_stay_out(tmp_path: Path, built: Path) -> None:
    """MEDIAKIT_SANDBOX=none (as on macOS): one German warning, hidden tests still outside."""
    course = copy_course(tmp_path / "kurs", built)
    env = nbgrader_env(tmp_path)
    env["MEDIAKIT_SANDBOX"] = "none"
    rc, log = nbgrader(course, env, "generate_assignment", CHEAT_ASSIGNMENT, "--force")
    assert rc == 0, log[-3000:]
    source = next((course / "source" / CHEAT_ASSIGNMENT).glob("*.ipynb"))
    key = _cells(source)
    release = _cells(course / "release" / CHEAT_ASSIGNMENT / source.name)
    cheat = copy.deepcopy(release)
    first = next(c for c in cheat["cells"] if _is_answer(c))
    first["source"] = _cheats(course, source.stem)["ast"] + first["source"]
    for student, nb in (("anna", key), ("ast", cheat)):
        folder = course / "submitted" / student / CHEAT_ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / source.name).write_text(json.dumps(nb), encoding="utf-8")
    command = [sys.executable, "-m", "mediakit.course", "grade", CHEAT_ASSIGNMENT]
    proc = subprocess.run(
        [*command, "--course", str(course)], capture_output=True, text=True, env=env, check=False
    )
    assert proc.stdout.count("WARNUNG: Keine Sandbox") == 1, proc.stdout
    assert "mit IHREN Rechten" in proc.stdout
    rows = {r["student_id"]: r for r in csv.DictReader((course / "grades_02_zitate.csv").open())}
    auto = [
        q["grade_id"]
        for q in key["metadata"]["mediakit_course"]["questions"]
        if q["kind"] == "auto"
    ]
    column = f"{source.stem}:"
    full = sum(
        q["points"] for q in key["metadata"]["mediakit_course"]["questions"] if q["kind"] == "auto"
    )
    assert sum(float(rows["anna"][column + g]) for g in auto) == full > 0, proc.stdout
    assert sum(float(rows["ast"][column + g] or 0) for g in auto) == 0, proc.stdout


@needs_sandbox
def test_the_sandbox_sees_only_the_notebook(tmp_path: Path) -> None:
    """Inside: only the notebook; no course files, no answer keys, no network, no writes."""
    from mediakit.course import course_source
    from mediakit.sandbox import run_notebook

    secret = tmp_path / "kurs" / "gradebook.db"
    secret.parent.mkdir()
    secret.write_text("geheim", encoding="utf-8")
    probes = {
        "files": "import os\nprint(sorted(os.listdir('.')))",
        "course": f"import os\nprint(os.path.exists({str(secret)!r}), os.path.exists({str(ROOT / 'exercises')!r}))",
        "keys": f"import os\nprint(os.listdir({str(course_source())!r}) if os.path.isdir({str(course_source())!r}) else 'weg')",
        "net": "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 80), timeout=2)\n    print('NETZ')\nexcept OSError as e:\n    print('kein Netz')",
        "write": f"try:\n    open({str(tmp_path / 'x')!r}, 'w')\n    print('GESCHRIEBEN')\nexcept OSError:\n    print('nicht schreibbar')",
        "venv": f"try:\n    open({sys.prefix + '/x'!r}, 'w')\n    print('GESCHRIEBEN')\nexcept OSError:\n    print('nicht schreibbar')",
        "pid": "import os\nprint(os.getpid() < 10, os.getuid())",
    }
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "id": k,
                "metadata": {},
                "source": v,
                "outputs": [],
                "execution_count": None,
            }
            for k, v in probes.items()
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    run = run_notebook(nb, workdir=tmp_path / "work")
    assert run.error is None and run.sandboxed, run.log
    out = {
        c["id"]: "".join(o.get("text", "") for o in c["outputs"]).strip()
        for c in run.notebook["cells"]
    }
    assert out["files"] == "['abgabe.ipynb']", out
    assert out["course"] == "False False"
    assert out["keys"] in ("weg", "[]")
    assert out["net"] == "kein Netz"
    assert out["write"] == out["venv"] == "nicht schreibbar"
    assert out["pid"] == "True 65534"
    assert not (tmp_path / "x").exists()


# --- one definition: task text, answer names, keys; graded values vs hand annotation ---


def _course_build() -> tuple[list, object]:
    """The answer-key notebooks built in this process, and course_content."""
    sys.path.insert(0, str(COURSE))
    try:
        import build_course
        import course_content
    finally:
        sys.path.remove(str(COURSE))
    return build_course.build(), course_content


@pytest.fixture(scope="module")
def course_build() -> tuple[list, object]:
    return _course_build()


def _dict_keys(value: object, depth: int = 0) -> set[str]:
    """All string keys of nested dicts (the outer level only from ``depth`` 0)."""
    keys: set[str] = set()
    if type(value) is dict:
        for k, v in value.items():
            if type(k) is str:
                keys.add(k)
            keys |= _dict_keys(v, depth + 1)
    elif type(value) is list:
        for v in value:
            keys |= _dict_keys(v, depth + 1)
    return keys


def test_task_text_names_what_its_check_reads(course_build) -> None:
    """Each graded task's text names every variable its hidden test reads, and every key.

    Read from course_content's definitions (no nbgrader): the variable names the
    grader exports (``plan_checks``, the same analysis the sandboxed grading uses)
    must appear in backticks in the text the student reads for that task; dict keys
    must appear as ``"key"`` unless the check declares them as data (``keys=``, e.g.
    "Text-ID"), and then that word must be in the text.
    """
    notebooks, content = course_build
    problems = []
    for nb in notebooks:
        for qid, task in nb.tasks.items():
            text = task["text"]
            plan = grading.plan_checks(task["test"])
            for name in [*plan.names, *(c[0] for c in plan.calls)]:
                if f"`{name}" not in text:
                    problems.append(f"{qid}: the text does not name `{name}`")
            for name, value in task["values"].items():
                if type(value) is not dict:
                    continue
                declared = task["keys"].get(name)
                if declared:
                    if declared not in text:
                        problems.append(f"{qid}: the text does not say what keys are ({declared})")
                    inner = set().union(*(_dict_keys(v) for v in value.values()))
                else:
                    inner = _dict_keys(value)
                for key in sorted(inner):
                    if f'"{key}"' not in text:
                        problems.append(f'{qid}: `{name}` has key "{key}", the text never names it')
    # the tasks whose tests are written by hand read the same definitions
    tasks = {qid: t for nb in notebooks for qid, t in nb.tasks.items()}
    for key in content.TABELLE_SCHLUESSEL:
        assert f'"{key}"' in tasks["a2_tabelle"]["text"], key
        assert repr(key) in tasks["a2_tabelle"]["test"], key
    for key in content.SPRECHERTYPEN:
        assert f'"{key}"' in tasks["a2_quellen"]["text"], key
    for key in content.BELEGE_ZITATE:
        assert f'"{key}"' in tasks["a2_belege"]["text"], key
    for verdict in content.BEWERTUNGEN:
        assert repr(verdict) in tasks["a2_belege"]["text"], verdict
        assert repr(verdict) in tasks["a3_belege"]["text"], verdict
    for key in content.BELEGE_WERTUNG:
        assert f'"{key}"' in tasks["a3_belege"]["text"], key
    for key in content.BELEGE_LESBARKEIT:
        assert f'"{key}"' in tasks["a1_belege"]["text"], key
    for voice in content.STIMMEN:
        assert repr(voice) in tasks["a3_belege"]["text"], voice
    assert not problems, "\n".join(problems)


def test_hidden_tests_pass_on_the_answer_key(course_build) -> None:
    """Every hidden test, run on the answer key's own values, passes (fast, no nbgrader)."""
    notebooks, _ = course_build
    for nb in notebooks:
        for qid, task in nb.tasks.items():
            ns = dict(nb.ns)
            exec(compile(HIDDEN_PRELUDE_FOR_TESTS + "\n" + task["test"], qid, "exec"), ns)


@per_assignment
def test_hidden_tests_pass_on_the_literal_student(
    assignment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The literal student's cells and the hidden tests, in notebook order, in-process.

    A fast preview of test_literal_student_earns_full_automatic_points (no nbgrader, no
    sandbox): every hidden test passes on what the release text asks for.
    """
    pytest.importorskip("matplotlib").use("Agg")
    monkeypatch.chdir(tmp_path)  # 4.7 looks for mein_artikel.* next to the notebook
    answers = literal_answers()
    failed = {}
    for path in sorted((COURSE / "source" / assignment).glob("*.ipynb")):
        ns: dict = {"display": lambda *args, **kwargs: None, "__name__": "__main__"}
        for cell in _cells(path)["cells"]:
            meta = _nbmeta(cell)
            if cell["cell_type"] != "code":
                continue
            gid = meta.get("grade_id", "")
            source = answers[gid] if _is_answer(cell) else cell["source"]
            try:
                exec(compile(source, gid or "cell", "exec"), ns)
            except Exception as error:  # any failure is a lost point
                failed[gid] = f"{type(error).__name__}: {error}"
    assert not failed, f"the literal student fails {failed}"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_graded_values_agree_with_the_hand_annotation(course_build) -> None:
    """No hidden test grades a tool error as right: graded values vs our own reading."""
    notebooks, content = course_build
    tasks = {qid: t for nb in notebooks for qid, t in nb.tasks.items()}
    # 2.3: the free indirect passages of the dpa body, sentence by sentence
    graded = tasks["a2_konjunktiv"]["values"]["konjunktiv_saetze"]
    assert [s for passage in graded for s in _sentences(passage)] == content.HAND_KONJUNKTIV_DPA
    # 2.5: every scare quote graded is one by our reading (or debatable), none is missed
    graded = tasks["a2_scare"]["values"]["scare_blog2"]
    hand = content.HAND_ANFUEHRUNG_001
    assert all(hand[s][0] in ("ja", "strittig") for s in graded), graded
    assert {s for s, (v, _) in hand.items() if v == "ja"} <= set(graded), graded
    # 2.7: graded against the hand verdicts; the tool claims shown are today's
    assert (
        repr({k: v["verdict"] for k, v in content.BELEGE_ZITATE.items()})
        in (tasks["a2_belege"]["test"])
    )
    import mediakit

    corpus = {d.id: d for d in mediakit.load_corpus()}
    for letter, item in content.BELEGE_ZITATE.items():
        body = corpus[item["text"]].body
        start = body.find(item["excerpt"])
        assert start >= 0, letter
        hits = [q for q in mediakit.find_quotes(body) if q.start <= start < q.end]
        assert hits, f"{letter}: find_quotes no longer reports this passage; review 2.7"
        claim = hits[0].speaker.text if hits[0].speaker else None
        assert claim == item["claim"], (
            f"{letter}: the tool now says {claim!r} (course says {item['claim']!r}); "
            "review the Belegprüfung in course_content.py"
        )
    # 4.4b: each sentence is still listed as unattributed evaluation
    from mediakit.evaluative import analyze_evaluative

    assert (
        repr({k: v["verdict"] for k, v in content.BELEGE_OHNE_QUELLE.items()})
        in (tasks["a4_belege"]["test"])
    )
    for letter, item in content.BELEGE_OHNE_QUELLE.items():
        body = corpus[item["text"]].body
        start = body.find(item["excerpt"])
        spans = analyze_evaluative(body).unattributed_sentences
        assert start >= 0 and any(sp.start <= start < sp.end for sp in spans), (
            f"{letter}: no longer an unattributed evaluative sentence; review 4.4b"
        )
    for key in content.BELEGE_OHNE_QUELLE:
        assert f'"{key}"' in tasks["a4_belege"]["text"], key
    # 1.8: graded against the hand verdicts; the counts shown are today's
    assert (
        repr({k: v["verdict"] for k, v in content.BELEGE_LESBARKEIT.items()})
        in (tasks["a1_belege"]["test"])
    )
    for letter, item in content.BELEGE_LESBARKEIT.items():
        live = content.lesbarkeit_angabe(item, corpus[item["text"]].body)
        assert live == item["value"], (
            f"{letter}: {item['tool']} now says {live!r} (course says {item['value']!r}); "
            "review the Belegprüfung 1.8 in course_content.py"
        )
        assert content.lesbarkeit_claim(item) in " ".join(
            c["source"] for nb in notebooks for c in nb.cells if "BELEGE_A1_BELEGE" in c["source"]
        ), letter
    # 2.8: the graded source figures are the hand ones; the source rows shown are today's
    values = tasks["a2_quellen_tabelle"]["values"]
    assert values["quellentypen_dpa"] == content.HAND_QUELLENTYPEN_DPA
    assert values["meiste_medien"] == content.HAND_MEISTE_MEDIEN
    assert (
        repr({k: v["verdict"] for k, v in content.BELEGE_QUELLEN.items()})
        in tasks["a2_quellen_belege"]["test"]
    )
    for letter, item in content.BELEGE_QUELLEN.items():
        live = content.quellen_angabe(item, corpus[item["text"]].body)
        assert live == item["claim"], (
            f"{letter}: mediakit now says {live!r} (course says {item['claim']!r}); "
            "review the Belegprüfung 2.8b in course_content.py"
        )
        assert f'"{letter}"' in tasks["a2_quellen_belege"]["text"], letter
    # 3.2/3.3: every dpa hit has the voice our reading gives it; the graded figures follow
    from collections import Counter

    live = [(h.text, h.voice) for h in mediakit.find_evaluative(corpus["002"].body)]
    new = [h for h in live if h not in content.HAND_STIMMEN_DPA]
    gone = [h for h in content.HAND_STIMMEN_DPA if h not in live]
    assert live == content.HAND_STIMMEN_DPA, (
        f"the dpa's evaluative hits or their voices changed (new {new}, gone {gone}): read "
        "each new hit in the dpa body, then update HAND_STIMMEN_DPA (3.2, 3.3) to your reading"
    )
    hand = Counter(v for _, v in content.HAND_STIMMEN_DPA)
    assert tasks["a3_stimmen"]["values"]["stimmen_dpa"] == {v: hand[v] for v in content.STIMMEN}
    own = [t for (t, v) in content.HAND_STIMMEN_DPA if v == "author"]
    assert sum(tasks["a3_kategorien"]["values"]["kategorien_dpa"].values()) == len(own)
    # 3.7: graded against the hand classes; every sentence is in its text
    assert (
        repr({k: v["verdict"] for k, v in content.SAETZE_STIMME.items()})
        in tasks["a3_einteilung"]["test"]
    )
    for letter, item in content.SAETZE_STIMME.items():
        assert item["sentence"] in corpus[item["text"]].body, letter
        assert item["verdict"] in content.KLASSEN_STIMME, letter
        assert f'"{letter}"' in tasks["a3_einteilung"]["text"], letter
    for klasse in content.KLASSEN_STIMME:
        assert f'"{klasse}"' in tasks["a3_einteilung"]["text"], klasse
    # 3.6: the voices shown are today's, the grading follows the hand verdicts
    assert (
        repr({k: v["verdict"] for k, v in content.BELEGE_WERTUNG.items()})
        in (tasks["a3_belege"]["test"])
    )
    for letter, item in content.BELEGE_WERTUNG.items():
        body = corpus[item["text"]].body
        start = body.find(item["excerpt"])
        hits = [h for h in mediakit.find_evaluative(body) if h.start <= start < h.end]
        assert start >= 0 and hits, f"{letter}: find_evaluative no longer reports this hit"
        assert hits[0].voice == item["claim"], (
            f"{letter}: the tool now gives voice {hits[0].voice!r} (course says "
            f"{item['claim']!r}); review the Belegprüfung 3.6 in course_content.py"
        )


HIDDEN_PRELUDE_FOR_TESTS = (
    '_T, _I, _F, _S, _L, _D = ().__class__.__class__, (0).__class__, (0.0).__class__, "".__class__, '
    "[].__class__, {}.__class__"
)


def _sample_report() -> str:
    guide = (COURSE / "LEITFADEN.md").read_text(encoding="utf-8")
    section = guide[guide.index("*Musterbericht") : guide.index("## 6.")]
    return "\n".join(line[1:].strip() for line in section.splitlines() if line.startswith(">"))


def test_leitfaden_figures_and_quotes_are_the_live_ones() -> None:
    """The guide's sample report: required length, today's figures, quotes from the texts."""
    import mediakit

    report = _sample_report()
    assert 250 <= len(report.split()) <= 400, len(report.split())
    corpus = {d.id: d for d in mediakit.load_corpus()}
    m = {i: mediakit.analyze(corpus[i].body).metrics for i in ("001", "002")}

    def de(x: float, digits: int = 0) -> str:
        return f"{x:.{digits}f}".replace(".", ",")

    expected = [
        f"Flesch-Amstad {de(m['002']['flesch_amstad'])} bei der dpa, "
        f"{de(m['001']['flesch_amstad'])} beim Blog",
        f"{de(100 * m['002']['named_share'])} % der Zitate der dpa",
        f"sind es\n{de(100 * m['001']['named_share'])} %".replace("\n", " "),
        "Verhältnis "
        + de(
            round(m["001"]["evaluative_per_1000_words"] / m["002"]["evaluative_per_1000_words"], 2),
            2,
        ),
    ]
    for i in ("002", "001"):
        n = int(m[i]["unattributed_evaluative_sentences"])
        total = round(n / m[i]["unattributed_evaluative_sentence_share"])
        expected.append(f"{n} von {total}")
    flat = " ".join(report.split())
    for figure in expected:
        assert figure in flat, f"LEITFADEN sample report: {figure!r} is not today's figure"
    # every longer quotation in the report is in the texts it compares
    bodies = " ".join(" ".join(corpus[i].body.split()) for i in ("001", "002"))
    titles = " ".join(corpus[i].title or "" for i in ("001", "002"))
    for quote in re.findall(r"„([^“]{12,})“", flat):
        assert quote in bodies or quote in titles, quote
    guide = (COURSE / "LEITFADEN.md").read_text(encoding="utf-8")
    for stale in ("≈ 1,4", "neutrale dpa-Meldung", "ihre eigenen Worte", "Blog vom 10. Februar"):
        assert stale not in guide, stale


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        (None, True),  # the model rewrite
        (
            "Die EU-Kommission und die Regierungen Europas sind von Ankündigungen von Präsident "
            "Trump betroffen. Hegseth war bei einem Treffen in Brüssel. Es gibt bisher keine "
            "Gespräche mit ihnen über die weitere Unterstützung.",
            True,
        ),
        (
            "Heute scheint die Sonne über dem Park, und viele Familien gehen spazieren, essen "
            "ein Eis, spielen Fußball und freuen sich über das Wetter am Wochenende im Sommer.",
            False,
        ),
        ("ABSATZ", False),  # another paragraph of the corpus (the dpa's): not this one
        ("GELADEN", False),  # the original itself: still loaded
    ],
)
def test_the_rewrite_in_3_4_must_keep_the_facts_of_the_paragraph(course_build, text, passes):
    """3.4 grades a rewrite of *this* paragraph, not any 25-word text with few loaded words."""
    import mediakit

    notebooks, content = course_build
    nb = next(n for n in notebooks if n.name == "wertung")
    text = {None: content.NEUTRAL_MUSTER, "ABSATZ": content.ABSATZ, "GELADEN": content.GELADEN}.get(
        text, text
    )
    ns = dict(nb.ns)
    ns["neutral"] = text
    ns["rate_nachher"] = float(mediakit.analyze(text).metrics["evaluative_per_1000_words"])
    source = HIDDEN_PRELUDE_FOR_TESTS + "\n" + nb.tasks["a3_neutral"]["test"]
    if passes:
        exec(compile(source, "a3_neutral", "exec"), ns)
    else:
        with pytest.raises(AssertionError):
            exec(compile(source, "a3_neutral", "exec"), ns)


def test_basis_alone_can_pass_and_every_heading_names_its_path(course_build) -> None:
    """Each notebook with paths (WEGE): every numbered heading says Basis or Erweiterung,
    the header lists both, Basis alone reaches a pass and Erweiterung gives few points."""
    notebooks, content = course_build
    with_paths = [nb for nb in notebooks if nb.name in content.WEGE]
    assert {nb.name for nb in with_paths} >= {"lesbarkeit", "zitate", "wertung"}
    for nb in with_paths:
        wege = content.WEGE[nb.name]
        assert set(wege.values()) == {"Basis", "Erweiterung"}, nb.name
        header = nb.cells[0]["source"]
        assert "*Basis*" in header and "*Erweiterung*" in header, nb.name
        for nr, weg in wege.items():
            headings = [
                c["source"].split("\n")[0]
                for c in nb.cells
                if c["cell_type"] == "markdown" and c["source"].startswith(f"## {nr} ")
            ]
            assert len(headings) == 1 and headings[0].endswith(f"· *{weg}*"), (nb.name, nr)
        points = content.wege_punkte(nb)
        total = sum(sum(p.values()) for p in points.values())
        assert sum(points["Basis"].values()) >= content.BESTANDEN * total, nb.name
        assert points["Erweiterung"]["auto"] < points["Basis"]["auto"], nb.name
        # the graded questions recorded for nbgrader add up to the same total
        assert sum(q["points"] for q in nb.questions) == total, nb.name
