#!/usr/bin/env python3
"""Read `score.py --json` output: print a results table, or enforce the quality floor.

    python3 tools/quality.py table target/eval/scores.json
    python3 tools/quality.py floor target/eval/scores.json docs/quality-floor.txt

This script runs nothing itself; see docs/quality.md for the whole pipeline.
Python 3 standard library only, like the corpus tools.
"""

import argparse
import json
import sys

# The corpus README's "Numbers to beat" (shared/corpus/README.md, scored with
# tools/score.py version 2 on the whole corpus). Full-gold subsets: shingle
# P, R, F1 and bag F1. Page types (wcxb-dev): F1, bag F1, with found, without
# absent. Snippet subsets: snippet F1, with found, without absent. The README
# gives no snippet F1 per page type and no snippet row for wcxb-dev as a whole.
BASELINES = {
    "readability-lxml": {
        "full": {
            "readability": (0.976, 0.957, 0.967, 0.970),
            "dragnet": (0.960, 0.897, 0.927, 0.914),
            "chinese-cwced": (0.916, 0.903, 0.909, 0.897),
            "cleaneval": (0.904, 0.867, 0.885, 0.917),
            "encodings": (0.722, 0.739, 0.731, 0.681),
            "wcxb-dev": (0.683, 0.488, 0.569, 0.537),
        },
        "page_type": {
            "article": (0.930, 0.917, 0.78, 1.00),
            "forum": (0.562, 0.475, 0.40, 0.99),
            "product": (0.306, 0.328, 0.44, 0.95),
            "collection": (0.386, 0.357, 0.36, 0.96),
            "listing": (0.306, 0.298, 0.23, 0.98),
            "documentation": (0.802, 0.779, 0.69, 0.97),
            "service": (0.553, 0.546, 0.46, 0.95),
        },
        "snippets": {
            "trafilatura-snippets": (0.859, 0.83, 0.90),
            "encodings": (0.930, 0.95, 0.91),
        },
        "overall": (0.835, 0.825),
    },
    "trafilatura": {
        "full": {
            "readability": (0.940, 0.927, 0.933, 0.930),
            "dragnet": (0.806, 0.917, 0.858, 0.844),
            "chinese-cwced": (0.853, 0.941, 0.895, 0.862),
            "cleaneval": (0.858, 0.855, 0.856, 0.887),
            "encodings": (0.849, 0.970, 0.906, 0.879),
            "wcxb-dev": (0.720, 0.707, 0.714, 0.730),
        },
        "page_type": {
            "article": (0.919, 0.907, 0.84, 1.00),
            "forum": (0.699, 0.684, 0.67, 0.95),
            "product": (0.527, 0.556, 0.68, 0.87),
            "collection": (0.624, 0.688, 0.57, 0.92),
            "listing": (0.504, 0.572, 0.41, 0.96),
            "documentation": (0.902, 0.912, 0.88, 0.93),
            "service": (0.743, 0.764, 0.71, 0.95),
        },
        "snippets": {
            "trafilatura-snippets": (0.927, 0.97, 0.88),
            "encodings": (0.889, 0.95, 0.83),
        },
        "overall": (0.870, 0.866),
    },
}

# The subsets in the README's order; the baselines' overall F1 is the mean of
# these 7 members, so only a run over all of them compares with it.
SUBSETS = ["readability", "dragnet", "chinese-cwced", "cleaneval",
           "encodings", "wcxb-dev", "trafilatura-snippets"]
OVERALL_MEMBERS = len(SUBSETS)
# trafilatura-snippets first: it is the overall member among the snippet rows.
SNIPPET_SUBSETS = ["trafilatura-snippets", "encodings", "wcxb-dev"]
DASH = "–"


def fmt(value, places=3):
    return DASH if value is None else f"{value:.{places}f}"


def full_cell(baseline):
    """A baseline's full-gold cell: P / R / **F1** / bag F1."""
    if baseline is None:
        return DASH
    p, r, f1, bag = baseline
    return f"{fmt(p)} / {fmt(r)} / **{fmt(f1)}** / {fmt(bag)}"


def snippet_cell(f1, found, absent):
    """A baseline's snippet cell: **F1** (with found / without absent)."""
    return f"**{fmt(f1)}** ({fmt(found, 2)} / {fmt(absent, 2)})"


def full_row(label, scores, baselines):
    bag = scores["bag"]["f1"]
    ours = [fmt(scores["precision"]), fmt(scores["recall"]),
            f"**{fmt(scores['f1'])}**", fmt(bag)]
    return [f"{label} ({scores['pages']})", *ours, *map(full_cell, baselines)]


def full_table(subsets):
    names = list(BASELINES)
    lines = [
        "| subset (pages) | P | R | F1 | bag F1 | "
        + " | ".join(f"{n} P / R / F1 / bag" for n in names) + " |",
        "|---" * (5 + len(names)) + "|",
    ]
    for name in SUBSETS:
        full = subsets.get(name, {}).get("full")
        if full is None:
            continue
        label = "encodings, expected.txt" if name == "encodings" else name
        rows = [full_row(label, full, [BASELINES[n]["full"].get(name) for n in names])]
        for kind, scores in full.get("by_page_type", {}).items():
            typed = [page_type_full(BASELINES[n]["page_type"].get(kind)) for n in names]
            rows.append(full_row(f"{name}: {kind}", scores, typed))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def page_type_full(baseline):
    """The README gives F1 and bag F1 per page type, but not P and R."""
    return None if baseline is None else (None, None, baseline[0], baseline[1])


