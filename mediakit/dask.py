"""Run mediakit on corpora that outgrow one machine, on a Dask cluster.

The analysis of one document is a pure function that pickles
(:func:`mediakit.analysis.analyze_record`), so Dask schedules it; mediakit ships no
scheduler of its own. Install the extra first: ``pip install "mediakit[dask]"``.

**A folder of text files** (or Parquet files with a text column) is analysed where it
lies: the client lists the file *names* only, every worker reads its share of files,
analyses them and writes its records to one Parquet (or CSV) file of the output
folder, in batches. No text and no record passes through the client, so its memory
does not grow with the corpus; a worker holds one batch of records and one document
at a time (the parse keeps no documents, spaCy's vocabulary is renewed after
:data:`mediakit.document.VOCABULARY_LIMIT` word forms). From the command line::

    python -m mediakit.dask texte/ --out ergebnisse/ --workers 4
    python -m mediakit.dask texte/ --out ergebnisse/ --scheduler tcp://10.0.0.1:8786
    python -m mediakit.dask artikel.parquet --out ergebnisse/ --text-column text

and the result is read back with ``pandas.read_parquet("ergebnisse/")``. From Python::

    from distributed import Client, LocalCluster
    from mediakit.dask import analyze_files

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster):
        summary = analyze_files("texte", "ergebnisse")  # small: one row per partition

On several machines: start ``dask scheduler`` on one, ``dask worker tcp://HOST:8786
--nworkers 4 --nthreads 1 --memory-limit 2GiB`` on each, with the texts and the
output folder on a file system all of them see, and pass ``--scheduler
tcp://HOST:8786``. Use one thread per worker: the analysis is pure Python and holds
the GIL, so processes, not threads, bring the speed-up.

**Texts already in Dask** (a bag of texts or dicts, or a DataFrame with a text
column) go through :func:`analyze_bag` and :func:`analyze_dataframe`, lazily; write
the result with ``.to_parquet(...)`` rather than ``.compute()`` when it is large::

    import dask.dataframe as dd

    ddf = dd.read_parquet("artikel.parquet", columns=["id", "text"])
    analyze_dataframe(ddf, meta_columns=["id"]).to_parquet("ergebnisse/")
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import analyze_record
from .document import check_text

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = [
    "analyze_bag",
    "analyze_dataframe",
    "analyze_files",
    "analyze_item",
    "analyze_parquet",
    "main",
    "metric_names",
    "metrics_meta",
]

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


# ---------------------------------------------------------------------------
# Files in, partitions out: nothing passes through the client
# ---------------------------------------------------------------------------

#: Columns of :func:`analyze_files` output before the metrics.
FILE_COLUMNS = ("id", "path", "title", "error")
_BATCH = 256  # records a worker holds before writing them


def analyze_files(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    pattern: str = "*.txt",
    files_per_partition: int = 500,
    output_format: str = "parquet",
    overwrite: bool = False,
) -> pd.DataFrame:
    """Analyse every file matching ``pattern`` below ``source`` on the Dask workers.

    Each task reads up to ``files_per_partition`` files, analyses them and writes
    ``out/part-00000.parquet`` (or ``.csv``): one row per file with ``id``, ``path``
    (relative to ``source``), ``title``, ``error`` (why a file could not be read, else
    empty) and the metrics. Every file gets its row, readable or not. Runs on the
    current Dask client (``distributed.Client``), else on Dask's default scheduler;
    returns a small summary, one row per partition (files, errors, output file).

    >>> import pathlib, tempfile
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "dpa.txt").write_text("Der Kreml bestätigte das Telefonat.", encoding="utf-8")
    >>> import dask
    >>> with dask.config.set(scheduler="sync"):
    ...     summary = analyze_files(src, src / "ergebnis")
    >>> int(summary["files"].sum()), int(summary["errors"].sum())
    (1, 0)
    """
    db = _require("dask.bag")
    pd = _require("pandas")
    if output_format not in _WRITERS:
        raise ValueError(f"output_format must be 'parquet' or 'csv', not {output_format!r}")
    if not isinstance(files_per_partition, int) or files_per_partition < 1:
        raise ValueError(f"files_per_partition must be a positive int, not {files_per_partition!r}")
    root = Path(source)
    if not root.is_dir():
        raise FileNotFoundError(f"Ordner nicht gefunden: {root}")
    root = root.resolve()  # the workers may run elsewhere, in another working directory
    target = _prepare_output(Path(out), overwrite)
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob(pattern) if not p.is_dir())
    if target.is_relative_to(root):
        inside = target.relative_to(root).as_posix() + "/"
        names = [n for n in names if not n.startswith(inside)]
    if not names:
        raise FileNotFoundError(f"keine Dateien {pattern!r} in {root}")
    tasks = [
        (number, names[i : i + files_per_partition])
        for number, i in enumerate(range(0, len(names), files_per_partition))
    ]
    bag = db.from_sequence(tasks, npartitions=len(tasks))
    summaries = bag.map(_file_partition, str(root), str(target), output_format).compute()
    return pd.DataFrame(summaries, columns=["partition", "files", "errors", "output"])


def analyze_parquet(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    text_column: str = "text",
    meta_columns: Sequence[str] = ("id",),
    output_format: str = "parquet",
    overwrite: bool = False,
) -> int:
    """Analyse the ``text_column`` of Parquet files, partition by partition, on the workers.

    Each partition's metrics (with ``meta_columns`` in front) are written to
    ``out`` by the worker that computed them; returns the number of partitions.

    >>> import pathlib, tempfile, pandas as pd, dask
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"id": ["a"], "text": ["Die Lage ist völlig verfahren."]}).to_parquet(tmp / "t.parquet")
    >>> with dask.config.set(scheduler="sync"):
    ...     analyze_parquet(tmp / "t.parquet", tmp / "out")
    1
    >>> pd.read_parquet(tmp / "out")["words"].tolist()
    [5.0]
    """
    dd = _require("dask.dataframe")
    if output_format not in _WRITERS:
        raise ValueError(f"output_format must be 'parquet' or 'csv', not {output_format!r}")
    if isinstance(meta_columns, str):
        meta_columns = [meta_columns]
    target = _prepare_output(Path(out), overwrite)
    location = str(Path(source).resolve()) if Path(source).exists() else str(source)  # or a URL
    ddf = dd.read_parquet(location, columns=[text_column, *meta_columns])
    metrics = analyze_dataframe(ddf, text_column=text_column, meta_columns=meta_columns)
    if output_format == "parquet":
        metrics.to_parquet(str(target), write_index=False)
    else:
        metrics.to_csv(str(target / "part-*.csv"), index=False)
    return int(ddf.npartitions)


def _prepare_output(target: Path, overwrite: bool) -> Path:
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} ist eine Datei, kein Ordner für die Ergebnisse")
    old = sorted(target.glob("part-*")) if target.is_dir() else []
    if old and not overwrite:
        raise FileExistsError(
            f"{target} enthält schon Ergebnisse ({old[0].name} …); anderen Ordner wählen "
            "oder overwrite=True (--overwrite)"
        )
    for path in old:
        path.unlink()
    target.mkdir(parents=True, exist_ok=True)
    return target.resolve()


def _file_partition(
    task: tuple[int, list[str]], root: str, target: str, output_format: str
) -> dict[str, Any]:
    """On a worker: read, analyse and write one partition of files, in batches."""
    number, names = task
    final = Path(target) / f"part-{number:05d}.{output_format}"
    partial = final.with_name(f".{final.name}.partial")
    columns = [*FILE_COLUMNS, *metric_names()]
    errors = 0
    with _WRITERS[output_format](partial, columns) as write:
        batch: list[dict[str, Any]] = []
        for name in names:
            record = _file_record(Path(root), name)
            errors += bool(record["error"])
            batch.append(record)
            if len(batch) >= _BATCH:
                write(batch)
                batch = []
        if batch:
            write(batch)
    os.replace(partial, final)  # a partition file is complete or absent
    return {"partition": number, "files": len(names), "errors": errors, "output": str(final)}


def _file_record(root: Path, name: str) -> dict[str, Any]:
    import stat

    from .extract import read_text_file

    path = root / name
    record: dict[str, Any] = {"id": Path(name).stem, "path": name, "title": None, "error": None}
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(f"{name} is no regular file (a FIFO or a device?)")
        meta, text = read_text_file(path)
        record["title"] = meta.get("title")
        record.update(analyze_record(text))
    except (OSError, ValueError, TypeError, UnicodeError) as error:
        record["error"] = f"{type(error).__name__}: {error}"
    return record


class _ParquetWriter:
    def __init__(self, path: Path, columns: list[str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        fields = [pa.field(c, pa.string()) for c in FILE_COLUMNS]
        fields += [pa.field(c, pa.float64()) for c in columns[len(FILE_COLUMNS) :]]
        self.schema = pa.schema(fields)
        self.columns = columns
        self.writer = pq.ParquetWriter(str(path), self.schema)

    def __enter__(self) -> Any:
        return self.write

    def write(self, records: list[dict[str, Any]]) -> None:
        data = {
            c: [r.get(c, math.nan if i >= len(FILE_COLUMNS) else None) for r in records]
            for i, c in enumerate(self.columns)
        }
        self.writer.write_table(self.pa.Table.from_pydict(data, schema=self.schema))

    def __exit__(self, *exc: object) -> None:
        self.writer.close()


class _CsvWriter:
    def __init__(self, path: Path, columns: list[str]) -> None:
        import csv

        self.handle = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.handle, fieldnames=columns, extrasaction="ignore")
        self.writer.writeheader()

    def __enter__(self) -> Any:
        return self.writer.writerows

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


_WRITERS: dict[str, type[_ParquetWriter] | type[_CsvWriter]] = {
    "parquet": _ParquetWriter,
    "csv": _CsvWriter,
}


# ---------------------------------------------------------------------------
# python -m mediakit.dask
# ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mediakit.dask QUELLE --out ORDNER``: analyse a folder or Parquet on Dask.

    Exit codes: 0 all analysed, 1 some files could not be read (their rows say why),
    2 wrong use (no such folder, no files, output folder not empty).

    >>> main(["texte/", "--out", "ergebnisse/", "--workers", "4"])  # doctest: +SKIP
    mediakit.dask: 10.000 Dateien in 20 Teilen analysiert, 0 nicht lesbar; Ergebnisse in ergebnisse/
    0
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(
        prog="python -m mediakit.dask",
        description="mediakit auf einem Dask-Cluster: jeder Worker liest seine Dateien selbst "
        "und schreibt seine Ergebnisse als Parquet- oder CSV-Teil in den Ausgabeordner.",
    )
    parser.add_argument("source", help="Ordner mit Textdateien, oder Parquet-Datei/-Ordner")
    parser.add_argument("--out", required=True, help="Ausgabeordner (part-*.parquet / part-*.csv)")
    parser.add_argument("--scheduler", help="Adresse eines Dask-Schedulers, z. B. tcp://host:8786")
    parser.add_argument(
        "--workers", type=int, default=2, help="lokale Worker-Prozesse (ohne --scheduler)"
    )
    parser.add_argument("--memory-limit", default="2GiB", help="Speicher je lokalem Worker")
    parser.add_argument("--format", choices=sorted(_WRITERS), default="parquet")
    parser.add_argument("--pattern", default="*.txt", help="welche Dateien (Standard: *.txt)")
    parser.add_argument("--files-per-partition", type=int, default=500)
    parser.add_argument("--text-column", default="text", help="Textspalte bei Parquet-Eingabe")
    parser.add_argument("--meta-columns", default="id", help="weitere Parquet-Spalten, mit Komma")
    parser.add_argument(
        "--overwrite", action="store_true", help="alte part-* im Ausgabeordner ersetzen"
    )
    args = parser.parse_args(argv)
    if args.workers < 1 or args.files_per_partition < 1:
        parser.error("--workers und --files-per-partition müssen mindestens 1 sein")
    distributed = _require("distributed")
    source = Path(args.source)
    parquet = source.suffix == ".parquet" or (source.is_dir() and any(source.glob("*.parquet")))
    if not source.exists():
        print(f"mediakit.dask: {source} nicht gefunden", file=sys.stderr)
        return 2
    if args.scheduler:
        client, cluster = distributed.Client(args.scheduler), None
    else:
        cluster = distributed.LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=args.memory_limit,
            dashboard_address=":0",
        )
        client = distributed.Client(cluster)
    try:
        if parquet:
            meta = [c for c in args.meta_columns.split(",") if c]
            parts = analyze_parquet(
                source,
                args.out,
                text_column=args.text_column,
                meta_columns=meta,
                output_format=args.format,
                overwrite=args.overwrite,
            )
            print(f"mediakit.dask: {parts} Partitionen analysiert, Ergebnisse in {args.out}")
            return 0
        summary = analyze_files(
            source,
            args.out,
            pattern=args.pattern,
            files_per_partition=args.files_per_partition,
            output_format=args.format,
            overwrite=args.overwrite,
        )
    except (FileNotFoundError, FileExistsError, ValueError) as error:
        print(f"mediakit.dask: {error}", file=sys.stderr)
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    files, errors = int(summary["files"].sum()), int(summary["errors"].sum())
    print(
        f"mediakit.dask: {_de(files)} Dateien in {_de(len(summary))} Teilen analysiert, "
        f"{_de(errors)} nicht lesbar; Ergebnisse in {args.out}"
    )
    return 1 if errors else 0


def _de(number: int) -> str:
    return f"{number:,}".replace(",", ".")


if __name__ == "__main__":
    import sys

    sys.exit(main())
