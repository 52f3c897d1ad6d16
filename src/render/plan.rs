//! The structure around the kept blocks, shared by the Markdown and HTML renderers.
//!
//! The kept blocks (and, when images are wanted, the images between them) are visited in
//! document order. A stack holds the structural elements open around the current one: lists,
//! list items, block quotes, definition lists. Moving to the next item closes the elements it
//! is not inside and opens the ones it is, nearest-structural-ancestor links leading from the
//! item up to the stack's top. Each element is opened and closed once, so the walk is linear,
//! and it never recurses. The result is a flat list of [`Step`]s, like the `Open`/`Close`
//! phases of comrak's HTML renderer.
//!
//! A `<pre>` and a data table are atomic: the first kept block inside one renders it whole
//! (a code block keeps its white space exactly; a table needs all its rows to line up).

use crate::blocks::Block;
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tag, Tree};
use crate::regions::Region;
use crate::select;

use super::{inline, Context};

/// A structural element around blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// `<ul>` or `<ol>`; `start` is the number of the first rendered item.
    List {
        ordered: bool,
        start: u64,
    },
    /// `<li>`, with its number in an ordered list.
    Item {
        number: Option<u64>,
    },
    Quote,
    Definitions,
    Term,
    Definition,
}

/// One rendered unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Leaf {
    /// A block of text in its own paragraph.
    Paragraph(usize),
    /// A heading of this level (1–6).
    Heading(u8, usize),
    /// A block of text directly inside a container (`<li>text</li>`), with no paragraph of
    /// its own.
    Bare(usize),
    /// A whole `<pre>`.
    Code(NodeId),
    /// A whole data table.
    Table(NodeId),
    /// An `<img>` standing on its own between kept blocks.
    Image(NodeId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Open(Container),
    Close(Container),
    Leaf(Leaf),
}

/// An open element on the stack.
#[derive(Debug)]
struct Entry {
    id: NodeId,
    role: Role,
    /// Index of the `Open` step of a list, to set its `start` at its first item.
    open_step: usize,
    items: ItemCounter,
}

/// What an element is to the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Container(Container),
    /// `<pre>` or a data table: rendered whole.
    Atomic(Leaf),
}

/// Numbers the items of an ordered list, scanning its children once in all.
#[derive(Debug, Default)]
struct ItemCounter {
    /// The next node to look at for `<li>` children.
    scan: Option<NodeId>,
    counted: u64,
    rendered: u64,
}

/// The steps that render `kept` (block indices in document order) with their structure.
pub(crate) fn plan(cx: &Context, kept: &[usize]) -> Vec<Step> {
    let parents = structural_parents(cx);
    let images = standalone_images(cx, kept);
    let mut steps = Vec::new();
    let mut stack: Vec<Entry> = Vec::new();
    for item in items(cx, kept, &images) {
        let anchor = item.anchor(cx);
        close_until(cx.tree, anchor, &mut stack, &mut steps);
        if stack
            .last()
            .is_some_and(|e| matches!(e.role, Role::Atomic(_)))
        {
            continue;
        }
        if open_to(cx, anchor, &parents, &mut stack, &mut steps) {
            continue;
        }
        let leaf = match item {
            Item::Image(id) => Leaf::Image(id),
            Item::Block(index) => leaf_of(cx, index, stack.last().map(|e| e.id)),
        };
        steps.push(Step::Leaf(leaf));
    }
    close_until(cx.tree, NodeId::past_end(cx.tree), &mut stack, &mut steps);
    steps
}

/// A kept block or a standalone image.
#[derive(Debug, Clone, Copy)]
enum Item {
    Block(usize),
    Image(NodeId),
}

impl Item {
    fn anchor(self, cx: &Context) -> NodeId {
        match self {
            Item::Block(index) => cx
                .blocks
                .get(index)
                .map_or(NodeId::past_end(cx.tree), |b| b.first),
            Item::Image(id) => id,
        }
    }
}

