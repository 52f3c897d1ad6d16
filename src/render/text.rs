//! Plain text: one block per paragraph, blocks separated by a blank line, the cells of a table
//! row joined by tabs. The exact shape is documented on [`crate::Article::text`].

use crate::blocks::{Block, Blocks};
use crate::clean::Mark;
use crate::dom::{Kind, NodeId, NodeMap, Tag, Tree};

/// The text of blocks `kept` (indices in document order).
pub(crate) fn text(tree: &Tree, marks: &NodeMap<Mark>, blocks: &Blocks, kept: &[usize]) -> String {
    let mut out = String::new();
    let mut previous_row: Option<NodeId> = None;
    for block in kept.iter().filter_map(|&i| blocks.get(i)) {
        let body = block_text(tree, marks, block);
        if body.is_empty() {
            continue;
        }
        let row = table_row(tree, block);
        if !out.is_empty() {
            let same_row = row.is_some() && row == previous_row;
            out.push_str(if same_row { "\t" } else { "\n\n" });
        }
        out.push_str(&body);
        previous_row = row;
    }
    out
}

/// The `<tr>` of a block that is a whole table cell.
fn table_row(tree: &Tree, block: &Block) -> Option<NodeId> {
    match tree.tag(block.owner) {
        Some(Tag::Td | Tag::Th) => tree
            .parent(block.owner)
            .filter(|&p| tree.tag(p) == Some(Tag::Tr)),
        _ => None,
    }
}

/// The text of one block: white space collapsed (kept inside `<pre>`), `<br>` as a line break.
pub(crate) fn block_text(tree: &Tree, marks: &NodeMap<Mark>, block: &Block) -> String {
    let mut line = LineBuilder::default();
    let mut previous_parent: Option<NodeId> = None;
    let mut id = block.first;
    while id < block.end {
        if marks[id].has(Mark::SKIP) {
            id = tree.end(id);
            continue;
        }
        match tree.kind(id) {
            Kind::Text => {
                if let Some(text) = tree.text(id) {
                    if marks[id].has(Mark::IN_PRE) {
                        line.push_verbatim(&text);
                    } else {
                        let parent = tree.parent(id);
                        if previous_parent.is_some_and(|p| Some(p) != parent)
                            && (is_box_like(tree, previous_parent) || is_box_like(tree, parent))
                        {
                            line.separate_glued_words(&text);
                        }
                        previous_parent = parent;
                        line.push_collapsed(&text);
                    }
                }
            }
            Kind::Element(Tag::Br) => line.break_line(),
            _ => {}
        }
        id = id.next();
    }
    line.finish()
}

/// Inline elements that style sheets commonly lay out as boxes (`display: block` or flex
/// items): a product card's brand and name, a row of links. Not the formatting elements
/// (`<b>`, `<em>`, `<code>`), which sit inside words.
fn is_box_like(tree: &Tree, id: Option<NodeId>) -> bool {
    id.and_then(|id| tree.tag(id))
        .is_some_and(|tag| matches!(tag, Tag::A | Tag::Other | Tag::Label | Tag::Time))
}

/// Builds block text, collapsing white space between words and trimming every line.
#[derive(Default)]
struct LineBuilder {
    out: String,
    pending_space: bool,
}

impl LineBuilder {
    fn push_collapsed(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    /// Between two box-like elements, a word that ends in a letter and a capitalised word
    /// were laid out apart ("Black Diamond" / "Spot 400 Headlamp" in two
    /// spans): keep them apart instead of gluing them into "DiamondSpot".
    fn separate_glued_words(&mut self, next: &str) {
        let ends_in_letter = self
            .out
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        // A capitalised word, not a lone capital: `<var>A</var><var>H</var>` is a formula.
        let mut start = next.chars();
        let capitalised = start.next().is_some_and(char::is_uppercase)
            && start.next().is_some_and(char::is_lowercase);
        if ends_in_letter && capitalised {
            self.pending_space = true;
        }
    }

    fn push_verbatim(&mut self, text: &str) {
        if self.pending_space && !self.out.is_empty() && !self.out.ends_with(char::is_whitespace) {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push_str(text);
    }

    fn break_line(&mut self) {
        self.trim_line_end();
        self.out.push('\n');
        self.pending_space = false;
    }

    fn trim_line_end(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
    }

    fn finish(mut self) -> String {
        // Trim the end of every line, then blank lines at both ends.
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        self.out = lines.join("\n");
        self.out.trim_matches('\n').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{blocks, clean};

    fn render_all(html: &str) -> String {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        let kept: Vec<usize> = (0..blocks.list.len()).collect();
        text(&tree, &marks, &blocks, &kept)
    }

    #[test]
    fn blocks_are_separated_by_blank_lines_and_spaces_collapse() {
        assert_eq!(render_all("<p> a\n  b </p><p>c</p>"), "a b\n\nc");
    }

    #[test]
    fn br_breaks_a_line() {
        assert_eq!(render_all("<p>a<br>b</p>"), "a\nb");
    }

    #[test]
    fn table_cells_share_a_line() {
        assert_eq!(
            render_all("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a\tb\n\nc"
        );
    }

    #[test]
    fn pre_keeps_its_white_space() {
        assert_eq!(
            render_all("<pre>fn main() {\n    x();\n}</pre>"),
            "fn main() {\n    x();\n}"
        );
    }

    #[test]
    fn capitalised_words_in_adjacent_boxes_stay_apart() {
        assert_eq!(
            render_all("<p><span>Black Diamond</span><span>Spot 400 Headlamp</span></p>"),
            "Black Diamond Spot 400 Headlamp"
        );
        assert_eq!(
            render_all("<li><a>HOKA</a><a>Clifton 10</a></li>"),
            "HOKA Clifton 10"
        );
        // Formulas and formatting inside words are not boxes.
        assert_eq!(
            render_all("<p><var>A</var><var>H</var> and Java<b>Script</b>, H<sub>2</sub>O</p>"),
            "AH and JavaScript, H2O"
        );
    }

    #[test]
    fn inline_elements_do_not_add_spaces() {
        assert_eq!(
            render_all("<p>un<b>believ</b>able, <i>really</i></p>"),
            "unbelievable, really"
        );
    }
}
