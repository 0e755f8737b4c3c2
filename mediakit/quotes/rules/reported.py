"""Rule 5: reported speech acts - an utterance only named (Redebericht).

"Die Polizei sprach von einem Unfall." / "Die Regierung kritisierte den Plan als verfehlt." /
"Ihm war vorgeworfen worden, …" (agentless passive: an anonymous source). The verbs
and their act types are ``speech_acts.tsv``; the message is the whole sentence, so the
object of the act is part of the attributed content.

>>> from mediakit.quotes import find_quotes
>>> q = find_quotes("Die Regierung kritisierte den Plan als unausgegoren.")[0]
>>> q.kind, q.speaker.text, q.act
('reported', 'Die Regierung', 'criticism')
>>> q = find_quotes("Trump war immer wieder ein Schmusekurs mit Putin vorgeworfen worden.")[0]
>>> q.kind, q.speaker, q.act, q.agentless
('reported', None, 'accusation', True)
"""

from __future__ import annotations

from bisect import bisect_left

from ..lexicon import CueVerb, speech_act_context, speech_act_forms
from ..model import Quotation, Speaker
from ..syntax import (
    AGENT,
    PASSIVE_AUX,
    _topic_after_von,
    clause_content_start,
    make_speaker,
    np_forward,
    subject_of,
)
from ..view import Context
from ..words import _AUXILIARIES, _CLAUSE_BOUNDS, _END_PUNCT, _RELATIVE, _is_cap


