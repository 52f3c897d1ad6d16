//! Properties that hold for every input, checked with proptest on arbitrary strings and bytes
//! and on HTML-like token soup: extraction does not panic, gives the same result every time,
//! and invents no text: every word of the output is made of the input's text.
//!
//! "The input's text" is what an independent parse finds: html5ever into a plain
//! `markup5ever_rcdom` DOM, with entities decoded, and every text node kept (dechaff skips
//! some, so its output is a subset). A word of the output may run across inline elements
//! (`Hel<b>lo</b>`), so it must be a substring of one text node, or the end of one, then
//! whole nodes, then the start of another.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{NodeData, RcDom};
use proptest::prelude::*;

/// The text of every text node of `html`, in document order.
fn text_nodes(html: &str) -> Vec<String> {
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let dom = html5ever::parse_document(RcDom::default(), opts).one(html);
    let mut texts = Vec::new();
    let mut stack = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Text { contents } = &node.data {
            texts.push(contents.borrow().to_string());
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    texts
}

/// Whether `word` is a substring of one of `texts`, or a suffix of one, then whole texts,
/// then a prefix of one.
fn is_made_of(word: &str, texts: &[String]) -> bool {
    if texts.iter().any(|text| text.contains(word)) {
        return true;
    }
    // `joins[i]`: `word[..i]` ends where a text node ended.
    let mut joins = vec![false; word.len() + 1];
    for (i, _) in word.char_indices().skip(1) {
        joins[i] = texts.iter().any(|text| text.ends_with(&word[..i]));
    }
    for i in 1..word.len() {
        if !joins[i] || !word.is_char_boundary(i) {
            continue;
        }
        let rest = &word[i..];
        if texts.iter().any(|text| text.starts_with(rest)) {
            return true;
        }
        for text in texts.iter().filter(|text| !text.is_empty()) {
            if rest.starts_with(text.as_str()) && rest.len() > text.len() {
                joins[i + text.len()] = true;
            }
        }
    }
    false
}

/// Checks the three properties on `html`.
fn check(html: &str) -> Result<(), TestCaseError> {
    let first = dechaff::extract(html);
    prop_assert_eq!(&first, &dechaff::extract(html), "not deterministic");
    prop_assert_eq!(&first, &dechaff::Extractor::new().extract(html));
    if let Ok(article) = first {
        let texts = text_nodes(html);
        for word in article.text.split_whitespace() {
            prop_assert!(
                is_made_of(word, &texts),
                "{:?} is not in the input's text",
                word
            );
        }
    }
    Ok(())
}

/// Prose words, so that some soups have enough text to be extracted.
const WORDS: [&str; 12] = [
    "the",
    "council",
    "library",
    "opens",
    "residents",
    "asked",
    "about",
    "parking",
    "Street.",
    "caf\u{e9}",
    "\u{4e2d}\u{6587}",
    "d\u{2019}accord,",
];

/// HTML-like token soup: tags of every kind the pipeline treats apart, attributes that hide
/// or classify, entities, comments, stray markup characters, and prose.
fn soup() -> impl Strategy<Value = String> {
    let tag = prop_oneof![
        Just("p"),
        Just("div"),
        Just("span"),
        Just("a href=/x"),
        Just("a"),
        Just("b"),
        Just("i"),
        Just("table"),
        Just("tr"),
        Just("td"),
        Just("ul"),
        Just("li"),
        Just("h1"),
        Just("pre"),
        Just("br"),
        Just("article"),
        Just("nav"),
        Just("footer"),
        Just("script"),
        Just("style"),
        Just("noscript"),
        Just("title"),
        Just("template"),
        Just("select"),
        Just("option"),
        Just("textarea"),
        Just("svg"),
        Just("math"),
        Just("div class=comments"),
        Just("div hidden"),
        Just("p style=display:none"),
    ];
    let word = proptest::sample::select(&WORDS[..]).prop_map(str::to_string);
    let token = prop_oneof![
        4 => proptest::collection::vec(word, 1..12).prop_map(|words| words.join(" ")),
        2 => tag.clone().prop_map(|t| format!("<{t}>")),
        2 => tag.prop_map(|t| format!("</{}>", t.split(' ').next().unwrap_or(t))),
        1 => prop_oneof![
            Just("&amp;"),
            Just("&lt;"),
            Just("&#x41;"),
            Just("&nbsp;"),
            Just("<!-- c -->"),
            Just("<"),
            Just(">"),
            Just("\""),
            Just("\n"),
            Just("\u{0}"),
        ]
        .prop_map(str::to_string),
    ];
    proptest::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

proptest! {
    #[test]
    fn arbitrary_strings(html in any::<String>()) {
        check(&html)?;
    }

    #[test]
    fn html_token_soup(html in soup()) {
        check(&html)?;
    }

    #[test]
    fn arbitrary_bytes_do_not_panic_and_are_deterministic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000)
    ) {
        let first = dechaff::extract_bytes(&bytes);
        prop_assert_eq!(&first, &dechaff::extract_bytes(&bytes));
        if let Ok(article) = first {
            // Decode as dechaff says it did, then check the words as for text.
            let label = article.encoding.clone().unwrap_or_default();
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes());
            prop_assert!(encoding.is_some(), "unknown encoding {}", label);
            if let Some(encoding) = encoding {
                let (text, _) = encoding.decode_with_bom_removal(&bytes);
                let texts = text_nodes(&text);
                for word in article.text.split_whitespace() {
                    prop_assert!(is_made_of(word, &texts), "{:?} is not in the input's text", word);
                }
            }
        }
    }
}

#[test]
fn a_word_across_inline_elements_is_made_of_the_input() {
    let texts = text_nodes("<p>Hel<b>lo</b> wor<i>l</i>d<script>x</script>!</p>");
    assert!(is_made_of("Hello", &texts));
    assert!(is_made_of("world!", &texts));
    assert!(!is_made_of("Helo", &texts));
    assert!(!is_made_of("Heo", &texts));
}
