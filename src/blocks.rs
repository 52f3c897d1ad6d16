//! Stage 3: linearise the page into text blocks and gather their statistics in one pass.
//!
//! A block is a run of inline content between two block-level boundaries (the start or end of
//! a `<p>`, `<div>`, `<li>`, `<td>`, …), as a browser lays it out: `<div>a<p>b</p>c</div>` is
//! three blocks. Blocks come in document order, so the blocks inside any element are a
//! contiguous range ([`Blocks::range`]); with prefix sums ([`crate::stats::Stats`]) every per-element text
//! statistic is then an O(1) difference, and no subtree is ever walked twice.
//!
//! The text of each node is scanned exactly once, here; render reads it again only for the
//! blocks it emits.

use std::collections::HashMap;

use crate::clean::Mark;
use crate::dom::{Kind, NodeId, NodeMap, Tag, Tree};

/// One text block and its statistics. Counts are in characters that are not white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    /// The nearest block-level element around the run.
    pub(crate) owner: NodeId,
    /// The run's first text node.
    pub(crate) first: NodeId,
    /// One past the run's last text node.
    pub(crate) end: NodeId,
    pub(crate) chars: u32,
    /// Characters inside `<a href>`.
    pub(crate) link_chars: u32,
    /// Han, kana, Hangul and Thai characters, which carry a word each.
    pub(crate) cjk_chars: u32,
    pub(crate) words: u32,
    /// `.` `!` `?` and their CJK forms.
    pub(crate) sentence_ends: u32,
    /// `,` and its CJK and Arabic forms.
    pub(crate) commas: u32,
    /// An `<img>` inside the run (an inline image, not a figure beside the text).
    pub(crate) has_image: bool,
    /// Hash of the block's words, lower-cased, to find text repeated on the page.
    pub(crate) hash: u64,
}

impl Block {
    pub(crate) fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// All blocks of a page, and where each element's blocks are.
#[derive(Debug)]
pub(crate) struct Blocks {
    pub(crate) list: Vec<Block>,
    /// For each element, the half-open range of indices of the blocks inside it.
    range: NodeMap<(u32, u32)>,
    /// How often each block's text occurs on the page (1 = once).
    pub(crate) occurrences: Vec<u32>,
}

impl Blocks {
    pub(crate) fn range(&self, id: NodeId) -> std::ops::Range<usize> {
        let (start, end) = self.range[id];
        start as usize..end as usize
    }

