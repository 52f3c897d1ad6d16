//! Clean HTML from the plan of the kept blocks: only structural and inline tags (`h1`–`h6`,
//! `p`, `ul`/`ol`/`li`, `blockquote`, `dl`/`dt`/`dd`, `pre`/`code`, `table`, `a`, `em`,
//! `strong`, `code`, `img`, `br`), no attributes but `href`, `src`, `alt`, `start` and a code
//! block's `class="language-x"`. Text and attribute values are escaped, and URLs are limited
//! to safe schemes, so the output can be shown as it is.

use crate::dom::NodeId;

use super::inline::{self, push_attribute, push_html_escaped, Dialect, Mode};
use super::plan::{language, pre_text, Container, Leaf, Step};
use super::tables;
use super::Context;

/// The HTML of the planned steps.
pub(crate) fn render(cx: &Context, steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match *step {
            Step::Open(container) => {
                start_block(&mut out);
                out.push_str(&open_tag(container));
            }
            Step::Close(container) => {
                if !matches!(
                    container,
                    Container::Item { .. } | Container::Term | Container::Definition
                ) {
                    start_block(&mut out);
                }
                out.push_str(close_tag(container));
                out.push('\n');
            }
            Step::Leaf(leaf) => leaf_html(cx, leaf, &mut out),
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Block-level tags start on a line of their own.
fn start_block(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn open_tag(container: Container) -> String {
    match container {
        Container::List { ordered: false, .. } => "<ul>\n".into(),
        Container::List {
            ordered: true,
            start,
        } if start != 1 => format!("<ol start=\"{start}\">\n"),
        Container::List { ordered: true, .. } => "<ol>\n".into(),
        Container::Item { .. } => "<li>".into(),
        Container::Quote => "<blockquote>\n".into(),
        Container::Definitions => "<dl>\n".into(),
        Container::Term => "<dt>".into(),
        Container::Definition => "<dd>".into(),
    }
}

fn close_tag(container: Container) -> &'static str {
    match container {
        Container::List { ordered: false, .. } => "</ul>",
        Container::List { ordered: true, .. } => "</ol>",
        Container::Item { .. } => "</li>",
        Container::Quote => "</blockquote>",
        Container::Definitions => "</dl>",
        Container::Term => "</dt>",
        Container::Definition => "</dd>",
    }
}

fn leaf_html(cx: &Context, leaf: Leaf, out: &mut String) {
    match leaf {
        Leaf::Paragraph(index) => wrapped(out, "p", &inline_of(cx, index, Mode::Flow)),
        Leaf::Bare(index) => out.push_str(&inline_of(cx, index, Mode::Flow)),
        Leaf::Heading(level, index) => {
            wrapped(out, &format!("h{level}"), &inline_of(cx, index, Mode::Line));
        }
        Leaf::Code(pre) => code_block(cx, pre, out),
        Leaf::Table(table) => table_html(cx, table, out),
        Leaf::Image(id) => wrapped(out, "p", &inline::image_of(cx, id, Dialect::Html)),
    }
}

fn inline_of(cx: &Context, index: usize, mode: Mode) -> String {
    inline::of_block(cx, index, Dialect::Html, mode)
}

/// `<tag>content</tag>` on a line of its own; nothing for empty content.
fn wrapped(out: &mut String, tag: &str, content: &str) {
    if content.is_empty() {
        return;
    }
    start_block(out);
    for part in ["<", tag, ">", content, "</", tag, ">\n"] {
        out.push_str(part);
    }
}

fn code_block(cx: &Context, pre: NodeId, out: &mut String) {
    start_block(out);
    out.push_str("<pre><code");
    if let Some(language) = language(cx.tree, pre) {
        out.push_str(" class=\"language-");
        push_attribute(out, &language);
        out.push('"');
    }
    out.push('>');
    for c in pre_text(cx, pre).chars() {
        push_html_escaped(out, c);
    }
    out.push_str("</code></pre>\n");
}

/// A table with its first rendered row as the header, spans expanded as in Markdown.
fn table_html(cx: &Context, table: NodeId, out: &mut String) {
    let Some(contents) = tables::contents(cx, table, Dialect::Html) else {
        return;
    };
    if contents.rows.is_empty() && contents.caption.is_none() {
        return;
    }
    start_block(out);
    out.push_str("<table>\n");
    if let Some(caption) = &contents.caption {
        wrapped(out, "caption", caption);
    }
    for (n, row) in contents.rows.iter().enumerate() {
        if n == 0 {
            out.push_str("<thead>\n");
        } else if n == 1 {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        for cell in row {
            let tag = if n == 0 || cell.header { "th" } else { "td" };
            for part in ["<", tag, ">", &cell.text, "</", tag, ">"] {
                out.push_str(part);
            }
        }
        out.push_str("</tr>\n");
        if n == 0 {
            out.push_str("</thead>\n");
        }
    }
    if contents.rows.len() > 1 {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use crate::render::tests::render_all;

    fn html(html: &str) -> String {
        render_all(html).1
    }

    #[test]
    fn lists_nest_inside_their_item() {
        assert_eq!(
            html("<ol start=2><li>a<ul><li>b</li></ul></li><li><p>c</p></li></ol>"),
            "<ol start=\"2\">\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>\n<p>c</p>\n</li>\n</ol>"
        );
    }

    #[test]
    fn code_is_escaped_verbatim() {
        assert_eq!(
            html("<pre class='lang-html'>&lt;b&gt;  x\n</pre>"),
            "<pre><code class=\"language-html\">&lt;b&gt;  x\n</code></pre>"
        );
    }

    #[test]
    fn only_safe_markup_survives() {
        assert_eq!(
            html("<p onclick=x>a <a href='javascript:alert(1)'>b</a> <span style=x>c</span></p>"),
            "<p>a b c</p>"
        );
    }
}
