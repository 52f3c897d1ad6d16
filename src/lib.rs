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
mod blocks;
mod clean;
mod dom;
mod error;
mod evidence;
mod extractor;
mod metadata;
mod regions;
mod render;
mod score;
mod select;
mod stats;

pub use article::Article;
pub use error::Error;
pub use extractor::{Extractor, DEFAULT_MAX_INPUT_BYTES};

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
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::default);
    DEFAULT.extract(html)
}
