//! The inline content of one block, for Markdown and HTML: text, links, emphasis, code spans,
//! images and line breaks.
//!
//! [`block`] walks the block's node range with an explicit stack of open inline elements
//! (opened on the way in, closed when the walk passes the end of their subtree), and feeds an
//! [`Inline`] writer. The writer opens markup lazily, at the first visible character inside
//! it, and closes it before any pending space, so `<b>word </b>` gives `**word** ` and an empty
//! `<em></em>` gives nothing.

use crate::blocks::Block;
use crate::clean::Mark;
use crate::dom::{Kind, NodeId, Tag, Tree};

use super::{links, Context};

/// Inline elements between a block's first text node and its owner that are opened at the
/// start of the block. A deeper stack of formatting is pathological; it is rendered as text.
const MAX_INLINE_ANCESTORS: usize = 64;

/// An inline element the formats render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Span {
    /// A link to this absolute (or, without a base URL, relative) URL.
    Link(String),
    Emphasis,
    Strong,
    Code,
}

/// An image: its resolved source and its alternative text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    pub(crate) src: String,
    pub(crate) alt: String,
}

/// Write the inline content of `block` to `out`.
pub(crate) fn block(cx: &Context, block: &Block, out: &mut Inline) {
    let tree = cx.tree;
    let mut open: Vec<NodeId> = Vec::new();
    for ancestor in inline_ancestors(tree, block) {
        if let Some(span) = span(cx, ancestor) {
            out.open(span);
            open.push(ancestor);
        }
    }
    let mut id = block.first;
    while id < block.end {
        while open.last().is_some_and(|&top| tree.end(top) <= id) {
            open.pop();
            out.close();
        }
        if cx.marks[id].has(Mark::SKIP) {
            id = tree.end(id);
            continue;
        }
        match tree.kind(id) {
            Kind::Text => {
                if let Some(text) = tree.text(id) {
                    out.text(&text);
                }
            }
            Kind::Element(Tag::Br) => out.line_break(),
            Kind::Element(Tag::Img) => {
                if let Some(image) = image(cx, id) {
                    out.image(&image);
                }
            }
            Kind::Element(_) => {
                if let Some(span) = span(cx, id) {
                    out.open(span);
                    open.push(id);
                }
            }
            Kind::Other => {}
        }
        id = id.next();
    }
    for _ in open {
        out.close();
    }
}

/// Block `index` rendered as one line or paragraph of `dialect`.
pub(crate) fn of_block(cx: &Context, index: usize, dialect: Dialect, mode: Mode) -> String {
    let mut out = Inline::new(dialect, mode);
    if let Some(block) = cx.blocks.get(index) {
        self::block(cx, block, &mut out);
    }
    out.finish()
}

/// The image `<img>` element `id` shows, rendered in `dialect`; empty when it has none.
pub(crate) fn image_of(cx: &Context, id: NodeId, dialect: Dialect) -> String {
    let mut out = Inline::new(dialect, Mode::Flow);
    if let Some(found) = image(cx, id) {
        out.image(&found);
    }
    out.finish()
}

/// The elements between the block's first text node and its owner, outermost first.
fn inline_ancestors(tree: &Tree, block: &Block) -> Vec<NodeId> {
    let mut ancestors = Vec::new();
    let mut node = tree.parent(block.first);
    while let Some(id) = node {
        if id == block.owner || ancestors.len() == MAX_INLINE_ANCESTORS {
            break;
        }
        ancestors.push(id);
        node = tree.parent(id);
    }
    ancestors.reverse();
    ancestors
}

/// The span element `id` renders as, if any.
fn span(cx: &Context, id: NodeId) -> Option<Span> {
    match cx.tree.tag(id)? {
        Tag::A if cx.options.links => cx
            .tree
            .attr(id, "href")
            .and_then(|href| links::link(cx.base.as_ref(), &href))
            .map(Span::Link),
        Tag::Em | Tag::I => Some(Span::Emphasis),
        Tag::Strong | Tag::B => Some(Span::Strong),
        Tag::Code => Some(Span::Code),
        _ => None,
    }
}

/// Attributes that hold an image's URL, best first: lazy-loading scripts put the real one in
/// `data-src` (and friends) and a placeholder in `src`.
const IMAGE_SOURCES: [&str; 4] = ["src", "data-src", "data-original", "data-lazy-src"];