/// Kept blocks and images merged in document order.
fn items(cx: &Context, kept: &[usize], images: &[NodeId]) -> Vec<Item> {
    let mut items = Vec::with_capacity(kept.len() + images.len());
    let mut images = images.iter().copied().peekable();
    for &index in kept {
        let first = Item::Block(index).anchor(cx);
        while let Some(image) = images.next_if(|&image| image < first) {
            items.push(Item::Image(image));
        }
        items.push(Item::Block(index));
    }
    items.extend(images.map(Item::Image));
    items
}

/// Close the open elements that do not contain `anchor`.
fn close_until(tree: &Tree, anchor: NodeId, stack: &mut Vec<Entry>, steps: &mut Vec<Step>) {
    while stack.last().is_some_and(|e| tree.end(e.id) <= anchor) {
        if let Some(Entry {
            role: Role::Container(container),
            open_step,
            ..
        }) = stack.pop()
        {
            // Read the list's `start` back from its open step: its first item may have set it.
            let container = match steps.get(open_step) {
                Some(&Step::Open(open)) => open,
                _ => container,
            };
            steps.push(Step::Close(container));
        }
    }
}

/// Open the structural elements between the stack's top and `anchor`. Returns true when one
/// of them is atomic, which renders the item with it.
fn open_to(
    cx: &Context,
    anchor: NodeId,
    parents: &NodeMap<Option<NodeId>>,
    stack: &mut Vec<Entry>,
    steps: &mut Vec<Step>,
) -> bool {
    let top = stack.last().map(|e| e.id);
    let mut chain = Vec::new();
    let mut node = parents[anchor];
    while let Some(id) = node {
        if Some(id) == top {
            break;
        }
        chain.push(id);
        node = parents[id];
    }
    for id in chain.into_iter().rev() {
        let Some(role) = role(cx, id) else { continue };
        let role = match role {
            Role::Container(Container::Item { .. }) => Role::Container(Container::Item {
                number: number(cx.tree, id, stack, steps),
            }),
            role => role,
        };
        let open_step = steps.len();
        steps.push(match role {
            Role::Container(container) => Step::Open(container),
            Role::Atomic(leaf) => Step::Leaf(leaf),
        });
        stack.push(Entry {
            id,
            role,
            open_step,
            items: ItemCounter::default(),
        });
        if matches!(role, Role::Atomic(_)) {
            return true;
        }
    }
    false
}

/// The number of list item `li` when the stack's top is the ordered list around it. The
/// first rendered item also sets the list's `start`.
fn number(tree: &Tree, li: NodeId, stack: &mut [Entry], steps: &mut [Step]) -> Option<u64> {
    let list = stack.last_mut()?;
    let Role::Container(Container::List {
        ordered: true,
        start,
    }) = list.role
    else {
        return None;
    };
    let counter = &mut list.items;
    let mut node = counter.scan.unwrap_or(list.id.next());
    // Siblings before `li`, stepping into any wrapper that holds it (`<ol><div><li>`).
    while node < li {
        if tree.end(node) > li {
            node = node.next();
        } else {
            if tree.tag(node) == Some(Tag::Li) {
                counter.counted += 1;
            }
            node = tree.end(node);
        }
    }
    counter.scan = Some(tree.end(li));
    let number = start.saturating_add(counter.counted);
    counter.counted += 1;
    if counter.rendered == 0 {
        if let Some(Step::Open(Container::List { start, .. })) = steps.get_mut(list.open_step) {
            *start = number;
        }
    }
    counter.rendered += 1;
    Some(number)
}

/// Whether an element takes part in the structure, without reading its attributes.
fn is_structural(cx: &Context, id: NodeId) -> bool {
    match cx.tree.tag(id) {
        Some(Tag::Ul | Tag::Ol | Tag::Li | Tag::Blockquote | Tag::Dl | Tag::Dt | Tag::Dd) => true,
        Some(Tag::Pre) => true,
        Some(Tag::Table) => cx.tables.is_data(id),
        _ => false,
    }
}

