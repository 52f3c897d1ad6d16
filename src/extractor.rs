//! The reusable [`Extractor`]: options, and the pipeline that runs the stages in order.

use chrono::NaiveDate;
use encoding_rs::Encoding;

use crate::dom::Tree;
use crate::parse::Limits;
use crate::{blocks, clean, input, metadata, regions, render, select, stats, Article, Error};

/// Default for [`Extractor::max_input_bytes`]: 64 MiB, several times the largest real pages.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Default for [`Extractor::max_depth`]: 512, the nesting depth at which Chromium's parser
/// stops nesting too.
///
/// # Examples
///
/// ```
/// let html = "<div>".repeat(dechaff::DEFAULT_MAX_DEPTH) + "<p>Too deep to be read.</p>";
/// let err = dechaff::extract(&html).unwrap_err();
/// assert_eq!(err, dechaff::Error::TooDeep { limit: dechaff::DEFAULT_MAX_DEPTH });
/// ```
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Default for [`Extractor::max_nodes`]: 4 million nodes (and attributes), about 1 GB of
/// memory. The pages of the project's corpus take 50 bytes of HTML per node on average, so
/// a page as large as the input limit allows (64 MiB) makes about 1.3 million.
///
/// # Examples
///
/// ```
/// let mut extractor = dechaff::Extractor::new();
/// extractor.max_nodes(dechaff::DEFAULT_MAX_NODES);
/// assert_eq!(extractor, dechaff::Extractor::new());
/// ```
pub const DEFAULT_MAX_NODES: usize = 4_000_000;

/// A reusable, cheaply cloned extraction configuration.
///
/// [`extract`](crate::extract) is `Extractor::default().extract(html)`.
///
/// # Examples
///
/// ```
/// let mut extractor = dechaff::Extractor::new();
/// extractor.max_input_bytes(1024);
/// let err = extractor.extract(&"x".repeat(2048)).unwrap_err();
/// assert_eq!(err, dechaff::Error::InputTooLarge { size: 2048, limit: 1024 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extractor {
    max_input_bytes: usize,
    favor: Favor,
    limits: Limits,
    /// The encoding [`Extractor::charset_hint`] named, if it named a known one.
    charset_hint: Option<&'static Encoding>,
    /// Formats and markup: see the second `impl` block.
    render: render::Options,
    /// Today, as [`Extractor::now`] set it: later dates are not publication dates.
    now: Option<NaiveDate>,
}

/// Which way the extraction leans when a part of the page may or may not be content.
///
/// Measured on the development corpus (see `docs/quality.md`).
///
/// # Examples
///
/// ```
/// use dechaff::{Extractor, Favor};
/// let mut extractor = Extractor::new();
/// extractor.favor(Favor::Precision);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Favor {
    /// The best balance of precision and recall (the default).
    #[default]
    Balanced,
    /// Leave out what may not be content: only the strongest run of the article, no listing
    /// fallback for pages whose prose is short.
    Precision,
    /// Keep what may be content: article parts split by longer boilerplate, and the entries
    /// of pages whose prose is a small share of the page.
    Recall,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            favor: Favor::Balanced,
            limits: Limits::default(),
            charset_hint: None,
            render: render::Options::default(),
            now: None,
        }
    }
}

impl Extractor {
    /// An extractor with the default options.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(dechaff::Extractor::new(), dechaff::Extractor::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Refuse inputs larger than `limit` bytes with [`Error::InputTooLarge`].
    ///
    /// Default: [`DEFAULT_MAX_INPUT_BYTES`] (64 MiB).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut extractor = dechaff::Extractor::new();
    /// extractor.max_input_bytes(10);
    /// assert!(extractor.extract("<p>more than ten bytes</p>").is_err());
    /// ```
    pub fn max_input_bytes(&mut self, limit: usize) -> &mut Self {
        self.max_input_bytes = limit;
        self
    }

