"""The ordered chain of rules behind :func:`mediakit.find_quotes`.

>>> from mediakit.document import parse
>>> qs, scare, titles = detect(parse("Laut Polizei war die Straße gesperrt."))
>>> qs[0].kind, qs[0].text, qs[0].speaker.text, qs[0].cue.lemma
('indirect', 'war die Straße gesperrt', 'Polizei', 'laut')
"""

from __future__ import annotations

from operator import attrgetter

from ..document import Document, TextSpan
from .model import Quotation
from .rules.cue_nouns import noun_frames
from .rules.cue_verbs import anaphoric_frame, continued_statements, coordinated_frame, verb_frames
from .rules.direct import direct_quotes
from .rules.konjunktiv import free_indirect
from .rules.nesting import nest
from .rules.prepositions import word_cues
from .rules.regions import classify_regions, region_spans
from .rules.reported import act_before_frame, coordinated_act, reported
from .rules.speakers import (
    carry_over_direct,
    colon_label,
    paragraph_bound_free_indirect,
    polite_address,
    resolve_pronouns,
    speaker_appositions,
)
from .view import Context, nothing_can_match
from .words import _REPORTED


def sentence_rules(cx: Context) -> None:
    """Per sentence, the first rule that finds a quotation wins: anaphoric frame, cue verb, cue word, reported act."""
    prev: tuple[int, int] | None = None
    regions = cx.regions
    for lo, hi in cx.sentences:
        if (
            regions
            and cx.has_direct(lo, hi)
            and all(
                cx.space[j]
                or (cx.region_of[j] >= 0 and cx.region_kind[cx.region_of[j]] == "direct")
                for j in range(lo, hi)
            )
        ):
            continue  # the sentence is a direct quote as a whole
        found = anaphoric_frame(cx, lo, hi, prev) if prev is not None else []
        # the other rules start from a cue verb or cue word outside the quote marks
        cued = cx.within(cx.verb_at, lo, hi) or cx.within(cx.prep_at, lo, hi)
        if not found and cued:
            # a sentence that opens with its source ("Laut X hat Y angekündigt, …") is
            # X's as a whole: the cue word comes before the cue verbs inside it
            first = cx.next_content(lo, hi)
            opens_with_cue = bool(cx.within(cx.prep_at, first, first + 1)) or any(
                cx.preps[cx.low[j]][0] == "clause_end" and j > lo and cx.tok[j - 1] == ","
                for j in cx.within(cx.prep_at, lo, hi)
            )  # "…, so X." at the end governs the sentence too
            found = (
                (opens_with_cue and word_cues(cx, lo, hi))
                or verb_frames(cx, lo, hi)
                or word_cues(cx, lo, hi)
                or (reported(cx, lo, hi) if _REPORTED else [])
            )
        prev = (lo, hi) if not found else None
        split = coordinated_frame(cx, found[0], lo, hi) if len(found) == 1 and found[0] else []
        if split:
            found = split  # two frames, two quotations ("…, und kündigte an, …")
        elif _REPORTED and found:
            found = _with_coordinated_acts(cx, found, lo, hi)
        for q in found:
            if q:
                cx.quotes.append(q)
    if len(cx.quotes) > 1:
        cx.quotes.sort(key=attrgetter("start"))


def _with_coordinated_acts(cx: Context, found: list, lo: int, hi: int) -> list:
    """``found`` with the speech acts coordinated after its indirect quotations.

    :func:`coordinated_act` gives either an act after the quotation ([act]) or, for a
    dass-clause that ran on into the act, [shortened quotation, act].
    """
    out = []
    for q in found:
        if q:
            out.extend(act_before_frame(cx, q, lo, hi))
        extra = coordinated_act(cx, q, lo, hi) if q else []
        if len(extra) == 2:
            out.extend(extra)
        else:
            out.append(q)
            out.extend(extra)
    return out