fn role(cx: &Context, id: NodeId) -> Option<Role> {
    let container = match cx.tree.tag(id)? {
        Tag::Ul => Container::List {
            ordered: false,
            start: 1,
        },
        Tag::Ol => Container::List {
            ordered: true,
            start: cx
                .tree
                .attr(id, "start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1),
        },
        Tag::Li => Container::Item { number: None },
        Tag::Blockquote => Container::Quote,
        Tag::Dl => Container::Definitions,
        Tag::Dt => Container::Term,
        Tag::Dd => Container::Definition,
        Tag::Pre => return Some(Role::Atomic(Leaf::Code(id))),
        Tag::Table if cx.tables.is_data(id) => return Some(Role::Atomic(Leaf::Table(id))),
        _ => return None,
    };
    Some(Role::Container(container))
}

/// For every node, its nearest structural ancestor: one pass in pre-order, where a parent's
/// entry is always ready before its children's.
fn structural_parents(cx: &Context) -> NodeMap<Option<NodeId>> {
    let tree = cx.tree;
    let mut parents = NodeMap::filled(tree, None);
    for id in tree.ids() {
        if let Some(parent) = tree.parent(id) {
            parents[id] = if is_structural(cx, parent) {
                Some(parent)
            } else {
                parents[parent]
            };
        }
    }
    parents
}

fn leaf_of(cx: &Context, index: usize, container: Option<NodeId>) -> Leaf {
    let owner = cx.blocks.get(index).map(|b| b.owner);
    let level = match owner.and_then(|o| cx.tree.tag(o)) {
        Some(Tag::H1) => 1,
        Some(Tag::H2) => 2,
        Some(Tag::H3) => 3,
        Some(Tag::H4) => 4,
        Some(Tag::H5) => 5,
        Some(Tag::H6) => 6,
        _ if owner.is_some() && owner == container => return Leaf::Bare(index),
        _ => return Leaf::Paragraph(index),
    };
    Leaf::Heading(level, index)
}

/// Regions whose images are not the article's: author photos, ads, widgets, comments.
const NOT_ARTICLE_IMAGE: [Region; 4] = [
    Region::BOILERPLATE,
    Region::COMMENTS,
    Region::BYLINE,
    Region::FORM,
];

/// Images outside any block's text that belong to the article: between the last block before
/// the first kept one that is not a caption (so a lead image under the headline counts) and
/// the last kept block, outside
/// boilerplate, and in a box whose text, if any, was kept or is a caption. A thumbnail in a
/// teaser card whose text was dropped stays out with it.
fn standalone_images(cx: &Context, kept: &[usize]) -> Vec<NodeId> {
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return Vec::new();
    };
    if !cx.options.images {
        return Vec::new();
    }
    let blocks = &cx.blocks.list;
    // Back over captions: a lead image's caption or credit sits between it and the text.
    let before = (0..first)
        .rev()
        .find(|&i| !select::block_region(cx.blocks, cx.regions, i).has(Region::CAPTION));
    let start = before
        .and_then(|i| blocks.get(i))
        .map_or(0, |b| b.end.index());
    let end = blocks.get(last).map_or(0, |b| b.end.index());
    let dropped = dropped_prefix(cx, kept);
    let mut images = Vec::new();
    let mut cursor = 0;
    for id in cx.tree.ids().skip(start).take(end.saturating_sub(start)) {
        if cx.tree.tag(id) != Some(Tag::Img) || cx.marks[id].has(Mark::SKIP) {
            continue;
        }
        while blocks.get(cursor).is_some_and(|b| b.end <= id) {
            cursor += 1;
        }
        let in_text = blocks.get(cursor).is_some_and(|b| b.first <= id);
        if !in_text && is_article_image(cx, id, &dropped) {
            images.push(id);
        }
    }
    images
}

