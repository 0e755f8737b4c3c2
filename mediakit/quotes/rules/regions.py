"""Rule 1: quote regions - quotation, title or scare quote."""

from __future__ import annotations

from ...document import TextSpan, is_word
from ..view import Context
from ..words import _AUXILIARIES, _TITLE_FOLLOWERS


def classify_regions(cx: Context) -> None:
    for k, r in enumerate(cx.regions):
        lo, hi = cx.region_tokens[k]
        tok, idx, ends = cx.tok, cx.idx, cx.end
        first = r.inner_start
        last = max(r.inner_end, first + 1) + 1
        inner = [
            j for j in range(lo, hi) if is_word(tok[j]) and idx[j] >= first and ends[j] <= last
        ]
        words = [tok[j] for j in inner]
        if not words:
            cx.region_kind[k] = "other"
            continue
        n = len(words)
        if so_called(cx, lo):
            cx.region_kind[k] = "scare"  # die sogenannte „Schuloffensive“
            continue
        function = cx.words["title_function"]
        lower = sum(1 for w in words[1:] if w[:1].islower() and w not in function)
        inner_text = r.inner_text.strip()
        # a final period that the tokenizer keeps with its word ("Ener1 Group Inc.",
        # "Nichtraucher-Initiative e.V.") belongs to an abbreviation, not to a sentence end
        terminal = inner_text[-1:] in ".!?…" and not (
            len(words[-1]) > 1 and words[-1].endswith(".") and inner_text.endswith(words[-1])
        )
        framed = region_framed(cx, k, lo, hi)
        if lower == 0 and not terminal and n <= 10 and not framed and not words[0][:1].islower():
            cx.region_kind[k] = "title" if title_context(cx, lo, hi, words) else "scare"
            if n >= 2 and words[0][:1].isupper():
                cx.region_kind[k] = "title"
            continue
        if not framed and (not terminal or n <= 10) and named_by_noun(cx, lo):
            cx.region_kind[k] = "title"  # die Ausstellung „Woche des verbotenen Buches“
        elif not framed and not terminal and named_by_article(cx, lo, words):
            cx.region_kind[k] = "title"  # das „Große Ehrenzeichen für Verdienste um …“
        elif framed or (n >= 4 and (lower or terminal)) or (terminal and n >= 2):
            cx.region_kind[k] = "direct"
        elif n == 1 and ironic_verb(cx, inner[0], lo, hi):
            cx.region_kind[k] = "scare"  # um ihn zu „informieren“; wurde „informiert“
        elif cue_verb_before(cx, lo):
            cx.region_kind[k] = "direct"  # "bezeichnete den Plan als „Unsinn“"
        else:
            cx.region_kind[k] = "scare"
    echoes(cx)


def named_by_noun(cx: Context, lo: int) -> bool:
    """A title noun right before the marks names what they hold: a title, not a quotation.

    "die Ausstellung „Woche des verbotenen Buches“", "das Buch „Jeder stirbt für sich
    allein“" (``title_context`` in speaker_words.tsv). Not after a cue verb: "nannte den
    Plan „einen großen Fehler“" stays a quotation.
    """
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    if j < 0 or not cx.tok[j][:1].isupper() or cx.low[j] not in cx.words["title_context"]:
        return False
    return not cue_verb_before(cx, lo)


def named_by_article(cx: Context, lo: int, words: list[str]) -> bool:
    """A definite article right before capitalised words in marks: a name, not a quotation.

    "wurde ihm das „Große Goldene Ehrenzeichen mit dem Stern“ verliehen", "auf der „La
    face de Bellevarde“", "im „Haus der Geschichte“": the article belongs to the sentence
    and the marks hold a proper name (``title_article`` in speaker_words.tsv). A quoted
    phrase that a speaker is credited with opens lower case ("eine „friedliche Lösung“")
    or stands after a cue verb ("nannte es das „Ende der Demokratie“").
    """
    if not words[0][:1].isupper() or (words[0].isupper() and len(words) == 1):
        return False
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    if j < 0 or cx.low[j] not in cx.words.get("title_article", ()):
        return False
    return not cue_verb_before(cx, lo)


def so_called(cx: Context, lo: int) -> bool:
    """``sogenannte``/``so genannte``/``sog.`` before the marks: the author's distance."""
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    if j < 0:
        return False
    w = cx.low[j]
    if w.startswith("sogenannt") or w == "sog.":
        return True
    k = j - 1
    while k >= 0 and cx.space[k]:
        k -= 1
    return w.startswith("genannt") and k >= 0 and cx.low[k] == "so"


