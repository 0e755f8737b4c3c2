"""Rule 4: cue words (``laut X``, ``X zufolge``, ``so X``, ``demnach``, ``hieß es``)."""

from __future__ import annotations

from ..model import Quotation
from ..syntax import (
    adverbial_prefield,
    apposition,
    clause_end,
    clause_like,
    clause_start,
    closed_apposition,
    frame_tail,
    make_speaker,
    np_backward,
    np_forward,
    prefield_attributes,
    prefield_to_verb,
)
from ..view import Context
from ..words import (
    _ARTICLES,
    _AUXILIARIES,
    _END_PUNCT,
    _RELATIVE_OPENERS,
    _SO_ARTICLES,
    _SUBORDINATORS,
    _adjective_like,
    _is_cap,
    _mood,
    _requirement_sets,
)


def word_cues(cx: Context, lo: int, hi: int) -> list[Quotation]:
    cues = cx.within(cx.prep_at, lo, hi)
    if not cues:
        return []
    end = cx.strip_end(hi, lo)
    for j in cues:
        lw = cx.low[j]
        entry = cx.preps.get(lw)
        if not entry:
            continue
        position, requires = entry
        q = _relative_cue(cx, j, lo, hi, end, position, requires)
        if q is not None:
            return [q]
        if position == "before" and requires and j > lo and _requires(cx.low[j - 1], requires):
            position = "after"  # "seiner Meinung nach", "eigenen Angaben nach"
        if position == "before" and cx.low[cx.next_content(j + 1, hi)] in cx.words["preposition"]:
            continue  # "dachte laut über Nachfolger nach": the adverb, no source follows
        if position == "before":
            start = j + 1
            if requires:
                nxt = cx.next_content(j + 1, hi)
                k = nxt
                while k < hi and (
                    _adjective_like(cx.tok[k]) or cx.low[k] in cx.words["determiner"]
                ):
                    k += 1
                if (
                    k + 1 < hi
                    and k == nxt
                    and not _requires(cx.low[k], requires)
                    and _is_cap(cx.tok[k])
                    and cx.low[k].endswith("s")
                    and _requires(cx.low[k + 1], requires)
                ):
                    k += 1  # a genitive name before the noun: "Nach Grupps Meinung"
                if k >= hi or not _requires(cx.low[k], requires):
                    continue
                start = nxt
            if start >= hi:
                continue
            r = cx.region_of[cx.next_content(start, hi)]
            if cx.low[start] in ("denen", "dem", "der", "dessen", "deren", "welchem") and (
                start > lo and cx.tok[j - 1] == ","
            ):
                last = start  # "…, laut denen jeder Deutsche …": the relative pronoun
            elif (
                not requires
                and r >= 0
                and cx.region_kind[r] in ("scare", "title")
                and cx.region_tokens[r][1] - cx.region_tokens[r][0] <= 6
            ):
                # "Laut „tagesschau.de“ gehören …": a quoted name right after the cue
                cx.region_kind[r] = "title"
                last = cx.region_tokens[r][1] - 1
            else:
                last = np_forward(cx, start, hi)
                if last >= start and j == cx.next_content(lo, hi):
                    last = prefield_attributes(cx, last, hi)  # "Laut der Botschaft im Irak hat …"
                if last >= start:
                    last = closed_apposition(cx, last, hi)
            if last < start or _figure_attribute(cx, j, lo, last, hi):
                continue
            body = last + 1
            rest = _source_rest(cx, last, end) if j == cx.next_content(lo, hi) else None
            if rest is not None:
                last, body = rest
            elif j == cx.next_content(lo, hi):
                year = cx.next_content(last + 1, hi)
                if cx.low[last] in cx.words["time_noun"] and cx.tok[year][:1].isdigit():
                    last = year  # "Laut einem Bericht vom November 2011 wurden …"
                last, verb = prefield_to_verb(cx, last, hi)
                body = verb if verb >= 0 else last + 1
            speaker = make_speaker(cx, start, last)
            first, stop = _cue_clause(cx, j, lo, body, end)
            stop = _before_next_cue(cx, body, stop)
            parts = [(first, j - 1), (body, stop)]
            q = cx.quotation("indirect", parts, speaker, cx.word_cue(j, j, lw))
            if q and _enough(cx, q):
                return [q]
        elif position == "after":
            first = np_backward(cx, j - 1, lo)
            if first >= j:
                continue
            speaker = make_speaker(cx, first, j - 1)
            begin, stop = _cue_clause(cx, first, lo, j + 1, end)
            q = cx.quotation(
                "indirect", [(begin, first - 1), (j + 1, stop)], speaker, cx.word_cue(j, j, lw)
            )
            if q and _enough(cx, q):
                return [q]
        elif position == "clause_end":
            prev = j - 1
            while prev >= lo and cx.space[prev]:
                prev -= 1
            if prev < lo or cx.tok[prev] != ",":
                continue
            np_start = j + 1
            nxt = cx.next_content(j + 1, hi)
            if nxt < hi and cx.vlow[nxt] in cx.lex.main:
                np_start = nxt + 1  # "…, so schrieb die Sängerin."
            elif nxt < hi and not (
                _is_cap(cx.tok[nxt])
                or cx.low[nxt] in _SO_ARTICLES
                or _is_cap(cx.tok[nxt].rsplit("-", 1)[-1])  # "so verdi-Chef Frank Werneke"
            ):
                continue  # "…, so mancher Reifen wurde …", "…, so lange könne …": no source
            last = np_forward(cx, np_start, hi)
            if last < np_start:
                continue
            ap = apposition(cx, last, hi)
            if ap > last and cx.next_content(ap + 1, hi) >= end:
                last = ap  # "…, so Matthias Freude, Präsident des Amtes.": the speaker's
            tail = frame_tail(cx, last + 1, hi)
            after = cx.next_content(tail + 1, hi)
            if not (after >= end or cx.tok[after] in _END_PUNCT or cx.tok[after] == ","):
                continue
            speaker = make_speaker(cx, np_start, last)
            parts = [(lo, prev - 1)]
            if after < end and cx.tok[after] == "," and not _relative_clause_at(cx, after + 1, hi):
                # "…, so X, …" goes on with the message; a relative clause ("…, so das
                # Ergebnis einer Studie, in der …") is the source's
                parts.append((after + 1, end))
            q = cx.quotation("indirect", parts, speaker, cx.word_cue(j, j, "so"))
            if q and _enough(cx, q):
                return [q]
        elif position == "self":
            if lw == "demnach":
                speaker = make_speaker(cx, j, j)
                if speaker:
                    speaker.speaker_type = "anonymous"
                q = cx.quotation(
                    "indirect", [(lo, j - 1), (j + 1, end)], speaker, cx.word_cue(j, j, lw)
                )
            else:
                prev = j - 1
                while prev >= lo and (cx.space[prev] or cx.tok[prev] == ","):
                    prev -= 1
                first = np_backward(cx, prev, lo)
                speaker = make_speaker(cx, first, prev) if first <= prev else None
                q = cx.quotation("indirect", [(j + 1, end)], speaker, cx.word_cue(j, j, lw))
            if q and _enough(cx, q):
                return [q]
        elif position == "phrase":
            es = cx.next_content(j + 1, hi)
            if es >= hi or cx.low[es] != "es":
                continue
            prev = j - 1
            while prev >= lo and cx.space[prev]:
                prev -= 1
            cue = cx.word_cue(j, es, "heißen")
            tail = frame_tail(cx, es + 1, hi)
            speaker = None
            if prev >= lo and cx.tok[prev] == "," and not adverbial_prefield(cx, lo, prev):
                if tail > es:
                    speaker = make_speaker(cx, cx.next_content(es + 1, hi), tail)
                q = cx.quotation("indirect", [(lo, prev - 1)], speaker, cue)
            else:
                if prev >= lo and cx.low[cx.next_content(lo, hi)] in cx.words["preposition"]:
                    stop = prev
                    if adverbial_prefield(cx, lo, prev + 1):
                        # "In der Vorabversion des Berichts, der …, heißt es": without the
                        # relative clause
                        stop = next(j for j in range(lo, prev + 1) if cx.tok[j] == ",")
                    speaker = make_speaker(cx, cx.next_content(lo, hi) + 1, stop)
                after_es = cx.next_content(es + 1, hi)
                if (
                    speaker is None
                    and tail >= after_es
                    and cx.low[after_es] in cx.words.get("statement_place", ())
                ):
                    # "Nun heißt es im Abschlussbericht, …": the place of the statement
                    speaker = make_speaker(cx, after_es, tail)
                nxt = cx.next_content(tail + 1, hi)
                if nxt >= hi or cx.tok[nxt] not in (",", ":"):
                    continue
                q = cx.quotation("indirect", [(nxt + 1, end)], speaker, cue)
            if q and _enough(cx, q):
                return [q]
    return []


