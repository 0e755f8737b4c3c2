"""The docstring examples of every module of the ``mediakit.quotes`` package run.

``tests/test_doctests.py`` runs the top-level modules only; the quotation engine's
modules and rules are a package of their own.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import mediakit.quotes as quotes
import mediakit.quotes.rules as rules

SUBMODULES = sorted(
    [f"mediakit.quotes.{info.name}" for info in pkgutil.iter_modules(quotes.__path__)]
    + [f"mediakit.quotes.rules.{info.name}" for info in pkgutil.iter_modules(rules.__path__)]
)


def test_the_rules_are_listed():
    assert {"mediakit.quotes.sources", "mediakit.quotes.rules.speakers"} <= set(SUBMODULES)


@pytest.mark.parametrize("name", SUBMODULES)
def test_submodule_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
