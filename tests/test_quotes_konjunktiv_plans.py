"""Relative clauses with indicative *sollen* state a plan, not reported speech (rules/konjunktiv.py)."""

from __future__ import annotations

import pytest

from mediakit import find_quotes

PLANS = [
    # (text, fragment, reported?)
    (
        "Der Konzern kauft weitere Anteile, die mittelfristig auf 29,9 Prozent aufgestockt werden sollen.",
        "aufgestockt",
        False,
    ),
    (
        "Toyota zeigte einen Geländewagen, der bereits 2010 in Serie gehen soll.",
        "in Serie",
        False,
    ),
    (
        "Die Bank bietet Kredite an, mit denen die Kosten für Geldtransfers verringert werden sollen.",
        "Geldtransfers",
        False,
    ),
    # the Konjunktiv I in a relative clause still reports
    (
        "Er nannte eine neue Strategie, die darin bestehen solle, den Afghanen mehr zu vertrauen.",
        "darin bestehen solle",
        True,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "reported"), PLANS)
def test_relative_clause_with_sollen_is_a_plan(text, fragment, reported):
    # right after a quotation, where a sentence in reportive *sollen* continues it
    text = "Der Sprecher sagte, man sei zufrieden. " + text
    start = text.index(fragment)
    hits = [q for q in find_quotes(text) if q.start <= start < q.end]
    assert bool(hits) == reported, find_quotes(text)
