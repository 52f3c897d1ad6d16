//! Stage 1: parse once with html5ever, then index the DOM once.
//!
//! The [`Tree`] is a read-only pre-order index over the `markup5ever_rcdom` nodes: every node
//! gets a [`NodeId`] (its pre-order position), its parent and the end of its subtree, so "is `b`
//! inside `a`?" is a range test and later stages pass ids instead of `Rc` handles. Each
//! element's tag and its class/id/role evidence are read here, once, and stored as small values.
//! Nothing here recurses: the walk uses an explicit stack, so deeply nested input cannot
//! overflow the call stack.

use std::cell::Ref;
use std::ops::{Index, IndexMut};

use html5ever::tendril::StrTendril;
use html5ever::{local_name, ns};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::evidence::{self, Evidence};
use crate::metadata::{self, Hints};
use crate::parse::{self, Limits};
use crate::Error;

/// Index of a node in pre-order. The document node is `NodeId(0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct NodeId(u32);

impl NodeId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }

    /// The id after this one in pre-order.
    pub(crate) fn next(self) -> NodeId {
        NodeId(self.0.saturating_add(1))
    }

    /// An id past every node of `tree`.
    pub(crate) fn past_end(tree: &Tree) -> NodeId {
        NodeId(u32::try_from(tree.len()).unwrap_or(u32::MAX))
    }
}

/// The element names the pipeline tells apart; every other element is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Noscript,
    Template,
    Iframe,
    Object,
    Embed,
    Svg,
    Math,
    Canvas,
    Video,
    Audio,
    Picture,
    Img,
    A,
    Br,
    Hr,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Menu,
    Form,
    Fieldset,
    Input,
    Button,
    Select,
    Textarea,
    Label,
    Option,
    Dialog,
    Figure,
    Figcaption,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Blockquote,
    Pre,
    Address,
    Details,
    Summary,
    Center,
    Em,
    Strong,
    I,
    B,
    Code,
    Base,
    Col,
    Colgroup,
    Time,
    /// An element in a foreign namespace (SVG, MathML) other than the `svg`/`math` roots.
    Foreign,
    Other,
}

impl Tag {
    /// Elements that start a new text block: their content is laid out apart from what
    /// surrounds it (CSS `display: block` and friends in the default style sheet).
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Body
                | P
                | Div
                | Section
                | Article
                | Main
                | Header
                | Footer
                | Nav
                | Aside
                | Menu
                | Form
                | Fieldset
                | Dialog
                | Figure
                | Figcaption
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Ul
                | Ol
                | Li
                | Dl
                | Dt
                | Dd
                | Table
                | Caption
                | Thead
                | Tbody
                | Tfoot
                | Tr
                | Td
                | Th
                | Blockquote
                | Pre
                | Address
                | Details
                | Summary
                | Center
                | Hr
        )
    }

    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    fn of_html(name: &html5ever::LocalName) -> Tag {
        use Tag::*;
        match *name {
            local_name!("html") => Html,
            local_name!("head") => Head,
            local_name!("body") => Body,
            local_name!("title") => Title,
            local_name!("meta") => Meta,
            local_name!("link") => Link,
            local_name!("script") => Script,
            local_name!("style") => Style,
            local_name!("noscript") => Noscript,
            local_name!("template") => Template,
            local_name!("iframe") => Iframe,
            local_name!("object") => Object,
            local_name!("embed") => Embed,
            local_name!("canvas") => Canvas,
            local_name!("video") => Video,
            local_name!("audio") => Audio,
            local_name!("picture") => Picture,
            local_name!("img") => Img,
            local_name!("a") => A,
            local_name!("br") => Br,
            local_name!("hr") => Hr,
            local_name!("p") => P,
            local_name!("div") => Div,
            local_name!("section") => Section,
            local_name!("article") => Article,
            local_name!("main") => Main,
            local_name!("header") => Header,
            local_name!("footer") => Footer,
            local_name!("nav") => Nav,
            local_name!("aside") => Aside,
            local_name!("menu") => Menu,
            local_name!("form") => Form,
            local_name!("fieldset") => Fieldset,
            local_name!("input") => Input,
            local_name!("button") => Button,
            local_name!("select") => Select,
            local_name!("textarea") => Textarea,
            local_name!("label") => Label,
            local_name!("option") => Option,
            local_name!("dialog") => Dialog,
            local_name!("figure") => Figure,
            local_name!("figcaption") => Figcaption,
            local_name!("h1") => H1,
            local_name!("h2") => H2,
            local_name!("h3") => H3,
            local_name!("h4") => H4,
            local_name!("h5") => H5,
            local_name!("h6") => H6,
            local_name!("ul") => Ul,
            local_name!("ol") => Ol,
            local_name!("li") => Li,
            local_name!("dl") => Dl,
            local_name!("dt") => Dt,
            local_name!("dd") => Dd,
            local_name!("table") => Table,
            local_name!("caption") => Caption,
            local_name!("thead") => Thead,
            local_name!("tbody") => Tbody,
            local_name!("tfoot") => Tfoot,
            local_name!("tr") => Tr,
            local_name!("td") => Td,
            local_name!("th") => Th,
            local_name!("blockquote") => Blockquote,
            local_name!("pre") => Pre,
            local_name!("address") => Address,
            local_name!("details") => Details,
            local_name!("summary") => Summary,
            local_name!("center") => Center,
            local_name!("em") => Em,
            local_name!("strong") => Strong,
            local_name!("i") => I,
            local_name!("b") => B,
            local_name!("code") => Code,
            local_name!("base") => Base,
            local_name!("col") => Col,
            local_name!("colgroup") => Colgroup,
            local_name!("time") => Time,
            _ => Other,
        }
    }
}

