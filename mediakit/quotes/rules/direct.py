"""Rule 2: direct quotes and their frames (before, after, in the middle, colon)."""

from __future__ import annotations

from ..model import Cue, Speaker
from ..syntax import (
    apposition,
    frame_tail,
    inanimate_prefield,
    make_speaker,
    names_someone,
    np_forward,
    post_verb_subject,
    subject_of,
)
from ..view import Context
from ..words import _CLAUSE_PUNCT, _END_PUNCT, _SUBORDINATORS, _is_cap


def direct_quotes(cx: Context) -> None:
    k = 0
    regions = cx.regions
    while k < len(regions):
        if cx.region_kind[k] != "direct":
            k += 1
            continue
        lo, hi = cx.region_tokens[k]
        parts = [(lo, hi - 1)]
        speaker = cue = None
        frame_end = -1
        # frame after: „…“, sagte X (, „…“)
        j = cx.next_content(hi, cx.n)
        if j < cx.n and cx.tok[j] == "," and not cx.new_paragraph(hi - 1, j):
            v = cx.next_content(j + 1, cx.n)
            sent_hi = cx.sentence_end(v)
            if v < cx.n:
                got = frame_after(cx, v, sent_hi)
                if got:
                    speaker, cue, frame_end = got
        elif (
            j < cx.n
            and cx.regions[k].inner_text.rstrip()[-1:] in ("?", "!")
            and cx.vlow[j]
            and not cx.new_paragraph(hi - 1, j)
        ):
            # „…?“ fragen sich Experten. - after ? and ! the frame follows without comma
            got = frame_after(cx, j, cx.sentence_end(j))
            if got:
                speaker, cue, frame_end = got
        if speaker is None and cue is None:
            before = frame_before(cx, lo)
            if before:
                speaker, cue = before
            else:
                speaker = colon_subject(cx, lo)
        # continuation: „…“, sagte er, „…“
        if frame_end >= 0:
            m = cx.next_content(frame_end + 1, cx.n)
            if m < cx.n and cx.tok[m] in (",", ":"):
                m = cx.next_content(m + 1, cx.n)
            if (
                k + 1 < len(regions)
                and m < cx.n
                and cx.region_of[m] == k + 1
                and cx.region_kind[k + 1] in ("direct", "scare")
            ):
                lo2, hi2 = cx.region_tokens[k + 1]
                parts.append((lo2, hi2 - 1))
                cx.region_kind[k + 1] = "direct"
                pair = cx.direct_quotation([k, k + 1], speaker, cue)
                if pair:
                    cx.region_quote[k] = cx.region_quote[k + 1] = pair
                    cx.quotes.append(pair)
                k += 2
                continue
        single = cx.direct_quotation([k], speaker, cue)
        if single:
            cx.region_quote[k] = single
            cx.quotes.append(single)
        k += 1
    for k, src in cx.echo_of.items():
        q, sq = cx.region_quote.get(k), cx.region_quote.get(src)
        if q is not None and sq is not None and q.speaker is None and q is not sq:
            q.speaker = sq.speaker  # a fragment repeated from a full quote: its speaker


def colon_subject(cx: Context, lo: int) -> Speaker | None:
    """ "Der Bundestrainer zeigte sich zufrieden: „…“" - the sentence subject introduces the quote."""
    j = _colon_before(cx, lo)
    if j < 0:
        return None
    s_lo = cx.sentence_start(j)
    head = cx.next_content(s_lo, j)
    lw = cx.low[head] if head < j else ""
    if (
        not lw
        or lw in cx.words["preposition"]
        or lw in cx.words["adverb"]
        or lw in _SUBORDINATORS - cx.words["determiner"]
    ):
        return None
    last = np_forward(cx, head, j)
    if last < head or last >= j - 1:
        return None
    verb = cx.next_content(last + 1, j)
    if verb < j:
        # "Den Unmut der Partei brachte die Sprecherin zum Ausdruck: „…“"
        post = post_verb_subject(cx, head, verb, j)
        if post is not None:
            return post
    if verb < j and cx.vlow[verb] and inanimate_prefield(cx, head, verb):
        # "Jegliche Mitverantwortung weist Hartmann von sich: „…“" - the person speaks
        after = cx.next_content(verb + 1, j)
        post_end = np_forward(cx, after, j)
        lead = cx.low[after] if after < j else ""
        nominative = lead in ("der", "ein") or lead not in cx.words["determiner"]
        if post_end >= after and nominative and names_someone(cx, after, post_end):
            return make_speaker(cx, after, post_end)
    return make_speaker(cx, head, last)


