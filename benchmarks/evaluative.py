"""Benchmark for the evaluative-vocabulary measure.

Run: ``.venv/bin/python benchmarks/evaluative.py [--split dev] [--details]``

1. Lemmatiser choice: the hit rate on inflected forms of the lexicon's own entries
   (generated regular forms plus a hand-written list of irregular and noun forms)
   for simplemma's full ``lemmatize``, its dictionary lookup alone, our suffix rules
   alone, and the pipeline the measure uses (dictionary + suffix rules + compound
   split). spaCy's lookup table is compared when ``spacy_lookups_data`` is installed
   or ``MEDIAKIT_SPACY_LOOKUPS`` points to a ``de_lemma_lookup.json(.gz)``.
2. Subjectivity: AUC of a sentence's ``evaluative_per_1000_words`` between SUBJ and
   OBJ sentences of ``../shared/data/subjectivity`` (tuned on train, reported on dev),
   for the headline metric and the variants the design decisions rest on
   (author voice vs all voices, weighted vs counted, first person in or out), plus
   the SUBJ/OBJ ratio of each category. 36 of the 1,291 sentences are stored
   CSV-quoted (``"… ""Wir sind voll"" …"``) although the file is read with QUOTE_NONE;
   their escapes are undone, so the measure sees the sentence's real quotation marks
   (``--raw-quotes`` keeps them, as before).
   The per-voice breakdown (author, quoted, attributed) is printed for each split.
3. The five corpus bodies: the rate per voice and the unattributed evaluation.
4. Speed: words per second on the seed texts (parsed Document; cold and warm caches).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from mediakit import evaluative as ev  # noqa: E402
from mediakit.document import parse  # noqa: E402
from mediakit.evaluative.metrics import evaluative_rate  # noqa: E402

# Inflected forms a lemmatiser must bring back to a lexicon entry, written by hand:
# irregular verbs, noun plurals and genitives, comparatives and superlatives.
HAND_FORMS = {
    "blutrünstige": "blutrünstig", "blutrünstigen": "blutrünstig", "blutrünstigsten": "blutrünstig",
    "erbärmlichsten": "erbärmlich", "erbärmlicher": "erbärmlich", "erbärmliches": "erbärmlich",
    "getönt": "tönen", "tönte": "tönen", "tönt": "tönen", "tönten": "tönen",
    "poltert": "poltern", "polterte": "poltern", "gepoltert": "poltern",
    "prahlte": "prahlen", "geprahlt": "prahlen", "behauptete": "behaupten",
    "behauptet": "behaupten", "log": "lügen", "gelogen": "lügen", "logen": "lügen",
    "schrie": "schreien", "geschrien": "schreien",
    "beschwor": "beschwören", "beschworen": "beschwören", "verriet": "verraten",
    "verraten": "verraten", "verrät": "verraten", "gespottet": "spotten",
    "hetzte": "hetzen", "gehetzt": "hetzen", "wetterte": "wettern", "gewettert": "wettern",
    "schwadronierte": "schwadronieren", "düpiert": "düpieren", "düpierte": "düpieren",
    "brüskiert": "brüskieren", "diffamiert": "diffamieren", "verunglimpft": "verunglimpfen",
    "verharmloste": "verharmlosen", "schöngeredet": "schönreden", "kleingeredet": "kleinreden",
    "heruntergespielt": "herunterspielen", "eingeknickt": "einknicken", "knickte": "einknicken",
    "zurückgerudert": "zurückrudern", "ruderte": "zurückrudern",
    "Marionetten": "Marionette", "Vasallen": "Vasall", "Lakaien": "Lakai", "Handlangern": "Handlanger",
    "Altparteien": "Altpartei", "Regimes": "Regime", "Desasters": "Desaster", "Debakels": "Debakel",
    "Fiaskos": "Fiasko", "Skandale": "Skandal", "Skandals": "Skandal", "Lügen": "Lüge",
    "Märchen": "Märchen", "Gemetzels": "Gemetzel", "Idioten": "Idiot", "Trotteln": "Trottel",
    "Versagern": "Versager", "Schmarotzern": "Schmarotzer", "Bonzen": "Bonze", "Eliten": "Elite",
    "Heuchlern": "Heuchler", "Kriegstreibern": "Kriegstreiber", "Demagogen": "Demagoge",
    "Populisten": "Populist", "Despoten": "Despot", "Tyrannen": "Tyrann", "Zwergstaaten": "Zwergstaat",
    "Narren": "Narr", "Clowns": "Clown", "Horden": "Horde", "Barbaren": "Barbar", "Bestien": "Bestie",
    "Ängste": "Angst", "Sorgen": "Sorge", "Hasses": "Hass", "Schocks": "Schock",
    "empörten": "empört", "schockierten": "schockiert", "entsetzte": "entsetzt",
    "angeblichen": "angeblich", "sogenannten": "sogenannt", "vermeintlichen": "vermeintlich",
    "beispiellosen": "beispiellos", "unzähligen": "unzählig", "totalen": "total", "völlige": "völlig",
    "absolute": "absolut", "extremen": "extrem", "massiven": "massiv", "besser": "gut",
    "dümmer": "dumm", "dümmsten": "dumm", "schlimmer": "schlimm", "schlimmste": "schlimm",
    "übelste": "übel", "mieseste": "mies", "lächerlicher": "lächerlich", "peinlichste": "peinlich",
    "abstrusen": "abstrus", "dubiosen": "dubios", "ominösen": "ominös", "perfiden": "perfide",
}  # fmt: skip

_ADJECTIVE_ENDINGS = (
    "ig",
    "lich",
    "isch",
    "los",
    "haft",
    "bar",
    "sam",
    "ös",
    "iv",
    "al",
    "ell",
    "ant",
    "ent",
    "end",
)


def generated_forms(lexicon: ev.Lexicon) -> dict[str, str]:
    """Regular inflected forms of word entries: adjective endings, weak verb forms."""
    forms: dict[str, str] = {}
    for entry in lexicon.entries:
        lemma = entry.lemma
        if entry.match != "word" or " " in lemma or entry.category in ev.EXACT_FORM_CATEGORIES:
            continue
        if lemma[:1].islower() and len(lemma) >= 5 and lemma.endswith(_ADJECTIVE_ENDINGS):
            for ending in ("e", "en", "er", "es", "em"):
                forms.setdefault(lemma + ending, lemma)
        elif lemma[:1].islower() and lemma.endswith(("ieren",)):
            stem = lemma[:-2]
            for form in (stem + "t", stem + "te", stem + "ten"):
                forms.setdefault(form, lemma)
        elif entry.category == "speech_verb" and lemma.endswith(("eln", "ern")):
            stem = lemma[:-1]
            forms.setdefault(stem + "t", lemma)
            forms.setdefault(stem + "te", lemma)
    return forms


def lemmatiser_accuracy(details: bool) -> None:
    import simplemma

    lexicon = ev.Lexicon.default()
    index = lexicon.index
    strategy = ev._dictionary_strategy()
    spacy_table = _spacy_lookup_table()

    def keys(lemma: str) -> set[str]:
        return ev._entry_keys(lemma) | {lemma.lower()}

    def dictionary_only(word: str) -> str:
        return strategy.get_lemma(word, "de") or strategy.get_lemma(word.lower(), "de") or word

    lemmatisers = {
        "simplemma.lemmatize (full)": lambda w: simplemma.lemmatize(w, lang="de"),
        "simplemma dictionary only": dictionary_only,
        "none (surface form)": lambda w: w,
    }
    if spacy_table is not None:
        lemmatisers["spaCy lookups (de_lemma_lookup)"] = lambda w: spacy_table.get(
            w, spacy_table.get(w.lower(), w)
        )
    form_sets = {
        "hand-written forms": {f: lem for f, lem in HAND_FORMS.items() if lexicon.category_of(lem)},
        "generated regular forms": {
            f: lem for f, lem in generated_forms(lexicon).items() if f not in HAND_FORMS
        },
    }
    for title, wanted in form_sets.items():
        print(f"\n== Lemmatiser hit rate: {len(wanted)} {title} of lexicon entries ==")
        for name, function in lemmatisers.items():
            started = time.perf_counter()
            hits = sum(function(form).lower() in keys(lemma) for form, lemma in wanted.items())
            per_word = (time.perf_counter() - started) / len(wanted) * 1e6
            print(f"{name:42s} {hits / len(wanted):6.1%}   ({per_word:6.1f} µs/word, uncached)")
        suffix_hits = sum(
            any(f in keys(lemma) for f in [form.lower(), *ev._fallback_forms(form.lower())])
            for form, lemma in wanted.items()
        )
        print(f"{'suffix rules only':42s} {suffix_hits / len(wanted):6.1%}")
        misses = []
        for form, lemma in wanted.items():
            found = index.lookup(form, ev.lemmatize(form), True)
            target = lexicon.category_of(lemma)
            same_stem = (
                found is not None
                and found[0].category == target
                and found[0].lemma[:5] == lemma[:5]
            )
            if found is None or not (keys(found[0].lemma) & keys(lemma) or same_stem):
                misses.append(form)
        rate = 1 - len(misses) / len(wanted)
        print(f"{'mediakit pipeline (dict + suffix + split)':42s} {rate:6.1%}")
        if details and misses:
            print("   missed:", ", ".join(sorted(misses)[:60]))
    if spacy_table is None:
        print(
            "spaCy lookups: spacy-lookups-data is not installed (it is pip-installable, MIT, a 98 MB"
            " wheel); set MEDIAKIT_SPACY_LOOKUPS=/path/to/de_lemma_lookup.json.gz to compare"
        )


def _spacy_lookup_table() -> dict[str, str] | None:
    path = os.environ.get("MEDIAKIT_SPACY_LOOKUPS")
    if path and Path(path).is_file():
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    try:
        from spacy_lookups_data import get_file  # type: ignore[import-not-found]
    except ImportError:
        return None
    return json.loads(gzip.decompress(get_file("de_lemma_lookup.json.gz").read_bytes()))


# ---------------------------------------------------------------------------
# Subjectivity AUC
# ---------------------------------------------------------------------------


#: Read the sentences exactly as the file stores them (``--raw-quotes``), CSV escapes kept.
RAW_QUOTES = False


def read_split(name: str) -> list[tuple[str, int]]:
    path = SHARED / "data" / "subjectivity" / f"{name}_de.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    s, lab = header.index("sentence"), header.index("label")
    return [
        (_unescape(row[s]), 1 if row[lab] == "SUBJ" else 0)
        for row in body
        if len(row) == len(header)
    ]


def _unescape(sentence: str) -> str:
    """A sentence the file stores CSV-quoted (``"… ""Wir sind voll"" …"``): read with
    QUOTE_NONE (as ../shared/README.md says, since most rows hold bare quote marks), its
    outer quotes and doubled inner quotes are the file's escaping, not the text."""
    if RAW_QUOTES:
        return sentence
    if len(sentence) > 1 and sentence[0] == sentence[-1] == '"' and '""' in sentence:
        return sentence[1:-1].replace('""', '"')
    return sentence


def auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve via the rank-sum (Mann-Whitney U) statistic, ties averaged."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _rate(
    analysis: ev.EvaluativeAnalysis,
    *,
    quoted: bool = False,
    weighted: bool = True,
    leave_out: frozenset[str] = ev.NOT_COUNTED,
    add: frozenset[str] = frozenset(),
    negated: bool = True,
    attributed: bool = False,
    constructions: bool = True,
) -> float:
    voices = {"author"} | ({"quoted", "attributed"} if quoted else set())
    voices |= {"attributed"} if attributed else set()
    hits = [
        h
        for h in analysis.hits
        if h.voice in voices
        and (h.category not in leave_out or h.category in add)
        and (negated or not h.negated)
        and (constructions or h.match != "construction")
    ]
    words = analysis.author_words
    words += analysis.quoted_words if quoted else 0
    words += analysis.attributed_words if quoted or attributed else 0
    # the same estimate as the library's figures (with the prior of RATE_PRIOR_WORDS);
    # a sentence with no words in these voices scores 0, as the library's author rates
    # do for a fully quoted text (the voice adds nothing)
    if not words:
        return 0.0
    return evaluative_rate(sum(h.weight if weighted else 1 for h in hits), words)


def variant_scores(analysis: ev.EvaluativeAnalysis) -> dict[str, float]:
    """The headline metric and the variants the design decisions are based on."""
    base = ev.NOT_COUNTED
    return {
        "headline evaluative_per_1000_words": analysis.metrics["evaluative_per_1000_words"],
        "author voice, weighted": _rate(analysis),
        "author voice, counted (unweighted)": _rate(analysis, weighted=False),
        "author + attributed voices, weighted": _rate(analysis, attributed=True),
        "all voices, weighted": _rate(analysis, quoted=True),
        "constructions left out": _rate(analysis, constructions=False),
        "all voices, counted": _rate(analysis, quoted=True, weighted=False),
        "negated hits left out": _rate(analysis, negated=False),
        "+ first_person": _rate(analysis, add=frozenset({"first_person"})),
        "- first_person": _rate(analysis, leave_out=base | {"first_person"}),
        "+ address": _rate(analysis, add=frozenset({"address"})),
        "- address": _rate(analysis, leave_out=base | {"address"}),
        "- judgement": _rate(analysis, leave_out=base | {"judgement"}),
        "- modal_particle": _rate(analysis, leave_out=base | {"modal_particle"}),
        "- exaggeration": _rate(analysis, leave_out=base | {"exaggeration"}),
        "- stance": _rate(analysis, leave_out=base | {"stance"}),
        "+ hedge": _rate(analysis, add=frozenset({"hedge"})),
        "minus neutral reporting words": _rate(analysis)
        - 1000 * analysis.neutral_reporting / max(analysis.author_words, 1),
    }