/// What the index knows about one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Element(Tag),
    Text,
    /// Document, doctype, comment or processing instruction.
    Other,
}

/// A side table with one value per node, indexed by [`NodeId`].
#[derive(Debug, Clone)]
pub(crate) struct NodeMap<T>(Vec<T>);

impl<T: Clone> NodeMap<T> {
    pub(crate) fn filled(tree: &Tree, value: T) -> Self {
        NodeMap(vec![value; tree.len()])
    }
}

impl<T> Index<NodeId> for NodeMap<T> {
    type Output = T;
    // Ids are only made by `Tree` for its own nodes, and every `NodeMap` is built with one
    // slot per node of that tree, so the index is always in range.
    #[allow(clippy::indexing_slicing)]
    fn index(&self, id: NodeId) -> &T {
        &self.0[id.index()]
    }
}

impl<T> IndexMut<NodeId> for NodeMap<T> {
    // In range for the reason given in `Index::index`.
    #[allow(clippy::indexing_slicing)]
    fn index_mut(&mut self, id: NodeId) -> &mut T {
        &mut self.0[id.index()]
    }
}

/// The parsed document, indexed in pre-order. Read-only after [`Tree::from_html`].
#[derive(Debug)]
pub(crate) struct Tree {
    handles: Vec<Handle>,
    kind: Vec<Kind>,
    parent: Vec<Option<NodeId>>,
    end: Vec<NodeId>,
    evidence: Vec<Evidence>,
    hints: Vec<Hints>,
}

impl Tree {
    /// Parse `html` within `limits` and index every node.
    pub(crate) fn from_html(html: &str, limits: &Limits) -> Result<Tree, Error> {
        parse::parse(html, limits).map(Tree::index)
    }

    /// Parse `html` with the default limits, for unit tests on small pages.
    #[cfg(test)]
    pub(crate) fn parse(html: &str) -> Tree {
        Tree::from_html(html, &Limits::default()).expect("a test page within the limits")
    }

    fn index(dom: RcDom) -> Tree {
        let mut tree = Tree {
            handles: Vec::new(),
            kind: Vec::new(),
            parent: Vec::new(),
            end: Vec::new(),
            evidence: Vec::new(),
            hints: Vec::new(),
        };
        let mut stack: Vec<(Handle, Option<NodeId>)> = vec![(dom.document.clone(), None)];
        while let Some((handle, parent)) = stack.pop() {
            let id = NodeId(u32::try_from(tree.handles.len()).unwrap_or(u32::MAX));
            let (kind, evidence, hints) = describe(&handle);
            let children = handle.children.borrow();
            for child in children.iter().rev() {
                stack.push((child.clone(), Some(id)));
            }
            drop(children);
            tree.handles.push(handle);
            tree.kind.push(kind);
            tree.parent.push(parent);
            tree.evidence.push(evidence);
            tree.hints.push(hints);
        }
        tree.end = subtree_ends(&tree.parent);
        // `handles` keeps every node alive; markup5ever_rcdom drops nodes iteratively, so
        // dropping a deep tree later cannot overflow the stack.
        tree
    }

    pub(crate) fn len(&self) -> usize {
        self.handles.len()
    }

    /// All ids in pre-order: every parent before its children.
    pub(crate) fn ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + ExactSizeIterator {
        (0..u32::try_from(self.len()).unwrap_or(u32::MAX)).map(NodeId)
    }

    pub(crate) fn kind(&self, id: NodeId) -> Kind {
        self.kind.get(id.index()).copied().unwrap_or(Kind::Other)
    }

    pub(crate) fn tag(&self, id: NodeId) -> Option<Tag> {
        match self.kind(id) {
            Kind::Element(tag) => Some(tag),
            _ => None,
        }
    }

    pub(crate) fn evidence(&self, id: NodeId) -> Evidence {
        self.evidence.get(id.index()).copied().unwrap_or_default()
    }

