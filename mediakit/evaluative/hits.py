"""One evaluative hit and its evidence span."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
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


def _hit_maker() -> Callable[..., EvaluativeHit]:
    """A constructor of :class:`EvaluativeHit` from all thirteen fields, positional, in
    their order: the instance ``EvaluativeHit(*values)`` builds, at about half the cost.

    The dataclass's own ``__init__`` (frozen) sets each field through
    ``object.__setattr__`` called from Python (a type look-up and a call with an
    argument tuple per field); here each slot is set through its member descriptor's
    ``__set__``, bound once. Nothing else differs: the same class, every slot set to the
    same value, no ``__post_init__`` to run (the class has none).

    >>> make = _hit_maker()
    >>> values = (0, 4, "sehr", "sehr", "intensifier", 1, "word", False, False, "", "", "author", None)
    >>> make(*values) == EvaluativeHit(*values)
    True
    """
    cls = EvaluativeHit
    new = object.__new__
    names = [f.name for f in fields(cls)]
    if names != list(_HIT_FIELDS):
        raise RuntimeError(f"EvaluativeHit fields changed: {names}")  # keep make() in step
    (
        set_start,
        set_end,
        set_text,
        set_lemma,
        set_category,
        set_weight,
        set_match,
        set_negated,
        set_in_quote,
        set_neutral,
        set_note,
        set_voice,
        set_source,
    ) = (getattr(cls, name).__set__ for name in names)

    def make(
        start: int,
        end: int,
        text: str,
        lemma: str,
        category: str,
        weight: float,
        match: str,
        negated: bool,
        in_quote: bool,
        neutral: str,
        note: str,
        voice: str,
        source: str | None,
    ) -> EvaluativeHit:
        hit = new(cls)
        set_start(hit, start)
        set_end(hit, end)
        set_text(hit, text)
        set_lemma(hit, lemma)
        set_category(hit, category)
        set_weight(hit, weight)
        set_match(hit, match)
        set_negated(hit, negated)
        set_in_quote(hit, in_quote)
        set_neutral(hit, neutral)
        set_note(hit, note)
        set_voice(hit, voice)
        set_source(hit, source)
        return hit

    return make


_HIT_FIELDS = (
    "start",
    "end",
    "text",
    "lemma",
    "category",
    "weight",
    "match",
    "negated",
    "in_quote",
    "neutral",
    "note",
    "voice",
    "source",
)

#: :func:`_hit_maker`'s constructor, built once.
make_hit = _hit_maker()
