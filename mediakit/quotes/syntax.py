"""Noun phrases, clauses and speakers: the grammar helpers the rules share."""

from __future__ import annotations

from bisect import bisect_left

from ..document import is_word
from .lexicon import speaker_words
from .model import Speaker
from .view import Context
from .words import (
    _ARTICLES,
    _AUXILIARIES,
    _CLAUSE_BOUNDS,
    _CLAUSE_BREAKERS,
    _CLAUSE_PUNCT,
    _DOMAIN,
    _END_PUNCT,
    _GENITIVE,
    _RELATIVE,
    _SUBORDINATORS,
    _ZU_INFIX,
    _adjective_like,
    _common_noun,
    _hyphen_noun,
    _is_cap,
    _mood,
)


def make_speaker(cx: Context, first: int, last: int) -> Speaker | None:
    while first <= last and (
        cx.space[first] or cx.tok[first] in _CLAUSE_PUNCT or cx.tok[first] in _END_PUNCT
    ):
        first += 1
    while last >= first and (
        cx.space[last] or cx.tok[last] in _CLAUSE_PUNCT or cx.tok[last] in _END_PUNCT
    ):
        if cx.tok[last] == ")" and "(" in cx.tok[first:last]:
            break
        last -= 1
    adverbs = cx.words["adverb"]
    while first < last and (
        cx.low[first] in ("und", "aber", "doch", "denn", "sondern", "oder")
        or (cx.low[first] in adverbs and cx.low[first] not in ("das", "dies"))
    ):
        first = cx.next_content(first + 1, last + 1)
    while (
        last > first
        and cx.tok[last].isalpha()
        and cx.tok[last].islower()
        and cx.low[last] not in cx.words["outlet"]  # "die taz"
    ):
        last -= 1  # "Die Kanadier hingegen"
    if first > last:
        return None
    s, e = cx.chars(first, last)
    words = [w for w in cx.low[first : last + 1] if is_word(w)]
    kind = speaker_type(cx, words, first)
    return Speaker(s, e, cx.text[s:e], kind)


def speaker_type(cx: Context, words: list[str], first: int) -> str:
    if not words:
        return "anonymous"
    cat = cx.words
    if len(words) == 1 and words[0] in cat["pronoun"]:
        return "pronoun"
    if len(words) == 1 and words[0] in cat["anonymous"] and words[0] in ("man", "es"):
        return "anonymous"
    outlet = cat["outlet"]
    if any(
        w in outlet or w.endswith(("zeitung", "sender", "agentur", "magazin", "medien"))
        for w in words
    ):
        return "outlet"
    anonymous = cat["anonymous"]
    indefinite = words[0] in (
        "ein",
        "eine",
        "einer",
        "einem",
        "eines",
        "mehrere",
        "einige",
        "viele",
    )
    if indefinite or any(
        w in anonymous or w.endswith(("kreise", "kreisen", "quellen")) for w in words
    ):
        caps = [
            w
            for w, t in zip(words, cx.tok[first : first + len(words) + 4], strict=False)
            if _is_cap(t) and w not in anonymous
        ]
        if indefinite or len(caps) <= 1:
            return "anonymous"
    return "named"


def clause_start(cx: Context, i: int, lo: int) -> int:
    """First token of the clause holding token ``i`` (after a comma, colon …)."""
    j = i - 1
    while j >= lo:
        w = cx.tok[j]
        if w == ")":  # "Jung (CDU) kündigte an": a parenthesis is no clause boundary
            k = j - 1
            while k >= lo and j - k < 12 and cx.tok[k] != "(":
                k -= 1
            if k >= lo and cx.tok[k] == "(":
                j = k - 1
                continue
        if w == ",":
            k = name_apposition(cx, j, lo)
            if k >= 0:
                j = k - 1  # "der Investor, Larry A. Silverstein, hatte": one noun phrase
                continue
        if w in _CLAUSE_PUNCT or (
            cx.region_of[j] >= 0 and cx.region_kind[cx.region_of[j]] == "direct"
        ):
            return j + 1
        j -= 1
    return lo


def name_apposition(cx: Context, comma: int, lo: int) -> int:
    """The opening comma of a name in commas that ends at ``comma`` (", Anna Bligh,"), or -1.

    Only when a noun stands before the opening comma: "die Premierministerin von
    Queensland, Anna Bligh, erklärte" is one noun phrase, not three clauses.
    """
    k = comma - 1
    n = 0
    while k >= lo and cx.tok[k] != "," and n < 6:
        t = cx.tok[k]
        if not cx.space[k]:
            if not (_is_cap(t) or (t.endswith(".") and len(t) <= 3) or "-" in t):
                return -1
            n += 1
        k -= 1
    if k < lo or cx.tok[k] != "," or not 1 <= n <= 4:
        return -1
    before = k - 1
    while before >= lo and cx.space[before]:
        before -= 1
    if before < lo or not _is_cap(cx.tok[before]) or cx.low[before] in cx.words["pronoun"]:
        return -1
    return k


def np_forward(cx: Context, i: int, hi: int, limit: int = 14) -> int:
    """Last token of a speaker noun phrase starting at ``i`` (``i - 1`` if none).

    A role description followed by a name in commas is one speaker: "der Direktor
    der Behörde, Mohammed el-Baradei, sagte" / "laut dem Chefankläger, Luis Ocampo".
    """
    last = _np_core(cx, i, hi, limit)
    if last < i or cx.low[cx.next_content(i, hi)] not in cx.words["determiner"]:
        return last
    comma = cx.next_content(last + 1, hi)
    place_end = _place_before_name(cx, comma, hi)
    if place_end > comma:
        # "Der Korrespondent in Mexiko-Stadt, Will Grant, berichtete": a place attribute
        # between the role and the name in commas
        found = np_forward_name(cx, cx.next_content(place_end + 1, hi), hi)
        return found if found > place_end else last
    if (
        comma < hi
        and cx.tok[comma][:1].islower()
        and cx.low[comma] in cx.words["preposition"]
        and _role_word(cx.tok[last])
    ):
        # "der Investor für den Neubau, Larry A. Silverstein, hatte": the role's
        # prepositional attribute, then its name in commas
        tail = _attribute_tail(cx, comma, hi, _COMMA)
        close = cx.next_content(tail + 1, hi) if tail > comma else hi
        if close < hi and cx.tok[close] == ",":
            found = np_forward_name(cx, close, hi)
            after = cx.next_content(found + 1, hi) if found > close else hi
            if found > close and after < hi and cx.tok[after] == ",":
                return found
        return last
    if comma >= hi or cx.tok[comma] != ",":
        return last
    found = np_forward_name(cx, comma, hi)
    return found if found > comma else last


_COMMA = frozenset({","})


def _role_word(word: str) -> bool:
    """A role noun of ``source_words.tsv`` ("Investor", "US-Delegationsleiterin")."""
    from .sources import _category

    return _category(word) == "person_role"


def np_forward_name(cx: Context, comma: int, hi: int) -> int:
    """Last token of a name in commas after ``comma`` ("…, Mohammed el-Baradei, sagte"), or -1."""
    j = cx.next_content(comma + 1, hi)
    name_end = -1
    while (
        j < hi
        and j - comma <= 5
        and (_is_cap(cx.tok[j]) or "-" in cx.tok[j])
        and is_word(cx.tok[j])
    ):
        if cx.low[j] in cx.lex.main or cx.low[j] in cx.words["determiner"]:
            break
        name_end = j
        j += 1
    if name_end > comma and (j >= hi or cx.tok[j] in (",", ".", "!", "?", ";") or cx.space[j]):
        return name_end
    return -1


def _place_before_name(cx: Context, k: int, hi: int) -> int:
    """Last token of "in Mexiko-Stadt" at ``k`` when a comma follows it, else -1."""
    if k >= hi or cx.low[k] not in cx.words.get("place_preposition", ()) or cx.tok[k][:1].isupper():
        return -1
    j = k + 1
    w = cx.words
    end = -1
    while j < hi and j - k <= 3 and _is_cap(cx.tok[j]) and is_word(cx.tok[j]):
        lw = cx.low[j]
        if lw in w["determiner"] or lw in w["preposition"] or lw in w["adverb"]:
            break
        if lw in w["pronoun"] or lw in w["time_noun"] or _common_noun(lw):
            return -1
        end = j
        j += 1
    if end < 0 or j >= hi or cx.tok[j] != ",":
        return -1
    return j


