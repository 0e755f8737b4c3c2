"""Speed: the full mediakit analysis against textstat's German readability alone.

On the same real German news texts (the five seeds in ../shared/seeds and the
Wikinews ``originalText`` of ../shared/data/quotes/dev) this measures, in one run:

* ``mediakit.analyze`` (parse + readability + quotations + evaluative vocabulary);
* textstat computing Flesch (German), Wiener Sachtextformel 1 and LIX, nothing else;

and prints both throughputs in words per second and the time ratio
mediakit/textstat, in CPU time (``time.process_time``: the machine may be shared),
median of ``--repeat`` repetitions. Targets: <= 0.8 on articles, <= 1.0 on 1 kB
documents (the articles cut at paragraph ends into pieces of about 1,000 characters)
and on single sentences (the subjectivity dev sentences in
../shared/data/subjectivity). It then times the worst cases (16,000 "(", 100 kB of
emoji and other runs without spaces: each under 2 s), ``analyze_many`` with one and
two processes, and the CPU cost per million articles. Both result caches are emptied before each
repetition (mediakit's parse cache and textstat's ``lru_cache``s), so no repetition
reuses the analysis of a text. What both keep is per *word form*: pyphen's
hyphenation cache for textstat; spaCy's vocabulary and mediakit's syllable, lemma
and look-up memos. The best repetition is the steady state of a long corpus run,
where almost every word form has been seen before; the first repetition is the
first sight of these texts (nothing parsed before it), reported as well. A
per-measure breakdown follows, and ``--profile`` shows the hot spots.

    python benchmarks/speed.py [--repeat 5] [--profile] [--cli] [--parallel]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(os.path.abspath(__file__)).parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
# textstat must never reach the network (it fetches an English dictionary on demand).
os.environ.setdefault("NLTK_DATA", str(ROOT / ".no-nltk-data"))


def load_texts() -> list[tuple[str, str]]:
    """(name, text) of the seeds and the Wikinews dev articles, read at run time."""
    texts = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((SHARED / "seeds").glob("*.txt"))
    ]
    dev = SHARED / "data" / "quotes" / "dev"
    for path in sorted(dev.glob("*.json")) if dev.is_dir() else []:
        text = json.loads(path.read_text(encoding="utf-8")).get("originalText") or ""
        if text.strip():
            texts.append((path.name, text))
    return texts


def guard_textstat() -> object:
    """textstat in German, with every download attempt turned into an error."""
    try:
        import nltk

        def refuse(*args: object, **kwargs: object) -> None:
            raise RuntimeError("benchmark: textstat tried to download NLTK data")

        nltk.download = refuse
    except ImportError:
        pass
    import textstat

    textstat.set_lang("de")
    return textstat


def clear_textstat_caches() -> int:
    """Empty every ``functools.lru_cache`` in textstat (it caches by text and by word)."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
                cleared += 1
    return cleared


def clear_mediakit_caches() -> None:
    from mediakit import document

    document._CACHE.clear()


def timed(function: Callable[[], object]) -> float:
    """CPU seconds of this process for one call."""
    gc.collect()
    start = time.process_time()
    function()
    return time.process_time() - start


def kilobyte_documents(texts: list[str]) -> list[str]:
    """The articles cut at paragraph ends into pieces of about 1,000 characters."""
    pieces: list[str] = []
    for text in texts:
        current = ""
        for paragraph in (p.strip() for p in text.split("\n")):
            if not paragraph:
                continue
            current = f"{current}\n\n{paragraph}" if current else paragraph
            if len(current) >= 900:
                pieces.append(current)
                current = ""
        if len(current) >= 300:
            pieces.append(current)
    return pieces


def subjectivity_sentences() -> list[str]:
    import csv

    path = SHARED / "data" / "subjectivity" / "dev_de.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [row[1] for row in rows if len(row) > 1 and row[1].strip()]


def worst_cases() -> dict[str, str]:
    """Inputs that made spaCy's tokenizer quadratic: runs of marks without a space."""
    cases = {
        '16,000 "("': "(" * 16_000,
        "100 kB emoji": "😂" * 100_000,
        '16,000 "…"': "…" * 16_000,
        '8,000 "!?"': "!?" * 8_000,
        '8,000 ",,"': ",," * 8_000,
        '8,000 "«»"': "«»" * 8_000,
        '100 kB "„“"': "„“" * 50_000,
        '100 kB "!"': "!" * 100_000,
        "100 kB emoji + skin tone": "👍🏽" * 50_000,
        '100 kB "a("': "a(" * 50_000,
        "100 kB punctuation mix": "([{«„…!?,;:»“}])" * 6_250,
    }
    return cases


