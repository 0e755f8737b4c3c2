"""Web and e-mail addresses in running text.

Readers do not read a web address aloud syllable by syllable; they skip it or take
it in as one unit. The readability formulas therefore count a web or e-mail address
as **one word of one syllable** (:mod:`mediakit.readability`), and the tokenizer keeps
it one token (:mod:`mediakit.document`), with punctuation after it split off.

An address is a token

* with a scheme: ``https://tkp.at/2025/02/13/trump-putin``, ``ftp://…``;
* starting with ``www.``: ``www.example.de``, ``www.bundestag.de/abstimmung``;
* a bare ``name.tld`` whose ending is in ``data/web_domains.tsv`` (``tkp.at``,
  ``Spiegel.de``, ``nato.int/de``), so ``kam.es`` typed without a space is no address;
* an e-mail address ``leserbriefe@zeitung.de`` (also ``mailto:…``).

>>> [web_address_kind(t) for t in ["https://tkp.at/x", "www.example.de", "tkp.at", "a@b.de", "kam.es"]]
['url', 'url', 'url', 'email', None]
"""

from __future__ import annotations

import re
from functools import cache

from .tables import load_table

__all__ = ["ADDRESS_END", "is_web_address", "web_address_kind"]

# Characters that end a web address in running text when they stand at its end:
# sentence punctuation, closing brackets and quotation marks ("siehe tkp.at.").
ADDRESS_END = ".,;:!?)]}>\"'“”„«»‘’…"

_SCHEME = r"[A-Za-z][A-Za-z0-9+.\-]{1,15}://[^\s/?#]+(?:[/?#]\S*)?"
_WWW = (
    r"[Ww]{3}\d{0,2}\.(?:[^\W_](?:[\w\-]{0,62}[^\W_])?\.)+[^\W\d_]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?"
)
_EMAIL = r"(?:mailto:)?[\w.%+\-]+@(?:[^\W_](?:[\w\-]{0,62}[^\W_])?\.)+[^\W\d_]{2,63}"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(address with scheme, www. or @; bare domain with a listed ending)."""
    tlds = sorted({row["tld"] for row in load_table("web_domains.tsv")}, key=len, reverse=True)
    bare = (
        r"(?:[^\W_](?:[\w\-]{0,62}[^\W_])?\.)+(?:" + "|".join(tlds) + r")"
        r"(?::\d{1,5})?(?:[/?#]\S*)?"
    )
    marked = re.compile(f"(?P<url>{_SCHEME}|{_WWW})|(?P<email>{_EMAIL})")
    return marked, re.compile(bare)


def web_address_kind(token: str) -> str | None:
    """``"url"``, ``"email"`` or ``None``: what kind of address a token is (whole token).

    Punctuation that ends the sentence must be split off first (the tokenizer does).

    >>> web_address_kind("leserbriefe@zeitung.de"), web_address_kind("Bundestag")
    ('email', None)
    """
    if not isinstance(token, str):
        raise TypeError(f"token must be a str, not {type(token).__name__}")
    if "." not in token or len(token) < 4 or token[-1:] in ADDRESS_END:
        return None  # every address holds a full stop; a bare word never is one
    marked, bare = _patterns()
    match = marked.fullmatch(token)
    if match is not None:
        return match.lastgroup
    if token[:1].isalpha() and bare.fullmatch(token) is not None:
        return "url"
    return None


def is_web_address(token: str) -> bool:
    """True for a web or e-mail address (see :func:`web_address_kind`).

    >>> is_web_address("www.bundestag.de"), is_web_address("z.B.")
    (True, False)
    """
    return web_address_kind(token) is not None
