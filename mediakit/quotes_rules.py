"""Former home of the quotation rules; they now live in :mod:`mediakit.quotes.pipeline`.

Kept as a thin alias so that older imports keep working.

>>> from mediakit.document import parse
>>> qs, scare, titles = detect(parse("Laut Polizei war die Straße gesperrt."))
>>> qs[0].kind, qs[0].text, qs[0].speaker.text, qs[0].cue.lemma
('indirect', 'war die Straße gesperrt', 'Polizei', 'laut')
"""

from __future__ import annotations

from .quotes.pipeline import detect
from .quotes.words import _ROLE_CUE_VERB, _ROLE_CUE_WORD, _ROLE_KONJUNKTIV, _mood, _token_forms

__all__ = ["detect"]
__all__ += ["_ROLE_CUE_VERB", "_ROLE_CUE_WORD", "_ROLE_KONJUNKTIV", "_mood", "_token_forms"]
