//! The hostile inputs of `tests/hostile.rs`, shared with the `pathological` bench group and
//! the `hostile` example (which measures one case's time and memory), so that all three run
//! the same bytes.
//!
//! Every input is built in memory, the "random" one from a fixed seed, so nothing large is
//! stored in the repository and every run sees the same bytes.

// Each user of this file (a test, a bench, an example) takes the cases it needs.
#![allow(dead_code)]

/// Two paragraphs of prose, which the cases that should keep some content put after or
/// around their hostile part.
pub const ARTICLE: &str = "<p>The council met on Tuesday to discuss the new library, which \
    opens next spring after three years of building work.</p><p>Residents asked about \
    parking, opening hours and the fate of the old building on Market Street.</p>";

/// The text that [`ARTICLE`] extracts to.
pub const ARTICLE_TEXT: &str = "The council met on Tuesday to discuss the new library, which \
    opens next spring after three years of building work.\n\nResidents asked about parking, \
    opening hours and the fate of the old building on Market Street.";

/// 10 MB, the size of the largest cases.
pub const TEN_MB: usize = 10 * 1000 * 1000;

/// Builds one case's bytes.
pub type Input = fn() -> Vec<u8>;

/// Every case by name: the list, then the inputs found superlinear in html5ever or
/// `markup5ever_rcdom` while bounding them. Each input is built only when its function runs.
pub const CASES: [(&str, Input); 28] = [
    ("empty", empty),
    ("whitespace-only", whitespace_only),
    ("lone-html", lone_html),
    ("random-10mb", random_10mb),
    ("invalid-utf8", invalid_utf8),
    ("nul-bytes", nul_bytes),
    ("deep-div", deep_div),
    ("deep-span", deep_span),
    ("deep-ul-li", deep_ul_li),
    ("deep-table", deep_table),
    ("deep-a", deep_a),
    ("deep-b", deep_b),
    ("unclosed-p", unclosed_p),
    ("attribute-10mb", huge_attribute_value),
    ("attributes-50000", many_attributes),
    ("text-node-10mb", huge_text_node),
    ("links-50000", many_links),
    ("table-1000x1000", table_1000x1000),
    ("documents-1000", concatenated_documents),
    ("markup-in-script-and-style", markup_in_script_and_style),
    ("noscript-only", noscript_only),
    ("svg-and-mathml", svg_and_mathml),
    ("comment-1mb", huge_comment),
    ("navigation-only", navigation_only),
    ("distinct-formatting", distinct_formatting),
    ("reopened-formatting", reopened_formatting),
    ("foster-parenting", foster_parenting),
    ("repeated-body-attributes", repeated_body_attributes),
];

/// Deterministic pseudo-random bytes (xorshift64*), so the random case is the same every run.
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        bytes.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// `open` repeated `n` times, then the article, nested as deep as the tags go.
fn nested(open: &str, n: usize) -> Vec<u8> {
    (open.repeat(n) + ARTICLE).into_bytes()
}

pub fn empty() -> Vec<u8> {
    Vec::new()
}

pub fn whitespace_only() -> Vec<u8> {
    " \t\r\n\u{c}".repeat(200).into_bytes()
}

pub fn lone_html() -> Vec<u8> {
    b"<html>".to_vec()
}

pub fn random_10mb() -> Vec<u8> {
    random_bytes(TEN_MB, 0x5EED)
}

/// A paragraph with byte sequences that are not UTF-8 in its text and in an attribute.
pub fn invalid_utf8() -> Vec<u8> {
    b"<html><body><p class=\"\xFF\xFE\">The council met on Tuesday \xC3\x28 to discuss the new \
      library, \xE2\x82 which opens next spring \xF0\x9F\x98 after three years of building \
      work.</p>"
        .to_vec()
}

/// NUL bytes in a tag name, an attribute value, the text and after it.
pub fn nul_bytes() -> Vec<u8> {
    let article = ARTICLE.replace(". ", ".\0 ");
    format!("<p\0 id=\"a\0b\">\0</p>{article}{}", "\0".repeat(1000)).into_bytes()
}

pub fn deep_div() -> Vec<u8> {
    nested("<div>", 100_000)
}

pub fn deep_span() -> Vec<u8> {
    nested("<span>", 100_000)
}

pub fn deep_ul_li() -> Vec<u8> {
    nested("<ul><li>", 100_000)
}

pub fn deep_table() -> Vec<u8> {
    nested("<table><tr><td>", 100_000)
}

/// 100,000 `<a href>` start tags, then the article after the last link. Links cannot nest:
/// each `<a>` closes the one before, so they end up side by side.
pub fn deep_a() -> Vec<u8> {
    format!("{}</a>{ARTICLE}", "<a href=/x>".repeat(100_000)).into_bytes()
}

pub fn deep_b() -> Vec<u8> {
    nested("<b>", 100_000)
}

pub fn unclosed_p() -> Vec<u8> {
    nested("<p>", 100_000)
}

/// A 10 MB `data-x` value on the article's container.
pub fn huge_attribute_value() -> Vec<u8> {
    let value = "v".repeat(TEN_MB);
    format!("<article data-x=\"{value}\">{ARTICLE}</article>").into_bytes()
}