    /// Refuse pages whose elements nest more than `limit` deep with [`Error::TooDeep`].
    ///
    /// html5ever's tree builder scans its stack of open elements for every block start tag,
    /// so its time grows with the square of the depth: 100,000 nested `<div>`s would take
    /// a minute. The depth is checked as the page is parsed, and the parse stops as soon as
    /// it goes past the limit, so a page that is too deep costs only the time to read its
    /// first `limit` levels.
    ///
    /// The depth counted is what the parser holds at once: its open elements (`<html>` and
    /// `<body>` included), plus the entries of its list of active formatting elements (`<a>`,
    /// `<b>`, `<i>`, `<font>`, … which it re-opens in each block until they are closed), plus
    /// its `<head>` and `<form>` pointers. A page of 500 nested `<div>`s inside `<body>` counts
    /// 503; an open `<b>` counts twice. Closed elements do not count, however many there are.
    ///
    /// Default: [`DEFAULT_MAX_DEPTH`] (512).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut extractor = dechaff::Extractor::new();
    /// extractor.max_depth(100);
    /// let html = "<div>".repeat(200) + "A sentence of prose that is nested very deep indeed.";
    /// assert_eq!(extractor.extract(&html), Err(dechaff::Error::TooDeep { limit: 100 }));
    /// ```
    pub fn max_depth(&mut self, limit: usize) -> &mut Self {
        self.limits.max_depth = limit;
        self
    }

    /// Refuse pages that make more than `limit` DOM nodes with [`Error::TooManyNodes`].
    ///
    /// Nodes are what memory is spent on: each costs a few hundred bytes, once parsed and
    /// indexed. Elements, text runs, comments and the document count, and so does each
    /// attribute. Whatever `limit` is, a page also may not make more nodes than half its bytes
    /// (plus 1,024): written markup never does, since every node takes two bytes or more to
    /// write, but unclosed formatting elements make the parser copy them into every block
    /// that follows, which could turn kilobytes into gigabytes. The count is checked as the
    /// page is parsed, and the parse stops as soon as it goes past the limit.
    ///
    /// Default: [`DEFAULT_MAX_NODES`] (4,000,000).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut extractor = dechaff::Extractor::new();
    /// extractor.max_nodes(1_000);
    /// let html = "<p>A short paragraph of prose, one of very many on the page.</p>".repeat(1_000);
    /// assert_eq!(extractor.extract(&html), Err(dechaff::Error::TooManyNodes { limit: 1_000 }));
    /// ```
    pub fn max_nodes(&mut self, limit: usize) -> &mut Self {
        self.limits.max_nodes = limit;
        self
    }