#: The chain, in order. Each step reads the view and the quotations found so far
#: (``cx.quotes``) and adds or refines quotations; the region labels
#: (``cx.region_kind``) are the only other state they share.
CHAIN = (
    classify_regions,  # quote regions: quotation, title or scare quote
    direct_quotes,  # direct quotes and their frames
    sentence_rules,  # cue verbs, cue words, reported speech acts (per sentence)
    noun_frames,  # "der Vorwurf der CDU, es handele sich …": statement nouns
    continued_statements,  # an unmarked colon statement over the next sentences
    colon_label,  # "Minister X: „…“": the source before the colon
    carry_over_direct,  # unframed direct quotes: the most recent speaker
    free_indirect,  # Konjunktiv passages without a frame
    paragraph_bound_free_indirect,  # ... keep no speaker of an earlier paragraph
    nest,  # quote-marked words inside quotations
    resolve_pronouns,  # pronoun speakers to their antecedent
    polite_address,  # "Ihrer Meinung nach?" addresses, no speaker
    speaker_appositions,  # "Jon Bon Jovi, Gründer der Band": the apposition with the name
)


#: The steps that only refine the quotations found before them (speakers, nesting): with
#: no quotation found they change nothing, and :func:`run` leaves them out.
REFINING = frozenset(
    {
        carry_over_direct,
        paragraph_bound_free_indirect,
        colon_label,
        nest,
        resolve_pronouns,
        polite_address,
        speaker_appositions,
    }
)


#: The steps that only read and label quote regions: a text without any (most single
#: sentences) gives them nothing to do, and :func:`run` leaves them out.
ON_REGIONS = frozenset({classify_regions, direct_quotes})


def nothing_to_start_from(cx: Context) -> bool:
    """True when no rule of :data:`CHAIN` has anything to start from.

    Every rule starts from a quote region, a cue verb or cue word outside the quote
    marks (``verb_at``, ``prep_at``), a Konjunktiv candidate (``mood_at``) or a
    quotation an earlier rule found; a text with none of these (most single
    sentences) has no quotation, scare quote or title, and the chain is skipped.
    ``tests/test_fast_paths.py`` runs the whole chain on such texts and compares.
    """
    return not (cx.regions or cx.verb_at or cx.prep_at or cx.mood_at or cx.noun_at)


def run(cx: Context) -> tuple[list[Quotation], list[TextSpan], list[TextSpan]]:
    """Run the chain on one view; (quotations, scare quotes, titles)."""
    if nothing_to_start_from(cx):
        return cx.quotes, [], []
    regions = bool(cx.regions)
    for step in CHAIN:
        if (cx.quotes or step not in REFINING) and (regions or step not in ON_REGIONS):
            step(cx)
    if not regions:
        return cx.quotes, [], []  # region_spans: no region, no scare quote or title
    scare, titles = region_spans(cx)
    return cx.quotes, scare, titles


def detect(doc: Document) -> tuple[list[Quotation], list[TextSpan], list[TextSpan]]:
    """Quotations (top level, reading order), scare quotes and titles of a parsed text.

    Never raises on text: should a rule fail on some odd input, the quote-marked
    passages are still returned as direct quotations without attribution, with a warning.
    """
    try:
        if nothing_can_match(doc):
            # as run() would find: no rule has anything to start from (no_starting_point),
            # or nothing the rules could find from what there is
            return [], [], []
        return run(Context(doc))
    except Exception as exc:  # pragma: no cover - a safety net, the tests find no such input
        import warnings

        warnings.warn(
            f"mediakit.find_quotes: attribution rules failed ({type(exc).__name__}: {exc}); "
            "returning quote-marked passages only",
            RuntimeWarning,
            stacklevel=3,
        )
        plain = [
            Quotation("direct", r.start, r.end, r.text, [(r.start, r.end)])
            for r in doc.quote_regions
            if r.depth == 0 and sum(ch.isalpha() for ch in r.text) > 20
        ]
        return plain, [], []
