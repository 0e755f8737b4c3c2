"""Memory while streaming many documents through ``mediakit.analyze_many``.

Short documents are generated from the sentences of the five seed texts in
../shared/seeds (a different random choice of 3-8 sentences each, so the parse
cache hides nothing); a generator feeds them, the records are consumed and
dropped, and the resident set size (RSS, of this process plus its worker
processes) is sampled every ``--every`` documents. Flat means: after warm-up the
RSS stops growing.

    .venv/bin/python benchmarks/memory.py [--n 100000] [--every 5000] [--jobs 1]

``--new-words`` adds five never-seen word forms to every document: spaCy's
vocabulary would keep every one of them, so this shows that mediakit renews it
(``mediakit.document.VOCABULARY_LIMIT``) and caps its word memos (``MEMO_LIMIT``).
``--megabytes 16`` streams 16 documents of one megabyte each instead (the parse
keeps no document once its record is out).

    .venv/bin/python benchmarks/memory.py --new-words            # 100,000 documents
    .venv/bin/python benchmarks/memory.py --megabytes 16
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
            text += " " + " ".join(f"Kennung{number}x{k}" for k in "abcde") + "."
        yield {"id": number}, text


def big_documents(n: int, sentences: list[str]) -> Iterator[tuple[dict, str]]:
    """``n`` documents of about one megabyte each, every one a new shuffle of the sentences."""
    rng = random.Random(1)
    for number in range(n):
        parts: list[str] = []
        size = 0
        while size < 1_000_000:
            paragraph = " ".join(rng.sample(sentences, 6))
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        yield {"id": number}, "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents to stream")
    parser.add_argument("--every", type=int, default=0, help="sample RSS every N documents")
    parser.add_argument("--jobs", type=int, default=1, help="n_jobs for analyze_many")
    parser.add_argument(
        "--new-words", action="store_true", help="five new word forms in every document"
    )
    parser.add_argument(
        "--megabytes", type=int, default=0, help="stream this many 1 MB documents instead"
    )
    args = parser.parse_args(argv)
    if args.megabytes:
        args.n, args.every = args.megabytes, 1
    every = args.every or max(args.n // 20, 1)

    if not (SHARED / "seeds").is_dir():
        print(f"memory: ../shared is absent ({SHARED}); nothing to measure")
        return 0
    from mediakit.analysis import analyze_many
    from mediakit.document import nlp

    sentences = seed_sentences()
    shape = "about 1 MB" if args.megabytes else "3-8"
    print(
        f"streaming {args.n:,} documents ({shape} of {len(sentences)} seed sentences each) through "
        f"analyze_many(n_jobs={args.jobs}), RSS every {every:,} documents"
    )
    print(
        f"{'documents':>10} {'RSS MB':>8} {'+workers':>9} {'lexemes':>9} {'words':>11} {'docs/s':>8}"
    )
    samples: list[tuple[int, float]] = []
    words = 0.0
    start = time.perf_counter()
    source = (
        big_documents(args.n, sentences)
        if args.megabytes
        else documents(args.n, sentences, args.new_words)
    )
    records = analyze_many(source, n_jobs=args.jobs, progress=False)
    for done, record in enumerate(records, start=1):
        words += record["words"]
        if done % every == 0 or done == args.n:
            own, with_workers = total_rss_mb()
            samples.append((done, with_workers))
            rate = done / (time.perf_counter() - start)
            vocab = len(nlp().vocab)
            print(
                f"{done:>10,} {own:>8.1f} {with_workers:>9.1f} {vocab:>9,} {words:>11,.0f} {rate:>8.0f}"
            )
    if args.megabytes:
        first, last = samples[0][1], samples[-1][1]
        peak = max(m for _, m in samples)
        flat = last - first <= max(0.05 * first, 50.0)
        print(
            f"\n{args.n} one-megabyte documents: {first:.1f} MB after the first, {last:.1f} MB "
            f"after the last (peak {peak:.1f} MB): {'flat' if flat else 'GROWING'}"
        )
        return 0
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