def _described_quote(cx: Context, r: int) -> bool:
    """Quoted words after an indefinite article that start in lowercase: a description
    ("von einer „gezielten Kampagne“"), not a name or title ("die „Aktion Deutschland hilft“").
    """
    lo, hi_r = cx.region_tokens[r]
    first = cx.next_content(lo, hi_r)
    while first < hi_r and not cx.tok[first][:1].isalnum():
        first = cx.next_content(first + 1, hi_r)  # past the opening mark
    k = lo - 1
    while k >= 0 and cx.space[k]:
        k -= 1
    return (
        first < hi_r
        and cx.tok[first][:1].islower()
        and k >= 0
        and cx.low[k] in cx.words["indefinite_article"]
    )


#: head nouns whose quote-marked name follows them ("die Organisation „DotAsia“")
_NAMED_HEADS = frozenset({"outlet", "institution", "report", "expert"})


def _names_its_noun(cx: Context, j: int, has_noun: bool, last: int) -> bool:
    """The quote-marked words at ``j`` follow a source noun as its name.

    "die Musikzeitschrift „Billboard“", "des Fachmagazins „Automobilwoche“": right after an
    outlet, institution, report or expert noun of the phrase (``source_words.tsv``; no
    comma between), short marked words that are no quotation are the name it introduces.
    """
    if not has_noun or last != j - 1 or not _is_cap(cx.tok[last]):
        return False
    from .sources import _category

    noun = cx.tok[last]
    forms = (noun, noun[:-1], noun[:-2]) if noun.endswith("s") else (noun,)  # genitive -s/-es
    if not any(_category(f) in _NAMED_HEADS for f in forms):
        return False
    lo, hi_r = cx.region_tokens[cx.region_of[j]]
    words = sum(1 for k in range(lo, hi_r) if cx.tok[k][:1].isalnum())
    return lo == j and 1 <= words <= 5


def _name_before(cx: Context, k: int) -> bool:
    """Token ``k`` may be a first name before a particle that is also an article ("João
    das Neves"), not a common noun or a role ("laut Polizeisprecher das Gepäckstück")."""
    from .sources import _category

    return not _common_noun(cx.low[k]) and not _category(cx.tok[k])


def _np_core(cx: Context, i: int, hi: int, limit: int = 14) -> int:
    dets = cx.words["determiner"]
    pronouns = cx.words["pronoun"]
    gen_sure = cx.words.get("genitive_article", frozenset())
    gen_maybe = cx.words.get("genitive_or_dative", frozenset())
    i = cx.next_content(i, hi)
    if i >= hi:
        return i - 1
    if cx.low[i] in pronouns or cx.low[i] == "man":
        return i
    last = i - 1
    j = i
    started_with_det = cx.low[i] in dets
    has_noun = False
    open_np = False  # after a determiner or adjective, waiting for the noun
    genitive = False  # inside a genitive attribute ("Angaben des Leiters der Sektion")
    while j < hi and j - i < limit:
        w, lw = cx.tok[j], cx.low[j]
        if cx.space[j]:
            j += 1
            continue
        after_von = j > i and cx.low[j - 1] in ("von", "vom")
        if lw in dets and (
            not has_noun
            or after_von
            or lw in gen_sure
            or (lw in gen_maybe and (started_with_det or genitive or _common_noun(cx.low[last])))
        ):
            if has_noun and not after_von and lw not in gen_sure and lw not in gen_maybe:
                break
            genitive = genitive or (has_noun and (lw in gen_sure or lw in gen_maybe))
            open_np = True
            j += 1
            continue
        if (
            lw in cx.words["name_particle"]
            and w[:1].islower()
            and j + 1 < hi
            and _is_cap(cx.tok[j + 1])
            and (j == i or _is_cap(cx.tok[j - 1]))
            and not (lw in dets and lw != "der" and j > i and not _name_before(cx, j - 1))
        ):
            j += 1  # "de Maizière", "Ursula von der Leyen"
            continue
        if j > i and _is_cap(w) and (lw in cx.words["adverb"] or lw in cx.words["preposition"]):
            break  # "… Deutschlands Bereits im Dezember": a new sentence starts
        if (
            (_is_cap(w) and is_word(w))
            or _hyphen_noun(w)
            or _DOMAIN.match(w)
            or (after_von and w.isalnum() and w[:1].isalpha() and any(c.isdigit() for c in w))
            or (w.islower() and lw in cx.words["outlet"] and (open_np or j == i))
        ):  # "Angaben von n24", "die taz"
            has_noun = True
            open_np = False
            last = j
            j += 1
            continue
        if cx.region_of[j] >= 0 and (
            cx.region_kind[cx.region_of[j]] == "title"
            or (
                (open_np or _names_its_noun(cx, j, has_noun, last))
                and cx.region_kind[cx.region_of[j]] == "scare"
                and not _described_quote(cx, cx.region_of[j])
            )
        ):
            cx.region_kind[cx.region_of[j]] = "title"  # "die „Aktion Deutschland hilft“"
            _, hi_r = cx.region_tokens[cx.region_of[j]]
            has_noun = True
            last = hi_r - 1
            j = hi_r
            continue
        if w == "(" and has_noun:
            k = j + 1
            while k < hi and k - j < 6 and cx.tok[k] != ")":
                k += 1
            if k < hi and cx.tok[k] == ")":
                last = k
                j = k + 1
                continue
            break
        if (
            (_adjective_like(w) or ("-" in w and w[0].islower()) or w[:1].isdigit())
            and (
                not has_noun
                or open_np
                or (
                    lw.endswith("er")
                    and _common_noun(cx.low[last])
                    and j + 1 < hi
                    and _is_cap(cx.tok[j + 1])
                )
            )
            and lw not in cx.lex.main
            and lw not in cx.lex.joined
        ):
            open_np = True
            j += 1
            continue
        if (
            has_noun
            and not open_np
            and lw in cx.words.get("place_preposition", ())
            and w[:1].islower()
            and _place_attribute(cx, i, j, last, hi)
        ):
            # "die Regierung in Lomé", "ein Sprecher des Amtes in New York": the place
            # name ends the phrase
            last = j + 1
            while last + 1 < hi and _is_cap(cx.tok[last + 1]) and is_word(cx.tok[last + 1]):
                if cx.low[last + 1] in dets or cx.low[last + 1] in cx.words["adverb"]:
                    break
                last += 1
            close = cx.next_content(last + 1, hi)
            if close < hi and cx.tok[close] == "(":  # "in Gaza (Stadt)"
                k = close + 1
                while k < hi and k - close < 6 and cx.tok[k] != ")":
                    k += 1
                if k < hi and cx.tok[k] == ")":
                    last = k
            return last
        if (
            has_noun
            and not open_np
            and lw in cx.words.get("field_preposition", ())
            and _field_attribute(cx, last, j + 1, hi)
        ):
            # "der Chef der Bundesagentur für Arbeit", "der EU-Kommissar für Erweiterung":
            # the field of an office or institution belongs to its name
            open_np = True
            j += 1
            continue
        if (
            lw in ("von", "vom")
            and has_noun
            and j + 1 < hi
            and (
                _is_cap(cx.tok[j + 1])
                or cx.low[j + 1] in ("der", "dem", "den")
                or cx.region_of[j + 1] >= 0
                or (any(c.isdigit() for c in cx.tok[j + 1]) and cx.tok[j + 1].isalnum())
                or bool(_DOMAIN.match(cx.tok[j + 1]))
                or (
                    lw == "vom"
                    and _adjective_like(cx.tok[j + 1])
                    and j + 2 < hi
                    and _is_cap(cx.tok[j + 2])
                    and is_word(cx.tok[j + 2])
                )  # "Informationen vom späten Abend"
            )
        ):
            open_np = True
            j += 1
            continue
        if (
            lw == "und"
            and has_noun
            and j + 1 < hi
            and _is_cap(cx.tok[j + 1])
            and cx.low[j + 1] not in cx.words["pronoun"]
        ):
            j += 1
            continue
        break
    return last if has_noun else i - 1


def _field_attribute(cx: Context, last: int, k: int, hi: int) -> bool:
    """*für* at ``k - 1`` names the field of the office or institution at ``last``.

    Only after a role, institution, outlet or expert word (``source_words.tsv``) and before
    a noun (optionally after a determiner and adjectives): "der Beauftragte für Kultur",
    "das Institut für Astronomie"; after a name it is an adverbial ("sagte Merkel für …").
    """
    from .sources import _category

    if _category(cx.tok[last]) not in ("person_role", "institution", "outlet", "expert"):
        return False
    if k < hi and cx.low[k] in cx.words["determiner"] and cx.tok[k][:1].islower():
        k += 1
    while k < hi and cx.tok[k][:1].islower() and _adjective_like(cx.tok[k]):
        k += 1
    return (
        k < hi
        and _is_cap(cx.tok[k])
        and is_word(cx.tok[k])
        and cx.low[k] not in cx.words["pronoun"]
        and cx.low[k] not in cx.words["time_noun"]
        and not _category(cx.tok[k])
    )


