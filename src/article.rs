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
    /// The authors' names, one per item, in the page's order: "By Jane Doe and John Roe" gives
    /// two. Roles ("Staff Writer"), e-mail addresses and the site's own name are left out.
    /// Empty when the page names no author.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta name="author" content="Jane Doe, John Roe">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.authors, ["Jane Doe", "John Roe"]);
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub authors: Vec<String>,
    /// The day the article was first published, ISO 8601 (`"2025-04-25"`), as the page writes
    /// it: in the page's own time zone, never converted. Taken from structured metadata first
    /// (JSON-LD, `<meta>`, `<time>`), then from the page near the headline or from the URL; the
    /// last-modified date only when nothing says when it was published. Never read from
    /// scripts other than JSON-LD. Dates that do not exist, before 1990, or after
    /// [`Extractor::now`](crate::Extractor::now) are rejected.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="article:published_time" content="2025-04-25T09:30:00+02:00">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.date.as_deref(), Some("2025-04-25"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub date: Option<String>,
    /// The day the article was last modified, ISO 8601 (`"2025-04-26"`), when its metadata
    /// says so.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="article:modified_time" content="2025-04-26">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.modified.as_deref(), Some("2025-04-26"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub modified: Option<String>,
    /// The name of the site or publication (`og:site_name`, the JSON-LD publisher, or the part
    /// of the `<title>` beside the headline).
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="og:site_name" content="Daily Planet">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.site_name.as_deref(), Some("Daily Planet"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub site_name: Option<String>,
    /// The page's own summary (`og:description`, `<meta name="description">`, JSON-LD), as
    /// written.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta name="description" content="What happened, in a sentence.">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// let article = dechaff::extract(html)?;
    /// assert_eq!(article.description.as_deref(), Some("What happened, in a sentence."));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub description: Option<String>,
    /// The language, a BCP 47 tag as the page declares it (`<html lang>`, `content-language`),
    /// such as `"en-GB"`. When the page declares none, or one its text contradicts, a text
    /// mostly in Chinese, Japanese, Korean or Thai characters gives `"zh"`, `"ja"`, `"ko"` or
    /// `"th"`.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<html lang="de-AT"><p>Ein Absatz mit genug Worten, um als Inhalt zu gelten.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.language.as_deref(), Some("de-AT"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub language: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, `og:url`, JSON-LD), absolute.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<link rel="canonical" href="https://example.com/news/rain">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// let article = dechaff::extract(html)?;
    /// assert_eq!(article.url.as_deref(), Some("https://example.com/news/rain"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub url: Option<String>,
    /// The URL of the page's main image (`og:image`, `twitter:image`, JSON-LD).
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="og:image" content="https://example.com/rain.jpg">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// let article = dechaff::extract(html)?;
    /// assert_eq!(article.image.as_deref(), Some("https://example.com/rain.jpg"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub image: Option<String>,
    /// Keywords and tags (`article:tag`, `<meta name="keywords">`, JSON-LD `keywords`,
    /// `rel="tag"` links), one per item.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta name="keywords" content="weather, Spain">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.tags, ["weather", "Spain"]);
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub tags: Vec<String>,
    /// Sections or categories (`article:section`, JSON-LD `articleSection`,
    /// `rel="category"` links), one per item.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="article:section" content="Science">
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// assert_eq!(dechaff::extract(html)?.categories, ["Science"]);
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub categories: Vec<String>,
}
