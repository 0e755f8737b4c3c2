"""What every figure is: one table, ``mediakit/data/metrics.tsv``, for code and people.

Each metric has one row there: its name, the measure that computes it, its unit, a
German label and a short label, how its values are shown, the range a formula is
defined on, where it is shown by default, and a German and an English description.
The command line, the notebook display, the HTML report, :func:`metric_table` and the
README's metrics section are all made from it, so they cannot disagree.

One share convention for every measure: a share is a fraction from 0 to 1 (shown as
percent: 0.49 is "49 %"). Every share and rate names the count it is of (its base);
when that count is 0 the figure is missing (NaN, shown as "–"), never 0: a text without
quotations has no share of named sources. A text without words has nothing to measure:
its counts are 0 and every other figure is missing.

>>> METRICS["flesch_amstad"].label
'Flesch (Amstad)'
>>> format_value("words", 1257.0), format_value("avg_sentence_length", 40.64)
('1.257', '40,6')
>>> format_value("named_share", 0.4935)
'49 %'
>>> out_of_scale("flesch_amstad", 120.5)
True
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .tables import load_table

__all__ = [
    "METRICS",
    "NOTHING_TO_MEASURE",
    "OUT_OF_SCALE",
    "UNITS",
    "Metric",
    "MetricValues",
    "UnknownMetricError",
    "did_you_mean",
    "format_number",
    "format_value",
    "get_metric",
    "label_for",
    "markdown_table",
    "metric_table",
    "missing_figures",
    "missing_without_words",
    "out_of_scale",
    "scale_text",
    "shown",
]

#: The units a metric may have (column ``unit`` of metrics.tsv), with their German names.
UNITS: Mapping[str, str] = MappingProxyType(
    {
        "count": "Anzahl",
        "share": "Anteil 0–1 (als Prozent gezeigt)",
        "per_1000_words": "je 1.000 Wörter",
        "words_per_sentence": "Wörter je Satz",
        "syllables_per_word": "Silben je Wort",
        "score": "Punkte",
        "grade": "Schulstufe",
    }
)

_FORMATS = {
    "0": (0, False),
    "0.0": (1, False),
    "0.00": (2, False),
    "0 %": (0, True),
    "0.0 %": (1, True),
}
_VIEWS = {"terminal", "figures", "report", "chart"}
_MEASURES = {"readability", "quotes", "evaluative"}

#: How a value outside its formula's range is marked wherever it is shown.
OUT_OF_SCALE = "außerhalb der Skala"
#: The note shown for a text without words instead of any figure.
NOTHING_TO_MEASURE = "kein Wort im Text: nichts zu messen (Werte fehlen)"


@dataclass(frozen=True, slots=True)
class Metric:
    """One row of ``metrics.tsv``: what a figure is and how it is shown.

    >>> m = METRICS["long_word_share"]
    >>> m.unit, m.measure, m.is_share
    ('share', 'readability', True)
    """

    name: str
    measure: str
    unit: str
    label: str
    short: str
    format: str
    scale_min: float | None
    scale_max: float | None
    show: tuple[str, ...]
    description_de: str
    description_en: str
    note: str = ""
    #: the count this figure is a share or rate of (column ``of``; "" for counts)
    of: str = ""

    @property
    def is_share(self) -> bool:
        """True for a fraction 0–1 (shown as percent)."""
        return self.unit == "share"

    @property
    def is_count(self) -> bool:
        """True for a count (0 for an empty text, not missing)."""
        return self.unit == "count"

    @property
    def header(self) -> tuple[str, str]:
        """The two header lines of the terminal table: the short label's first word, the rest.

        >>> METRICS["quotes_per_1000_words"].header
        ('Zitate', '/1.000 W.')
        """
        first, _, rest = self.short.partition(" ")
        return first, rest

    @property
    def unit_de(self) -> str:
        """The unit in German words."""
        return UNITS[self.unit]


def _number(text: str, what: str) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"metrics.tsv: {what} must be a number, not {text!r}") from None


def _load() -> dict[str, Metric]:
    table: dict[str, Metric] = {}
    for row in load_table("metrics.tsv"):
        name = row["name"]
        if name in table:
            raise ValueError(f"metrics.tsv: {name!r} appears twice")
        if row["unit"] not in UNITS:
            raise ValueError(f"metrics.tsv: unknown unit {row['unit']!r} for {name!r}")
        if row["format"] not in _FORMATS:
            raise ValueError(f"metrics.tsv: unknown format {row['format']!r} for {name!r}")
        if (row["unit"] == "share") != _FORMATS[row["format"]][1]:
            raise ValueError(f"metrics.tsv: {name!r}: a share, and only a share, shows as percent")
        if row["measure"] not in _MEASURES:
            raise ValueError(f"metrics.tsv: unknown measure {row['measure']!r} for {name!r}")
        show = tuple(v.strip() for v in row["show"].split(",") if v.strip())
        if set(show) - _VIEWS:
            raise ValueError(f"metrics.tsv: unknown view(s) {set(show) - _VIEWS} for {name!r}")
        table[name] = Metric(
            name=name,
            measure=row["measure"],
            unit=row["unit"],
            label=row["label"],
            short=row["short"],
            format=row["format"],
            scale_min=_number(row["scale_min"], f"scale_min of {name}"),
            scale_max=_number(row["scale_max"], f"scale_max of {name}"),
            show=show,
            description_de=row["description_de"],
            description_en=row["description_en"],
            note=row["note"],
            of=row["of"],
        )
    for metric in table.values():
        base = table.get(metric.of)
        if metric.is_count != (not metric.of):
            raise ValueError(
                f"metrics.tsv: {metric.name!r}: 'of' names the base of every non-count"
            )
        if metric.of and (base is None or not base.is_count):
            raise ValueError(
                f"metrics.tsv: {metric.name!r}: 'of' must name a count, not {metric.of!r}"
            )
    return table


#: Every documented metric, in the order of metrics.tsv: name -> :class:`Metric`.
METRICS: Mapping[str, Metric] = MappingProxyType(_load())


# ---------------------------------------------------------------------------
# Unknown names: a KeyError that helps
# ---------------------------------------------------------------------------


def did_you_mean(name: object, names: Iterable[str]) -> list[str]:
    """The known names closest to ``name`` (a prefix or part of a name first, then similar).

    >>> did_you_mean("flesch", METRICS)
    ['flesch_amstad']
    >>> did_you_mean("Wörter", ["words", "sentences"])
    []
    """
    known = list(names)
    key = str(name).strip().lower()
    if not key:
        return []
    if key in known:
        return [key]
    parts = [n for n in known if n.startswith(key) or (len(key) >= 3 and key in n)]
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    return list(dict.fromkeys([*parts, *close]))[:3]


class UnknownMetricError(KeyError):
    """An unknown metric name, with a German message that suggests the right one.

    >>> str(UnknownMetricError("flesch"))
    "Eine Kennzahl 'flesch' gibt es nicht. Meinten Sie 'flesch_amstad'? Alle Namen: mediakit.metric_table()"
    """

    def __init__(self, name: object, names: Iterable[str] | None = None) -> None:
        known = list(METRICS if names is None else names)
        suggestions = did_you_mean(name, known)
        if suggestions:
            hint = "Meinten Sie " + " oder ".join(repr(s) for s in suggestions) + "?"
        else:
            hint = "Die Namen sind englisch und klein geschrieben, z. B. 'words' oder 'lix'."
        self.name = name
        self.suggestions = suggestions
        self.message = (
            f"Eine Kennzahl {name!r} gibt es nicht. {hint} Alle Namen: mediakit.metric_table()"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def get_metric(name: str) -> Metric:
    """The :class:`Metric` of ``name``; an unknown name raises :class:`UnknownMetricError`.

    >>> get_metric("lix").scale_max is None
    True
    """
    try:
        return METRICS[name]
    except (KeyError, TypeError):
        raise UnknownMetricError(name) from None


class MetricValues(dict[str, float]):
    """The figures of one text: a plain ``dict`` of floats whose unknown key says what was meant.

    >>> values = MetricValues({"words": 10.0, "flesch_amstad": 71.3})
    >>> values["flesch"]
    Traceback (most recent call last):
    mediakit.metrics.UnknownMetricError: Eine Kennzahl 'flesch' gibt es nicht. Meinten Sie 'flesch_amstad'? Alle Namen: mediakit.metric_table()
    """

    def __missing__(self, key: str) -> float:
        raise UnknownMetricError(key, self.keys()) from None


def missing_without_words(values: Mapping[str, float], words: float) -> dict[str, float]:
    """For a text without words: counts stay (0), every other figure becomes NaN.

    A rate, share, mean or formula of nothing is not 0 (Flesch 0 would read as
    "very hard"); it is missing.

    >>> missing_without_words({"words": 0.0, "flesch_amstad": 0.0}, 0)
    {'words': 0.0, 'flesch_amstad': nan}
    """
    if words:
        return dict(values)
    out = {}
    for name, value in values.items():
        metric = METRICS.get(name)
        out[name] = value if metric is not None and metric.is_count else math.nan
    return out


def missing_figures(values: Mapping[str, float], words: float | None = None) -> set[str]:
    """The figures of ``values`` that are missing by definition: their base count is 0.

    A share or rate of nothing (column ``of`` of metrics.tsv) is NaN, never 0: the
    share of named sources among no quotations is not "0 %". A base that ``values``
    does not hold counts as present, except ``words`` when it is passed (one measure's
    figures hold no word count).

    >>> sorted(missing_figures({"quotations": 0.0, "named_share": float("nan"), "words": 5.0}))
    ['named_share']
    >>> sorted(missing_figures({"quotations": 2.0, "quoted_token_share": float("nan")}, words=0))
    ['quoted_token_share']
    """
    counts = dict(values)
    if words is not None:
        counts.setdefault("words", words)
    out = set()
    for name in values:
        metric = METRICS.get(name)
        if metric is not None and metric.of and counts.get(metric.of, 1.0) == 0:
            out.add(name)
    return out


# ---------------------------------------------------------------------------
# Showing values to people
# ---------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


def format_number(value: Any, decimals: int = 1) -> str:
    """A number in German notation: thousands dot, decimal comma; "–" when missing.

    >>> format_number(1257, 0), format_number(40.64), format_number(-0.04), format_number(None)
    ('1.257', '40,6', '0,0', '–')
    """
    if _is_missing(value):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":  # -0.0 shows as 0,0
        text = text.lstrip("-")
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_value(name: str, value: Any) -> str:
    """A value as its metric is shown to people (German notation, shares as percent).

    >>> format_value("lix", 55.25), format_value("long_word_share", 0.0049)
    ('55,2', '0,5 %')
    >>> format_value("flesch_amstad", float("nan"))
    '–'
    """
    decimals, percent = _FORMATS[get_metric(name).format]
    if _is_missing(value):
        return "–"
    if percent:
        return f"{format_number(float(value) * 100.0, decimals)} %"
    return format_number(value, decimals)


def out_of_scale(name: str, value: Any) -> bool:
    """True when a formula's value left the range it is defined on (the value is kept).

    >>> out_of_scale("wstf1", 3.2), out_of_scale("wstf1", 9.0), out_of_scale("lix", 900.0)
    (True, False, False)
    """
    metric = METRICS.get(name)
    if metric is None or _is_missing(value):
        return False
    number = float(value)
    low, high = metric.scale_min, metric.scale_max
    return (low is not None and number < low) or (high is not None and number > high)


def scale_text(name: str) -> str:
    """The range of a formula in German notation, or "" when it has none.

    >>> scale_text("flesch_amstad")
    '0–100'
    """
    metric = get_metric(name)
    if metric.scale_min is None and metric.scale_max is None:
        return ""
    low = "" if metric.scale_min is None else format_number(metric.scale_min, 0)
    high = "" if metric.scale_max is None else format_number(metric.scale_max, 0)
    return f"{low}–{high}"


def shown(view: str) -> tuple[str, ...]:
    """The metrics shown by default in a view (terminal, figures, report, chart), in order.

    >>> shown("terminal")[:3]
    ('words', 'sentences', 'flesch_amstad')
    """
    if view not in _VIEWS:
        raise ValueError(f"view must be one of {sorted(_VIEWS)}, not {view!r}")
    return tuple(name for name, metric in METRICS.items() if view in metric.show)


def label_for(field: str, value: Any) -> str:
    """The German name of a metadata value (a genre or an outlet) for people.

    >>> label_for("genre", "blog post"), label_for("outlet", "dpa")
    ('Blogbeitrag', 'dpa')
    """
    if value is None:
        return ""
    text = str(value)
    for row in load_table("labels.tsv"):
        if row["field"] == field and row["value"] == text:
            return row["label"]
    return text


# ---------------------------------------------------------------------------
# The table as data and as documentation
# ---------------------------------------------------------------------------

_TABLE_FIELDS = (
    "name",
    "measure",
    "unit",
    "label",
    "short",
    "format",
    "scale_min",
    "scale_max",
    "of",
    "description_de",
    "description_en",
)


def metric_table() -> Any:
    """The documented metrics as a pandas DataFrame, one row per metric.

    >>> table = metric_table()
    >>> table.set_index("name").loc["named_share", "unit"]
    'share'
    """
    import pandas as pd

    return pd.DataFrame(
        [{field: getattr(m, field) for field in _TABLE_FIELDS} for m in METRICS.values()],
        columns=list(_TABLE_FIELDS),
    )


def markdown_table() -> str:
    """The README's metrics table (a test keeps the README equal to it).

    >>> markdown_table().splitlines()[2].startswith("| `words` |")
    True
    """
    lines = [
        "| name | Bezeichnung | Bedeutung | unit | Basis | Skala | measure |",
        "|---|---|---|---|---|---|---|",
    ]
    for metric in METRICS.values():
        scale = scale_text(metric.name)
        of = f"`{metric.of}`" if metric.of else ""
        lines.append(
            f"| `{metric.name}` | {metric.label} | {metric.description_de} | {metric.unit} | "
            f"{of} | {scale} | {metric.measure} |"
        )
    return "\n".join(lines)
