#!/usr/bin/env python3
"""How well Article.confidence ranks pages: Spearman correlation with per-page shingle F1.

Usage (after evaluate and score.py --json --per-page):
    python3 tools/confidence.py target/eval/scores.json target/eval/pred

Reads each full-gold page's F1 from the scores and its confidence from PRED/<subset>/<id>.json
(written by examples/evaluate.rs). Pages whose extraction failed have confidence 0. Standard
library only.
"""
import json
import os
import sys


def ranks(values):
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs, ys):
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def main():
    scores_path, pred = sys.argv[1], sys.argv[2]
    scores = json.load(open(scores_path))
    pairs = {}
    for subset, body in scores["subsets"].items():
        full = body.get("full")
        if not full or "per_page" not in full:
            continue
        for page, measures in full["per_page"].items():
            path = os.path.join(pred, subset, page + ".json")
            confidence = 0.0
            if os.path.exists(path):
                confidence = json.load(open(path)).get("confidence") or 0.0
            pairs.setdefault(subset, []).append((confidence, measures["f1"]))
    everything = [p for rows in pairs.values() for p in rows]
    print(f"{'subset':22} {'pages':>5} {'spearman':>8}")
    for subset, rows in pairs.items():
        print(f"{subset:22} {len(rows):5} {spearman(*zip(*rows)):8.3f}")
    print(f"{'all full-gold pages':22} {len(everything):5} {spearman(*zip(*everything)):8.3f}")


if __name__ == "__main__":
    main()
