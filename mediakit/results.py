"""The shape every measure's result shares.

A result holds its figures (``metrics``, a flat dict of floats with stable names),
its evidence (``evidence()``, labelled character-offset spans ready to highlight)
and a ``to_dict()`` for JSON. Display, comparison and the CLI only read this.

Evidence labels are ``"layer"`` or ``"layer:subtype"``. The layers:
``quote`` (subtype = kind), ``speaker``, ``cue``, ``scare_quote``, ``title``,
``evaluative`` (subtype = category), ``long_sentence``, ``long_word``.
"""

from __future__ import annotations

import math
from typing import Any, Protocol, runtime_checkable

from .document import TextSpan

__all__ = ["Result", "TextSpan", "json_figures", "rate_per_1000", "safe_div"]


@runtime_checkable
class Result(Protocol):
    """What :func:`mediakit.analyze` expects of a measure's result."""

    @property
    def metrics(self) -> dict[str, float]: ...

    def evidence(self) -> list[TextSpan]: ...

    def to_dict(self) -> dict[str, Any]: ...


def safe_div(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or NaN when the denominator is 0.

    A share or rate of nothing is not 0 but missing: the share of named sources among
    no quotations is not "0 %" (which reads as "all anonymous"); it is shown as "–".

    >>> safe_div(3, 4), safe_div(3, 0)
    (0.75, nan)
    """
    return float(numerator) / denominator if denominator else math.nan


def rate_per_1000(count: float, words: int) -> float:
    """Occurrences per 1,000 words (NaN for no words).

    >>> rate_per_1000(3, 600)
    5.0
    """
    return safe_div(count * 1000.0, words)


def json_figures(metrics: dict[str, float]) -> dict[str, float | None]:
    """The figures for JSON: a missing one (NaN) becomes ``None`` (``null``).

    >>> json_figures({"quotations": 0.0, "named_share": float("nan")})
    {'quotations': 0.0, 'named_share': None}
    """
    return {k: (v if v is not None and math.isfinite(v) else None) for k, v in metrics.items()}
