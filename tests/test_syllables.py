"""Spoken German syllables: rules, traps, acronyms, numerals and bad input."""

from __future__ import annotations

import csv

import pytest

import mediakit
from mediakit.syllables import count_syllables, number_syllables, token_syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # diphthongs and long vowels count once
        ("Haus", 1),
        ("Zeitung", 2),
        ("Häuser", 2),
        ("Leute", 2),
        ("Bienen", 2),
        ("Boot", 1),
        # -tion/-sion and unstressed i before a vowel glide
        ("Lektion", 2),
        ("Nation", 2),
        ("Diskussion", 3),
        ("Opposition", 4),
        ("Spanien", 2),
        ("Gymnasium", 3),
        ("sozial", 2),
        # hiatus traps
        ("beenden", 3),
        ("Theater", 3),
        ("Museum", 3),
        ("Poet", 2),
        ("Ozean", 3),
        ("Chaos", 2),
        ("Idee", 2),
        ("Ideen", 3),
        ("neue", 2),
        ("Frauen", 2),
        ("feiern", 2),
        ("zuerst", 2),
        ("aktuell", 3),
        ("Januar", 3),
        ("geeignet", 3),
        ("beeinflussen", 4),
        ("Ministerium", 5),
        ("Serien", 3),
        ("Energien", 4),
        ("Italien", 3),
        ("Realität", 4),
        # qu keeps its u silent
        ("Quelle", 2),
        ("bequem", 2),
        # loanwords
        ("Team", 1),
        ("Homepage", 2),
        ("Facebook", 2),
        ("Niveau", 2),
        ("Smartphone", 2),
        # compounds
        ("Europa-Strategie", 6),
        ("Bundesverfassungsgericht", 7),
        ("Haushaltsdebatte", 5),
    ],
)
def test_spoken_syllables(word, expected):
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("EU", 2),
        ("CDU", 3),
        ("USA", 3),
        ("SPD", 3),
        ("Lkw", 3),
        ("AfD", 3),
        ("UdSSR", 5),
        ("OSZE", 4),
        ("dpa", 3),
        ("NATO", 2),
    ],
)
def test_acronyms_are_spelled_out_unless_read_as_words(word, expected):
    assert count_syllables(word) == expected


def test_shouted_words_are_read_not_spelled():
    assert count_syllables("TRUMP") == count_syllables("Trump") == 1
    assert count_syllables("KATASTROPHE") == 4


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Dr.", 2), ("z.B.", 3), ("usw.", 4), ("bzw.", 5), ("Prof.", 3)],
)
def test_abbreviations_count_as_read(word, expected):
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "word_convention", "spoken"),
    [
        ("3", 1, 1),
        ("3.", 1, 2),  # drit-ten
        ("7.", 1, 2),  # sieb-ten
        ("20.", 1, 3),  # zwan-zigs-ten
        ("21", 1, 4),  # ein-und-zwan-zig
        ("100", 1, 2),
        ("1901", 1, 5),  # neun-zehn-hun-dert-eins
        ("2025", 1, 7),
        ("1989", 1, 8),
        ("12.02.2025", 1, 11),
        ("18:27", 1, 8),
        ("2,5", 1, 4),
        ("150.000", 1, 6),
        ("G7", 2, 3),  # digits inside a word: one syllable per digit group
        ("2025er", 2, 8),
    ],
)
def test_numerals_one_syllable_by_default_or_as_spoken(word, word_convention, spoken):
    assert count_syllables(word) == word_convention
    assert count_syllables(word, numbers="word") == word_convention
    assert count_syllables(word, numbers="spoken") == spoken
    assert token_syllables(word, numbers="spoken") == spoken


@pytest.mark.parametrize(
    "address",
    [
        "https://tkp.at/2025/02/13/trump-putin/",
        "http://www.example.de",
        "www.example.de",
        "www.bundestag.de/abstimmung?id=3#top",
        "tkp.at",
        "Spiegel.de",
        "nato.int/de",
        "leserbriefe@zeitung.de",
        "mailto:info@example.de",
    ],
)
def test_web_and_email_addresses_are_one_syllable(address):
    assert count_syllables(address) == 1
    assert count_syllables(address, numbers="spoken") == 1


@pytest.mark.parametrize(("word", "expected"), [("kam.es", 2), ("z.B.", 3), ("Ende.Die", 3)])
def test_no_address_without_a_listed_ending_or_marker(word, expected):
    assert count_syllables(word) == expected


def test_unknown_numeral_convention_is_a_value_error():
    with pytest.raises(ValueError, match=r"'word'.*'spoken'"):
        count_syllables("1901", numbers="gesprochen")


def test_number_syllables_rejects_non_digits():
    with pytest.raises(ValueError, match="digit"):
        number_syllables("zwölf")


def test_exported_from_package():
    assert mediakit.count_syllables is count_syllables


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"Haus", ["Haus"]])
def test_bad_input_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        count_syllables(bad)


@pytest.mark.parametrize("bad", ["", "   ", "zwei Wörter"])
def test_empty_or_several_words_is_a_value_error(bad):
    with pytest.raises(ValueError):
        count_syllables(bad)


def test_token_helper_counts_punctuation_as_zero():
    assert [token_syllables(t) for t in ["„", ",", "…", "–", "", " ", "Haus"]] == [0] * 6 + [1]
    with pytest.raises(TypeError):
        token_syllables(None)


def test_hostile_words_do_not_hang_or_crash():
    assert count_syllables("a" * 200_000) > 0
    assert count_syllables("🙂") == 0
    assert count_syllables("Москва") == 2  # Cyrillic vowels count
    assert count_syllables("9" * 500) > 0


def test_dev_accuracy_weighted_by_frequency(shared):
    path = shared("data", "syllables", "dev.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    total = right = 0.0
    for row in rows:
        weight = 10 ** float(row["zipf_de"])
        total += weight
        right += weight * (count_syllables(row["word"]) == int(row["syllables"]))
    assert right / total >= 0.99


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("12.02.2025", 11),  # zwölf-ter zwei-ter zwei-tau-send-fünf-und-zwan-zig
        ("18:27", 8),  # acht-zehn Uhr sie-ben-und-zwan-zig
        ("2:1", 3),  # zwei zu eins
        ("2,5", 4),  # zwei Kom-ma fünf
        ("1.000", 2),  # tau-send
        ("150.000", 6),  # hun-dert-fünf-zig-tau-send
    ],
)
def test_dates_times_scores_and_grouped_numbers(word, expected):
    assert count_syllables(word, numbers="spoken") == expected
    assert count_syllables(word) == 1


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("https://tkp.at/2025/02/13/trump-putin/", "url"),
        ("http://www.example.de", "url"),
        ("www.example.de", "url"),
        ("WWW.Example.DE", "url"),
        ("www.bundestag.de/abstimmung?id=3#top", "url"),
        ("tkp.at", "url"),
        ("Spiegel.de", "url"),
        ("nato.int/de", "url"),
        ("example.de:8080/x", "url"),
        ("leserbriefe@zeitung.de", "email"),
        ("mailto:a.b@c-d.de", "email"),
        ("kam.es", None),  # a missing space, "es" is no listed domain ending
        ("sagte.er", None),
        ("Ende.Die", None),
        ("z.B.", None),
        ("u.a.", None),
        ("12.02.2025", None),
        ("3.de", None),  # a bare domain starts with a letter
        ("https://tkp.at.", None),  # the full stop after it belongs to the sentence
        ("Bundestag", None),
    ],
)
def test_web_address_kinds(token, kind):
    from mediakit.web_addresses import web_address_kind

    assert web_address_kind(token) == kind
