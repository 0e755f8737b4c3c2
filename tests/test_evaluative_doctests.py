"""The docstring examples of every module of the ``mediakit.evaluative`` package run.

``tests/test_doctests.py`` runs the package's own docstring; the examples in the
submodules use the package's public names, which are passed in as globals.
"""

from __future__ import annotations

import doctest
import importlib

import pytest

import mediakit.evaluative as evaluative

SUBMODULES = [
    "lemmas",
    "lexicon",
    "index",
    "hits",
    "context",
    "constructions",
    "matching",
    "separable",
    "voice",
    "metrics",
]


@pytest.mark.parametrize("name", SUBMODULES)
def test_submodule_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"mediakit.evaluative.{name}")
    result = doctest.testmod(
        module,
        extraglobs=vars(evaluative),
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0