def _place_attribute(cx: Context, i: int, j: int, last: int, hi: int) -> bool:
    """``j`` (*in*, *aus*) attaches a bare place name to the noun phrase ``[i, last]``.

    Only after an institution or outlet word (``source_words.tsv``) or a genitive or *von*
    chain ("der Reporter des Senders in Teheran"); after a plain name or role it is an
    adverbial of the speaking ("sagte Merkel in Berlin").
    """
    from .sources import _category

    k = j + 1
    if k >= hi or not (_is_cap(cx.tok[k]) and is_word(cx.tok[k])):
        return False
    lw = cx.low[k]
    w = cx.words
    if (
        lw in w["determiner"]
        or lw in w["preposition"]
        or lw in w["adverb"]
        or lw in w["pronoun"]
        or lw in w["time_noun"]
        or _common_noun(lw)
        or _category(cx.tok[k])
    ):
        return False
    if _category(cx.tok[last]) in ("institution", "outlet", "report"):
        return True
    return any(cx.low[m] in ("des", "der", "eines", "einer", "von", "vom") for m in range(i + 1, j))


def prefield_attributes(cx: Context, last: int, hi: int) -> int:
    """Extend a pre-field source by its prepositional attributes up to the finite verb.

    The pre-field of a German main clause is one constituent, so what stands between the
    source and the finite verb belongs to it: "Laut der US-Botschaft im Irak hat …",
    "Nach Angaben des Flugdatendienstes flightradar24 auf Twitter verlor …". Only
    attributes of the form preposition + (article) (adjectives) noun(s) are taken, and only
    when a finite-looking verb follows them; otherwise ``last`` is returned unchanged.
    """
    preps = cx.words["preposition"]
    dets = cx.words["determiner"]
    k = cx.next_content(last + 1, hi)
    new_last = last
    for _ in range(3):  # at most three attributes ("der Regierung in Helmand im Süden")
        if k >= hi or not cx.tok[k][:1].islower() or cx.low[k] in _frame_adverbials(cx):
            break  # "… gegenüber der Zeitung": the addressee, no attribute of the source
        if cx.low[k] == "unter" and cx.low[cx.next_content(k + 1, hi)] in _frame_adverbials(cx):
            break  # "… unter Berufung auf die Polizei": the source's own source
        if cx.low[k] in _GENITIVE:
            j = k  # a genitive attribute: "Nach Angaben seines Vermögensverwalters verstarb …"
        elif cx.low[k] in preps:
            j = cx.next_content(k + 1, hi)
        else:
            break
        if j < hi and cx.low[j] in dets:
            j = cx.next_content(j + 1, hi)
        while j < hi and _adjective_like(cx.tok[j]):
            j = cx.next_content(j + 1, hi)
        if j >= hi or not (_is_cap(cx.tok[j]) or _DOMAIN.match(cx.tok[j])):
            break
        if cx.low[j] in cx.words["time_noun"]:
            break  # "Laut Polizei am Montag …": a time adverbial
        while j + 1 < hi and (_is_cap(cx.tok[j + 1]) or cx.tok[j + 1][:1].isdigit()):
            j += 1
        if j + 1 < hi and cx.tok[j + 1] == "(":
            close = j + 2
            while close < hi and close - j < 6 and cx.tok[close] != ")":
                close += 1
            if close < hi and cx.tok[close] == ")":
                j = close
        new_last = j
        k = cx.next_content(j + 1, hi)
    if new_last == last or k >= hi:
        return last
    verb = cx.low[k]
    finite = verb in _AUXILIARIES or bool(_mood(verb)) or verb in cx.lex.main
    if not finite and cx.tok[k][:1].islower() and cx.tok[k].isalpha():
        finite = not _adjective_like(cx.tok[k]) and verb not in preps | dets | cx.words["adverb"]
    return new_last if finite else last


def _function_word(cx: Context, k: int) -> bool:
    """Token ``k`` can stand inside a pre-field noun phrase before its next noun."""
    lw = cx.low[k]
    return (
        lw in _GENITIVE
        or lw in _PREFIELD_LINKS
        or lw in cx.words["determiner"]
        or lw in cx.words["preposition"]
    )


#: words that join parts of one pre-field noun phrase ("Angaben der Polizei sowie der Feuerwehr")
_PREFIELD_LINKS = frozenset({"und", "sowie", "oder", "bzw.", "beziehungsweise"})


def prefield_to_verb(cx: Context, last: int, hi: int, limit: int = 20) -> tuple[int, int]:
    """The end of a sentence-opening cue phrase and the finite verb after it.

    In a German main clause everything before the finite verb is one constituent, so a
    source that opens the sentence ("Nach Angaben des Gouverneurs Nasser Baoum der Provinz
    Schabwa kommen …", "Laut einem Bericht der Organisation amnesty international (ai)
    nimmt …") runs up to that verb; an insertion in commas before the verb ("Nach Ansicht
    der Anklage, vertreten durch den Staatsanwalt, soll …") is no part of the message.
    Returns (last token of the source, first token of the message), or (``last``, -1)
    when no finite verb is found within ``limit`` tokens.
    """
    k = cx.next_content(last + 1, hi)
    if k >= hi or not (_is_cap(cx.tok[k]) or cx.tok[k] in (",", "(") or _function_word(cx, k)):
        return last, -1  # the verb follows right away (or something else does)
    end_np = last
    after_noun = True  # the last content token ended a noun (phrase)
    frozen = False  # a time adverbial came: the source is complete
    steps = 0
    while k < hi and steps < limit:
        steps += 1
        t = cx.tok[k]
        if t in _END_PUNCT or (
            cx.region_of[k] >= 0 and cx.region_kind[cx.region_of[k]] == "direct"
        ):
            return last, -1
        if t == ",":
            close = k + 1
            while close < hi and close - k < 15 and cx.tok[close] not in _END_PUNCT | {","}:
                close += 1
            if close >= hi or cx.tok[close] != ",":
                return last, -1
            after = cx.next_content(close + 1, hi)
            lw = cx.low[after] if after < hi else ""
            if lw in _AUXILIARIES or lw in cx.lex.main or _mood(lw):
                return end_np, after  # an insertion in commas, then the finite verb
            return last, -1
        if t in ("(", ")") or t[:1].isdigit() or _is_cap(t) or cx.region_of[k] >= 0:
            if cx.low[k] in cx.words["time_noun"] or cx.low[k] in _frame_adverbials(cx):
                frozen = True  # "Laut Polizei am Montag …": a time adverbial, not the source's
            if not frozen:
                end_np = k
            after_noun = True
        elif _function_word(cx, k):
            if cx.low[k] in _frame_adverbials(cx):
                frozen = True  # "… der Sprecherin gegenüber der Zeitung ist …": the addressee
            after_noun = False
        elif after_noun and t.isalpha() and t.islower() and cx.low[k] not in cx.words["adverb"]:
            return end_np, k  # a lower-case word right after a noun: the finite verb
        elif _adjective_like(t):
            after_noun = False
        else:
            return last, -1
        k = cx.next_content(k + 1, hi)
    return last, -1


def _frame_adverbials(cx: Context) -> frozenset[str]:
    """``frame_adverbial`` words of speaker_words.tsv (gegenüber, Berufung)."""
    return cx.words.get("frame_adverbial", frozenset())


def apposition(cx: Context, last: int, hi: int) -> int:
    """Extend a speaker that ends the sentence by its apposition ("Bill Graham, Parteichef der Liberalen.")."""
    comma = cx.next_content(last + 1, hi)
    if comma >= hi or cx.tok[comma] != ",":
        return last
    start = cx.next_content(comma + 1, hi)
    if (
        start >= hi
        or cx.low[start] in cx.words["pronoun"]
        or cx.low[start] in _RELATIVE - {"der", "die", "das"}
    ):
        return last
    end = np_forward(cx, start, hi)
    if end < start:
        return last
    after = cx.next_content(end + 1, hi)
    if after >= hi or cx.tok[after] in _END_PUNCT or cx.tok[after] == ",":
        return end
    verb = cx.vlow[after]
    if verb and (verb in _AUXILIARIES or _mood(verb) or verb in cx.lex.main):
        return last  # "sagte Trump, Putin habe …": a new clause, not an apposition
    if cx.tok[after][:1].islower() and cx.low[after] in cx.words["preposition"]:
        opens_np = _is_cap(cx.tok[start]) or cx.low[start] in cx.words["determiner"]
        tail = _attribute_tail(cx, after, hi) if opens_np else -1
        # "…, so Frank Karl, Leiter der Abteilung bei der Stiftung.": attributes up to the
        # full stop belong to the apposition; "…, Parteichef der Liberalen, im Parlament"
        return tail if tail > end else end
    return last


