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
///
/// # JSON
///
/// With the `serde` feature, `Article` implements `Serialize` and `Deserialize`. The JSON
/// object has one key per field, named as the field: `title`, `text`, `encoding`,
/// `confidence`, `markdown`, `html`, `comments`, `authors`, `date`, `modified`, `site_name`,
/// `description`, `language`, `url`, `image`, `tags`, `categories`. A missing value is `null`. These names are stable: renaming one is a
/// breaking change. New fields may be added in minor versions; deserializing accepts objects
/// without them (each takes its default) and ignores keys it does not know.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let html = "<p>A paragraph of plain prose, long enough to be the page's content.</p>";
/// let article = dechaff::extract(html)?;
/// let json = serde_json::to_value(&article).unwrap();
/// assert_eq!(json["text"], article.text);
/// assert_eq!(json["markdown"], serde_json::Value::Null);
/// let back: dechaff::Article = serde_json::from_value(json).unwrap();
/// assert_eq!(back, article);
/// # }
/// # Ok::<(), dechaff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
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
    /// The main content as Markdown (CommonMark, with GFM tables), when
    /// [`Extractor::outputs`](crate::Extractor::outputs) asks for it: the same blocks as
    /// [`text`](Article::text), with their headings, lists, quotes, code blocks, tables, links,
    /// emphasis and (with [`Extractor::images`](crate::Extractor::images)) images.
    ///
    /// Default: `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<article><h2>Steps</h2><p>Follow <em>both</em> steps below, in the order \
    ///             given, to set the tool up on a machine that has never run it before.</p>\
    ///             <ol><li>Install it</li><li>Run it</li></ol><p>That is all there is to it: \
    ///             the whole set-up should take you a minute or two at most, even on a slow \
    ///             network.</p>\
    ///             </article>";
    /// assert_eq!(dechaff::extract(html)?.markdown, None);
    /// let article = Extractor::new().outputs(&[Output::Markdown]).extract(html)?;
    /// assert_eq!(
    ///     article.markdown.as_deref(),
    ///     Some("## Steps\n\nFollow *both* steps below, in the order given, to set the tool up \
    ///           on a machine that has never run it before.\n\n1. Install it\n2. Run it\n\n\
    ///           That is all there is to it: the whole set-up should take you a minute or two \
    ///           at most, even on a slow network.")
    /// );
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub markdown: Option<String>,
    /// The main content as clean HTML, when [`Extractor::outputs`](crate::Extractor::outputs)
    /// asks for it: the same blocks as [`text`](Article::text) in a few structural and inline
    /// tags, with no scripts, styles, classes or event attributes. Safe to display as it is.
    ///
    /// Default: `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<div class=post><p>The <b>first</b> paragraph of a short article, long \
    ///             enough to count as prose.</p></div>";
    /// assert_eq!(dechaff::extract(html)?.html, None);
    /// let article = Extractor::new().outputs(&[Output::Html]).extract(html)?;
    /// assert_eq!(
    ///     article.html.as_deref(),
    ///     Some("<p>The <strong>first</strong> paragraph of a short article, long enough to count as prose.</p>")
    /// );
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub html: Option<String>,
    /// The text of the page's comment section, shaped like [`text`](Article::text), when
    /// [`Extractor::comments`](crate::Extractor::comments) asks for it and the page has one.
    /// Comments are never part of `text`, whatever this option says.
    ///
    /// Default: `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<article><p>The article, a paragraph long enough to be the page's content.</p>\
    ///             <p>More of the article, so that it is longer than its one comment.</p>\
    ///             </article><ol class=commentlist><li><p>Thanks, this was useful.</p></li></ol>";
    /// assert_eq!(dechaff::extract(html)?.comments, None);
    /// let article = dechaff::Extractor::new().comments(true).extract(html)?;
    /// assert_eq!(article.comments.as_deref(), Some("Thanks, this was useful."));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub comments: Option<String>,
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