    /// Decode the input of [`extract_bytes`](Extractor::extract_bytes) as the charset `label`
    /// names: what the HTTP `Content-Type` header said, such as `"ISO-8859-1"` or `"gbk"`.
    ///
    /// Labels are resolved as browsers resolve them (WHATWG Encoding Standard), so
    /// `"iso-8859-1"` means windows-1252 and `"gb2312"` means GBK. The hint overrides a
    /// `<meta charset>` in the page and any guess; only a byte order mark overrides the hint.
    /// An unknown label is ignored: it clears an earlier hint and leaves the choice to the
    /// page, as a browser does with a header it cannot read. So do the labels of the encodings
    /// browsers refuse to decode (`iso-2022-kr`, `hz-gb-2312`, …). [`extract`](Extractor::extract)
    /// takes text, so the hint does not apply to it.
    ///
    /// Default: no hint.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut extractor = dechaff::Extractor::new();
    /// extractor.charset_hint("ISO-8859-1");
    /// let html = b"<p>Caf\xE9 owners in the old town said the summer season started well.</p>";
    /// let article = extractor.extract_bytes(html)?;
    /// assert!(article.text.starts_with("Caf\u{e9} owners"));
    /// assert_eq!(article.encoding.as_deref(), Some("windows-1252"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn charset_hint(&mut self, label: &str) -> &mut Self {
        self.charset_hint = input::encoding_for_label(label.as_bytes());
        self
    }

    /// Lean toward precision or recall.
    ///
    /// Default: [`Favor::Balanced`].
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Favor};
    /// let html = "<article><p>The first part of an article, with enough words to be prose.</p>\
    ///             </article>";
    /// let mut extractor = Extractor::new();
    /// extractor.favor(Favor::Recall);
    /// assert!(extractor.extract(html)?.text.starts_with("The first part"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn favor(&mut self, favor: Favor) -> &mut Self {
        self.favor = favor;
        self
    }

    /// Today's date, ISO 8601 (`"2025-04-25"`, or a timestamp that starts with the day):
    /// [`Article::date`] and [`Article::modified`] are never later than this (one day of slack
    /// allows for a page whose time zone is ahead of yours). A page dated later is mistaken,
    /// or the date came from something other than the article, so the next source is tried.
    ///
    /// Anything that is not an ISO 8601 day clears the setting, as [`Extractor::charset_hint`]
    /// ignores an unknown label.
    ///
    /// Default: none, every date is accepted (dechaff reads no clock).
    ///
    /// # Examples
    ///
    /// ```
    /// let html = r#"<meta property="article:published_time" content="2031-01-01">
    ///   <time datetime="2025-04-25">April 25</time>
    ///   <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
    /// let mut extractor = dechaff::Extractor::new();
    /// assert_eq!(extractor.extract(html)?.date.as_deref(), Some("2031-01-01"));
    /// extractor.now("2025-05-01");
    /// assert_eq!(extractor.extract(html)?.date.as_deref(), Some("2025-04-25"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn now(&mut self, date: &str) -> &mut Self {
        self.now = metadata::parse_today(date);
        self
    }

    /// Extract the main content of `html`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `html` is longer than the limit;
    /// [`Error::TooDeep`] and [`Error::TooManyNodes`] when the page breaks the nesting or
    /// node limit; [`Error::NoContent`] when nothing on the page looks like main content (the
    /// error still carries the page's metadata).
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = dechaff::Extractor::new();
    /// let article = extractor.extract(
    ///     "<nav><a href='/'>Home</a></nav><main><p>A sentence of real content that \
    ///      a reader came to this page for, long enough to count.</p></main>",
    /// )?;
    /// assert!(article.text.starts_with("A sentence of real content"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn extract(&self, html: &str) -> Result<Article, Error> {
        self.check_size(html.len())?;
        self.extract_text(html, None)
    }

    /// Extract the main content of `html`, a page as raw bytes in any character encoding.
    ///
    /// The encoding is chosen the way a browser chooses it: a byte order mark; then the
    /// [`charset_hint`](Extractor::charset_hint); then a `<meta charset>` or
    /// `<meta http-equiv="Content-Type">` in the first 1024 bytes (unless it declares Latin-1
    /// and the bytes are valid, non-ASCII UTF-8, which are read as UTF-8); then UTF-8 if the
    /// bytes are valid UTF-8; then a statistical guess (the `chardetng` detector), which falls back to
    /// windows-1252. Bytes that are malformed in that encoding become U+FFFD: they never cause
    /// an error. [`Article::encoding`] says which encoding was used.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `html` has more bytes than the limit (checked before
    /// decoding, so the limit bounds the work); [`Error::TooDeep`], [`Error::TooManyNodes`]
    /// and [`Error::NoContent`] as for [`extract`](Extractor::extract).
    ///
    /// # Examples
    ///
    /// This example shows a GBK page, as its `<meta>` declares it.
    ///
    /// ```
    /// let html = b"<meta charset=gbk><p>\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xA3\xAC\
    ///              an article in Chinese, with enough words to count as prose.</p>";
    /// let article = dechaff::Extractor::new().extract_bytes(html)?;
    /// assert!(article.text.starts_with("\u{4e2d}\u{6587}\u{7f51}\u{9875}"));
    /// assert_eq!(article.encoding.as_deref(), Some("GBK"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn extract_bytes(&self, html: &[u8]) -> Result<Article, Error> {
        self.check_size(html.len())?;
        let (text, encoding) = input::decode(html, self.charset_hint);
        self.extract_text(&text, Some(encoding.name().to_string()))
    }

    /// Refuses inputs of more than `max_input_bytes`, before any work is spent on them.
    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.max_input_bytes,
            });
        }
        Ok(())
    }

    /// The pipeline from text to article, after the size check. Both entry points run it: the
    /// byte length of decoded text may exceed that of its bytes, so it is not checked again.
    /// `encoding` is the one the bytes were decoded with, if they were bytes.
    fn extract_text(&self, html: &str, encoding: Option<String>) -> Result<Article, Error> {
        let tree = Tree::from_html(html, &self.limits)?;
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        let stats = stats::collect(&tree, &marks, &blocks);
        let regions = regions::classify(&tree, &blocks, &stats);
        let meta = metadata::extract(&tree, &marks, &blocks, self.now);
        let title_hash = meta.title.as_deref().map(blocks::text_hash);
        // The metadata alone: what a page without content still gives (`Error::NoContent`).
        let partial = Article {
            title: meta.title,
            encoding,
            authors: meta.authors,
            date: meta.date,
            modified: meta.modified,
            site_name: meta.site_name,
            description: meta.description,
            language: meta.language,
            url: meta.url,
            image: meta.image,
            tags: meta.tags,
            categories: meta.categories,
            ..Article::default()
        };
        let no_content = |partial| Error::NoContent {
            partial: Box::new(partial),
        };
        let page = render::Page {
            tree: &tree,
            marks: &marks,
            blocks: &blocks,
            regions: &regions,
        };
        let Some(selection) = select::main_content(page, title_hash, select::Bias::of(self.favor))
        else {
            return Err(no_content(partial));
        };
        let rendered = render::all(page, &selection, &self.render);
        if rendered.text.is_empty() {
            return Err(no_content(partial));
        }
        Ok(Article {
            text: rendered.text,
            confidence: selection.confidence,
            markdown: rendered.markdown,
            html: rendered.html,
            comments: rendered.comments,
            ..partial
        })
    }
}

