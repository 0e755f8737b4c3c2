"""Rule 6: Konjunktiv passages without a frame of their own (free indirect speech)."""

from __future__ import annotations

from bisect import bisect_left

from ..model import Quotation, Speaker
from ..syntax import (
    _source_like,
    clause_start,
    make_speaker,
    np_forward,
    sentence_subject,
    topic_subject,
)
from ..view import Context
from ..words import (
    _ARTICLES,
    _AUXILIARIES,
    _CONDITIONAL_OPENERS,
    _FI_REACH,
    _RELATIVE_OPENERS,
    _SENTENCE_END,
    _SUBORDINATE_OPENERS,
    _SUBORDINATORS,
)


def free_indirect(cx: Context) -> None:
    cx.quotes.sort(key=lambda q: q.start)
    if not cx.mood_at:
        return  # no Konjunktiv candidate: no sentence has a mood (Context.has_konjunktiv)
    starts = [q.start for q in cx.quotes]
    # a direct quote inside a Konjunktiv sentence ("Daten seien „sehr relevant“.") is
    # nested in it, so only quotes that open their sentence block it
    taken = [
        (q.start, q.end) if q.kind != "direct" or cx.opens_sentence(q.start) else (-1, -1)
        for q in cx.quotes
    ]
    result: list[Quotation] = []
    last_speaker: Speaker | None = None
    last_end_sentence = -10
    last_par = -1
    qi = 0
    prev_fi: Quotation | None = None
    prev_framed = False  # prev_fi is a clause cut from behind an indicative frame
    prev_mood = ""  # the mood of prev_fi's first sentence
    skipped_k2: tuple[int, int, int] | None = None  # a Konjunktiv II sentence not taken
    for si, (lo, hi) in enumerate(cx.sentences):
        s_start, s_end = cx.idx[lo], cx.end[hi - 1]
        while qi < len(cx.quotes) and cx.quotes[qi].start < s_end:
            q = cx.quotes[qi]
            if q.speaker is not None or q.kind != "direct":
                # "Laut X … . Demnach … . Y sei …": after *demnach* the passage is still X's
                refers_back = (
                    q.speaker is not None
                    and q.speaker.text.lower() == "demnach"
                    and last_speaker is not None
                    and si - last_end_sentence <= 1
                )
                if not refers_back:
                    last_speaker = q.speaker  # a source-less report ends the chain
                last_par = cx.d.paragraph_of_token[min(cx.n - 1, bisect_left(cx.idx, q.start))]
            last_end_sentence = si
            qi += 1
            prev_fi = None
        k = bisect_left(starts, s_end)
        overlaps = any(s < s_end and e > s_start for s, e in taken[max(0, k - 3) : k + 1])
        if overlaps:
            continue
        mood = cx.has_konjunktiv(lo, hi)
        if mood and not main_clause_mood(cx, lo, hi):
            mood = ""  # only an embedded clause reports; the sentence stays the author's
        if mood == "k2" and _k2_before_main_verb(cx, lo, hi):
            mood = ""  # "Als die Straße geräumt werden sollte, wurden …": the author's clause
        if not mood:
            prev_fi = None
            continue
        if mood == "k2" and cx.low[cx.next_content(lo, hi)] in _CONDITIONAL_OPENERS:
            prev_fi = None
            continue  # "Sollte der Antrag angenommen werden, könnte …": a hypothesis
        # Konjunktiv II ("würden", "könnte") is also the hypothetical: it reports only
        # close to a quotation - the next sentence, or one more within the same paragraph
        recent = si - last_end_sentence <= (3 if mood == "k1" else 1) or (
            mood == "k2" and si - last_end_sentence <= 2 and last_par == cx.d.paragraph_of_token[lo]
        )
        if mood == "k2" and not recent:
            skipped_k2 = (si, lo, hi)
            continue
        if mood == "rs" and not (
            recent or perfect_infinitive(cx, lo, hi) or state_infinitive(cx, lo, hi)
        ):
            prev_fi = None
            continue
        first = cx.next_content(lo, hi)
        last = hi - 1
        while last > first and cx.space[last]:
            last -= 1
        cut = konjunktiv_clause_start(cx, first, hi)
        framed = cut > first
        if cut > first and _planned_relative(cx, cut, hi):
            prev_fi = None
            continue  # "…, die auf 29,9 Prozent aufgestockt werden sollen.": a plan, no report
        speaker = last_speaker if si - last_end_sentence <= _FI_REACH else None
        if prev_fi is not None:
            # "Larson gab sich optimistisch. Man sei … Das Unternehmen werde …": a chain of
            # Konjunktiv sentences keeps the speaker its first sentence found
            speaker = prev_fi.speaker
        if (
            speaker is not None
            and last_par != cx.d.paragraph_of_token[lo]
            and prev_fi is None
            and last_end_sentence != si - 1
        ):
            # a new paragraph ends the last speaker's turn - unless it opens in the
            # Konjunktiv or with reportive sollen right after that speaker's quotation
            # ("Das Exilparlament erklärte, … seien getötet worden.¶Am Samstag sollen …")
            speaker = None
        if cut > first:
            # the indicative frame clause may name the source (a speaker of the sentence
            # itself, so no paragraph boundary removes it) ("Die Bank beruft sich darauf, …");
            # after a passage it interrupts the passage: the clause is no continuation, and
            # its speaker is the frame's own ("… Es gebe keine Zeugen. Der Prozess beginnt
            # erst im Mai, weil das Gericht überlastet sei.")
            carried = speaker if prev_fi is None else None
            speaker = sentence_subject(cx, lo, cut) or _named_topic(cx, lo, cut) or carried
            first = cut
            # an embedded clause ends before the sentence's full stop (as indirect speech
            # does); a free indirect sentence keeps it
            last = cx.strip_end(hi, lo)
        if cx.low[first] in cx.words.get("viewpoint_preposition", ()) and cut == first:
            # "Für den Bischof sei der Rücktritt verständlich.": whose view it is
            np_last = np_forward(cx, first + 1, hi)
            if np_last > first and _source_like(cx, first + 1, np_last):
                speaker = make_speaker(cx, first + 1, np_last) or speaker
        opens_k2 = (
            mood == "k1"
            and skipped_k2 is not None
            and skipped_k2[0] == si - 1
            and cx.d.paragraph_of_token[skipped_k2[1]] == cx.d.paragraph_of_token[lo]
            and first == cx.next_content(lo, hi)
        )  # the Konjunktiv II sentence right before opens the passage (below)
        if (
            speaker is None
            and prev_fi is None
            and opens_k2
            and si > 1
            and last_end_sentence < si - 2
        ):
            # "Die Regierung widersprach. So hätten Rebellen … Außerdem habe …": the
            # subject of the sentence before the passage's first (Konjunktiv II) sentence
            speaker = topic_subject(cx, *cx.sentences[si - 2])
        elif speaker is None and prev_fi is None and si > 0 and last_end_sentence < si - 1:
            # "Parwanow ist besorgt. Der Konflikt sei …": the subject of the sentence before,
            # or the report it cites ("Die Konflikte werden im Bericht auf … zurückgeführt.")
            speaker = topic_subject(cx, *cx.sentences[si - 1]) or _report_in(
                cx, *cx.sentences[si - 1]
            )
        elif speaker is None and prev_fi is not None and not framed:
            speaker = prev_fi.speaker  # the chain keeps the speaker its first sentence found
        if (
            prev_fi is not None
            and prev_fi.speaker is speaker
            and not prev_framed
            and not framed
            and (mood == "rs") == (prev_mood == "rs")
        ):
            s, e = cx.chars(first, last)
            prev_fi.spans.append((s, e))
            prev_fi.end = e
            prev_fi.text = cx.text[prev_fi.start : e]
            last_end_sentence = si
            continue
        if opens_k2 and skipped_k2 is not None:
            # "Oberhalb von 800 Metern könnten Orkanböen auftreten. Besonders der Westen sei
            # betroffen.": the Konjunktiv II sentence right before opens the same passage
            first = cx.next_content(skipped_k2[1], skipped_k2[2])
        found = cx.quotation("free_indirect", [(first, last)], speaker, None)
        if found:
            result.append(found)
            prev_fi = found
            # a clause cut from behind its frame ("Die Bank beruft sich darauf, …") is
            # indirect speech of that frame: the Konjunktiv sentences after it are a
            # passage of their own (with the same speaker), not more of the clause
            prev_framed = framed
            prev_mood = mood
            last_end_sentence = si
    cx.quotes.extend(result)
    cx.quotes.sort(key=lambda q: q.start)


