//! Markdown (CommonMark with GFM tables) from the plan of the kept blocks.
//!
//! Containers become line prefixes: `> ` for a quote, the item marker on an item's first line
//! and as many spaces on the lines after it, so nested lists, quotes in lists and code in
//! quotes all indent the CommonMark way. Items of a list are tight (one line break apart);
//! other blocks are a blank line apart.

use crate::dom::NodeId;

use super::inline::{self, longest_run, Dialect, Mode};
use super::plan::{language, pre_text, Container, Leaf, Step};
use super::tables;
use super::Context;

/// The Markdown of the planned steps.
pub(crate) fn render(cx: &Context, steps: &[Step]) -> String {
    let mut writer = Writer::default();
    for step in steps {
        match *step {
            Step::Open(container) => writer.open(container),
            Step::Close(_) => writer.close(),
            Step::Leaf(leaf) => {
                for body in leaf_bodies(cx, leaf) {
                    writer.block(&body);
                }
            }
        }
    }
    writer.out
}

/// The Markdown blocks of one leaf: one, or a caption and a table, or none when it is empty.
fn leaf_bodies(cx: &Context, leaf: Leaf) -> Vec<String> {
    let body = match leaf {
        Leaf::Paragraph(index) | Leaf::Bare(index) => inline_of(cx, index, Mode::Flow),
        Leaf::Heading(level, index) => {
            let text = inline_of(cx, index, Mode::Line);
            if text.is_empty() {
                text
            } else {
                format!("{} {text}", "#".repeat(usize::from(level)))
            }
        }
        Leaf::Code(pre) => code_block(cx, pre),
        Leaf::Table(table) => return table_bodies(cx, table),
        Leaf::Image(id) => inline::image_of(cx, id, Dialect::Markdown),
    };
    if body.is_empty() {
        Vec::new()
    } else {
        vec![body]
    }
}

fn inline_of(cx: &Context, index: usize, mode: Mode) -> String {
    inline::of_block(cx, index, Dialect::Markdown, mode)
}

/// A fenced code block, its white space exactly as in the page.
fn code_block(cx: &Context, pre: NodeId) -> String {
    let code = pre_text(cx, pre);
    let code = code.strip_suffix('\n').unwrap_or(&code);
    let fence = "`".repeat((longest_run(code, '`') + 1).max(3));
    let language = language(cx.tree, pre).unwrap_or_default();
    format!("{fence}{language}\n{code}\n{fence}")
}

/// A GFM table; its first rendered row is the header, as GFM requires one.
fn table_bodies(cx: &Context, table: NodeId) -> Vec<String> {
    let Some(contents) = tables::contents(cx, table, Dialect::Markdown) else {
        return Vec::new();
    };
    let mut bodies: Vec<String> = contents.caption.into_iter().collect();
    let mut lines = Vec::with_capacity(contents.rows.len() + 1);
    for (n, row) in contents.rows.iter().enumerate() {
        let cells: Vec<&str> = row.iter().map(|cell| cell.text.as_str()).collect();
        lines.push(format!("| {} |", cells.join(" | ")));
        if n == 0 {
            lines.push(format!("|{}", " --- |".repeat(row.len())));
        }
    }
    if !lines.is_empty() {
        bodies.push(lines.join("\n"));
    }
    bodies
}

/// An open container, as it prefixes lines.
#[derive(Debug)]
enum Frame {
    Quote,
    List,
    /// A list item; its marker goes on the first line written inside it.
    Item {
        marker: String,
        pending: bool,
    },
    /// A definition list, term or definition: no prefix.
    Plain,
}

#[derive(Debug, Default)]
struct Writer {
    out: String,
    /// Open containers, outermost first, each with whether nothing was written in it yet.
    frames: Vec<(Frame, bool)>,
}

/// Containers deeper than this add no prefix: each level lengthens every line inside it, so a
/// page of thousands of nested quotes would render quadratically large.
const MAX_NESTING: usize = 32;

impl Writer {
    fn open(&mut self, container: Container) {
        if self.frames.len() >= MAX_NESTING {
            self.frames.push((Frame::Plain, true));
            return;
        }
        let frame = match container {
            Container::Quote => Frame::Quote,
            Container::List { .. } => Frame::List,
            Container::Item { number } => Frame::Item {
                marker: number.map_or_else(|| "- ".to_string(), |n| format!("{n}. ")),
                pending: true,
            },
            Container::Definitions | Container::Term | Container::Definition => Frame::Plain,
        };
        self.frames.push((frame, true));
    }

