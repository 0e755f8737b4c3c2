"""The ``mediakit`` command, run in-process through ``main([...])`` and once as a process."""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
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

PAGE = (
    "<!DOCTYPE html><html><head><title>Gipfel</title>"
    "<script>document.write('<p>Werbung</p>')</script></head><body>"
    "<nav><a href='/'>Startseite</a> <a href='/politik'>Politik</a></nav>"
    "<article><h1>Gipfel ohne Ergebnis</h1>"
    "<p>Die Außenminister trafen sich am Dienstag in Riad. Nach Angaben des Ministeriums "
    "dauerte das Treffen mehr als vier Stunden.</p>"
    "<p>„Wir haben zugehört“, sagte ein Sprecher. Eine Einigung gab es nicht.</p>"
    "</article><footer>Impressum</footer></body></html>"
)


def table_rows(output: str) -> list[str]:
    """The data rows of the terminal table (below the dashed rule)."""
    lines = output.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("----"))
    return [line for line in lines[rule + 1 :] if line.strip() and not line.startswith("(")]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """One run on the bundled corpus writing CSV, JSON and the HTML report."""
    out = tmp_path_factory.mktemp("compare")
    capture = pytest.MonkeyPatch()
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    capture.setattr(sys, "stdout", stdout)
    capture.setattr(sys, "stderr", stderr)
    try:
        code = main(
            [
                "compare",
                "--csv",
                str(out / "werte.csv"),
                "--json",
                str(out / "werte.json"),
                "--html",
                str(out / "bericht.html"),
            ]
        )
    finally:
        capture.undo()
    return code, stdout.getvalue(), stderr.getvalue(), out


