"""One loader for the documented TSV tables in ``mediakit/data``.

Every table is UTF-8, tab-separated, with ``#`` comment lines on top that document
it, then a header row, then one entry per line. Each entry carries a ``note``.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["data_path", "load_table"]


def data_path(name: str) -> Path:
    """Path of a table shipped in ``mediakit/data``.

    >>> data_path("quote_marks.tsv").name
    'quote_marks.tsv'
    """
    return Path(str(resources.files("mediakit") / "data" / name))


def read_table(path: str | Path) -> list[dict[str, str]]:
    """Read one documented TSV table from any path (comment lines skipped).

    Used for the package tables and for user tables, e.g. a teacher's own lexicon.

    >>> rows = read_table(data_path("quote_marks.tsv"))
    >>> rows[0]["mark"]
    '„'
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"table not found: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise ValueError(f"{path.name}: row {number} has the wrong number of columns: {row}")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a package table as dicts, read once per process.

    >>> any(row["mark"] == "»" for row in load_table("quote_marks.tsv"))
    True
    """
    return tuple(read_table(data_path(name)))
