"""The command line never destroys a file: inputs, links, failed runs, devices, signals.

Every case checks the exit code and that the file that was there before is intact byte
for byte (issue 14, item 2).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediakit import cli
from mediakit.cli import main

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = (
    "Gespräch in Moskau\n\n"
    "Der Kremlsprecher sagte am Mittwoch: „Das Telefonat war konstruktiv.“ "
    "Beide Seiten wollten weiter verhandeln, hieß es.\n\n"
    "Kritiker sprechen von einem völlig unverständlichen Schmusekurs."
)
OLD = b"id,words\nalt,1\n\xe4 kein UTF-8, bleibt wie es ist\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("option", ["--csv", "--json", "--html"])
def test_an_output_that_is_the_input_is_refused(article, capsys, option):
    before = article.read_bytes()
    assert main(["compare", str(article), option, str(article)]) == 2
    err = capsys.readouterr().err
    assert "würde die Eingabe" in err and "überschreiben" in err
    assert article.read_bytes() == before


@pytest.mark.parametrize("kind", ["symlink", "hardlink", "dotted"])
def test_an_output_that_is_the_input_through_a_link_is_refused(article, capsys, kind):
    before = article.read_bytes()
    if kind == "symlink":
        target = article.parent / "werte.csv"
        target.symlink_to(article)
    elif kind == "hardlink":
        target = article.parent / "werte.csv"
        os.link(article, target)
    else:
        (article.parent / "sub").mkdir()
        target = article.parent / "sub" / ".." / article.name
    assert main(["compare", str(article.parent), "--csv", str(target)]) == 2
    assert "würde die Eingabe" in capsys.readouterr().err
    assert article.read_bytes() == before


def test_highlight_refuses_its_input_also_through_a_link(article, capsys):
    before = article.read_bytes()
    link = article.parent / "seite.html"
    link.symlink_to(article)
    assert main(["highlight", str(article), "-o", str(link)]) == 2
    assert "würde die Eingabe" in capsys.readouterr().err
    assert article.read_bytes() == before


def test_two_outputs_into_one_file_are_refused(article, tmp_path, capsys):
    out = tmp_path / "werte.txt"
    out.write_bytes(OLD)
    assert main(["compare", str(article), "--csv", str(out), "--json", str(out)]) == 2
    assert "dieselbe Datei" in capsys.readouterr().err
    assert out.read_bytes() == OLD


def test_an_existing_output_is_untouched_when_the_run_fails(article, tmp_path, capsys):
    out = tmp_path / "werte.csv"
    out.write_bytes(OLD)
    # fails after the analysis: an unknown column
    assert main(["compare", str(article), "--csv", str(out), "--columns", "wordz"]) == 2
    capsys.readouterr()
    assert out.read_bytes() == OLD
    # fails before: the second output's folder does not exist
    missing = tmp_path / "fehlt" / "werte.json"
    assert main(["compare", str(article), "--csv", str(out), "--json", str(missing)]) == 2
    assert "existiert nicht" in capsys.readouterr().err
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_failing_write_leaves_the_old_files_and_no_temporary_file(
    article, tmp_path, capsys, monkeypatch
):
    csv_out, json_out = tmp_path / "werte.csv", tmp_path / "werte.json"
    csv_out.write_bytes(OLD)
    json_out.write_bytes(OLD)
    calls = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the CSV is written, the JSON fails: neither may change
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "fsync", full_disk)
    code = main(["compare", str(article), "--csv", str(csv_out), "--json", str(json_out)])
    assert code == 2
    assert "No space left on device" in capsys.readouterr().err
    assert csv_out.read_bytes() == OLD and json_out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_replacing_a_file_is_said_and_a_new_file_gets_the_usual_mode(article, tmp_path, capsys):
    out = tmp_path / "werte.csv"
    assert main(["compare", str(article), "--csv", str(out)]) == 0
    err = capsys.readouterr().err
    assert "CSV geschrieben" in err and "ersetzt" not in err
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o600)
    assert main(["compare", str(article), "--csv", str(out)]) == 0
    assert "CSV ersetzt (die vorige Datei ist überschrieben)" in capsys.readouterr().err
    assert out.stat().st_mode & 0o777 == 0o600  # the old file's mode is kept
    assert next(csv.DictReader(out.open(encoding="utf-8")))["id"] == "artikel"
    assert leftovers(tmp_path) == []


def test_an_output_through_a_link_replaces_the_file_it_points_to(article, tmp_path, capsys):
    real = tmp_path / "echt.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["compare", str(article), "--json", str(link)]) == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))[0]["id"] == "artikel"
    assert "ersetzt" in capsys.readouterr().err


def run_command(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mediakit", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "wartet.txt"
    os.mkfifo(fifo)
    done = run_command("compare", str(fifo), timeout=60)  # a blocked read would time out
    assert done.returncode == 2
    assert "keine normale Datei" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused_not_read(tmp_path):
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/zero")
    done = run_command("compare", str(link), timeout=60)
    assert done.returncode == 2
    assert "keine normale Datei" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_and_devices_in_a_folder_are_passed_over(tmp_path, capsys):
    (tmp_path / "gut.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "wartet.txt")
    (tmp_path / "null.txt").symlink_to("/dev/zero")
    assert main(["compare", str(tmp_path), "--columns", "words"]) == 0
    out = capsys.readouterr().out
    assert "gut" in out and "wartet" not in out and "null" not in out


def test_the_reader_refuses_what_is_not_a_regular_file(tmp_path):
    from mediakit.extract import read_text_file

    if not hasattr(os, "mkfifo"):
        pytest.skip("needs FIFOs")
    fifo = tmp_path / "wartet.txt"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="keine normale Datei"):
        read_text_file(fifo)


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path, capsys):
    folder = tmp_path / "texte"
    folder.mkdir()
    (folder / "gut.txt").write_text(ARTICLE, encoding="utf-8")
    latin1 = os.fsdecode(b"M\xfcller.txt")
    (folder / latin1).write_text(ARTICLE, encoding="utf-8")
    csv_out, json_out = tmp_path / "werte.csv", tmp_path / "werte.json"
    csv_out.write_bytes(OLD)
    assert main(["compare", str(folder), "--csv", str(csv_out), "--json", str(json_out)]) == 0
    out = capsys.readouterr().out
    assert "M\\xfcller" in out
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["M\\xfcller", "gut"]
    records = json.loads(json_out.read_text(encoding="utf-8"))
    assert records[0]["id"] == "M\\xfcller" and "\\xfc" in records[0]["path"]
    # one explicit file with such a name: refused or read, never a crash
    assert main(["compare", str(folder / latin1), "--columns", "words"]) == 0
    assert "M\\xfcller" in capsys.readouterr().out


def test_jobs_are_capped_at_files_and_cores(tmp_path, monkeypatch, capsys):
    import mediakit.analysis

    for number in range(3):
        (tmp_path / f"t{number}.txt").write_text(ARTICLE, encoding="utf-8")
    seen = []
    real = mediakit.analysis.analyze_many

    def spy(items, *, n_jobs=1, **kwargs):
        seen.append(n_jobs)
        return real(items, n_jobs=1, **kwargs)

    monkeypatch.setattr(mediakit.analysis, "analyze_many", spy)
    assert main(["compare", str(tmp_path), "--jobs", "1000", "--columns", "words"]) == 0
    assert seen == [min(3, os.cpu_count() or 1)]
    assert cli._capped_jobs(4, 40) == min(4, os.cpu_count() or 1)


def test_compare_html_reuses_its_analyses(tmp_path, monkeypatch, capsys):
    import mediakit.analysis

    for number in range(3):
        (tmp_path / f"t{number}.txt").write_text(ARTICLE + f" Nachtrag {number}.", encoding="utf-8")
    calls = []
    real = mediakit.analysis.analyze

    def counting(text, **kwargs):
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(mediakit.analysis, "analyze", counting)
    report = tmp_path / "bericht.html"
    assert main(["compare", str(tmp_path), "--html", str(report)]) == 0
    assert len(calls) == 3
    page = report.read_text(encoding="utf-8")
    assert page.count('class="mk-highlight"') == 3


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores")
def test_compare_html_with_two_processes_gives_the_same_report(tmp_path, capsys):
    folder = tmp_path / "texte"
    folder.mkdir()
    for number in range(4):
        (folder / f"t{number}.txt").write_text(ARTICLE + f" Nachtrag {number}.", encoding="utf-8")
    serial, parallel = tmp_path / "serial.html", tmp_path / "parallel.html"
    assert main(["compare", str(folder), "--html", str(serial)]) == 0
    assert main(["compare", str(folder), "--html", str(parallel), "--jobs", "2"]) == 0
    assert parallel.read_text(encoding="utf-8") == serial.read_text(encoding="utf-8")


def children_of(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(x) for x in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores for two workers")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_workers_end_with_the_command_on_a_signal(tmp_path, signum):
    folder = tmp_path / "viele"
    folder.mkdir()
    for number in range(300):
        (folder / f"t{number:03}.txt").write_text(
            (ARTICLE + f" Nachtrag {number}.\n\n") * 8, encoding="utf-8"
        )
    out = tmp_path / "werte.csv"
    out.write_bytes(OLD)
    log = tmp_path / "stderr.txt"
    # stderr to a file, not a pipe: a worker left alive must not block the test
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mediakit",
                "compare",
                str(folder),
                "--jobs",
                "2",
                "--csv",
                str(out),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
            workers = {p for p in children_of(process.pid) if alive(p)}
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        process.send_signal(signum)
        code = process.wait(timeout=60)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(alive(p) for p in workers):
            time.sleep(0.05)
        left = [p for p in workers if alive(p)]
    finally:
        if process.poll() is None:
            process.kill()
        for pid in workers:  # never leave a process behind, whatever happened
            with contextlib.suppress(OSError):
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
    err = log.read_text(encoding="utf-8", errors="replace")
    assert code == 128 + signum, err
    assert "beendet durch Signal" in err
    assert left == [], "worker processes lived on after the command ended"
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_course_grade_on_a_folder_that_is_no_course_is_exit_2(tmp_path, capsys):
    pytest.importorskip("mediakit.course")
    assert main(["course", "grade", "01_lesbarkeit", "--course", str(tmp_path)]) == 2
    assert "ist kein Kursordner" in capsys.readouterr().err
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    (tmp_path / "source" / "01_lesbarkeit").mkdir(parents=True)
    assert main(["course", "grade", "99_gibtsnicht", "--course", str(tmp_path)]) == 2
    assert "unbekannte Aufgabe '99_gibtsnicht' (im Kurs: 01_lesbarkeit)" in capsys.readouterr().err