def _attribute_tail(cx: Context, k: int, hi: int, stop: frozenset[str] = _END_PUNCT) -> int:
    """Last token of prepositional attributes from ``k`` up to a ``stop`` token, or -1.

    Only prepositions, articles, adjectives, names and nouns (no time noun, no comma, no
    verb) up to the full stop: "bei der Stiftung für Suchtvorbeugung." With ``stop=(",",)``
    the attributes run up to the comma that closes an apposition.
    """
    w = cx.words
    last = -1
    j = k
    while j < hi and j - k < 10:
        t, lw = cx.tok[j], cx.low[j]
        if cx.space[j]:
            j += 1
            continue
        if t in stop:
            return last
        if lw in w["time_noun"] or cx.region_of[j] >= 0:
            return -1
        if t[:1].islower() and not (
            lw in w["preposition"] or lw in w["determiner"] or _adjective_like(t)
        ):
            return -1
        if not (t[:1].isalpha() or t[:1].isdigit() or t in ("(", ")")):
            return -1
        last = j
        j += 1
    return -1


def closed_apposition(cx: Context, last: int, hi: int) -> int:
    """Extend a source by an apposition in commas: the last token of the apposition, or ``last``.

    "Laut Peter Sharp, dem Direktor der Reederei, sank das Schiff" / "Nach Angaben von Sam
    Maiha, dem Direktor der Wetterbehörde, starben …": between the two commas stands one
    noun phrase and nothing else. A relative clause ("Laut Polizei, die am Montag eintraf,
    …") or a list of names ("Laut Trump, Putin und …") is no apposition.
    """
    comma = cx.next_content(last + 1, hi)
    if comma >= hi or cx.tok[comma] != ",":
        return last
    start = cx.next_content(comma + 1, hi)
    if start >= hi or cx.low[start] in cx.words["pronoun"]:
        return last
    end = np_forward(cx, start, hi)
    if end < start or not (_is_cap(cx.tok[end]) or cx.tok[end] == ")"):
        return last
    close = cx.next_content(end + 1, hi)
    if close < hi and cx.low[close] in cx.words["preposition"] and cx.tok[close][:1].islower():
        # "Nach Angaben von Peter Müller, Professor an der Universität Bonn, könnte …": the
        # apposition's own prepositional attributes run up to the closing comma
        tail = _attribute_tail(cx, close, hi, frozenset({","}))
        if tail > end and _is_cap(cx.tok[tail]):
            end = tail
            close = cx.next_content(end + 1, hi)
    if close >= hi or cx.tok[close] != ",":
        return last
    verb = cx.next_content(close + 1, hi)
    if verb >= hi or not cx.tok[verb][:1].islower() or cx.low[verb] in cx.words["determiner"]:
        return last  # the finite verb follows the closing comma
    return end


def np_backward(cx: Context, i: int, lo: int, limit: int = 10) -> int:
    """First token of a noun phrase that ends at ``i`` (``i + 1`` if none).

    A determiner opens the phrase, unless it is a genitive one after a noun
    ("Angaben des seismologischen Instituts zufolge").
    """
    dets = cx.words["determiner"]
    coordinators = cx.words.get("coordinator", frozenset())
    right: tuple[int, str] | None = None  # start and first word of the right conjunct
    j = i
    first = i + 1
    has_noun = False
    genitive_pending = False
    opens = False  # a word that is no noun stands before the pending determiner
    while j >= lo and i - j < limit:
        w, lw = cx.tok[j], cx.low[j]
        if cx.space[j]:
            j -= 1
            continue
        is_noun = (
            (
                (_is_cap(w) and is_word(w))
                or _hyphen_noun(w)
                or (right is not None and w.islower() and lw in cx.words["outlet"])
            )
            and lw not in cx.words["preposition"]
            and lw not in cx.words["adverb"]
        )
        coordinated = lw in coordinators and j > lo and _conjunct_end(cx, j - 1)
        if genitive_pending:
            if coordinated:
                genitive_pending = False  # "der Polizei und der Feuerwehr zufolge"
                right = (first, cx.low[first])
                j -= 1
                continue
            if not is_noun:
                opens = True  # "sind der Zeitung zufolge": the article opens the phrase
                break
            genitive_pending = False
        if is_noun:
            has_noun = True
            first = j
        elif has_noun and coordinated:
            right = (first, cx.low[first])  # "Berichten der Sender ARD und ZDF zufolge"
        elif lw in dets:
            if not has_noun:
                break
            first = j
            if lw not in ("des", "der", "eines", "einer"):
                break
            genitive_pending = True
        elif (_adjective_like(w) and lw not in cx.lex.main and lw not in _AUXILIARIES) or w[
            :1
        ].isdigit():
            if not has_noun:
                break
            if w[:1].isalpha() and _after_bare_noun(cx, j, lo):
                break  # "Sie entstammen Zeitungsberichten zufolge": the finite verb after
                # the pre-field, no adjective (an adjective follows no bare noun)
            first = j
        elif has_noun and lw in ("von", "vom"):
            first = j
        elif cx.region_of[j] >= 0 and cx.region_kind[cx.region_of[j]] in (
            "title",
            "scare",
        ):
            has_noun = True  # "der Nachrichtenagentur „Interfax“"
            first = cx.region_tokens[cx.region_of[j]][0]
            j = first
        elif w == ")":
            k = j
            while k > lo and cx.tok[k] != "(":
                k -= 1
            j = k
            first = k
        else:
            break
        j -= 1
    if genitive_pending and not opens:
        first = cx.next_content(first + 1, i + 1)  # the det belonged to something else
    if right is not None and first < right[0]:
        # conjuncts agree: "der Polizei und der Feuerwehr", not "den Park und der Polizei"
        if cx.low[first] in dets and cx.low[first] != right[1]:
            first = right[0]
    return first if has_noun else i + 1


def _after_bare_noun(cx: Context, j: int, lo: int) -> bool:
    """Token ``j`` (a lowercase word) follows a capitalised word that is no determiner.

    Inside a noun phrase an adjective follows a determiner, a preposition or another
    adjective, never a noun or pronoun ("Am Montag starben amtlichen Angaben zufolge").
    """
    k = j - 1
    while k >= lo and cx.space[k]:
        k -= 1
    if k < lo:
        return False
    w = cx.tok[k]
    return (
        ((_is_cap(w) and is_word(w)) or _hyphen_noun(w))
        and cx.low[k] not in cx.words["determiner"]
        and cx.low[k] not in cx.words["preposition"]
        and not w.endswith("s")  # "Moskaus offiziellen Angaben zufolge": a genitive name
    )


def _conjunct_end(cx: Context, k: int) -> bool:
    """``k`` ends a noun conjunct before *und* / *sowie* ("ARD und", "der Polizei und")."""
    w = cx.tok[k]
    return (
        (
            (_is_cap(w) and is_word(w) and cx.low[k] not in cx.words["preposition"])
            or _hyphen_noun(w)
            or (cx.region_of[k] >= 0 and cx.region_kind[cx.region_of[k]] == "title")
            or (w.islower() and cx.low[k] in cx.words["outlet"])
        )
        and cx.low[k] not in cx.words["adverb"]
        and cx.low[k] not in cx.words["pronoun"]
    )


_THING_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "tät", "nis", "wert", "name")


def inanimate_prefield(cx: Context, first: int, v: int) -> bool:
    """The pre-field is a noun phrase whose head names a thing ("Die Anwendung …")."""
    if v - first > 9 or not any(
        cx.low[j].endswith(_THING_SUFFIXES) for j in range(first, v) if _is_cap(cx.tok[j])
    ):
        return False  # cheap test first: no thing noun at all
    last = np_forward(cx, first, v)
    if last < first or last < v - 8:
        return False
    heads = [j for j in range(first, last + 1) if _is_cap(cx.tok[j]) and j > first]
    head = heads[0] if heads else first
    if not cx.low[head].endswith(_THING_SUFFIXES):
        return False
    from .sources import _category  # "Die Regierung", "Die Staatsanwaltschaft": a source

    return _category(cx.tok[head]) not in _SOURCE_CATEGORIES


