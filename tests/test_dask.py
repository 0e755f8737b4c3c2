"""The Dask helpers on a real local cluster (two worker processes) give the serial numbers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402

from mediakit.analysis import analyze_record  # noqa: E402
from mediakit.dask import (  # noqa: E402
    analyze_bag,
    analyze_dataframe,
    analyze_item,
    metric_names,
    metrics_meta,
)

# Our own German test texts (agency style, blog style, a comment, a headline, empty).
TEXTS = [
    "Moskau (dpa) - Kremlsprecher Dmitri Peskow hat das Telefonat bestätigt. "
    "„Das Gespräch dauerte etwa eineinhalb Stunden“, sagte Peskow am Mittwoch.",
    "Die sogenannten „Friedensgespräche“ sind eine einzige Farce! Die Marionetten in "
    "Brüssel toben, während Trump völlig zu Recht auf Verhandlungen drängt.",
    "Na endlich redet mal jemand vernünftig miteinander. Wurde auch Zeit!!!",
    "Trump und Putin telefonieren",
    "",
    "Selenskyj erklärte, die Ukraine werde keine Vereinbarung akzeptieren, die ohne "
    "sie getroffen werde.\n\nDie EU reagierte zurückhaltend.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Our texts, plus the five real seed texts when ../shared is there."""
    shared = Path(os.environ.get("MEDIAKIT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    seeds = sorted((shared / "seeds").glob("*.txt")) if (shared / "seeds").is_dir() else []
    return [*TEXTS, *(p.read_text(encoding="utf-8") for p in seeds)]


def test_bag_on_a_local_cluster_matches_the_serial_run(client, texts) -> None:
    items = [{"id": f"t{i}", "text": text} for i, text in enumerate(texts)]
    bag = db.from_sequence(items, npartitions=4)
    records = analyze_bag(bag).compute()
    serial = [analyze_record(item["text"], {"id": item["id"]}) for item in items]
    assert repr(records) == repr(serial)  # repr: NaN (a text without words) != NaN
    workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2


def test_bag_of_plain_strings_and_pairs(client) -> None:
    bag = db.from_sequence([TEXTS[0], ({"id": "pair"}, TEXTS[1])], npartitions=2)
    first, second = analyze_bag(bag).compute()
    assert first == analyze_record(TEXTS[0])
    assert second == analyze_record(TEXTS[1], {"id": "pair"})


def test_dataframe_on_a_local_cluster_matches_the_serial_run(client, texts) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe", reason="dask.dataframe needs pyarrow")
    frame = pd.DataFrame(
        {"id": [f"t{i}" for i in range(len(texts))], "text": texts, "year": 2025},
        index=pd.RangeIndex(100, 100 + len(texts)),
    )
    ddf = dd.from_pandas(frame, npartitions=3)
    lazy = analyze_dataframe(ddf, meta_columns=["id", "year"])
    assert list(lazy.columns) == ["id", "year", *metric_names()]
    result = lazy.compute()
    serial = pd.DataFrame.from_records(
        [
            analyze_record(t, {"id": i, "year": 2025})
            for i, t in zip(frame["id"], texts, strict=True)
        ],
        index=frame.index,
    )
    assert list(result.index) == list(frame.index)  # joins back onto the input
    pd.testing.assert_frame_equal(result, serial[list(result.columns)], check_dtype=False)
    assert all(str(result[name].dtype) == "float64" for name in metric_names())
    # the bag route gives the same table
    bag = db.from_sequence(frame[["id", "text"]].to_dict("records"), npartitions=2)
    via_bag = analyze_bag(bag).to_dataframe(meta=metrics_meta(["id"])).compute()
    assert via_bag["words"].tolist() == result["words"].tolist()


def test_meta_lists_metadata_then_float_metrics() -> None:
    meta = metrics_meta(["id"])
    assert len(meta) == 0
    assert list(meta.columns) == ["id", *metric_names()]
    assert meta["words"].dtype == "float64"
    assert {"words", "sentences"} <= set(metric_names())


def test_bad_input_is_named() -> None:
    with pytest.raises(TypeError, match=r"dask\.bag\.Bag"):
        analyze_bag(TEXTS)
    with pytest.raises(TypeError, match="int"):
        analyze_item(42)
    with pytest.raises(ValueError, match="'text'"):
        analyze_item({"body": "Hallo."})
    with pytest.raises(TypeError, match="bytes"):
        analyze_item({"text": b"Hallo."})


def test_dataframe_checks_its_columns() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe", reason="dask.dataframe needs pyarrow")
    ddf = dd.from_pandas(pd.DataFrame({"body": ["Hallo."]}), npartitions=1)
    with pytest.raises(ValueError, match="text"):
        analyze_dataframe(ddf)
    with pytest.raises(TypeError, match="dask DataFrame"):
        analyze_dataframe(pd.DataFrame({"text": ["Hallo."]}))


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r'pip install "mediakit\[dask\]"'):
        analyze_bag(object())