    pub(crate) fn get(&self, index: usize) -> Option<&Block> {
        self.list.get(index)
    }
}

/// Split `tree` into blocks, skipping nodes marked [`Mark::SKIP`].
pub(crate) fn linearise(tree: &Tree, marks: &NodeMap<Mark>) -> Blocks {
    let mut builder = Builder {
        list: Vec::new(),
        run: None,
        pending_image: false,
    };
    let mut range = NodeMap::filled(tree, (0u32, 0u32));
    let mut open: Vec<NodeId> = Vec::new();
    let mut owners: Vec<NodeId> = Vec::new();
    for id in tree.ids() {
        close_ended(tree, id, &mut open, &mut owners, &mut builder, &mut range);
        if marks[id].has(Mark::SKIP) {
            continue;
        }
        match tree.kind(id) {
            Kind::Element(tag) => {
                if tag.is_block() {
                    builder.flush();
                    owners.push(id);
                }
                if tag == Tag::Img {
                    builder.note_image();
                }
                range[id].0 = builder.len();
                open.push(id);
            }
            Kind::Text => {
                let Some(owner) = owners.last().copied() else {
                    continue;
                };
                if let Some(text) = tree.text(id) {
                    builder.add_text(id, owner, &text, marks[id].has(Mark::IN_LINK));
                }
            }
            Kind::Other => {}
        }
    }
    close_ended(
        tree,
        NodeId::past_end(tree),
        &mut open,
        &mut owners,
        &mut builder,
        &mut range,
    );
    builder.flush();
    let occurrences = count_occurrences(&builder.list);
    Blocks {
        list: builder.list,
        range,
        occurrences,
    }
}

/// Close the open elements whose subtree ends before `id`, ending their blocks.
fn close_ended(
    tree: &Tree,
    id: NodeId,
    open: &mut Vec<NodeId>,
    owners: &mut Vec<NodeId>,
    builder: &mut Builder,
    range: &mut NodeMap<(u32, u32)>,
) {
    while let Some(&top) = open.last() {
        if tree.end(top) > id {
            break;
        }
        open.pop();
        if owners.last() == Some(&top) {
            builder.flush();
            owners.pop();
        }
        range[top].1 = builder.len() + u32::from(builder.run.is_some());
    }
}

fn count_occurrences(list: &[Block]) -> Vec<u32> {
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(list.len());
    for block in list {
        *counts.entry(block.hash).or_insert(0) += 1;
    }
    list.iter()
        .map(|b| counts.get(&b.hash).copied().unwrap_or(1))
        .collect()
}

struct Builder {
    list: Vec<Block>,
    run: Option<Block>,
    pending_image: bool,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Builder {
    fn len(&self) -> u32 {
        u32::try_from(self.list.len()).unwrap_or(u32::MAX)
    }

    fn note_image(&mut self) {
        match &mut self.run {
            Some(run) => run.has_image = true,
            None => self.pending_image = true,
        }
    }

    fn flush(&mut self) {
        if let Some(run) = self.run.take() {
            if run.chars > 0 {
                self.list.push(run);
            }
        }
        self.pending_image = false;
    }

    fn add_text(&mut self, id: NodeId, owner: NodeId, text: &str, in_link: bool) {
        if self.run.is_none() {
            if text.chars().all(char::is_whitespace) {
                return;
            }
            self.run = Some(Block {
                owner,
                first: id,
                end: id,
                chars: 0,
                link_chars: 0,
                cjk_chars: 0,
                words: 0,
                sentence_ends: 0,
                commas: 0,
                has_image: self.pending_image,
                hash: FNV_OFFSET,
            });
        }
        let Some(run) = self.run.as_mut() else {
            return;
        };
        run.end = id.next();
        let mut in_word = false;
        let mut chars = 0u32;
        for c in text.chars() {
            // Most page text is ASCII: count and hash it without Unicode tables.
            if let Some(b) = u8::try_from(c).ok().filter(u8::is_ascii) {
                if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                    if in_word {
                        run.hash = hash_char(run.hash, ' ');
                    }
                    in_word = false;
                    continue;
                }
                chars += 1;
                run.words += u32::from(!in_word);
                in_word = true;
                match b {
                    b'.' | b'!' | b'?' => run.sentence_ends += 1,
                    b',' => run.commas += 1,
                    _ => {}
                }
                run.hash = (run.hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
                continue;
            }
            if c.is_whitespace() {
                if in_word {
                    run.hash = hash_char(run.hash, ' ');
                }
                in_word = false;
                continue;
            }
            chars += 1;
            if is_cjk(c) {
                run.cjk_chars += 1;
                run.words += 1;
            } else if !in_word {
                run.words += 1;
            }
            in_word = true;
            match c {
                '.' | '!' | '?' | '。' | '！' | '？' => run.sentence_ends += 1,
                ',' | '，' | '、' | '،' => run.commas += 1,
                _ => {}
            }
            run.hash = hash_char(run.hash, c);
        }
        if in_word {
            run.hash = hash_char(run.hash, ' ');
        }
        run.chars += chars;
        if in_link {
            run.link_chars += chars;
        }
    }
}

/// FNV-1a over the lower-cased characters, one space after each word.
fn hash_char(hash: u64, c: char) -> u64 {
    c.to_lowercase().fold(hash, |h, lower| {
        (h ^ u64::from(u32::from(lower))).wrapping_mul(FNV_PRIME)
    })
}

/// The hash a block with the text `text` gets: equal texts up to case and white space hash
/// alike.
pub(crate) fn text_hash(text: &str) -> u64 {
    text.split_whitespace().fold(FNV_OFFSET, |h, word| {
        hash_char(word.chars().fold(h, hash_char), ' ')
    })
}

/// Scripts written without spaces between words: each character is about a word.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0E7F}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{312F}'
        | '\u{31A0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean;

    fn blocks_of(html: &str) -> (Tree, Blocks) {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = linearise(&tree, &marks);
        (tree, blocks)
    }

    #[test]
    fn block_boundaries_follow_block_elements() {
        let (_, blocks) = blocks_of("<div>one <b>two</b><p>three</p>four</div>");
        let chars: Vec<u32> = blocks.list.iter().map(|b| b.chars).collect();
        assert_eq!(chars, [6, 5, 4]);
    }

    #[test]
    fn link_characters_are_counted() {
        let (_, blocks) = blocks_of("<p>read <a href=/x>this link</a>.</p>");
        assert_eq!(blocks.list.len(), 1);
        assert_eq!(blocks.list[0].link_chars, 8);
        assert_eq!(blocks.list[0].chars, 13);
        assert_eq!(blocks.list[0].sentence_ends, 1);
    }

    #[test]
    fn element_ranges_cover_their_blocks() {
        let (tree, blocks) = blocks_of("<p>a</p><div id=x><p>b</p><p>c</p></div><p>d</p>");
        let div = tree
            .ids()
            .find(|&id| tree.tag(id) == Some(Tag::Div))
            .unwrap();
        assert_eq!(blocks.range(div), 1..3);
    }

    #[test]
    fn repeated_text_is_counted_case_and_space_insensitively() {
        let (_, blocks) = blocks_of("<p>Subscribe</p><p> subscribe </p><p>Other</p>");
        assert_eq!(blocks.occurrences, [2, 2, 1]);
    }

    #[test]
    fn text_hash_matches_block_hash() {
        let (_, blocks) = blocks_of("<p>  Hello <b>big</b>\n World </p>");
        assert_eq!(blocks.list[0].hash, text_hash("hello big world"));
    }

    #[test]
    fn cjk_characters_count_as_words() {
        let (_, blocks) = blocks_of("<p>中文字 abc</p>");
        assert_eq!(blocks.list[0].cjk_chars, 3);
        assert_eq!(blocks.list[0].words, 4);
    }
}
