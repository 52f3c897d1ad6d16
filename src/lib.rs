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
//! # Bytes in any character encoding
//!
//! A page as fetched is bytes. [`extract_bytes`] (and [`Extractor::extract_bytes`]) decode them
//! the way a browser does: a byte order mark, then what the HTTP header said
//! ([`Extractor::charset_hint`]), then a `<meta charset>`, then UTF-8 if the bytes are valid
//! UTF-8, then a statistical guess. Malformed bytes become U+FFFD, never an error, and
//! [`Article::encoding`] tells which encoding was used.

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

pub use article::Article;
pub use error::Error;
pub use extractor::{Extractor, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES};

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
