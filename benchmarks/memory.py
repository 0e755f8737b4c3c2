"""Memory while streaming many documents through ``mediakit.analyze_many``.

Short documents are generated from the sentences of the five seed texts in
../shared/seeds (a different random choice of 3-8 sentences each, so the parse
cache hides nothing); a generator feeds them, the records are consumed and
dropped, and the resident set size (RSS, of this process plus its worker
processes) is sampled every ``--every`` documents. Flat means: after warm-up the
RSS stops growing.

    .venv/bin/python benchmarks/memory.py [--n 100000] [--every 5000] [--jobs 1]

``--new-words`` appends a never-seen token to every document, to show what an
ever-growing vocabulary costs (spaCy keeps every word type it has seen).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(os.path.abspath(__file__)).parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size of one process in MB (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children() -> list[int]:
    pids: list[int] = []
    for task in Path("/proc/self/task").glob("*/children"):
        with contextlib.suppress(OSError):  # a worker may exit while we look
            pids += [int(p) for p in task.read_text().split()]
    return pids


def total_rss_mb() -> tuple[float, float]:
    """(this process, this process + its children) in MB."""
    own = rss_mb()
    return own, own + sum(rss_mb(pid) for pid in children())


def seed_sentences() -> list[str]:
    from mediakit.document import split_sentences

    sentences: list[str] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        sentences += [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    return [s for s in sentences if len(s.split()) >= 3]


def documents(n: int, sentences: list[str], new_words: bool) -> Iterator[tuple[dict, str]]:
    """``n`` (metadata, text) pairs, generated lazily: nothing is held in memory."""
    rng = random.Random(2025)
    for number in range(n):
        chosen = rng.sample(sentences, rng.randint(3, 8))
        text = " ".join(chosen[:3]) + "\n\n" + " ".join(chosen[3:])
        if new_words:
            text += f" Kennung{number}x."
        yield {"id": number}, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to stream")
    parser.add_argument("--every", type=int, default=0, help="sample RSS every N documents")
    parser.add_argument("--jobs", type=int, default=1, help="n_jobs for analyze_many")
    parser.add_argument(
        "--new-words", action="store_true", help="a new word type in every document"
    )
    args = parser.parse_args(argv)
    every = args.every or max(args.n // 20, 1)

    if not (SHARED / "seeds").is_dir():
        print(f"memory: ../shared is absent ({SHARED}); nothing to measure")
        return 0
    from mediakit.analysis import analyze_many
    from mediakit.document import nlp

    sentences = seed_sentences()
    print(
        f"streaming {args.n:,} documents (3-8 of {len(sentences)} seed sentences each) through "
        f"analyze_many(n_jobs={args.jobs}), RSS every {every:,} documents"
    )
    print(
        f"{'documents':>10} {'RSS MB':>8} {'+workers':>9} {'vocab':>9} {'words':>11} {'docs/s':>8}"
    )
    samples: list[tuple[int, float]] = []
    words = 0.0
    start = time.perf_counter()
    records = analyze_many(
        documents(args.n, sentences, args.new_words), n_jobs=args.jobs, progress=False
    )
    for done, record in enumerate(records, start=1):
        words += record["words"]
        if done % every == 0 or done == args.n:
            own, with_workers = total_rss_mb()
            samples.append((done, with_workers))
            rate = done / (time.perf_counter() - start)
            vocab = len(nlp().vocab.strings)
            print(
                f"{done:>10,} {own:>8.1f} {with_workers:>9.1f} {vocab:>9,} {words:>11,.0f} {rate:>8.0f}"
            )
    if len(samples) < 4:
        print("too few samples to judge flatness; use a larger --n")
        return 0
    # Judge on the second half: the first samples include loading spaCy and the tables.
    half = samples[len(samples) // 2 :]
    (n0, m0), (n1, m1) = half[0], half[-1]
    per_10k = (m1 - m0) / max(n1 - n0, 1) * 10_000
    peak = max(m for _, m in samples)
    flat = m1 - m0 <= max(0.05 * m0, 20.0)
    print(
        f"\nsecond half: {m0:.1f} MB at {n0:,} -> {m1:.1f} MB at {n1:,} documents "
        f"({per_10k:+.2f} MB per 10,000 documents; peak {peak:.1f} MB): "
        f"{'flat' if flat else 'GROWING'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