def _named_topic(cx: Context, lo: int, cut: int) -> Speaker | None:
    """The person or organisation the indicative frame clause opens with, no pronoun.

    "Die Experten kamen zu dem Ergebnis, dass es keine Beweise gebe." - the frame names
    the source even without a speech verb; *er*/*sie* there is mostly no speaker ("Sie
    zeigten, dass …" of figures), so a pronoun keeps the carried speaker.
    """
    found = topic_subject(cx, lo, cut)
    return found if found is not None and found.speaker_type != "pronoun" else None


def _report_in(cx: Context, lo: int, hi: int) -> Speaker | None:
    """The report a sentence of one paragraph names ("… werden im Bericht genannt.")."""
    from .reported import report_place

    if cx.d.paragraph_of_token[lo] != cx.d.paragraph_of_token[hi - 1]:
        return None
    return report_place(cx, lo, hi)


def konjunktiv_clause_start(cx: Context, first: int, hi: int) -> int:
    """Where the reported part of a Konjunktiv sentence starts.

    An indicative main clause before the first Konjunktiv clause is the author's frame,
    not reported content: "Die Staatsanwaltschaft hegt den Verdacht, er könnte Geld
    genommen haben." reports only "er könnte …". A sentence that opens with a
    subordinate clause ("Wenn es regnet, werde er …") or in Konjunktiv stays whole.
    """
    if cx.low[first] in _SUBORDINATORS - _ARTICLES or cx.in_direct(first):
        return first
    strong = cx.has_konjunktiv(first, hi) != "rs"
    for j in cx.within(cx.mood_at, first, hi):
        if cx.in_direct(j) or (strong and _planned_sollen(cx, j, first, hi)):
            continue
        c = clause_start(cx, j, first)
        while c > first and cx.region_of[c - 1] >= 0 and cx.in_direct(c - 1):
            # a partial quote inside the clause ("…, dass Gewalt „in der Ideologie
            # angelegt“ sei") is no clause boundary: the clause starts before it
            c = clause_start(cx, cx.region_tokens[cx.region_of[c - 1]][0], first)
        if c <= first or cx.tok[c - 1] not in (",", ":"):
            return first
        k = cx.next_content(c, hi)
        lead = cx.low[cx.next_content(k + 1, hi)] if cx.low[k] in cx.words["preposition"] else ""
        if (cx.low[k] in _RELATIVE_OPENERS or lead in _RELATIVE_OPENERS) and _embedded(cx, j, hi):
            # "Risikoreiche Geschäfte der Banken, die zur Krise geführt hätten, seien …": a
            # relative clause inside the subject; the sentence is reported as a whole
            return first
        return k if k < j else first
    return first