def snippet_row(label, scores, baselines):
    ours = [fmt(scores["precision"]), fmt(scores["recall"]),
            f"**{fmt(scores['f1'])}**", fmt(scores["with_found"], 2),
            fmt(scores["without_absent"], 2)]
    return [f"{label} ({scores['pages']})", *ours, *baselines]


def snippet_table(subsets):
    names = list(BASELINES)
    lines = [
        "| snippets (pages) | P | R | F1 | with found | without absent | "
        + " | ".join(f"{n} F1 (with / without)" for n in names) + " |",
        "|---" * (6 + len(names)) + "|",
    ]
    for name in SNIPPET_SUBSETS:
        snippets = subsets.get(name, {}).get("snippets")
        if snippets is None:
            continue
        cells = []
        for n in names:
            base = BASELINES[n]["snippets"].get(name)
            cells.append(DASH if base is None else snippet_cell(*base))
        label = f"{name}, snippets.json" if name != "trafilatura-snippets" else name
        rows = [snippet_row(label, snippets, cells)]
        for kind, scores in snippets.get("by_page_type", {}).items():
            typed = [page_type_snippets(BASELINES[n]["page_type"].get(kind)) for n in names]
            rows.append(snippet_row(f"{name}: {kind}", scores, typed))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def page_type_snippets(baseline):
    """The README gives with found / without absent per page type, but no snippet F1."""
    if baseline is None:
        return DASH
    return f"{DASH} ({fmt(baseline[2], 2)} / {fmt(baseline[3], 2)})"


def overall_table(overall):
    names = list(BASELINES)
    cells = [f"**{fmt(b['overall'][0])}** / {fmt(b['overall'][1])}"
             for b in BASELINES.values()]
    return [
        "| overall | F1 | bag F1 | " + " | ".join(f"{n} F1 / bag F1" for n in names) + " |",
        "|---" * (3 + len(names)) + "|",
        f"| mean of {len(overall['members'])} members | **{fmt(overall['f1'])}** | "
        f"{fmt(overall['bag_f1'])} | " + " | ".join(cells) + " |",
    ]


def notes(scores):
    """What a reader of the table must know to trust it."""
    lines = []
    members = scores["overall"]["members"]
    if len(members) != OVERALL_MEMBERS:
        names = ", ".join(m["subset"] for m in members)
        lines.append(f"Overall covers {len(members)} of {OVERALL_MEMBERS} members "
                     f"({names}), so it does not compare with the baselines.")
    for name, subset in scores["subsets"].items():
        if subset.get("missing_predictions"):
            lines.append(f"{name}: {subset['missing_predictions']} predictions missing "
                         "(scored as empty).")
    return lines


def table(scores):
    subsets = scores["subsets"]
    out = ["Full-gold subsets: shingle precision, recall, **F1** (the headline) and bag F1.",
           "", *full_table(subsets), "",
           "Snippet pages: snippet precision, recall, **F1**, and the share of `with` "
           "snippets found and of `without` snippets absent.",
           "", *snippet_table(subsets), "", *overall_table(scores["overall"])]
    extra = notes(scores)
    if extra:
        out += [""] + [f"* {line}" for line in extra]
    out += ["", f"Baselines: shared/corpus/README.md, \"Numbers to beat\" "
                f"(score.py version 2); this run: score.py version {scores.get('version')}."]
    print("\n".join(out))
    return 0


def read_floor(path):
    """The one number in FLOOR_FILE; lines starting with # are comments."""
    with open(path, encoding="utf-8") as f:
        values = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith("#")]
    if len(values) != 1:
        raise ValueError(f"{path}: expected one number, found {len(values)} value lines")
    try:
        return float(values[0])
    except ValueError:
        raise ValueError(f"{path}: {values[0]!r} is not a number") from None


def floor(scores, floor_path):
    members = scores["overall"]["members"]
    if len(members) != OVERALL_MEMBERS:
        print(f"quality floor: the scores cover {len(members)} of {OVERALL_MEMBERS} overall "
              "members; the floor applies to a run over the whole corpus", file=sys.stderr)
        return 1
    minimum = read_floor(floor_path)
    f1 = scores["overall"]["f1"]
    if f1 < minimum:
        print(f"quality floor FAILED: overall F1 {f1:.4f} < floor {minimum:.4f} "
              f"(short by {minimum - f1:.4f}). Fix the regression, or lower {floor_path} "
              "in the same commit and say why.", file=sys.stderr)
        return 1
    print(f"quality floor ok: overall F1 {f1:.4f} >= floor {minimum:.4f} "
          f"(margin {f1 - minimum:+.4f})")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    table_cmd = commands.add_parser("table", help="print a Markdown results table")
    table_cmd.add_argument("scores", help="output of score.py --json")
    floor_cmd = commands.add_parser("floor", help="exit 1 if overall F1 is below the floor")
    floor_cmd.add_argument("scores", help="output of score.py --json")
    floor_cmd.add_argument("floor_file", help="file holding the minimum overall F1")
    args = parser.parse_args()
    try:
        with open(args.scores, encoding="utf-8") as f:
            scores = json.load(f)
        if args.command == "table":
            return table(scores)
        return floor(scores, args.floor_file)
    except (OSError, ValueError) as e:
        print(f"quality.py {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyError as e:
        print(f"quality.py {args.command}: {args.scores} lacks the key {e}; "
              "is it the output of score.py --json?", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
