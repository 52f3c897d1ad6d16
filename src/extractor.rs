//! The reusable [`Extractor`]: options, and the pipeline that runs the stages in order.

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
    limits: Limits,
    /// The encoding [`Extractor::charset_hint`] named, if it named a known one.
    charset_hint: Option<&'static Encoding>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            limits: Limits::default(),
            charset_hint: None,
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

    /// Extract the main content of `html`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `html` is longer than the limit;
    /// [`Error::TooDeep`] and [`Error::TooManyNodes`] when the page breaks the nesting or
    /// node limit; [`Error::NoContent`] when nothing on the page looks like main content.
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
        self.extract_text(html)
    }

    /// Extract the main content of `html`, a page as raw bytes in any character encoding.
    ///
    /// The encoding is chosen the way a browser chooses it: a byte order mark; then the
    /// [`charset_hint`](Extractor::charset_hint); then a `<meta charset>` or
    /// `<meta http-equiv="Content-Type">` in the first 1024 bytes; then UTF-8 if the bytes are
    /// valid UTF-8; then a statistical guess (the `chardetng` detector), which falls back to
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
        let mut article = self.extract_text(&text)?;
        article.encoding = Some(encoding.name().to_string());
        Ok(article)
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
    fn extract_text(&self, html: &str) -> Result<Article, Error> {
        let tree = Tree::from_html(html, &self.limits)?;
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        let stats = stats::collect(&tree, &marks, &blocks);
        let regions = regions::classify(&tree, &blocks, &stats);
        let title = metadata::title(&tree, &marks, &blocks);
        let title_hash = title.as_deref().map(blocks::text_hash);
        let selection =
            select::main_content(&tree, &blocks, &regions, title_hash).ok_or(Error::NoContent)?;
        let text = render::text(&tree, &marks, &blocks, &selection);
        if text.is_empty() {
            return Err(Error::NoContent);
        }
        Ok(Article {
            title,
            text,
            encoding: None,
        })
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
