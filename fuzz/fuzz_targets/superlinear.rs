//! Superlinear time: a fuzzer-chosen fragment repeated thousands of times between a prefix
//! and a suffix, the shape of every quadratic input found so far (nested tags, attributes,
//! formatting elements, foster-parented content). Run with a timeout, a quadratic step shows
//! up as a slow unit (inputs are about a megabyte, which AddressSanitizer makes take seconds,
//! while a quadratic step on them takes minutes):
//!
//! ```text
//! cargo +nightly fuzz run superlinear -- -timeout=30 -max_len=300 -len_control=0
//! ```

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Repeated<'a> {
    prefix: &'a str,
    fragment: &'a str,
    suffix: &'a str,
    /// Thousands of repetitions, up to about 64,000.
    thousands: u8,
}

fuzz_target!(|input: Repeated<'_>| {
    let count = (usize::from(input.thousands % 64) + 1) * 1000;
    // Keep inputs near a megabyte, so that linear work stays well under the timeout.
    let count = count.min(1_000_000 / input.fragment.len().max(1));
    let html = format!(
        "{}{}{}",
        input.prefix,
        input.fragment.repeat(count),
        input.suffix
    );
    let _ = dechaff::extract(&html);
});