def names_someone(cx: Context, lo: int, last: int) -> bool:
    """A capitalised word that is no common noun: a name ("Hartmann", "Franz Müntefering")."""
    return any(
        _is_cap(cx.tok[j])
        and not _common_noun(cx.low[j])
        and cx.low[j] not in cx.words["determiner"]
        for j in range(lo, last + 1)
    )


#: determiners that mark a noun phrase as accusative or dative (never a subject)
_OBLIQUE = speaker_words()["oblique_determiner"]


def _weak_oblique(cx: Context, first: int, v: int) -> bool:
    """*der* + adjective in *-en* + noun is dative or genitive, never a subject.

    "Der englischsprachigen Zeitung sagte Karma: …" (the nominative would be "der
    englische …"); a lowercase adjective right after the article, then a noun.
    """
    if cx.low[first] not in cx.words.get("weak_oblique_article", ()):
        return False
    adj = cx.next_content(first + 1, v)
    noun = cx.next_content(adj + 1, v)
    w = cx.tok[adj]
    return (
        noun < v
        and w[:1].islower()
        and w.endswith("en")
        and (_adjective_like(w) or "-" in w)
        and cx.low[adj] not in cx.lex.main
        and _is_cap(cx.tok[noun])
    )


def _adjectival_head(cx: Context, j: int) -> bool:
    """A capitalised adjective or present participle opens the sentence ("Höhnisch", "Passend")."""
    from ..evaluative.lemmas import _lexicon_forms

    lw = cx.low[j]
    w = cx.words
    if not _is_cap(cx.tok[j]) or lw in w["determiner"] or lw in w["pronoun"] or lw in w["adverb"]:
        return False
    if lw in w["preposition"] or lw in _SUBORDINATORS:
        return False
    return lw in _lexicon_forms() or (len(lw) > 6 and lw.endswith("end") and lw.isalpha())


def _after_reflexives_and_adverbs(cx: Context, after: int, hi: int) -> int:
    """The first token from ``after`` past up to three reflexives and adverbs after a
    finite verb ("brachte sich dann die Sprecherin …" -> "die")."""
    for _ in range(3):
        if after < hi and (
            cx.low[after] in _REFLEXIVE
            or (cx.low[after] in cx.words["adverb"] and cx.low[after] not in cx.words["determiner"])
        ):
            after = cx.next_content(after + 1, hi)
    return after


def post_verb_subject(cx: Context, first: int, v: int, hi: int) -> Speaker | None:
    """The subject after the finite verb ``v`` when the pre-field ``[first, v)`` is none.

    "Den Unmut der Partei brachte die Sprecherin zum Ausdruck: …" (an accusative),
    "Relativierend fügt der Minister hinzu: …" (an adjective or participle), "Die Arbeit
    der Koalition lobte er mit den Worten: …" (a thing before *er*/*sie*).
    """
    if first >= v or not cx.tok[v][:1].islower():
        return None
    if cx.low[v] in cx.words["preposition"]:
        # "Den Ärger der Partei über die Pläne brachte die Sprecherin …": the pre-field
        # noun phrase keeps its prepositional attributes up to the finite verb
        prev = v - 1
        while prev > first and cx.space[prev]:
            prev -= 1
        _, v = prefield_to_verb(cx, prev, hi, 12)
        if v < 0 or not cx.tok[v][:1].islower():
            return None
    after = _after_reflexives_and_adverbs(cx, cx.next_content(v + 1, hi), hi)
    if after >= hi or cx.region_of[after] >= 0:
        return None
    pronoun = cx.low[after] in ("er", "sie")
    lw = cx.low[first]
    if cx.low[after] == "er" and lw not in cx.words["pronoun"]:
        # "Deren Haltung gegenüber der Partei bezeichnete er als …": *er* is nominative,
        # so the pre-field is an object whatever its form
        return make_speaker(cx, after, after)
    oblique = lw in _OBLIQUE or _weak_oblique(cx, first, v)
    # "Höhnisch veröffentlichte der Verfasser …", "Dann sagte der Minister: …", "Erst
    # vergangene Woche kündigte der Konzern an" (a time noun heads the pre-field)
    adjectival = (
        _adjectival_head(cx, first)
        or (
            lw in cx.words["adverb"]
            and lw not in cx.words["determiner"]
            and cx.next_content(first + 1, v) >= v
        )
        or any(
            _is_cap(cx.tok[j]) and cx.low[j] in cx.words["time_noun"]
            for j in range(first, min(v, first + 4))
        )
    )
    if not (oblique or adjectival):
        pre_last = np_forward(cx, first, v)
        if not (
            pronoun
            and pre_last >= first
            and cx.next_content(pre_last + 1, v) >= v
            and not _source_like(cx, first, pre_last)
        ):
            return None
    if pronoun:
        return make_speaker(cx, after, after)
    lead = cx.low[after]
    if lead in _OBLIQUE or not (_is_cap(cx.tok[after]) or lead in cx.words["determiner"]):
        return None
    last = np_forward(cx, after, hi)
    if last < after or not (_source_like(cx, after, last) or names_someone(cx, after, last)):
        return None
    # "Am Montag sagte Karl Mohr, Leiter der Abteilung, dass …": an apposition in commas
    # before the rest of the clause belongs to the subject
    return make_speaker(cx, after, closed_apposition(cx, last, hi))