def echoes(cx: Context) -> None:
    """A short quote-marked fragment of a text that the document quotes in full is a quotation.

    "Trump schrieb: „… die Macht des Dollars …“" and later „die Macht des Dollars“:
    the fragment quotes the same speaker (``cx.echo_of`` keeps which quote it repeats).
    """
    sources = [
        (k, " ".join(cx.regions[k].inner_text.split()))
        for k in range(len(cx.regions))
        if cx.region_kind[k] == "direct"
    ]
    if not sources:
        return
    for k, r in enumerate(cx.regions):
        if cx.region_kind[k] != "scare" or so_called(cx, cx.region_tokens[k][0]):
            continue
        inner = " ".join(r.inner_text.split()).strip(" ,.;:!?")
        if len(inner) < 8 or " " not in inner:
            continue
        for src, text in sources:
            if src != k and inner in text:
                cx.region_kind[k] = "direct"
                cx.echo_of[k] = src
                break


def ironic_verb(cx: Context, j: int, lo: int, hi: int) -> bool:
    """A single quoted verb form: the author distancing from a word, not a quotation."""
    w = cx.low[j]
    if not cx.tok[j][:1].islower():
        return False
    if w.endswith(("ieren", "iert", "ierte")):
        return True
    before = lo - 1
    while before >= 0 and cx.space[before]:
        before -= 1
    after = cx.next_content(hi, cx.n)
    following = cx.low[after] if after < cx.n else ""
    return w.endswith("en") and (
        (before >= 0 and cx.low[before] == "zu") or following in _AUXILIARIES
    )


def cue_verb_before(cx: Context, lo: int) -> bool:
    """A speech verb earlier in the sentence ("nannte die Bewerbung „sehr respektabel“")."""
    s_lo = cx.sentence_start(lo)
    for j in range(lo - 1, max(s_lo, lo - 30) - 1, -1):
        if cx.region_of[j] >= 0:
            continue
        lw = cx.vlow[j]
        if lw in cx.lex.joined:
            return True
        if lw in cx.lex.main and cx.pick_verb(j, lo + 1):
            return not cx.foreign_particle(j, lo)
    return False


def region_framed(cx: Context, k: int, lo: int, hi: int) -> bool:
    """A colon before it, or a cue verb right after its closing mark."""
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    if j >= 0 and cx.tok[j] == ":":
        return True
    j = cx.next_content(hi, cx.n)
    if j < cx.n and cx.tok[j] == ",":
        j = cx.next_content(j + 1, cx.n)
        if j < cx.n and (
            cx.vlow[j] in cx.lex.main or cx.low[j] == "so" or cx.low[j] in ("heißt", "hieß")
        ):
            return True
    return False


def title_context(cx: Context, lo: int, hi: int, words: list[str]) -> bool:
    if any(ch in "".join(words) for ch in ".0123456789") or all(
        w.isupper() and len(w) > 1 for w in words
    ):
        return True
    j = lo - 1
    while j >= 0 and cx.space[j]:
        j -= 1
    before = cx.low[j] if j >= 0 else ""
    before2 = cx.low[j - 1] if j >= 1 else ""
    ctx = cx.words["title_context"]
    if (
        before in ("laut", "gemäß")
        or before in ctx
        or before2 in ctx
        or before.endswith(("zeitung", "sender", "magazin", "agentur"))
    ):
        return True
    if before in ("der", "die", "das", "des", "dem") and before2 in (
        "wie",
        "laut",
        "dem",
        "der",
    ):
        return True
    k = cx.next_content(hi, cx.n)
    return k < cx.n and cx.low[k] in _TITLE_FOLLOWERS


def region_spans(cx: Context) -> tuple[list[TextSpan], list[TextSpan]]:
    """The scare quotes and the titles, from the final region labels."""
    scare: list[TextSpan] = []
    titles: list[TextSpan] = []
    for k, r in enumerate(cx.regions):
        if cx.region_kind[k] == "scare":
            scare.append(TextSpan(r.start, r.end, r.text, "scare_quote"))
        elif cx.region_kind[k] == "title":
            titles.append(TextSpan(r.start, r.end, r.text, "title"))
    return scare, titles
