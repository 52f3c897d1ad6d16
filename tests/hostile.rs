//! Hostile input: each case of the list, and each input found superlinear while
//! bounding them, with its exact outcome: the text, or the error.
//!
//! The inputs are built by `tests/support/hostile_inputs.rs`, which the `pathological` bench
//! group and the `hostile` example share, so the numbers in the bench report are for these
//! bytes. Speed is not asserted here (it belongs to the benches), but every case runs at its
//! full size, with one exception, in debug builds as in release ones: the 1,000 × 1,000
//! table, whose two million nodes take half a minute through an unoptimised build, is
//! 1,000 × 100 under `debug_assertions` and full size under `cargo test --release`.

#[path = "support/hostile_inputs.rs"]
mod hostile_inputs;

use dechaff::{Error, DEFAULT_MAX_DEPTH};
use hostile_inputs::{ARTICLE, ARTICLE_TEXT};

/// The text of `bytes`, through `extract_bytes`, and through `extract` too when the bytes are
/// UTF-8, which must agree. (Only the encoding differs between the two, in an `Ok` and in the
/// `partial` article of `Error::NoContent` alike.)
fn text(bytes: &[u8]) -> Result<String, Error> {
    let from_bytes = dechaff::extract_bytes(bytes).map(|article| article.text);
    if let Ok(html) = std::str::from_utf8(bytes) {
        if bytes.len() < 1_000_000 {
            let from_text = dechaff::extract(html).map(|a| a.text);
            assert_eq!(
                from_text.as_ref().map_err(ToString::to_string),
                from_bytes.as_ref().map_err(ToString::to_string)
            );
        }
    }
    from_bytes
}

/// Asserts that `result` is `Error::NoContent`, whatever metadata it carries.
fn assert_no_content(result: Result<String, Error>) {
    assert!(
        matches!(result, Err(Error::NoContent { .. })),
        "expected no content, got {result:?}"
    );
}

const TOO_DEEP: Error = Error::TooDeep {
    limit: DEFAULT_MAX_DEPTH,
};

#[test]
fn empty_input_has_no_content() {
    assert_no_content(text(&hostile_inputs::empty()));
}

#[test]
fn whitespace_only_has_no_content() {
    assert_no_content(text(&hostile_inputs::whitespace_only()));
}

#[test]
fn a_lone_html_tag_has_no_content() {
    assert_no_content(text(&hostile_inputs::lone_html()));
}

#[test]
fn ten_megabytes_of_random_bytes_nest_too_deep() {
    // Random bytes hold a `<` and a letter every few hundred bytes: unknown elements, never
    // closed, which nest until the depth limit stops the parse.
    assert_eq!(text(&hostile_inputs::random_10mb()), Err(TOO_DEEP));
}

