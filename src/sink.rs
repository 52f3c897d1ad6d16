//! The DOM that html5ever builds: `markup5ever_rcdom`'s nodes, through a [`TreeSink`] that makes
//! building it safe on hostile input.
//!
//! `RcDom` itself is a test DOM ("not production-grade", says its README), and three of its
//! operations cost more than linear time on inputs a crawler can meet:
//!
//! - finding a node among its siblings scans from the first child, so moving content out of
//!   a `<table>` ("foster parenting": text or a `<div>` written where only rows belong goes
//!   before the table) is quadratic: 20,000 misplaced `<div>`s took 0.7 s. Here the scan
//!   starts from the last child, where the table and the node being moved are;
//! - the attributes of a repeated `<html>` or `<body>` tag are merged into the element by
//!   building a hash set of its attributes every time: 20,000 `<body bN>` tags took 14 s. Here
//!   merging stops once the element has [`MAX_MERGED_ATTRIBUTES`];
//! - every parse error is kept as a string, millions of them on a binary file. Here they are
//!   dropped: nothing reads them.
//!
//! The sink also counts what it creates ([`Sink::created`]) so that the parser can be stopped
//! at the node limit, and it never panics where `RcDom` would on a broken tree invariant.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, ExpandedName, QualName};
use markup5ever_rcdom::{Handle, Node, NodeData, RcDom};

/// A repeated `<html>` or `<body>` tag adds its attributes to the first one only while that
/// has fewer than this many. Real pages repeat these tags with a handful of attributes (CMS
/// templates pasted twice); past this, merging would only let an attacker make each repeated
/// tag cost as much as all the attributes before it.
pub(crate) const MAX_MERGED_ATTRIBUTES: usize = 64;

/// An [`RcDom`] that counts what it creates and avoids its superlinear operations.
pub(crate) struct Sink {
    dom: RcDom,
    /// Nodes and attributes created so far, the document included: what the node limit
    /// counts, since an attribute costs about as much memory as a node.
    created: Cell<usize>,
}

impl Sink {
    pub(crate) fn new() -> Sink {
        Sink {
            dom: RcDom::default(),
            created: Cell::new(1),
        }
    }

    /// Nodes and attributes created so far.
    pub(crate) fn created(&self) -> usize {
        self.created.get()
    }

    fn count(&self, n: usize) {
        self.created.set(self.created.get().saturating_add(n));
    }

