"""Former home of the quotation lexicons; now :mod:`mediakit.quotes.lexicon` (alias kept).

>>> cue_lexicon().main["sagte"][0].lemma
'sagen'
"""

from __future__ import annotations

from .quotes.lexicon import (
    CueLexicon,
    CueVerb,
    cue_lexicon,
    konjunktiv_forms,
    preposition_cues,
    speaker_words,
)

__all__ = [
    "CueLexicon",
    "CueVerb",
    "cue_lexicon",
    "konjunktiv_forms",
    "preposition_cues",
    "speaker_words",
]