/// `dropped[i]`: blocks among `0..i` that were not kept and are not captions.
fn dropped_prefix(cx: &Context, kept: &[usize]) -> Vec<u32> {
    let mut is_kept = vec![false; cx.blocks.list.len()];
    for &index in kept {
        if let Some(slot) = is_kept.get_mut(index) {
            *slot = true;
        }
    }
    let mut prefix = Vec::with_capacity(is_kept.len() + 1);
    let mut count = 0u32;
    prefix.push(count);
    for (index, kept) in is_kept.into_iter().enumerate() {
        let caption = select::block_region(cx.blocks, cx.regions, index).has(Region::CAPTION);
        if !kept && !caption {
            count += 1;
        }
        prefix.push(count);
    }
    prefix
}

fn is_article_image(cx: &Context, id: NodeId, dropped: &[u32]) -> bool {
    let region = cx.regions[id];
    if NOT_ARTICLE_IMAGE.iter().any(|&r| region.has(r)) {
        return false;
    }
    let Some(container) = block_ancestor(cx.tree, id) else {
        return false;
    };
    let range = cx.blocks.range(container);
    let dropped_inside = dropped
        .get(range.end)
        .zip(dropped.get(range.start))
        .is_none_or(|(end, start)| end > start);
    !dropped_inside && inline::image(cx, id).is_some()
}

/// Ancestors looked at for an image's box. Deeper is pathological; such an image is left out.
const MAX_BOX_SEARCH: usize = 64;

/// The nearest block-level ancestor of `id`.
fn block_ancestor(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut node = tree.parent(id);
    for _ in 0..MAX_BOX_SEARCH {
        let current = node?;
        if tree.tag(current).is_some_and(Tag::is_block) {
            return Some(current);
        }
        node = tree.parent(current);
    }
    None
}

/// The kept blocks whose text starts inside `id`, as a range of `kept`.
pub(crate) fn kept_inside(
    tree: &Tree,
    blocks: &[Block],
    kept: &[usize],
    id: NodeId,
) -> std::ops::Range<usize> {
    let first = |&index: &usize| {
        blocks
            .get(index)
            .map_or(NodeId::past_end(tree), |b| b.first)
    };
    let start = kept.partition_point(|index| first(index) < id);
    let end = kept.partition_point(|index| first(index) < tree.end(id));
    start..end.max(start)
}

/// The text of a `<pre>` as it shows: every text node verbatim, `<br>` as a line break.
pub(crate) fn pre_text(cx: &Context, pre: NodeId) -> String {
    let tree = cx.tree;
    let mut out = String::new();
    let mut id = pre.next();
    while id < tree.end(pre) {
        if cx.marks[id].has(Mark::SKIP) {
            id = tree.end(id);
            continue;
        }
        if let Some(text) = tree.text(id) {
            out.push_str(&text);
        } else if tree.tag(id) == Some(Tag::Br) {
            out.push('\n');
        }
        id = id.next();
    }
    out
}

/// The language of a code block, from `class="language-x"` (or `lang-x`) on the `<pre>` or
/// on the `<code>` that opens it, as highlight.js, Prism and CommonMark renderers write it.
pub(crate) fn language(tree: &Tree, pre: NodeId) -> Option<String> {
    let code = (pre.next() < tree.end(pre))
        .then(|| pre.next())
        .filter(|&first| tree.tag(first) == Some(Tag::Code));
    [Some(pre), code].into_iter().flatten().find_map(|id| {
        let class = tree.attr(id, "class")?;
        class.split_ascii_whitespace().find_map(|token| {
            token
                .strip_prefix("language-")
                .or_else(|| token.strip_prefix("lang-"))
                .filter(|lang| !lang.is_empty() && lang.chars().all(is_language_char))
                .map(str::to_string)
        })
    })
}

/// Characters of a language name in an info string (`c++`, `objective-c`, `c#`).
fn is_language_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '#' | '.')
}