/// The image `<img>` element `id` shows, when images are rendered and it has a usable source.
pub(crate) fn image(cx: &Context, id: NodeId) -> Option<Image> {
    let tree = cx.tree;
    if !cx.options.images || is_icon(tree, id) {
        return None;
    }
    let base = cx.base.as_ref();
    let src = IMAGE_SOURCES
        .iter()
        .filter_map(|name| tree.attr(id, name))
        .find_map(|src| links::image(base, &src))
        .or_else(|| {
            ["srcset", "data-srcset"]
                .iter()
                .filter_map(|name| tree.attr(id, name))
                .find_map(|set| first_in_srcset(&set).and_then(|src| links::image(base, src)))
        })?;
    let alt = tree
        .attr(id, "alt")
        .map(|alt| crate::metadata::collapse(&alt))
        .unwrap_or_default();
    Some(Image { src, alt })
}

/// A declared width or height below this is an icon or a tracking pixel, not a picture.
const MIN_IMAGE_SIDE: u32 = 50;

fn is_icon(tree: &Tree, id: NodeId) -> bool {
    ["width", "height"].iter().any(|side| {
        tree.attr_is(id, side, |v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|v| v < MIN_IMAGE_SIDE)
        })
    })
}

/// The first URL of a `srcset` ("a.jpg 1x, b.jpg 2x").
fn first_in_srcset(set: &str) -> Option<&str> {
    set.split(',').next()?.split_ascii_whitespace().next()
}

/// Which markup [`Inline`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Markdown,
    Html,
}

/// Where the inline content goes, which decides what a line break becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A paragraph: a `<br>` is a hard line break.
    Flow,
    /// A heading: one line, a `<br>` is a space.
    Line,
    /// A table cell: one line in Markdown (`|` escaped), `<br>` kept in HTML.
    Cell,
}

/// An open span: its markup, and whether the opening markup was written yet.
#[derive(Debug)]
struct Open {
    span: Span,
    emitted: bool,
    /// Inside a span of the same kind (`<b><strong>`), or inside a Markdown code span: no
    /// markup of its own.
    silent: bool,
}

/// Writes inline content as Markdown or HTML, with white space collapsed as a browser does.
#[derive(Debug)]
pub(crate) struct Inline {
    dialect: Dialect,
    mode: Mode,
    out: String,
    pending_space: bool,
    pending_break: bool,
    spans: Vec<Open>,
    /// The text of a Markdown code span being written: its backtick fence depends on it.
    code: Option<String>,
    /// Where a `]` ended a text node, until the next character shows whether it needs escaping.
    bracket: Option<usize>,
}

impl Inline {
    pub(crate) fn new(dialect: Dialect, mode: Mode) -> Inline {
        Inline {
            dialect,
            mode,
            out: String::new(),
            pending_space: false,
            pending_break: false,
            spans: Vec::new(),
            code: None,
            bracket: None,
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        if let Some(code) = self.code.as_mut() {
            push_collapsed(code, text);
            return;
        }
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            self.flush();
            match self.dialect {
                Dialect::Markdown => {
                    self.escape_last_bracket(c);
                    let previous = self.out.chars().next_back();
                    let next = chars.peek().copied();
                    if c == ']' && next.is_none() {
                        self.bracket = Some(self.out.len());
                    } else if self.needs_escape(c, previous, next) {
                        self.out.push('\\');
                    }
                    self.out.push(c);
                }
                Dialect::Html => push_html_escaped(&mut self.out, c),
            }
        }
    }

    /// Markdown punctuation that would turn text into markup, escaped only where it would:
    /// footnote marks (`[3]`), `snake_case` and `2 * 3` stay readable. `*` inside a word is
    /// escaped, since it can open emphasis there; `]` only before `(` (a link) or `:` (a
    /// reference definition), as no other bracket can become markup without a definition.
    fn needs_escape(&self, c: char, previous: Option<char>, next: Option<char>) -> bool {
        let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let spaced = |c: Option<char>| c.is_some_and(char::is_whitespace);
        match c {
            '\\' | '`' | '<' => true,
            '*' => !(spaced(previous) && spaced(next)),
            ']' => matches!(next, Some('(' | ':')),
            '_' => !(in_word(previous) && in_word(next)),
            '|' => self.mode == Mode::Cell,
            _ => false,
        }
    }

    /// A `]` that ended the previous text node is escaped if `c` follows it directly and would
    /// make it a link or a definition.
    fn escape_last_bracket(&mut self, c: char) {
        if let Some(at) = self.bracket.take() {
            if self.out.len() == at + 1 && matches!(c, '(' | ':') {
                self.out.insert(at, '\\');
            }
        }
    }

