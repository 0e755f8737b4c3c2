"""Error analysis of the quotation engine on the Wikinews quotation data (train by default).

Pairs system and gold quotations exactly as the reference scorer does (Hungarian
method on token-overlap F1) and lists, per error type, how much macro recall or
precision it costs and the most frequent patterns with examples:

- missed gold quotations (unpaired, or paired below token F1 0.5), by gold type;
- spurious system quotations (unpaired), by system kind and first word of the cue;
- message boundary errors of paired quotations (extra / missing tokens at the
  left or right edge, what the first differing token is);
- speaker errors (missing, spurious, too long, too short, wrong).

Tune on train, report dev. The script prints to the terminal only; no dataset
text is written anywhere.

    .venv/bin/python benchmarks/quotes_errors.py [--split train|dev] [--simplified]
        [--show missed|spurious|boundary|speaker] [--type Reported] [-n 15]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes import SHARED, _scorer  # the same scorer and data as quotes.py


def _text(tokens_by_id, ids):
    return " ".join(tokens_by_id[i]["text"] for i in sorted(ids))


def _edge(tokens_by_id, ids):
    return " ".join(tokens_by_id[i]["text"] for i in sorted(ids)[:3])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--simplified", action="store_true")
    ap.add_argument("--show", default="")
    ap.add_argument("--type", default="")
    ap.add_argument("--key", default="")
    ap.add_argument("-n", type=int, default=12)
    args = ap.parse_args(argv)

    sc = _scorer()
    from mediakit import find_quotes

    folder = SHARED / "data" / "quotes" / args.split
    loss = collections.Counter()  # bucket -> summed (1 - r) or (1 - p)
    n_r = n_p = 0
    examples: dict[str, list[str]] = collections.defaultdict(list)
    patterns: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    spk_loss = collections.Counter()
    n_sr = n_sp = 0
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text, tokens = doc["originalText"], doc["tokens"]
        tid = {t["id"]: t for t in tokens}
        sent_of = {i: s["id"] for s in doc["sentences"] for i in s["tokenIds"]}
        sents = {s["id"]: s["text"] for s in doc["sentences"]}
        gold = [a for a in doc["annotations"] if not (args.simplified and a.get("isNested"))]
        pred = [q for q in find_quotes(text) if q.kind in sc.SPEECH_KINDS]
        g_q = [set(a["quote"]["tokenIds"]) for a in gold]
        g_s = [set(a.get("speaker", {}).get("tokenIds", [])) for a in gold]
        s_q = [set(sc._tokens_in(sc._spans(q), tokens)) for q in pred]
        s_s = [set(sc._tokens_in(sc._spans(q.speaker), tokens)) for q in pred]
        forms = [sc.GOLD_FORM.get(q.kind) for q in pred]
        matrix = [
            [
                sc._overlap_f1(g, s)
                + (0.01 if sc._overlap_f1(g, s) > 0 and gold[i].get("type") == forms[j] else 0.0)
                for j, s in enumerate(s_q)
            ]
            for i, g in enumerate(g_q)
        ]
        pairs = sc._hungarian(matrix)
        pg = {i for i, _ in pairs}
        ps = {j for _, j in pairs}

        def sent(ids, sent_of=sent_of, sents=sents):
            ss = sorted({sent_of[i] for i in ids if i in sent_of})
            return " | ".join(sents[s] for s in ss[:3])

        for i in set(range(len(gold))) - pg:
            typ = gold[i]["type"] + ("/nested" if gold[i].get("isNested") else "")
            cue = gold[i].get("cue", {}).get("text", "")
            key = f"missed {typ}"
            loss[key] += 1
            n_r += 1
            patterns[key][cue.split(" ")[0].lower() if cue else "<no cue>"] += 1
            examples[key].append(
                f"[{path.stem}] cue={cue!r} spk={gold[i].get('speaker', {}).get('text', '')!r}\n"
                f"      GOLD: {_text(tid, g_q[i])}\n      SENT: {sent(g_q[i])}"
            )
            if g_s[i]:
                spk_loss["speaker: gold quote missed"] += 1
                n_sr += 1
        for j in set(range(len(pred))) - ps:
            q = pred[j]
            key = f"spurious {q.kind}"
            loss[key] += 1
            n_p += 1
            cue = q.cue.text.split(" ")[0].lower() if q.cue else "<no cue>"
            patterns[key][cue] += 1
            examples[key].append(
                f"[{path.stem}] cue={q.cue.text if q.cue else None!r} spk={q.speaker.text if q.speaker else None!r}\n"
                f"      SYS:  {q.text}\n      SENT: {sent(s_q[j]) if s_q[j] else ''}"
            )
            if s_s[j]:
                spk_loss["speaker: spurious quote with speaker"] += 1
                n_sp += 1
        for i, j in pairs:
            g, s = g_q[i], s_q[j]
            typ = gold[i]["type"]
            n_r += 1
            n_p += 1
            r = len(g & s) / len(g) if g else 0
            p = len(g & s) / len(s) if s else 0
            if sc._overlap_f1(g, s) < 0.5:
                loss[f"weak pair {typ}"] += (1 - r) + (1 - p)
                examples[f"weak {typ}/{pred[j].kind}"].append(
                    f"[{path.stem}]\n      GOLD: {_text(tid, g)}\n      SYS:  {_text(tid, s)}"
                )
            if r < 1 or p < 1:
                extra, missing = s - g, g - s
                parts = []
                if extra:
                    side = "L" if min(extra) < min(g) else ("R" if max(extra) > max(g) else "M")
                    parts.append(f"+{side}:{_edge(tid, extra)[:25]}")
                if missing:
                    side = "L" if min(missing) < min(s) else ("R" if max(missing) > max(s) else "M")
                    parts.append(f"-{side}:{_edge(tid, missing)[:25]}")
                key = f"boundary {typ}/{pred[j].kind}"
                loss[key] += (1 - r) + (1 - p)
                pat = " ".join(p.split(":")[0] for p in parts)
                patterns[key][pat] += 1
                examples[key + " " + pat].append(
                    f"[{path.stem}] {' '.join(parts)}\n      GOLD: {_text(tid, g)}\n      SYS:  {_text(tid, s)}"
                )
            gs, ss = g_s[i], s_s[j]
            if gs:
                n_sr += 1
            if ss:
                n_sp += 1
            if gs == ss:
                continue
            if not ss:
                kind = "missing"
            elif not gs:
                kind = "spurious"
            elif ss > gs:
                kind = "too long"
            elif ss < gs:
                kind = "too short"
            elif gs & ss:
                kind = "overlap"
            else:
                kind = "wrong"
            key = f"speaker {kind} ({pred[j].kind})"
            rr = len(gs & ss) / len(gs) if gs else 1
            pp = len(gs & ss) / len(ss) if ss else 1
            spk_loss[key] += (1 - rr) * bool(gs) + (1 - pp) * bool(ss)
            patterns[key][
                f"{_text(tid, ss - gs)[:30]!r} / {_text(tid, gs - ss)[:30]!r}"
                if kind in ("too long", "too short")
                else kind
            ] += 1
            examples[key].append(
                f"[{path.stem}] GOLD spk={_text(tid, gs)!r} SYS spk={_text(tid, ss)!r} cue={pred[j].cue.text if pred[j].cue else None!r}\n"
                f"      Q: {_text(tid, g)[:160]}"
            )

    print(f"message: {n_r} gold entries, {n_p} system entries (macro denominators)")
    for key, v in loss.most_common():
        top = ", ".join(f"{k} {c}" for k, c in patterns[key].most_common(8))
        print(f"  {key:38s} loss {v:7.1f}  ({v / max(n_r, 1):.3f} of R/P)  {top}")
    print(f"speaker: {n_sr} gold speaker entries, {n_sp} system speaker entries")
    for key, v in spk_loss.most_common():
        top = ", ".join(f"{k} {c}" for k, c in patterns[key].most_common(6))
        print(f"  {key:38s} loss {v:7.1f}  {top}")
    if args.show:
        rnd = random.Random(1)
        for key, ex in sorted(examples.items()):
            if not key.startswith(args.show) or args.type not in key or args.key not in key:
                continue
            print(f"\n=== {key} ({len(ex)})")
            for e in rnd.sample(ex, min(args.n, len(ex))):
                print("  " + e)


if __name__ == "__main__":
    main()
