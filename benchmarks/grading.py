"""Autograding time per student notebook, with nbgrader 0.9 on this machine.

Copies the course to a temporary folder, generates every assignment, submits the
answer key for N students per assignment and times ``nbgrader autograde`` twice:

* batch: one ``nbgrader autograde ASSIGNMENT`` for the whole class (how a teacher
  runs it), seconds per notebook = wall time / notebooks;
* single: ``nbgrader autograde ASSIGNMENT --student S`` for one student, which adds
  nbgrader's own start-up to the kernel start and the notebook itself.

Run:  .venv/bin/python benchmarks/grading.py [--students 3]

It needs no ../shared data (the course uses the bundled corpus only).
"""

from __future__ import annotations

import argparse
import json
import os
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

BUDGET = 10.0  # seconds per student notebook the README promises to check


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
    return time.perf_counter() - started, _cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=3, help="students per assignment")
    args = parser.parse_args()
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        print('nbgrader is not installed (pip install "mediakit[course]"); nothing measured')
        return 0
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        course = tmp / "course"
        shutil.copytree(COURSE, course, ignore=shutil.ignore_patterns("__pycache__", "*.db"))
        env = _env(tmp)
        load = os.getloadavg()[0]
        print(
            f"cores: {os.cpu_count()}, load average at start: {load:.1f}, "
            f"students per assignment: {args.students}"
        )
        print(
            f"{'assignment':<16} {'batch wall s/nb':>16} {'batch CPU s/nb':>15} "
            f"{'single student wall s':>22}"
        )
        worst = worst_cpu = 0.0
        for source in sorted((course / "source").iterdir()):
            assignment = source.name
            _nbgrader(course, env, "generate_assignment", assignment, "--force")
            notebooks = sorted(source.glob("*.ipynb"))
            for n in range(args.students):
                folder = course / "submitted" / f"s{n:02d}" / assignment
                folder.mkdir(parents=True, exist_ok=True)
                for nb in notebooks:
                    data = json.loads(nb.read_text(encoding="utf-8"))
                    (folder / nb.name).write_text(json.dumps(data), encoding="utf-8")
            wall, cpu = _nbgrader(course, env, "autograde", assignment, "--force")
            count = args.students * len(notebooks)
            single, _ = _nbgrader(
                course, env, "autograde", assignment, "--force", "--student", "s00"
            )
            worst = max(worst, wall / count)
            worst_cpu = max(worst_cpu, cpu / count)
            print(f"{assignment:<16} {wall / count:16.1f} {cpu / count:15.1f} {single:22.1f}")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        for label, value in (("wall", worst), ("CPU", worst_cpu)):
            verdict = "fits" if value <= BUDGET else "does NOT fit"
            print(
                f"slowest assignment, {label}: {value:.1f} s per notebook -> {verdict} within {BUDGET:.0f} s"
            )
        print(
            "(CPU seconds: what one idle core needs; wall seconds include waiting for "
            "other processes on a busy machine)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
