"""Rule 8: speakers - pronouns resolved to the most recent named speaker."""

from __future__ import annotations

from bisect import bisect_left

from ...document import TextSpan
from ..model import Quotation, Speaker
from ..syntax import _source_like, make_speaker, np_forward, topic_subject
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


def colon_label(cx: Context) -> None:
    """A direct quote after a bare source and a colon: that source speaks.

    "BKA-Präsident Ziercke: „Mit diesem Ermittlungsansatz setzt das BKA ein Signal.“" -
    the sentence opens with a noun phrase that reaches the colon (no verb), and the
    phrase names someone (a name, or a role, institution or outlet word of
    ``source_words.tsv``). "Das Motto: „Freiheit statt Angst“" names no one.
    """
    for q in cx.quotes:
        if q.kind != "direct" or q.speaker is not None or q.cue is not None:
            continue
        i = bisect_left(cx.idx, q.start)
        j = i - 1
        while j >= 0 and cx.space[j]:
            j -= 1
        if j <= 0 or cx.tok[j] != ":":
            continue
        lo = cx.sentence_start(i)
        first = cx.next_content(lo, j)
        if first >= j:
            continue
        if j - first > 8:
            q.speaker = topic_subject(cx, lo, j)
            continue
        last = np_forward(cx, first, j)
        if last >= first and cx.next_content(last + 1, j) == j:
            if _source_like(cx, first, last):
                q.speaker = make_speaker(cx, first, last)
            continue
        # "Der Bundestrainer zeigte sich zufrieden: „…“": the clause before the colon
        # opens with its subject, a person or organisation
        q.speaker = topic_subject(cx, lo, j)


def paragraph_bound_free_indirect(cx: Context) -> None:
    """A free indirect passage keeps no speaker from an earlier paragraph.

    "Der Minister sagte, er sei zufrieden.¶Die Lage sei ernst." - the new paragraph may
    report anyone (the Wikinews annotations almost never give it the last paragraph's
    speaker), so the passage stays without one; within a paragraph the carried speaker
    stays, and so does a speaker whose quotation ends right before the passage
    ("… sagte Peskow. «Putin und Trump haben …»¶Putin habe Trump nach Moskau eingeladen.").
    """
    prev: Quotation | None = None
    for q in cx.quotes:
        s = q.speaker
        if (
            q.kind == "free_indirect"
            and s is not None
            and s.start < q.start
            and cx.paragraph_at(s.start) != cx.paragraph_at(q.start)
            and not (
                prev is not None
                and prev.speaker is not None
                and prev.speaker.start == s.start
                and cx.sentence_gap(prev.end - 1, q.start) <= 1
            )
        ):
            q.speaker = None
        prev = q


#: capitalised forms of the polite address (``Sie``) - inside a sentence they name the
#: addressee ("Was ist Ihrer Meinung nach falsch?"), never a reported speaker
_POLITE = frozenset({"Sie", "Ihr", "Ihre", "Ihrer", "Ihres", "Ihrem", "Ihren", "Ihnen"})


def polite_address(cx: Context) -> None:
    """A speaker that opens with the polite *Sie*/*Ihr* inside a sentence is the addressee.

    "''Wikinews'': Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?" - an
    interviewer asks; "Ihrer Meinung" is whom the question addresses, so the
    quotation keeps no speaker. At the start of a sentence the form is ambiguous
    ("Ihr Vorsitzender sagte …", "Sie sagte …") and stays.
    """
    for q in cx.quotes:
        s = q.speaker
        if s is None or s.text.split(" ", 1)[0] not in _POLITE:
            continue
        i = bisect_left(cx.idx, s.start)
        if i < cx.n and cx.sentence_start(i) != i and cx.tok[i - 1] not in _OPENING_MARKS:
            q.speaker = None


_OPENING_MARKS = frozenset({"„", "»", "«", '"', "“", "(", ":"})
