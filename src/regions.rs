//! Stage 4a: which regions of the page are boilerplate, by structure and by name.
//!
//! One top-down pass gives every node the evidence of its own element and its ancestors:
//! semantic tags (`nav`, `aside`, `footer`, `header`, `form`, `figure`), class/id/role words
//! ([`crate::evidence`]), and shapes that need no names at all: a small box holding form
//! controls (a newsletter or search box), a small box holding an image and a line of text
//! beside it (a figure and its caption).
//!
//! A region that holds most of the page's text is not boilerplate whatever it is called
//! (ASP.NET pages wrap everything in a `<form>`; some themes put `sidebar` on the body).

use crate::blocks::Blocks;
use crate::dom::{Kind, NodeId, NodeMap, Tag, Tree};
use crate::evidence::Evidence;
use crate::stats::Stats;

/// Region evidence of one node (its own and its ancestors').
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Region(u8);

impl Region {
    /// Navigation, sidebars, footers, share bars, ads, widgets: never the article.
    pub(crate) const BOILERPLATE: Region = Region(1);
    /// A comment thread.
    pub(crate) const COMMENTS: Region = Region(1 << 1);
    /// Byline, dates, author box.
    pub(crate) const BYLINE: Region = Region(1 << 2);
    /// A figure, its caption or its credit.
    pub(crate) const CAPTION: Region = Region(1 << 3);
    /// A small box of form controls: newsletter sign-up, search, login.
    pub(crate) const FORM: Region = Region(1 << 4);
    /// Named as content: `<article>`, `<main>`, articleBody, content/entry/post classes.
    pub(crate) const CONTENT: Region = Region(1 << 5);

    const NOT_CONTENT: u8 =
        Self::BOILERPLATE.0 | Self::COMMENTS.0 | Self::BYLINE.0 | Self::CAPTION.0 | Self::FORM.0;

    pub(crate) fn has(self, other: Region) -> bool {
        self.0 & other.0 != 0
    }

    /// This evidence without the bits of `other`.
    pub(crate) fn without(self, other: Region) -> Region {
        Region(self.0 & !other.0)
    }

    /// Evidence that the node is not main content.
    pub(crate) fn is_not_content(self) -> bool {
        self.0 & Self::NOT_CONTENT != 0
    }
}

impl std::ops::BitOr for Region {
    type Output = Region;
    fn bitor(self, other: Region) -> Region {
        Region(self.0 | other.0)
    }
}

/// A region holding more than this share of the page's text is never called boilerplate.
/// Half, as trafilatura does for a `<form>` around the page.
const MAX_BOILERPLATE_SHARE: f64 = 0.5;

/// A box with form controls, or a `<form>`, with less text than this is a form widget, not
/// content: the seed page's newsletter box has about 200 characters. A bigger `<form>` is a
/// page wrapped in one (an add-to-cart product page, a forum's moderation form, ASP.NET).
const MAX_FORM_WIDGET_CHARS: u64 = 400;

/// Bylines, author boxes, captions and credits are short; a region named so that holds more
/// text than this is misnamed (a WordPress post with an `author-…` class).
const MAX_BYLINE_OR_CAPTION_CHARS: u64 = 500;

/// A box with an image and at most this much text beside it is a figure with its caption.
const MAX_FIGURE_CHARS: u64 = 250;

/// The region evidence of every node.
pub(crate) fn classify(tree: &Tree, blocks: &Blocks, stats: &Stats) -> NodeMap<Region> {
    let mut regions = NodeMap::filled(tree, Region::default());
    let page = Page {
        chars: stats.total_chars().max(1) as f64,
        bodies: stats.content_containers(),
    };
    for id in tree.ids() {
        let mut inherited = tree.parent(id).map(|p| regions[p]).unwrap_or_default();
        if let Kind::Element(tag) = tree.kind(id) {
            if is_content_container(tree, id, tag) {
                // The layout wrapper around a page's main column is often named after what
                // sits beside it (`content-sidebar-wrap`); what the main column names itself
                // says more.
                inherited = Region(inherited.0 & Region::CONTENT.0);
            }
        }
        let own = match tree.kind(id) {
            Kind::Element(tag) => own_region(tree, blocks, stats, id, tag, &page),
            _ => Region::default(),
        };
        regions[id] = Region(inherited.0 | own.0);
    }
    regions
}

