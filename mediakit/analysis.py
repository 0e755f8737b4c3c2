"""All three measures on one parse: :func:`analyze`, :func:`compare`, :func:`analyze_many`.

``analyze(text)`` parses once and hands the same :class:`~mediakit.document.Document`
to readability, quotations and evaluative vocabulary. ``compare(docs)`` puts texts side
by side in a tidy DataFrame. ``analyze_many`` streams the metrics of many texts, in
parallel if asked, and :func:`analyze_record` is the pure, picklable per-document
function that batch runs and Dask (:mod:`mediakit.dask`) map over.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .document import Document, TextSpan, as_document, check_text, parse
from .metrics import (
    METRICS,
    NOTHING_TO_MEASURE,
    MetricValues,
    metric_table,
    missing_without_words,
)
from .readability import Readability
from .results import json_figures

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "METADATA_COLUMNS",
    "METRICS",
    "Analysis",
    "analyze",
    "analyze_many",
    "analyze_record",
    "comment_items",
    "compare",
    "find_reference",
    "highlight",
    "items_of",
    "metric_table",
]

#: Columns of :func:`compare` that describe a document rather than measure it.
METADATA_COLUMNS = ("id", "outlet", "genre", "date", "title")


@dataclass
class Analysis:
    """The three measures of one text, read from one parse.

    ``readability``, ``quotes`` and ``evaluative`` are the result objects of the three
    measures; ``metrics`` is one flat dict of floats (names in :data:`METRICS`).
    In JupyterLab the object shows itself as highlighted text with the key figures.

    >>> a = analyze("Trump hat immer wieder getönt, er beende den Krieg schnell.")
    >>> a.metrics["words"]
    10.0
    """

    document: Document
    readability: Any
    quotes: Any
    evaluative: Any
    meta: dict[str, Any] = field(default_factory=dict)
    _metrics: dict[str, float] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The analysed text."""
        return self.document.text

    @property
    def metrics(self) -> MetricValues:
        """All figures in one flat dict (readability, then quotations, then evaluative).

        Names and units are in :data:`mediakit.metrics.METRICS`; an unknown name raises
        a ``KeyError`` that names the closest ones. A text without words has nothing to
        measure: its counts are 0, every other figure NaN (see :attr:`note`).
        """
        return MetricValues(self._figures())

    def _figures(self) -> dict[str, float]:
        """The merged figures, computed on first use and kept: the dict itself, not a
        copy, for readers inside mediakit that only read it (:attr:`metrics` hands out
        a copy)."""
        if self._metrics is None:
            # the first part's dict, then the other two: a Readability builds a new
            # dict on every call (no copy needed); any other object is copied
            part, quotes, evaluative = self.readability, self.quotes, self.evaluative
            merged: dict[str, Any] = (
                part.metrics if type(part) is Readability else dict(part.metrics)
            )
            merged.update(quotes.metrics)
            merged.update(evaluative.metrics)
            if not _floats_by_type(part, quotes, evaluative) and not _all_floats(merged):
                # converting each value after the merge gives the same dict (same keys
                # in the same order, float(v) of a float is v); one type test, not three
                merged = {k: math.nan if v is None else float(v) for k, v in merged.items()}
            for name in _percent_shares():
                if name in merged:
                    merged[name] /= 100.0
            words = merged.get("words", 1.0)
            # ``merged`` is this call's own dict: only a text without words needs a new one
            self._metrics = merged if words else missing_without_words(merged, words)
        return self._metrics

    @property
    def note(self) -> str:
        """A note for people when the figures cannot be read as usual ("" if none)."""
        if not self._figures().get("words"):
            return NOTHING_TO_MEASURE
        return ""

    def evidence(self) -> list[TextSpan]:
        """Every evidence span of the three measures, in text order."""
        spans = [*self.readability.evidence(), *self.quotes.evidence(), *self.evaluative.evidence()]
        return sorted(spans, key=lambda s: (s.start, -s.end, s.label))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: metadata, metrics and each measure's own ``to_dict()``."""
        return {
            "meta": dict(self.meta),
            "metrics": json_figures(self._figures()),
            "readability": self.readability.to_dict(),
            "quotes": self.quotes.to_dict(),
            "evaluative": self.evaluative.to_dict(),
        }

    def _repr_html_(self) -> str:
        from .display import analysis_html

        return analysis_html(self)

    def __repr__(self) -> str:
        m = self.metrics
        keys = ("words", "flesch_amstad", "quotes_per_1000_words", "evaluative_per_1000_words")
        shown = ", ".join(f"{k}={m[k]:.1f}" for k in keys if m.get(k) is not None)
        return f"<Analysis {shown}>"


