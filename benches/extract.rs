//! Speed of [`dechaff::extract`] against its floor, html5ever parsing alone.
//!
//! Group `extract`: for each page in `examples/pages/`, two benches on the same input, both with
//! `Throughput::Bytes` so criterion reports MiB/s:
//!
//! - `parse/<page>`: html5ever into a `markup5ever_rcdom::RcDom` with the options dechaff uses
//!   (`scripting_enabled: false`), tendril copy and DOM drop included. No extractor can be faster
//!   than this, since every extractor has to parse the page first.
//! - `extract/<page>`: `dechaff::extract`, the same parse plus everything dechaff does after it.
//!
//! **The number to watch is the ratio `extract / parse`** for each page, since it is the
//! extractor's own cost. Raw times depend on the machine, the ratio much less. The target is
//! **≤ 1.3**.
//!
//! Run (the short settings suit a shared 2-core machine):
//!
//! ```text
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
//! python3 tools/bench_ratio.py
//! ```
//!
//! `tools/bench_ratio.py` reads `target/criterion/extract/{parse,extract}/<page>/new/estimates.json`
//! and prints parse µs, extract µs, the ratio and MiB/s per page. Filter with criterion's usual
//! argument, e.g. `cargo bench --bench extract -- blog-post`.
//!
//! The pages ship in the repository (`include_str!`), so a missing page fails the build instead
//! of being skipped quietly. A page that `extract` rejects fails the bench before any timing:
//! benchmarking the error path would measure the wrong thing.
//!
//! Other groups (the `pathological` inputs of the hostile-input issue) get their own function
//! and their own entry in `criterion_group!` at the bottom.
//!
//! Group `render`: `text/<page>` is `extract` with the default options (text only);
//! `markdown/<page>` and `html/<page>` also render that format (links on, images on). The
//! difference to `text` is the renderer's own cost, which the same selection makes directly
//! comparable.
//!
//! Group `batch`: all pages, eight times over, extracted on a rayon pool of 1 and of 2 threads
//! sharing one `Extractor` (as `examples/batch.rs` does), in MiB/s: `threads/2` over
//! `threads/1` is the scaling. It needs two idle cores to mean anything.
//!
//! ```text
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3 'render|batch'
//! ```
//!
//! Group `pathological`: `extract_bytes` on each hostile input of `tests/hostile.rs` (the same
//! bytes, from `tests/support/hostile_inputs.rs`), plus `ordinary` (the kyiv-independent page)
//! for the per-byte comparison, also with `Throughput::Bytes`. Errors are results here too:
//! a page refused as too deep is timed until it is refused. The largest inputs take seconds
//! per run, so the group takes ten samples:
//!
//! ```text
//! cargo bench --bench extract -- pathological --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_main, BenchmarkId, Criterion, Throughput};
use dechaff::{Extractor, Output};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::RcDom;
use rayon::iter::{IntoParallelRefIterator, ParallelIterator};

#[path = "../tests/support/hostile_inputs.rs"]
mod hostile_inputs;

/// Realistic pages, `(name, html)`. The name is the criterion parameter and directory name.
const PAGES: &[(&str, &str)] = &[
    (
        "kyiv-independent",
        include_str!("../examples/pages/kyiv-independent.html"),
    ),
    (
        "kyiv-independent-divs",
        include_str!("../examples/pages/kyiv-independent-divs.html"),
    ),
    (
        "blog-post",
        include_str!("../examples/pages/blog-post.html"),
    ),
    (
        "docs-page",
        include_str!("../examples/pages/docs-page.html"),
    ),
];

/// Parse exactly as dechaff does (`src/dom.rs`, `Tree::parse`), and nothing more.
fn parse(html: &str) -> RcDom {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    parse_document(RcDom::default(), opts).one(StrTendril::from(html))
}

/// Group `extract`: `parse/<page>` (the floor) and `extract/<page>` on each realistic page.
fn bench_extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for &(name, html) in PAGES {
        if let Err(err) = dechaff::extract(html) {
            panic!("bench page {name} does not extract: {err}");
        }
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", name), html, |b, html| {
            b.iter(|| parse(black_box(html)));
        });
        group.bench_with_input(BenchmarkId::new("extract", name), html, |b, html| {
            b.iter(|| dechaff::extract(black_box(html)));
        });
    }
    group.finish();
}

/// Group `render`: extraction with text only, then with each structured format on top.
fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    let formats = [
        ("text", Output::Text),
        ("markdown", Output::Markdown),
        ("html", Output::Html),
    ];
    for &(name, html) in PAGES {
        group.throughput(Throughput::Bytes(html.len() as u64));
        for (format, output) in formats {
            let mut extractor = Extractor::new();
            extractor.outputs(&[output]).images(true);
            group.bench_with_input(BenchmarkId::new(format, name), html, |b, html| {
                b.iter(|| extractor.extract(black_box(html)));
            });
        }
    }
    group.finish();
}

/// Group `batch`: the same work on a pool of one thread and of two.
fn bench_batch(c: &mut Criterion) {
    let jobs: Vec<&str> = (0..8)
        .flat_map(|_| PAGES.iter().map(|&(_, html)| html))
        .collect();
    let bytes: usize = jobs.iter().map(|html| html.len()).sum();
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool,
            Err(err) => panic!("cannot start {threads} threads: {err}"),
        };
        group.bench_with_input(BenchmarkId::new("threads", threads), &jobs, |b, jobs| {
            b.iter(|| {
                pool.install(|| {
                    jobs.par_iter()
                        .for_each(|html| drop(black_box(extractor.extract(html))));
                });
            });
        });
    }
    group.finish();
}

/// Group `pathological`: every hostile input, and an ordinary page to compare with.
fn bench_pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    let ordinary: (&str, hostile_inputs::Input) = ("ordinary", || {
        include_bytes!("../examples/pages/kyiv-independent.html").to_vec()
    });
    for (name, input) in std::iter::once(ordinary).chain(hostile_inputs::CASES) {
        let bytes = input();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), &bytes, |b, bytes| {
            b.iter(|| dechaff::extract_bytes(black_box(bytes)));
        });
    }
    group.finish();
}

/// `criterion_group!` expands to an undocumented `pub fn`, which the crate-wide `missing_docs =
/// "deny"` rejects at the bench's root; inside a private module it is not public.
mod groups {
    criterion::criterion_group!(
        benches,
        super::bench_extract,
        super::bench_render,
        super::bench_batch,
        super::bench_pathological
    );
}

criterion_main!(groups::benches);