def ratio_line(label: str, mediakit: list[float], textstat: list[float], target: float) -> str:
    import statistics

    m, t = statistics.median(mediakit), statistics.median(textstat)
    ratio = m / t
    verdict = "OK" if ratio <= target else "over target"
    return (
        f"{label:<22} mediakit {m:7.3f} s, textstat {t:7.3f} s CPU (medians): "
        f"ratio {ratio:.2f} (target <= {target}: {verdict})"
    )


def compare_on(textstat: object, texts: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """CPU seconds per repetition for both, caches emptied before each repetition."""
    textstat_times, mediakit_times = [], []
    for _ in range(repeat):
        clear_textstat_caches()
        textstat_times.append(timed(lambda: run_textstat(textstat, texts)))
        clear_mediakit_caches()
        mediakit_times.append(timed(lambda: run_mediakit(texts)))
    return mediakit_times, textstat_times


def parallel_wall(texts: list[str]) -> str:
    from mediakit.analysis import analyze_many

    figures = []
    for jobs in (1, 2):
        start = time.perf_counter()
        for _ in analyze_many(texts, n_jobs=jobs, progress=False):
            pass
        figures.append(f"n_jobs={jobs}: {time.perf_counter() - start:.2f} s wall")
    return ", ".join(figures)


def run_textstat(textstat: object, texts: list[str]) -> None:
    for text in texts:
        textstat.flesch_reading_ease(text)
        textstat.wiener_sachtextformel(text, 1)
        textstat.lix(text)


def run_mediakit(texts: list[str]) -> None:
    from mediakit.analysis import analyze

    for text in texts:
        analyze(text).metrics  # noqa: B018 - the metrics are what a user asks for


def breakdown(texts: list[str]) -> dict[str, float]:
    """Seconds per stage, stage by stage on the same Documents (the order analyze uses)."""
    from mediakit.document import Document

    stages: dict[str, float] = {"parse": 0.0, "readability": 0.0, "quotes": 0.0, "evaluative": 0.0}
    try:
        from mediakit.readability import readability
    except ImportError:
        readability = None
    try:
        from mediakit.quotes import analyze_quotes
    except ImportError:
        analyze_quotes = None
    try:
        from mediakit.evaluative import analyze_evaluative
    except ImportError:
        analyze_evaluative = None
    measures = {
        "readability": readability,
        "quotes": analyze_quotes,
        "evaluative": analyze_evaluative,
    }
    gc.collect()
    for text in texts:
        start = time.process_time()
        doc = Document(text)
        stages["parse"] += time.process_time() - start
        for stage, measure in measures.items():
            if measure is None:
                stages[stage] = float("nan")
                continue
            start = time.process_time()
            measure(doc).metrics  # noqa: B018
            stages[stage] += time.process_time() - start
    return stages


def profile_mediakit(texts: list[str], top: int) -> str:
    clear_mediakit_caches()
    profiler = cProfile.Profile()
    profiler.enable()
    run_mediakit(texts)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def cold_cli() -> str:
    """Wall time of a cold ``mediakit compare`` on the bundled corpus, in a fresh process."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    start = time.perf_counter()
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from mediakit.cli import main; sys.exit(main(['compare']))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if completed.returncode != 0:
        return f"failed (exit {completed.returncode}): {completed.stderr.strip()[-300:]}"
    return f"{seconds:.2f} s (target <= 2 s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="repetitions, caches emptied each time"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the mediakit pass")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile to print")
    parser.add_argument("--cli", action="store_true", help="also time a cold `mediakit compare`")
    parser.add_argument(
        "--parallel", action="store_true", help="also time analyze_many with 1 and 2 processes"
    )
    args = parser.parse_args(argv)

    if not (SHARED / "seeds").is_dir():
        print(f"speed: ../shared is absent ({SHARED}); nothing to measure")
        return 0
    named = load_texts()
    texts = [text for _, text in named]
    textstat = guard_textstat()

    from mediakit.document import parse

    # Warm up both on a text outside the set: spaCy, pyphen and the tables load once.
    warm = "Der Kreml bestätigte das Gespräch. „Es war gut“, sagte Peskow. Kritiker toben völlig."
    run_textstat(textstat, [warm])
    run_mediakit([warm])
    # The first repetition is the first sight of these texts for both: spaCy's
    # vocabulary, pyphen's and our word caches are cold. Words are counted after it.
    mediakit_times, textstat_times = compare_on(textstat, texts, args.repeat)
    clear_mediakit_caches()
    words = sum(parse(text).n_words for text in texts)
    clear_mediakit_caches()
    chars = sum(len(t) for t in texts)
    print(
        f"texts: {len(texts)} ({len(list((SHARED / 'seeds').glob('*.txt')))} seeds + Wikinews dev), "
        f"{chars / 1000:.0f} k characters, {words:,} words (mediakit's count, used for both rates)"
    )
    from mediakit import _native

    # the compiled core of an editable install (setup.py) or plain Python: the ratios differ
    print(f"mediakit core: {_native.status()}")

    def report(label: str, seconds: list[float]) -> None:
        import statistics

        median, first = statistics.median(seconds), seconds[0]
        print(
            f"{label:<46} {words / median:>10,.0f} words/s  (median {median:.2f} s CPU, first {first:.2f} s)"
        )

    print()
    report("textstat: Flesch-DE + WSTF1 + LIX", textstat_times)
    report("mediakit.analyze: parse + 3 measures", mediakit_times)
    print(ratio_line("articles", mediakit_times, textstat_times, 0.8))
    ratios = [m / t for m, t in zip(mediakit_times, textstat_times, strict=True)]
    print("ratio per repetition: " + ", ".join(f"{r:.2f}" for r in ratios))
    cold_ratio = mediakit_times[0] / textstat_times[0]
    print(f"ratio on the first pass (every word form new to both) = {cold_ratio:.2f}")

    print()
    kilobytes = kilobyte_documents(texts)
    print(
        f"1 kB documents: {len(kilobytes)} pieces of the articles, {sum(map(len, kilobytes)) / len(kilobytes):,.0f} characters on average"
    )
    print(ratio_line("1 kB documents", *compare_on(textstat, kilobytes, args.repeat), 1.0))
    sentences = subjectivity_sentences()
    if sentences:
        print(f"single sentences: {len(sentences)} subjectivity dev sentences")
        print(ratio_line("single sentences", *compare_on(textstat, sentences, args.repeat), 1.0))

    import statistics

    per_article = statistics.median(mediakit_times) / len(texts)
    print(
        f"\ncost: {per_article * 1000:.1f} ms CPU per article (median over these {len(texts)}), so "
        f"{per_article * 1e6 / 3600:,.2f} CPU-hours per million articles of this length "
        "(extrapolated from this run; one Dask worker process per core)"
    )

    print("\nworst cases, full analyze() incl. metrics (target: each under 2 s CPU):")
    from mediakit.analysis import analyze

    for label, text in worst_cases().items():
        seconds = timed(lambda text=text: analyze(text).metrics)
        print(
            f"  {label:<28} {len(text):>8,} characters  {seconds:6.2f} s  {'OK' if seconds < 2 else 'TOO SLOW'}"
        )

    if args.parallel:
        from mediakit.analysis import _cores

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"\nanalyze_many on the articles: {parallel_wall(texts)} "
            f"({_cores()} cores, load average {load:.1f})"
        )

    print("\nper stage (one pass, parse cache bypassed):")
    stages = breakdown(texts)
    total = sum(v for v in stages.values() if v == v)
    for stage, seconds in stages.items():
        if seconds != seconds:
            print(f"  {stage:<12} not available (module missing)")
            continue
        print(
            f"  {stage:<12} {seconds:6.2f} s  {100 * seconds / total:5.1f} %  {words / seconds:>10,.0f} words/s"
        )
    print(f"  {'total':<12} {total:6.2f} s         {words / total:>10,.0f} words/s")

    if args.cli:
        print(f"\ncold `mediakit compare` on the bundled corpus: {cold_cli()}")
    if args.profile:
        print("\nprofile of the mediakit pass:\n")
        print(profile_mediakit(texts, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