def _floats_by_type(readability: Any, quotes: Any, evaluative: Any) -> bool:
    """True when the three parts are mediakit's own results of a text with words.

    Their figures are plain floats by construction (a :class:`Readability` gives
    ``None`` only without words or sentences), so :func:`_all_floats` would find
    nothing to convert; any other object is tested value by value.
    """
    return (
        type(readability) is Readability
        and readability.words > 0
        and readability.sentences > 0
        and (type(quotes), type(evaluative)) == _result_types()
    )


@cache
def _result_types() -> tuple[type, type]:
    """The result types of analyze_quotes and analyze_evaluative (imported on first use)."""
    from .evaluative.metrics import EvaluativeAnalysis
    from .quotes.model import QuoteAnalysis

    return QuoteAnalysis, EvaluativeAnalysis


def _all_floats(values: Mapping[str, Any]) -> bool:
    """True when every value is a plain ``float`` (no ``None``, int, bool or subclass)."""
    # a list of the types and one identity count (no hashing of each type into a set)
    types = list(map(type, values.values()))
    return types.count(float) == len(types)


@cache
def _percent_shares() -> tuple[str, ...]:
    """The shares a measure reports in percent (its own description dict says ``%``).

    Every share in :data:`mediakit.metrics.METRICS` is a fraction 0-1, so these are
    divided by 100; a measure that reports fractions itself is left alone.
    """
    import sys

    from . import readability as _loaded  # noqa: F401  (the module, not the function)

    module = sys.modules[f"{__package__}.readability"]
    described = getattr(module, "METRIC_DESCRIPTIONS", {})
    return tuple(
        name
        for name, info in described.items()
        if METRICS.get(name) is not None and METRICS[name].is_share and info[1].strip() == "%"
    )


def analyze(text: str | Document | Any, *, lexicon: Any = None) -> Analysis:
    """Analyse a German text: readability, quotations and sources, evaluative wording.

    Accepts a string, a parsed :class:`Document`, or a corpus document (its body is
    analysed, its metadata kept in ``meta``).

    >>> a = analyze("„Wir schaffen das“, sagte sie. Viele zweifelten daran.")
    >>> a.quotes.quotations[0].kind
    'direct'
    """
    readability, analyze_quotes, analyze_evaluative = _measures()
    if type(text) is str:
        # the common case: nothing to refuse or to check, no metadata to take, and
        # as_document of a str is its parse
        meta: dict[str, Any] = {}
        document = parse(text)
    else:
        refuse_dataframe(text, "analyze")
        _check_input(text, "analyze()")
        meta = _metadata_of(text)
        document = as_document(text)
    # the fields in their order (document, readability, quotes, evaluative, meta), the
    # measures run in that order
    return Analysis(
        document,
        readability(document),
        analyze_quotes(document),
        analyze_evaluative(document, lexicon=lexicon),
        meta,
    )


@cache
def _measures() -> tuple[Any, Any, Any]:
    """readability, analyze_quotes, analyze_evaluative (imported on first use, once)."""
    from .evaluative import analyze_evaluative
    from .quotes import analyze_quotes
    from .readability import readability

    return readability, analyze_quotes, analyze_evaluative


