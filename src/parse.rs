//! Stage 1a: run html5ever under limits, stopping it before it pays superlinear costs.
//!
//! html5ever's tree builder keeps two lists: the stack of open elements, and the list of
//! active formatting elements (`<a>`, `<b>`, `<font>`, … which it re-opens after every block
//! that closed them). Several of its steps scan a whole list, once per token:
//!
//! - a block start tag (`<div>`, `<li>`, `<p>`) scans the open elements for a `<p>` to close,
//!   so 100,000 nested `<div>`s take about a minute (quadratic in the depth);
//! - a formatting start tag compares itself with every entry of the formatting list since the
//!   last table cell (the spec's "Noah's Ark" rule), cloning and sorting both attribute lists
//!   each time, so 10,000 unclosed `<b id=N>`s take 12 s.
//!
//! A `TreeSink` wrapper cannot stop those scans: they happen inside the tree builder. So the
//! tree builder is wrapped one level up, as the tokenizer's [`TokenSink`]: [`Guard`] sees every
//! token before the tree builder does, and after it. Between tokens it takes a census of the
//! tree builder's lists with `TreeBuilder::trace_handles` (the hook html5ever offers to
//! garbage-collected DOMs), and it
//!
//! - stops with [`Error::TooDeep`] as soon as the lists hold more than
//!   [`Limits::max_depth`] elements, by returning `TokenSinkResult::Script`, which makes the
//!   tokenizer return to [`parse`] at once (that is how html5ever hands over a `<script>` to
//!   run) — so a 10 MB page of nested `<div>`s costs the time to parse the first few hundred;
//! - stops with [`Error::TooManyNodes`] when the DOM grows past the node limit;
//! - drops a formatting start tag when [`MAX_FORMATTING_PER_NAME`] elements of that name
//!   are already on the lists: the text it would have formatted is kept.
//!
//! A census walks both lists, so it is not taken after every token. Each token pushes at most
//! [`MAX_PUSHES_PER_TOKEN`] elements of its own, and re-opened formatting elements are bounded
//! by the formatting entries the last census saw; from these, [`Census::tokens_to_skip`]
//! works out how many tokens can pass before the lists could reach the limit. Far below it,
//! a census comes every few dozen tokens; near it, after every token. The depth check is
//! therefore exact: a page is refused if and only if the lists ever held more than the limit.

use std::cell::Cell;

use html5ever::interface::{Tracer, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, LocalName, TokenizerResult};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::extractor::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES};
use crate::sink::Sink;
use crate::{attributes, Error};

/// However large `max_nodes` is, a page may make no more nodes than half its bytes, plus
/// this. Every node of written markup takes two bytes or more (an attribute ` a`, an element
/// `<a>`, a text run and the tag after it), and the pages of the corpus take six or more; only
/// markup that the parser multiplies gets near it: unclosed formatting elements that it
/// re-opens in every following block. The slack covers the elements every page gets without
/// writing them (`<html>`, `<head>`, `<body>`, implied table parts).
pub(crate) const NODE_SLACK: usize = 1024;

/// How many elements of one formatting name (`<b>`, `<font>`, `<a>`, …) may be on the tree
/// builder's lists at once; an element open and in the formatting list counts twice. Each
/// new formatting start tag is compared with every entry of its name, at a cost that grows
/// with its attributes, so this bounds that work per tag. Real pages nest two or three of a
/// name; sloppy ones leave a few more unclosed.
pub(crate) const MAX_FORMATTING_PER_NAME: usize = 12;

/// The most elements one token adds to the stack of open elements by itself, implied parents
/// included (`<td>` directly in a `<table>` adds `<tbody>`, `<tr>` and `<td>`; the first tag
/// of a page adds `<html>` and `<body>`). Re-opened formatting elements are counted apart.
const MAX_PUSHES_PER_TOKEN: usize = 4;

/// The limits one parse runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_depth: usize,
    pub(crate) max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
        }
    }
}

impl Limits {
    /// The node limit for an input of `len` bytes: `max_nodes`, or fewer for a short input.
    pub(crate) fn node_limit(&self, len: usize) -> usize {
        self.max_nodes.min(len / 2 + NODE_SLACK)
    }
}

