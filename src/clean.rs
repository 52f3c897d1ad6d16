//! Stage 2: mark the nodes that are never content, and the inline context of every node.
//!
//! `<noscript>` is not skipped: the tree is parsed with scripting off, as a reader without
//! JavaScript sees it, and some sites (Discourse forums) put the whole page there.
//!
//! One top-down pass in pre-order (a parent is always marked before its children, so marks
//! inherit by reading the parent's). Nothing is removed: marks are bits in a side table.

use crate::dom::{Kind, NodeId, NodeMap, Tag, Tree};
use crate::evidence::Evidence;

/// Per-node bits set by [`mark`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Mark(u8);

impl Mark {
    /// Never content: scripts, styles, `<head>`, embedded objects, form fields, hidden nodes.
    pub(crate) const SKIP: Mark = Mark(1);
    /// Inside an `<a href>`.
    pub(crate) const IN_LINK: Mark = Mark(1 << 1);
    /// Inside `<pre>`: white space is significant.
    pub(crate) const IN_PRE: Mark = Mark(1 << 2);

    pub(crate) fn has(self, other: Mark) -> bool {
        self.0 & other.0 != 0
    }
}

/// The marks of every node of `tree`.
pub(crate) fn mark(tree: &Tree) -> NodeMap<Mark> {
    let mut marks = NodeMap::filled(tree, Mark::default());
    for id in tree.ids() {
        let inherited = tree.parent(id).map(|p| marks[p]).unwrap_or_default();
        let mut bits = inherited.0;
        if let Kind::Element(tag) = tree.kind(id) {
            if is_never_content(tree, id, tag) {
                bits |= Mark::SKIP.0;
            }
            if tag == Tag::A {
                bits |= Mark::IN_LINK.0;
            }
            if tag == Tag::Pre {
                bits |= Mark::IN_PRE.0;
            }
        }
        marks[id] = Mark(bits);
    }
    marks
}

fn is_never_content(tree: &Tree, id: NodeId, tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Head | Title
            | Meta
            | Script
            | Style
            | Template
            | Iframe
            | Object
            | Embed
            | Svg
            | Canvas
            | Video
            | Audio
            | Button
            | Select
            | Textarea
            | Option
            | Label
    ) || tree.evidence(id).has(Evidence::HIDDEN)
        || (tree.evidence(id).has(Evidence::HIDDEN_BY_STYLE) && !is_most_of_the_page(tree, id))
}

/// Frameworks hide the whole page until their scripts run (Next.js wraps it in
/// `visibility:hidden`); a reader of the delivered page sees it all. A hidden element holding
/// more than half of the document's nodes is such a wrapper, not hidden content.
fn is_most_of_the_page(tree: &Tree, id: NodeId) -> bool {
    let subtree = tree.end(id).index().saturating_sub(id.index());
    subtree.saturating_mul(2) > tree.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_wrapper_around_the_whole_page_is_not_skipped() {
        let tree = Tree::parse(
            "<div style='visibility:hidden'><p>one</p><p>two</p><p>three</p></div><p>x</p>",
        );
        let marks = mark(&tree);
        let text = tree
            .ids()
            .find(|&id| tree.text(id).is_some_and(|t| &**t == "two"));
        assert!(!marks[text.unwrap()].has(Mark::SKIP));
    }

    #[test]
    fn script_and_hidden_text_are_skipped_and_links_marked() {
        let tree =
            Tree::parse("<p>a<script>var x</script><span hidden>h</span><a href=/x>l</a></p>");
        let marks = mark(&tree);
        let text_of = |s: &str| {
            tree.ids()
                .find(|&id| tree.text(id).is_some_and(|t| &**t == s))
                .map(|id| marks[id])
                .unwrap_or_default()
        };
        assert!(!text_of("a").has(Mark::SKIP));
        assert!(text_of("var x").has(Mark::SKIP));
        assert!(text_of("h").has(Mark::SKIP));
        assert!(text_of("l").has(Mark::IN_LINK));
    }
}
