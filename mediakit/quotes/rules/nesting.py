"""Rule 7: quote-marked words inside a quotation become nested direct quotes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Quotation
from ..view import Context


def nest(cx: Context) -> None:
    """Quote regions inside an indirect or reported quotation become nested direct quotes."""
    top = sorted((q for q in cx.quotes if q.kind != "direct"), key=lambda q: q.start)
    directs = {id(q) for q in cx.quotes if q.kind == "direct"}
    # The first (by start) non-direct quotation that contains [start, end), found by
    # bisection on starts and on the running maximum of ends: linear, not quadratic.
    top_starts = [p.start for p in top]
    reach: list[int] = []
    for p in top:
        reach.append(max(reach[-1], p.end) if reach else p.end)

    def container(start: int, end: int) -> Quotation | None:
        last = bisect_right(top_starts, start) - 1
        first = bisect_left(reach, end)
        return top[first] if first <= last else None

    keep: list[Quotation] = []
    for q in cx.quotes:
        if id(q) in directs:
            parent = container(q.start, q.end)
            if parent is not None:
                q.parent = parent
                if q.speaker is None:
                    q.speaker = parent.speaker
                parent.nested.append(q)
                continue
        keep.append(q)
    for k, r in enumerate(cx.regions):
        if cx.region_kind[k] != "scare":
            continue
        parent = container(r.start, r.end)
        if parent is None:
            continue
        child = Quotation(
            "direct",
            r.start,
            r.end,
            r.text,
            [(r.start, r.end)],
            parent.speaker,
            parent.cue,
            parent=parent,
        )
        parent.nested.append(child)
        cx.region_kind[k] = "nested"
    cx.quotes = keep
