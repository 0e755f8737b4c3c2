"""Batch runs: ``analyze_many`` streams records in input order, in one or more processes."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import ClassVar

import pytest

import mediakit
from mediakit.analysis import analyze_many, analyze_record


def _same_record(a: dict, b: dict) -> bool:
    """Equal records, NaN equal to NaN (a dict compares NaN by identity, which the
    compiled core does not keep)."""
    return a.keys() == b.keys() and all(
        a[k] == b[k] or (isinstance(a[k], float) and a[k] != a[k] and b[k] != b[k]) for k in a
    )


# Written for these tests (not taken from any data set): an agency-style report, a
# loaded blog paragraph, a reader comment, a headline and an empty body.
TEXTS = [
    "Moskau (dpa) - Kremlsprecher Dmitri Peskow hat das Telefonat bestätigt. "
    "„Das Gespräch dauerte etwa eineinhalb Stunden“, sagte Peskow am Mittwoch. "
    "Beide Seiten hätten vereinbart, in Kontakt zu bleiben.",
    "Die sogenannten „Friedensgespräche“ sind eine einzige Farce! Die Marionetten in "
    "Brüssel toben, während Trump völlig zu Recht auf Verhandlungen drängt.",
    "Na endlich redet mal jemand vernünftig miteinander. Wurde auch Zeit!!!",
    "Trump und Putin telefonieren",
    "",
    "Laut Weißem Haus soll ein Treffen in Saudi-Arabien folgen. Selenskyj erklärte, "
    "die Ukraine werde keine Vereinbarung akzeptieren, die ohne sie getroffen werde. "
    "Er sprach von einem gefährlichen Signal.\n\nDie EU reagierte zurückhaltend.",
]


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Processes even for a short run, so the parallel path itself is tested."""
    from mediakit import analysis

    monkeypatch.setattr(analysis, "PARALLEL_AFTER_SECONDS", 0.0)


def _many(n: int) -> list[str]:
    """``n`` distinct short texts (distinct, so no parse cache hides work or order)."""
    return [f"{TEXTS[i % 4]} Meldung Nummer {i}." for i in range(n)]


def test_records_hold_metadata_and_metrics_in_input_order() -> None:
    items = [({"id": f"doc{i}"}, text) for i, text in enumerate(TEXTS)]
    records = list(analyze_many(items, progress=False))
    assert [r["id"] for r in records] == [f"doc{i}" for i in range(len(TEXTS))]
    for record, text in zip(records, TEXTS, strict=True):
        assert _same_record(record, analyze_record(text, {"id": record["id"]}))
    assert records[4]["words"] == 0.0  # the empty body
    assert records[3]["sentences"] == 1.0  # a headline is one sentence
    assert records[0]["words"] > records[2]["words"]


def test_returns_a_lazy_iterator_that_streams() -> None:
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Satz Nummer {i} kommt hier."

    stream = analyze_many(endless(), progress=False)
    assert not isinstance(stream, list)
    first_three = list(itertools.islice(stream, 3))
    assert [r["words"] for r in first_three] == [5.0, 5.0, 5.0]
    assert pulled <= 4  # it did not try to read the endless input


def test_parallel_run_reads_input_lazily(always_parallel) -> None:
    pulled = 0

    def texts():
        nonlocal pulled
        for text in _many(3000):
            pulled += 1
            yield text

    stream = analyze_many(texts(), n_jobs=2, progress=False, chunksize=8)
    next(stream)
    read_before_first_result = pulled
    stream.close()
    assert read_before_first_result < 1000


def test_two_processes_give_the_same_numbers_as_serial(shared, always_parallel) -> None:
    seeds = sorted(shared("seeds").glob("*.txt"))
    texts = [*TEXTS, *_many(40), *(p.read_text(encoding="utf-8") for p in seeds)]
    items = [({"id": i}, text) for i, text in enumerate(texts)]
    serial = list(analyze_many(items, n_jobs=1, progress=False))
    parallel = list(analyze_many(items, n_jobs=2, progress=False, chunksize=3))
    assert [r["id"] for r in parallel] == list(range(len(texts)))
    # repr, not ==: a text without words has NaN figures, and NaN != NaN
    assert repr(parallel) == repr(serial)


def test_two_processes_without_shared_data(always_parallel) -> None:
    texts = _many(30)
    # repr: NaN (a share of no quotations) != NaN
    assert repr(list(analyze_many(texts, n_jobs=2, progress=False, chunksize=4))) == repr(
        list(analyze_many(texts, progress=False))
    )


