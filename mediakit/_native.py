"""The optional compiled core: used only while it matches the Python sources.

An editable install (``pip install -e .``) compiles the quotation and evaluative
modules with mypyc where a C compiler is available (``setup.py``); the compiled file
``view.cpython-311-….so`` then stands beside ``view.py``, and Python imports it first.
Had the checkout been edited or switched to another commit since, that file would run
the old code. So before any submodule is imported, :func:`choose` compares the two: if
a source is newer than its compiled file, or ``MEDIAKIT_PURE=1`` is set, every mediakit
module is loaded from its ``.py`` source (the same results, somewhat slower).

>>> from mediakit import _native
>>> _native.status() in ("compiled", "python", "python (compiled files are out of date)", "python (MEDIAKIT_PURE=1)")
True
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_STATUS = "python"


def _compiled_sources() -> dict[str, Path]:
    """Module name -> ``.py`` source, for every module that has a compiled file beside it."""
    out: dict[str, Path] = {}
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for folder, _dirs, files in os.walk(_PACKAGE):
        for name in files:
            if not name.endswith(suffixes):
                continue
            stem = name.split(".", 1)[0]
            source = Path(folder, stem + ".py")
            if source.is_file():
                parts = Path(folder).relative_to(_PACKAGE.parent).parts
                out[".".join((*parts, stem))] = source
    return out


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads the listed modules from their ``.py`` sources, past their compiled files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path: object = None, target: object = None):
        source = self.sources.get(fullname)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose() -> str:
    """Use the compiled modules, or the Python sources if the compiled ones are stale.

    Returns what :func:`status` reports afterwards. Called once, by ``mediakit/__init__.py``.
    """
    global _STATUS
    sources = _compiled_sources()
    if not sources:
        _STATUS = "python"
        return _STATUS
    if os.environ.get("MEDIAKIT_PURE", "").strip() not in ("", "0"):
        _STATUS = "python (MEDIAKIT_PURE=1)"
    elif _PACKAGE.parent.name in ("site-packages", "dist-packages"):
        # an installed wheel: its files carry the times of the unpacking, not of the build,
        # and nobody edits them; the check is for a checkout (an editable install)
        _STATUS = "compiled"
        return _STATUS
    else:
        stale = []
        for name, source in sources.items():
            compiled = [
                p
                for p in source.parent.glob(source.stem + ".*")
                if p.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
            ]
            if any(source.stat().st_mtime > p.stat().st_mtime for p in compiled):
                stale.append(name)
        if not stale:
            _STATUS = "compiled"
            return _STATUS
        _STATUS = "python (compiled files are out of date)"
        warnings.warn(
            f"mediakit: {len(stale)} compiled module(s) are older than their sources "
            f"(e.g. {stale[0]}); using the Python sources. Run `pip install -e .` again "
            "to rebuild them.",
            RuntimeWarning,
            stacklevel=3,
        )
    sys.meta_path.insert(0, _SourceFinder(sources))
    return _STATUS


def shared_libraries() -> list[Path]:
    """The compiled core's shared library when it lies beside the package, else ``[]``.

    mypyc puts the code of all compiled modules into one top-level library
    (``…__mypyc.cpython-311-….so``). A wheel installs it into ``site-packages``; an editable
    install leaves it in the checkout, next to ``mediakit/``, where the grading sandbox
    (mediakit/sandbox.py) must bind this one file, not the whole checkout.

    >>> all(p.name.split(".")[0].endswith("__mypyc") for p in shared_libraries())
    True
    """
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        p for p in _PACKAGE.parent.glob("*__mypyc.*") if p.name.endswith(suffixes) and p.is_file()
    )


def status() -> str:
    """How this process runs mediakit's quotation and evaluative code.

    ``"compiled"`` (the mypyc build of an editable install), ``"python"`` (no compiled
    files, e.g. the wheel), or ``"python (…)"`` with the reason the compiled files are
    not used.

    >>> status() != ""
    True
    """
    return _STATUS
