"""The examples in the docstrings of the core modules run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

CORE_MODULES = [
    "mediakit.document",
    "mediakit.syllables",
    "mediakit.readability",
    "mediakit.quotes_rules",
    "mediakit.evaluative",
    "mediakit.analysis",
    "mediakit.corpus",
]


@pytest.mark.parametrize("name", CORE_MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