/// Parses `html` into a DOM, or refuses it when it breaks a limit.
pub(crate) fn parse(html: &str, limits: &Limits) -> Result<RcDom, Error> {
    let node_limit = limits.node_limit(html.len());
    let html = attributes::cap(html);
    let builder = TreeBuilder::new(
        Sink::new(),
        TreeBuilderOpts {
            // `<noscript>` content becomes real nodes (lazy-image fallbacks, "enable
            // JavaScript" notices) that `clean` can judge, instead of one opaque string.
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    );
    let guard = Guard::new(builder, limits.max_depth, node_limit);
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(&*html));
    while tokenizer.sink.stop.get().is_none() {
        // `Script` comes after every `</script>` (html5ever hands over each script to run)
        // and when the guard stops; `EncodingIndicator` after a `<meta charset>`, which
        // changes nothing since the text is decoded already.
        if let TokenizerResult::Done = tokenizer.feed(&input) {
            break;
        }
    }
    if tokenizer.sink.stop.get().is_none() {
        tokenizer.sink.finishing.set(true);
        tokenizer.end();
    }
    let guard = tokenizer.sink;
    match guard.stop.get() {
        Some(Stop::Depth) => Err(Error::TooDeep {
            limit: guard.max_depth,
        }),
        Some(Stop::Nodes) => Err(Error::TooManyNodes {
            limit: guard.max_nodes,
        }),
        None => Ok(guard.builder.sink.finish()),
    }
}

/// Why the guard stopped the parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Depth,
    Nodes,
}

/// The tokenizer's sink: the tree builder, behind the limit checks.
struct Guard {
    builder: TreeBuilder<Handle, Sink>,
    max_depth: usize,
    max_nodes: usize,
    stop: Cell<Option<Stop>>,
    /// Set once the input has ended: html5ever must not be told to pause then.
    finishing: Cell<bool>,
    /// Tokens that may still pass before the next census.
    unchecked: Cell<usize>,
    /// Per formatting name ([`formatting_index`]), its handles at the last census.
    counted: [Cell<usize>; 14],
    /// Per formatting name, twice its start tags let through since the last census: each
    /// adds at most one open element and one formatting entry.
    added: [Cell<usize>; 14],
    /// Whether the last census is of the tree builder as it is: no token went to it since.
    fresh: Cell<bool>,
}

impl Guard {
    fn new(builder: TreeBuilder<Handle, Sink>, max_depth: usize, max_nodes: usize) -> Guard {
        Guard {
            builder,
            max_depth,
            max_nodes,
            stop: Cell::new(None),
            finishing: Cell::new(false),
            unchecked: Cell::new(0),
            counted: Default::default(),
            added: Default::default(),
            fresh: Cell::new(true),
        }
    }

    /// Counts the tree builder's lists and records what the census says about formatting.
    fn census(&self) -> Census {
        let census = Census::default();
        self.builder.trace_handles(&census);
        for ((counted, added), count) in
            self.counted.iter().zip(&self.added).zip(&census.formatting)
        {
            counted.set(count.get());
            added.set(0);
        }
        self.fresh.set(true);
        census
    }

    /// Whether `tag` is a formatting start tag to drop: one whose name already has
    /// [`MAX_FORMATTING_PER_NAME`] handles on the lists.
    ///
    /// Since the last census, the handles of a name grew by at most two per start tag of
    /// that name let through, plus the formatting entries re-opened, which were counted
    /// then. Below the cap by that bound, the tag passes without a census; otherwise a
    /// census (unless the last one is still fresh) gives the exact count.
    fn is_formatting_overflow(&self, tag: &Tag) -> bool {
        if tag.kind != TagKind::StartTag {
            return false;
        }
        let Some(index) = formatting_index(&tag.name) else {
            return false;
        };
        let (Some(counted), Some(added)) = (self.counted.get(index), self.added.get(index)) else {
            return false;
        };
        if counted.get().saturating_mul(2).saturating_add(added.get()) >= MAX_FORMATTING_PER_NAME {
            if !self.fresh.get() {
                self.census();
            }
            if counted.get().saturating_add(added.get()) >= MAX_FORMATTING_PER_NAME {
                return true;
            }
        }
        added.set(added.get().saturating_add(2));
        false
    }

    /// The limit the tree builder's state breaks after a token, if any.
    fn check(&self) -> Option<Stop> {
        if self.builder.sink.created() > self.max_nodes {
            return Some(Stop::Nodes);
        }
        let left = self.unchecked.get();
        if left > 0 {
            self.unchecked.set(left - 1);
            return None;
        }
        let census = self.census();
        if census.depth() > self.max_depth {
            return Some(Stop::Depth);
        }
        self.unchecked.set(census.tokens_to_skip(self.max_depth));
        None
    }

