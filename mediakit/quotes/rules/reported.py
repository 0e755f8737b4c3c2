"""Rule 5: reported speech acts - a speech act only named (``Die Polizei sprach von einem Unfall.``)."""

from __future__ import annotations

from ..model import Quotation
from ..syntax import subject_of
from ..view import Context
from ..words import _AUXILIARIES


def reported(cx: Context, lo: int, hi: int) -> list[Quotation]:
    """A speech act only named: "Die Polizei sprach von einem Unfall." (whole sentence)."""
    verbs = cx.within(cx.verb_at, lo, hi)
    if not verbs or any(cx.in_direct(j) for j in range(lo, hi)):
        return []
    for v in verbs:
        lw = cx.vlow[v]
        if lw not in cx.lex.main or cx.region_of[v] >= 0:
            continue
        if lw in cx.lex.joined and any(cx.low[j] in _AUXILIARIES for j in range(lo, v)):
            continue  # a participle ("wurde verurteilt") names no speech act of a speaker
        got = cx.pick_verb(v, hi)
        if not got or not got[0].reported:
            continue
        verb, particle = got
        if verb.reported_with and verb.reported_with not in cx.low[v + 1 : min(hi, v + 8)]:
            continue  # "sprach mit Putin" is no report of speech, "sprach von …" is
        if cx.foreign_particle(v, hi):
            continue
        speaker = subject_of(cx, v, lo, hi)
        if speaker is None:
            continue
        first = cx.next_content(lo, hi)
        last = hi - 1
        while last > first and cx.space[last]:
            last -= 1
        q = cx.quotation("reported", [(first, last)], speaker, cx.cue(verb, v, particle))
        return [q] if q else []
    return []
