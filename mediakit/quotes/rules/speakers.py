"""Rule 8: speakers - pronouns resolved to the nearest compatible person mention."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from ...document import MEMO_LIMIT, TextSpan, memo_map
from ...tables import load_table
from ..model import Quotation, Speaker
from ..syntax import _source_like, apposition, make_speaker, np_forward, topic_subject
from ..view import Context
from ..words import _is_cap, _token_forms, _words


def resolve_pronouns(cx: Context) -> None:
    """A pronoun speaker refers to the nearest compatible person mention before it.

    "Der Kanzler traf den Präsidenten. Er sagte, er sei zufrieden." - *Er* is the
    Kanzler: the same or the two previous sentences of the paragraph are searched,
    nearest sentence first, in each its subject (the phrase it opens with) before the
    other mentions from right to left. A mention is a name or a role, institution or
    expert word of ``source_words.tsv``; the pronoun must fit it (``antecedent_words.tsv``):
    *er* no role in -in and no institution, *sie* no male role (a plural, an institution
    or a female role). Also for "Seiner Meinung nach" (a possessive before a statement
    noun). Without such a mention the most recent named speaker of the same or the
    previous paragraph, if compatible; else the pronoun stays unresolved.
    """
    last_named: Speaker | None = None
    for q in cx.quotes:
        s = q.speaker
        if s is None:
            continue
        if s.speaker_type == "pronoun" or _pronoun_class(s.text) is not None:
            _resolve(cx, s, last_named)
        elif s.speaker_type == "named" and (q.cue is None or q.cue.lemma not in cx.preps):
            last_named = s  # "nach Darstellung Moskaus" is no antecedent for "er"


def _resolve(cx: Context, s: Speaker, last_named: Speaker | None) -> None:
    if s.resolved is not None:
        return
    wanted = _pronoun_class(s.text)
    if wanted is None:
        return
    found = antecedent(cx, s.start, wanted)
    if found is not None:
        a, b = found
        s.resolved = TextSpan(a, b, cx.text[a:b], "speaker")
        return
    if (
        last_named is not None
        and last_named.start < s.start
        and cx.paragraph_at(s.start) - cx.paragraph_at(last_named.start) <= 1
        and _fits(wanted, _mention_gender(last_named.text))
    ):
        s.resolved = TextSpan(last_named.start, last_named.end, last_named.text, "speaker")


@cache
def _antecedent_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in load_table("antecedent_words.tsv"):
        out.setdefault(row["category"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


def _pronoun_class(text: str) -> str | None:
    """ "er" -> "he", "Sie" -> "she_they", "Seiner Meinung" -> "he"; None for other speakers."""
    from ..sources import _category

    words = text.split()
    aw = _antecedent_words()
    low = words[0].lower() if words else ""
    if len(words) == 1 and low in ("er", "sie"):
        return "he" if low in aw["he"] else "she_they"
    if len(words) == 2 and _category(words[0]) == "possessive" and _category(words[1]) == "carrier":
        if low in aw["he"]:
            return "he"
        if low in aw["she_they"]:
            return "she_they"
    return None


def _fits(wanted: str, gender: str) -> bool:
    """Pronoun class and mention gender (m, f, pl, any)."""
    if gender == "any":
        return True
    return gender == "m" if wanted == "he" else gender in ("f", "pl")


def _mention_gender(text: str) -> str:
    """m, f, pl or any for a mention text ("Die Ministerin" f, "der Kanzler" m, "Trump" any)."""
    from ..sources import _category

    aw = _antecedent_words()
    words = [w for w in text.replace("-", " ").split() if w]
    roles = [w for w in words if _category(w) == "person_role"]
    caps = [w for w in words if w[:1].isupper() and not _category(w)]
    low = [w.lower() for w in words]
    if any(w in aw["male_title"] for w in low):
        return "m"
    if any(w in aw["female_title"] for w in low):
        return "f"
    cats = {_category(w) for w in words}
    if not roles and caps and all(w.isupper() and len(w) > 1 for w in caps):
        return "pl"  # an acronym: a party or organisation (SPD, NATO)
    if not roles:
        if cats & {"institution", "outlet"}:
            return "pl"  # "die Regierung", "der Kreml" ... sie: a group or institution
        return "any"
    role = roles[-1].lower()
    if any(role.endswith(e) for e in aw["plural_ending"]):
        return "pl"
    if any(role.endswith(e) for e in aw["female_ending"]) and _category(role[:-2]) == "person_role":
        return "f"
    if low and low[0] in aw["plural_determiner"] and not caps[-1:]:
        return "pl"  # "die Minister"
    return "m"


def antecedent(cx: Context, start: int, wanted: str, depth: int = 0) -> tuple[int, int] | None:
    """Character span of the antecedent of a pronoun at ``start`` (``wanted``: he/she_they).

    >>> from mediakit.document import parse
    >>> from mediakit.quotes.view import Context
    >>> text = "Die Ministerin traf den Kanzler. Er sagte, er sei zufrieden."
    >>> cx = Context(parse(text))
    >>> a, b = antecedent(cx, text.index("Er"), "he")
    >>> text[a:b]
    'den Kanzler'
    """
    i = bisect_left(cx.idx, start)
    if i >= cx.n:
        return None
    par = cx.d.paragraph_of_token[i]
    hi = i
    lo = cx.sentence_start(i)
    for step in range(3):  # the pronoun's sentence, then two before it
        opening = cx.next_content(lo, hi)
        if step and opening < hi and depth < 2 and _opens_with_pronoun(cx, opening, wanted):
            # "Sie wird nicht kandidieren. Sie wird zitiert: …": a sentence before that
            # opens with the same pronoun has the same referent
            chained = antecedent(cx, cx.idx[opening], wanted, depth + 1)
            if chained is not None:
                return chained
        if hi > lo:
            mentions = _mentions(cx, lo, hi)
            ordered = [m for m in mentions if m[2]] + [m for m in reversed(mentions) if not m[2]]
            for first, last, _subject in ordered:
                a, b = cx.chars(first, last)
                if _fits(wanted, _mention_gender(cx.text[a:b])):
                    return a, b
        if lo == 0 or cx.d.paragraph_of_token[lo - 1] != par:
            return None
        hi = lo
        lo = cx.sentence_start(lo - 1)
    return None


def _word_forms() -> dict[str, str]:
    """Lowercase German adjective and verb forms (``lexicon_forms.tsv``): no names.

    The evaluative layer's table, read once per process and shared with it.
    """
    from ...evaluative.lemmas import _lexicon_forms

    return _lexicon_forms()


def _opens_with_pronoun(cx: Context, j: int, wanted: str) -> bool:
    """The sentence opens (token ``j``) with *er* or *sie* of the ``wanted`` class, unquoted."""
    if cx.in_direct(j) or cx.low[j] not in ("er", "sie"):
        return False
    return (cx.low[j] in _antecedent_words()["he"]) == (wanted == "he")


def _known_names(cx: Context) -> frozenset[str]:
    """Lowercased person names the text introduces, computed once per text.

    The last word of a run of capitalised words after a first name or a role
    ("Wolfgang Schäuble", "Kremlsprecher Dmitri Peskow", "Frau Maier") and the words
    of named speakers; "Schäuble" alone later is then a name, "Kilometer" is not.
    """
    if cx.known_names is not None:
        return cx.known_names
    names: set[str] = set()
    starts = {a for a, _ in cx.sentences}
    space, low = cx.space, cx.low
    prev_ok = False
    forms = memo_map(_NAME_FORMS, cx.d.token_texts, _name_form, MEMO_LIMIT)
    for j, (cap, name_like, role, title) in enumerate(forms):
        if space[j]:
            continue
        if not cap:
            prev_ok = title
            continue
        if name_like and prev_ok and j not in starts:
            names.add(low[j])
        prev_ok = (name_like and j not in starts) or role
    for q in cx.quotes:
        if q.speaker is not None and q.speaker.speaker_type == "named":
            names.update(w.lower() for w in q.speaker.text.split() if _is_cap(w))
    frozen = frozenset(names)
    cx.known_names = frozen
    return frozen


#: token text -> how :func:`_known_names` reads it, decided once per word form in a
#: process: (capitalised, name-like, a role or title word, a title word)
_NAME_FORMS: dict[str, tuple[bool, bool, bool, bool]] = {}


def _name_form(t: str) -> tuple[bool, bool, bool, bool]:
    """:data:`_NAME_FORMS` of one token text: "Schäuble" is name-like, "Kilometer" not."""
    from ..sources import _category

    aw = _antecedent_words()
    titles = aw["male_title"] | aw["female_title"]
    low = _token_forms([t])[0][0]
    title = low in titles
    if not _is_cap(t):
        return False, False, title, title
    words = _words()
    cat = _category(t)
    name_like = (
        not cat
        and t.replace("-", "").isalpha()
        and not low.endswith(tuple(aw["noun_ending"]))
        and low not in words["determiner"]
        and low not in words["preposition"]
        and low not in words["adverb"]
    )
    return True, name_like, cat == "person_role" or title, title


def _mentions(cx: Context, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Person mentions in tokens ``[lo, hi)``: (first, last, is the sentence's subject)."""
    from ..sources import _category

    aw = _antecedent_words()
    det = cx.words["determiner"]
    blocked = det | aw["no_name_before"] | cx.words["preposition"]
    skip = (
        cx.words["preposition"]
        | cx.words["adverb"]
        | cx.words["pronoun"]
        | cx.words["time_noun"]
        | cx.words["anonymous"]
        | aw["not_name"]
        | det
    )
    opening = cx.next_content(cx.sentence_start(lo), hi)
    nouns = tuple(aw["noun_ending"])
    out: list[tuple[int, int, bool]] = []
    j = lo
    while j < hi:
        t = cx.tok[j]
        if not _is_cap(t) or cx.in_direct(j):
            j += 1
            continue
        cat = _category(t)
        if cx.low[j] in skip and cat not in ("person_role", "expert"):
            j += 1  # "Sprecherin" is a role, though also the head of "eine Sprecherin"
            continue
        prev = j - 1
        while prev >= lo and cx.space[prev]:
            prev -= 1
        person = cat in ("person_role", "institution", "expert")
        if not cat and not cx.low[j].endswith(nouns) and t.replace("-", "").isalpha():
            prev_low = cx.low[prev] if prev >= lo else ""
            # "den großen Krieg": an adjective after a determiner before a noun
            k = prev
            while (
                k > lo
                and cx.low[k] not in det
                and cx.tok[k].islower()
                and cx.low[k].endswith(("e", "en"))
            ):
                k -= 1
            adjective = k < prev and cx.low[k] in det
            # "nach Darstellung Moskaus": a name after a statement noun is mostly a
            # place standing for a government, no antecedent
            after_carrier = prev >= lo and _category(cx.tok[prev]) == "carrier"
            person = (
                prev_low not in blocked
                and prev_low != "("  # "Edathy (SPD)": the party, not the person
                and not adjective
                and not after_carrier
            )
            nxt = cx.next_content(j + 1, hi)
            if person and j == opening:
                # a bare capitalised subject before its verb ("Scholz traf …")
                person = (
                    nxt < hi
                    and (cx.tok[nxt].islower() or _is_cap(cx.tok[nxt]))
                    and cx.low[j] not in _word_forms()  # "Groß war …", "Geführt wird …"
                )
            elif person:
                # elsewhere a capitalised word may be any noun ("wenige Kilometer"): only a
                # name the text introduces (first name + surname, role + name) counts
                known = _known_names(cx)
                person = cx.low[j] in known or (nxt < hi and cx.low[nxt] in known)
            if person and prev_low in aw["male_title"] | aw["female_title"]:
                j = prev  # "Frau Maier"
        if not person:
            j += 1
            continue
        first = j
        while first - 1 >= lo and (
            cx.low[first - 1] in det
            or cx.space[first - 1]
            or (
                cx.tok[first - 1].islower()
                and cx.tok[first - 1].endswith(("e", "en"))
                and first - 2 >= lo
                and cx.low[first - 2] in det
            )
        ):
            first -= 1
        while first < j and cx.space[first]:
            first += 1
        last = j
        k = cx.next_content(j + 1, hi)
        while (
            k < hi
            and _is_cap(cx.tok[k])
            and not cx.in_direct(k)
            and (
                not _category(cx.tok[k])
                and not cx.low[k].endswith(nouns)
                and cx.tok[k].replace("-", "").isalpha()
                and cx.low[k] not in skip
            )
        ):
            last = k
            k = cx.next_content(k + 1, hi)
        out.append((first, last, first == opening))
        j = last + 1
    return out


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
        # the frame's sentence (the quote may open a new line after the colon)
        lo = cx.sentence_start(j)
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


