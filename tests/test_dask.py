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
    # repr: NaN (a share of no quotations) != NaN
    assert repr(first) == repr(analyze_record(TEXTS[0]))
    assert repr(second) == repr(analyze_record(TEXTS[1], {"id": "pair"}))


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


# ---------------------------------------------------------------------------
# Files in, partitions out (issue 14): the workers read and write, the client lists
# ---------------------------------------------------------------------------

_WORDS = [
    "Der",
    "Kreml",
    "bestätigte",
    "das",
    "Telefonat",
    "am",
    "Mittwoch",
    ".",
    "Kritiker",
    "nennen",
    "den",
    "Plan",
    "eine",
    "völlig",
    "verfahrene",
    "Farce",
    ",",
    "sagte",
    "ein",
    "Sprecher",
    "in",
    "Brüssel",
    ".",
]


def _write_texts(folder: Path, n: int) -> dict[str, str]:
    import random

    rng = random.Random(n)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for i in range(n):
        text = f"Meldung {i}\n\n" + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 15)))
        texts[f"t{i:05d}"] = text
        (folder / f"t{i:05d}.txt").write_text(text, encoding="utf-8")
    return texts


@pytest.mark.slow
def test_a_folder_of_10000_files_via_python_m_mediakit_dask(tmp_path: Path) -> None:
    """The documented command on its own LocalCluster (2 workers): a row for every file."""
    pd = pytest.importorskip("pandas")
    from mediakit.dask import main

    texts = _write_texts(tmp_path / "texte", 10_000)
    out = tmp_path / "ergebnisse"
    code = main(
        [
            str(tmp_path / "texte"),
            "--out",
            str(out),
            "--workers",
            "2",
            "--files-per-partition",
            "1000",
        ]
    )
    assert code == 0
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) == 10
    table = pd.read_parquet(out)
    assert len(table) == 10_000 and set(table["id"]) == set(texts)
    assert table["error"].isna().all()
    for name in ("t00000", "t04711", "t09999"):
        row = table[table["id"] == name].iloc[0]
        serial = analyze_record(texts[name])
        assert {k: row[k] for k in metric_names()} == pytest.approx(serial, nan_ok=True)
        assert row["path"] == f"{name}.txt" and row["title"] == f"Meldung {int(name[1:])}"


def test_only_a_summary_comes_back_and_no_file_is_lost(client, tmp_path: Path) -> None:
    """Unreadable files get a row saying why; the client receives one line per partition."""
    pd = pytest.importorskip("pandas")
    from mediakit.dask import analyze_files

    texts = _write_texts(tmp_path / "texte", 30)
    (tmp_path / "texte" / "Müller.txt").write_bytes("Müller sagte nichts.".encode("latin-1"))
    (tmp_path / "texte" / "leer.txt").write_bytes(b"")
    (tmp_path / "texte" / "binär.txt").write_bytes(bytes(range(256)) * 4)
    os.mkfifo(tmp_path / "texte" / "fifo.txt")
    summary = analyze_files(tmp_path / "texte", tmp_path / "out", files_per_partition=8)
    assert list(summary.columns) == ["partition", "files", "errors", "output"]
    assert len(summary) == 5 and summary["files"].sum() == 34
    table = pd.read_parquet(tmp_path / "out")
    assert len(table) == 34
    failed = {
        i: e if isinstance(e, str) else "" for i, e in zip(table["id"], table["error"], strict=True)
    }
    assert failed["fifo"] and "regular file" in failed["fifo"]
    assert failed["leer"] and failed["binär"]
    assert not any(failed[name] for name in texts)
    # a cp1252/latin-1 file is read with a warning, or refused with a reason: never lost
    assert "Müller" in failed


def test_csv_partitions_and_an_existing_output_is_kept(client, tmp_path: Path) -> None:
    import csv

    from mediakit.dask import analyze_files

    texts = _write_texts(tmp_path / "texte", 12)
    out = tmp_path / "out"
    analyze_files(tmp_path / "texte", out, files_per_partition=5, output_format="csv")
    files = sorted(out.glob("part-*.csv"))
    assert [f.name for f in files] == ["part-00000.csv", "part-00001.csv", "part-00002.csv"]
    rows = [r for f in files for r in csv.DictReader(f.open(encoding="utf-8"))]
    assert sorted(r["id"] for r in rows) == sorted(texts)
    before = files[0].read_bytes()
    with pytest.raises(FileExistsError, match="schon Ergebnisse"):
        analyze_files(tmp_path / "texte", out, output_format="csv")
    assert files[0].read_bytes() == before
    assert not list(out.glob(".*partial"))


def test_parquet_partitions_are_read_and_written_by_the_workers(client, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from mediakit.dask import analyze_parquet

    source = tmp_path / "artikel"
    source.mkdir()
    for part in range(3):
        frame = pd.DataFrame({"id": [f"{part}-{i}" for i in range(len(TEXTS))], "text": TEXTS})
        frame.to_parquet(source / f"part{part}.parquet")
    assert analyze_parquet(source, tmp_path / "out", meta_columns=["id"]) == 3
    table = pd.read_parquet(tmp_path / "out")
    assert len(table) == 3 * len(TEXTS)
    first = table[table["id"] == "0-0"].iloc[0]
    assert first["words"] == analyze_record(TEXTS[0])["words"]


def test_the_command_refuses_a_missing_folder(tmp_path: Path, capsys) -> None:
    from mediakit.dask import main

    assert main([str(tmp_path / "fehlt"), "--out", str(tmp_path / "out")]) == 2
    assert "nicht gefunden" in capsys.readouterr().err