    /// A new text node, counted.
    fn text_node(&self, text: StrTendril) -> Handle {
        self.count(1);
        Node::new(NodeData::Text {
            contents: std::cell::RefCell::new(text),
        })
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = RcDom;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> RcDom {
        self.dom
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.dom.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.dom.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        // A `<template>` also gets a fragment for its contents.
        self.count(1 + attrs.len() + usize::from(flags.template));
        self.dom.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.count(1);
        self.dom.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.count(1);
        self.dom.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let node = match child {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                let last = parent.children.borrow().last().cloned();
                if last.is_some_and(|last| add_to_text(&last, &text)) {
                    return;
                }
                self.text_node(text)
            }
        };
        detach(&node);
        node.parent.set(Some(Rc::downgrade(parent)));
        parent.children.borrow_mut().push(node);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if parent_of(element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.count(1);
        self.dom
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let node = match new_node {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                if previous_sibling(sibling).is_some_and(|prev| add_to_text(&prev, &text)) {
                    return;
                }
                self.text_node(text)
            }
        };
        detach(&node);
        // The tree builder only inserts before a node that has a parent; if one had none,
        // the new node is dropped rather than panicking as `RcDom` does.
        let Some((parent, index)) = parent_and_index(sibling) else {
            return;
        };
        node.parent.set(Some(Rc::downgrade(&parent)));
        parent.children.borrow_mut().insert(index, node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let NodeData::Element {
            attrs: existing, ..
        } = &target.data
        else {
            return;
        };
        let Ok(mut existing) = existing.try_borrow_mut() else {
            return;
        };
        if attrs.is_empty() || existing.len() >= MAX_MERGED_ATTRIBUTES {
            return;
        }
        let missing: Vec<Attribute> = attrs
            .into_iter()
            .filter(|new| existing.iter().all(|old| old.name != new.name))
            .collect();
        self.count(missing.len());
        existing.extend(missing);
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let children = std::mem::take(&mut *node.children.borrow_mut());
        for child in &children {
            child.parent.set(Some(Rc::downgrade(new_parent)));
        }
        new_parent.children.borrow_mut().extend(children);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        match &handle.data {
            NodeData::Element {
                mathml_annotation_xml_integration_point,
                ..
            } => *mathml_annotation_xml_integration_point,
            _ => false,
        }
    }

    /// Does nothing: the copy of a selected `<option>` into `<selectedcontent>` would only
    /// repeat text a reader has already seen, and `RcDom`'s version searches the whole
    /// `<select>` for every option.
    fn maybe_clone_an_option_into_selectedcontent(&self, _option: &Handle) {}
}

/// Appends `text` to `node` if it is a text node, as the tree builder requires of adjacent
/// text; `false` if `node` is something else.
fn add_to_text(node: &Handle, text: &str) -> bool {
    match &node.data {
        NodeData::Text { contents } => match contents.try_borrow_mut() {
            Ok(mut contents) => {
                contents.push_slice(text);
                true
            }
            Err(_) => false,
        },
        _ => false,
    }
}

fn parent_of(node: &Handle) -> Option<Handle> {
    let weak = node.parent.take();
    let parent = weak.as_ref().and_then(|weak| weak.upgrade());
    node.parent.set(weak);
    parent
}

/// `node`'s parent and its index among the parent's children. The search runs from the last
/// child: the tree builder moves and inserts nodes next to the one it is working on, which
/// is at or near the end.
fn parent_and_index(node: &Handle) -> Option<(Handle, usize)> {
    let parent = parent_of(node)?;
    let index = parent
        .children
        .borrow()
        .iter()
        .rposition(|child| Rc::ptr_eq(child, node))?;
    Some((parent, index))
}

fn previous_sibling(node: &Handle) -> Option<Handle> {
    let (parent, index) = parent_and_index(node)?;
    let previous = parent.children.borrow().get(index.checked_sub(1)?).cloned();
    previous
}

/// Takes `node` out of its parent's children, if it has a parent.
fn detach(node: &Handle) {
    if let Some((parent, index)) = parent_and_index(node) {
        parent.children.borrow_mut().remove(index);
    }
    node.parent.set(None);
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tendril::TendrilSink;
    use html5ever::{parse_document, ParseOpts};

    /// The DOM, and what the sink counted before the end of input.
    fn parse(html: &str) -> (RcDom, usize) {
        let mut parser = parse_document(Sink::new(), ParseOpts::default());
        parser.process(StrTendril::from(html));
        let created = parser.tokenizer.sink.sink.created();
        (parser.finish(), created)
    }

    fn body_children(dom: &RcDom) -> Vec<String> {
        let html = dom.document.children.borrow()[0].clone();
        let body = html.children.borrow()[1].clone();
        let names = body
            .children
            .borrow()
            .iter()
            .map(|child| match &child.data {
                NodeData::Element { name, .. } => name.local.to_string(),
                NodeData::Text { contents } => format!("#{}", contents.borrow()),
                _ => "?".to_string(),
            })
            .collect();
        names
    }

    #[test]
    fn foster_parented_nodes_go_before_the_table_in_order() {
        let (dom, _) = parse("<table>a<i>b</i>c<tr><td>d</table>");
        assert_eq!(body_children(&dom), ["#a", "i", "#c", "table"]);
    }

    #[test]
    fn counts_elements_attributes_text_and_comments() {
        // document, html, head, body, p, its 2 attributes, one merged text node, a comment.
        let (_, created) = parse("<p id=a class=b>one<!--c-->two");
        assert_eq!(created, 9 + 1);
        let (_, created) = parse("<p>one&amp;two</p>");
        assert_eq!(created, 6);
    }

    #[test]
    fn repeated_body_tags_merge_attributes_up_to_the_cap() {
        let tags: String = (0..100).map(|i| format!("<body a{i}>")).collect();
        let (dom, _) = parse(&tags);
        let html = dom.document.children.borrow()[0].clone();
        let body = html.children.borrow()[1].clone();
        let NodeData::Element { name, attrs, .. } = &body.data else {
            panic!("body is an element");
        };
        assert_eq!(&*name.local, "body");
        assert_eq!(attrs.borrow().len(), MAX_MERGED_ATTRIBUTES);
        assert_eq!(&*attrs.borrow()[0].name.local, "a0");
    }

    #[test]
    fn misnested_formatting_is_repaired_as_html5ever_does() {
        let (dom, _) = parse("<b>1<p>2</b>3</p>");
        assert_eq!(body_children(&dom), ["b", "p"]);
    }
}