#[test]
fn invalid_utf8_without_a_declaration_is_decoded_as_windows_1252() {
    let article = dechaff::extract_bytes(&hostile_inputs::invalid_utf8()).unwrap();
    assert_eq!(article.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(
        article.text,
        "The council met on Tuesday \u{C3}( to discuss the new library, \u{E2}\u{201A} which \
         opens next spring \u{F0}\u{178}\u{2DC} after three years of building work."
    );
}

#[test]
fn invalid_utf8_declared_as_utf8_becomes_replacement_characters() {
    let mut bytes = b"<meta charset=utf-8>".to_vec();
    bytes.extend(hostile_inputs::invalid_utf8());
    let article = dechaff::extract_bytes(&bytes).unwrap();
    assert_eq!(article.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(
        article.text,
        "The council met on Tuesday \u{FFFD}( to discuss the new library, \u{FFFD} which \
         opens next spring \u{FFFD} after three years of building work."
    );
}

#[test]
fn nul_bytes_are_dropped_from_the_text() {
    assert_eq!(
        text(&hostile_inputs::nul_bytes()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn nested_divs_are_too_deep() {
    assert_eq!(text(&hostile_inputs::deep_div()), Err(TOO_DEEP));
}

#[test]
fn nested_spans_are_too_deep() {
    // html5ever nests inline elements in linear time, but the limit is on depth, whatever
    // the element: what comes after the depth limit would be kept by nothing else.
    assert_eq!(text(&hostile_inputs::deep_span()), Err(TOO_DEEP));
}

#[test]
fn nested_lists_are_too_deep() {
    assert_eq!(text(&hostile_inputs::deep_ul_li()), Err(TOO_DEEP));
}

#[test]
fn nested_tables_are_too_deep() {
    assert_eq!(text(&hostile_inputs::deep_table()), Err(TOO_DEEP));
}

#[test]
fn links_cannot_nest_so_100000_are_side_by_side() {
    assert_eq!(text(&hostile_inputs::deep_a()).as_deref(), Ok(ARTICLE_TEXT));
}

#[test]
fn bold_past_the_formatting_cap_is_dropped_and_the_text_kept() {
    assert_eq!(text(&hostile_inputs::deep_b()).as_deref(), Ok(ARTICLE_TEXT));
}

#[test]
fn unclosed_paragraphs_close_each_other() {
    assert_eq!(
        text(&hostile_inputs::unclosed_p()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn a_ten_megabyte_attribute_value_is_kept_out_of_the_text() {
    assert_eq!(
        text(&hostile_inputs::huge_attribute_value()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn fifty_thousand_attributes_are_split_onto_embeds_and_the_text_kept() {
    assert_eq!(
        text(&hostile_inputs::many_attributes()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn a_ten_megabyte_text_node_is_the_content() {
    let bytes = hostile_inputs::huge_text_node();
    let expected = std::str::from_utf8(&bytes).unwrap().trim_end();
    assert_eq!(text(&bytes).as_deref(), Ok(expected));
}

#[test]
fn fifty_thousand_links_have_no_content() {
    assert_no_content(text(&hostile_inputs::many_links()));
}

#[test]
fn a_table_of_numbers_has_no_content() {
    let rows = if cfg!(debug_assertions) { 100 } else { 1000 };
    assert_no_content(text(&hostile_inputs::table(rows, 1000)));
}

#[test]
fn a_thousand_concatenated_documents_are_one_long_article() {
    let article = dechaff::extract_bytes(&hostile_inputs::concatenated_documents()).unwrap();
    assert_eq!(article.title.as_deref(), Some("Library"));
    assert_eq!(article.text, vec![ARTICLE_TEXT; 1000].join("\n\n"));
}

#[test]
fn markup_inside_scripts_and_styles_is_not_text() {
    assert_eq!(
        text(&hostile_inputs::markup_in_script_and_style()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn content_only_inside_noscript_is_extracted() {
    assert_eq!(
        text(&hostile_inputs::noscript_only()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn svg_is_skipped_and_mathml_is_text() {
    let expected = format!(
        "{ARTICLE_TEXT}\n\n{}",
        hostile_inputs::svg_and_mathml_formula_text()
    );
    assert_eq!(text(&hostile_inputs::svg_and_mathml()), Ok(expected));
}

#[test]
fn a_megabyte_comment_is_skipped() {
    assert_eq!(
        text(&hostile_inputs::huge_comment()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn a_page_of_navigation_only_has_no_content() {
    assert_no_content(text(&hostile_inputs::navigation_only()));
}

#[test]
fn distinct_bold_elements_past_the_cap_are_dropped_and_their_text_kept() {
    let expected = format!("{}\n\n{ARTICLE_TEXT}", "w".repeat(100_000));
    assert_eq!(text(&hostile_inputs::distinct_formatting()), Ok(expected));
}

#[test]
fn formatting_reopened_in_every_paragraph_makes_too_many_nodes() {
    let bytes = hostile_inputs::reopened_formatting();
    let limit = bytes.len() / 2 + 1024;
    assert_eq!(text(&bytes), Err(Error::TooManyNodes { limit }));
}

#[test]
fn content_written_inside_a_table_goes_before_it() {
    let expected = format!("{}\n\n{ARTICLE_TEXT}", "xy ".repeat(100_000).trim_end());
    assert_eq!(text(&hostile_inputs::foster_parenting()), Ok(expected));
}

#[test]
fn repeated_body_tags_do_not_change_the_text() {
    assert_eq!(
        text(&hostile_inputs::repeated_body_attributes()).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

/// Found by the `superlinear` fuzz target (a timeout under AddressSanitizer): each NUL is a
/// parse error and a token of its own, so a megabyte of them is slow per byte (7 MB/s in a
/// release build, a fifth of an ordinary page), but linear.
#[test]
fn fuzz_a_megabyte_of_nul_characters_leaves_the_one_visible_character() {
    let html = format!("#{}", "\0".repeat(7 + 62 * 16_129 + 48));
    assert_eq!(text(html.as_bytes()).as_deref(), Ok("#"));
}

#[test]
fn depth_limit_is_exact_and_can_be_raised() {
    // `<html>`, `<body>` and the `<head>` pointer count, then one per `<div>`, then the `<p>`.
    let html = "<div>".repeat(DEFAULT_MAX_DEPTH - 4) + ARTICLE;
    assert_eq!(
        dechaff::extract(&html).map(|a| a.text).as_deref(),
        Ok(ARTICLE_TEXT)
    );
    let html = "<div>".repeat(DEFAULT_MAX_DEPTH - 3) + ARTICLE;
    assert_eq!(dechaff::extract(&html), Err(TOO_DEEP));
    let mut extractor = dechaff::Extractor::new();
    extractor.max_depth(DEFAULT_MAX_DEPTH + 1);
    assert_eq!(
        extractor.extract(&html).map(|a| a.text).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}

#[test]
fn node_limit_counts_elements_text_and_attributes() {
    // The document, `<html>`, `<head>`, `<body>`, then per paragraph a `<p>`, its attribute
    // and its text: 4 + 3 × 400 = 1204.
    let html: String = (0..400)
        .map(|i| format!("<p class=x>Sentence number {i} of a very long page of prose.</p>"))
        .collect();
    let mut extractor = dechaff::Extractor::new();
    extractor.max_nodes(1204);
    assert!(extractor.extract(&html).is_ok());
    extractor.max_nodes(1203);
    assert_eq!(
        extractor.extract(&html),
        Err(Error::TooManyNodes { limit: 1203 })
    );
}

#[test]
fn the_article_alone_extracts_to_its_text() {
    assert_eq!(
        dechaff::extract(ARTICLE).map(|a| a.text).as_deref(),
        Ok(ARTICLE_TEXT)
    );
}
