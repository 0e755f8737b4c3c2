"""The optional compiled core (setup.py, mediakit/_native.py): same results, safe fallback.

An editable install compiles the quotation and evaluative modules with mypyc where a C
compiler is available. These tests check that the compiled and the Python code give the
same analysis on real German text, and that mediakit falls back to the Python sources
when asked to (``MEDIAKIT_PURE=1``) or when a source is newer than its compiled file.
Without compiled files (the wheel, or no compiler) the comparisons skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mediakit
from mediakit import _native

ROOT = Path(__file__).resolve().parents[1]
COMPILED = _native._compiled_sources()
needs_compiled = pytest.mark.skipif(
    _native.status() != "compiled", reason="no compiled core in this install"
)

TEXTS = [
    "„Das sage ich lieber nicht“, sagte Trump auf die Frage, wie oft die beiden gesprochen haben.",
    "Nach Darstellung Moskaus sei das Gespräch konstruktiv gewesen. Die Lage bleibe aber ernst.",
    "Die Regierung soll den Plan bereits im Januar gebilligt haben, berichtete die Zeitung.",
    "Der Minister kritisierte den Vorschlag als völlig verfehlt und sprach von einem Desaster.",
    "Kritiker sehen darin die sogenannte „Schuloffensive“ der Landesregierung.",
    "Wie die Polizei mitteilte, wurde niemand verletzt. Ein Sprecher sagte: „Wir ermitteln.“",
    "Diese Lügenmedien und ihr Klimawahn! Niemand glaubt ihnen noch ein Wort.",
    "",
]

_SCRIPT = """
import json, sys
import mediakit
from mediakit import load_corpus
texts = json.loads(sys.stdin.read())
texts += [d.body for d in load_corpus()]
out = [mediakit.analyze(t).to_dict() for t in texts]
print(json.dumps({"status": mediakit._native.status(), "out": [json.dumps(o, sort_keys=True, default=repr) for o in out]}))
"""


def _run(env_extra: dict[str, str]) -> dict:
    env = {**os.environ, **env_extra, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        input=json.dumps(TEXTS),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout)


@needs_compiled
def test_compiled_and_python_give_the_same_analysis() -> None:
    compiled = _run({"MEDIAKIT_PURE": "0"})
    python = _run({"MEDIAKIT_PURE": "1"})
    assert compiled["status"] == "compiled"
    assert python["status"] == "python (MEDIAKIT_PURE=1)"
    assert len(compiled["out"]) == len(TEXTS) + 5
    assert compiled["out"] == python["out"]


@needs_compiled
def test_a_source_newer_than_its_compiled_file_is_used_instead() -> None:
    if _native._PACKAGE.parent.name in ("site-packages", "dist-packages"):
        pytest.skip("an installed compiled wheel: its file times say nothing")
    name, source = sorted(COMPILED.items())[0]
    before = source.stat()
    try:
        os.utime(source, (before.st_atime, before.st_mtime + 3600))
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDIAKIT_PURE": "0"}
        code = (
            f"import importlib, mediakit; m = importlib.import_module({name!r}); "
            "print(mediakit._native.status()); print(m.__file__)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
    finally:
        os.utime(source, (before.st_atime, before.st_mtime))
    status, path = done.stdout.split("\n")[:2]
    assert status == "python (compiled files are out of date)"
    assert path == str(source)
    assert "older than their sources" in done.stderr


def test_status_names_how_mediakit_runs() -> None:
    assert _native.status() in (
        "compiled",
        "python",
        "python (MEDIAKIT_PURE=1)",
        "python (compiled files are out of date)",
    )
    if not COMPILED:
        assert _native.status() == "python"
    # the public entry points work either way
    assert mediakit.find_quotes("„Wir prüfen das“, sagte die Sprecherin.")[0].kind == "direct"