def _cue_clause(cx: Context, j: int, lo: int, after: int, end: int) -> tuple[int, int]:
    """First and last token of what a cue word inside a subordinate clause reports.

    "Die Hunde trafen spät ein, da nach Angaben der Fluggesellschaft die Genehmigung zu
    spät beantragt worden war." - a cue word (``j``, or the first word of its source)
    inside a relative or subordinate clause attributes that clause only: the main clause
    before it stays the author's. Elsewhere the whole sentence (``lo`` … ``end``).
    """
    c = clause_start(cx, j, lo)
    if c <= lo or c >= j:
        return lo, end
    k = cx.next_content(c, j)
    lead = cx.low[cx.next_content(k + 1, j)] if cx.low[k] in cx.words["preposition"] else ""
    if not (
        cx.low[k] in _SUBORDINATORS or cx.low[k] in _RELATIVE_OPENERS or lead in _RELATIVE_OPENERS
    ):
        return (k, end) if _after_main_clause(cx, lo, c, k, j) else (lo, end)
    return k, clause_end(cx, after, end) if after <= end else end


def _before_next_cue(cx: Context, body: int, stop: int) -> int:
    """The message's last token before a clause with a cue word of its own, else ``stop``.

    "Nach Angaben der Behörden starben 384 Menschen, darunter laut UNO 62 Zivilisten.": the
    second source vouches for what follows its comma; the first message ends before it.
    """
    for j2 in cx.within(cx.prep_at, body + 1, stop + 1):
        entry = cx.preps.get(cx.low[j2])
        if not entry or entry[0] not in ("before", "after"):
            continue
        position, requires = entry
        if requires:
            nxt = cx.next_content(j2 + 1, stop + 1)
            words = [cx.low[k] for k in range(nxt, min(nxt + 3, stop + 1)) if not cx.space[k]]
            if not any(_requires(w, requires) for w in words):
                continue
        anchor = j2 if position == "before" else np_backward(cx, j2 - 1, body)
        c = clause_start(cx, anchor, body)
        if c > body + 1 and cx.tok[c - 1] == ",":
            last = c - 2
            while last > body and cx.space[last]:
                last -= 1
            return last
    return stop