def subject_of(cx: Context, v: int, s_lo: int, hi: int) -> Speaker | None:
    """Subject of the clause whose cue verb is at ``v`` (V2 pre-field or after the verb)."""
    c = clause_start(cx, v, s_lo)
    # the finite verb: an auxiliary before a participle, else the cue itself
    fin = v
    for j in range(c, v):
        if cx.low[j] in _AUXILIARIES and cx.tok[j][:1].islower():
            fin = j
            break
    first = cx.next_content(c, fin)
    after_verb = cx.next_content(v + 1, hi)
    v2 = after_verb < hi and cx.tok[after_verb] not in _CLAUSE_PUNCT | _END_PUNCT
    if first < fin and fin == v and v2 and c == cx.next_content(s_lo, hi):
        post = post_verb_subject(cx, first, v, hi)
        if post is not None:
            return post
    if (
        first < fin
        and fin == v
        and v2
        and (
            cx.low[first] in _OBLIQUE
            or _weak_oblique(cx, first, v)
            or (cx.low[first] == "als" and cx.tok[first][:1].isupper())
        )
    ):
        # "Den Börsenwert beziffert der „Focus“ auf …" / "Als Antwort sagte ein Sprecher:":
        # an accusative, dative or "als" phrase in the pre-field is no subject
        last = np_forward(cx, v + 1, hi)
        if last > v:
            return make_speaker(cx, v + 1, last)
    if first < fin and fin == v and v2 and inanimate_prefield(cx, first, v):
        # "Jegliche Mitverantwortung weist Hartmann von sich": a thing is no speaker
        # when a name or a person follows the verb
        last = np_forward(cx, v + 1, hi)
        lead_word = cx.low[after_verb]
        nominative = lead_word in ("der", "ein") or lead_word not in cx.words["determiner"]
        if last > v and nominative and names_someone(cx, v + 1, last):
            return make_speaker(cx, v + 1, last)
    if (
        first < fin
        and cx.low[first] in _SUBORDINATORS
        and cx.low[first] not in ("der", "die", "das", "den", "dem")
    ):
        last = np_forward(cx, first + 1, v)
        return make_speaker(cx, first + 1, last) if last > first else None
    pre = [j for j in range(first, fin) if not cx.space[j]]
    if not pre and first > s_lo and cx.tok[first - 1] == ",":
        # "Der Direktor der Behörde, Bambang Suryo Aji, sagte, …": subject with apposition
        head = cx.next_content(s_lo, first)
        lw0 = cx.low[head]
        if (
            (
                (
                    lw0 not in cx.words["preposition"]
                    and lw0 not in cx.words["adverb"]
                    and lw0 not in _SUBORDINATORS | cx.words["determiner"]
                )
                or lw0 in ("der", "die", "das", "ein", "eine")
            )
            and first - head <= 25
            and not _holds_statement(cx, head, first - 1)
        ):
            verb = _finite_after_np(cx, head, first - 1)
            if verb >= 0:
                # "Die Rothemden begrüßten den Schritt, fordern aber …": a clause before the
                # comma; its subject is the subject of the verb after it - unless a new
                # subject follows that clause ("X wies das zurück, die Sprecherin Y erklärte")
                comma = next((k for k in range(verb + 1, first - 1) if cx.tok[k] == ","), -1)
                lead = cx.next_content(comma + 1, first) if comma > 0 else first
                close = next((k for k in range(lead + 1, first) if cx.tok[k] == ","), first - 1)
                if (
                    lead < first - 1
                    and (
                        _is_cap(cx.tok[lead])
                        or cx.low[lead] in ("der", "die", "das", "ein", "eine")
                    )
                    # "Die Polizei beziffert die Zahl der Toten, die … gestorben sind, auf
                    # 626, befürchtet aber …": a relative clause is no new subject
                    and not _relative_clause(cx, lead, close)
                ):
                    return make_speaker(cx, lead, first - 2)
                return make_speaker(cx, head, verb - 1)
            stop = first - 2
            for j in range(head + 1, first - 1):
                if cx.tok[j] == "," and _relative_clause(
                    cx, cx.next_content(j + 1, first), first - 1
                ):
                    stop = j - 1
                    break
            return make_speaker(cx, head, stop)
    adverbs = cx.words["adverb"]
    while len(pre) > 1 and cx.low[pre[0]] in adverbs and cx.low[pre[0]] not in ("das", "dies"):
        pre = pre[1:]  # "Auch sie forderten …"
    if pre and cx.low[pre[-1]] in ("und", "sowie", "oder", "aber"):
        # "X dankte … und ergänzte, …": the subject of the first conjunct
        lead = pre[0]
        if cx.tok[lead][:1].islower() and cx.low[lead] not in cx.words["determiner"]:
            head = cx.next_content(s_lo, c)
            verb = _finite_after_np(cx, head, c - 1) if head < c - 1 else -1
            if (
                verb >= 0
                and cx.tok[c - 1] == ","
                and cx.low[head] not in cx.words["preposition"]
                and cx.low[head] not in cx.words["adverb"]
                and cx.low[head] not in _SUBORDINATORS - cx.words["determiner"]
                and cx.low[head] not in cx.words["pronoun"] | _OBLIQUE
            ):
                # "Der Präsident möchte die Debatte versachlichen, nimmt die Abgeordneten
                # in Schutz und warnt …": the verbs share the subject of the first clause
                return make_speaker(cx, head, verb - 1)
            lead += 1  # "…, biss der Randalierer den Fluggast und rief: …"
        elif cx.low[lead] in cx.words["preposition"] or cx.low[lead] in adverbs:
            # "Im Januar legte er sein Amt nieder und verkündete, …": the first conjunct's
            # subject after its finite verb
            return inverted_subject(cx, lead, pre[-1], pronoun=True)
        last = np_forward(cx, lead, pre[-1])
        return make_speaker(cx, lead, last) if last >= lead else None
    if pre and len(pre) > 1:
        last = np_forward(cx, pre[0], fin)
        if pre[0] <= last < pre[-1] and len(pre) > 6:
            # "Ken Rice vom Institut für Astronomie in Edinburgh erklärte": prepositional
            # attributes up to the finite verb stay with the subject
            last = prefield_attributes(cx, last, fin + 1)
            pre = [j for j in pre if j <= last]
    if pre and c > s_lo and cx.tok[c - 1] == "," and cx.low[pre[0]] not in _SUBORDINATORS:
        # "Stephen Singer, ein Klimaexperte vom WWF, erklärte": name plus apposition
        head = cx.next_content(s_lo, c)
        if np_forward(cx, head, c - 1) >= c - 2 and cx.low[head] not in cx.words["preposition"]:
            pre = [head, *pre]
    lw0 = cx.low[pre[0]] if pre else ""
    single_adverb = len(pre) == 1 and (
        lw0 in cx.words["adverb"] or lw0.endswith(("lich", "ig", "weise", "ens"))
    )
    if (
        pre
        and lw0 not in cx.words["preposition"]
        and not (lw0 in cx.words["adverb"] and lw0 not in cx.words["determiner"])
        and not single_adverb
        and not cx.tok[pre[0]][:1].isdigit()
    ):
        if len(pre) == 1 and lw0 == "es":
            return None  # "Es drohe „…“", "Es gilt als …": an expletive, no source
        if len(pre) <= 12:
            return make_speaker(cx, pre[0], pre[-1])
    after = cx.next_content(fin + 1, hi)
    for _ in range(3):  # "äußerte sich der Außenbeauftragte jedoch …": reflexive, adverbs
        if after < hi and (
            cx.low[after] in _REFLEXIVE
            or (cx.low[after] in cx.words["adverb"] and cx.low[after] not in cx.words["determiner"])
        ):  # "erklärt das Ministerium": the article opens the subject
            after = cx.next_content(after + 1, hi)
    last = np_forward(cx, after, hi)
    if last >= after > fin:
        if cx.low[after] not in cx.words["pronoun"]:
            # "Dabei sagte Karl Mohr, der Leiter der Abteilung, aber auch, dass …": an
            # apposition in commas before the rest of the clause belongs to the subject
            last = closed_apposition(cx, last, hi)
        return make_speaker(cx, after, last)
    return None


_REFLEXIVE = frozenset({"sich", "mich", "uns", "euch"})


def _finite_after_np(cx: Context, head: int, hi: int) -> int:
    """The finite verb right after the noun phrase at ``head`` (a cue verb or auxiliary in
    lowercase), or -1: "Die Rothemden begrüßten …" -> *begrüßten*."""
    last = np_forward(cx, head, hi)
    v = cx.next_content(last + 1, hi)
    if last < head or v >= hi or not cx.tok[v][:1].islower():
        return -1
    lw = cx.vlow[v] or cx.low[v]
    return v if lw in _AUXILIARIES or lw in cx.lex.main else -1


def _holds_statement(cx: Context, lo: int, hi: int) -> bool:
    """``[lo, hi)`` holds a direct quote or a Konjunktiv verb outside one: a statement
    ("„…“, schrieb Lopez" / "Sie wisse, dass …, hatte Koch-Mehrin gesagt"), not a subject
    with its apposition before the verb."""
    return any(cx.in_direct(j) for j in range(lo, hi)) or any(
        not cx.in_direct(j) for j in cx.within(cx.mood_at, lo, hi)
    )


def frame_tail(cx: Context, i: int, hi: int) -> int:
    """Last token of a frame: up to the next comma, the sentence end or a quotation.

    A name in quote marks (a title: "gegenüber der Zeitung „Beijing Shibao“") is part
    of the frame.
    """
    j = i
    last = i - 1
    while j < hi:
        w = cx.tok[j]
        r = cx.region_of[j]
        if w in (",", ":", ";") or w in _END_PUNCT or (r >= 0 and cx.region_kind[r] != "title"):
            break
        last = j
        j += 1
    return last


def clause_end(cx: Context, k: int, end: int) -> int:
    """End of a content clause: before ", konnte der Minister …" or ", womit …".

    A content clause in main-clause form ("…, das Buch verletze …") goes on past a comma
    before a Konjunktiv I verb: a second predicate ("…, sei für Kinder ungeeignet") or the
    finite verb after an embedded clause ("in den Ländern, in denen …, sei die Zahl …").
    """
    main_form = cx.low[k] not in _SUBORDINATORS - _ARTICLES
    for j in range(k + 1, end):
        if cx.tok[j] != "," or cx.region_of[j] >= 0:
            continue
        nxt = cx.next_content(j + 1, end + 1)
        if nxt > end:
            break
        lw = cx.low[nxt]
        if main_form and _mood(lw) == "k1" and cx.tok[nxt][:1].islower():
            continue
        if (
            lw in _AUXILIARIES
            or lw in _CLAUSE_BREAKERS
            or (lw in cx.lex.main and cx.tok[nxt][:1].islower() and not _mood(lw))
        ):
            return j - 1
    return end


def zu_infinitive(cx: Context, lo: int, hi: int) -> bool:
    """An infinitive clause with "zu" ("…, den Plan zu prüfen"; "abzuwarten").

    The infinitive ends the clause or its first part before a comma or dash: a relative
    clause or an apposition may follow ("…, Daten herauszugeben, die mit X in Verbindung
    stehen"; "…, ihre Häuser zu verlassen – die Hälfte davon in Hiroshima").
    """
    if _zu_at_end(cx, lo, hi):
        return True
    for j in range(lo + 1, hi):
        if cx.tok[j] in (",", "–", "—", "-") and cx.region_of[j] < 0:
            return _zu_at_end(cx, lo, j - 1)
    return False


def _zu_at_end(cx: Context, lo: int, hi: int) -> bool:
    last = hi
    while last > lo and not cx.tok[last][:1].isalpha():
        last -= 1
    for j in range(max(lo, last - 4), last + 1):
        w = cx.low[j]
        if w == "zu" and j < last and cx.low[j + 1].endswith("n"):
            return True
        if _ZU_INFIX.match(w):
            return True
    return False