def _check_input(item: object, where: str) -> None:
    """A German ``TypeError`` for what students pass by mistake (the type named in English)."""
    if isinstance(item, str | Document) or isinstance(getattr(item, "document", None), Document):
        return
    if isinstance(getattr(item, "body", None), str):
        return
    kind = type(item).__name__
    if item is None:
        raise TypeError(
            f"{where} braucht einen Text (str), nicht None, "
            'z. B. mediakit.analyze("Der Kanzler sprach.")'
        )
    if isinstance(item, bytes | bytearray | memoryview):
        raise TypeError(
            f"{where} braucht einen Text (str), nicht {kind}: erst dekodieren, "
            'z. B. daten.decode("utf-8")'
        )
    if isinstance(item, list | tuple) and item and all(isinstance(x, str) for x in item):
        raise TypeError(
            f"{where} braucht einen Text (str), nicht {kind}: für mehrere Texte "
            "mediakit.compare(texte) oder mediakit.analyze_many(texte)"
        )
    raise TypeError(
        f"{where} braucht einen Text (str), ein Korpusdokument oder ein mediakit.Document, "
        f"nicht {kind}"
    )


def highlight(
    text_or_analysis: Any,
    layers: str | Iterable[str] | None = None,
    *,
    standalone: bool = False,
    title: str | None = None,
    spans: Iterable[Any] | None = None,
) -> Any:
    """Highlight the evidence in a German text: HTML with a legend (analyses first if needed).

    ``text_or_analysis`` is a text, an :class:`Analysis`, a corpus document, or any
    object with ``text`` and ``evidence()``; the rest is as in
    :func:`mediakit.display.highlight`, which renders what this function hands it.

    >>> h = highlight("Putin sagte: „Das ist ein völlig absurder Vorschlag.“")
    >>> h.counts["quotes"] >= 1
    True
    """
    from . import display

    item = text_or_analysis
    if spans is None and not (
        callable(getattr(item, "evidence", None)) or isinstance(item, Mapping)
    ):
        item = analyze(item)
    return display.highlight(item, layers, standalone=standalone, title=title, spans=spans)


