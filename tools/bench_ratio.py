#!/usr/bin/env python3
"""Print extract/parse time ratios from the criterion results of `benches/extract.rs`.

Run the bench first, then this script from the repository root:

    cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
    python3 tools/bench_ratio.py [CRITERION_DIR] [--max-ratio R]

CRITERION_DIR defaults to $CARGO_TARGET_DIR/criterion, else target/criterion. For each page that
has both `extract/parse/<page>` and `extract/extract/<page>` results, it prints the mean parse and
extract times (criterion's mean point estimate, from `new/estimates.json`), the ratio
extract/parse (the number to watch; target <= 1.3) and the throughput of each in MiB/s, as
criterion reports it. With --max-ratio, the exit status is 1 if any page's ratio is above R.
Python 3 standard library only.
"""

import argparse
import json
import os
import sys
from pathlib import Path

GROUP = "extract"
MIB = 1024 * 1024


def mean_ns(bench_dir):
    """Mean point estimate in nanoseconds, or None if the bench has no result."""
    path = bench_dir / "new" / "estimates.json"
    if not path.is_file():
        return None
    with path.open() as f:
        return json.load(f)["mean"]["point_estimate"]


def input_bytes(bench_dir):
    """Input size from criterion's Throughput::Bytes, or None if it was not recorded."""
    path = bench_dir / "new" / "benchmark.json"
    if not path.is_file():
        return None
    with path.open() as f:
        throughput = json.load(f).get("throughput") or {}
    return throughput.get("Bytes")


def mib_per_s(size, ns):
    return size / MIB / (ns / 1e9)


def main():
    default_dir = Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion"
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("criterion_dir", nargs="?", type=Path, default=default_dir)
    ap.add_argument("--max-ratio", type=float, help="exit 1 if any ratio is above this")
    args = ap.parse_args()

    group = args.criterion_dir / GROUP
    parse_dir, extract_dir = group / "parse", group / "extract"
    if not parse_dir.is_dir() or not extract_dir.is_dir():
        sys.exit(f"no results under {group}: run `cargo bench --bench extract` first")

    pages = sorted(
        p.name for p in parse_dir.iterdir() if p.is_dir() and (extract_dir / p.name).is_dir()
    )
    rows = []
    for page in pages:
        parse_ns = mean_ns(parse_dir / page)
        extract_ns = mean_ns(extract_dir / page)
        size = input_bytes(extract_dir / page) or input_bytes(parse_dir / page)
        if parse_ns is None or extract_ns is None:
            continue
        rows.append((page, size, parse_ns, extract_ns, extract_ns / parse_ns))
    if not rows:
        sys.exit(f"no page has both parse and extract results under {group}")

    width = max(len("page"), *(len(r[0]) for r in rows))
    print(
        f"{'page':<{width}}  {'bytes':>7}  {'parse µs':>9}  {'extract µs':>10}  {'ratio':>5}"
        f"  {'parse MiB/s':>11}  {'extract MiB/s':>13}"
    )
    for page, size, parse_ns, extract_ns, ratio in rows:
        size_s = f"{size:>7}" if size else f"{'?':>7}"
        parse_tp = f"{mib_per_s(size, parse_ns):>11.1f}" if size else f"{'?':>11}"
        extract_tp = f"{mib_per_s(size, extract_ns):>13.1f}" if size else f"{'?':>13}"
        print(
            f"{page:<{width}}  {size_s}  {parse_ns / 1e3:>9.1f}  {extract_ns / 1e3:>10.1f}"
            f"  {ratio:>5.2f}  {parse_tp}  {extract_tp}"
        )
    worst = max(r[4] for r in rows)
    print(f"worst ratio {worst:.2f} (target <= 1.3)")

    if args.max_ratio is not None and worst > args.max_ratio:
        print(f"ratio {worst:.2f} is above --max-ratio {args.max_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