def v2_clause(cx: Context, k: int, hi: int) -> bool:
    """A main clause: subject-like start, then a finite verb in second position."""
    lw = cx.low[k]
    if lw in _SUBORDINATORS and lw not in ("der", "die", "das", "den", "dem"):
        return False
    if hi - k < 2:
        return False
    demonstrative = lw in cx.words.get("demonstrative", ())
    start_ok = (
        lw in cx.words["determiner"]
        or lw in cx.words["pronoun"]
        or demonstrative
        or _is_cap(cx.tok[k])
    )
    if not start_ok:
        return False
    if demonstrative:
        # "…, diese Sorte spare …": the determiner and its noun; alone, a pronoun
        nxt_k = cx.next_content(k + 1, hi + 1)
        opens = nxt_k <= hi and (_is_cap(cx.tok[nxt_k]) or _adjective_like(cx.tok[nxt_k]))
        end = np_forward(cx, nxt_k, hi + 1) if opens else k
    else:
        end = np_forward(cx, k, hi + 1)
    if end < k:
        end = k
    nxt = cx.next_content(end + 1, hi + 1)
    if end == k and lw in _ARTICLES:
        return False  # "…, die am 21. Mai stattfand": a relative pronoun, no subject
    return (
        nxt <= hi
        and cx.tok[nxt][:1].islower()
        and cx.tok[nxt].isalpha()
        and cx.low[nxt] not in cx.words["preposition"]
        and cx.low[nxt] not in cx.words["determiner"]
    )


def clause_like(cx: Context, lo: int, hi: int) -> bool:
    """Some lowercase word other than articles and adjectives: a clause, not a bare noun phrase."""
    skip = cx.words["determiner"] | cx.words["title_function"] | cx.words["preposition"]
    for j in range(lo, hi):
        t = cx.tok[j]
        if t[:1].islower() and t.isalpha() and cx.low[j] not in skip and not _adjective_like(t):
            return True
        if cx.vlow[j] and (cx.vlow[j] in _AUXILIARIES or _mood(cx.vlow[j])):
            return True
    return False


def clause_content_start(cx: Context, lo: int, hi: int) -> int:
    """Where a quoted clause before a postposed frame starts (after a leading conjunction)."""
    first = cx.next_content(lo, hi)
    return first


def sentence_subject(cx: Context, lo: int, hi: int) -> Speaker | None:
    """The noun phrase that opens a sentence (its V2 subject), if it opens with one."""
    if cx.d.paragraph_of_token[lo] != cx.d.paragraph_of_token[hi - 1]:
        return None
    head = cx.next_content(lo, hi)
    if head >= hi:
        return None
    lw = cx.low[head]
    if (
        lw in cx.words["preposition"]
        or lw in cx.words["adverb"]
        or lw in _SUBORDINATORS - cx.words["determiner"]
        or lw in ("es", "man", "ich", "wir", "du", "ihr")
        or not (_is_cap(cx.tok[head]) or lw in cx.words["determiner"])
    ):
        return None
    last = np_forward(cx, head, hi)
    nxt = cx.next_content(last + 1, hi)
    if last < head or nxt >= hi or not cx.vlow[nxt]:
        return None  # the noun phrase must be followed by the finite verb
    if not any(cx.vlow[j] in cx.lex.main or cx.vlow[j] in cx.lex.joined for j in range(nxt, hi)):
        return None  # and the sentence must speak of speech or thought
    return make_speaker(cx, head, last)


def adverbial_prefield(cx: Context, lo: int, hi: int) -> bool:
    """``[lo, hi)`` is a prepositional phrase with a relative clause, not a statement.

    "Im Brief, den er an Chirac geschickt hat, erklärt er: …" / "In der Vorabversion des
    Berichts, der ins Netz gestellt wurde, heißt es, …": what stands before the cue verb
    is the pre-field adverbial, so it is no content of a postposed frame.
    """
    first = cx.next_content(lo, hi)
    if first >= hi or cx.low[first] not in cx.words["preposition"]:
        return False
    for j in range(first + 1, hi):
        if cx.tok[j] in _CLAUSE_PUNCT or cx.tok[j] in _END_PUNCT:
            if cx.tok[j] != ",":
                return False
            k = cx.next_content(j + 1, hi)
            if k < hi and cx.low[k] in cx.words["preposition"]:
                k = cx.next_content(k + 1, hi)  # "…, in dem …"
            return k < hi and cx.low[k] in _RELATIVE
    return False


def partial_quotes_only(cx: Context, lo: int, hi: int) -> bool:
    """Every direct quote region in ``[lo, hi)`` is a partial quote inside a clause.

    "Er forderte einen „offensiven Umgang mit dem Christentum“." - the marks stand after
    a word of the clause, not after a colon or comma that would make them a quotation
    of their own ("Er forderte: „…“").
    """
    k = max(0, bisect_left(cx.region_starts, lo) - 1)
    seen = False
    while k < len(cx.region_tokens) and cx.region_tokens[k][0] < hi:
        r_lo, r_hi = cx.region_tokens[k]
        if r_hi > lo and r_lo >= lo and cx.region_kind[k] == "direct":
            j = r_lo - 1
            while j >= lo and cx.space[j]:
                j -= 1
            if j < lo or not cx.tok[j][:1].isalnum():
                return False
            seen = True
        k += 1
    return seen


def quoted_konjunktiv(cx: Context, lo: int, hi: int) -> bool:
    """A Konjunktiv-I form inside a partial quote of the clause ("das Gespräch „sei gut verlaufen“")."""
    return any(
        cx.in_direct(j) and _mood(cx.low[j]) == "k1" and cx.tok[j][:1].islower()
        for j in cx.within(cx.mood_at, lo, hi)
    ) and partial_quotes_only(cx, lo, hi)


def _relative_clause(cx: Context, k: int, comma: int) -> bool:
    """Does the segment from ``k`` to the ``comma`` read as a relative clause, not an apposition?

    "…, der als Beobachter im Land war, sagte" is a relative clause (it ends in a verb);
    "…, der Polizeichef der Region, sagte" an apposition (article + noun, ends in a noun).
    """
    if cx.low[k] not in _RELATIVE:
        return False
    if cx.low[k] not in ("der", "die", "das"):
        return True
    last = comma - 1
    while last > k and cx.space[last]:
        last -= 1
    nxt = cx.next_content(k + 1, comma)
    noun_next = nxt < comma and (
        _is_cap(cx.tok[nxt])
        or (
            (_adjective_like(cx.tok[nxt]) or ("-" in cx.tok[nxt] and cx.tok[nxt][:1].islower()))
            and cx.low[nxt] not in cx.words["determiner"]
        )  # "die nordrhein-westfälische Justizministerin"
    )
    ends_in_noun = _is_cap(cx.tok[last]) or cx.tok[last] == ")"
    return not (noun_next and ends_in_noun)