/// 50,000 distinct attributes on the article's container.
pub fn many_attributes() -> Vec<u8> {
    let attributes: String = (0..50_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    format!("<article{attributes}>{ARTICLE}</article>").into_bytes()
}

/// The sentence [`huge_text_node`] repeats.
pub const SENTENCE: &str = "The quick brown fox jumps over the lazy dog again. ";

/// 10 MB of prose with no tag at all.
pub fn huge_text_node() -> Vec<u8> {
    SENTENCE.repeat(TEN_MB / SENTENCE.len()).into_bytes()
}

/// 50,000 links and nothing else.
pub fn many_links() -> Vec<u8> {
    let links: String = (0..50_000)
        .map(|i| format!("<a href=\"/page/{i}\">Page number {i}</a> "))
        .collect();
    format!("<body>{links}</body>").into_bytes()
}

/// A table of `rows` rows by `columns` cells, each holding its column's number.
pub fn table(rows: usize, columns: usize) -> Vec<u8> {
    let row: String = (0..columns).map(|i| format!("<td>{i}</td>")).collect();
    format!("<table>{}</table>", format!("<tr>{row}</tr>").repeat(rows)).into_bytes()
}

pub fn table_1000x1000() -> Vec<u8> {
    table(1000, 1000)
}

/// 1,000 whole documents, each with its own doctype, head and body, one after another.
pub fn concatenated_documents() -> Vec<u8> {
    let one = format!(
        "<!DOCTYPE html><html><head><title>Library</title></head><body>{ARTICLE}</body></html>"
    );
    one.repeat(1000).into_bytes()
}

/// Scripts and a style whose text looks like markup, around the article.
pub fn markup_in_script_and_style() -> Vec<u8> {
    let fake = "<p>This paragraph is inside a script and must never be extracted as prose.</p>";
    format!(
        "<script>document.write('{fake}'); if (a<b && c>d) {{}} </scr' + 'ipt>');</script>\
         <style>p::before {{ content: \"{fake}\"; }}</style>{ARTICLE}\
         <script>var s = \"</div>{fake}\";</script>"
    )
    .into_bytes()
}

/// The article inside `<noscript>` and nowhere else: some sites deliver whole pages so.
pub fn noscript_only() -> Vec<u8> {
    format!("<html><body><noscript>{ARTICLE}</noscript></body></html>").into_bytes()
}

/// An SVG drawing of 5,000 paths and labels before the article, and a MathML formula of
/// 5,000 terms after it.
pub fn svg_and_mathml() -> Vec<u8> {
    let paths: String = (0..5_000)
        .map(|i| format!("<path d=\"M{i} 0 L{i} 10\"/><text x=\"{i}\">label {i}</text>"))
        .collect();
    let formula: String = (0..5_000)
        .map(|i| format!("<mi>x</mi><mn>{i}</mn>"))
        .collect();
    format!("<svg viewBox=\"0 0 10 10\">{paths}</svg>{ARTICLE}<math><mrow>{formula}</mrow></math>")
        .into_bytes()
}

/// The text of the formula in [`svg_and_mathml`].
pub fn svg_and_mathml_formula_text() -> String {
    (0..5_000).map(|i| format!("x{i}")).collect()
}

/// A 1 MB comment, with markup and near-endings inside it, before the article.
pub fn huge_comment() -> Vec<u8> {
    let inside = "<p>commented-out paragraph</p> -- - ->".repeat(1_000_000 / 38);
    format!("<!--{inside}-->{ARTICLE}").into_bytes()
}

/// A header menu, breadcrumbs and a footer menu: links and nothing else.
pub fn navigation_only() -> Vec<u8> {
    let menu: String = ["Home", "News", "Sport", "Weather", "Culture", "Contact"]
        .iter()
        .map(|item| format!("<li><a href=\"/{item}\">{item}</a></li>"))
        .collect();
    format!(
        "<html><body><header><nav><ul>{menu}</ul></nav></header>\
         <nav class=\"breadcrumb\"><a href=\"/\">Home</a> &gt; <a href=\"/news\">News</a></nav>\
         <footer><ul>{menu}</ul></footer></body></html>"
    )
    .into_bytes()
}

/// 255 unclosed `<b>`s with distinct ids, then 100,000 `<b id=…>w</b>`: html5ever compares
/// each new `<b>` with every `<b>` in its list of formatting elements, attributes sorted.
pub fn distinct_formatting() -> Vec<u8> {
    let open: String = (0..255).map(|i| format!("<b id=b{i}>")).collect();
    let pairs: String = (0..100_000).map(|i| format!("<b id=x{i}>w</b>")).collect();
    format!("{open}{pairs}{ARTICLE}").into_bytes()
}

/// Eight unclosed `<b>`s with distinct ids, closed by `</p>`, then 200,000 paragraphs:
/// html5ever re-opens (copies) all eight in every one.
pub fn reopened_formatting() -> Vec<u8> {
    let open: String = (0..8).map(|i| format!("<b id=b{i}>")).collect();
    format!("<p>{open}</p>{}", "<p>x</p>".repeat(200_000)).into_bytes()
}

/// 100,000 runs of text and `<i>` written inside a `<table>`, where the parser moves each
/// one out, before the table ("foster parenting").
pub fn foster_parenting() -> Vec<u8> {
    format!("<table>{}</table>{ARTICLE}", "x<i>y</i> ".repeat(100_000)).into_bytes()
}

/// 20,000 `<body>` tags, each with a new attribute for the parser to merge into the first.
pub fn repeated_body_attributes() -> Vec<u8> {
    let bodies: String = (0..20_000).map(|i| format!("<body data-b{i}>")).collect();
    format!("{bodies}{ARTICLE}").into_bytes()
}
