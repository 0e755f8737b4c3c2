"""Property tests: random Unicode, quotation marks and whitespace never break the measures.

For any text: no unexpected exception; every offset lies inside the text and every
span's ``text`` equals ``text[start:end]`` (sentences, quote regions, quotations with
their ``spans``, speakers and cues, evaluative hits, evidence); every metric is a finite
float; and the same input gives the same output, in this process and in another one.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_robustness import check_metrics, check_spans, plain, public, time_limit  # noqa: F401

import mediakit
from mediakit import document

QUOTE_MARKS = ["„", "“", "”", "»", "«", "‚", "‘", "’", "‹", "›", '"', "'", ",,"]
WHITESPACE = [" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\u2028", "\u3000"]
# Words and punctuation that trigger the rules: speech verbs, Konjunktiv, cues,
# abbreviations, ordinals, loaded words, sentence ends.
GERMAN_PIECES = [
    "Er", "sagte", "Sie", "erklärte", "Trump", "Putin", "Peskow", "habe", "sei", "werde",
    "laut", "zufolge", "so", "hieß", "es", "teilte", "mit", "Kreise", "ein", "Sprecher",
    "völlig", "Lügenpresse", "Schmusekurs", "getönt", "nicht", "gut", "z. B.", "Dr.", "3.",
    "12.02.2025", "Februar", ".", ",", ":", "!", "?", "…", "(dpa)", "-", "–", "USA", "EU",
]  # fmt: skip

any_character = st.characters(codec=None, categories=None)  # includes lone surrogates
pieces = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(WHITESPACE),
    st.sampled_from(GERMAN_PIECES),
    st.text(any_character, min_size=1, max_size=4),
)
texts = st.lists(pieces, max_size=80).map("".join)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _fresh(text: str) -> None:
    """Forget the parse of ``text``, so a second call really recomputes."""
    document._CACHE.pop(text, None)


def _html_error(text: str) -> bool:
    try:
        document.check_text(text)
    except ValueError:
        return True
    return False


@PROPERTY
@given(texts)
def test_parse_spans_lie_in_the_text(text: str) -> None:
    if _html_error(text):
        return
    doc = mediakit.parse(text)
    sentences = [s.to_dict() for s in doc.sentences]
    assert check_spans(sentences, text) == len(sentences)
    for before, after in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert before.end <= after.start, "sentences overlap or are out of order"
    check_spans([p.to_dict() for p in doc.paragraphs], text)
    check_spans([r.to_dict() for r in doc.quote_regions], text)
    for region in doc.quote_regions:
        assert text[region.inner_start : region.inner_end] == region.inner_text
    for token in doc.doc:
        assert 0 <= token.idx <= token.idx + len(token.text) <= len(text)
    assert [s.to_dict() for s in mediakit.split_sentences(text)] == sentences


@PROPERTY
@given(texts)
def test_quotations_speakers_and_cues_lie_in_the_text(text: str) -> None:
    if _html_error(text):
        return
    quotations = plain(list(public("find_quotes")(text)))
    check_spans(quotations, text, "find_quotes")
    for quotation in quotations:
        assert 0 <= quotation["start"] <= quotation["end"] <= len(text)
        for part in ("speaker", "cue"):
            if quotation.get(part) is not None:
                assert check_spans(quotation[part], text, part) >= 1
    check_spans(plain(list(public("find_scare_quotes")(text))), text, "find_scare_quotes")


@PROPERTY
@given(texts)
def test_evaluative_hits_lie_in_the_text(text: str) -> None:
    if _html_error(text):
        return
    hits = plain(list(public("find_evaluative")(text)))
    assert check_spans(hits, text, "find_evaluative") >= len(hits)


@PROPERTY
@given(texts)
def test_readability_figures_are_finite(text: str) -> None:
    if _html_error(text):
        return
    result = public("readability")(text)
    check_metrics(result.metrics, "readability")
    check_spans([s.to_dict() for s in result.evidence()], text, "readability.evidence()")


@PROPERTY
@given(texts)
def test_analysis_is_finite_in_the_text_and_repeatable(text: str) -> None:
    if _html_error(text):
        return
    analysis = public("analyze")(text)
    check_metrics(analysis.metrics, "analyze")
    check_spans([s.to_dict() for s in analysis.evidence()], text, "evidence()")
    first = json.dumps(analysis.to_dict(), sort_keys=True, allow_nan=False)
    check_spans(json.loads(first), text, "to_dict()")
    _fresh(text)
    again = json.dumps(public("analyze")(text).to_dict(), sort_keys=True, allow_nan=False)
    assert again == first


@PROPERTY
@given(st.lists(pieces, max_size=40).map("".join))
def test_wrapping_whitespace_does_not_change_the_counts(text: str) -> None:
    if _html_error(text) or _html_error("\n\n" + text + "\n\n"):
        return
    plain_counts = public("analyze")(text).metrics
    padded_counts = public("analyze")("\n\n" + text + "  \n\n").metrics
    for name in ("words", "sentences"):
        assert padded_counts[name] == plain_counts[name], name


# ---------------------------------------------------------------------------
# Same input, same output in another process (different hash seed)
# ---------------------------------------------------------------------------


def _fixed_inputs() -> list[str]:
    rng = random.Random(20250212)
    pool = [*QUOTE_MARKS, *WHITESPACE, *GERMAN_PIECES]
    inputs = [
        "Moskau (dpa) - Kremlsprecher Peskow bestätigte das Telefonat. „Das Gespräch war "
        "gut“, sagte er. Trump habe Putin eingeladen, hieß es. Kritiker sprachen von "
        "einem völlig verantwortungslosen Schmusekurs.",
        '»Nie wieder«, rief sie. ‚Vielleicht‘ meinte er ›später‹. ,,Lügenpresse" schrieb jemand.',
        "",
    ]
    for _ in range(40):
        words = [rng.choice(pool) for _ in range(rng.randrange(1, 60))]
        inputs.append("".join(w if w in QUOTE_MARKS or w in WHITESPACE else w + " " for w in words))
    for _ in range(10):
        inputs.append("".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(1, 200))))
    return inputs


_SCRIPT = """
import json, sys
from mediakit import analyze, document
texts = json.load(sys.stdin)
out = []
for text in texts:
    try:
        document.check_text(text)
    except ValueError:
        out.append(None)
        continue
    out.append(analyze(text).to_dict())
sys.stdout.write(json.dumps(out, sort_keys=True))
"""


def _here(texts: list[str]) -> str:
    out = []
    for text in texts:
        if _html_error(text):
            out.append(None)
            continue
        _fresh(text)
        out.append(public("analyze")(text).to_dict())
    return json.dumps(out, sort_keys=True)


@pytest.mark.slow
def test_same_output_in_another_process() -> None:
    texts = _fixed_inputs()
    package_root = Path(os.path.abspath(mediakit.__file__)).parents[1]  # where it was imported from
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(package_root), env.get("PYTHONPATH")])
        )
        completed = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            cwd=package_root,
            timeout=120,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr[-3000:]
        outputs.append(completed.stdout)
    here = _here(texts)
    assert outputs[0] == outputs[1], "two processes with different hash seeds disagree"
    assert outputs[0] == here, "another process gives a different analysis than this one"
    assert len(json.loads(here)) == len(texts)
