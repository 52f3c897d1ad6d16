//! The one error type of the crate.

use crate::Article;

/// Why [`extract`](crate::extract) returned no article.
///
/// # Examples
///
/// ```
/// let err = dechaff::extract("").unwrap_err();
/// assert!(matches!(err, dechaff::Error::NoContent { .. }));
/// assert_eq!(err.to_string(), "no main content found");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the configured limit
    /// ([`Extractor::max_input_bytes`](crate::Extractor::max_input_bytes)).
    #[error("input is {size} bytes, over the {limit}-byte limit")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Elements nest deeper than the configured limit
    /// ([`Extractor::max_depth`](crate::Extractor::max_depth)): the parse stopped there.
    #[error("elements nest more than {limit} deep")]
    TooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// The page makes more DOM nodes than the configured limit
    /// ([`Extractor::max_nodes`](crate::Extractor::max_nodes)), or more than one per byte of
    /// input: the parse stopped there.
    #[error("the page makes more than {limit} nodes")]
    TooManyNodes {
        /// The limit in force for this input.
        limit: usize,
    },
    /// Nothing on the page looks like main content: the input is empty, holds only markup,
    /// or only links, menus and other boilerplate.
    ///
    /// The page's metadata is still read: `partial` is the [`Article`] the page would have
    /// given, with an empty [`text`](Article::text), no other format, and a
    /// [`confidence`](Article::confidence) of 0. A home page, a link hub or a product listing
    /// keeps its title, URL, description and the rest.
    ///
    /// # Examples
    ///
    /// This example shows a page of links, which has no content but still names itself.
    ///
    /// ```
    /// let html = r#"<title>Sections | Daily Planet</title>
    ///   <meta property="og:site_name" content="Daily Planet">
    ///   <link rel="canonical" href="https://example.com/sections">
    ///   <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>"#;
    /// match dechaff::extract(html) {
    ///     Err(dechaff::Error::NoContent { partial }) => {
    ///         assert_eq!(partial.text, "");
    ///         assert_eq!(partial.title.as_deref(), Some("Sections"));
    ///         assert_eq!(partial.site_name.as_deref(), Some("Daily Planet"));
    ///         assert_eq!(partial.url.as_deref(), Some("https://example.com/sections"));
    ///     }
    ///     other => panic!("expected no content, got {other:?}"),
    /// }
    /// ```
    #[error("no main content found")]
    NoContent {
        /// The page's metadata, with no text. Boxed, so that the error stays small.
        partial: Box<Article>,
    },
}
