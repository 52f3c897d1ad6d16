//! Stage 6: turn the selection into output. Every format renders the same selected blocks:
//! the options choose formats and markup, never content.
//!
//! - `text.rs`: plain text, the shape documented on [`crate::Article::text`].
//! - `markdown.rs` and `html.rs`: the same blocks with their structure. Both follow one plan
//!   (`plan.rs`: lists, quotes, code blocks, tables and images around the blocks, in document
//!   order) and one inline walk (`inline.rs`: links, emphasis, code, images in a block).
//! - `tables.rs` tells data tables from layout tables; `links.rs` makes URLs absolute.

mod html;
mod inline;
mod links;
mod markdown;
mod plan;
mod tables;
mod text;

pub(crate) use text::block_text;

use url::Url;

use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tag, Tree};
use crate::regions::Region;
use crate::select::{self, Selection};

use tables::Tables;

/// What to render, and how: the output options of [`crate::Extractor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Options {
    pub(crate) markdown: bool,
    pub(crate) html: bool,
    pub(crate) comments: bool,
    pub(crate) tables: bool,
    pub(crate) links: bool,
    pub(crate) images: bool,
    pub(crate) base_url: Option<Url>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            markdown: false,
            html: false,
            comments: false,
            tables: true,
            links: true,
            images: false,
            base_url: None,
        }
    }
}

/// The page as the earlier stages left it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'a> {
    pub(crate) tree: &'a Tree,
    pub(crate) marks: &'a NodeMap<Mark>,
    pub(crate) blocks: &'a Blocks,
    pub(crate) regions: &'a NodeMap<Region>,
}

/// Every output of one extraction.
#[derive(Debug)]
pub(crate) struct Rendered {
    pub(crate) text: String,
    pub(crate) markdown: Option<String>,
    pub(crate) html: Option<String>,
    pub(crate) comments: Option<String>,
}

/// What the structured renderers read.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub(crate) tree: &'a Tree,
    pub(crate) marks: &'a NodeMap<Mark>,
    pub(crate) blocks: &'a Blocks,
    pub(crate) regions: &'a NodeMap<Region>,
    pub(crate) tables: &'a Tables,
    pub(crate) options: &'a Options,
    /// The URL relative links resolve against.
    pub(crate) base: Option<Url>,
    /// The blocks to render, in document order.
    pub(crate) kept: &'a [usize],
}

/// Render `selection` in every format `options` asks for.
pub(crate) fn all(page: Page, selection: &Selection, options: &Options) -> Rendered {
    let structured = options.markdown || options.html;
    let tables = if structured || !options.tables {
        Tables::find(page.tree)
    } else {
        Tables::default()
    };
    let kept = if options.tables {
        selection.kept.clone()
    } else {
        without_data_tables(page, &tables, &selection.kept)
    };
    let text = text::text(page.tree, page.marks, page.blocks, &kept);
    let (mut markdown, mut html) = (None, None);
    if structured {
        let cx = Context {
            tree: page.tree,
            marks: page.marks,
            blocks: page.blocks,
            regions: page.regions,
            tables: &tables,
            options,
            base: links::page_base(page.tree, options.base_url.as_ref()),
            kept: &kept,
        };
        let steps = plan::plan(&cx, &kept);
        markdown = options.markdown.then(|| markdown::render(&cx, &steps));
        html = options.html.then(|| html::render(&cx, &steps));
    }
    let comments = if options.comments {
        comments(page, &selection.kept)
    } else {
        None
    };
    Rendered {
        text,
        markdown,
        html,
        comments,
    }
}

fn without_data_tables(page: Page, tables: &Tables, kept: &[usize]) -> Vec<usize> {
    kept.iter()
        .copied()
        .filter(|&i| {
            page.blocks
                .get(i)
                .is_some_and(|b| tables.table_of(page.tree, b.first).is_none())
        })
        .collect()
}

/// A block in a comment section that is mostly links is a commenter's name, a date permalink
/// or a "Reply" button, not what anyone wrote.
const MAX_COMMENT_LINK_DENSITY: f32 = 0.5;

/// The text of the comment section: blocks in comment regions, outside the main content and
/// outside the reply form, not mostly links. `None` when there are none.
fn comments(page: Page, kept: &[usize]) -> Option<String> {
    let forms = form_ranges(page.tree);
    let blocks: Vec<usize> = (0..page.blocks.list.len())
        .filter(|&i| kept.binary_search(&i).is_err())
        .filter(|&i| select::block_region(page.blocks, page.regions, i).has(Region::COMMENTS))
        .filter(|&i| {
            page.blocks.get(i).is_some_and(|b| {
                b.link_density() < MAX_COMMENT_LINK_DENSITY && !is_in(&forms, b.first)
            })
        })
        .collect();
    let text = text::text(page.tree, page.marks, page.blocks, &blocks);
    (!text.is_empty()).then_some(text)
}

/// The `<form>` elements' node ranges, in document order. Forms do not nest (the parser
/// ignores a `<form>` inside another), so the ranges are disjoint.
fn form_ranges(tree: &Tree) -> Vec<(NodeId, NodeId)> {
    tree.ids()
        .filter(|&id| tree.tag(id) == Some(Tag::Form))
        .map(|id| (id, tree.end(id)))
        .collect()
}

fn is_in(ranges: &[(NodeId, NodeId)], id: NodeId) -> bool {
    let after = ranges.partition_point(|&(start, _)| start <= id);
    after
        .checked_sub(1)
        .and_then(|i| ranges.get(i))
        .is_some_and(|&(_, end)| id < end)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{blocks, clean, regions, stats};

    /// Markdown and HTML of every block of `html` (no selection), images on.
    pub(crate) fn render_all(html: &str) -> (String, String) {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        let stats = stats::collect(&tree, &marks, &blocks);
        let regions = regions::classify(&tree, &blocks, &stats);
        let selection = Selection {
            kept: (0..blocks.list.len()).collect(),
            confidence: 1.0,
            prose_chars: 0,
        };
        let options = Options {
            markdown: true,
            html: true,
            images: true,
            ..Options::default()
        };
        let page = Page {
            tree: &tree,
            marks: &marks,
            blocks: &blocks,
            regions: &regions,
        };
        let rendered = all(page, &selection, &options);
        (
            rendered.markdown.unwrap_or_default(),
            rendered.html.unwrap_or_default(),
        )
    }

    #[test]
    fn images_between_kept_blocks_stand_alone_and_resolve() {
        let (md, html) = render_all(
            "<link rel=canonical href='https://example.com/a/'>\
             <p>one</p><figure><img src='i.png' alt='An [x]'></figure><p>two</p>",
        );
        assert_eq!(
            md,
            "one\n\n![An \\[x\\]](https://example.com/a/i.png)\n\ntwo"
        );
        assert_eq!(
            html,
            "<p>one</p>\n<p><img src=\"https://example.com/a/i.png\" alt=\"An [x]\"></p>\n<p>two</p>"
        );
    }
}
