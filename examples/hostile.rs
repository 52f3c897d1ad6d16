//! Run hostile inputs through `extract_bytes` and print each one's size, outcome, time and
//! MB/s, next to an ordinary article page (`ordinary-kyiv-independent`) for comparison.
//!
//! ```text
//! cargo run --release --example hostile -- [--once] [CASE]...
//! /usr/bin/time -v target/release/examples/hostile --once deep-div
//! ```
//!
//! With no case named, all run. A small input runs several times and the fastest run is
//! shown; `--once` runs each case once, so that `/usr/bin/time -v` reports the peak memory
//! of one extraction (its "Maximum resident set size"; the `empty` case gives the baseline
//! of the process itself). The inputs are those of `tests/hostile.rs`
//! (`tests/support/hostile_inputs.rs`).

use std::time::Instant;

#[path = "../tests/support/hostile_inputs.rs"]
mod hostile_inputs;

fn main() {
    let mut wanted: Vec<String> = std::env::args().skip(1).collect();
    let once = wanted.iter().any(|arg| arg == "--once");
    wanted.retain(|arg| arg != "--once");
    let ordinary: (&str, hostile_inputs::Input) = ("ordinary-kyiv-independent", || {
        include_bytes!("pages/kyiv-independent.html").to_vec()
    });
    for (name, input) in std::iter::once(ordinary).chain(hostile_inputs::CASES) {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let bytes = input();
        // The best of a few runs for small inputs, whose single run is too short to time.
        let runs = if once {
            1
        } else {
            (2_000_000 / bytes.len().max(1)).clamp(2, 50)
        };
        let start = Instant::now();
        let mut result = dechaff::extract_bytes(&bytes);
        let mut seconds = start.elapsed().as_secs_f64();
        for _ in 1..runs {
            let start = Instant::now();
            result = dechaff::extract_bytes(&bytes);
            seconds = seconds.min(start.elapsed().as_secs_f64());
        }
        let outcome = match &result {
            Ok(article) => format!("Ok: {} chars of text", article.text.chars().count()),
            Err(error) => format!("Err: {error}"),
        };
        let mb = bytes.len() as f64 / 1e6;
        println!(
            "{:28} {:>12} B {:>9.1} ms {:>8.1} MB/s  {outcome}",
            name,
            bytes.len(),
            seconds * 1e3,
            mb / seconds.max(1e-9)
        );
    }
}
