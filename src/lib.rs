//! dechaff extracts what a reader came for from a web page's HTML: the article's text and
//! title, without navigation, banners, share bars, teasers, footers or comment threads.
//!
//! # Example
//!
//! This example shows how to extract the text of a page with the default options.
//!
//! ```
//! let html = r#"<html><head><title>Rain in Spain | Weather Daily</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
//!   <article><h1>Rain in Spain</h1>
//!     <p>The rain in Spain stays mainly in the plain, forecasters said on Monday.</p>
//!     <p>Farmers welcomed the news, which follows the driest spring in decades.</p>
//!   </article>
//!   <footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer>
//! </body></html>"#;
//! let article = dechaff::extract(html)?;
//! assert_eq!(article.title.as_deref(), Some("Rain in Spain"));
//! assert_eq!(
//!     article.text,
//!     "The rain in Spain stays mainly in the plain, forecasters said on Monday.\n\n\
//!      Farmers welcomed the news, which follows the driest spring in decades."
//! );
//! # Ok::<(), dechaff::Error>(())
//! ```
//!
//! # Markdown, HTML and JSON
//!
//! This example shows how to get the same content as Markdown and as clean HTML, with links
//! made absolute. [`Extractor::outputs`] chooses the formats; [`Extractor::links`],
//! [`Extractor::images`], [`Extractor::tables`] and [`Extractor::base_url`] what goes in them;
//! [`Extractor::comments`] puts the comment section in [`Article::comments`]. None of these
//! changes which content is selected: [`Article::text`] is the same whatever they say (only
//! `tables(false)` drops data tables, from every format alike).
//!
//! ```
//! use dechaff::{Extractor, Output};
//!
//! let html = r#"<article><p>Read the <a href="/guide">guide</a> first: it explains every
//!   option in the order you will need it, with an example for each.</p></article>"#;
//! let article = Extractor::new()
//!     .outputs(&[Output::Markdown, Output::Html])
//!     .base_url("https://example.com/docs/")
//!     .extract(html)?;
//! assert_eq!(
//!     article.markdown.as_deref(),
//!     Some("Read the [guide](https://example.com/guide) first: it explains every option in \
//!           the order you will need it, with an example for each.")
//! );
//! assert!(article.html.unwrap().starts_with(r#"<p>Read the <a href="https://example.com/guide">"#));
//! # Ok::<(), dechaff::Error>(())
//! ```
//!
//! # Features
//!
//! - `serde`: `Serialize` and `Deserialize` for [`Article`], with stable field names (see
//!   its "JSON" section). Off by default.
//!
//! # Bytes in any character encoding
//!
//! A page as fetched is bytes. [`extract_bytes`] (and [`Extractor::extract_bytes`]) decode them
//! the way a browser does: a byte order mark, then what the HTTP header said
//! ([`Extractor::charset_hint`]), then a `<meta charset>`, then UTF-8 if the bytes are valid
//! UTF-8, then a statistical guess. One departure from browsers: a `<meta>` that declares
//! Latin-1 over bytes that are valid, non-ASCII UTF-8 is overruled, since such pages are UTF-8
//! under a stale template. Malformed bytes become U+FFFD, never an error, and
//! [`Article::encoding`] tells which encoding was used.
//!
//! # Metadata
//!
//! Besides the text, [`Article`] carries the page's metadata: title, authors, publication and
//! modification dates (ISO 8601 days), site name, description, language, canonical URL, image,
//! tags and categories. They come from the same parse, structured sources first (JSON-LD,
//! OpenGraph and `article:*`, Twitter cards, Dublin Core, `citation_*`, microdata), then the
//! page's own elements near the headline (`<time>`, bylines) and its URL. Dates are never read
//! from scripts other than JSON-LD; [`Extractor::now`] rejects dates in the future.
//!
//! ```
//! let html = r#"<html lang="en"><head>
//!   <meta property="og:site_name" content="Weather Daily">
//!   <meta property="article:published_time" content="2025-04-25T09:30:00+02:00">
//!   </head><body><h1>Rain in Spain</h1><p>By Jane Doe and John Roe</p>
//!   <p>The rain in Spain stays mainly in the plain, forecasters said on Monday.</p></body></html>"#;
//! let article = dechaff::extract(html)?;
//! assert_eq!(article.authors, ["Jane Doe", "John Roe"]);
//! assert_eq!(article.date.as_deref(), Some("2025-04-25"));
//! assert_eq!(article.site_name.as_deref(), Some("Weather Daily"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! # Ok::<(), dechaff::Error>(())
//! ```
//!
//! A page with no main content (a home page of links, a listing, an empty shell) still has
//! metadata: [`Error::NoContent`] carries it as a `partial` [`Article`] whose text is empty.
//!
//! ```
//! let html = r#"<title>All sections | Weather Daily</title>
//!   <meta property="og:site_name" content="Weather Daily">
//!   <meta property="og:url" content="https://example.com/sections">
//!   <nav><a href="/rain">Rain</a> <a href="/snow">Snow</a></nav>"#;
//! let partial = match dechaff::extract(html) {
//!     Err(dechaff::Error::NoContent { partial }) => partial,
//!     other => panic!("a page of links has no content: {other:?}"),
//! };
//! assert_eq!(partial.text, "");
//! assert_eq!(partial.title.as_deref(), Some("All sections"));
//! assert_eq!(partial.url.as_deref(), Some("https://example.com/sections"));
//! ```
//!
//! # Untrusted input
//!
//! dechaff is made for whatever a crawler fetched. On any input, it
//!
//! - never panics, aborts or overflows the stack: nothing recurses over the document, no
//!   `unwrap`, `expect` or indexing that input could make fail is allowed in the library
//!   (clippy denies them), and there is no `unsafe` code (`#![forbid(unsafe_code)]`);
//! - returns an [`Article`] or an [`Error`], the same for the same input and options;
//! - takes time and memory that grow linearly with the input's size, within these limits:
//!
//! | What | Setter | Default | Past it |
//! |---|---|---|---|
//! | input size | [`Extractor::max_input_bytes`] | 64 MiB | [`Error::InputTooLarge`], before any work |
//! | nesting depth | [`Extractor::max_depth`] | 512 | [`Error::TooDeep`], as soon as the parser gets there |
//! | DOM nodes | [`Extractor::max_nodes`] | 4 million, and half the input's bytes | [`Error::TooManyNodes`], as soon as the parser makes them |
//!
//! The HTML parser (html5ever) has steps whose cost grows with the square of some count in
//! the page. The limits above bound most of them; three fixed rules bound the rest without
//! losing any text:
//!
//! - a tag's attributes past the 256th are moved onto `<embed>` elements inserted after it,
//!   256 to each;
//! - a formatting start tag (`<a>`, `<b>`, `<font>`, …) is dropped, and its text kept, when 12
//!   elements of its name are already open or waiting for the parser to re-open them (one
//!   that is both counts twice);
//! - a repeated `<html>` or `<body>` tag adds its attributes to the first only while that has
//!   fewer than 64.
//!
//! Real pages come nowhere near these (the deepest page of the project's corpus of 695 pages
//! nests 50 deep, and none has more than 10 formatting elements of a name open). The
//! `hostile` test suite checks the exact outcome of each kind of hostile input, and the
//! `pathological` bench group their speed.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod article;
mod attributes;
mod blocks;
mod clean;
mod confidence;
mod dom;
mod error;
mod evidence;
mod extractor;
mod input;
mod metadata;
mod parse;
mod regions;
mod render;
mod score;
mod select;
mod sink;
mod stats;