def test_generator_input_gives_the_same_records_as_a_list() -> None:
    texts = _many(12)
    from_list = list(analyze_many(texts, progress=False))
    from_generator = list(analyze_many((t for t in texts), progress=False))
    assert repr(from_generator) == repr(from_list)  # repr: NaN != NaN
    assert len(from_list) == 12


def test_progress_bar_on_long_runs_only(capsys: pytest.CaptureFixture[str]) -> None:
    list(analyze_many(_many(60)))
    long_run = capsys.readouterr().err
    assert "60/60" in long_run and "mediakit" in long_run

    list(analyze_many(_many(5)))
    assert capsys.readouterr().err == ""

    list(analyze_many(_many(60), progress=False))
    assert capsys.readouterr().err == ""

    list(analyze_many(_many(3), progress=True))
    assert "3/3" in capsys.readouterr().err


def test_accepts_mappings_and_corpus_documents() -> None:
    records = list(
        analyze_many(
            [{"id": "blog", "outlet": "TKP", "text": TEXTS[1]}, TEXTS[0]],
            progress=False,
        )
    )
    assert records[0]["id"] == "blog" and records[0]["outlet"] == "TKP"
    assert records[0]["words"] == analyze_record(TEXTS[1])["words"]
    try:
        corpus = mediakit.load_corpus()
    except (ImportError, AttributeError, FileNotFoundError):
        pytest.skip("mediakit.load_corpus is not available yet")
    first = next(iter(corpus))
    record = next(analyze_many([first], progress=False))
    assert record["id"] == first.id
    assert record["words"] == analyze_record(first.body)["words"]


@pytest.mark.parametrize("n_jobs", [0, -2, 1.5, "2"])
def test_bad_n_jobs_is_a_value_error(n_jobs: object) -> None:
    with pytest.raises((ValueError, TypeError), match="n_jobs"):
        list(analyze_many(["Ein Satz."], n_jobs=n_jobs))


def test_a_bad_item_names_its_position() -> None:
    stream = analyze_many(["Ein guter Satz.", None], progress=False)
    assert next(stream)["words"] == 3.0
    with pytest.raises(TypeError, match="2"):
        next(stream)


def test_csv_of_a_batch_run_from_the_command_line(tmp_path: Path) -> None:
    cli = pytest.importorskip("mediakit.cli", reason="mediakit.cli has not landed yet")
    folder = tmp_path / "texte"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:4]):
        (folder / f"text{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    code = cli.main(["compare", str(folder), "--jobs", "2", "--csv", str(out)])
    assert code in (0, None)
    import pandas as pd

    table = pd.read_csv(out)
    assert len(table) == 4
    expected = sorted(analyze_record(t)["words"] for t in TEXTS[:4])
    assert sorted(table["words"]) == expected


class _Pools:
    """Stands in for ProcessPoolExecutor and records each pool's size."""

    sizes: ClassVar[list[int]] = []

    def __init__(self, max_workers: int) -> None:
        from concurrent.futures import ThreadPoolExecutor

        _Pools.sizes.append(max_workers)
        self.pool = ThreadPoolExecutor(max_workers)

    def __enter__(self):
        return self.pool.__enter__()

    def __exit__(self, *args):
        return self.pool.__exit__(*args)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import concurrent.futures

    _Pools.sizes = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Pools)
    return _Pools.sizes


def test_a_short_run_stays_serial(pools: list[int]) -> None:
    texts = _many(20)
    parallel = list(analyze_many(texts, n_jobs=2, progress=False))
    serial = list(analyze_many(texts, progress=False))
    assert len(parallel) == len(serial)
    assert all(_same_record(a, b) for a, b in zip(parallel, serial, strict=True))
    assert pools == []  # 20 short texts: starting processes would not pay


def test_processes_never_outnumber_the_cores_or_the_texts(
    pools: list[int], always_parallel
) -> None:
    from mediakit.analysis import _cores

    texts = _many(5)
    records = list(analyze_many(texts, n_jobs=1000, progress=False, chunksize=1))
    assert [r["words"] for r in records] == [
        r["words"] for r in analyze_many(texts, progress=False)
    ]
    assert pools or _cores() == 1
    assert all(size <= min(_cores(), 5) for size in pools)
