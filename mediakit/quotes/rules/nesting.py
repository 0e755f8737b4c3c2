"""Rule 7: quote-marked words inside a quotation become nested direct quotes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..lexicon import speech_act_context
from ..model import Quotation
from ..view import Context


def split_colon_quotes(cx: Context) -> None:
    """A direct quote after a colon is a quotation of its own, not part of the one before.

    "Er warnte, die Fehden würden ins Ausland getragen: „Das hat es nie gegeben.“" - the
    indirect (or free indirect, reported) message ends at the colon; the direct quote
    keeps its own span and takes that speaker when it has none.
    """
    directs = [q for q in cx.quotes if q.kind == "direct"]
    if not directs:
        return
    drop: list[Quotation] = []
    for q in cx.quotes:
        if q.kind == "direct":
            continue
        for d in directs:
            if not (q.start < d.start < q.end):
                continue
            lo = bisect_left(cx.idx, d.start)
            j = lo - 1
            while j >= 0 and cx.space[j]:
                j -= 1
            if j < 0 or cx.tok[j] != ":" or cx.idx[j] <= q.start:
                continue
            cut = cx.idx[j]
            spans = [(s, min(e, cut)) for s, e in q.spans if s < cut]
            while spans and not cx.text[spans[-1][0] : spans[-1][1]].strip():
                spans.pop()
            if not spans:
                drop.append(q)
                break
            s0, e0 = spans[-1]
            spans[-1] = (s0, s0 + len(cx.text[s0:e0].rstrip()))
            q.spans, q.end = spans, spans[-1][1]
            q.text = cx.text[q.start : q.end]
            break
    if drop:
        cx.quotes = [q for q in cx.quotes if q not in drop]


def nest(cx: Context) -> None:
    """Quote regions inside an indirect or reported quotation become nested direct quotes."""
    split_colon_quotes(cx)
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
    cx.quotes = [x for q in keep for x in _quoted_act(cx, q)]


def _quoted_act(cx: Context, q: Quotation) -> list[Quotation]:
    """A speech act whose content is quoted words: the quoted words, as direct speech.

    "Er bezeichnete die Pläne als „Wortbruch“." / "Die Regierung hatte den Bericht als
    „falsch“ zurückgewiesen.": the act is named only to frame the quoted words, so they
    are the quotation (with the act's speaker and cue), as with "nannte es einen „Fehler“".
    """
    if q.kind != "reported" or not q.nested:
        return [q]
    context = speech_act_context()
    predicate = q.cue is not None and q.cue.lemma in context.get("quoted_predicate", ())
    for child in q.nested:
        j = bisect_left(cx.idx, child.start) - 1
        while j >= 0 and cx.space[j]:
            j -= 1
        if j < 0:
            return [q]
        first = cx.next_content(bisect_left(cx.idx, child.start) + 1, cx.n)  # inside the marks
        opens = cx.low[j] in context["indefinite"] or (
            first < cx.n and cx.low[first] in context["indefinite"]
        )  # "nannte es einen „Fehler“", "nannte es „einen Fehler“"
        before = j
        if cx.low[before] in context["indefinite"]:  # "als ein „wichtiges Signal“"
            before -= 1
            while before >= 0 and cx.space[before]:
                before -= 1
        if (before < 0 or cx.low[before] != "als") and not (predicate and opens):
            # only the predicative "als „…“" (or "nannte es einen „…“") of the act is its
            # whole content
            return [q]
    out = []
    for child in q.nested:
        child.parent = None
        child.speaker = q.speaker
        child.cue = q.cue
        child.agentless = q.agentless
        out.append(child)
    return out
