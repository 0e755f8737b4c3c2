"""mediakit: media literacy for German news texts.

Three questions, answered with numbers that can be checked in the text:
how hard is it to read (:func:`readability`), who says so (:func:`find_quotes`),
and how loaded is the wording (:func:`find_evaluative`). :func:`analyze` runs all
three on one parse; :func:`compare` puts texts side by side in a DataFrame.

>>> import mediakit
>>> [s.text for s in mediakit.split_sentences("Der Kanzler kam. Er sprach.")]
['Der Kanzler kam.', 'Er sprach.']
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# The compiled core of an editable install, or the Python sources if it is out of date
# (mediakit/_native.py); before any submodule is imported.
from . import _native

_native.choose()

# Public name -> module. Modules load on first use, so `import mediakit` stays fast
# and `mediakit compare` starts quickly.
_EXPORTS = {
    "Document": "document",
    "TextSpan": "document",
    "parse": "document",
    "split_sentences": "document",
    "count_syllables": "syllables",
    "readability": "readability",
    "textstat_readability": "readability",
    "find_quotes": "quotes",
    "find_scare_quotes": "quotes",
    "analyze_quotes": "quotes",
    "find_titles": "quotes",
    "Quotation": "quotes",
    "find_evaluative": "evaluative",
    "analyze_evaluative": "evaluative",
    "Lexicon": "evaluative",
    "load_lexicon": "evaluative",
    "load_sentiws": "evaluative",
    "load_corpus": "corpus",
    "CorpusDocument": "corpus",
    "load_document": "corpus",
    "analyze": "analysis",
    "analyze_many": "analysis",
    "Analysis": "analysis",
    "compare": "analysis",
    "METRICS": "metrics",
    "metric_table": "metrics",
    "highlight": "analysis",
    "plot_compare": "display",
    "text_from_html": "extract",
}

__all__ = sorted(_EXPORTS)

# `readability` is both a submodule and the function it exports. Importing the
# submodule here first and then binding the function keeps `mediakit.readability`
# the function, whatever imports the submodule later (Python rebinds a package
# attribute only when it first loads the submodule). The module is light: no spaCy.
from .readability import readability  # noqa: E402, F401


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mediakit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