/// What the share guard needs to know about the whole page.
struct Page<'a> {
    /// All the page's text, in characters.
    chars: f64,
    /// The content containers holding text, in document order.
    bodies: &'a [NodeId],
}

impl Page<'_> {
    /// May a region of `chars` characters at `id` be called boilerplate? Not when it holds
    /// most of the page's text (a `sidebar` class on the body, a `<form>` around an ASP.NET
    /// page), unless the page names its content elsewhere, neither inside nor around it: then
    /// a big sidebar beside a short post (dragnet R32) is still a sidebar.
    fn may_be_boilerplate(&self, tree: &Tree, id: NodeId, chars: u64) -> bool {
        let end = tree.end(id);
        let overlaps =
            |body: NodeId| (body >= id && body < end) || (id > body && id < tree.end(body));
        chars as f64 <= MAX_BOILERPLATE_SHARE * self.chars
            || (!self.bodies.is_empty() && !self.bodies.iter().any(|&b| overlaps(b)))
    }
}

/// `<main>`, `role="main"`, or an article-body name: a strong claim to be the content.
pub(crate) fn is_content_container(tree: &Tree, id: NodeId, tag: Tag) -> bool {
    let evidence = tree.evidence(id);
    tag == Tag::Main || evidence.has(Evidence::ARTICLE_BODY) || evidence.has(Evidence::MAIN_ROLE)
}

fn own_region(
    tree: &Tree,
    blocks: &Blocks,
    stats: &Stats,
    id: NodeId,
    tag: Tag,
    page: &Page<'_>,
) -> Region {
    let evidence = tree.evidence(id);
    let chars = stats.chars(blocks, id);
    let mut bits = 0u8;
    if matches!(tag, Tag::Article | Tag::Main)
        || evidence.has(Evidence::POSITIVE)
        || evidence.has(Evidence::ARTICLE_BODY)
    {
        bits |= Region::CONTENT.0;
    }
    // `<nav>` and `<menu>` are navigation whatever their size: a page that is only
    // navigation has no content, rather than navigation as its content.
    if matches!(tag, Tag::Nav | Tag::Menu) {
        bits |= Region::BOILERPLATE.0;
    }
    if evidence.has(Evidence::OVERLAY) || tag == Tag::Dialog {
        bits |= Region::BOILERPLATE.0;
    }
    if !page.may_be_boilerplate(tree, id, chars) {
        return Region(bits);
    }
    // (`<nav>`, `<menu>` and `<dialog>` were marked above, whatever their size.)
    if matches!(tag, Tag::Aside | Tag::Footer | Tag::Header) || evidence.has(Evidence::BOILERPLATE)
    {
        bits |= Region::BOILERPLATE.0;
    }
    if evidence.has(Evidence::COMMENTS) {
        bits |= Region::COMMENTS.0;
    }
    let short = chars <= MAX_BYLINE_OR_CAPTION_CHARS;
    if short && (evidence.has(Evidence::BYLINE) || tag == Tag::Address) {
        bits |= Region::BYLINE.0;
    }
    if short && (matches!(tag, Tag::Figure | Tag::Figcaption) || evidence.has(Evidence::CAPTION)) {
        bits |= Region::CAPTION.0;
    }
    if (tag == Tag::Form || stats.controls(tree, id) > 0) && chars < MAX_FORM_WIDGET_CHARS {
        bits |= Region::FORM.0;
    }
    // A post body holding one photo and its one-line story is the article, not a figure.
    if tag.is_block()
        && !evidence.has(Evidence::ARTICLE_BODY)
        && is_figure_shape(tree, blocks, stats, id, chars)
    {
        bits |= Region::CAPTION.0;
    }
    Region(bits)
}

/// An image and one short line of text beside it (not around it): a figure and its caption,
/// whatever the markup calls them. One line only: an image with a headline and an intro
/// paragraph is the top of an article.
fn is_figure_shape(tree: &Tree, blocks: &Blocks, stats: &Stats, id: NodeId, chars: u64) -> bool {
    let range = blocks.range(id);
    range.len() == 1
        && chars < MAX_FIGURE_CHARS
        && stats.images(tree, id) > 0
        && stats.inline_images(blocks, id) == 0
        && blocks
            .get(range.start)
            .and_then(|b| tree.tag(b.owner))
            .is_some_and(|tag| !tag.is_heading())
}