def subjectivity(split: str, details: bool) -> None:
    data = read_split(split)
    labels = [y for _, y in data]
    per_variant: dict[str, list[float]] = {}
    category_counts = {0: Counter(), 1: Counter()}
    lemma_counts = {0: Counter(), 1: Counter()}
    words = {0: 0, 1: 0}
    voice_words = {label: Counter() for label in (0, 1)}
    voice_scores = {label: Counter() for label in (0, 1)}
    started = time.perf_counter()
    for sentence, label in data:
        analysis = ev.analyze_evaluative(sentence)
        for name, value in variant_scores(analysis).items():
            per_variant.setdefault(name, []).append(value)
        words[label] += analysis.author_words + analysis.quoted_words + analysis.attributed_words
        voice_words[label]["author"] += analysis.author_words
        voice_words[label]["quoted"] += analysis.quoted_words
        voice_words[label]["attributed"] += analysis.attributed_words
        for hit in analysis.hits:
            category_counts[label][hit.category] += 1
            lemma_counts[label][(hit.category, hit.lemma)] += 1
            if hit.category not in ev.NOT_COUNTED:
                voice_scores[label][hit.voice] += hit.weight
    elapsed = time.perf_counter() - started
    print(
        f"\n== Subjectivity AUC on {split} ({len(data)} sentences, {sum(labels)} SUBJ), "
        f"{elapsed:.1f} s incl. parsing and quotation analysis =="
    )
    for name, scores in per_variant.items():
        print(f"{name:45s} AUC {auc(scores, labels):.3f}")
    print("\nper voice: words and weighted hits per 1000 words, SUBJ / OBJ")
    for voice in ev.VOICES:
        rates = [1000 * voice_scores[y][voice] / max(voice_words[y][voice], 1) for y in (1, 0)]
        print(
            f"  {voice:10s} words {voice_words[1][voice]:6d} / {voice_words[0][voice]:6d}"
            f"   rate {rates[0]:6.1f} / {rates[1]:6.1f}"
        )
    print("\ncategory             per 1000 words SUBJ   OBJ   ratio")
    for category in (*ev.CATEGORIES, *ev.CONSTRUCTION_CATEGORIES):
        subj = 1000 * category_counts[1][category] / max(words[1], 1)
        obj = 1000 * category_counts[0][category] / max(words[0], 1)
        ratio = subj / obj if obj else float("inf")
        print(f"{category:20s} {subj:16.1f} {obj:6.1f} {ratio:6.2f}")
    if details:
        print("\nmost frequent hits (SUBJ / OBJ counts):")
        for (category, lemma), _ in (lemma_counts[1] + lemma_counts[0]).most_common(60):
            print(
                f"  {category:15s} {lemma:25s} {lemma_counts[1][(category, lemma)]:4d} {lemma_counts[0][(category, lemma)]:4d}"
            )


