"""The shape every measure's result shares.

A result holds its figures (``metrics``, a flat dict of floats with stable names),
its evidence (``evidence()``, labelled character-offset spans ready to highlight)
and a ``to_dict()`` for JSON. Display, comparison and the CLI only read this.

Evidence labels are ``"layer"`` or ``"layer:subtype"``. The layers:
``quote`` (subtype = kind), ``speaker``, ``cue``, ``scare_quote``, ``title``,
``evaluative`` (subtype = category), ``long_sentence``, ``long_word``.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from .document import TextSpan

__all__ = ["Result", "TextSpan", "rate_per_1000", "safe_div"]


@runtime_checkable
class Result(Protocol):
    """What :func:`mediakit.analyze` expects of a measure's result."""

    @property
    def metrics(self) -> dict[str, float]: ...

    def evidence(self) -> list[TextSpan]: ...

    def to_dict(self) -> dict[str, Any]: ...


def safe_div(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or 0.0 when the denominator is 0.

    >>> safe_div(3, 0)
    0.0
    """
    return float(numerator) / denominator if denominator else 0.0


def rate_per_1000(count: float, words: int) -> float:
    """Occurrences per 1,000 words (0.0 for an empty text).

    >>> rate_per_1000(3, 600)
    5.0
    """
    return safe_div(count * 1000.0, words)
