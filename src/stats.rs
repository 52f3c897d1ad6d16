//! Stage 3b: per-element statistics as prefix sums.
//!
//! A subtree is a contiguous id range in pre-order, and its blocks a contiguous block range,
//! so one prefix-sum array per measure answers "how many form controls / images / text
//! characters inside this element?" in O(1), for every element, after one linear pass.

use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{Kind, NodeId, NodeMap, Tag, Tree};
use crate::evidence::Evidence;
use crate::regions;

/// Prefix sums over nodes and blocks.
#[derive(Debug)]
pub(crate) struct Stats {
    /// `controls[i]` = visible form controls among nodes `0..i`.
    controls: Vec<u32>,
    /// `images[i]` = `<img>` elements among nodes `0..i`.
    images: Vec<u32>,
    /// `chars[i]` = text characters in blocks `0..i`.
    chars: Vec<u64>,
    /// `inline_images[i]` = blocks among `0..i` with an image inside the text run.
    inline_images: Vec<u32>,
    /// Elements that claim to be the content ([`regions::is_content_container`]) and hold
    /// text, in document order: the share guard asks where they are.
    content_containers: Vec<NodeId>,
}

/// Gather the prefix sums for `tree` and its `blocks`.
pub(crate) fn collect(tree: &Tree, marks: &NodeMap<Mark>, blocks: &Blocks) -> Stats {
    let mut controls = Vec::with_capacity(tree.len() + 1);
    let mut images = Vec::with_capacity(tree.len() + 1);
    let (mut c, mut i) = (0u32, 0u32);
    controls.push(0);
    images.push(0);
    let mut containers = Vec::new();
    for id in tree.ids() {
        if let Kind::Element(tag) = tree.kind(id) {
            if is_control(tree, id, tag) {
                c = c.saturating_add(1);
            }
            if regions::is_content_container(tree, id, tag) {
                containers.push(id);
            }
            if tag == Tag::Img && !marks[id].has(Mark::SKIP) {
                i = i.saturating_add(1);
            }
        }
        controls.push(c);
        images.push(i);
    }
    let mut chars = Vec::with_capacity(blocks.list.len() + 1);
    let mut inline_images = Vec::with_capacity(blocks.list.len() + 1);
    let (mut ch, mut ii) = (0u64, 0u32);
    chars.push(0);
    inline_images.push(0);
    for block in &blocks.list {
        ch += u64::from(block.chars);
        ii += u32::from(block.has_image);
        chars.push(ch);
        inline_images.push(ii);
    }
    let mut stats = Stats {
        controls,
        images,
        chars,
        inline_images,
        content_containers: Vec::new(),
    };
    containers.retain(|&id| stats.chars(blocks, id) > 0);
    stats.content_containers = containers;
    stats
}

/// Visible fields a reader types into or picks from: what a sign-up box, search box or
/// comment form is made of. Buttons alone are not counted: carousels, menus and "load more"
/// bars have them too. Nor are checkboxes: every card of a product grid has a "compare" box
/// (wcxb-dev collection 0.589 -> 0.608).
fn is_control(tree: &Tree, id: NodeId, tag: Tag) -> bool {
    match tag {
        Tag::Input => {
            let evidence = tree.evidence(id);
            !evidence.has(Evidence::HIDDEN_INPUT) && !evidence.has(Evidence::TICK_INPUT)
        }
        Tag::Select | Tag::Textarea => true,
        _ => false,
    }
}

fn diff<T: Copy + std::ops::Sub<Output = T> + Default>(
    prefix: &[T],
    start: usize,
    end: usize,
) -> T {
    match (prefix.get(start), prefix.get(end)) {
        (Some(&a), Some(&b)) => b - a,
        _ => T::default(),
    }
}

impl Stats {
    pub(crate) fn controls(&self, tree: &Tree, id: NodeId) -> u32 {
        diff(&self.controls, id.index(), tree.end(id).index())
    }

    pub(crate) fn images(&self, tree: &Tree, id: NodeId) -> u32 {
        diff(&self.images, id.index(), tree.end(id).index())
    }

    pub(crate) fn chars(&self, blocks: &Blocks, id: NodeId) -> u64 {
        let r = blocks.range(id);
        diff(&self.chars, r.start, r.end)
    }

    pub(crate) fn inline_images(&self, blocks: &Blocks, id: NodeId) -> u32 {
        let r = blocks.range(id);
        diff(&self.inline_images, r.start, r.end)
    }

    pub(crate) fn total_chars(&self) -> u64 {
        self.chars.last().copied().unwrap_or(0)
    }

    /// Elements that claim to be the content and hold text, in document order.
    pub(crate) fn content_containers(&self) -> &[NodeId] {
        &self.content_containers
    }
}
