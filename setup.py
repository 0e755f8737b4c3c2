"""Build hook: an optional compiled core (mypyc) for an editable install.

Everything about the project is in ``pyproject.toml``; this file only adds the compiled
quotation and evaluative modules (``COMPILED`` below) when that pays and is safe:

- ``pip install -e .`` (a checkout: the README's quick start) compiles them with mypyc
  when a C compiler is there; without one, or if anything in the build fails, the
  install goes on as plain Python, with a note. The results are the same either way
  (``benchmarks/analysis_golden.py`` checks it; the compiled code is about 1.3 times
  as fast on short texts, see the README's speed table).
- ``python -m build --wheel`` and ``pip install .`` build the plain-Python wheel
  (``py3-none-any``) that a teacher hands to students: it runs everywhere.
- ``MEDIAKIT_COMPILE=1`` compiles in those builds too (a platform wheel, for a cluster
  whose machines are all alike); ``MEDIAKIT_COMPILE=0`` never compiles.

At run time ``mediakit`` falls back to the Python sources by itself when the compiled
modules are older than their sources (a checkout edited after the install), or when
``MEDIAKIT_PURE=1`` is set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent

#: The modules compiled with mypyc: the quotation rules and the evaluative layer, which
#: run per token in pure Python. Modules that rely on dynamic features (weak references
#: to their objects, ``object.__new__`` constructors, ``list`` subclasses, runtime
#: protocols) stay Python: evaluative/hits.py, evaluative/index.py, quotes/sources.py.
COMPILED = [
    "mediakit/quotes/lexicon.py",
    "mediakit/quotes/model.py",
    "mediakit/quotes/pipeline.py",
    "mediakit/quotes/syntax.py",
    "mediakit/quotes/view.py",
    "mediakit/quotes/words.py",
    "mediakit/quotes/rules/cue_nouns.py",
    "mediakit/quotes/rules/cue_verbs.py",
    "mediakit/quotes/rules/direct.py",
    "mediakit/quotes/rules/konjunktiv.py",
    "mediakit/quotes/rules/nesting.py",
    "mediakit/quotes/rules/prepositions.py",
    "mediakit/quotes/rules/regions.py",
    "mediakit/quotes/rules/reported.py",
    "mediakit/quotes/rules/speakers.py",
    "mediakit/evaluative/constructions.py",
    "mediakit/evaluative/context.py",
    "mediakit/evaluative/lemmas.py",
    "mediakit/evaluative/lexicon.py",
    "mediakit/evaluative/matching.py",
    "mediakit/evaluative/metrics.py",
    "mediakit/evaluative/separable.py",
    "mediakit/evaluative/voice.py",
]


def _note(message: str) -> None:
    print(f"mediakit: {message}", file=sys.stderr)


def _wanted() -> bool:
    """Compile for an editable install, or when MEDIAKIT_COMPILE=1 asks for it."""
    choice = os.environ.get("MEDIAKIT_COMPILE", "").strip()
    if choice in ("0", "1"):
        return choice == "1"
    return any(arg.startswith("editable_wheel") for arg in sys.argv[1:])


class OptionalBuildExt(build_ext):
    """build_ext that leaves a plain-Python install behind when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, no Python headers, a mypyc error ...
            _note(f"the compiled core could not be built ({exc}); installing plain Python")
            for ext in self.extensions:
                for path in (
                    self.get_ext_fullpath(ext.name),
                    HERE / self.get_ext_filename(ext.name),
                ):
                    Path(path).unlink(missing_ok=True)
            self.extensions = []


def _extensions() -> list:
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _note("mypyc is not installed; installing plain Python")
        return []
    old = Path.cwd()
    os.chdir(HERE)
    try:
        # The type check that mypyc runs first must not depend on what else is
        # installed: the first `pip install -e .` in a new venv builds before spaCy and
        # pandas are there (their types are only Python objects to the compiled code).
        flags = ["--ignore-missing-imports", "--follow-imports=silent", "--no-warn-unused-ignores"]
        return mypycify([*flags, *COMPILED], opt_level="3", multi_file=True)
    except BaseException as exc:  # mypy's type check exits through SystemExit
        _note(f"mypyc refused the sources ({exc!r}); installing plain Python")
        return []
    finally:
        os.chdir(old)


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