def _after_main_clause(cx: Context, lo: int, c: int, k: int, j: int) -> bool:
    """The cue word ``j`` stands in a main clause (from ``k``) after a main clause of its own.

    "Der Flughafen ist wieder geöffnet, jedoch ist laut ZDF fraglich, ob …" / "Der
    Absturz wird am Montag erwartet, kann nach Angaben des Betreibers aber später
    erfolgen": the clause before the comma is the author's; the source vouches for its
    own clause only. The clause before is a main clause with a verb (no subordinate
    clause: "Als alle verreist waren, wurde laut Polizei …"; no relative clause or
    apposition of the subject: "Der Mann, der verletzt wurde, ist laut Polizei …", "Ein
    Sprengsatz, vermutlich eine Rohrbombe, ist laut Polizei …").
    """
    if cx.tok[c - 1] not in (",", ";"):
        return False
    lead = cx.next_content(lo, c)
    if cx.low[lead] in _SUBORDINATORS - _ARTICLES or cx.low[lead] in cx.words.get(
        "fronted_subordinator", ()
    ):
        return False
    seg = clause_start(cx, c - 1, lo)
    first = cx.next_content(seg, c - 1)
    if first >= c - 1 or not clause_like(cx, seg, c - 1):
        return False
    head = next((i for i in range(lead, c) if cx.tok[i] in (",", ";")), c)
    if not clause_like(cx, lo, head):
        # "Ein Sprengsatz, vermutlich eine Rohrbombe, ist laut Polizei …": the sentence
        # opens with a noun phrase and its apposition, the verb's subject
        return False
    if seg > lo and (cx.low[first] in _SUBORDINATORS or _relative_clause_at(cx, seg, c)):
        return False
    return k < j and clause_like(cx, k, j)


def _source_rest(cx: Context, last: int, end: int) -> tuple[int, int] | None:
    """Last token of a sentence-initial source and the finite verb after its relative clause.

    "Laut einem Artikel der BBC, der sich auf Daten der Bank beruft, leben …" / "Nach
    Aussage von Anna Roth, einer Sprecherin der Partei, die der Gruppe angehört, wurde
    …": the relative clause (after an apposition of the source) describes the source; it
    is neither the speaker nor the message, which starts at the verb after its comma.
    None if no relative clause follows the source.
    """
    comma = cx.next_content(last + 1, end)
    if comma >= end or cx.tok[comma] != ",":
        return None
    if not _relative_clause_at(cx, comma + 1, end):
        start = cx.next_content(comma + 1, end)
        ap = np_forward(cx, start, end) if start < end else -1
        if ap < start or not _is_cap(cx.tok[ap]):
            return None
        last, comma = ap, cx.next_content(ap + 1, end)
        if comma >= end or cx.tok[comma] != "," or not _relative_clause_at(cx, comma + 1, end):
            return None
    close = next((k for k in range(comma + 1, end) if cx.tok[k] == "," and cx.region_of[k] < 0), -1)
    verb = cx.next_content(close + 1, end) if close > 0 else end
    if verb >= end or not cx.tok[verb][:1].islower() or cx.low[verb] in cx.words["determiner"]:
        return None
    return last, verb


