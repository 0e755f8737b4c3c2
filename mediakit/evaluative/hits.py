"""One evaluative hit and its evidence span."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..document import TextSpan
from .lexicon import NOT_COUNTED

# ---------------------------------------------------------------------------
# Hits
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvaluativeHit:
    """One evaluative word (or phrase) in the text, with its character offsets.

    ``voice`` is ``author``, ``quoted`` (inside a direct quotation) or ``attributed``
    (inside an evaluation the author reports as someone's); ``source`` names whose
    voice it is when there is one; ``in_quote`` is True for every voice but the author's.

    >>> h = find_evaluative("Ein völlig erbärmliches Desaster.")[1]
    >>> (h.text, h.lemma, h.category, h.weight, h.voice, h.in_quote)
    ('erbärmliches', 'erbärmlich', 'loaded', 3, 'author', False)
    """

    start: int
    end: int
    text: str
    lemma: str
    category: str
    weight: float
    match: str = "word"
    negated: bool = False
    in_quote: bool = False
    neutral: str = ""
    note: str = ""
    voice: str = "author"
    source: str | None = None

    @property
    def counted(self) -> bool:
        """True when the hit counts towards the author's evaluative rate."""
        return not self.in_quote and self.category not in NOT_COUNTED

    def span(self) -> TextSpan:
        """Evidence span labelled ``evaluative:<category>``."""
        return TextSpan(self.start, self.end, self.text, f"evaluative:{self.category}")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON and pandas."""
        return asdict(self)