/// Compiles a literal pattern of the crate (metadata dates and bylines, terminating blocks).
/// The `expect` cannot fire on a literal that compiled once, and each module's tests force
/// every pattern.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("valid regex")
}

pub use article::Article;
pub use error::Error;
pub use extractor::{
    Extractor, Favor, Output, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES,
};

/// Extract the main content of `html` with the default options.
///
/// This is `Extractor::default().extract(html)`.
///
/// # Errors
///
/// See [`Extractor::extract`].
///
/// # Examples
///
/// ```
/// let article = dechaff::extract(
///     "<p>Only one paragraph here, but it is a real sentence of real prose.</p>",
/// )?;
/// assert_eq!(article.text, "Only one paragraph here, but it is a real sentence of real prose.");
/// # Ok::<(), dechaff::Error>(())
/// ```
pub fn extract(html: &str) -> Result<Article, Error> {
    DEFAULT.extract(html)
}

/// Extract the main content of `html`, a page as raw bytes in any character encoding, with
/// the default options.
///
/// This is `Extractor::default().extract_bytes(html)`: the encoding comes from a byte order
/// mark, a `<meta charset>`, UTF-8 validity or a guess, in that order, and is reported in
/// [`Article::encoding`].
///
/// # Errors
///
/// See [`Extractor::extract_bytes`].
///
/// # Examples
///
/// This example shows a windows-1252 page that says so in a `<meta>`.
///
/// ```
/// let html = b"<html><head><meta charset=windows-1252></head><body>\
///              <p>\x93Gr\xFC\xDFe aus M\xFCnchen\x94, the postcard said, in a firm hand.</p>";
/// let article = dechaff::extract_bytes(html)?;
/// assert_eq!(article.text, "\u{201c}Gr\u{fc}\u{df}e aus M\u{fc}nchen\u{201d}, the postcard said, in a firm hand.");
/// assert_eq!(article.encoding.as_deref(), Some("windows-1252"));
/// # Ok::<(), dechaff::Error>(())
/// ```
pub fn extract_bytes(html: &[u8]) -> Result<Article, Error> {
    DEFAULT.extract_bytes(html)
}

/// The extractor behind [`extract`] and [`extract_bytes`], built once.
static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::default);
