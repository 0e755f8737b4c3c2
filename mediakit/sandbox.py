"""Run one student's notebook in a sandbox: bubblewrap on Linux, a temporary folder elsewhere.

The student's code runs in a fresh Jupyter kernel inside a ``bwrap`` sandbox:

* its working folder is a private temporary folder that holds only this notebook;
* the Python environment (interpreter, ``site-packages``, mediakit's own code and
  corpus) is mounted read-only; the course folder, the gradebook, the answer keys
  (``mediakit.course_data``), other students' files and the teacher's home are not
  mounted at all;
* no network (a new network namespace with only loopback), its own process
  namespace (it cannot see or signal the grading process), no capabilities;
* when the notebook ends, or the time limit per notebook runs out, every process in
  the sandbox is killed (the sandbox's PID 1 ends, the kernel kills the rest).

Where ``bwrap`` is missing or cannot create namespaces (macOS, Windows, containers
without user namespaces), :func:`run_notebook` still runs the notebook in a temporary
folder with a clean environment and a time limit, and :func:`sandbox_warning` says
in German what is then not isolated.

>>> sandbox_available() in (True, False)
True
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "NotebookRun",
    "run_notebook",
    "sandbox_available",
    "sandbox_warning",
]

#: Where the student's folder appears inside the sandbox.
INSIDE = "/kurs"
#: Largest executed notebook read back from the sandbox (bytes).
MAX_RESULT_BYTES = 50_000_000

# The program that runs inside the sandbox: execute the notebook cell by cell in a
# fresh kernel (nbclient), the per-cell limit interrupts a cell, the notebook goes on.
RUNNER = r"""
import sys
# jsonschema (via nbformat) imports rfc3987_syntax when installed, which builds a
# grammar at import: 6 s per notebook for a URI format check nobody here needs.
sys.modules.setdefault("rfc3987_syntax", None)
import nbformat
from nbclient import NotebookClient
path, out, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
nb = nbformat.read(path, as_version=4)
client = NotebookClient(
    nb, timeout=timeout, interrupt_on_timeout=True, allow_errors=True,
    kernel_name="python3", resources={"metadata": {"path": "."}},
    extra_arguments=["--HistoryManager.hist_file=:memory:"],
    error_on_timeout={"ename": "CellTimeoutError", "evalue": "",
                      "traceback": ["CellTimeoutError: Zeitlimit der Zelle überschritten"]},
)
client.execute()
nbformat.write(nb, out)
import resource
use = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print("mediakit-cpu:", sum(u.ru_utime + u.ru_stime for u in use))
"""


@dataclass
class NotebookRun:
    """What came out of the sandbox: the executed notebook or the reason it failed."""

    notebook: dict | None
    workdir: Path
    error: str | None = None
    seconds: float = 0.0
    sandboxed: bool = True
    log: str = ""
    #: CPU seconds of the runner and the kernel, as the runner measured them (the
    #: sandbox's own process tree does not report them to the grading process).
    cpu_seconds: float | None = None


def _bwrap() -> str | None:
    if os.environ.get("MEDIAKIT_SANDBOX", "auto").lower() in ("none", "off", "0", "aus"):
        return None
    return shutil.which("bwrap")


@lru_cache(maxsize=1)
def _bwrap_works(bwrap: str) -> bool:
    try:
        proc = subprocess.run(
            [bwrap, "--unshare-all", "--die-with-parent", *_system_binds(), "--", "true"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def sandbox_available() -> bool:
    """True when ``bwrap`` is installed and can create namespaces on this machine.

    ``MEDIAKIT_SANDBOX=none`` switches the sandbox off (for a test of the fallback).

    >>> isinstance(sandbox_available(), bool)
    True
    """
    bwrap = _bwrap()
    return bool(bwrap) and sys.platform.startswith("linux") and _bwrap_works(bwrap)


def sandbox_warning() -> str:
    """The one German warning printed when grading runs without a sandbox.

    >>> "bubblewrap" in sandbox_warning()
    True
    """
    return (
        "WARNUNG: Keine Sandbox (bubblewrap/bwrap fehlt oder darf hier keine Namespaces "
        "anlegen). Die erwarteten Werte bleiben zwar außerhalb der Notebooks, und jedes "
        "Notebook läuft in einem eigenen temporären Ordner mit Zeitlimit, aber der Code "
        "der Studierenden läuft mit IHREN Rechten: Er kann Ihre Dateien lesen und "
        "ändern (Kursordner, gradebook.db, Abgaben anderer), ins Netz gehen und Prozesse "
        "starten, die weiterlaufen. Bewerten Sie fremde Abgaben nur unter Linux mit "
        "bubblewrap (apt-get install bubblewrap) oder unter einem eigenen Benutzerkonto "
        "ohne Zugriff auf den Kurs."
    )


def _system_binds() -> list[str]:
    """Read-only system folders (or their symlinks, as on merged-/usr systems)."""
    args: list[str] = []
    for path in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        p = Path(path)
        if p.is_symlink():
            args += ["--symlink", os.readlink(p), path]
        elif p.is_dir():
            args += ["--ro-bind", path, path]
    for path in ("/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives", "/etc/fonts"):
        if Path(path).exists():
            args += ["--ro-bind", path, path]
    return args


def _python_binds(hidden: list[Path]) -> list[str]:
    """The Python environment read-only; the course data and ``hidden`` masked."""
    import mediakit

    roots: list[Path] = []
    for path in (
        Path(sys.prefix),
        Path(sys.base_prefix),
        Path(sys.executable).resolve().parent.parent,
        Path(mediakit.__file__).resolve().parent,
    ):
        roots.append(path)
    # Other package folders on sys.path (a user site, a distro's dist-packages); never
    # a plain folder such as a repository on PYTHONPATH, which may hold answer keys.
    roots += [
        Path(p)
        for p in sys.path
        if p and Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()
    ]
    try:
        from importlib import resources

        roots.append(Path(str(resources.files("mediakit.corpus_data"))).resolve())
    except (ModuleNotFoundError, TypeError):
        pass
    args: list[str] = []
    seen: list[Path] = []
    for root in sorted({r.resolve() for r in roots if r.exists()}, key=lambda p: len(p.parts)):
        if str(root).startswith(("/usr/", "/bin", "/lib")) or root == Path("/usr"):
            continue
        if any(root.is_relative_to(s) for s in seen):
            continue
        seen.append(root)
        args += ["--ro-bind", str(root), str(root)]
        # The compiled core of an editable install keeps its shared library in the checkout
    # (mediakit/_native.py): that one file, never the checkout around it.
    from mediakit import _native

    for library in _native.shared_libraries():
        args += ["--ro-bind", str(library), str(library)]
    # A venv's python is a symlink; keep the unresolved path working too.
    for path in (Path(sys.prefix), Path(sys.executable).parent):
        if path.resolve() != path and path.exists():
            args += ["--ro-bind", str(path.resolve()), str(path)]
    # The answer keys ship inside the package (mediakit.course_data): never visible.
    masks = list(hidden)
    try:
        from mediakit.course import course_source

        masks.append(Path(str(course_source())).resolve())
    except Exception:
        pass
    for mask in masks:
        if any(mask.is_relative_to(s) for s in seen) and mask.is_dir():
            args += ["--tmpfs", str(mask)]
    return args


def _clean_env(home: str) -> dict[str, str]:
    bindir = str(Path(sys.executable).parent)
    return {
        "PATH": f"{bindir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": f"{home}/.matplotlib",
        "IPYTHONDIR": f"{home}/.ipython",
        "JUPYTER_CONFIG_DIR": f"{home}/.jupyter",
        "JUPYTER_DATA_DIR": f"{home}/.local/share/jupyter",
        "JUPYTER_RUNTIME_DIR": f"{home}/.jupyter-runtime",
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "TMPDIR": "/tmp" if home.startswith(INSIDE) else home,
    }


def _limits(memory_mb: int) -> None:  # pragma: no cover - runs in the child
    import resource

    os.setsid()
    for kind, value in (
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_FSIZE, 200_000_000),
        (resource.RLIMIT_AS, memory_mb * 1024 * 1024),
    ):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(kind, (value, value))


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    proc.wait()


def run_notebook(
    notebook: dict,
    *,
    cell_timeout: int = 30,
    notebook_timeout: float = 120.0,
    memory_mb: int = 4096,
    hidden: list[Path] | None = None,
    workdir: Path | None = None,
) -> NotebookRun:
    """Execute ``notebook`` (nbformat dict, student code only) in the sandbox.

    Returns the executed notebook, or ``error`` with a German reason ("Zeitlimit …",
    "Kernel abgestürzt …"). ``workdir`` (created if ``None``) is the private folder;
    the caller reads exports from it and removes it.

    >>> run = run_notebook({"cells": [], "metadata": {}, "nbformat": 4,
    ...                     "nbformat_minor": 5})  # doctest: +SKIP
    >>> run.error is None  # doctest: +SKIP
    True
    """
    work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="mediakit-abgabe-"))
    student = work / "kurs"
    student.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o700)
    (student / "abgabe.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    os.chmod(student, 0o777)
    bwrap = _bwrap()
    sandboxed = bool(bwrap) and sandbox_available()
    if sandboxed:
        home = "/tmp"
        command = [
            str(bwrap),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL",
            "--uid",
            "65534",
            "--gid",
            "65534",
            # a private /tmp first: the binds below may lie under /tmp (a venv made
            # with mktemp, as CI does) and must be mounted on top of it, not hidden by it
            "--tmpfs",
            "/tmp",
            *_system_binds(),
            *_python_binds(list(hidden or [])),
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--bind",
            str(student),
            INSIDE,
            "--chdir",
            INSIDE,
            "--setenv",
            "PYTHONSAFEPATH",
            "1",
            "--",
            sys.executable,
            "-c",
            RUNNER,
            "abgabe.ipynb",
            "ergebnis.ipynb",
            str(int(cell_timeout)),
        ]
        cwd = str(student)
    else:
        home = str(student / ".home")
        command = [
            sys.executable,
            "-c",
            RUNNER,
            "abgabe.ipynb",
            "ergebnis.ipynb",
            str(int(cell_timeout)),
        ]
        cwd = str(student)
    env = _clean_env(home)
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: _limits(memory_mb),
    )
    try:
        out, _ = proc.communicate(timeout=notebook_timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return NotebookRun(
            None,
            work,
            f"Zeitlimit von {notebook_timeout:g} s für das ganze Notebook überschritten",
            time.perf_counter() - started,
            sandboxed,
        )
    finally:
        if proc.poll() is None:
            _kill(proc)
        elif not sandboxed:
            # Without a sandbox, processes the notebook left behind in its session.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
    seconds = time.perf_counter() - started
    log = out.decode("utf-8", "replace")[-5000:] if out else ""
    result = student / "ergebnis.ipynb"
    if proc.returncode != 0 or not result.is_file() or result.is_symlink():
        reason = "Das Notebook wurde abgebrochen"
        if "DeadKernelError" in log or "Kernel died" in log:
            reason = "Kernel abgestürzt oder beendet (z. B. os._exit, Speicher)"
        elif proc.returncode and (proc.returncode < 0 or proc.returncode > 128):
            number = -proc.returncode if proc.returncode < 0 else proc.returncode - 128
            reason = f"Prozess beendet durch Signal {number} (z. B. os.kill)"
        return NotebookRun(None, work, reason, seconds, sandboxed, log)
    if result.stat().st_size > MAX_RESULT_BYTES:
        return NotebookRun(None, work, "Ausgabe zu groß", seconds, sandboxed, log)
    try:
        import nbformat

        # Multi-line strings (lists in the file) joined, as nbformat always does.
        executed = json.loads(
            json.dumps(nbformat.reads(result.read_text(encoding="utf-8"), as_version=4))
        )
    except Exception:
        return NotebookRun(None, work, "Ergebnis nicht lesbar", seconds, sandboxed, log)
    cpu = re.findall(r"^mediakit-cpu: ([0-9.]+)$", log, re.M)
    return NotebookRun(
        executed, work, None, seconds, sandboxed, log, float(cpu[-1]) if cpu else None
    )