def _clause(cx: Context, v: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the clause around ``v`` (between commas, colons, dashes)."""
    a = v
    while a > lo and cx.tok[a - 1] not in _CLAUSE_BOUNDS:
        a -= 1
    b = v + 1
    while b < hi and cx.tok[b] not in _CLAUSE_BOUNDS and cx.tok[b] not in _END_PUNCT:
        b += 1
    # an embedded relative clause does not end the clause: "Sie halten das Verfahren, das
    # zur Auflösung führte, für verfassungswidrig" - the act goes on after its comma
    while b < hi and cx.tok[b] == "," and cx.low[cx.next_content(b + 1, hi)] in _RELATIVE:
        c = b + 1
        while c < hi and cx.tok[c] not in _CLAUSE_BOUNDS and cx.tok[c] not in _END_PUNCT:
            c += 1
        last = _before(cx, c, b + 1)
        if c >= hi or cx.tok[c] != "," or not cx.tok[last][:1].islower():
            break  # no verb-final relative clause closed by a comma
        after = cx.next_content(c + 1, hi)
        if after >= hi or cx.low[after] in _RELATIVE or cx.low[after] in _AUXILIARIES:
            break  # the sentence goes on with another clause, not the act's
        b = c + 1
        while b < hi and cx.tok[b] not in _CLAUSE_BOUNDS and cx.tok[b] not in _END_PUNCT:
            b += 1
    return a, b


def reported(cx: Context, lo: int, hi: int) -> list[Quotation]:
    """A speech act only named: "Die Polizei sprach von einem Unfall." (whole sentence)."""
    acts = speech_act_forms()  # only these forms can name an act (checked once, up front)
    verbs = [v for v in cx.within(cx.verb_at, lo, hi) if cx.vlow[v] in acts]
    if not verbs:
        return []
    if _quoted_statement(cx, lo, hi):
        return _act_after_direct_frame(cx, lo, hi)
    if cx.has_konjunktiv(lo, hi, strong_only=True) == "k1":
        return []  # "Man habe das nie erwogen.": the content itself is rendered (Konjunktiv)
    last = cx.strip_end(hi, lo)
    if cx.tok[last + 1] == "?" and cx.region_of[last] < 0:
        return []  # "Was erwarten die Wähler?": the author's question reports no act
    lex = cx.lex
    for v in verbs:
        form = cx.vlow[v]
        if cx.region_of[v] >= 0:
            continue
        c_lo, c_hi = _clause(cx, v, lo, hi)
        relative = _relative_clause(cx, c_lo, v, lo) and not _verb_second(cx, c_lo, c_hi, v)
        if relative and not _subject_relative(cx, c_lo, c_hi, v):
            continue  # "…, die 25 Millionen Todesopfer gefordert hatte": describes a noun
        if cx.low[cx.next_content(c_lo, v)] in speech_act_context()["conditional"]:
            continue  # "Falls die Art als bedroht eingestuft wird, …": a hypothetical act
        if _in_parentheses(cx, v, lo, hi):
            continue  # "… trotz ihres Daumens (Wikinews berichtete) …": an aside
        # the auxiliary stands before the participle (main clause) or after it at the
        # clause end ("…, da die Bischöfe als Nachfolger gesehen werden")
        aux = _clause_auxiliaries(cx, c_lo, c_hi, v)
        participle = form in lex.participles and bool(aux)
        got = None
        if form in lex.main and not participle:
            got = cx.pick_verb(v, hi)
            if got and got[1] < 0 and cx.foreign_particle(v, hi):
                continue  # "rief … an" is anrufen, not rufen
        if got is None:
            candidates = lex.joined.get(form)
            if not candidates:
                continue
            got = (candidates[0], -1)
        verb, particle = got
        if not verb.act:
            continue
        if cx.low[_before(cx, v, c_lo)] == "zu":
            continue  # "sind 36 Todesopfer zu beklagen", "Das Projekt, ESPASA zu schreiben"
        p = verb.particle
        if p and verb.lemma.startswith(p) and form == p + "zu" + verb.lemma[len(p) :]:
            continue  # "ist darauf zurückzuführen": the zu-infinitive of a particle verb
        if _attributive(cx, v, lo, hi):
            continue  # "eine oft beklagte Lücke", "die seit Tagen erwartete Offensive"
        if form == verb.lemma or form == verb.lemma.replace(verb.particle, "", 1):
            modals = speech_act_context()["modal"]
            if any(cx.vlow[j] in modals for j in range(min(c_lo, lo), c_hi) if j != v):
                continue  # "wollte das Doppelte verlangen", "kann per SMS warnen": no act yet
        if (
            verb.act_requires
            and not any(
                cx.low[k] in verb.act_requires for k in range(c_lo, max(c_hi, particle + 1))
            )
            and not (
                verb.lemma in speech_act_context()["predicate_end"]
                and _ends_in_predicate(cx, v, c_hi)
            )
        ):
            continue  # "sprach mit Putin" is no report of speech, "sprach von …" is
        if not _object_after(cx, verb, c_lo, max(c_hi, particle + 1)):
            continue  # "sah ihn in Berlin": no view ("sieht in dem Plan einen Fehler" is one)
        if verb.lemma in speech_act_context()["predicate"] and not _predicate(
            cx, verb, c_lo, max(c_hi, particle + 1)
        ):
            continue  # "hält den Weltrekord für das schnellste Auto": no verdict
        passive = participle and any(
            cx.low[j] in PASSIVE_AUX for j in range(c_lo, min(hi, max(c_hi, v + 3)))
        )
        if form in lex.participles and not passive and _state_perfect(cx, c_lo, c_hi, v):
            continue  # "waren ins Stocken geraten", "war von Porsche ausgegangen": no act
        if form in lex.participles and _comparative(cx, c_lo, v):
            continue  # "stärker als erwartet", "wie angekündigt": the author's comparison
        if verb.act == "characterisation" and cx.low[cx.next_content(v + 1, hi)] == "sich":
            continue  # "Die Gruppe bezeichnet sich selbst als Projekt": a self-description
        if verb.act == "demand" and _casualties(cx, c_lo, c_hi):
            continue  # "Die Flut forderte 100 Todesopfer": lives claimed, nothing demanded
        n_lo, n_hi = _conjunct(cx, c_lo, c_hi, v)
        if negated(cx, n_lo, n_hi, v):
            continue  # "Die Behörde gab die Identität nicht bekannt.": nothing was said
        if not passive and not relative and not participle:
            frame = _postposed_frame(cx, verb, v, particle, lo, hi)
            if frame is not None:
                return [frame]  # "…, berichtete die Agentur.": the clause before is the content
        speaker: Speaker | None
        if passive:
            speaker = None
            finite = min((j for j in aux if j < v), default=c_lo)
            # "Es wird von einer Gefahr ausgegangen": a verb that takes its object with
            # "von" has no von-agent unless a second von-phrase stands in the clause
            object_von = [j for j in range(c_lo, v) if cx.low[j] in verb.act_requires]
            for j in range(c_lo, v):
                if c_lo < j < finite and j != cx.next_content(c_lo, v):
                    continue  # "Die Gesten von Franziskus werden … gesehen": an attribute
                if len(object_von) == 1 and j == object_von[0]:
                    continue
                if (
                    verb.act == "expectation"
                    and cx.low[j] in AGENT
                    and j > c_lo
                    and _is_cap(cx.tok[j - 1])
                    and cx.low[j - 1] not in cx.words["determiner"]
                ):
                    continue  # "wird ein Ausbruch von Cholera befürchtet": what is feared
                if cx.low[j] in AGENT and (cx.tok[j][:1].islower() or j == c_lo):
                    last = np_forward(cx, j + 1, v)
                    if last > j and not _topic_after_von(cx, j + 1, last):
                        speaker = make_speaker(cx, j + 1, last)
                        break
            if speaker is None:
                speaker = _report_prefield(cx, lo, v)
            if speaker is None and verb.lemma in speech_act_context()["needs_agent"]:
                continue  # "Für heute wird mit Regen gerechnet": a forecast, no source
        elif relative:
            # "…, die von Erschütterungen sprachen": the relative pronoun is the subject
            r = cx.next_content(c_lo, v)
            speaker = make_speaker(cx, r, r)
        else:
            speaker = subject_of(cx, v, lo, hi)
            if speaker is None:
                continue
            speaker = _without_content(cx, verb, speaker, v, max(c_hi, particle + 1))
            if speaker.text.lower() == "man" and (
                verb.act == "characterisation" or verb.lemma in speech_act_context()["needs_agent"]
            ):
                # "Als Lichtjahr bezeichnet man die Strecke …": a definition; "Für heute
                # rechnet man mit Regen": a forecast, as "wird mit Regen gerechnet"
                continue
            if verb.lemma in speech_act_context()["await"] and _awaits(cx, c_lo, v, speaker):
                continue  # "Den Piloten erwartet eine Anklage": awaiting, no expectation stated
        first = cx.next_content(lo, hi)
        last = hi - 1
        while last > first and cx.space[last]:
            last -= 1
        if cx.tok[first] == "(" and cx.tok[last] == ")":
            return []  # "(DER STANDARD berichtete.)": a cross-reference, not a quotation
        if not _has_content(cx, first, last + 1, v, speaker):
            return []  # "Die Zeitung berichtete.": the act names nothing
        if relative:
            first, last = c_lo, c_hi - 1
        else:
            first, last = _act_clauses(cx, first, last, v, speaker)
        q = cx.quotation("reported", [(first, last)], speaker, cx.cue(verb, v, particle))
        if q is None:
            return []
        q.act = verb.act
        q.agentless = passive and speaker is None
        return [q]
    return []


def _postposed_frame(
    cx: Context, verb: CueVerb, v: int, particle: int, lo: int, hi: int
) -> Quotation | None:
    """A finite act verb right after a comma with only its subject after it: a frame.

    "Die Truppen stießen auf heftigen Widerstand, berichtete die Agentur." - the act
    names no content of its own (no object after its subject, no word it requires), so
    the main clause before the comma is what was reported: an indirect quotation, as
    with "…, sagte X." Not so when the act has an object ("…, fordert die Partei den
    Rücktritt"), or when the sentence opens with an adverbial clause, a dass-clause or
    a phrase that is no clause ("Im Bericht, der gestern erschien, warnt der Verband").
    """
    prev = _before(cx, v, lo)
    if prev >= v or cx.tok[prev] != "," or cx.region_of[prev] >= 0:
        return None
    end = cx.strip_end(hi, lo)
    start = cx.next_content(v + 1, end + 1)
    if cx.low[start] in _LINKING_ADVERBS or not (
        _is_cap(cx.tok[start]) or cx.low[start] in cx.words["determiner"]
    ):
        return None  # "…, fordern aber …": a second act of the subject before the comma
    last = np_forward(cx, start, end + 1)
    if last < start or not _source_like(cx, start, last):
        return None  # "…, forderte die Einrichtung einer Kommission": an object, no source
    prepositions = cx.words["preposition"]
    in_phrase = False
    for k in range(last + 1, end + 1):
        if cx.space[k] or k == particle:
            continue
        lw = cx.low[k]
        if cx.tok[k] in _CLAUSE_BOUNDS or cx.region_of[k] >= 0 or lw in verb.act_requires:
            return None  # a clause or a content word of the act follows its subject
        if lw == "als":
            return None  # "…, schätzt den Vorgang als Niederlage ein": a predicate
        if lw in prepositions:
            in_phrase = True
        elif (lw in cx.words["determiner"] or _is_cap(cx.tok[k])) and not in_phrase:
            return None  # "…, fordert die Partei den Rücktritt": an object of the act
    first = cx.next_content(lo, prev)
    bound = next((j for j in range(first, prev) if cx.tok[j] in _CLAUSE_BOUNDS), prev)
    lead = cx.low[first]
    if lead in _ADVERBIAL or lead in ("dass", "daß", "ob") or not _verb_like(cx, first, bound):
        return None
    if cx.has_direct(first, prev):
        return None  # a quote before the comma carries its own frame
    speaker = make_speaker(cx, v + 1, last)
    if speaker is None:
        return None
    part = (clause_content_start(cx, lo, prev), prev - 1)
    return cx.quotation("indirect", [part], speaker, cx.cue(verb, v, particle))


def _without_content(cx: Context, verb: CueVerb, speaker: Speaker, v: int, c_hi: int) -> Speaker:
    """The subject after the verb without the act's required word and what follows it.

    "In einem Interview sprach die Kanzlerin von der Möglichkeit einer Koalition": the
    "von" after "die Kanzlerin" opens what she spoke of, no attribute of the speaker,
    when no other required word follows the subject ("sprach der Sprecher von
    Greenpeace von einem Erfolg" keeps its attribute).
    """
    if not verb.act_requires or speaker.start < cx.idx[v]:
        return speaker
    first = bisect_left(cx.idx, speaker.start)
    end = bisect_left(cx.idx, speaker.end)
    inside = [j for j in range(first + 1, end) if cx.low[j] in verb.act_requires]
    if not inside or any(cx.low[j] in verb.act_requires for j in range(end, c_hi)):
        return speaker
    return make_speaker(cx, first, _before(cx, inside[0], first)) or speaker


def _awaits(cx: Context, c_lo: int, v: int, speaker: Speaker) -> bool:
    """The subject after the verb is indefinite and a noun phrase stands before the verb.

    "Den Piloten erwartet eine Anklage" / "Die Besucher erwartet ein buntes Programm":
    the phrase before the verb is the object (the one awaited by something), the
    indefinite subject after it is a thing or an event - *erwarten* in the sense
    'await', no expectation anyone states. "Für 2025 erwartet der Verband ein Plus"
    (an adverbial first, the subject definite) stays an act.
    """
    s_first = bisect_left(cx.idx, speaker.start)
    if s_first <= v or cx.low[s_first] not in cx.words.get("indefinite_article", ()):
        return False
    first = cx.next_content(c_lo, v)
    lead = cx.low[first]
    w = cx.words
    return first < v and not (
        lead in w["preposition"] or lead in w["adverb"] or lead in _ADVERBIAL or lead == "es"
    )


def _source_like(cx: Context, first: int, last: int) -> bool:
    """The noun phrase ``[first, last]`` can name a source: a source word or a name.

    "die Agentur", "der Sprecher des Ministeriums" (a word of source_words.tsv),
    "Reuters", "die Hoover-Stiftung" (no common noun first); not "die Einrichtung einer
    Kommission" (a head noun of the kind that takes a genitive: an object).
    """
    from ..sources import _category
    from ..words import _common_noun

    heads = [k for k in range(first, last + 1) if _is_cap(cx.tok[k])]
    if any(_category(cx.tok[k]) in _SOURCE_CATEGORIES for k in heads):
        return True
    return bool(heads) and not _common_noun(cx.low[heads[0]])


# source_words.tsv categories whose word names who speaks ("die Agentur", "ein Sprecher")
_SOURCE_CATEGORIES = frozenset(
    {"institution", "person_role", "outlet", "expert", "anonymous", "report"}
)


def _verb_like(cx: Context, a: int, b: int) -> bool:
    """``[a, b)`` holds a word that can be its finite verb: a clause, not only a phrase.

    An auxiliary, or a lowercase word that is no function word, adverb or attributive
    adjective (one before a noun after an article or a preposition: "in einem gestern
    veröffentlichten Bericht"); "Die Truppen trafen auf …" and "Bei ihrem Vormarsch
    trafen Truppen auf …" are clauses, "Im Bericht der Kommission" is none.
    """
    w = cx.words
    skip = w["determiner"] | w["preposition"] | w["adverb"] | w["not_verb"]
    attributive = False  # the word after the current one is a noun or an attributive word
    for j in range(b - 1, a - 1, -1):
        t = cx.tok[j]
        if cx.space[j]:
            continue
        if cx.vlow[j] in _AUXILIARIES:
            return True
        if _is_cap(t):
            attributive = True
            continue
        if not t[:1].islower() or not t.isalpha() or cx.low[j] in skip:
            attributive = False
            continue
        before = _before(cx, j, a)
        noun_before = before < j and _is_cap(cx.tok[before]) and cx.low[before] not in skip
        if not attributive or noun_before:
            return True
    return False


def coordinated_act(cx: Context, q: Quotation, lo: int, hi: int) -> list[Quotation]:
    """A speech act after an indirect quotation, with the frame's subject as its speaker.

    "Die Behörde teilte mit, dass der Pegel steigt, und warnte vor Hochwasser." reports a
    second act: a coordinator ("und", "sowie") or a comma before a finite act verb that
    follows the indirect quotation (verb first, so the subject is the frame's). Also
    "…, sprach aber von …" (a comma, the verb, then "aber").
    """
    if q.kind != "indirect" or q.speaker is None or q.end <= q.start:
        return []
    inner = _act_inside(cx, q, lo, hi)
    if inner:
        return inner
    return _coordinated_after(cx, q.end, q.speaker, lo, hi)


def _act_after_direct_frame(cx: Context, lo: int, hi: int) -> list[Quotation]:
    """An act coordinated after the frame of a direct quote: "„…“, schrieb X und kündigte … an".

    The frame (cue and speaker) follows the quote; "und" and a finite act verb after it
    start a second act of the same speaker, a reported quotation of its own.
    """
    start, end = cx.idx[lo], cx.idx[hi] if hi < len(cx.idx) else cx.idx[-1]
    for q in cx.quotes:
        if q.kind != "direct" or q.speaker is None or q.cue is None:
            continue
        if q.start < start or q.end > end or q.cue.start < q.end:
            continue
        return _coordinated_after(cx, max(q.cue.end, q.speaker.end), q.speaker, lo, hi)
    return []


def _coordinated_after(
    cx: Context, after: int, speaker: Speaker, lo: int, hi: int
) -> list[Quotation]:
    """The act after "und"/"sowie" (or "…, sprach aber …") that follows offset ``after``."""
    j = next((k for k in range(lo, hi) if cx.idx[k] >= after), hi)
    c = cx.next_content(j, hi)
    if c >= hi or cx.region_of[c] >= 0:
        return []
    start = c
    if cx.tok[c] == ",":
        c = cx.next_content(c + 1, hi)
    if c < hi and cx.low[c] in _COORDINATORS:
        w = cx.next_content(c + 1, hi)
    elif c < hi and cx.tok[start] == ",":
        w = c  # "…, sprach aber von …": the verb right after the comma, then "aber"
        if cx.low[cx.next_content(w + 1, hi)] not in _LINKING_ADVERBS:
            return []
    else:
        return []
    if w >= hi or cx.vlow[w] not in cx.lex.main or cx.region_of[w] >= 0:
        return []
    got = cx.pick_verb(w, hi)
    if not got or not got[0].act:
        return []
    verb, particle = got
    end = cx.strip_end(hi, lo)
    c_lo, c_hi = w, end + 1
    if verb.act_requires and not any(
        cx.low[k] in verb.act_requires for k in range(c_lo, max(c_hi, particle + 1))
    ):
        return []
    if negated(cx, c_lo, c_hi, w) or not _has_content(cx, c_lo, c_hi, w, None):
        return []
    first = c if cx.low[c] in _COORDINATORS else w
    extra = cx.quotation("reported", [(first, end)], speaker, cx.cue(verb, w, particle))
    if extra is None:
        return []
    extra.act = verb.act
    return [extra]


def act_before_frame(cx: Context, q: Quotation, lo: int, hi: int) -> list[Quotation]:
    """A speech act in the clause before a coordinated frame verb of the same subject.

    "Die Ministerin kritisierte den Entwurf als verfehlt und sagte, sie werde dagegen
    stimmen." - the frame (``sagte``) follows "und" with no subject of its own; the clause
    before "und" reports an act of that subject: a reported quotation from the start of
    the sentence to the coordinator. The frame's cue becomes the verb after "und" (the
    first cue verb of the sentence is the act's). When the frame's cue already is the
    verb after "und", only the act is added.
    """
    if q.kind != "indirect" or q.cue is None:
        return []
    c = bisect_left(cx.idx, q.cue.start)
    a = bisect_left(cx.idx, q.start)
    if c >= a:
        return []
    u = _before(cx, c, lo)
    if u < c and u > lo and cx.low[u] in _COORDINATORS and cx.region_of[u] < 0:
        # the cue verb itself follows "und": "… als rechtmäßig und forderte sie auf, …"
        first = cx.next_content(lo, u)
        if any(cx.tok[j] in (",", ":", ";") for j in range(first, u)):
            return []
        return reported(cx, lo, u)
    for u in range(c + 1, a):
        if cx.low[u] not in _COORDINATORS or cx.region_of[u] >= 0:
            continue
        w = cx.next_content(u + 1, a)
        if w >= a or cx.vlow[w] not in cx.lex.main or not cx.tok[w][:1].islower():
            return []
        got = cx.pick_verb(w, hi)
        if not got:
            return []
        first = cx.next_content(lo, u)
        if any(cx.tok[j] in (",", ":", ";") for j in range(first, u)):
            return []  # only a single main clause before the coordinator
        act = reported(cx, lo, u)
        if act:
            verb, particle = got
            q.cue = cx.cue(verb, w, particle)
        return act
    return []


def _act_inside(cx: Context, q: Quotation, lo: int, hi: int) -> list[Quotation]:
    """A dass-clause that runs on into a second act: "…, dass der Pegel steigt, und warnte …".

    After the verb at the end of the dass-clause, "und" + a finite act verb starts a new
    main clause with the frame's subject; the indirect quotation ends before "und" and the
    act is a reported quotation of its own. Returns [shortened indirect, reported] or [].
    """
    a = next((k for k in range(lo, hi) if cx.idx[k] >= q.start), hi)
    b = max((k for k in range(a, hi) if cx.idx[k] < q.end), default=a)
    if a >= hi or cx.low[a] not in ("dass", "ob"):
        return []
    for c in range(a + 2, b):
        if cx.low[c] not in _COORDINATORS or cx.region_of[c] >= 0:
            continue
        before = c - 1
        while before > a and (cx.space[before] or cx.tok[before] == ","):
            before -= 1
        w = cx.next_content(c + 1, b + 1)
        if not cx.tok[before][:1].islower() or w > b or cx.vlow[w] not in cx.lex.main:
            continue
        got = cx.pick_verb(w, hi)
        if not got or not got[0].act:
            continue
        verb, particle = got
        after = cx.next_content(max(w, particle) + 1, b + 1)
        if after <= b and cx.tok[after] == ",":
            return []  # "… und gab an, die Polizei zu informieren": a frame of its own
        if verb.act_requires and not any(
            cx.low[k] in verb.act_requires for k in range(w, max(b + 1, particle + 1))
        ):
            return []
        if negated(cx, w, b + 1, w) or not _has_content(cx, w, b + 1, w, None):
            return []
        short = cx.quotation("indirect", [(a, c - 1)], q.speaker, q.cue)
        act = cx.quotation("reported", [(c, b)], q.speaker, cx.cue(verb, w, particle))
        if short is None or act is None:
            return []
        short.agentless = q.agentless
        act.act = verb.act
        return [short, act]
    return []


def _object_after(cx: Context, verb, lo: int, hi: int) -> bool:
    """A required preposition that needs a second noun phrase after its own (``object_after``).

    "Experten sehen in dem Referendum den ersten Schritt" names a view: after "in" and
    its noun phrase comes the object ("den ersten Schritt"). "Sie sah ihn in Berlin"
    names none. True when another required word of the act is present, or the act
    needs no such preposition.
    """
    marked = speech_act_context()["object_after"]
    present = [k for k in range(lo, hi) if cx.low[k] in verb.act_requires]
    if not present or any(cx.low[k] not in marked for k in present):
        return True
    dets = cx.words["determiner"]
    for k in present:
        n = cx.next_content(k + 1, hi)
        m = cx.next_content(n + 1, hi)
        if (
            n < hi
            and cx.tok[n][:1].islower()
            and cx.low[n] not in dets
            and (m >= hi or not cx.tok[m][:1].isupper())
        ):
            noun = n  # a pronoun: "sieht in ihm einen Nachfolger"
        else:
            noun = next((j for j in range(n, hi) if cx.tok[j][:1].isupper()), hi)
        after = cx.next_content(noun + 1, hi)
        if after < hi and (cx.low[after] in dets or cx.low[after].startswith("kein")):
            return True
    return False


def _ends_in_predicate(cx: Context, v: int, c_hi: int) -> bool:
    """The clause ends in a predicative adjective after an object: "nannte den Plan illegal"."""
    last = c_hi - 1
    while last > v and (cx.space[last] or not cx.tok[last][:1].isalnum()):
        last -= 1
    if last <= v + 1 or not cx.tok[last][:1].islower() or cx.region_of[last] >= 0:
        return False  # a quoted predicate ("nannte den Platzverweis „überzogen“") is direct
    w = cx.low[last]
    if w in cx.lex.main or w in _AUXILIARIES or w in speech_act_context()["negator"]:
        return False
    if any(cx.low[j] in _COORDINATORS or cx.low[j] == "sich" for j in range(v + 1, last)):
        return False  # "nennt sich … und findet … statt": no predicate of the object
    return any(cx.tok[j][:1].isupper() for j in range(v + 1, last))


def _predicate(cx: Context, verb, lo: int, hi: int) -> bool:
    """A required word of the act is followed by a predicative adjective: "für möglich".

    "hält den Plan für unausgegoren" / "hielt es für richtig" names a verdict; "hält den
    Weltrekord für das schnellste Auto" or "hält die Stellung für Stunden" does not (a
    determiner or a noun follows "für").
    """
    for k in range(lo, hi):
        if cx.low[k] in verb.act_requires:
            n = cx.next_content(k + 1, hi)
            if n < hi and cx.tok[n][:1].islower() and cx.tok[n][:1].isalpha():
                if (
                    cx.low[n] not in cx.words["determiner"]
                    or cx.low[n] in speech_act_context()["indefinite"]
                ):
                    return True  # "für möglich", "für einen Fehler"
    return False


def _quoted_statement(cx: Context, lo: int, hi: int) -> bool:
    """The sentence holds a direct quote that is a statement, not a fragment of the act.

    "Der Verband warnte vor „gefährlichen Nebenwirkungen“ des Mittels." names an act
    whose content takes a few quoted words (at most ``_FRAGMENT_WORDS`` words, inside
    the sentence): the act is the quotation and the quoted words are nested in it. A
    longer quote, one that runs past the sentence, or one that opens the sentence
    before the comma of its frame ("„…“, gab sie bekannt") is direct speech of its own and
    the sentence reports no act besides it.
    """
    limit = _FRAGMENT_WORDS
    k = max(0, bisect_left(cx.region_starts, lo) - 1)
    while k < len(cx.region_tokens) and cx.region_tokens[k][0] < hi:
        r_lo, r_hi = cx.region_tokens[k]
        if r_hi > lo and r_hi > r_lo and cx.region_kind[k] == "direct":
            if r_lo < lo or r_hi > hi:
                return True
            before = _before(cx, r_lo, lo)
            after = cx.next_content(r_hi, hi)
            if before == r_lo and after < hi and cx.tok[after] == ",":
                return True  # "„…“, gab sie bekannt": a statement framed after it
            words = sum(1 for j in range(r_lo, r_hi) if cx.tok[j][:1].isalnum())
            if words > limit:
                return True
        k += 1
    return False


# the most words a quoted fragment inside a reported act may have (longer: direct speech)
_FRAGMENT_WORDS = 6


def _before(cx: Context, v: int, lo: int) -> int:
    """The last non-space token before ``v`` (``v`` itself when there is none)."""
    k = v - 1
    while k >= lo and cx.space[k]:
        k -= 1
    return k if k >= lo else v


def _attributive(cx: Context, v: int, c_lo: int, hi: int) -> bool:
    """The form at ``v`` is an inflected participle before its noun: "eine oft beklagte Lücke".

    A determiner stands before it with only lowercase words (adverbs, adjectives) in
    between, and a capitalised noun follows; a finite verb in second position follows
    its subject instead ("Die Mieter beklagten Mängel").
    """
    nxt = cx.next_content(v + 1, hi)
    if nxt < hi and cx.tok[nxt] in ("–", "-"):
        nxt = cx.next_content(nxt + 1, hi)  # "eine – fast erwartete – Medaille"
    if nxt >= hi or not cx.tok[nxt][:1].isupper() or not cx.tok[v][:1].islower():
        return False
    k = _before(cx, v, c_lo)
    steps = 0
    while k < v and steps < 3:
        if cx.low[k] in cx.words["determiner"]:
            return True
        if cx.tok[k] in ("–", "-"):
            k = _before(cx, k, c_lo)  # "eine – fast erwartete – Medaille"
            continue
        if not cx.tok[k][:1].islower() or not cx.tok[k][:1].isalpha():
            return False
        k, steps = _before(cx, k, c_lo), steps + 1
    return False


def _clause_auxiliaries(cx: Context, c_lo: int, c_hi: int, v: int) -> list[int]:
    """The auxiliaries of the act's clause, without those of a relative clause inside it.

    :func:`_clause` spans a clause over the commas of an embedded relative clause only, so
    what stands between its first and last comma is the relative clause: "Die Polizei
    beziffert die Zahl der Menschen, die gestorben sind, auf 626" - "sind" is not the
    auxiliary of "beziffert" (which is no participle here).
    """
    commas = [k for k in range(c_lo, c_hi) if cx.tok[k] == ","]
    inner_lo, inner_hi = (commas[0], commas[-1]) if len(commas) >= 2 else (c_hi, c_hi)
    return [
        j
        for j in range(c_lo, c_hi)
        if j != v and cx.vlow[j] in _AUXILIARIES and not inner_lo < j < inner_hi
    ]


def _state_perfect(cx: Context, c_lo: int, c_hi: int, v: int) -> bool:
    """The participle at ``v`` has only a form of *sein* as its auxiliary in its clause.

    Speech-act verbs form their perfect with *haben* and their passive with *werden*;
    "Die Verhandlungen waren ins Stocken geraten" (geraten, not raten) and "Es sind
    schwere Verläufe dokumentiert" (a state) report no utterance.
    """
    state = speech_act_context()["state_aux"]
    aux = _clause_auxiliaries(cx, c_lo, c_hi, v)
    return bool(aux) and all(cx.vlow[j] in state for j in aux)


def _comparative(cx: Context, c_lo: int, v: int) -> bool:
    """The participle follows a comparison word: "stärker als erwartet", "wie angekündigt".

    The author compares an outcome with an expectation or an announcement; no act of
    speech is reported ("Die Ozonschicht schrumpft stärker als erwartet").
    """
    k = v - 1
    while k >= c_lo and cx.space[k]:
        k -= 1
    return k >= c_lo and cx.low[k] in speech_act_context()["comparative"]


def _casualties(cx: Context, c_lo: int, c_hi: int) -> bool:
    """The clause names casualties as the object: "forderte 92 Menschenleben" (not a demand).

    A casualty word after a preposition is part of a real demand ("forderte Hilfe für
    die Opfer").
    """
    casualty = speech_act_context()["casualty"]
    prepositions = cx.words["preposition"]
    for j in range(c_lo, c_hi):
        if cx.low[j] in casualty and cx.tok[j][:1].isupper():
            before = [cx.low[k] for k in range(max(c_lo, j - 3), j) if not cx.space[k]][-2:]
            if not any(w in prepositions and w != "als" for w in before):  # "mehr als 100 Tote"
                return True
    return False


def _conjunct(cx: Context, c_lo: int, c_hi: int, v: int) -> tuple[int, int]:
    """The part of the clause that belongs to the verb at ``v`` when verbs are coordinated.

    "Der Sprecher nannte keine Details und verwies auf die Ermittlungen": "und" right
    before a verb starts a second conjunct with the same subject, so the negation of the
    first ("keine Details") is not the second's, and the other way round.
    """
    lo, hi = c_lo, c_hi
    modals = speech_act_context()["modal"]
    for u in range(c_lo, c_hi):
        if cx.low[u] not in _COORDINATORS or cx.region_of[u] >= 0:
            continue
        w = cx.next_content(u + 1, c_hi)
        if w >= c_hi or not cx.tok[w][:1].islower():
            continue
        if not (cx.vlow[w] in cx.lex.main or cx.vlow[w] in _AUXILIARIES or cx.vlow[w] in modals):
            continue
        if w <= v:
            lo = u + 1
        elif u > v:
            hi = min(hi, u)
    return lo, hi


def negated(cx: Context, c_lo: int, c_hi: int, v: int) -> bool:
    """The clause of the act verb negates it: "gab … nicht bekannt", "keine Schäden berichtet".

    A negated act names no utterance. "nicht nur" is no negation ("nicht nur … attestiert"),
    nor is "nicht" before an attribute ("begründete es mit den nicht ausreichenden Mitteln").
    """
    negators = speech_act_context()["negator"]
    for j in range(c_lo, c_hi):
        if j != v and cx.low[j] in negators:
            k = cx.next_content(j + 1, c_hi)
            if cx.low[j] == "nicht" and k < c_hi:
                if cx.low[k] == "nur":
                    continue
                n = cx.next_content(k + 1, c_hi)
                if cx.tok[k][:1].islower() and n < c_hi and cx.tok[n][:1].isupper():
                    continue  # "mit den nicht ausreichenden Kapazitäten": inside a noun phrase
            return True
    return False


def _verb_second(cx: Context, c_lo: int, c_hi: int, v: int) -> bool:
    """The clause after the comma is a main clause: article, noun, finite verb, more words.

    "…, die Betreiber sprechen bereits von 850 Stellen" (verb second) is a main clause
    that starts with an article; a relative clause puts its verb last ("…, die von
    Erschütterungen sprachen", "…, die Betreiber kritisiert hatten").
    """
    k = cx.next_content(c_lo, v)
    n = cx.next_content(k + 1, v)
    if n >= v or not cx.tok[n][:1].isupper() or cx.next_content(n + 1, v + 1) != v:
        return False
    if cx.vlow[v] not in cx.lex.main or cx.vlow[v] in cx.lex.participles:
        return False
    after = cx.next_content(v + 1, c_hi)
    return after < c_hi and cx.vlow[after] not in _AUXILIARIES


def _in_parentheses(cx: Context, v: int, lo: int, hi: int) -> bool:
    """The verb stands inside a parenthesis of its sentence."""
    depth = 0
    for j in range(lo, v):
        if cx.tok[j] == "(":
            depth += 1
        elif cx.tok[j] == ")" and depth:
            depth -= 1
    return depth > 0 and any(cx.tok[j] == ")" for j in range(v + 1, hi))


def _relative_clause(cx: Context, c_lo: int, v: int, lo: int) -> bool:
    """The verb stands in a relative clause ("…, die von Erschütterungen sprachen")."""
    if c_lo <= lo or cx.tok[c_lo - 1] != ",":
        return False
    k = cx.next_content(c_lo, v)
    if k < v and cx.low[k] in cx.words["preposition"]:
        k = cx.next_content(k + 1, v)  # "…, von der …", "…, in dem …"
        n = cx.next_content(k + 1, v)
        if n < v and cx.tok[n][:1].isupper():
            return False  # "…, während die Verbände den Plan lobten": an article, no relative
    return k < v and cx.low[k] in _RELATIVE


def _subject_relative(cx: Context, c_lo: int, c_hi: int, v: int) -> bool:
    """A relative clause whose pronoun is the subject of an active act verb.

    "…, die von Erschütterungen sprachen" / "…, der den Plan als Fehler bezeichnete"
    report what the noun before said (``subject_relative`` in speech_act_context.tsv:
    the nominative relative pronouns). Not so a relative clause in the passive ("…, der
    als Nachfolger genannt wird": a name, or a description of the noun), after a
    preposition ("…, von der …") or with a subject of its own ("…, das er für falsch
    hält", "…, die Kritiker als Fehler bezeichnen").
    """
    r = cx.next_content(c_lo, v)
    if r >= v or cx.low[r] not in speech_act_context()["subject_relative"]:
        return False
    if any(cx.low[j] in PASSIVE_AUX for j in range(r + 1, max(c_hi, min(cx.n, v + 3)))):
        return False  # "…, der als Nachfolger genannt wird": passive (anywhere in the clause)
    n = cx.next_content(r + 1, v)
    # no subject of its own after the pronoun (an article, a personal pronoun, a name)
    return not (
        n < v
        and (
            cx.low[n] in cx.words["determiner"] or cx.low[n] in _PERSONAL or cx.tok[n][:1].isupper()
        )
    )


# personal pronouns that are a subject of their own after a relative pronoun
_PERSONAL = frozenset({"er", "sie", "es", "man", "ich", "wir", "ihr", "du"})


def _has_content(cx: Context, lo: int, hi: int, v: int, speaker: Speaker | None) -> bool:
    """Two or more words besides the verb, its auxiliaries and the speaker."""
    n = 0
    for j in range(lo, hi):
        if j == v or cx.space[j] or not cx.tok[j][:1].isalnum() or cx.vlow[j] in _AUXILIARIES:
            continue
        if speaker is not None and speaker.start <= cx.idx[j] < speaker.end:
            continue
        n += 1
        if n >= 2:
            return True
    return False


# conjunctions that join a second act with the same subject ("…, dass …, und warnte …")
_COORDINATORS = frozenset({"und", "sowie"})
# adverbs right after the verb of a second act joined by a comma ("…, sprach aber von …")
_LINKING_ADVERBS = frozenset({"aber", "jedoch", "zudem", "außerdem", "ferner", "allerdings"})

# conjunctions that open an adverbial clause: it is no part of the reported act
_ADVERBIAL = frozenset(
    {
        "weil",
        "da",
        "während",
        "nachdem",
        "obwohl",
        "wenn",
        "als",
        "bevor",
        "sodass",
        "damit",
        "zumal",
        "falls",
        "ehe",
        "seit",
        "seitdem",
        "indem",
        "wobei",
        "womit",
        "woraufhin",
    }
)


def _act_clauses(
    cx: Context, first: int, last: int, v: int, speaker: Speaker | None = None
) -> tuple[int, int]:
    """The part of the sentence that reports the act: without adverbial clauses.

    "Nachdem Behörden vor Gurken gewarnt hatten, stellte sich heraus …" reports only the
    first clause; "Er warnte vor Gurken, bevor …" only the main clause, but a reason
    after the act ("Er warnte vor Gurken, weil …", ``_act_reason``) belongs to it. A
    clause that opens with the act's own subject and verb is a main clause of its own:
    the main clause before its comma is the author's ("Es gab Kritik, die Verbände
    sprachen aber von einem Erfolg").
    """
    # a colon before the act verb ends a heading or an enumeration, not part of the act:
    # "Vorher zwei Bemerkungen: Erstens: Das RKI spricht von Fällen" reports from "Das RKI"
    colons = [j for j in range(first, v) if cx.tok[j] == ":" and cx.region_of[j] < 0]
    if colons:
        first = cx.next_content(colons[-1] + 1, last + 1)
    commas = [j for j in range(first, last + 1) if cx.tok[j] == "," and cx.region_of[j] < 0]
    if not commas:
        return first, last
    bounds = [first, *[c + 1 for c in commas]]
    segments = [(b, (commas[i] - 1) if i < len(commas) else last) for i, b in enumerate(bounds)]
    own = next(k for k, (a, b) in enumerate(segments) if a <= v <= b)

    def adverbial(k: int) -> bool:
        a = cx.next_content(segments[k][0], segments[k][1] + 1)
        return cx.low[a] in _ADVERBIAL

    if adverbial(own):
        return segments[own][0], segments[own][1]
    lo_k = own
    opens = cx.low[cx.next_content(segments[own][0], segments[own][1] + 1)]
    if opens not in ("dass", "daß") and not _opens_with_subject(cx, segments[own][0], v, speaker):
        # "Es ist klar, dass die Gewerkschaft mehr Lohn fordert": the act stands in a
        # content clause of the author's own main clause, which it does not report
        while lo_k > 0 and not adverbial(lo_k - 1):
            lo_k -= 1
    hi_k = own
    while hi_k + 1 < len(segments) and (
        not adverbial(hi_k + 1) or _act_reason(cx, segments[hi_k + 1])
    ):
        hi_k += 1
    return segments[lo_k][0], segments[hi_k][1] if hi_k + 1 < len(segments) else last


def _opens_with_subject(cx: Context, a: int, v: int, speaker: Speaker | None) -> bool:
    """The clause from ``a`` opens with the act's subject, then its verb: a main clause.

    "…, die Betreiber sprechen von 850 Stellen" / "…, er verwies aber auf …" (a
    ``frame_conjunction`` may stand first: "…, doch die Polizei sprach von …"), or a
    sentence adverb, the verb and then the subject ("…, zudem sprach die Polizei von …").
    Only a subject in the same clause counts: "Der Minister, der …, sprach von …" opens
    with the verb.
    """
    if speaker is None or a <= 0 or cx.tok[a - 1] != ",":
        return False
    k = cx.next_content(a, v)
    if k < v and cx.low[k] in cx.words.get("frame_conjunction", ()):
        k = cx.next_content(k + 1, v)
    if k < v and cx.low[k] in cx.words["adverb"] and cx.next_content(k + 1, v + 1) == v:
        return speaker.start > cx.idx[v]  # "…, obendrein spricht der Präsident von …"
    return k < v and cx.idx[k] == speaker.start and speaker.end <= cx.idx[v]


def _act_reason(cx: Context, seg: tuple[int, int]) -> bool:
    """The clause after the act gives its reason or circumstance ("…, weil …", "…, wobei …").

    The words are ``act_reason`` rows of speaker_words.tsv.
    """
    a = cx.next_content(seg[0], seg[1] + 1)
    return cx.low[a] in cx.words.get("act_reason", ())


def _report_prefield(cx: Context, lo: int, v: int) -> Speaker | None:
    """A passive act whose clause names the report it stands in: its source.

    "In einem Bericht von ndr.de werden die Vorkehrungen als extrem bezeichnet." / "Die
    Konflikte werden im Bericht auf … zurückgeführt." - the noun phrase after *in*/*im*
    (``statement_place``) before the verb is a report or outlet word (``source_words.tsv``
    outlet/report) with an attribute that names whose report it is (or the contracted
    article of *im*), so the report is the source, not anonymous.
    """
    return report_place(cx, lo, v)


def report_place(cx: Context, lo: int, hi: int) -> Speaker | None:
    """The first report named as the place of a statement in ``[lo, hi)`` (see above)."""
    from ..sources import _category

    places = cx.words.get("statement_place", ())
    for j in range(lo, hi - 1):
        if cx.low[j] not in places or cx.in_direct(j):
            continue
        start = cx.next_content(j + 1, hi)
        last = np_forward(cx, start, hi)
        if last < start:
            continue
        heads = [k for k in range(start, last + 1) if cx.tok[k][:1].isupper()]
        if not heads:
            continue
        kind = _category(cx.tok[heads[0]])
        if kind == "carrier" and len(heads) >= 2 and _category(cx.tok[heads[1]]) != "carrier":
            # "In einer Erklärung des Ministeriums wird … begründet": a statement with its
            # author in the genitive stands for that author's report
            return make_speaker(cx, start, last)
        if kind not in ("outlet", "report"):
            continue
        if len(heads) < 2 and cx.low[start] not in cx.words["determiner"] and cx.low[j] != "im":
            continue  # "In ersten Berichten wurde … vermutet": no one named, anonymous
        return make_speaker(cx, start, last)
    return None