    pub(crate) fn open(&mut self, span: Span) {
        let same_open = self.spans.iter().any(|o| !o.silent && o.span == span);
        let silent = same_open
            || self.code.is_some()
            || (matches!(span, Span::Link(_)) && self.spans.iter().any(|o| is_link(&o.span)));
        if span == Span::Code && !silent && self.dialect == Dialect::Markdown {
            self.code = Some(String::new());
        }
        self.spans.push(Open {
            span,
            emitted: false,
            silent,
        });
    }

    pub(crate) fn close(&mut self) {
        let Some(open) = self.spans.pop() else { return };
        if open.silent {
            return;
        }
        if open.span == Span::Code && self.dialect == Dialect::Markdown {
            if let Some(code) = self.code.take() {
                self.code_span(code.trim());
            }
            return;
        }
        if open.emitted {
            let close = self.close_markup(&open.span);
            self.out.push_str(&close);
        }
    }

    pub(crate) fn line_break(&mut self) {
        if self.code.is_some() {
            self.text(" ");
        } else if self.mode == Mode::Line
            || (self.mode == Mode::Cell && self.dialect == Dialect::Markdown)
        {
            self.pending_space = true;
        } else {
            self.pending_break = true;
            self.pending_space = false;
        }
    }

    pub(crate) fn image(&mut self, image: &Image) {
        if self.code.is_some() {
            return;
        }
        self.flush();
        match self.dialect {
            Dialect::Markdown => {
                self.out.push_str("![");
                push_escaped_label(&mut self.out, &image.alt);
                self.out.push_str("](");
                push_markdown_url(&mut self.out, &image.src);
                self.out.push(')');
            }
            Dialect::Html => {
                self.out.push_str("<img src=\"");
                push_attribute(&mut self.out, &image.src);
                self.out.push_str("\" alt=\"");
                push_attribute(&mut self.out, &image.alt);
                self.out.push_str("\">");
            }
        }
    }

    /// The content written, with every span closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.spans.is_empty() {
            self.close();
        }
        if self.dialect == Dialect::Markdown && self.mode == Mode::Flow {
            escape_line_starts(&self.out)
        } else {
            self.out
        }
    }

    /// Before visible content: the pending break or space, then the markup of spans opened
    /// since the last visible content.
    fn flush(&mut self) {
        if !self.out.is_empty() {
            if self.pending_break {
                self.out.push_str(match self.dialect {
                    Dialect::Markdown => "\\\n",
                    Dialect::Html => "<br>\n",
                });
            } else if self.pending_space {
                self.out.push(' ');
            }
        }
        self.pending_break = false;
        self.pending_space = false;
        for index in 0..self.spans.len() {
            let markup = match self.spans.get(index) {
                Some(open) if !open.emitted && !open.silent => self.open_markup(&open.span),
                _ => continue,
            };
            self.out.push_str(&markup);
            if let Some(open) = self.spans.get_mut(index) {
                open.emitted = true;
            }
        }
    }

    fn open_markup(&self, span: &Span) -> String {
        match (self.dialect, span) {
            (Dialect::Markdown, Span::Link(_)) => "[".into(),
            (Dialect::Markdown, Span::Emphasis) => "*".into(),
            (Dialect::Markdown, Span::Strong) => "**".into(),
            (Dialect::Markdown, Span::Code) => String::new(),
            (Dialect::Html, Span::Link(href)) => {
                let mut tag = String::from("<a href=\"");
                push_attribute(&mut tag, href);
                tag.push_str("\">");
                tag
            }
            (Dialect::Html, Span::Emphasis) => "<em>".into(),
            (Dialect::Html, Span::Strong) => "<strong>".into(),
            (Dialect::Html, Span::Code) => "<code>".into(),
        }
    }

    fn close_markup(&self, span: &Span) -> String {
        match (self.dialect, span) {
            (Dialect::Markdown, Span::Link(href)) => {
                let mut close = String::from("](");
                push_markdown_url(&mut close, href);
                close.push(')');
                close
            }
            (Dialect::Markdown, Span::Emphasis) => "*".into(),
            (Dialect::Markdown, Span::Strong) => "**".into(),
            (Dialect::Markdown, Span::Code) => String::new(),
            (Dialect::Html, Span::Link(_)) => "</a>".into(),
            (Dialect::Html, Span::Emphasis) => "</em>".into(),
            (Dialect::Html, Span::Strong) => "</strong>".into(),
            (Dialect::Html, Span::Code) => "</code>".into(),
        }
    }

    /// A Markdown code span: a fence one backtick longer than any run of backticks inside.
    fn code_span(&mut self, code: &str) {
        if code.is_empty() {
            return;
        }
        self.flush();
        let fence = "`".repeat(longest_run(code, '`') + 1);
        let pad = if code.starts_with('`') || code.ends_with('`') {
            " "
        } else {
            ""
        };
        let code = if self.mode == Mode::Cell {
            code.replace('|', "\\|")
        } else {
            code.to_string()
        };
        for part in [fence.as_str(), pad, &code, pad, &fence] {
            self.out.push_str(part);
        }
    }
}