    /// What the attributes of `id` may tell [`metadata`] (read while indexing, so that its pass
    /// looks at no other element's attributes).
    pub(crate) fn hints(&self, id: NodeId) -> Hints {
        self.hints.get(id.index()).copied().unwrap_or_default()
    }

    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.parent.get(id.index()).copied().flatten()
    }

    /// One past the last node of `id`'s subtree.
    pub(crate) fn end(&self, id: NodeId) -> NodeId {
        self.end.get(id.index()).copied().unwrap_or(id)
    }

    /// The text of a text node, borrowed from the DOM.
    pub(crate) fn text(&self, id: NodeId) -> Option<Ref<'_, StrTendril>> {
        match &self.handles.get(id.index())?.data {
            NodeData::Text { contents } => contents.try_borrow().ok(),
            _ => None,
        }
    }

    /// Whether element `id` has attribute `name` and `test` holds for its value (the first
    /// attribute of that name, as in [`Tree::attr`]), read in place without a copy.
    pub(crate) fn attr_is(&self, id: NodeId, name: &str, test: impl FnOnce(&str) -> bool) -> bool {
        let mut test = Some(test);
        let mut result = false;
        self.for_each_attr(id, |n, value| {
            if n == name {
                if let Some(test) = test.take() {
                    result = test(value);
                }
            }
        });
        result
    }

    /// Calls `f(name, value)` for each attribute of element `id` in no namespace, in place: one
    /// scan that reads several attributes of every element without copying them.
    pub(crate) fn for_each_attr(&self, id: NodeId, mut f: impl FnMut(&str, &str)) {
        let Some(NodeData::Element { attrs, .. }) = self.handles.get(id.index()).map(|h| &h.data)
        else {
            return;
        };
        let Ok(attrs) = attrs.try_borrow() else {
            return;
        };
        for a in attrs.iter().filter(|a| a.name.ns == ns!()) {
            f(&a.name.local, &a.value);
        }
    }

    /// The value of attribute `name` of element `id`, if present.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<String> {
        match &self.handles.get(id.index())?.data {
            NodeData::Element { attrs, .. } => attrs
                .try_borrow()
                .ok()?
                .iter()
                .find(|a| a.name.ns == ns!() && &*a.name.local == name)
                .map(|a| a.value.to_string()),
            _ => None,
        }
    }
}

/// The tag, the attribute evidence and the metadata hints of one node.
fn describe(handle: &Handle) -> (Kind, Evidence, Hints) {
    match &handle.data {
        NodeData::Text { .. } => (Kind::Text, Evidence::default(), Hints::default()),
        NodeData::Element { name, attrs, .. } => {
            let tag = if name.ns == ns!(html) {
                Tag::of_html(&name.local)
            } else if name.local == local_name!("svg") {
                Tag::Svg
            } else if name.local == local_name!("math") {
                Tag::Math
            } else {
                Tag::Foreign
            };
            let (evidence, hints) = match attrs.try_borrow() {
                Ok(attrs) => {
                    let plain = || {
                        attrs
                            .iter()
                            .filter(|a| a.name.ns == ns!())
                            .map(|a| (&*a.name.local, &*a.value))
                    };
                    (
                        evidence::of_attributes(tag, plain()),
                        metadata::hints(tag, plain()),
                    )
                }
                Err(_) => (Evidence::default(), Hints::default()),
            };
            (Kind::Element(tag), evidence, hints)
        }
        _ => (Kind::Other, Evidence::default(), Hints::default()),
    }
}

/// `end[id]` = one past the last descendant of `id`, from the parent links of a pre-order.
///
/// Walking ids in reverse visits children before parents, so subtree sizes add up in one pass.
fn subtree_ends(parent: &[Option<NodeId>]) -> Vec<NodeId> {
    let mut size = vec![1u32; parent.len()];
    for (index, p) in parent.iter().enumerate().rev() {
        let own = size.get(index).copied().unwrap_or(1);
        if let Some(slot) = p.and_then(|p| size.get_mut(p.index())) {
            *slot = slot.saturating_add(own);
        }
    }
    size.iter()
        .enumerate()
        .map(|(index, s)| NodeId(u32::try_from(index).unwrap_or(u32::MAX).saturating_add(*s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preorder_index_has_parents_and_subtree_ends() {
        let tree = Tree::parse("<p>a<b>b</b></p><p>c</p>");
        let ps: Vec<NodeId> = tree
            .ids()
            .filter(|&id| tree.tag(id) == Some(Tag::P))
            .collect();
        assert_eq!(ps.len(), 2);
        let (first, second) = (ps[0], ps[1]);
        // p > "a", b > "b": four nodes in the first paragraph's subtree.
        assert_eq!(tree.end(first).index(), first.index() + 4);
        assert_eq!(tree.end(first), second);
        assert_eq!(tree.parent(second), tree.parent(first));
    }

    #[test]
    fn svg_title_is_not_html_title() {
        let tree = Tree::parse("<svg><title>icon</title></svg>");
        assert!(tree.ids().all(|id| tree.tag(id) != Some(Tag::Title)));
        assert!(tree.ids().any(|id| tree.tag(id) == Some(Tag::Svg)));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = "<span>".repeat(100_000);
        let unlimited = Limits {
            max_depth: usize::MAX,
            max_nodes: usize::MAX,
        };
        let tree = Tree::from_html(&html, &unlimited).unwrap();
        assert!(tree.len() > 100_000);
    }
}
