"""The examples in the docstrings of every module run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import mediakit

#: Every module of the package (the course and corpus data packages hold no code).
MODULES = sorted(
    f"mediakit.{info.name}"
    for info in pkgutil.iter_modules(mediakit.__path__)
    if info.name not in {"__main__", "corpus_data", "course_data"}
)


def test_every_module_is_listed():
    assert {"mediakit.metrics", "mediakit.cli", "mediakit.display", "mediakit.analysis"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", ["mediakit", *MODULES])
def test_docstring_examples(name: str) -> None:
    pytest.importorskip(name)
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