def _relative_clause_at(cx: Context, i: int, hi: int) -> bool:
    """A relative clause opens at ``i`` ("in der …", "die … hat"), not a main clause.

    An article that opens a main clause ("…, die Regierung werde handeln") is followed
    by its noun phrase and the finite verb.
    """
    k = cx.next_content(i, hi)
    if k >= hi:
        return False
    if cx.low[k] in cx.words["preposition"]:
        return cx.low[cx.next_content(k + 1, hi)] in _RELATIVE_OPENERS  # "…, in der …"
    if cx.low[k] not in _RELATIVE_OPENERS:
        return False
    if cx.low[k] not in _ARTICLES:
        return True  # "denen", "welche", "wobei", …
    last = np_forward(cx, k, hi)
    verb = cx.low[cx.next_content(last + 1, hi)] if last >= k else ""
    return not (verb in _AUXILIARIES or _mood(verb) or verb in cx.lex.main)


def _figure_attribute(cx: Context, j: int, lo: int, last: int, hi: int) -> bool:
    """The cue and its source qualify a figure inside a noun phrase, no statement.

    "246 der nach Behördenangaben 350 Passagiere wurden gerettet" / "eine Reichweite von
    100, nach anderen Angaben 110 Kilometern": a number follows the source, and before
    the cue stands an article or a first figure and a comma.
    """
    nxt = cx.next_content(last + 1, hi)
    if nxt >= hi or not cx.tok[nxt][:1].isdigit():
        return False
    prev = j - 1
    while prev > lo and cx.space[prev]:
        prev -= 1
    if prev < lo:
        return False
    if cx.low[prev] in _ARTICLES:
        return True
    before = prev - 1
    while before > lo and cx.space[before]:
        before -= 1
    return cx.tok[prev] == "," and before >= lo and cx.tok[before][:1].isdigit()


def _requires(word: str, requires: tuple[str, ...]) -> bool:
    words, endings = _requirement_sets(requires)
    return word in words or word.endswith(endings)


def _enough(cx: Context, q: Quotation) -> bool:
    return sum(e - s for s, e in q.spans) >= 12


_RELATIVE_SOURCES = frozenset({"denen", "dem", "der", "dessen", "deren", "welchem", "welcher"})


def _relative_cue(
    cx: Context, j: int, lo: int, hi: int, end: int, position: str, requires: tuple[str, ...]
) -> Quotation | None:
    """A cue word with a relative pronoun as its source reports the relative clause only.

    "Umfragen, nach denen die meisten Briten den Vertrag ablehnen" / "Berichte, denen
    zufolge die Armee abgezogen ist" / "eine Studie, laut der …": the main clause is the
    author's; the message is the relative clause, its source the pronoun (it stands for
    the antecedent). With "nach" the antecedent must be a statement noun (the cue's
    ``requires`` list), so "das Spiel, nach dem …" stays no quotation.
    """
    if position == "before":
        pron = cx.next_content(j + 1, hi)
        comma = j - 1
        k = pron + 1
    elif position == "after":
        pron = j - 1
        while pron > lo and cx.space[pron]:
            pron -= 1
        comma = pron - 1
        k = j + 1
    else:
        return None
    while comma > lo and cx.space[comma]:
        comma -= 1
    if pron >= hi or comma <= lo or cx.tok[comma] != "," or cx.low[pron] not in _RELATIVE_SOURCES:
        return None
    last_src = pron
    if cx.low[pron] in ("dessen", "deren") and requires:
        # "…, nach dessen Angaben …": the genitive pronoun and the statement noun
        noun = cx.next_content(pron + 1, hi)
        if noun < hi and _requires(cx.low[noun], requires):
            last_src = noun
            k = noun + 1
            requires = ()
    if requires:
        ante = comma - 1
        while ante > lo and cx.space[ante]:
            ante -= 1
        word = cx.low[ante]
        if not any(_requires(word[: len(word) - cut], requires) for cut in (0, 1, 2)):
            return None
    first = cx.next_content(k, hi)
    if first > end:
        return None
    last = clause_end(cx, first, end)
    speaker = make_speaker(cx, pron, last_src)
    q = cx.quotation("indirect", [(first, last)], speaker, cx.word_cue(j, j, cx.low[j]))
    return q if q and _enough(cx, q) else None
