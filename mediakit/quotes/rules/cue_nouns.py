"""Rule 3b: statement nouns that frame a clause ("der Vorwurf der CDU, es handele sich …")."""

from __future__ import annotations

from ..syntax import clause_end, make_speaker, zu_infinitive
from ..view import Context
from ..words import (
    _ARTICLES,
    _END_PUNCT,
    _GENITIVE,
    _RELATIVE_OPENERS,
    _SUBORDINATORS,
    _adjective_like,
    _is_cap,
    _mood,
)

#: how far the noun's attribute may reach before the comma ("der Forderung des
#: CSU-Vorsitzenden Edmund Stoiber, …")
_ATTRIBUTE_REACH = 7
#: prepositions of an attribute after the noun ("die Forderung an die Stadt"); of these,
#: von/vom name the source ("die Ankündigung von Trump"), the others an addressee or topic
_ATTRIBUTE_PREPOSITIONS = frozenset({"von", "vom", "an", "zur", "zum"})
_SOURCE_PREPOSITIONS = frozenset({"von", "vom"})
_TOPIC_PREPOSITIONS = _ATTRIBUTE_PREPOSITIONS - _SOURCE_PREPOSITIONS


def noun_frames(cx: Context) -> None:
    """Indirect speech framed by a statement noun of ``cue_nouns.tsv``.

    "Auf den Vorwurf der CDU, es handele sich um einen Antrag, entgegnete …", "die
    Forderung des Vorsitzenden, auf die SPD zuzugehen", "mit der Begründung, dass …":
    after the noun (and its genitive or von-attribute) a comma opens a dass-clause, a
    Konjunktiv clause or a zu-infinitive - the content of the statement the noun names.
    The noun phrase is the source. Tokens already in a quotation are left alone.
    """
    if not cx.noun_at:
        return
    taken = [(q.start, q.end) for q in cx.quotes]
    found = []
    for j in cx.noun_at:
        comma = j + 1
        while comma < cx.n and comma - j <= _ATTRIBUTE_REACH:
            w = cx.tok[comma]
            if w == "," or w in _END_PUNCT or w in ("(", ")", "–", "—") or cx.region_of[comma] >= 0:
                break
            comma += 1
        if comma >= cx.n or cx.tok[comma] != ",":
            continue
        if comma > j + 1 and not _attribute(cx, j + 1, comma):
            continue
        hi = cx.sentence_end(j)
        k = cx.next_content(comma + 1, hi)
        if k >= hi or cx.region_of[k] >= 0:
            continue
        stop = k
        while stop < hi and cx.tok[stop] not in (",", ";", ":") and cx.tok[stop] not in _END_PUNCT:
            stop += 1
        end = cx.strip_end(hi, k)
        if cx.low[k] == "dass":
            last = clause_end(cx, k, end)
        elif cx.has_konjunktiv(k, stop) == "k1" and cx.low[k] not in cx.words["preposition"]:
            last = _before_matrix_verb(cx, k, clause_end(cx, k, end))
        elif not _relative_pronoun(cx, k, stop) and zu_infinitive(cx, k, stop):
            # (a relative clause may end in a zu-infinitive: "Gerüchte, die sie
            # auszustreuen verstand")
            last = stop - 1
        else:
            continue
        while last > k and cx.space[last]:
            last -= 1
        s, e = cx.idx[k], cx.end[last]
        if any(a < e and b > s for a, b in taken):
            continue
        # the source is the noun's attribute ("die Forderung des Vorsitzenden", "die
        # Ankündigung von Trump und Putin"); a statement noun without one names no source
        speaker = None
        if comma > j + 1:
            a = cx.next_content(j + 1, comma)
            if cx.low[a] in _SOURCE_PREPOSITIONS:
                a = cx.next_content(a + 1, comma)
            if a < comma and cx.low[a] not in _TOPIC_PREPOSITIONS:
                speaker = make_speaker(cx, a, comma - 1)
        q = cx.quotation("indirect", [(k, last)], speaker, cx.word_cue(j, j, cx.low[j]))
        if q:
            found.append(q)
            taken.append((q.start, q.end))
    if found:
        cx.quotes.extend(found)
        cx.quotes.sort(key=lambda q: q.start)


def _before_matrix_verb(cx: Context, k: int, last: int) -> int:
    """End the clause before ", <finite verb> …" of the sentence around the noun phrase.

    "Der Vorwurf, die Stadt habe ihn getäuscht, sorgte für Aufregung.": after the
    comma the main clause goes on with its verb; the content ends before it.
    """
    for c in range(k + 1, last):
        if cx.tok[c] != "," or cx.region_of[c] >= 0:
            continue
        w = cx.next_content(c + 1, last + 1)
        t, lw = cx.tok[w], cx.low[w]
        if not (t.isalpha() and t.islower()) or _mood(lw):
            continue
        if lw in _SUBORDINATORS or lw in _RELATIVE_OPENERS or lw in cx.words["preposition"]:
            continue
        if (
            lw in cx.words["determiner"]
            or lw in cx.words["adverb"]
            or lw in ("und", "oder", "aber")
        ):
            continue
        return c - 1
    return last


def _relative_pronoun(cx: Context, k: int, hi: int) -> bool:
    """Token ``k`` opens a relative clause: a relative word, or an article without its noun."""
    lw = cx.low[k]
    if lw not in _RELATIVE_OPENERS:
        return False
    if lw not in _ARTICLES:
        return True
    nxt = cx.next_content(k + 1, hi)
    return nxt < hi and not (_is_cap(cx.tok[nxt]) or _adjective_like(cx.tok[nxt]))


def _attribute(cx: Context, lo: int, hi: int) -> bool:
    """Tokens ``lo`` … ``hi - 1`` are a genitive or von/zu-attribute of the noun."""
    k = cx.next_content(lo, hi)
    return k < hi and (cx.low[k] in _GENITIVE or cx.low[k] in _ATTRIBUTE_PREPOSITIONS)