def speaker_appositions(cx: Context) -> None:
    """A named speaker keeps the apposition in commas that follows it.

    "… sagte Jon Bon Jovi, Gründer der Band: „…“" / "Anna Berg, die Vorsitzende des
    Vereins, sagte …": the Wikinews annotations take the role with the name (the
    speaker is the whole noun phrase). Only an apposition that ends at a comma, a colon
    or the sentence end (:func:`~mediakit.quotes.syntax.apposition`: no new clause), that
    names a role (or the name of a role: "der Innenminister, Wolfgang Schäuble"), and
    none that reaches into the quotation.
    """
    for q in cx.quotes:
        s = q.speaker
        if s is None or s.speaker_type == "pronoun" or s.resolved is not None or "," in s.text:
            continue
        first = bisect_left(cx.idx, s.start)
        last = bisect_left(cx.idx, s.end) - 1
        if first >= cx.n or last < first or cx.end[last] != s.end:
            continue
        hi = cx.sentence_end(last)
        ap = apposition(cx, last, hi)
        if ap <= last:
            continue
        a, b = cx.chars(first, ap)
        if any(a < qe and b > qs for qs, qe in q.spans or [(q.start, q.end)]):
            continue
        if any(cx.region_of[j] >= 0 for j in range(last + 1, ap + 1)):
            continue
        if not _role_apposition(cx, first, last, cx.next_content(last + 2, ap + 1), ap):
            continue
        q.speaker = Speaker(a, b, cx.text[a:b], s.speaker_type, s.resolved, s.source_id)


def _role_apposition(cx: Context, first: int, last: int, a_lo: int, a_hi: int) -> bool:
    """``[a_lo, a_hi]`` after the speaker ``[first, last]`` is its role or, after a role, its name."""
    from ..sources import _category

    caps = [j for j in range(a_lo, a_hi + 1) if _is_cap(cx.tok[j])]
    if not caps or not (_is_cap(cx.tok[a_lo]) or cx.low[a_lo] in cx.words["determiner"]):
        return False
    if _category(cx.tok[caps[0]]) in ("person_role", "expert"):
        return True  # "Jon Bon Jovi, Gründer der Band", "Peter Müller, der Direktor …"
    role = any(_category(cx.tok[j]) == "person_role" for j in range(first, last + 1))
    names = all(not _category(cx.tok[j]) and cx.low[j] not in cx.words["determiner"] for j in caps)
    return role and names and _is_cap(cx.tok[a_lo])  # "der Innenminister, Wolfgang Schäuble"
