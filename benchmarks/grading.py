"""Autograding time per student notebook: mediakit's sandbox against nbgrader's own autograde.

Copies the course twice to a temporary folder, generates every assignment, submits
the answer key for N students per assignment and times, on the same notebooks in the
same run:

* sandbox: ``nbgrader autograde`` with the course's ``nbgrader_config.py``, i.e.
  ``mediakit.grading.SandboxedExecute``: student code in a bubblewrap sandbox, the
  hidden tests in the grading process (what ``mediakit course grade`` runs);
* nbgrader: the same, with nbgrader's own ``Execute`` put back (hidden tests in the
  student's kernel, no sandbox).

For both: wall seconds per notebook and CPU seconds per notebook (nbgrader, the
sandbox and the kernels; what one idle core needs). The two alternate per
assignment so that load on a shared machine hits both alike.

Run:  .venv/bin/python benchmarks/grading.py [--students 2]

It needs no ../shared data (the course uses the bundled corpus only).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "exercises"
sys.path.insert(0, str(ROOT))

from mediakit.course import nbgrader_env, run_nbgrader  # noqa: E402
from mediakit.sandbox import sandbox_available  # noqa: E402

BUDGET = 10.0  # seconds per student notebook on an idle 2-core machine
RATIO = 1.5  # the sandbox may cost at most this much more than nbgrader's autograde

NATIVE = """

# benchmark only: nbgrader's own Execute (hidden tests in the student's kernel)
from nbgrader.preprocessors import Execute as _Execute
c.Autograde.autograde_preprocessors = [
    _Execute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    AssignLatePenalties, CheckCellMetadata,
]
"""


def _env(tmp: Path) -> dict[str, str]:
    env = nbgrader_env(jupyter_home=tmp)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["MPLBACKEND"] = "Agg"
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _nbgrader(course: Path, env: dict[str, str], *args: str) -> tuple[float, float]:
    """Run nbgrader; return (wall seconds, CPU seconds of nbgrader and its kernels)."""
    started, cpu = time.perf_counter(), _cpu()
    code, log = run_nbgrader(course, *args, env=env)
    if code != 0:
        sys.exit(f"nbgrader {' '.join(args)} failed:\n{log[-3000:]}")
    # CPU inside the sandbox does not reach this process's rusage (bwrap's PID
    # namespace); the sandbox's runner measures it and SandboxedExecute logs it.
    inside = sum(float(x) for x in re.findall(r"mediakit-sandbox-cpu: ([0-9.]+)", log))
    return time.perf_counter() - started, _cpu() - cpu + inside


def _prepare(course: Path, env: dict[str, str], assignment: str, students: int) -> int:
    _nbgrader(course, env, "generate_assignment", assignment, "--force")
    notebooks = sorted((course / "source" / assignment).glob("*.ipynb"))
    for n in range(students):
        folder = course / "submitted" / f"s{n:02d}" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for nb in notebooks:
            data = json.loads(nb.read_text(encoding="utf-8"))
            (folder / nb.name).write_text(json.dumps(data), encoding="utf-8")
    return students * len(notebooks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=2, help="students per assignment")
    parser.add_argument("--assignments", nargs="*", help="only these (default: all)")
    args = parser.parse_args()
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        print('nbgrader is not installed (pip install "mediakit[course]"); nothing measured')
        return 0
    sandbox = sandbox_available()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        ignore = shutil.ignore_patterns("__pycache__", "*.db", "submitted", "autograded")
        ours, theirs = tmp / "sandbox", tmp / "nbgrader"
        shutil.copytree(COURSE, ours, ignore=ignore)
        shutil.copytree(COURSE, theirs, ignore=ignore)
        with (theirs / "nbgrader_config.py").open("a", encoding="utf-8") as handle:
            handle.write(NATIVE)
        env = _env(tmp)
        print(
            f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}, "
            f"students per assignment: {args.students}, "
            f"sandbox: {'bubblewrap' if sandbox else 'NONE (bwrap missing: fallback measured)'}"
        )
        print(
            f"{'assignment':<14} {'sandbox wall':>12} {'sandbox CPU':>11} "
            f"{'nbgrader wall':>13} {'nbgrader CPU':>12} {'ratio wall':>10} {'ratio CPU':>9}"
        )
        totals = {"sw": 0.0, "sc": 0.0, "nw": 0.0, "nc": 0.0, "n": 0}
        worst_wall = worst_cpu = 0.0
        names = args.assignments or sorted(p.name for p in (COURSE / "source").iterdir())
        for i, assignment in enumerate(names):
            count = _prepare(ours, env, assignment, args.students)
            _prepare(theirs, env, assignment, args.students)
            runs = {}
            order = [("s", ours), ("n", theirs)] if i % 2 == 0 else [("n", theirs), ("s", ours)]
            for label, course in order:
                runs[label] = _nbgrader(course, env, "autograde", assignment, "--force")
            (sw, sc), (nw, nc) = runs["s"], runs["n"]
            totals["sw"] += sw
            totals["sc"] += sc
            totals["nw"] += nw
            totals["nc"] += nc
            totals["n"] += count
            worst_wall = max(worst_wall, sw / count)
            worst_cpu = max(worst_cpu, sc / count)
            print(
                f"{assignment:<14} {sw / count:11.1f}s {sc / count:10.1f}s "
                f"{nw / count:12.1f}s {nc / count:11.1f}s {sw / nw:10.2f} {sc / nc:9.2f}"
            )
        n = totals["n"]
        print(
            f"{'all':<14} {totals['sw'] / n:11.1f}s {totals['sc'] / n:10.1f}s "
            f"{totals['nw'] / n:12.1f}s {totals['nc'] / n:11.1f}s "
            f"{totals['sw'] / totals['nw']:10.2f} {totals['sc'] / totals['nc']:9.2f}"
        )
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        ratio = totals["sc"] / totals["nc"]
        print(
            f"sandbox / nbgrader, CPU: {ratio:.2f} -> "
            f"{'fits' if ratio <= RATIO else 'does NOT fit'} within {RATIO}x"
        )
        for label, value in (("wall", worst_wall), ("CPU", worst_cpu)):
            verdict = "fits" if value <= BUDGET else "does NOT fit"
            print(
                f"slowest assignment with the sandbox, {label}: {value:.1f} s per notebook -> "
                f"{verdict} within {BUDGET:.0f} s"
            )
        print(
            "(CPU seconds: what one idle core needs; wall seconds include waiting for "
            "other processes on a busy machine)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
