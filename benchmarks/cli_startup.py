"""Cold start of the ``mediakit`` command: wall time of fresh processes.

Measures, each in a new Python process (the OS file cache is warm after the first
run, the interpreter is not), several runs, min and median:

* ``mediakit compare`` on the bundled corpus (target: <= 2 s);
* ``python -c "import mediakit"`` (must stay cheap: the package imports lazily);
* the parts the start-up is made of: ``import spacy``, the spaCy pipeline,
  ``import pandas`` / ``matplotlib`` (which ``compare`` must not need), and one
  ``analyze`` of a short text after the parse is set up;
* the heaviest imports of ``mediakit compare`` according to ``python -X importtime``.

Run: ``.venv/bin/python benchmarks/cli_startup.py [--runs N]``. Needs no ../shared.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def command_line() -> list[str]:
    """The installed ``mediakit`` script next to this Python, else ``python -m mediakit.cli``."""
    script = Path(PYTHON).with_name("mediakit")
    if script.exists():
        return [str(script)]
    found = shutil.which("mediakit")
    if found and Path(found).parent == Path(PYTHON).parent:
        return [found]
    return [PYTHON, "-m", "mediakit.cli"]


def wall_times(argv: list[str], runs: int) -> list[tuple[float, float]]:
    """(wall, cpu) seconds of each run; CPU time (user + sys of the child) is what the
    process itself costs, independent of how busy the machine is."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append((wall, cpu))
        if done.returncode != 0:
            print(f"  FAILED ({done.returncode}): {' '.join(argv)}\n{done.stderr[-2000:]}")
            break
    return times


def report(name: str, times: list[tuple[float, float]], target: float | None = None) -> None:
    if not times:
        return
    walls = [w for w, _ in times]
    cpus = [c for _, c in times]
    verdict = ""
    if target is not None:
        verdict = "  OK" if min(walls) <= target else f"  OVER the {target:.1f} s target"
    print(
        f"{name:<46} wall min {min(walls):5.2f} s, median {statistics.median(walls):5.2f} s"
        f" | cpu min {min(cpus):5.2f} s  ({len(times)} runs){verdict}"
    )


def top_imports(limit: int = 12) -> list[tuple[int, str]]:
    """The slowest top-level imports (cumulative microseconds) of one ``compare`` run."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "mediakit.cli", "compare"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        _, cumulative, name = line.split("|")
        try:
            micros = int(cumulative.strip())
        except ValueError:
            continue
        if len(name) - len(name.lstrip(" ")) <= 1:  # top level only
            rows.append((micros, name.strip()))
    return sorted(rows, reverse=True)[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    args = parser.parse_args()
    runs = max(args.runs, 1)
    cli = command_line()
    print(f"python {sys.version.split()[0]} · {os.cpu_count()} cores · command: {' '.join(cli)}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} (wall times grow with it; cpu times hardly do)")
    print()
    # One warm-up so the OS file cache holds the libraries (a "cold" run then means a
    # fresh interpreter, which is what a user waits for).
    wall_times([*cli, "compare"], 1)
    report("mediakit compare (bundled corpus)", wall_times([*cli, "compare"], runs), 2.0)
    report("mediakit --help", wall_times([*cli, "--help"], runs))
    report('python -c "import mediakit"', wall_times([PYTHON, "-c", "import mediakit"], runs))
    print()
    print("parts:")
    parts = {
        "python -c pass": "pass",
        "import spacy": "import spacy",
        'spacy.blank("de")': "import spacy; spacy.blank('de')",
        "mediakit parse (spaCy + our rules)": "from mediakit.document import parse; parse('Er kam.')",
        "mediakit analyze of one sentence": "import mediakit; mediakit.analyze('Er sagte, er komme.')",
        "simplemma German dictionary (first lemma)": "import simplemma; simplemma.lemmatize('ginge', lang='de')",
        "import pandas (compare CLI avoids it)": "import pandas",
        "import matplotlib Figure (only --html)": "import matplotlib.figure",
        "import trafilatura (only .html input)": "import trafilatura",
    }
    for name, code in parts.items():
        report(f"  {name}", wall_times([PYTHON, "-c", code], max(runs // 2, 2)))
    print()
    print("slowest top-level imports of `mediakit compare` (python -X importtime, cumulative):")
    for micros, name in top_imports():
        print(f"  {micros / 1e6:6.3f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