# ---------------------------------------------------------------------------
# Speed
# ---------------------------------------------------------------------------


def speed() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    text = "\n\n".join(texts * 4)
    document = parse(text)
    from mediakit.quotes import analyze_quotes

    started = time.perf_counter()
    analyze_quotes(document)
    quotes_time = time.perf_counter() - started
    # first sight of every word form: no lemma, no token table, no look-up memo
    ev.lemmatize.cache_clear()
    ev._table_lemmatize.cache_clear()
    ev._LEMMA_MEMOS.clear()
    for key in [k for k in document.cache if str(k).startswith("evaluative_")]:
        del document.cache[key]
    lexicon = ev.Lexicon.default()
    lexicon.index  # noqa: B018 - built once per lexicon, like the shared default
    started = time.perf_counter()
    hits = ev.find_evaluative(document, lexicon)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(3):
        ev.analyze_evaluative(document, lexicon)
    warm = (time.perf_counter() - started) / 3
    n = document.n_words
    print(f"\n== Speed on the seed texts x4 ({n:,} words, {len(hits)} hits) ==")
    print(f"find_evaluative, cold lemma caches:  {n / cold:10,.0f} words/s")
    print(f"analyze_evaluative, warm caches:     {n / warm:10,.0f} words/s")
    print(f"(quotation analysis it relies on, once per document: {n / quotes_time:,.0f} words/s)")