/// A format [`Extractor::outputs`] can ask for besides the plain text.
///
/// # Examples
///
/// ```
/// use dechaff::{Extractor, Output};
///
/// let html = "<p>A paragraph of <em>plain</em> prose, long enough to be the page's content.</p>";
/// let article = Extractor::new().outputs(&[Output::Markdown, Output::Html]).extract(html)?;
/// assert_eq!(
///     article.markdown.as_deref(),
///     Some("A paragraph of *plain* prose, long enough to be the page's content.")
/// );
/// assert!(article.html.is_some());
/// # Ok::<(), dechaff::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Output {
    /// [`Article::text`], which is always rendered.
    Text,
    /// [`Article::markdown`].
    Markdown,
    /// [`Article::html`].
    Html,
}

/// Output options: which formats, and what goes in them. None of them changes which content
/// is selected: [`Article::text`] is the same whatever the formats, links and images (only
/// [`Extractor::tables`] drops content, from every format alike).
impl Extractor {
    /// Render these formats besides [`Article::text`], which is always there. Each call
    /// replaces the previous set.
    ///
    /// Default: `&[Output::Text]` (text only; [`Article::markdown`] and [`Article::html`] are
    /// `None`).
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<p>A paragraph of plain prose, long enough to be the page's content.</p>";
    /// let article = Extractor::new().extract(html)?;
    /// assert_eq!((article.markdown, article.html), (None, None));
    /// let article = Extractor::new().outputs(&[Output::Html]).extract(html)?;
    /// assert_eq!(
    ///     article.html.as_deref(),
    ///     Some("<p>A paragraph of plain prose, long enough to be the page's content.</p>")
    /// );
    /// assert_eq!(article.markdown, None);
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn outputs(&mut self, outputs: &[Output]) -> &mut Self {
        self.render.markdown = outputs.contains(&Output::Markdown);
        self.render.html = outputs.contains(&Output::Html);
        self
    }