def _planned_sollen(cx: Context, j: int, first: int, hi: int) -> bool:
    """``j`` is *soll*/*sollen* of a plan in a clause without a perfect infinitive.

    "Ab Mai sollen zwanzig neue Busse fahren, eine dritte Linie werde geprüft." - the
    indicative clause before the Konjunktiv one is the author's, like any indicative frame;
    "So soll er die Nachricht erhalten haben, dass …" reports from its start.
    """
    if cx.has_konjunktiv(j, j + 1) != "rs":
        return False
    e = j + 1
    while e < hi and cx.tok[e] not in (",", ";", ":") and cx.tok[e] not in _SENTENCE_END:
        e += 1
    return not perfect_infinitive(cx, first, min(hi, e + 1))


def _planned_relative(cx: Context, cut: int, hi: int) -> bool:
    """The reported part is a relative clause whose only mood marker is indicative *sollen*.

    "Die Bank kauft Anteile, die auf 29,9 Prozent aufgestockt werden sollen." - *sollen* in
    a relative clause states a plan or purpose ("der 2010 in Serie gehen soll"), not what
    someone said; *solle*, *würde* or a Konjunktiv I still report.
    """
    k = cut
    if cx.low[k] in cx.words["preposition"]:
        k = cx.next_content(k + 1, hi)  # "mit denen …", "in dem …"
    return cx.low[k] in _RELATIVE_OPENERS and cx.has_konjunktiv(cut, hi) == "rs"


