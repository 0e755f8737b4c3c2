"""Build ``mediakit/data/lexicon_forms.tsv`` from simplemma's German dictionary.

Run after editing ``mediakit/data/lexicon.tsv`` (or the neutral verbs table), or after
upgrading simplemma::

    .venv/bin/python benchmarks/build_lexicon_forms.py

At run time mediakit looks lemmas up in this small table instead of loading simplemma's
whole German dictionary (over a second at start-up). The table keeps every dictionary
entry whose lemma can change a result of the bundled lexicon; every other word is its
own lemma, which gives the same hits and figures (``tests/test_evaluative.py`` checks
both). A lemma matters when the matching code compares it with something:

* word entries and phrase words: the keys they are indexed under (their spelling and
  simplemma's lemma of it, see ``_entry_keys``);
* compound heads: a lemma ending in a ``head`` entry with four letters left over
  (``_compound``, ``_hyphenated`` also look heads up directly);
* neutral reporting verbs: ``analyze_evaluative`` counts lemmas in that table.

Prefixes are matched on the surface form only. Because simplemma's lookup tries a
word's other case (and apostrophe variants) when the first try fails, a kept entry
takes every dictionary key differing from it only in case and apostrophes along, and
so does a key that is itself one of the forms above (``sagte`` must keep its lemma
even when the lemma is not in any table). The entries' own spellings are kept too, so
the index is built from the table alone.

The script checks its own output on every dictionary key in four casings.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediakit import evaluative as ev
from mediakit.tables import data_path

HEADER = """\
# mediakit lexicon_forms.tsv: word form -> lemma, for the bundled lexicon only.
# GENERATED, do not edit: run `python benchmarks/build_lexicon_forms.py` after editing
# lexicon.tsv or evaluative_neutral_verbs.tsv (tests/test_evaluative.py checks the sync).
# Generated from the German dictionary of simplemma {version} (MIT licence,
# https://github.com/adbar/simplemma), keeping the {count} entries whose lemma can matter
# to lexicon.tsv. Columns: form (a dictionary key), lemma (simplemma's lemma of it).
# Why no note column: see LEXICON.md ("Precomputed word forms").
"""


def _normal(key: str) -> str:
    return key.lower().replace("\u2019", "'").replace("\u02bc", "'")


def relevant_lemmas(index: ev._Index) -> tuple[set[str], dict[str, object], list[int]]:
    """Lowercase strings a lemma is compared with, plus the heads for suffix tests."""
    exact = set(index.words) | set(index.heads) | set(ev._neutral_reporting())
    for by_second in index.phrases.values():
        for paths in by_second.values():
            for keys, _ in paths:
                for part in keys:
                    exact |= part
    return exact, index.heads, index.head_lengths


def build() -> tuple[dict[str, str], str]:
    from importlib.metadata import version

    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
    )

    entries = ev._default_entries()
    index = ev._Index(entries, ev.lemmatize)  # simplemma's full dictionary
    exact, heads, head_lengths = relevant_lemmas(index)

    def matters(word: str) -> bool:
        if word in exact:
            return True
        return any(
            len(word) - n >= ev.MIN_COMPOUND_REST and word[-n:] in heads for n in head_lengths
        )

    dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary("de")
    groups: dict[str, list[str]] = defaultdict(list)
    keep_groups: set[str] = set()
    for entry in entries:  # the entries' own spellings, for _entry_keys
        for part in entry.lemma.split():
            keep_groups.add(_normal(part))
    items = list(dictionary.items())
    for key, lemma in items:
        normal = _normal(key)
        groups[normal].append(key)
        if matters(lemma.lower()) or matters(key.lower()):
            keep_groups.add(normal)
    table = {
        key: dictionary[key]
        for normal in sorted(keep_groups)
        for key in sorted(groups.get(normal, ()))
    }
    return table, version("simplemma")


def check(table: dict[str, str]) -> int:
    """Forms whose table lemma could change a result (must be 0)."""
    index = ev._Index(ev._default_entries(), ev.lemmatize)
    exact, heads, head_lengths = relevant_lemmas(index)

    def matters(word: str) -> bool:
        word = word.lower()
        return word in exact or any(
            len(word) - n >= ev.MIN_COMPOUND_REST and word[-n:] in heads for n in head_lengths
        )

    ev._lexicon_forms.cache_clear()  # read back the table just written
    ev._table_lemmatize.cache_clear()
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
    )

    bad = 0
    for key in DEFAULT_DICTIONARY_FACTORY.get_dictionary("de"):
        for form in {key, key.lower(), key.capitalize(), key.upper()}:
            full, fast = ev.lemmatize(form), ev._table_lemmatize(form)
            if full == fast:
                continue
            # the table gives the form itself: fine when neither lemma matters
            if fast != form or matters(full) or matters(form):
                bad += 1
                if bad <= 20:
                    print(f"  mismatch: {form!r}: simplemma {full!r}, table {fast!r}")
    return bad


def main() -> None:
    started = time.perf_counter()
    table, simplemma_version = build()
    path = data_path(ev.LEXICON_FORMS)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(HEADER.format(version=simplemma_version, count=len(table)))
        handle.write("form\tlemma\n")
        for form, lemma in table.items():
            handle.write(f"{form}\t{lemma}\n")
    print(f"{path}: {len(table)} forms, {path.stat().st_size / 1e6:.2f} MB")
    bad = check(table)
    print(f"self-check: {bad} forms whose table lemma could change a result")
    print(f"{time.perf_counter() - started:.1f} s")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
