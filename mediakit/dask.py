"""Run mediakit on corpora that outgrow one machine: ``dask.bag`` and ``dask.dataframe``.

The analysis of one document is a pure function that pickles
(:func:`mediakit.analysis.analyze_record`), so Dask schedules it; mediakit ships no
scheduler of its own. Install the extra first: ``pip install "mediakit[dask]"``.

Recipe (a folder of ``.txt`` files, a local cluster; point ``Client`` at a real
scheduler address to use several machines)::

    from pathlib import Path

    import dask.bag as db
    from distributed import Client, LocalCluster

    from mediakit.dask import analyze_bag, analyze_dataframe, metrics_meta

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster):
        paths = sorted(Path("texte").glob("*.txt"))
        docs = db.from_sequence(
            [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in paths],
            npartitions=16,
        )
        records = analyze_bag(docs)  # a bag of dicts: id + metrics
        table = records.to_dataframe(meta=metrics_meta(["id"])).compute()

    # Texts already in a DataFrame (e.g. read with dd.read_parquet):
    import dask.dataframe as dd
    import pandas as pd

    frame = pd.DataFrame({"id": ["dpa", "blog"],
                          "text": ["Der Kreml bestätigte das Telefonat.",
                                   "Die „Friedensgespräche“ sind eine Farce!"]})
    ddf = dd.from_pandas(frame, npartitions=2)
    metrics = analyze_dataframe(ddf, meta_columns=["id"]).compute()

Use one thread per worker: the analysis is pure Python and holds the GIL, so
processes, not threads, bring the speed-up. Each worker parses with its own spaCy
tokenizer, loaded once per process.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from .analysis import analyze_record
from .document import check_text

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["analyze_bag", "analyze_dataframe", "analyze_item", "metric_names", "metrics_meta"]

#: Analysed once to learn the metric names and dtypes, so Dask never has to guess.
SAMPLE_TEXT = "Der Sprecher sagte: „Wir prüfen das.“ Kritiker nennen den Plan eine Farce."

_INSTALL_HINT = 'mediakit.dask needs Dask; install it with: pip install "mediakit[dask]"'


def _require(module: str) -> Any:
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError as error:  # dask.dataframe also needs pandas and pyarrow
        raise ImportError(f"{_INSTALL_HINT} ({error})") from error


@cache
def metric_names() -> tuple[str, ...]:
    """The metric columns every record has, in the order :func:`mediakit.analyze` gives them.

    >>> "words" in metric_names()
    True
    """
    return tuple(analyze_record(SAMPLE_TEXT))


def metrics_meta(
    meta_columns: Sequence[str] = (), dtypes: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of the analysis output (Dask's ``meta=``).

    Metadata columns come first (dtype ``object`` unless given in ``dtypes``), then one
    ``float64`` column per metric.

    >>> list(metrics_meta(["id"]).columns[:2])
    ['id', 'words']
    """
    import pandas as pd

    dtypes = dict(dtypes or {})
    columns = {name: pd.Series(dtype=dtypes.get(name, object)) for name in meta_columns}
    columns.update({name: pd.Series(dtype="float64") for name in metric_names()})
    return pd.DataFrame(columns)


def analyze_item(item: Any, text_key: str = "text") -> dict[str, Any]:
    """One record (metadata + metrics) for a bag element.

    An element is a text, a ``{"text": ..., "id": ...}`` mapping (every other key is
    kept as metadata) or a ``(metadata, text)`` pair.

    >>> analyze_item({"id": "dpa", "text": "Der Kreml bestätigte das Telefonat."})["id"]
    'dpa'
    """
    if isinstance(item, str):
        return analyze_record(item)
    if isinstance(item, Mapping):
        if text_key not in item:
            raise ValueError(
                f"bag element has no {text_key!r} key (keys: {sorted(map(str, item))})"
            )
        meta = {key: value for key, value in item.items() if key != text_key}
        return analyze_record(check_text(item[text_key], what=f"element {text_key!r}"), meta)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Mapping):
        return analyze_record(check_text(item[1]), item[0])
    raise TypeError(
        f"bag element is a {type(item).__name__}; expected a str, a mapping with a "
        f"{text_key!r} key, or a (metadata, text) pair"
    )


def analyze_bag(bag: dask.bag.Bag, *, text_key: str = "text") -> dask.bag.Bag:
    """Map a bag of texts to a bag of records (dicts: metadata + metrics), lazily.

    >>> import dask.bag as db
    >>> texts = db.from_sequence(["Er kam.", "„Nie wieder“, rief sie."], npartitions=1)
    >>> [r["sentences"] for r in analyze_bag(texts).compute(scheduler="sync")]
    [1.0, 1.0]
    """
    db = _require("dask.bag")
    if not isinstance(bag, db.Bag):
        raise TypeError(f"analyze_bag() takes a dask.bag.Bag, not {type(bag).__name__}")
    return bag.map(analyze_item, text_key=text_key)


def analyze_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    meta_columns: Sequence[str] = (),
) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of metrics, one row per text, index kept (so it joins back).

    ``meta_columns`` are copied in front of the metric columns; the text column is
    dropped. Dask gets an explicit ``meta=``, so it never runs the analysis to guess.

    >>> import dask.dataframe as dd, pandas as pd
    >>> frame = pd.DataFrame({"id": ["a"], "text": ["Die Lage ist völlig verfahren."]})
    >>> out = analyze_dataframe(dd.from_pandas(frame, npartitions=1), meta_columns=["id"])
    >>> out.compute(scheduler="sync")["words"].tolist()
    [5.0]
    """
    dd = _require("dask.dataframe")
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"analyze_dataframe() takes a dask DataFrame, not {type(ddf).__name__}")
    if isinstance(meta_columns, str):
        meta_columns = [meta_columns]
    missing = [c for c in (text_column, *meta_columns) if c not in ddf.columns]
    if missing:
        raise ValueError(f"column(s) {missing} not in the DataFrame (columns: {list(ddf.columns)})")
    dtypes = {c: ddf.dtypes[c] for c in meta_columns}
    meta = metrics_meta(meta_columns, dtypes)
    return ddf.map_partitions(
        _analyze_partition, text_column, tuple(meta_columns), tuple(meta.columns), meta=meta
    )


def _analyze_partition(
    frame: pd.DataFrame, text_column: str, meta_columns: tuple[str, ...], columns: tuple[str, ...]
) -> pd.DataFrame:
    import pandas as pd

    records = []
    for position, text in enumerate(frame[text_column]):
        record = analyze_record(
            check_text(text, what=f"{text_column!r} row {frame.index[position]!r}")
        )
        records.append([record.get(name, math.nan) for name in columns[len(meta_columns) :]])
    metrics = pd.DataFrame(
        records, columns=list(columns[len(meta_columns) :]), index=frame.index, dtype="float64"
    )
    out = pd.concat([frame[list(meta_columns)], metrics], axis=1)
    return out[list(columns)]
