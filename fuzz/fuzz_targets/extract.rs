//! Arbitrary bytes and options through `extract_bytes` (and `extract` when they are UTF-8):
//! nothing may panic, and the result must have the shape `Article` promises.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

/// Options as a caller may set them. Limits are small numbers so that the fuzzer reaches
/// them; the labels include unknown ones and ones browsers refuse.
#[derive(Debug, Arbitrary)]
struct Options {
    max_input_bytes: Option<u16>,
    max_depth: Option<u8>,
    max_nodes: Option<u16>,
    charset_hint: Option<Hint>,
}

#[derive(Debug, Arbitrary)]
enum Hint {
    Utf8,
    Latin1,
    Gbk,
    ShiftJis,
    Utf16le,
    Replacement,
    Unknown,
}

impl Hint {
    fn label(&self) -> &'static str {
        match self {
            Hint::Utf8 => "utf-8",
            Hint::Latin1 => "iso-8859-1",
            Hint::Gbk => "gb2312",
            Hint::ShiftJis => "shift_jis",
            Hint::Utf16le => "utf-16le",
            Hint::Replacement => "iso-2022-kr",
            Hint::Unknown => "no-such-charset",
        }
    }
}

fuzz_target!(|input: (Options, &[u8])| {
    let (options, html) = input;
    let mut extractor = dechaff::Extractor::new();
    if let Some(limit) = options.max_input_bytes {
        extractor.max_input_bytes(usize::from(limit));
    }
    if let Some(limit) = options.max_depth {
        extractor.max_depth(usize::from(limit));
    }
    if let Some(limit) = options.max_nodes {
        extractor.max_nodes(usize::from(limit));
    }
    if let Some(hint) = &options.charset_hint {
        extractor.charset_hint(hint.label());
    }
    check(&extractor.extract_bytes(html));
    if let Ok(text) = std::str::from_utf8(html) {
        check(&extractor.extract(text));
    }
});

/// What `Article::text` promises: no leading or trailing white space, never empty.
fn check(result: &Result<dechaff::Article, dechaff::Error>) {
    if let Ok(article) = result {
        assert!(!article.text.is_empty(), "empty text in an Ok article");
        assert_eq!(article.text.trim(), article.text, "text not trimmed");
    }
}