def topic_subject(cx: Context, lo: int, hi: int) -> Speaker | None:
    """The person or organisation a sentence opens with, whatever its verb.

    "Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt sei …": a Konjunktiv
    sentence right after it reports what that subject says. Only a name (or *er*/*sie*)
    directly followed by the finite verb counts; a thing ("Die Lage …") does not.
    """
    if cx.d.paragraph_of_token[lo] != cx.d.paragraph_of_token[hi - 1]:
        return None
    head = cx.next_content(lo, hi)
    if head >= hi or cx.region_of[head] >= 0:
        return None
    lw = cx.low[head]
    if lw in ("er", "sie") and cx.vlow[cx.next_content(head + 1, hi)]:
        return make_speaker(cx, head, head)
    if (
        lw in cx.words["preposition"]
        or (lw in cx.words["adverb"] and lw not in cx.words["determiner"])
        or _adjectival_head(cx, head)
    ):
        # "Am Montag hat die Wahlkommission …", "Besorgt äußerte sich der Minister …"
        return inverted_subject(cx, head, hi)
    if not (_is_cap(cx.tok[head]) or lw in cx.words["determiner"]) or (
        lw in cx.words["pronoun"]
        or lw in cx.words["anonymous"]
        or lw in _SUBORDINATORS - cx.words["determiner"]
    ):
        return None
    last = np_forward(cx, head, hi)
    if last < head:
        return None
    if lw in _OBLIQUE:
        # "Den Vorschlag lehnte die Ministerin ab.": an object pre-field, the subject
        # follows the finite verb
        v = cx.next_content(last + 1, hi)
        return post_verb_subject(cx, head, v, hi) if v < hi and cx.vlow[v] else None
    nxt = cx.next_content(last + 1, hi)
    role = -1
    if nxt < hi and cx.tok[nxt] == "," and last > head and cx.tok[last - 1] != ",":
        ap = closed_apposition(cx, last, hi) if lw not in cx.words["determiner"] else last
        if ap > last:
            # "Anna Berg, Vorsitzende des Vereins, verteidigte …": name and apposition
            role = cx.next_content(nxt + 1, hi)
            last = ap
            nxt = cx.next_content(cx.next_content(ap + 1, hi) + 1, hi)
        else:
            # "Der Flugbetriebsleiter, Reinhard Kraxner, spekulierte …": role and name in commas
            after = cx.next_content(nxt + 1, hi)
            if after < hi and cx.low[after] not in cx.words["determiner"]:
                nxt = after
            elif after < hi:
                # "Hubert Primus, der bei der Stiftung arbeitet, wies …": past a relative clause
                close = next(
                    (k for k in range(after + 1, min(hi, after + 25)) if cx.tok[k] == ","), -1
                )
                if close > after and _relative_clause(cx, after, close):
                    nxt = cx.next_content(close + 1, hi)
                    if not (_source_like(cx, head, last) or _full_name(cx, head, last)):
                        return None  # "Diese Nachricht, die …, wurde dementiert.": a thing
    if nxt >= hi or not cx.vlow[nxt] or cx.low[nxt] in cx.words["preposition"]:
        return None
    if role > head and not inanimate_prefield(cx, head, nxt) and _source_like(cx, role, last):
        return make_speaker(cx, head, last)  # the apposition names the role
    speech = cx.vlow[nxt] in cx.lex.main and cx.tok[nxt][:1].islower()
    if speech and lw in cx.words["determiner"] and not inanimate_prefield(cx, head, nxt):
        # "Der Verein Lebenshilfe äußerte Zweifel", unless er/sie follows the verb ("Die
        # Pläne kritisierte er")
        return post_verb_subject(cx, head, nxt, hi) or make_speaker(cx, head, last)
    if inanimate_prefield(cx, head, nxt) or not (
        _source_like(cx, head, last) or _full_name(cx, head, last)
    ):
        # "Die Arbeit der Koalition lobte er …": a thing before the verb, er/sie after it
        return post_verb_subject(cx, head, nxt, hi)
    return make_speaker(cx, head, last)


def _full_name(cx: Context, head: int, last: int) -> bool:
    """``[head, last]`` reads as a person's first name and surname ("Hubert Primus").

    Two or three capitalised words without article, none a common noun, a source word
    (``source_words.tsv``), an adjective or verb form of the lexicon, an adverb or a
    preposition: "Deutsche Bank" or "Neue Regeln" are no names.
    """
    from ..evaluative.lemmas import _lexicon_forms
    from .sources import _category

    words = [j for j in range(head, last + 1) if not cx.space[j]]
    if not 2 <= len(words) <= 3:
        return False
    w = cx.words
    return all(
        _is_cap(cx.tok[j])
        and cx.tok[j].replace("-", "").isalpha()
        and not _common_noun(cx.low[j])
        and not _category(cx.tok[j])
        and cx.low[j] not in _lexicon_forms()
        and cx.low[j] not in w["determiner"] | w["adverb"] | w["preposition"] | w["pronoun"]
        for j in words
    )


def inverted_subject(cx: Context, head: int, hi: int, pronoun: bool = False) -> Speaker | None:
    """The subject right after the finite verb when an adverbial opens the sentence.

    "Am Montag hat die Wahlkommission den Termin festgelegt." / "Besorgt äußerte sich
    der Minister über …": the pre-field (a prepositional phrase or adverb, no comma)
    ends at the first lowercase word that is no article, preposition, adverb or
    adjective; the noun phrase after it (past *sich* and adverbs) is the subject if it
    is nominative-looking and names a source (a role, institution or outlet word, or a
    name already quoted).
    """
    plain = cx.words["determiner"] | cx.words["preposition"] | cx.words["adverb"]
    v = cx.next_content(head + 1, hi)
    while v < hi and v - head <= 12:
        t = cx.tok[v]
        if t in _CLAUSE_PUNCT or t in _END_PUNCT or cx.region_of[v] >= 0:
            return None
        finite = cx.low[v] in _AUXILIARIES or cx.low[v] in cx.lex.main or _mood(cx.low[v])
        # right after a one-word adverb pre-field stands the finite verb ("Hier sparte …")
        second = v == cx.next_content(head + 1, hi) and cx.low[head] in cx.words["adverb"]
        if (
            t[:1].islower()
            and cx.low[v] not in plain
            and (finite or second or not _adjective_like(t))
        ):
            break
        v = cx.next_content(v + 1, hi)
    else:
        return None
    if v >= hi or not (cx.low[v] in _AUXILIARIES or cx.low[v] in cx.lex.main or _mood(cx.low[v])):
        nxt = cx.low[cx.next_content(v + 1, hi)] if v < hi else ""
        # a strong past form ("traf", "rief") followed by an article or er/sie
        v2 = pronoun and (nxt in ("der", "die", "das", "ein", "eine", "er", "sie"))
        if not (cx.low[v].endswith(("t", "te", "ten", "en")) or v2) or not cx.tok[v].isalpha():
            return None
    after = _after_reflexives_and_adverbs(cx, cx.next_content(v + 1, hi), hi)
    if after >= hi or cx.low[after] in _OBLIQUE or cx.region_of[after] >= 0:
        return None
    if pronoun and cx.low[after] in ("er", "sie"):
        return make_speaker(cx, after, after)  # with ``pronoun``: "Im Januar legte er …"
    if not (_is_cap(cx.tok[after]) or cx.low[after] in ("der", "die", "das", "ein", "eine")):
        return None
    last = np_forward(cx, after, hi)
    if last > after and _is_cap(cx.tok[last - 1]) and _adjectival_head(cx, last):
        last -= 1  # "hatte Steinbrück Positives zu vermelden": the object is no name
    if last < after or not _source_like(cx, after, last):
        return None
    return make_speaker(cx, after, last)


_SOURCE_CATEGORIES = frozenset({"person_role", "institution", "outlet", "expert"})


def _source_like(cx: Context, head: int, last: int) -> bool:
    """A role, an institution or outlet word (``source_words.tsv``), or a name already quoted."""
    from .sources import _category  # the source tables live with the sources layer

    caps = [j for j in range(head, last + 1) if _is_cap(cx.tok[j])]
    if not caps or any(_category(cx.tok[j]) in _SOURCE_CATEGORIES for j in caps[:2]):
        return bool(caps)
    known = {w for q in cx.quotes if q.speaker for w in q.speaker.text.split()}
    return any(cx.tok[j] in known and not _common_noun(cx.low[j]) for j in caps)


# forms of "werden" that make a participle passive ("wurde kritisiert", "war … vorgeworfen worden")
PASSIVE_AUX = frozenset(
    {"wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "werde", "wirst"}
)
AGENT = frozenset({"von", "vom", "seitens"})


def passive_agent(cx: Context, v: int, lo: int, hi: int) -> tuple[bool, Speaker | None]:
    """Is the cue at ``v`` a passive participle ("Ihm wird vorgeworfen")? And its agent.

    The grammatical subject of a passive is no speaker; "von X" names the source,
    else the source is anonymous (``(True, None)``).
    """
    if cx.vlow[v] not in cx.lex.participles:
        return False, None
    c_lo = v
    while c_lo > lo and cx.tok[c_lo - 1] not in _CLAUSE_BOUNDS:
        c_lo -= 1
    c_hi = v + 1
    while c_hi < hi and cx.tok[c_hi] not in _CLAUSE_BOUNDS and cx.tok[c_hi] not in _END_PUNCT:
        c_hi += 1
    if not any(cx.low[j] in PASSIVE_AUX for j in range(c_lo, min(hi, max(c_hi, v + 3)))):
        return False, None
    for j in range(c_lo, v):
        if cx.low[j] in AGENT and (cx.tok[j][:1].islower() or j == c_lo):
            last = np_forward(cx, j + 1, v)
            if last > j and not _topic_after_von(cx, j + 1, last):
                return True, make_speaker(cx, j + 1, last)
    return True, None


def _topic_after_von(cx: Context, first: int, last: int) -> bool:
    """ "Von einer hohen Brandgefahr wird berichtet": an indefinite phrase after *von* whose
    nouns name no source (no role, institution, outlet, expert or anonymous source word of
    ``source_words.tsv``) is what is spoken of, not the agent ("von einem Sprecher")."""
    from .sources import _category

    if cx.low[cx.next_content(first, last + 1)] not in cx.words["indefinite_article"]:
        return False
    caps = [j for j in range(first, last + 1) if _is_cap(cx.tok[j])]
    return bool(caps) and not any(_category(cx.tok[j]) for j in caps)