fn is_link(span: &Span) -> bool {
    matches!(span, Span::Link(_))
}

/// Append `text` with runs of white space collapsed to one space.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// The longest run of `c` in `text`.
pub(crate) fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for d in text.chars() {
        run = if d == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

pub(crate) fn push_html_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c => out.push(c),
    }
}

/// `text` escaped for an HTML attribute value in double quotes.
pub(crate) fn push_attribute(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            c => push_html_escaped(out, c),
        }
    }
}

/// An image's alternative text inside `![…]`.
fn push_escaped_label(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A URL inside `(…)`: the characters that would end or split the destination are
/// percent-encoded (a resolved URL has none; a relative one kept as written may).
pub(crate) fn push_markdown_url(out: &mut String, url: &str) {
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
}

/// Escape what would make a line of text a Markdown block: `# `, `> `, `- `, `+ `, `1. `, a
/// line of `=` or `-` (a setext underline), a `~~~` fence. Text in the middle of a line is
/// escaped as it is written.
fn escape_line_starts(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&escape_line_start(line));
    }
    out
}

fn escape_line_start(line: &str) -> String {
    let first = line.chars().next();
    let second = line.chars().nth(1);
    let spaced = |c: Option<char>| c.is_none_or(|c| c == ' ');
    let escape_first = match first {
        Some('>') => true,
        Some('#') => {
            let hashes = line.chars().take_while(|&c| c == '#').count();
            hashes <= 6 && spaced(line.chars().nth(hashes))
        }
        Some('-' | '+') => spaced(second) || line.chars().all(|c| c == '-'),
        Some('=') => line.chars().all(|c| c == '='),
        Some('~') => line.starts_with("~~~"),
        _ => false,
    };
    if escape_first {
        return format!("\\{line}");
    }
    // An ordered list marker: up to nine digits, then `.` or `)`, then a space or the end.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let marker = line.chars().nth(digits);
        if matches!(marker, Some('.' | ')')) && spaced(line.chars().nth(digits + 1)) {
            let (number, rest) = line.split_at(digits);
            return format!("{number}\\{rest}");
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(build: impl FnOnce(&mut Inline)) -> String {
        let mut out = Inline::new(Dialect::Markdown, Mode::Flow);
        build(&mut out);
        out.finish()
    }

    #[test]
    fn spaces_move_outside_emphasis_and_empty_emphasis_vanishes() {
        let md = markdown(|w| {
            w.text("a ");
            w.open(Span::Strong);
            w.text(" bold ");
            w.close();
            w.open(Span::Emphasis);
            w.close();
            w.text("c");
        });
        assert_eq!(md, "a **bold** c");
    }

    #[test]
    fn code_span_fence_outgrows_backticks_inside() {
        let md = markdown(|w| {
            w.open(Span::Code);
            w.text("a `b` *c*");
            w.close();
        });
        assert_eq!(md, "``a `b` *c*``");
    }

    #[test]
    fn markdown_punctuation_in_text_is_escaped() {
        let md = markdown(|w| w.text("2 * 3 [x] a*b snake_case _y_\n# no [l](u)"));
        assert_eq!(md, "2 * 3 [x] a\\*b snake_case \\_y\\_ # no [l\\](u)");
        let md = markdown(|w| {
            w.text("[l]");
            w.text("(u) [3]");
            w.text(" x");
        });
        assert_eq!(md, "[l\\](u) [3] x");
        assert_eq!(
            escape_line_starts("# a\n1. b\n2024 c\n---"),
            "\\# a\n1\\. b\n2024 c\n\\---"
        );
    }

    #[test]
    fn a_line_break_never_ends_a_block() {
        let md = markdown(|w| {
            w.text("a");
            w.line_break();
            w.text("b");
            w.line_break();
        });
        assert_eq!(md, "a\\\nb");
    }

    #[test]
    fn html_text_and_attributes_are_escaped() {
        let mut out = Inline::new(Dialect::Html, Mode::Flow);
        out.open(Span::Link("/a?b=1&c=\"2\"".into()));
        out.text("<x> & y");
        out.close();
        assert_eq!(
            out.finish(),
            "<a href=\"/a?b=1&amp;c=&quot;2&quot;\">&lt;x&gt; &amp; y</a>"
        );
    }
}