def corpus_voices() -> None:
    """The five corpus bodies: the rate per voice and the unattributed evaluation."""
    import mediakit

    print("\n== Corpus bodies: weighted evaluative rate per voice, unattributed evaluation ==")
    print("text                     author  quoted  attrib.  unattributed sentences")
    for doc in mediakit.load_corpus():
        a = ev.analyze_evaluative(doc.body)
        m = a.metrics
        label = f"{doc.id[:3]} {doc.outlet}"[:22]
        share = m["unattributed_evaluative_sentence_share"]
        shown = "   –" if share != share else f"{share:.2f}"  # no evaluating sentence: missing
        print(
            f"{label:22s} {m['evaluative_per_1000_words']:7.1f} "
            f"{m['quoted_evaluative_per_1000_words']:7.1f} "
            f"{m['attributed_evaluative_per_1000_words']:8.1f}  "
            f"{shown} ({len(a.unattributed_sentences)} of {a.evaluative_sentences})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", action="append", choices=["train", "dev"], help="default: train and dev"
    )
    parser.add_argument(
        "--details", action="store_true", help="missed forms and most frequent hits"
    )
    parser.add_argument(
        "--raw-quotes",
        action="store_true",
        help='subjectivity sentences as stored, CSV escapes ("… ""x"" …") kept',
    )
    args = parser.parse_args()
    global RAW_QUOTES
    RAW_QUOTES = args.raw_quotes
    if not (SHARED / "data" / "subjectivity").is_dir():
        print(f"../shared is absent ({SHARED}); nothing to benchmark.")
        return
    lemmatiser_accuracy(args.details)
    for split in args.split or ["train", "dev"]:
        subjectivity(split, args.details)
    corpus_voices()
    speed()


if __name__ == "__main__":
    main()