    /// The answer to a token once the parse has stopped: a pause for a tag, so the
    /// tokenizer returns now; other tokens must be answered `Continue` (html5ever asserts
    /// it), and at the end of input nothing may pause.
    fn halt(&self, is_tag: bool) -> TokenSinkResult<Handle> {
        if is_tag && !self.finishing.get() {
            TokenSinkResult::Script(self.builder.sink.get_document())
        } else {
            TokenSinkResult::Continue
        }
    }
}

impl TokenSink for Guard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        let tag = match &token {
            Token::TagToken(tag) => Some(tag),
            _ => None,
        };
        let is_tag = tag.is_some();
        if self.stop.get().is_some() {
            return self.halt(is_tag);
        }
        if tag.is_some_and(|tag| self.is_formatting_overflow(tag)) {
            return TokenSinkResult::Continue;
        }
        let result = self.builder.process_token(token, line_number);
        self.fresh.set(false);
        match self.check() {
            Some(stop) => {
                self.stop.set(Some(stop));
                self.halt(is_tag)
            }
            None => result,
        }
    }

    fn end(&self) {
        if self.stop.get().is_none() {
            self.builder.end();
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The formatting elements of the HTML spec, whose start tags the tree builder compares with
/// its list of active formatting elements, numbered for [`Guard::counted`] and [`Census`].
fn formatting_index(name: &LocalName) -> Option<usize> {
    let index = match *name {
        local_name!("a") => 0,
        local_name!("b") => 1,
        local_name!("big") => 2,
        local_name!("code") => 3,
        local_name!("em") => 4,
        local_name!("font") => 5,
        local_name!("i") => 6,
        local_name!("nobr") => 7,
        local_name!("s") => 8,
        local_name!("small") => 9,
        local_name!("strike") => 10,
        local_name!("strong") => 11,
        local_name!("tt") => 12,
        local_name!("u") => 13,
        _ => return None,
    };
    Some(index)
}

/// What `TreeBuilder::trace_handles` reported: the document, the open elements, the
/// formatting entries, and the `<head>` and `<form>` pointers.
#[derive(Debug, Default)]
struct Census {
    handles: Cell<usize>,
    /// Handles per formatting name ([`formatting_index`]), HTML elements only.
    formatting: [Cell<usize>; 14],
}

impl Tracer for Census {
    type Handle = Handle;

    fn trace_handle(&self, node: &Handle) {
        self.handles.set(self.handles.get().saturating_add(1));
        if let NodeData::Element { name, .. } = &node.data {
            if name.ns == ns!(html) {
                if let Some(count) =
                    formatting_index(&name.local).and_then(|i| self.formatting.get(i))
                {
                    count.set(count.get().saturating_add(1));
                }
            }
        }
    }
}

impl Census {
    /// Elements on the lists and pointers: every handle but the document's.
    fn depth(&self) -> usize {
        self.handles.get().saturating_sub(1)
    }

    /// How many tokens can pass before the depth could exceed `max_depth`.
    ///
    /// Over `t` tokens the open elements grow by at most `MAX_PUSHES_PER_TOKEN` per token,
    /// plus formatting entries re-opened after being closed, which are among those counted
    /// now (and at most [`MAX_FORMATTING_PER_NAME`] per name, since a start tag passes only
    /// below it); the formatting list grows by at most one entry per token, and the `<form>`
    /// pointer may appear once. So the depth stays at most
    /// `depth + reopenable + 1 + (MAX_PUSHES_PER_TOKEN + 1) * t`.
    fn tokens_to_skip(&self, max_depth: usize) -> usize {
        let listed: usize = self
            .formatting
            .iter()
            .map(|count| count.get().min(MAX_FORMATTING_PER_NAME))
            .sum();
        let worst_now = self.depth().saturating_add(listed).saturating_add(1);
        max_depth.saturating_sub(worst_now) / (MAX_PUSHES_PER_TOKEN + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn limits(max_depth: usize) -> Limits {
        Limits {
            max_depth,
            max_nodes: usize::MAX,
        }
    }

    /// A sink around the [`Guard`] that takes a census after every token it passes on,
    /// and keeps the deepest one: what the guard's spaced censuses must never miss.
    struct Probe {
        guard: Guard,
        deepest: Cell<usize>,
    }

    impl TokenSink for Probe {
        type Handle = Handle;

        fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
            let stopped = self.guard.stop.get().is_some();
            let result = self.guard.process_token(token, line_number);
            if !stopped {
                let census = Census::default();
                self.guard.builder.trace_handles(&census);
                self.deepest.set(self.deepest.get().max(census.depth()));
            }
            result
        }

        fn end(&self) {
            self.guard.end();
        }

        fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
            self.guard
                .adjusted_current_node_present_but_not_in_html_namespace()
        }
    }

    /// Whether the guard stopped for depth, and the deepest census of every token.
    fn probe(html: &str, max_depth: usize) -> (bool, usize) {
        let builder = TreeBuilder::new(Sink::new(), TreeBuilderOpts::default());
        let guard = Guard::new(builder, max_depth, usize::MAX);
        let probe = Probe {
            guard,
            deepest: Cell::new(0),
        };
        let tokenizer = Tokenizer::new(probe, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(html));
        while tokenizer.sink.guard.stop.get().is_none() {
            if let TokenizerResult::Done = tokenizer.feed(&input) {
                break;
            }
        }
        let probe = tokenizer.sink;
        (
            probe.guard.stop.get() == Some(Stop::Depth),
            probe.deepest.get(),
        )
    }

    /// Start and end tags of the elements whose nesting the tree builder handles apart:
    /// blocks, lists, tables, formatting elements, foreign content, templates, forms.
    fn nesting_soup() -> impl Strategy<Value = String> {
        let names = prop_oneof![
            Just("div"),
            Just("p"),
            Just("li"),
            Just("ul"),
            Just("table"),
            Just("tr"),
            Just("td"),
            Just("b"),
            Just("i"),
            Just("a"),
            Just("font"),
            Just("span"),
            Just("select"),
            Just("option"),
            Just("svg"),
            Just("math"),
            Just("template"),
            Just("form"),
            Just("caption"),
            Just("col"),
        ];
        let token = (names, 0..4u8, 0..3u8).prop_map(|(name, kind, id)| match kind {
            0 => format!("</{name}>"),
            1 => format!("<{name} id={id}>"),
            2 => "x".to_string(),
            _ => format!("<{name}>"),
        });
        proptest::collection::vec(token, 0..300).prop_map(|tokens| tokens.concat())
    }

    proptest! {
        #[test]
        fn spaced_censuses_stop_exactly_when_a_token_goes_too_deep(
            html in nesting_soup(),
            max_depth in 4..40usize,
        ) {
            let (stopped, deepest) = probe(&html, max_depth);
            prop_assert_eq!(stopped, deepest > max_depth, "deepest {}", deepest);
        }
    }

    #[test]
    fn nesting_just_at_the_limit_parses_and_one_more_is_too_deep() {
        // `<html>`, `<head>` (a pointer once closed), `<body>`, then the divs.
        let at_limit = "<div>".repeat(DEFAULT_MAX_DEPTH - 3);
        assert!(parse(&at_limit, &Limits::default()).is_ok());
        let over = "<div>".repeat(DEFAULT_MAX_DEPTH - 2);
        assert_eq!(
            parse(&over, &Limits::default()).err(),
            Some(Error::TooDeep {
                limit: DEFAULT_MAX_DEPTH
            })
        );
    }

    #[test]
    fn closed_elements_do_not_count() {
        let html = "<div><p>x</p></div>".repeat(10_000);
        assert!(parse(&html, &limits(8)).is_ok());
    }

    #[test]
    fn formatting_elements_past_the_cap_are_dropped_and_their_text_kept() {
        let html = "<b>x".repeat(100);
        let dom = parse(&html, &Limits::default()).unwrap();
        let mut bs = 0;
        let mut stack = vec![dom.document.clone()];
        while let Some(node) = stack.pop() {
            if let NodeData::Element { name, .. } = &node.data {
                bs += usize::from(&*name.local == "b");
            }
            stack.extend(node.children.borrow().iter().cloned());
        }
        // Open `<b>`s count twice while html5ever keeps the last three in its list too.
        assert_eq!(bs, MAX_FORMATTING_PER_NAME - 3);
    }

    #[test]
    fn node_limit_stops_the_parse() {
        let html = "<p>x</p>".repeat(1000);
        let limits = Limits {
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: 100,
        };
        assert_eq!(
            parse(&html, &limits).err(),
            Some(Error::TooManyNodes { limit: 100 })
        );
    }

    #[test]
    fn short_input_may_make_half_as_many_nodes_as_bytes() {
        // Each `<p>` re-opens the 20 `<b>`s closed by the one before: 25 bytes of markup make
        // about 60 nodes and attributes.
        let open: String = (0..20).map(|i| format!("<i id={i}>")).collect();
        let html = format!("<p>{open}{}", "<p>x".repeat(10_000));
        let limit = html.len() / 2 + NODE_SLACK;
        assert_eq!(
            parse(&html, &Limits::default()).err(),
            Some(Error::TooManyNodes { limit })
        );
    }
}
