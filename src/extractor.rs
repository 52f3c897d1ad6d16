//! The reusable [`Extractor`]: options, and the pipeline that runs the stages in order.

use crate::dom::Tree;
use crate::{blocks, clean, metadata, regions, render, select, stats, Article, Error};

/// Default for [`Extractor::max_input_bytes`]: 64 MiB, several times the largest real pages.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

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
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
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

    /// Extract the main content of `html`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`] when `html` is longer than the limit;
    /// [`Error::NoContent`] when nothing on the page looks like main content.
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
        if html.len() > self.max_input_bytes {
            return Err(Error::InputTooLarge {
                size: html.len(),
                limit: self.max_input_bytes,
            });
        }
        let tree = Tree::parse(html);
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
        Ok(Article { title, text })
    }
}
