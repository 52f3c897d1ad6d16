//! The one error type of the crate.

/// Why [`extract`](crate::extract) returned no article.
///
/// # Examples
///
/// ```
/// let err = dechaff::extract("").unwrap_err();
/// assert!(matches!(err, dechaff::Error::NoContent));
/// assert_eq!(err.to_string(), "no main content found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    #[error("no main content found")]
    NoContent,
}
