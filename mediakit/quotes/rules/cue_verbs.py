"""Rule 3: cue verbs and indirect speech (``sagte, dass …``; ``…, sagte X.``; ``Das berichtete X.``)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import product

from ..lexicon import CueVerb, speech_act_context
from ..model import Quotation, Speaker
from ..syntax import (
    _OBLIQUE,
    _after_reflexives_and_adverbs,
    adverbial_prefield,
    apposition,
    clause_content_start,
    clause_end,
    clause_like,
    clause_start,
    closed_apposition,
    frame_tail,
    make_speaker,
    names_someone,
    np_forward,
    passive_agent,
    quoted_konjunktiv,
    subject_of,
    v2_clause,
    zu_infinitive,
)
from ..view import Context
from ..words import (
    _ARTICLES,
    _AUXILIARIES,
    _COMPLEMENTIZERS,
    _END_PUNCT,
    _INDICATIVE_COMPLEMENT,
    _RELATIVE,
    _RELATIVE_OPENERS,
    _SUBORDINATORS,
    _is_cap,
    _mood,
)
from .reported import _report_prefield, negated


def _object_before_comma(cx: Context, lo: int, v: int, after: int, comma: int) -> bool:
    """The verb already has its object before the comma: "Die Gewerkschaft fordert höhere
    Löhne, die Arbeitgeber lehnen ab." - the main clause after the comma is no content of
    the verb (only a Konjunktiv or dass clause would be). Needs the subject in the
    pre-field, so a noun phrase after the verb is no subject; a dative ("sagte der Zeitung",
    "sagte ihm") and prepositional phrases ("sagte am Montag") are no such object.
    """
    first = cx.next_content(lo, v)
    if first >= v or np_forward(cx, first, v) < v - 1 or cx.low[first] in cx.words["preposition"]:
        return False
    k = cx.next_content(after + 1, comma)
    if k >= comma:
        return False
    lw = cx.low[k]
    if lw in cx.words["preposition"] or lw in cx.words["adverb"] or lw in cx.words["dative_lead"]:
        return False
    # a word (no number or sign) opens a noun phrase that holds a noun
    return cx.tok[k][:1].isalpha() and any(_is_cap(cx.tok[j]) for j in range(k, comma))


def _after_relative_cue(cx: Context, k: int, hi: int) -> int:
    """The content after a relative source cue that opens it, else ``k``.

    "verwies auf Studien, nach denen Homöopathie wirke", "wies Berichte zurück, wonach …",
    "…, denen zufolge …": the cue word (cue_prepositions.tsv, with a relative pronoun)
    names where the statement stands; the message starts after it.
    """
    lw = cx.low[k]
    pos = cx.preps.get(lw, ("",))[0]
    nxt = cx.next_content(k + 1, hi)
    if nxt >= hi:
        return k
    if pos == "self" and lw in _RELATIVE_CUES:
        return nxt  # "wonach"
    after = cx.next_content(nxt + 1, hi)
    if after >= hi:
        return k
    if pos == "before" and cx.low[nxt] in _RELATIVE_ONLY:
        return after  # "nach denen …" - not "nach dem Spiel"
    if lw in _RELATIVE_OPENERS and cx.preps.get(cx.low[nxt], ("",))[0] == "after":
        return after  # "denen zufolge"
    return k


#: "self" cue words that open a relative clause ("ein Bericht, wonach …"); "demnach" opens
#: a main clause
_RELATIVE_CUES = frozenset({"wonach"})

#: relative pronouns that are no article ("nach denen …"; "nach dem …" may be temporal)
_RELATIVE_ONLY = frozenset({"denen", "welchem", "welchen", "welcher", "welche", "welches"})


def _noun_with_relative(cx: Context, lead: int, prev: int) -> bool:
    """A noun phrase and its relative clause: "Die Gewerkschaft, die seit Wochen streikt, …".

    Before a comma and a cue verb it is the verb's subject, not a statement of its own.
    """
    comma = next((j for j in range(lead, prev) if cx.tok[j] == ","), -1)
    if comma <= lead or np_forward(cx, lead, comma) < comma - 1:
        return False
    k = cx.next_content(comma + 1, prev)
    if k < prev and cx.low[k] in cx.words["preposition"]:
        k = cx.next_content(k + 1, prev)  # "…, in der …"
    if any(cx.tok[j] == "," for j in range(k, prev)):
        return False  # "Der Plan, den sie vorlegte, ist gescheitert, sagte X": a clause
    return k < prev and cx.low[k] in _RELATIVE_OPENERS


def anaphoric_frame(cx: Context, lo: int, hi: int, prev: tuple[int, int] | None) -> list[Quotation]:
    """ "Das berichtete die Zeitung." - the frame points back to the previous sentence."""
    first = cx.next_content(lo, hi)
    if prev is None or first >= hi or cx.low[first] not in ("das", "dies", "dieses"):
        return []
    v = cx.next_content(first + 1, hi)
    if v >= hi or cx.vlow[v] not in cx.lex.main:
        return []
    got = cx.pick_verb(v, hi)
    if not got or got[0].medium == "thought":
        return []
    p_lo, p_hi = prev
    if cx.d.paragraph_of_token[p_lo] != cx.d.paragraph_of_token[first]:
        return []
    if any(cx.region_of[j] >= 0 and cx.in_direct(j) for j in range(p_lo, p_hi)):
        return []
    verb, particle = got
    start = _source_start(cx, verb.lemma, v + 1, hi)
    last = np_forward(cx, start, hi)
    speaker = make_speaker(cx, start, last) if last >= start else None
    q = cx.quotation(
        "indirect", [(p_lo, cx.strip_end(p_hi, p_lo))], speaker, cx.cue(verb, v, particle)
    )
    return [q] if q else []


def verb_frames(cx: Context, lo: int, hi: int) -> list[Quotation]:
    out: list[Quotation] = []
    candidates = cx.within(cx.verb_at, lo, hi)
    if not candidates:
        return out
    end = cx.strip_end(hi, lo)
    # first pass: a postposed frame ("…, sagte Peskow.") governs the whole sentence, even
    # when the quoted part holds cue verbs of its own; second pass: frames before content
    for postposed_pass, v in product((True, False), candidates):
        prev = v - 1
        while prev >= lo and cx.space[prev]:
            prev -= 1
        if postposed_pass and (prev < lo or cx.tok[prev] != ","):
            continue  # only a verb right after a comma can be a postposed frame
        lw = cx.vlow[v]
        got = cx.pick_verb(v, hi)
        joined = False
        if not got:
            verbs = cx.lex.joined.get(lw) or split_participle(cx, v)
            if not verbs:
                continue
            got = (verbs[0], -1)
            joined = True
        verb, particle = got
        if verb.complement == "none":
            continue  # "sieht … als …": names a speech act only (rules/reported.py)
        postposed = not joined and prev >= lo and cx.tok[prev] == "," and verb.complement == "any"
        if postposed_pass and not postposed:
            continue
        # postposed frame: "…, sagte Peskow." / "…, so X" handled in word cues
        if postposed and postposed_pass:
            if cx.has_direct(lo, prev) and cx.in_direct(cx.next_content(lo, prev)):
                continue  # „…“, sagte X: the direct quote carries this frame
            if adverbial_prefield(cx, lo, prev):
                continue  # "Im Brief, den er geschickt hat, erklärt er: …": no content
            if cx.low[cx.next_content(v + 1, hi)] in _OBLIQUE:
                # "Hubert Primus, der …, wies den Vorwurf zurück.": an object after the
                # verb; the phrase before the comma is the subject, no reported content
                continue
            last = np_forward(cx, v + 1, hi)
            lead = cx.next_content(lo, prev)
            # an adverbial clause ("Als …, sagte X") is no content; an article at the
            # sentence start is no relative pronoun ("Die Lage ist ernst, sagte X.")
            only_np = (
                np_forward(cx, lead, prev) >= prev - 1
                or cx.low[lead] in _SUBORDINATORS - _ARTICLES
                or _noun_with_relative(cx, lead, prev)
            )
            if last > v and not (
                particle > v and cx.tok[cx.next_content(particle + 1, hi)] == ","
                if cx.next_content(particle + 1, hi) < hi
                else False
            ):
                tail = frame_tail(cx, max(last, particle) + 1, hi)
                after = cx.next_content(tail + 1, hi)
                middle = after < hi and cx.tok[after] == "," and after < end
                if middle and cx.low[cx.next_content(after + 1, hi)] in ("dass", "ob"):
                    # "X, der …, sagte Reportern, dass …": a dass-clause after the verb is
                    # its object, so the frame is no postposed one - X is its subject
                    continue
                middle_speech = middle and cx.has_konjunktiv(after + 1, end + 1)
                if middle_speech and only_np and not _finite_first(cx, after + 1, end):
                    # "Ein Sprecher der Polizei, Lars Beringer, sagte heute gegenüber der
                    # Presse, nach … habe …": the rest is a clause of its own, so the noun
                    # phrase before the verb is no pre-field of it ("Die Lage, sagte er, sei
                    # ernst") but the verb's subject
                    continue
                if (only_np or not clause_like(cx, lo, prev)) and not (
                    cx.has_konjunktiv(lo, prev) or middle_speech
                ):
                    continue
                if middle and not middle_speech:
                    # "…, sagte Charles Bouchard, Kommandeur des Einsatzes.": an apposition
                    # that ends the sentence belongs to the speaker, not to the message
                    ap = apposition(cx, last, hi)
                    nxt = cx.next_content(ap + 1, hi)
                    if ap > last and (nxt >= end or cx.tok[nxt] in _END_PUNCT):
                        middle = False
                    elif ap > last and _adverbial_rest(cx, nxt, end):
                        # "…, sagte Anna Schmidt, die Leiterin des Amtes, am Montag.": the
                        # apposition closes with a comma and only adverbials follow
                        middle = False
                        last = ap
                    elif tail > last:
                        # "…, erklärte der Sprecher der Feuerwehr in Köln, Peter Braun.": the
                        # frame's attribute and then the name in apposition
                        ap = apposition(cx, tail, hi)
                        nxt = cx.next_content(ap + 1, hi)
                        if ap > tail and (nxt >= end or cx.tok[nxt] in _END_PUNCT):
                            middle = False
                            last = ap
                if not middle:
                    last = apposition(cx, last, hi)
                neg_hi = after if middle else end + 1
                neg_hi = next((j for j in range(v + 1, neg_hi) if cx.in_direct(j)), neg_hi)
                if verb.lemma not in speech_act_context()["negation_keeps"] and negated(
                    cx, v, neg_hi, v
                ):
                    continue  # "Warum …, gab die Behörde nicht bekannt.": nothing asserted
                speaker = make_speaker(cx, v + 1, last)
                q_lo = clause_content_start(cx, lo, prev)
                parts = [(q_lo, prev - 1)]
                if middle:
                    parts.append((after + 1, end))
                q = cx.quotation("indirect", parts, speaker, cx.cue(verb, v, particle))
                if q and q_lo < prev - 1:
                    out.append(q)
                    return out
                continue
        # "wie X mitteilte, …" or "…, wie X mitteilte."
        c = clause_start(cx, v, lo)
        first = cx.next_content(c, v)
        # "Denn wie die Zeitung berichtete, …", "Aber wie X mitteilte, …": a conjunction
        # before the frame joins the sentence to the one before; the frame still opens it
        sentence_start = cx.next_content(lo, hi)
        if (
            first == sentence_start
            and cx.low[first] in cx.words.get("frame_conjunction", ())
            and cx.low[cx.next_content(first + 1, v)] == "wie"
        ):
            first = sentence_start = cx.next_content(first + 1, v)
        if cx.low[first] != "wie":
            first = _wie_before_apposition(cx, c, v, lo, first)
        if cx.low[first] == "wie" and first < v:
            np_start = _source_start(cx, verb.lemma, _skip_adverbs(cx, first + 1, v), v)
            speaker_last = np_forward(cx, np_start, v)
            r = cx.region_of[np_start]
            if r >= 0 and cx.region_kind[r] in ("title", "scare"):
                speaker_last = cx.region_tokens[r][1] - 1  # "wie „heise online“ berichtet"
            if speaker_last >= np_start and cx.tok[speaker_last + 1] == ",":
                speaker_last = v - 1  # "wie Burt Rutan, Chef der Firma, mitteilte"
            nxt = cx.next_content(max(v, particle) + 1, hi)
            aux = -1
            for _ in range(2):  # "Wie die FIFA bekanntgegeben hat, …", "… berichtet wird, …"
                if nxt < hi and cx.low[nxt] in _AUXILIARIES:
                    aux = nxt
                    nxt = cx.next_content(nxt + 1, hi)
            if aux > 0 and nxt < end and cx.tok[nxt] != "," and first == sentence_start:
                # "Wie die Sender berichten sind zwei Polizisten getötet worden": the frame's
                # comma left out, the last auxiliary is the finite verb of the main clause
                nxt = aux - 1
            # a sentence-initial "Wie X …, mitteilte, …" frame may hold adverbials and an
            # apposition before its verb ("Wie der Spiegel in einem Bericht vom Montag
            # berichtet, …"); elsewhere a long gap means no source
            frame_closed = (nxt < hi and cx.tok[nxt] == ",") or nxt == aux - 1
            opening = frame_closed and first == sentence_start
            if speaker_last <= first or v - speaker_last > (_WIE_OPENING_GAP if opening else 5):
                continue  # "auf die Frage, wie oft die beiden gesprochen haben": no source
            speaker = make_speaker(cx, np_start, speaker_last)
            cue = cx.cue(verb, v, particle)
            if opening:
                q = cx.quotation("indirect", [(nxt + 1, end)], speaker, cue)
            elif first > lo and cx.tok[first - 1] == ",":
                q = cx.quotation("indirect", [(lo, first - 1)], speaker, cue)
            else:
                continue
            if q:
                return [q]
            continue
        # pre-frame: "X sagte(, dass | , er habe …)"
        j = max(v, particle) + 1
        while (
            j < hi
            and j - v < 14
            and cx.tok[j] not in (",", ":")
            and cx.tok[j] not in _END_PUNCT
            and (cx.region_of[j] < 0 or cx.region_kind[cx.region_of[j]] in ("title", "scare"))
        ):
            j += 1  # a name in quote marks may stand in the frame: sagte der „Berliner Zeitung“,
        if j >= hi or cx.tok[j] not in (",", ":"):
            if j < hi and cx.in_direct(j):
                continue
            q = _infinitive_without_comma(cx, verb, v, particle, lo, j, hi)
            if q is not None:
                out.append(q)
                return out
            continue
        # "erklärte der Eigentümer, das Medienhaus Lensing, dass …": an apposition of a
        # frame noun before a dass/ob clause
        comma = _after_apposition(cx, j, hi)
        subject_end = j
        apposition_end = _subject_apposition(cx, v, particle, j, hi) if comma == j else -1
        if apposition_end > j:
            # "Am Montag sagte Karl Mohr, Leiter der Abteilung, dass …": the subject's
            # apposition in commas; the content starts after its closing comma
            comma = cx.next_content(apposition_end + 1, hi)
        # the particle may follow the complement-taking verb's object: "teilte dem Sender mit,"
        if verb.particle and particle < 0 and not joined:
            continue
        k = cx.next_content(comma + 1, hi)
        if k >= hi or k > end:
            continue
        if cx.in_direct(k):
            continue  # the direct quote carries this frame
        k = _after_relative_cue(cx, k, hi)
        if cx.low[k] in cx.words.get("adverbial_subordinator", ()):
            continue  # "bestritt dies, indem er sagte, …": the inner frame has the content
        if cx.low[k] in _AUXILIARIES and cx.low[
            cx.next_content(clause_start(cx, v, lo), v)
        ] in cx.words.get("fronted_subordinator", ()):
            continue  # "Nachdem er gewarnt hatte, wurde …": the main clause, verb first
        if cx.low[k] in cx.words.get("conditional_verb_first", ()) and not any(
            cx.tok[j] == "," for j in range(k + 1, end)
        ):
            # "drohte mit Konsequenzen, sollte das Parlament zustimmen": a condition ends
            # the sentence, no content ("sagte, sollte X scheitern, werde er …" has one)
            continue
        if (
            v > lo
            and cx.low[v - 1] == "zu"
            and not joined
            and any(
                cx.low[j] in speech_act_context()["state_aux"]
                for j in range(clause_start(cx, v, lo), comma)
            )
        ):
            continue  # "Dabei ist zu bemerken, dass …": what is to be said, no utterance
        if cx.low[k] == "ob" and verb.lemma in speech_act_context().get("open_question", ()):
            continue  # "Der Richter entscheidet, ob …": an open question, no content
        clause_hi = clause_end(cx, k, end)
        kind = ""
        if cx.low[k] in _COMPLEMENTIZERS and cx.low[k] not in ("weil", "wie", "was", "wer"):
            kind = "indirect"
        elif verb.complement == "any" and (
            cx.has_konjunktiv(k, clause_hi + 1) or quoted_konjunktiv(cx, k, clause_hi + 1)
        ):
            kind = "indirect"  # … „sei in freundlicher Atmosphäre verlaufen“: a partial quote
        elif cx.low[k] not in ("um", "ohne", "statt", "anstatt") and zu_infinitive(
            cx, k, clause_hi
        ):
            kind = "indirect"
        elif (
            _INDICATIVE_COMPLEMENT
            and verb.complement == "any"
            and verb.medium != "thought"
            and cx.tok[comma] == ","
            and v2_clause(cx, k, clause_hi)
            and not _object_before_comma(cx, lo, v, max(v, particle), comma)
        ):
            kind = "indirect"  # "Er erklärte, die Enten waren infiziert."
        elif colon_statement(cx, verb, comma, k, clause_hi):
            kind = "direct"  # "Der Minister sagte: Wir werden das Problem lösen."
            clause_hi = _with_end_punct(cx, end, hi)  # the statement runs to the sentence end
        if not kind:
            continue
        if (
            prev > lo
            and cx.tok[prev] == ","
            and cx.in_direct(prev - 1)
            and cx.in_direct(cx.next_content(lo, prev))
            and not (cx.has_konjunktiv(k, clause_hi + 1) or quoted_konjunktiv(cx, k, clause_hi + 1))
        ):
            # "„…“, sagte Anna Roth, die den Plan entworfen hatte.": the direct quote before
            # the verb is its content; what follows the speaker describes the speaker
            continue
        if "?" in cx.tok[end + 1 : hi]:
            continue  # "Für wie wahrscheinlich halten Sie es, dass …?": a question, no report
        modals = speech_act_context()["modal"]
        if any(cx.vlow[j] in modals for j in range(clause_start(cx, v, lo), comma) if j != v):
            # "Man kann sagen, dass …", "Es darf festgehalten werden, dass …": the frame is
            # possible or required, no utterance is reported
            continue
        if kind == "indirect" and cx.has_konjunktiv(clause_start(cx, v, lo), comma) == "k1":
            # "Die Behörde gehe davon aus, dass …": a frame in Konjunktiv I is itself
            # reported - the sentence as a whole belongs to a Konjunktiv passage
            # (rules/konjunktiv.py), its speaker the one of that passage
            continue
        if verb.lemma not in speech_act_context()["negation_keeps"] and negated(
            cx, clause_start(cx, v, lo), comma, v
        ):
            continue  # "wollte nicht bestätigen, dass …": the content is not asserted
        passive, agent = passive_agent(cx, v, lo, comma)
        if passive and agent is None:
            # "In einem Bericht der Zeitung wurde vermutet, dass …": the report is the source
            agent = _report_prefield(cx, clause_start(cx, v, lo), v)
            if agent is None and _after_relative_clause(cx, clause_start(cx, v, lo), lo):
                # "In einer Erklärung des Amtes, auf die sich … berufen, wird …": the
                # pre-field is interrupted by a relative clause
                agent = _report_prefield(cx, lo, v)
        speaker = agent if passive else subject_of(cx, v, lo, subject_end)
        if (
            apposition_end > subject_end
            and speaker is not None
            and speaker.end == cx.end[subject_end - 1]
            and speaker.start > cx.idx[v]
        ):
            first = bisect_left(cx.idx, speaker.start)
            speaker = make_speaker(cx, first, apposition_end) or speaker
        if kind == "direct" and not _statement_frame(cx, v, lo, comma, passive, speaker):
            continue
        q = cx.quotation(kind, [(k, clause_hi)], speaker, cx.cue(verb, v, particle))
        if q:
            q.agentless = passive and agent is None
            out.append(q)
            return out
    return out


#: words that join a second frame to a first one ("…, und kündigte an, …", "…, doch X erklärte, …")
_FRAME_COORDINATORS = frozenset({"und", "aber", "doch", "jedoch", "sondern", "während"})


def coordinated_frame(cx: Context, q: Quotation, lo: int, hi: int) -> list[Quotation]:
    """A second frame inside an indirect quotation splits it in two.

    "Er sagte, die Lage sei ernst, und kündigte an, den Plan zu prüfen." and "X sagte, A
    sei tot, doch ein Sprecher erklärte, B …" are two statements: the first quotation
    ends before the comma and coordinator, the second frame (its subject, or else the
    first frame's speaker) governs what follows it. Returns [shortened, second] or [].
    """
    if q.kind != "indirect" or q.cue is None or len(q.spans) != 1:
        return []
    a = bisect_left(cx.idx, q.start)
    b = bisect_left(cx.idx, q.end)  # one past the quotation's last token
    for c in range(a + 2, min(b, hi)):
        if cx.low[c] not in _FRAME_COORDINATORS or cx.region_of[c] >= 0:
            continue
        comma = c - 1
        while comma > a and cx.space[comma]:
            comma -= 1
        if cx.tok[comma] != "," and not (cx.region_of[comma] >= 0 and cx.in_direct(comma)):
            continue  # "…, und kündigte an" or "… „…“ und kündigte an": after the marks
        inner = [v for v in cx.within(cx.verb_at, c + 1, b) if v - c <= 8]
        if not inner:
            continue
        second = verb_frames(cx, c + 1, hi)
        if not second or second[0].kind != "indirect" or second[0].start <= cx.idx[inner[0]]:
            continue
        nq = second[0]
        if nq.speaker is None or nq.speaker.start < cx.idx[c]:
            nq.speaker = q.speaker
        last = comma - 1 if cx.tok[comma] == "," else comma  # keep the closing mark
        while last > a and cx.space[last]:
            last -= 1
        end = cx.chars(a, last)[1]
        q.spans = [(q.spans[0][0], end)]
        q.end = end
        q.text = cx.text[q.start : end]
        return [q, nq]
    return []


def split_participle(cx: Context, v: int) -> list[CueVerb]:
    """The particle verbs whose participle ``v`` is, written apart from its particle.

    "hat bekannt gegeben", "nachdem bekannt geworden war": the participle right after
    the particle reads as the joined form ("bekanntgegeben"); elsewhere "gegeben" is
    no cue.
    """
    before = v - 1
    while before >= 0 and cx.space[before]:
        before -= 1
    if before < 0:
        return []
    return [verb for verb in cx.lex.split.get(cx.vlow[v], ()) if verb.particle == cx.low[before]]


def colon_statement(cx: Context, verb: CueVerb, colon: int, k: int, hi: int) -> bool:
    """A main clause in the indicative after a speech verb and a colon: direct speech.

    Quote marks lost in extraction leave the statement unmarked; after a cue verb of
    saying and a colon, a main clause with its finite verb in second position is still
    what a German teacher calls direct speech (without quote marks). Thought verbs
    ("glaubte:") and colons without a cue verb ("Der Grund ist klar: …") do not count.

    "Der Minister sagte: Wir werden das Problem lösen." -> direct, "Wir werden …"
    """
    return (
        cx.tok[colon] == ":"
        and verb.complement == "any"
        and verb.medium != "thought"
        and v2_clause(cx, k, hi)
    )


def _statement_frame(
    cx: Context, v: int, lo: int, colon: int, passive: bool, speaker: Speaker | None
) -> bool:
    """The frame before an unmarked colon statement names who speaks, in the indicative.

    Rejected: a passive ("Die Namen wurden bekanntgegeben: …"), an infinitive ("Auch
    Positives ist zu berichten: …"), an idiom with "es" ("Das Wetter meinte es gut: …"),
    a frame in the Konjunktiv (it is itself reported), no speaker or one of lowercase
    words only (a verb form read off an adverb: "äußerst").
    """
    if passive or speaker is None or cx.has_konjunktiv(lo, colon):
        return False
    if cx.low[v - 1 if v > lo else v] == "zu" or cx.low[cx.next_content(v + 1, colon)] == "es":
        return False
    words = speaker.text.split()
    return any(w[:1].isupper() for w in words) or speaker.text.lower() in cx.words["pronoun"]


def _with_end_punct(cx: Context, end: int, hi: int) -> int:
    """The sentence's final punctuation after ``end`` belongs to a direct statement."""
    j = cx.next_content(end + 1, hi)
    return j if j < hi and cx.tok[j] in _END_PUNCT else end


def _source_start(cx: Context, lemma: str, i: int, hi: int) -> int:
    """Past the "aus" that introduces the source of some verbs (``speech_act_context.tsv``).

    "Dies geht aus einer Mitteilung hervor", "wie aus dem Bericht hervorgeht".
    """
    i = cx.next_content(i, hi)
    if i < hi and cx.low[i] == "aus" and lemma in speech_act_context()["source_after_aus"]:
        return cx.next_content(i + 1, hi)
    return i


def _skip_adverbs(cx: Context, i: int, hi: int) -> int:
    """The first token after sentence adverbs: "wie schon die WHO sagte" -> "die"."""
    i = cx.next_content(i, hi)
    adverbs, dets = cx.words["adverb"], cx.words["determiner"]
    while i < hi and cx.low[i] in adverbs and cx.low[i] not in dets and cx.tok[i][:1].islower():
        i = cx.next_content(i + 1, hi)
    return i


def _finite_first(cx: Context, i: int, end: int) -> bool:
    """The clause from ``i`` opens with its finite verb ("sei ernst", "werde kommen")."""
    k = cx.next_content(i, end + 1)
    if k > end or not cx.tok[k][:1].islower():
        return False
    lw = cx.vlow[k] or cx.low[k]
    return lw in _AUXILIARIES or bool(_mood(lw)) or lw in cx.lex.main


def _adverbial_rest(cx: Context, comma: int, end: int) -> bool:
    """After ``comma`` up to the sentence end stand only adverbials ("am Montag in Berlin").

    The rest opens with a lowercase preposition or adverb and holds no further comma.
    """
    if comma >= end or cx.tok[comma] != ",":
        return False
    k = cx.next_content(comma + 1, end + 1)
    if k > end or not cx.tok[k][:1].islower():
        return False
    if cx.low[k] not in cx.words["preposition"] and cx.low[k] not in cx.words["adverb"]:
        return False
    return not any(cx.tok[j] in (",", ";", ":") for j in range(k, end + 1))


def _infinitive_without_comma(
    cx: Context, verb: CueVerb, v: int, particle: int, lo: int, stop: int, hi: int
) -> Quotation | None:
    """A zu-infinitive after a participle cue verb, its comma left out: indirect speech.

    "Die Firma hat angekündigt die Preise zu erhöhen." -> "die Preise zu erhöhen". Only
    when a finite auxiliary stands before the participle in its clause and the infinitive
    runs to the sentence end.
    """
    if stop >= hi or cx.tok[stop] not in _END_PUNCT or cx.tok[stop] == ":":
        return None
    k = cx.next_content(max(v, particle) + 1, stop)
    if k >= stop - 1 or cx.in_direct(k) or cx.low[k] in ("um", "ohne", "statt", "anstatt"):
        return None
    c = clause_start(cx, v, lo)
    if not any(cx.low[a] in _AUXILIARIES for a in range(c, v)):
        return None
    if not zu_infinitive(cx, k, stop - 1) or any(cx.tok[a] == "," for a in range(k, stop)):
        return None
    passive, agent = passive_agent(cx, v, lo, k)
    if passive and agent is None:
        agent = _report_prefield(cx, clause_start(cx, v, lo), v)
    speaker = agent if passive else subject_of(cx, v, lo, k)
    q = cx.quotation("indirect", [(k, stop - 1)], speaker, cx.cue(verb, v, particle))
    if q:
        q.agentless = passive and agent is None
    return q


def _after_relative_clause(cx: Context, c: int, lo: int) -> bool:
    """The clause at ``c`` follows a relative clause that interrupts the sentence's first
    phrase ("In einer Erklärung des Amtes, auf die sich … berufen, wird …")."""
    if c <= lo or cx.tok[c - 1] != ",":
        return False
    commas = [k for k in range(lo, c - 1) if cx.tok[k] == ","]
    if len(commas) != 1:
        return False
    k = cx.next_content(commas[0] + 1, c)
    rel = cx.low[k]
    if rel in cx.words["preposition"]:
        k = cx.next_content(k + 1, c)
        rel = cx.low[k]
    return rel in _RELATIVE


def _subject_apposition(cx: Context, v: int, particle: int, comma: int, hi: int) -> int:
    """Last token of an apposition in commas after a subject that follows the verb, or -1.

    "Dabei sagte Karl Mohr, der Leiter der Abteilung, aber auch, dass …": a name or role
    right after the cue verb and one noun phrase between two commas (see
    ``closed_apposition``); a content clause after the first comma is none.
    """
    # "Offenbar entschied sich Karl Mohr, …": past a reflexive and sentence adverbs
    start = _after_reflexives_and_adverbs(cx, cx.next_content(max(v, particle) + 1, comma), comma)
    if start >= comma or particle > v:
        return -1
    if cx.low[start] in cx.words["determiner"] and cx.low[start] not in cx.words["pronoun"]:
        # "erklärte der Direktor der Behörde, Mohammed el-Baradei, Nordkorea besitze …": a
        # role and the name in commas are one subject (np_forward); the content follows
        # of a person ("Minister"), the name of two words or more ("sagte der Minister,
        # Deutschland, Frankreich und Italien seien …" lists countries)
        last = np_forward(cx, start, hi)
        close = cx.next_content(last + 1, hi)
        if last <= comma or close >= hi or cx.tok[close] != ",":
            return -1
        from ..sources import _category

        name = [j for j in range(comma + 1, last + 1) if not cx.space[j]]
        role = any(_category(cx.tok[j]) == "person_role" for j in range(start, comma))
        people = all(_category(cx.tok[j]) != "institution" for j in name)
        return last if role and people and len(name) >= 2 else -1
    if not _is_cap(cx.tok[start]):
        return -1
    if cx.low[start] in cx.words["pronoun"] or cx.low[start] in cx.words["preposition"]:
        return -1
    if np_forward(cx, start, comma) != comma - 1 or not names_someone(cx, start, comma - 1):
        return -1
    ap = closed_apposition(cx, comma - 1, hi)
    if ap <= comma:
        return -1
    from ..sources import _category

    role = any(_category(cx.tok[j]) in ("person_role", "expert") for j in range(comma + 1, ap + 1))
    lead = cx.next_content(comma + 1, ap + 1)
    bare_name = cx.low[lead] not in cx.words["determiner"] and names_someone(cx, lead, ap)
    return ap if role or bare_name else -1


#: tokens allowed between the source and the verb of a sentence-initial "Wie X … mitteilte,"
_WIE_OPENING_GAP = 12


def _wie_before_apposition(cx: Context, c: int, v: int, lo: int, first: int) -> int:
    """The "wie" of a frame whose speaker has an apposition in commas, else ``first``.

    "…, wie Burt Rutan, Chef der Firma Scaled Composites, mitteilte.": the clause of the
    verb starts after the apposition; the frame starts one or two commas earlier.
    """
    if c <= lo or cx.tok[c - 1] != "," or "wie" not in cx.low[max(lo, c - 24) : c]:
        return first  # cheap tests first: most cue verbs have no "wie" before them
    if c < v and not _frame_adverbial(cx, c, v):
        return first
    seg = c
    for _ in range(2):
        if seg <= lo or cx.tok[seg - 1] != ",":
            return first
        start = clause_start(cx, seg - 1, lo)
        w = cx.next_content(start, seg - 1)
        if w >= seg - 1:
            return first
        if cx.low[w] == "wie":
            ok = np_forward(cx, _skip_adverbs(cx, w + 1, seg - 1), seg - 1) >= seg - 2
            return w if ok else first
        if np_forward(cx, w, seg - 1) < seg - 2:
            return first  # the segment between the commas is no apposition
        seg = start
    return first


def _after_apposition(cx: Context, comma: int, hi: int) -> int:
    """The comma before a dass/ob clause that follows the speaker's apposition, else ``comma``.

    "Erklärte der Eigentümer, das Medienhaus Lensing, dass …": the noun phrase between
    the commas belongs to the frame; the content starts after the second comma.
    """
    before = comma - 1
    while before > 0 and cx.space[before]:
        before -= 1
    if cx.tok[comma] != "," or not _is_cap(cx.tok[before]):
        return comma  # the apposition follows a noun of the frame ("der Eigentümer, …")
    k = cx.next_content(comma + 1, hi)
    if k >= hi or cx.low[k] in _COMPLEMENTIZERS or cx.region_of[k] >= 0:
        return comma
    last = np_forward(cx, k, hi)
    if last < k:
        return comma
    nxt = cx.next_content(last + 1, hi)
    if (
        nxt + 1 < hi
        and cx.tok[nxt] == ","
        and cx.low[cx.next_content(nxt + 1, hi)] in ("dass", "ob")
    ):
        return nxt
    return comma


def _frame_adverbial(cx: Context, c: int, v: int) -> bool:
    """Tokens ``c`` … ``v - 1`` are the speaker's rest or an adverbial of the speaking.

    "wie Steve Marshall, Sprecher des Büros, in Bangkok mitteilte": after the
    apposition a noun phrase, adverbs ("heute") or a prepositional phrase may stand.
    """
    k = _skip_adverbs(cx, c, v)
    if k >= v:
        return True
    if cx.low[k] in cx.words["preposition"]:
        k = cx.next_content(k + 1, v)
        if k >= v:
            return False
    last = np_forward(cx, k, v)
    # "wie ein Vertreter des Konzerns, EADS heute mitteilte": adverbs after the noun phrase
    return last >= v - 1 or (last >= k and _skip_adverbs(cx, last + 1, v) >= v)


def continued_statements(cx: Context) -> None:
    """An unmarked colon statement runs on over the next sentences of its paragraph.

    After "Der Minister sagte:" the statement (quote marks lost) may take several
    sentences; it runs on while a sentence has no frame of its own: no quotation
    found in it, no cue verb or cue word, no quote region and no Konjunktiv (which
    would be reported again), and it stays in the paragraph.

    "Er sagte: Wir sind bereit. Das Angebot steht." -> one direct statement of two sentences.
    """
    if not cx.quotes:
        return
    starts = sorted(q.start for q in cx.quotes)
    for q in cx.quotes:
        if q.kind != "direct" or q.cue is None:
            continue
        first = bisect_left(cx.idx, q.start)
        if cx.region_of[first] >= 0:
            continue  # quote-marked: the marks give its end
        k = bisect_left(cx.sentences, (bisect_left(cx.idx, q.end - 1) + 1, -1))
        end = q.end
        while k < len(cx.sentences):
            lo, hi = cx.sentences[k]
            lo = cx.next_content(lo, hi)
            if lo >= hi or cx.new_paragraph(first, lo):
                break
            nxt = bisect_left(starts, cx.idx[lo])
            if nxt < len(starts) and starts[nxt] < cx.idx[hi - 1] + 1:
                break  # a quotation of its own
            if (
                cx.within(cx.verb_at, lo, hi)
                or cx.within(cx.prep_at, lo, hi)
                or cx.has_konjunktiv(lo, hi)
                or any(cx.region_of[j] >= 0 for j in range(lo, hi))
            ):
                break
            last = hi - 1
            while last > lo and cx.space[last]:
                last -= 1
            end = cx.end[last]
            k += 1
        if end > q.end:
            q.spans[-1] = (q.spans[-1][0], end)
            q.end = end
            q.text = cx.text[q.start : end]