    /// Put the text of the page's comment section in [`Article::comments`]. Comments are
    /// never mixed into the article's text, whatever this says.
    ///
    /// Default: `false` ([`Article::comments`] is `None`).
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<article><p>The article itself, a paragraph long enough to be its content.</p>\
    ///             <p>Its second paragraph, which makes the article longer than the comments.\
    ///             </p></article><section id=comments><p>I disagree with every word of this, \
    ///             and here is why, at some length.</p></section>";
    /// let article = dechaff::Extractor::new().extract(html)?;
    /// assert_eq!(article.comments, None);
    /// let article = dechaff::Extractor::new().comments(true).extract(html)?;
    /// assert_eq!(
    ///     article.comments.as_deref(),
    ///     Some("I disagree with every word of this, and here is why, at some length.")
    /// );
    /// assert!(!article.text.contains("disagree"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn comments(&mut self, comments: bool) -> &mut Self {
        self.render.comments = comments;
        self
    }

    /// Keep data tables (rows and columns of facts) in every format: as rows of tab-separated
    /// cells in text, as tables in Markdown and HTML. With `false` they are left out of every
    /// format. Layout tables, which only position a page's parts, are never dropped: their
    /// cells are rendered as the paragraphs they hold.
    ///
    /// Default: `true`.
    ///
    /// # Examples
    ///
    /// ```
    /// let html = "<article><p>Prices went up again this year, as the table below shows, for the \
    ///             third year in a row.</p><table><tr><th>When prices were measured</th>\
    ///             <th>What a loaf of bread cost</th></tr><tr><td>In the spring of 2023</td>\
    ///             <td>Four euros and twenty cents</td></tr></table><p>Nobody expects them to \
    ///             come down again any time soon, whatever the government says.</p></article>";
    /// let article = dechaff::Extractor::new().extract(html)?;
    /// assert!(article.text.contains("In the spring of 2023\tFour euros and twenty cents"));
    /// let article = dechaff::Extractor::new().tables(false).extract(html)?;
    /// assert!(!article.text.contains("Year"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn tables(&mut self, tables: bool) -> &mut Self {
        self.render.tables = tables;
        self
    }

    /// Render links in Markdown (`[text](url)`) and HTML (`<a href>`), their URLs made
    /// absolute (see [`base_url`](Extractor::base_url)). With `false`, only their text. Links
    /// to a fragment of the page (`#top`) or to a script are always rendered as text. Plain
    /// text never shows URLs.
    ///
    /// Default: `true`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<p>A paragraph of prose with <a href='https://example.com/'>a link</a> \
    ///             in it, long enough to count.</p>";
    /// let mut extractor = Extractor::new();
    /// extractor.outputs(&[Output::Markdown]);
    /// let article = extractor.extract(html)?;
    /// assert!(article.markdown.unwrap().contains("[a link](https://example.com/)"));
    /// let article = extractor.links(false).extract(html)?;
    /// assert!(article.markdown.unwrap().contains(" a link in it"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn links(&mut self, links: bool) -> &mut Self {
        self.render.links = links;
        self
    }

    /// Render images in Markdown (`![alt](src)`) and HTML (`<img src alt>`): those inside the
    /// kept text, and those between kept blocks that belong to the article (not icons, author
    /// photos or teaser thumbnails). Plain text never shows images.
    ///
    /// Default: `false`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<p>A paragraph of prose before the photo, long enough to count.</p>\
    ///             <p><img src='https://example.com/a.jpg' alt='The harbour'></p>\
    ///             <p>A paragraph of prose after the photo, long enough to count.</p>";
    /// let mut extractor = Extractor::new();
    /// extractor.outputs(&[Output::Markdown]);
    /// assert!(!extractor.extract(html)?.markdown.unwrap().contains("!["));
    /// let article = extractor.images(true).extract(html)?;
    /// assert!(article.markdown.unwrap().contains("\n\n![The harbour](https://example.com/a.jpg)\n\n"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn images(&mut self, images: bool) -> &mut Self {
        self.render.images = images;
        self
    }

    /// The page's own URL, which relative links and image sources resolve against. It wins
    /// over the page's `<link rel="canonical">`, which is used when no URL is given; a
    /// `<base href>` in the page applies on top of either, as in a browser. Without any of
    /// them, relative URLs stay as written. A `url` that is not an absolute URL is ignored: it
    /// clears an earlier one.
    ///
    /// Default: none (the canonical URL, if the page has one).
    ///
    /// # Examples
    ///
    /// ```
    /// use dechaff::{Extractor, Output};
    ///
    /// let html = "<p>A paragraph of prose with <a href='../about'>a relative link</a> in \
    ///             it, long enough to count.</p>";
    /// let mut extractor = Extractor::new();
    /// extractor.outputs(&[Output::Markdown]);
    /// assert!(extractor.extract(html)?.markdown.unwrap().contains("](../about)"));
    /// extractor.base_url("https://example.com/blog/post/");
    /// let article = extractor.extract(html)?;
    /// assert!(article.markdown.unwrap().contains("](https://example.com/blog/about)"));
    /// # Ok::<(), dechaff::Error>(())
    /// ```
    pub fn base_url(&mut self, url: &str) -> &mut Self {
        self.render.base_url = url::Url::parse(url.trim()).ok();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_can_be_shared_between_threads() {
        fn shareable<T: Clone + std::fmt::Debug + Send + Sync + PartialEq + Eq>() {}
        shareable::<Extractor>();
    }

    #[test]
    fn size_limit_counts_bytes_before_decoding() {
        // Each \xE9 (é in windows-1252) becomes two bytes of UTF-8, so the text is longer than
        // the input: the limit must not see it.
        let mut html = b"<meta charset=windows-1252><p>".to_vec();
        html.extend(b"Caf\xE9 ".repeat(30));
        let mut extractor = Extractor::new();
        extractor.max_input_bytes(html.len());
        let article = extractor.extract_bytes(&html);
        assert_eq!(
            article.map(|a| a.encoding),
            Ok(Some("windows-1252".to_string()))
        );
        extractor.max_input_bytes(html.len() - 1);
        assert_eq!(
            extractor.extract_bytes(&html),
            Err(Error::InputTooLarge {
                size: html.len(),
                limit: html.len() - 1
            })
        );
    }

    #[test]
    fn charset_hint_beats_meta() {
        let mut extractor = Extractor::new();
        extractor.charset_hint("gb2312");
        let mut html = b"<meta charset=windows-1252><p>".to_vec();
        html.extend(
            "\u{4e2d}\u{6587} words of a paragraph, "
                .repeat(5)
                .as_bytes(),
        );
        let html = encoding_rs::GBK
            .encode(std::str::from_utf8(&html).unwrap())
            .0;
        let article = extractor.extract_bytes(&html).unwrap();
        assert_eq!(article.encoding.as_deref(), Some("GBK"));
        assert!(article.text.starts_with("\u{4e2d}\u{6587} words"));
    }

    #[test]
    fn unknown_charset_hint_is_ignored_and_clears_the_hint() {
        let mut extractor = Extractor::new();
        extractor
            .charset_hint("gbk")
            .charset_hint("no-such-charset");
        assert_eq!(extractor, Extractor::new());
    }
}