def test_help_everywhere_in_german(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "compare" in text and "highlight" in text and "Beispiele:" in text
    assert "Aufruf:" in text and "diese Hilfe zeigen" in text and "Exit-Status" in text
    assert main(["compare", "--help"]) == 0
    text = capsys.readouterr().out
    for option in (
        "--comments",
        "--relative-to",
        "--csv",
        "--json",
        "--html",
        "--jobs",
        "--columns",
    ):
        assert option in text
    assert "Optionen:" in text and "options:" not in text
    # the columns explained from metrics.tsv
    assert "flesch_amstad: Lesbarkeit nach Flesch" in text
    assert main(["highlight", "--help"]) == 0
    assert "--layers" in capsys.readouterr().out


def test_no_command_and_unknown_options_are_usage_errors(capsys):
    assert main([]) == 2
    assert "Aufruf:" in capsys.readouterr().err
    assert main(["compare", "--frobnicate"]) == 2
    assert "mediakit: Fehler: unbekannte Argumente: --frobnicate" in capsys.readouterr().err
    assert main(["compare", "--jobs", "0"]) == 2
    assert "--jobs muss 1 oder mehr sein" in capsys.readouterr().err


def test_compare_prints_one_row_per_corpus_document(corpus_run):
    code, out, _, _ = corpus_run
    assert code == 0
    rows = table_rows(out)
    assert len(rows) == 5
    assert any(" dpa " in row and "Agenturmeldung" in row for row in rows)
    assert sum("Blogbeitrag" in row for row in rows) == 3
    # German numbers: thousands dot, decimal comma, as in the HTML report
    tkp = next(row for row in rows if row.startswith("001 "))
    assert " 1.257 " in tkp and re.search(r" \d+,\d ", tkp)
    header = out.splitlines()[0]
    for title in ("Wörter", "Sätze", "Flesch", "WSTF", "LIX", "Zitate", "namentl.", "wertend"):
        assert title in header
    assert max(len(line) for line in out.splitlines()) <= 120


def test_compare_writes_csv_json_and_report(corpus_run):
    code, _, err, out = corpus_run
    assert code == 0
    assert "CSV geschrieben" in err and "HTML-Bericht geschrieben" in err
    with open(out / "werte.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    assert {"id", "outlet", "genre", "flesch_amstad", "wstf1", "lix"} <= set(rows[0])
    assert {"quotes_per_1000_words", "named_share", "evaluative_per_1000_words"} <= set(rows[0])
    records = json.loads((out / "werte.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    dpa = next(r for r in records if r["outlet"] == "dpa")
    assert dpa["words"] > 300 and 0 < dpa["flesch_amstad"] < 100
    page = (out / "bericht.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="mk-highlight"') == 5
    assert "data:image/png;base64," in page


def test_compare_writes_no_files_unless_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "text.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["compare", "text.txt"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.txt"]
    assert table_rows(capsys.readouterr().out)[0].startswith("text ")


def test_compare_relative_to_dpa(capsys):
    assert main(["compare", "--relative-to", "dpa", "--columns", "words,lix"]) == 0
    out = capsys.readouterr().out
    dpa = next(row for row in table_rows(out) if " dpa " in row)
    assert dpa.split()[-2:] == ["1,00", "1,00"]
    assert "im Verhältnis zu dpa" in out
    # by outlet or id, in any case
    assert main(["compare", "--relative-to", "DPA", "--columns", "words"]) == 0
    assert next(r for r in table_rows(capsys.readouterr().out) if " dpa " in r).endswith("1,00")
    assert main(["compare", "--relative-to", "tkp", "--columns", "words"]) == 0
    assert table_rows(capsys.readouterr().out)[0].endswith("1,00")
    assert main(["compare", "--relative-to", "nobody"]) == 2
    assert "kein Text hat diese id oder dieses Medium" in capsys.readouterr().err


def test_compare_unknown_column_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), "--columns", "wordz"]) == 2
    err = capsys.readouterr().err
    assert "unbekannte Spalte(n): wordz (meinten Sie words?)" in err and "flesch_amstad" in err


def test_compare_folders_txt_and_html_recursive_sorted(tmp_path, capsys):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "zweiter.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a_seite.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".versteckt").mkdir()
    (tmp_path / ".versteckt" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notiz.md").write_text("nicht analysieren", encoding="utf-8")
    json_out = tmp_path / "out.json"
    assert main(["compare", str(tmp_path), "--json", str(json_out)]) == 0
    rows = table_rows(capsys.readouterr().out)
    assert [r.split()[0] for r in rows] == ["a_seite", "b/zweiter"]
    records = json.loads(json_out.read_text(encoding="utf-8"))
    page = records[0]
    assert page["title"] == "Gipfel ohne Ergebnis"
    # trafilatura kept the article and dropped navigation, script and footer
    assert 25 <= page["words"] <= 45
    assert records[1]["words"] > 20


def test_compare_jobs_gives_the_same_numbers(tmp_path):
    for number in range(3):
        (tmp_path / f"t{number}.txt").write_text(ARTICLE + f" Nachtrag {number}.", encoding="utf-8")
    serial, parallel = tmp_path / "serial.csv", tmp_path / "parallel.csv"
    assert main(["compare", str(tmp_path), "--csv", str(serial)]) == 0
    assert main(["compare", str(tmp_path), "--jobs", "2", "--csv", str(parallel)]) == 0
    assert serial.read_text(encoding="utf-8") == parallel.read_text(encoding="utf-8")


def test_missing_file_is_exit_2_with_one_line(capsys):
    assert main(["compare", "gibt_es_nicht.txt"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "mediakit: Fehler: Datei oder Ordner nicht gefunden: gibt_es_nicht.txt"
    assert main(["highlight", "gibt_es_nicht.txt"]) == 2
    assert "nicht gefunden" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leer.txt", b"", "ist leer"),
        ("leer2.txt", b"  \n\n\t ", "ist leer"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "Binärdatei"),
        ("seite.txt", PAGE.encode(), "sieht aus wie eine HTML-Seite"),
        ("leer.html", b"<html><body><script>alert(1)</script></body></html>", "kein Artikeltext"),
        ("daten.csv", b"a,b\n1,2\n", "Dateityp wird nicht unterstützt"),
    ],
)
def test_hostile_files_give_clear_messages(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_files_in_a_folder_are_skipped_with_a_warning(tmp_path, capsys):
    (tmp_path / "gut.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "kaputt.txt").write_bytes(b"\x00\x01\x02binary")
    assert main(["compare", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "übersprungen" in captured.err and "kaputt.txt" in captured.err
    assert len(table_rows(captured.out)) == 1
    (tmp_path / "gut.txt").unlink()
    assert main(["compare", str(tmp_path)]) == 2
    assert "kein lesbarer Text" in capsys.readouterr().err


def test_empty_folder_and_too_large_file(tmp_path, capsys, monkeypatch):
    assert main(["compare", str(tmp_path)]) == 2
    assert "keine .txt- oder .html-Dateien" in capsys.readouterr().err
    big = tmp_path / "gross.txt"
    big.write_text(ARTICLE * 20, encoding="utf-8")
    monkeypatch.setattr("mediakit.extract.MAX_FILE_BYTES", 1000)
    assert main(["compare", str(big)]) == 2
    assert "zu groß" in capsys.readouterr().err


def test_windows_1252_file_is_read_with_a_warning(tmp_path, capsys):
    path = tmp_path / "alt.txt"
    path.write_bytes(ARTICLE.replace("„", '"').replace("“", '"').encode("cp1252"))
    json_out = tmp_path / "alt.json"
    assert main(["compare", str(path), "--json", str(json_out)]) == 0
    assert "Windows-1252" in capsys.readouterr().err
    record = json.loads(json_out.read_text(encoding="utf-8"))[0]
    assert record["title"] == "Gespräch in Moskau"


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "fehlt" / "werte.csv"
    assert main(["compare", str(tmp_path / "a.txt"), "--csv", str(target)]) == 2
    assert "existiert nicht" in capsys.readouterr().err


def test_highlight_writes_a_standalone_page(tmp_path, capsys):
    source = tmp_path / "artikel.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "markiert.html"
    assert main(["highlight", str(source), "-o", str(out), "--layers", "quotes", "evaluative"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Gespräch in Moskau</title>" in page
    text = page.split('class="mk-text"', 1)[1]
    assert "mk-quote-direct" in text and "mk-evaluative" in text
    assert "mk-speaker" not in text  # layer not chosen
    assert re.search(r"markiert\.html: quotes [1-9]\d*, evaluative [1-9]", capsys.readouterr().out)
    # default output name next to the input
    assert main(["highlight", str(source)]) == 0
    assert (tmp_path / "artikel.highlight.html").is_file()


def test_highlight_html_input_stdout_and_refusals(tmp_path, capsys):
    page = tmp_path / "seite.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["highlight", str(page), "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "Riad" in out and "Startseite" not in out
    assert main(["highlight", str(page), "-o", str(page)]) == 2
    assert "würde die Eingabe" in capsys.readouterr().err
    assert main(["highlight", str(page), "--layers", "zitate"]) == 2
    assert "unbekannte Ebene" in capsys.readouterr().err
    assert main(["highlight"]) == 2
    assert "braucht eine DATEI" in capsys.readouterr().err


def test_highlight_a_corpus_document(tmp_path, capsys):
    out = tmp_path / "dpa.html"
    assert main(["highlight", "--corpus", "dpa", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Schmusekurs" in page and "mk-quote" in page
    assert main(["highlight", "--corpus", "bild"]) == 2
    assert "kein Korpusdokument" in capsys.readouterr().err


def test_layer_names_match_the_display_module():
    from mediakit.display import LAYERS

    assert tuple(LAYERS) == cli.LAYER_NAMES


def test_format_table_and_relative_records():
    records = [
        {"id": "a", "outlet": "dpa", "genre": "agency report", "words": 200.0, "named_share": 0.5},
        {"id": "b", "outlet": "", "genre": None, "words": 100.0, "named_share": 0.0},
    ]
    columns = ["words", "named_share"]
    table = cli.format_table(records, columns=columns)
    assert table.splitlines()[-1].split() == ["b", "100", "0", "%"]
    assert table.splitlines()[-2].split() == ["a", "dpa", "Agenturmeldung", "200", "50", "%"]
    relative = cli.relative_records(records, "dpa")
    assert relative[1]["words"] == 0.5 and relative[0]["named_share"] == 1.0
    assert "–" in cli.format_table(
        cli.relative_records(records, "b"), columns=columns, relative_to="b"
    )


def test_the_installed_command_runs_as_a_process(tmp_path):
    """Once as a real process: the table on stdout, errors as one line and exit 2."""
    command = [sys.executable, "-m", "mediakit"]
    done = subprocess.run(
        [*command, "compare"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert len(table_rows(done.stdout)) == 5
    assert done.stderr == ""  # no progress bar for five texts, no warnings
    missing = subprocess.run(
        [*command, "compare", str(tmp_path / "fehlt.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("mediakit: Fehler: Datei oder Ordner nicht gefunden")
    assert "Traceback" not in missing.stderr


def test_data_to_stdout_replaces_the_table(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), "--json", "-"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["id"] == "a" and records[0]["words"] > 20
    assert main(["compare", str(tmp_path / "a.txt"), "--csv", "-"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows[0]["id"] == "a"
    assert main(["compare", "--csv", "-", "--json", "-"]) == 2
    assert "nur eine von" in capsys.readouterr().err


def test_cli_numbers_equal_the_library_compare(corpus_run):
    import mediakit

    _, _, _, out = corpus_run
    cli_records = json.loads((out / "werte.json").read_text(encoding="utf-8"))
    frame = mediakit.compare()
    assert [r["id"] for r in cli_records] == list(frame["id"])
    for record, (_, row) in zip(cli_records, frame.iterrows(), strict=True):
        for metric in (
            "words",
            "flesch_amstad",
            "quotes_per_1000_words",
            "evaluative_per_1000_words",
        ):
            assert record[metric] == pytest.approx(row[metric])


def test_course_commands_are_added_when_available(capsys):
    pytest.importorskip("mediakit.course")
    assert main(["course", "--help"]) == 0
    assert "init" in capsys.readouterr().out
    # compare and highlight never import the (slower) course module
    for with_course, expected in (
        (False, {"compare", "highlight"}),
        (True, {"compare", "highlight", "course"}),
    ):
        parser = cli.build_parser(with_course=with_course)
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert set(commands.choices) == expected
    assert cli._course_may_be_needed(["compare"]) is False
    assert cli._course_may_be_needed(["course", "init"]) is True


def test_a_wordless_text_shows_missing_figures_and_a_note(tmp_path, capsys):
    (tmp_path / "leer_an_worten.txt").write_text("… !!! ???\n\n– – –", encoding="utf-8")
    (tmp_path / "kurz.txt").write_text("Ja. Nein. Gut.", encoding="utf-8")
    json_out, csv_out = tmp_path / "werte.json", tmp_path / "werte.csv"
    assert main(["compare", str(tmp_path), "--json", str(json_out), "--csv", str(csv_out)]) == 0
    out = capsys.readouterr().out
    rows = {row.split()[0]: row.split() for row in table_rows(out)}
    assert rows["leer_an_worten"][1:4] == ["0", "0", "–"]  # words, sentences, Flesch
    assert "– kein Wort im Text: nichts zu messen" in out
    assert rows["kurz"][3] == "120,5*"  # Flesch outside 0-100: kept, marked
    assert "* außerhalb der Skala (Flesch (Amstad) 0–100" in out
    records = {r["id"]: r for r in json.loads(json_out.read_text(encoding="utf-8"))}
    assert records["leer_an_worten"]["flesch_amstad"] is None
    assert records["leer_an_worten"]["words"] == 0
    assert records["kurz"]["flesch_amstad"] == pytest.approx(120.5)
    by_id = {r["id"]: r for r in csv.DictReader(csv_out.open(encoding="utf-8"))}
    assert by_id["leer_an_worten"]["lix"] == "" and by_id["kurz"]["lix"] != ""
