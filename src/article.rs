//! The result of an extraction.

/// The main content of a page, as returned by [`extract`](crate::extract).
///
/// # `text`
///
/// `text` is the main content as plain text:
///
/// - one block per paragraph, heading, list item, block quote or table row, in document order;
/// - blocks are separated by one blank line (`"\n\n"`); a `<br>` inside a block gives a single
///   `"\n"`; the cells of a table row are joined by a tab (`"\t"`);
/// - whitespace inside a block is collapsed to single spaces and trimmed, except inside `<pre>`,
///   whose lines are kept as they are (trailing spaces trimmed);
/// - HTML entities are decoded; no markup, no image alt text, no script or style text;
/// - no part of the page is emitted twice; short text repeated on the page (widget labels
///   such as "Subscribe", menu entries shown in both header and footer) is not emitted at all,
///   while a paragraph of prose that the article itself repeats is kept each time, as written;
/// - the headline is not repeated at the start of `text` (it is in [`title`](Article::title));
/// - no leading or trailing whitespace.
///
/// # Examples
///
/// ```
/// let html = "<html><head><title>Hello</title></head><body><article>\
///             <p>The first paragraph of a short article, long enough to count as prose.</p>\
///             <p>The second paragraph, which also says something worth reading here.</p>\
///             </article></body></html>";
/// let article = dechaff::extract(html)?;
/// assert_eq!(article.title.as_deref(), Some("Hello"));
/// assert_eq!(
///     article.text,
///     "The first paragraph of a short article, long enough to count as prose.\n\n\
///      The second paragraph, which also says something worth reading here."
/// );
/// # Ok::<(), dechaff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Article {
    /// The article's headline, when the page has one.
    pub title: Option<String>,
    /// The main content as plain text; see the type's documentation for its exact shape.
    pub text: String,
    /// How much to trust this extraction, from 0 (probably wrong) to 1 (a long article in a
    /// container that names itself as content, with no rival text). It ranks extractions:
    /// over the development corpus its rank correlation with the measured F1 of each page is
    /// reported in `docs/quality.md`. Use it to route low-confidence pages to review or to
    /// another tool.
    pub confidence: f32,
    /// The WHATWG name of the character encoding the input was decoded with, such as
    /// `"UTF-8"`, `"windows-1252"` or `"GBK"`, when the input was bytes
    /// ([`extract_bytes`](crate::extract_bytes)). `None` from [`extract`](crate::extract),
    /// whose input was already text.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<p>A paragraph of plain prose, long enough to be the page's content.</p>";
    /// assert_eq!(dechaff::extract(html)?.encoding, None);
    /// let article = dechaff::extract_bytes(html.as_bytes())?;
    /// assert_eq!(article.encoding.as_deref(), Some("UTF-8"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub encoding: Option<String>,
}