def frame_after(cx: Context, v: int, hi: int) -> tuple[Speaker | None, Cue, int] | None:
    """``sagte X`` / ``so X`` / ``hieß es`` at token ``v``; returns speaker, cue, last frame token."""
    lw = cx.low[v]
    if lw == "so":
        last = np_forward(cx, v + 1, hi)
        if last > v:
            last = apposition(cx, last, hi)
            return make_speaker(cx, v + 1, last), cx.word_cue(v, v, "so"), last
        return None
    if lw in ("heißt", "hieß") and v + 1 < hi and cx.low[cx.next_content(v + 1, hi)] == "es":
        e = cx.next_content(v + 1, hi)
        last = frame_tail(cx, e + 1, hi)
        return None, cx.word_cue(v, e, "heißen"), last
    got = cx.pick_verb(v, hi)
    if not got:
        # "…“, wie X sagte."
        if lw == "wie":
            j = v + 1
            while (
                j < hi
                and j - v < 12
                and cx.tok[j] not in _CLAUSE_PUNCT
                and cx.tok[j] not in _END_PUNCT
            ):
                verbs = cx.lex.joined.get(cx.vlow[j]) or cx.lex.main.get(cx.vlow[j])
                if verbs:
                    s = make_speaker(cx, v + 1, j - 1)
                    return s, cx.cue(verbs[0], j, -1), j
                j += 1
        return None
    verb, particle = got
    last = np_forward(cx, v + 1, hi)
    if last > v:
        last = apposition(cx, last, hi)
    speaker = make_speaker(cx, v + 1, last) if last > v else None
    if speaker is None:
        # "sagte am Montag Trump": skip a short adverbial
        j = v + 1
        while j < hi and j - v < 6 and not _is_cap(cx.tok[j]) and cx.tok[j] not in _CLAUSE_PUNCT:
            j += 1
        if j < hi and _is_cap(cx.tok[j]):
            last = np_forward(cx, j, hi)
            speaker = make_speaker(cx, j, last) if last >= j else None
    tail = frame_tail(cx, max(last, particle, v) + 1, hi)
    return speaker, cx.cue(verb, v, particle), tail


def _colon_before(cx: Context, lo: int) -> int:
    """The colon right before token ``lo`` (blank lines allowed), or -1."""
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    return j if j >= 0 and cx.tok[j] == ":" else -1


def frame_before(cx: Context, lo: int) -> tuple[Speaker | None, Cue] | None:
    """``X sagte: „…“`` - nearest cue verb before the quote in its sentence.

    A frame ending in a colon may stand in the paragraph before ("Trump beschrieb
    das Gespräch so:" + a paragraph in quote marks): then that sentence is read.
    """
    s_lo = cx.sentence_start(lo)
    j = lo - 1
    colon = _colon_before(cx, lo)
    if colon >= 0 and colon < s_lo:
        s_lo, j, lo = cx.sentence_start(colon), colon - 1, colon
    while j >= s_lo:
        if cx.region_of[j] >= 0:
            return None
        got = cx.pick_verb(j, lo)
        if got:
            verb, particle = got
            return subject_of(cx, j, s_lo, lo), cx.cue(verb, j, particle)
        verbs = cx.lex.joined.get(cx.vlow[j])
        if verbs:
            return subject_of(cx, j, s_lo, lo), cx.cue(verbs[0], j, -1)
        if cx.low[j] in ("laut",):
            last = np_forward(cx, j + 1, lo)
            return make_speaker(cx, j + 1, last), cx.word_cue(j, j, "laut")
        j -= 1
    return None