def analyze_record(text: str, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Metadata plus metrics of one text as a plain dict: pure, picklable, for batch runs.

    >>> analyze_record("Er kam. Sie ging.", {"id": "x"})["sentences"]
    2.0
    """
    text = check_text(text)
    record: dict[str, Any] = dict(meta or {})
    analysis = analyze(text)
    record.update(analysis._figures())  # read, not kept: no copy needed
    # The measures keep their results in the document's cache, and the results point
    # back to the document: emptied here, the parse is freed at once, not at the next
    # run of the garbage collector (a batch run holds one document at a time).
    analysis.document.cache.clear()
    return record


_TEXT_COLUMNS = ("text", "body", "Text", "Body", "content", "article", "artikel")


def refuse_dataframe(value: Any, where: str) -> None:
    """Raise a ``TypeError`` naming the text column when ``value`` is a pandas DataFrame.

    Iterating a DataFrame gives its column names, which would be analysed as texts.

    >>> import pandas as pd
    >>> refuse_dataframe(pd.DataFrame({"id": ["a"], "text": ["Er kam."]}), "compare")
    Traceback (most recent call last):
    TypeError: compare() bekommt einen pandas DataFrame (DataFrame), nicht die Texte: übergeben Sie die Textspalte, z. B. compare(df["text"]), oder mit den übrigen Spalten als Metadaten compare(df.to_dict("records"))
    """
    cls = type(value)
    if cls.__name__ != "DataFrame" or not cls.__module__.startswith("pandas"):
        return
    columns = [str(c) for c in value.columns]
    column = next((c for c in _TEXT_COLUMNS if c in columns), None)
    if column is None:  # else the column holding the longest strings
        lengths = {}
        for name in value.columns:
            sample = [v for v in value[name].head(20).tolist() if isinstance(v, str)]
            if sample:
                lengths[str(name)] = sum(map(len, sample)) / len(sample)
        column = max(lengths, key=lengths.__getitem__) if lengths else None
    column = column or (columns[0] if columns else "text")
    records = (
        'df.to_dict("records")'
        if column == "text"
        else f'df.rename(columns={{{column!r}: "text"}}).to_dict("records")'
    )
    if where == "analyze":
        raise TypeError(
            f"analyze() analysiert einen Text, keinen pandas DataFrame ({cls.__name__}): für "
            f"die ganze Tabelle compare(df[{column!r}]), für eine Zeile analyze(df[{column!r}].iloc[0])".replace(
                "'", '"'
            )
        )
    raise TypeError(
        f"{where}() bekommt einen pandas DataFrame ({cls.__name__}), nicht die Texte: "
        f"übergeben Sie die Textspalte, z. B. {where}(df[{column!r}]), oder mit den "
        f"übrigen Spalten als Metadaten {where}({records})".replace("'", '"')
    )


def _metadata_of(item: Any) -> dict[str, Any]:
    if isinstance(item, str | Document):
        return {}
    meta: dict[str, Any] = {}
    for key in METADATA_COLUMNS:
        value = item.get(key) if isinstance(item, Mapping) else getattr(item, key, None)
        if value is not None:
            meta[key] = value
    return meta


def items_of(docs: Any) -> list[tuple[dict[str, Any], str]]:
    """(metadata, text) pairs from a corpus, Documents, strings, or a ``{name: text}`` dict.

    >>> items_of({"dpa": "Der Kreml bestätigte das Telefonat."})[0][0]
    {'id': 'dpa'}
    """
    if isinstance(docs, bytes | bytearray | memoryview):
        raise TypeError(
            f"compare() takes texts, not {type(docs).__name__}: decode it first, e.g. data.decode('utf-8')"
        )
    refuse_dataframe(docs, "compare")
    if isinstance(docs, str | Document) or hasattr(docs, "body"):
        docs = [docs]
    if isinstance(docs, Mapping):
        return [({"id": str(k)}, check_text(v, what=f"text {k!r}")) for k, v in docs.items()]
    if docs is None or not isinstance(docs, Iterable):
        raise TypeError(
            f"compare() takes a corpus, a list of texts or Documents, or a dict of texts, not {type(docs).__name__}"
        )
    items = []
    for number, doc in enumerate(docs, start=1):
        if isinstance(doc, Document):
            items.append(({"id": doc.meta.get("id", f"text {number}"), **doc.meta}, doc.text))
        elif isinstance(doc, str):
            items.append(({"id": f"text {number}"}, doc))
        elif hasattr(doc, "body"):
            meta = _metadata_of(doc)
            items.append((meta, check_text(doc.body, what=f"body of {meta.get('id', number)}")))
        elif isinstance(doc, Mapping) and "text" in doc:
            meta = {k: v for k, v in doc.items() if k != "text"}
            meta.setdefault("id", f"text {number}")
            items.append((meta, check_text(doc["text"], what=f"text {meta['id']!r}")))
        else:
            raise TypeError(
                f"item {number} of compare() is a {type(doc).__name__}; expected a str, a Document "
                "or a corpus document"
            )
    return items


def comment_items(docs: Any) -> list[tuple[dict[str, Any], str]]:
    """(metadata, text) pairs for the reader comments of each document (genre "reader comments").

    >>> comment_items(["Ein Text ohne Kommentare."])
    []
    """
    rows = []
    for doc in docs if isinstance(docs, Iterable) and not isinstance(docs, str | Mapping) else []:
        comments = getattr(doc, "comments", None)
        if not comments:
            continue
        text = "\n\n".join(getattr(c, "text", str(c)) for c in comments)
        meta = _metadata_of(doc)
        meta.update(
            id=f"{meta.get('id', '?')}-comments",
            genre="reader comments",
            title=f"Leserkommentare zu: {meta.get('title', '')}".strip(),
        )
        rows.append((meta, text))
    return rows


def compare(
    docs: Any = None,
    *,
    comments: bool = False,
    relative_to: str | None = None,
    how: str = "ratio",
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per document, metadata and metric columns: a tidy pandas DataFrame.

    ``docs`` is the corpus (default: :func:`mediakit.load_corpus`), a list of
    ``Document``s or strings, or a ``{name: text}`` dict. ``comments=True`` adds each
    document's reader comments as a row of its own (genre ``"reader comments"``).
    ``relative_to="dpa"`` (an id or an outlet) shows every metric relative to that
    document: ``how="ratio"`` (value / reference) or ``"difference"``.

    >>> df = compare({"dpa": "Der Kreml bestätigte das Telefonat.", "Blog": "Totale Funkstille!"})
    >>> list(df["id"])
    ['dpa', 'Blog']
    """
    import pandas as pd

    if docs is None:
        from .corpus import load_corpus

        docs = load_corpus()
    items = items_of(docs)
    if comments:
        items += comment_items(docs)
    if how not in {"ratio", "difference"}:
        raise ValueError(f"how must be 'ratio' or 'difference', not {how!r}")
    records = list(analyze_many(items, progress=progress))
    frame = pd.DataFrame.from_records(records)
    for column in reversed(METADATA_COLUMNS):
        if column not in frame.columns:
            frame.insert(0, column, None)
    ordered = [*METADATA_COLUMNS, *[c for c in frame.columns if c not in METADATA_COLUMNS]]
    frame = frame[ordered]
    if relative_to is not None:
        frame = _relative(frame, relative_to, how)
    return frame


def find_reference(rows: Iterable[Mapping[str, Any]], reference: str) -> int:
    """The position of the document whose id or outlet is ``reference`` (any case).

    An id wins over an outlet; an unknown reference raises a German ``ValueError``
    that lists the ids and outlets there are.

    >>> find_reference([{"id": "000", "outlet": "TKP"}, {"id": "002", "outlet": "dpa"}], "DPA")
    1
    """
    rows = list(rows)
    if not isinstance(reference, str):
        raise TypeError(
            f"relative_to braucht eine id oder ein Medium als Text (str), nicht {type(reference).__name__}"
        )
    key = reference.strip().casefold()
    for field_name in ("id", "outlet"):
        for number, row in enumerate(rows):
            value = row.get(field_name)
            if value is not None and str(value).strip().casefold() == key:
                return number
    ids = ", ".join(str(r.get("id")) for r in rows)
    outlets = ", ".join(dict.fromkeys(str(r["outlet"]) for r in rows if r.get("outlet")))
    raise ValueError(
        f"relative_to={reference!r}: kein Text hat diese id oder dieses Medium "
        f"(ids: {ids}{'; Medien: ' + outlets if outlets else ''})"
    )


def _relative(frame: pd.DataFrame, reference: str, how: str) -> pd.DataFrame:
    position = find_reference(frame.to_dict("records"), reference)
    ref = frame.iloc[position]
    out = frame.copy()
    out.attrs["relative_to"] = reference
    out.attrs["how"] = how
    for column in out.columns:
        if column in METADATA_COLUMNS or not _is_numeric(out[column]):
            continue
        base = float(ref[column])
        if how == "difference":
            out[column] = out[column] - base
        else:
            out[column] = out[column] / base if base and math.isfinite(base) else math.nan
    return out


def _is_numeric(series: Any) -> bool:
    from pandas.api.types import is_numeric_dtype

    return is_numeric_dtype(series)


def _record_of(item: tuple[dict[str, Any], str]) -> dict[str, Any]:
    meta, text = item
    return analyze_record(text, meta)


def analyze_many(
    texts: Iterable[Any],
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    chunksize: int = 16,
) -> Iterator[dict[str, Any]]:
    """Stream one metrics record (a dict: metadata + metrics) per text, in input order.

    ``texts`` may hold strings, ``(metadata, text)`` pairs, corpus documents or
    ``{"text": ..., "id": ...}`` dicts. ``n_jobs`` > 1 uses up to that many processes
    (``-1``: all cores; never more than the texts or the cores), but only when the
    work would take more than :data:`PARALLEL_AFTER_SECONDS` CPU seconds serially (the
    cost per text is measured on the first texts); else it stays serial. A tqdm
    progress bar shows on long runs (more than 50 texts
    when the length is known); ``progress=True/False`` forces it on or off. Memory
    stays flat: no text, parse or record is kept once its record is yielded.

    >>> [r["sentences"] for r in analyze_many(["Er kam.", "Sie ging. Er blieb."])]
    [1.0, 2.0]
    """
    refuse_dataframe(texts, "analyze_many")
    if isinstance(texts, str | Document):
        raise TypeError("analyze_many() takes an iterable of texts; for one text use analyze()")
    if isinstance(texts, bytes | bytearray | memoryview) or not isinstance(texts, Iterable):
        raise TypeError(f"analyze_many() takes an iterable of texts, not {type(texts).__name__}")
    total = len(texts) if isinstance(texts, Sized) else None
    items = (_normalise_item(number, item) for number, item in enumerate(texts, start=1))
    if n_jobs == -1:
        n_jobs = _cores()
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive int or -1, not {n_jobs!r}")
    show = progress if progress is not None else (total is None or total > 50)
    n_jobs = min(n_jobs, _cores(), total if total is not None else n_jobs)
    if n_jobs <= 1:
        results: Iterator[dict[str, Any]] = map(_record_of, items)
        yield from _with_progress(results, total, show)
        return
    yield from _with_progress(
        _serial_until_parallel_pays(items, n_jobs, chunksize, total), total, show
    )


#: Worker processes pay only when the serial work still to do exceeds this many CPU
#: seconds: starting them, and their cold word memos, cost about that much.
PARALLEL_AFTER_SECONDS = 2.0
#: CPU seconds of serial work over which the cost per text is measured first.
_PROBE_SECONDS = 0.3


def _cores() -> int:
    """The cores this process may run on (the affinity mask, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _serial_until_parallel_pays(
    items: Iterator[tuple[dict[str, Any], str]], n_jobs: int, chunksize: int, total: int | None
) -> Iterator[dict[str, Any]]:
    """Records in input order: serially while the cost per text is measured, then in
    ``n_jobs`` processes if the rest would take longer than :data:`PARALLEL_AFTER_SECONDS`
    serially (a stream of unknown length: if it is still going), else serially to the end."""
    import time

    started = time.process_time()
    for done, item in enumerate(items, start=1):
        yield _record_of(item)
        spent = time.process_time() - started
        if spent >= min(_PROBE_SECONDS, PARALLEL_AFTER_SECONDS):
            remaining = None if total is None else total - done
            if remaining is None or spent / done * remaining > PARALLEL_AFTER_SECONDS:
                yield from _parallel(items, n_jobs, chunksize)
            else:
                yield from map(_record_of, items)
            return


def _parallel(
    items: Iterator[tuple[dict[str, Any], str]], n_jobs: int, chunksize: int
) -> Iterator[dict[str, Any]]:
    """Records in input order from worker processes, with a bounded number of chunks
    in flight, so a stream of 100,000 texts is never read into memory at once."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    chunksize = max(1, int(chunksize))
    window = 2 * n_jobs
    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < window:
                chunk = list(islice(items, chunksize))
                if not chunk:
                    break
                pending.append(pool.submit(_records_of, chunk))
            if not pending:
                return
            yield from pending.popleft().result()


def _records_of(chunk: list[tuple[dict[str, Any], str]]) -> list[dict[str, Any]]:
    return [_record_of(item) for item in chunk]


def _normalise_item(number: int, item: Any) -> tuple[dict[str, Any], str]:
    what = f"item {number} of analyze_many()"
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Mapping):
        return dict(item[0]), check_text(item[1], what=what)
    if isinstance(item, str):
        return {}, check_text(item, what=what)
    if isinstance(item, Document):
        return dict(item.meta), item.text
    if hasattr(item, "body"):
        return _metadata_of(item), check_text(item.body, what=f"body of {what}")
    if isinstance(item, Mapping) and "text" in item:
        meta = {k: v for k, v in item.items() if k != "text"}
        return meta, check_text(item["text"], what=what)
    return {}, check_text(item, what=what)


def _with_progress(results: Iterator[Any], total: int | None, show: bool) -> Iterator[Any]:
    if not show:
        yield from results
        return
    from tqdm.auto import tqdm

    yield from tqdm(results, total=total, desc="mediakit", unit="text")