    fn close(&mut self) {
        self.frames.pop();
    }

    /// Write one block (possibly of several lines) in the open containers.
    fn block(&mut self, body: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
            if !self.is_tight() {
                let blank = self.prefix(false, true);
                self.out.push_str(blank.trim_end());
                self.out.push('\n');
            }
        }
        for (n, line) in body.split('\n').enumerate() {
            if n > 0 {
                self.out.push('\n');
            }
            let prefix = self.prefix(n == 0, false);
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(&prefix);
                self.out.push_str(line);
            }
        }
        for (frame, fresh) in &mut self.frames {
            *fresh = false;
            if let Frame::Item { pending, .. } = frame {
                *pending = false;
            }
        }
    }

    /// The prefix of a line: on the first line of a block, the markers of items opened for
    /// it; for the blank line before a block, only the containers that were open before it.
    fn prefix(&self, first_line: bool, blank_line: bool) -> String {
        let mut prefix = String::new();
        for (frame, fresh) in &self.frames {
            if blank_line && *fresh {
                break;
            }
            match frame {
                Frame::Quote => prefix.push_str("> "),
                Frame::Item { marker, pending } if first_line && *pending => {
                    prefix.push_str(marker);
                }
                Frame::Item { marker, .. } => prefix.push_str(&" ".repeat(marker.len())),
                Frame::List | Frame::Plain => {}
            }
        }
        prefix
    }

    /// A block that starts a list item after a sibling item, or a nested list right under its
    /// parent item's text, follows on the next line: a tight list.
    fn is_tight(&self) -> bool {
        let Some(item) = self
            .frames
            .iter()
            .rposition(|(f, _)| matches!(f, Frame::Item { pending: true, .. }))
        else {
            return false;
        };
        let list = item.checked_sub(1).and_then(|i| self.frames.get(i));
        let above = item.checked_sub(2).and_then(|i| self.frames.get(i));
        match list {
            Some((Frame::List, fresh)) => {
                !fresh || matches!(above, Some((Frame::Item { pending: false, .. }, _)))
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::render::tests::render_all;

    fn markdown(html: &str) -> String {
        render_all(html).0
    }

    #[test]
    fn nested_lists_indent_under_their_item() {
        assert_eq!(
            markdown("<ul><li>a<ol start=3><li>b</li><li>c</li></ol></li><li>d</li></ul>"),
            "- a\n  3. b\n  4. c\n- d"
        );
    }

    #[test]
    fn quotes_prefix_every_line_and_blank_line() {
        assert_eq!(
            markdown("<p>x</p><blockquote><p>a</p><p>b<br>c</p></blockquote><p>y</p>"),
            "x\n\n> a\n>\n> b\\\n> c\n\ny"
        );
    }

    #[test]
    fn code_blocks_keep_white_space_and_language() {
        assert_eq!(
            markdown("<pre><code class='language-rust'>fn f() {\n\tx();  \n\n}\n</code></pre>"),
            "```rust\nfn f() {\n\tx();  \n\n}\n```"
        );
    }

    #[test]
    fn headings_keep_their_level() {
        assert_eq!(markdown("<h3>a <em>b</em></h3><p>c</p>"), "### a *b*\n\nc");
    }

    #[test]
    fn data_tables_expand_spans_under_a_header() {
        assert_eq!(
            markdown(
                "<table><tr><th>a</th><th>b</th></tr>\
                 <tr><td colspan=2>c</td></tr><tr><td>d|e</td><td>f</td></tr></table>"
            ),
            "| a | b |\n| --- | --- |\n| c | c |\n| d\\|e | f |"
        );
    }

    #[test]
    fn deep_nesting_stops_adding_prefixes() {
        // 400 levels: deep past the 32-level cap, within the parser's depth limit (512).
        let md = markdown(&"<blockquote><p>x</p>".repeat(400));
        let last = md.lines().last().unwrap_or_default();
        assert_eq!(last, format!("{}x", "> ".repeat(32)));
        assert!(md.len() < 400 * 200, "{} bytes", md.len());
    }

    #[test]
    fn layout_tables_are_unwrapped() {
        assert_eq!(
            markdown("<table><tr><td><p>a</p><p>b</p></td></tr></table>"),
            "a\n\nb"
        );
    }
}
