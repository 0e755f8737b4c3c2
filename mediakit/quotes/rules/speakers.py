"""Rule 8: speakers - pronouns resolved to the most recent named speaker."""

from __future__ import annotations

from ...document import TextSpan
from ..model import Quotation, Speaker
from ..view import Context


def resolve_pronouns(cx: Context) -> None:
    last_named: Speaker | None = None
    for q in cx.quotes:
        s = q.speaker
        if s is None:
            continue
        if s.speaker_type == "named" and (q.cue is None or q.cue.lemma not in cx.preps):
            last_named = s  # "nach Darstellung Moskaus" is no antecedent for "er"
        elif s.speaker_type == "pronoun" and last_named is not None and s.resolved is None:
            s.resolved = TextSpan(last_named.start, last_named.end, last_named.text, "speaker")


def carry_over_direct(cx: Context) -> None:
    """A direct quote without frame that opens its sentence: the most recent speaker.

    Within a paragraph; across paragraphs only along a list of quoted paragraphs
    ("… gab folgende Erklärungen ab:" + one »…« paragraph after another).
    """
    starts = {p.start for p in cx.d.paragraphs}
    last: Speaker | None = None
    last_q: Quotation | None = None
    last_end = 0
    for q in cx.quotes:
        if (
            q.kind == "direct"
            and q.speaker is None
            and q.cue is None
            and last is not None
            and last_q is not None
            and cx.opens_sentence(q.start)
            and (
                (
                    cx.sentence_gap(last_end, q.start) <= 2
                    and cx.paragraph_at(last_end - 1) == cx.paragraph_at(q.start)
                )
                or (
                    last_q.kind == "direct"
                    and q.start in starts
                    and last_q.start in starts
                    and cx.paragraph_at(q.start) - cx.paragraph_at(last_end - 1) == 1
                )
            )
        ):
            q.speaker = last
        if q.speaker is not None:
            last = q.speaker
            last_q = q
            last_end = q.end
