"""Speed: the full mediakit analysis against textstat's German readability alone.

On the same real German news texts (the five seeds in ../shared/seeds and the
Wikinews ``originalText`` of ../shared/data/quotes/dev) this measures, in one run:

* ``mediakit.analyze`` (parse + readability + quotations + evaluative vocabulary);
* textstat computing Flesch (German), Wiener Sachtextformel 1 and LIX, nothing else;

and prints both throughputs in words per second and the time ratio
mediakit/textstat (target: <= 1.0). Both result caches are emptied before each
repetition (mediakit's parse cache and textstat's ``lru_cache``s), so no repetition
reuses the analysis of a text. What both keep is per *word form*: pyphen's
hyphenation cache for textstat; spaCy's vocabulary and mediakit's syllable, lemma
and look-up memos. The best repetition is the steady state of a long corpus run,
where almost every word form has been seen before; the first repetition is the
first sight of these texts (nothing parsed before it), reported as well. A
per-measure breakdown follows, and ``--profile`` shows the hot spots.

    python benchmarks/speed.py [--repeat 5] [--profile] [--cli]
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
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


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
        start = time.perf_counter()
        doc = Document(text)
        stages["parse"] += time.perf_counter() - start
        for stage, measure in measures.items():
            if measure is None:
                stages[stage] = float("nan")
                continue
            start = time.perf_counter()
            measure(doc).metrics  # noqa: B018
            stages[stage] += time.perf_counter() - start
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
    textstat_times, mediakit_times = [], []
    for _ in range(args.repeat):
        clear_textstat_caches()
        textstat_times.append(timed(lambda: run_textstat(textstat, texts)))
        clear_mediakit_caches()
        mediakit_times.append(timed(lambda: run_mediakit(texts)))
    clear_mediakit_caches()
    words = sum(parse(text).n_words for text in texts)
    clear_mediakit_caches()
    chars = sum(len(t) for t in texts)
    print(
        f"texts: {len(texts)} ({len(list((SHARED / 'seeds').glob('*.txt')))} seeds + Wikinews dev), "
        f"{chars / 1000:.0f} k characters, {words:,} words (mediakit's count, used for both rates)"
    )

    def report(label: str, seconds: list[float]) -> None:
        best, first = min(seconds), seconds[0]
        print(
            f"{label:<46} {words / best:>10,.0f} words/s  (best {best:.2f} s, first {first:.2f} s)"
        )

    print()
    report("textstat: Flesch-DE + WSTF1 + LIX", textstat_times)
    report("mediakit.analyze: parse + 3 measures", mediakit_times)
    ratio = min(mediakit_times) / min(textstat_times)
    verdict = "OK" if ratio <= 1.0 else "SLOWER than textstat"
    print(
        f"ratio mediakit_time / textstat_time = {ratio:.2f}  (best of {args.repeat}; target <= 1.0: {verdict})"
    )
    ratios = [m / t for m, t in zip(mediakit_times, textstat_times, strict=True)]
    print("ratio per repetition: " + ", ".join(f"{r:.2f}" for r in ratios))
    cold_ratio = mediakit_times[0] / textstat_times[0]
    print(f"ratio on the first pass (every word form new to both) = {cold_ratio:.2f}")

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