def _embedded(cx: Context, j: int, hi: int) -> bool:
    """The clause of ``j`` closes with a comma right before the main clause's Konjunktiv verb."""
    k = j + 1
    while k < hi and cx.tok[k] not in (",", ":", ";") and cx.tok[k] not in _SENTENCE_END:
        k += 1
    if k >= hi or cx.tok[k] != ",":
        return False
    v = cx.next_content(k + 1, hi)
    return v < hi and bool(cx.has_konjunktiv(v, v + 1))


def perfect_infinitive(cx: Context, lo: int, hi: int) -> bool:
    """The clause ends in a perfect infinitive (``… geflohen sein``, ``… gesagt haben``).

    With reportive *sollen* this marks a claim of others: "Er soll Geld genommen haben."
    """
    j = cx.strip_end(hi, lo)
    while j > lo and not cx.tok[j].isalpha():
        j -= 1
    if j <= lo or cx.low[j] not in ("haben", "sein"):
        return False
    k = j - 1
    while k > lo and cx.space[k]:
        k -= 1
    return cx.low[k] != "zu" and cx.tok[k][:1].islower()


#: what may follow an infinitive of state at the end of its clause ("… betragen, …",
#: "… stammen als …")
_AFTER_INFINITIVE = frozenset({",", ".", ";", ":", "!", "?", "als", "wie", "und", "oder"})


def state_infinitive(cx: Context, lo: int, hi: int) -> bool:
    """Reportive *sollen* governs an infinitive of state (``state_infinitive`` words).

    "Der Schaden soll eine Million Euro betragen." / "Bei dem Toten soll es sich um
    einen Touristen handeln." - a state is claimed, not planned; "Die Brücke soll 2026
    eröffnet werden." (a plan) has no such infinitive.
    """
    states = cx.words.get("state_infinitive", ())
    for j in cx.within(cx.mood_at, lo, hi):
        if cx.low[j] not in ("soll", "sollen") or not cx.tok[j][:1].islower() or cx.in_direct(j):
            continue
        b = j - 1
        while b > lo and cx.space[b]:
            b -= 1
        if b > lo and cx.low[b] in states and cx.tok[b][:1].islower():
            return True  # "…, dass sich Kinder darunter befinden sollen"
        for k in range(j + 1, hi):
            if cx.tok[k] in _SENTENCE_END or cx.tok[k] == ";":
                break
            if cx.low[k] in states and cx.tok[k][:1].islower() and not cx.in_direct(k):
                nxt = cx.next_content(k + 1, hi)
                if nxt >= hi or cx.low[nxt] in _AFTER_INFINITIVE:
                    return True
    return False


def _k2_before_main_verb(cx: Context, lo: int, hi: int) -> bool:
    """Every Konjunktiv II form closes a clause that the indicative main verb follows.

    "Als die Halle geschlossen werden sollte, hatten die Besetzer schon das Dach erreicht." /
    "Eine Verordnung, die den Verkehr entlasten sollte, wurde verworfen." - the verb-final
    clause stands in the pre-field or inside the subject, and the main clause after it is
    the author's indicative; a stand-in of reported speech is the main verb itself ("Die
    Bürger würden entlastet.", "…, die Bürger würden entlastet").
    """
    found = False
    for j in cx.within(cx.mood_at, lo, hi):
        if cx.in_direct(j) or not cx.tok[j][:1].islower():
            continue
        found = True
        k = cx.next_content(j + 1, hi)
        if k >= hi or cx.tok[k] != ",":
            return False
        v = cx.next_content(k + 1, hi)
        if v >= hi or cx.low[v] not in _AUXILIARIES or cx.has_konjunktiv(v, v + 1) in ("k1", "k2"):
            return False
    return found


def main_clause_mood(cx: Context, lo: int, hi: int) -> bool:
    """Some Konjunktiv form stands outside an embedded yes/no question (``ob …``).

    A dass-clause or a relative clause in Konjunktiv still reports (the Wikinews
    annotations count such sentences as reported speech).
    """
    for j in cx.within(cx.mood_at, lo, hi):
        if cx.in_direct(j):
            continue
        c = clause_start(cx, j, lo)
        first = cx.next_content(c, j + 1)
        lw = cx.low[first]
        if lw in _SUBORDINATE_OPENERS:
            continue
        return True
    return False
