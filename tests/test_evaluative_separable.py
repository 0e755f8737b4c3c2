"""Separable verbs split in a main clause (data/separable_particles.tsv): the verb and
its particle at the clause end make one hit of the lexicon's particle verb."""

from __future__ import annotations

import pytest

from mediakit.evaluative import find_evaluative


@pytest.mark.parametrize(
    ("text", "lemma", "matched"),
    [
        ("Das Ministerium spielt die Risiken herunter.", "herunterspielen",
         "spielt die Risiken herunter"),
        ("Die Sprecherin redet die Bilanz schön.", "schönreden", "redet die Bilanz schön"),
        ("Der Verband knickte nach zwei Tagen ein.", "einknicken", "knickte nach zwei Tagen ein"),
        ("Am Abend ruderte die Ministerin zurück.", "zurückrudern", "ruderte die Ministerin zurück"),
        ("Der Sender blendet solche Stimmen aus, heißt es.", "ausblenden",
         "blendet solche Stimmen aus"),
    ],
)  # fmt: skip
def test_split_separable_verb_is_one_hit(text: str, lemma: str, matched: str) -> None:
    hits = [(h.text, h.lemma) for h in find_evaluative(text)]
    assert (matched, lemma) in hits, hits


def test_the_particle_alone_no_longer_counts_as_its_own_word():
    # "schön" is a lexicon adjective; in "redet ... schön" it is the particle of schönreden
    hits = find_evaluative("Er redet die Lage schön.")
    assert [h.lemma for h in hits] == ["schönreden"]
    assert [h.lemma for h in find_evaluative("Das Haus ist schön.")] == ["schön"]


@pytest.mark.parametrize(
    "text",
    [
        "Er macht das Licht aus.",  # ausmachen is no lexicon verb
        "Sie gehen morgen aus.",
        "Er spielt heute Abend, und die Halle ist ausverkauft.",  # no particle at a clause end
        "Sie spielt. Herunter kommt sie nicht.",  # the particle is in another sentence
    ],
)
def test_no_split_verb(text: str) -> None:
    assert [h for h in find_evaluative(text) if " " in h.text] == []


def test_negation_between_verb_and_particle_is_marked():
    (hit,) = find_evaluative("Er spielt die Gefahr nicht herunter.")
    assert hit.lemma == "herunterspielen" and hit.negated
