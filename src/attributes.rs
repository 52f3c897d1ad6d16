//! Stage 0b: cap the number of attributes in one tag, in one linear pass before parsing.
//!
//! html5ever's tokenizer checks each new attribute name against every earlier one of the same
//! tag, so a tag with `n` attributes costs `n²` comparisons: 50,000 attributes take seconds,
//! and the 1.6 million that fit in 10 MB would take most of an hour. The tokenizer cannot be
//! told to stop, so its input is changed instead: [`SPLIT`] (`><embed `) is inserted before
//! the ([`MAX_ATTRIBUTES`] + 1)th attribute of a tag, which ends the tag there and opens an
//! `<embed>` that takes the next attributes, and so on every [`MAX_ATTRIBUTES`]. `<embed>` is
//! the one element that suits: it is void (it holds nothing, so a chain of them does not
//! nest), it leaves SVG and MathML for HTML (where `<wbr>` or `<span>` would nest), and it is
//! never content, so the page's text comes out as it would have.
//!
//! Where a tag starts depends on context the tokenizer knows and a prescan does not: inside
//! a comment, a `<script>` or an attribute value, `<p a b c>` is not a tag. So this pass
//! follows every reading at once: each `<` starts one more possible tag, and every possible
//! tag is followed through the tokenizer's tag states (HTML §13.2.5.6–13.2.5.42) with its count
//! of attributes. Readings that reach the same state are merged, keeping the larger count, so
//! at most one reading per state is alive and the pass stays linear. A reading that is not a
//! real tag can only insert into text the tokenizer does not split into tags there: a
//! comment, a script or style, an attribute value, a `<title>`; or into prose, but only after
//! more than [`MAX_ATTRIBUTES`] words with no `>` that follow a `<` and an unmatched quote.
//! The insertion always follows a space, a `/` or a quote, never `--`, so it cannot end a
//! comment.

use std::borrow::Cow;

/// Attributes one tag may have; the ones after are cut off. Real elements have a few dozen
/// at most (framework data attributes included); 256 costs the tokenizer about 30,000
/// comparisons, a fraction of a millisecond.
pub(crate) const MAX_ATTRIBUTES: u32 = 256;

/// What goes before the attribute past the cap: the end of the tag, and an element for the
/// attributes that follow.
pub(crate) const SPLIT: &[u8] = b"><embed ";

/// The tokenizer's states inside a tag (the spec's names, shortened).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum State {
    TagOpen,
    EndTagOpen,
    TagName,
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    DoubleQuoted,
    SingleQuoted,
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

const STATES: [State; 12] = [
    State::TagOpen,
    State::EndTagOpen,
    State::TagName,
    State::BeforeName,
    State::Name,
    State::AfterName,
    State::BeforeValue,
    State::DoubleQuoted,
    State::SingleQuoted,
    State::Unquoted,
    State::AfterQuoted,
    State::SelfClosing,
];

/// Where one byte takes a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Not a tag after all, or the tag ended.
    Gone,
    To(State),
    /// Into an attribute name: one more attribute.
    NewAttribute,
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The tokenizer's transition from `state` on `byte`, as far as tag boundaries and attribute
/// counts go (character references, NULs and letter case do not matter here).
fn step(state: State, byte: u8) -> Step {
    use State::*;
    use Step::{Gone, NewAttribute, To};
    match state {
        TagOpen if byte == b'/' => To(EndTagOpen),
        TagOpen | EndTagOpen if byte.is_ascii_alphabetic() => To(TagName),
        TagOpen | EndTagOpen => Gone,
        DoubleQuoted if byte == b'"' => To(AfterQuoted),
        SingleQuoted if byte == b'\'' => To(AfterQuoted),
        DoubleQuoted | SingleQuoted => To(state),
        _ if byte == b'>' => Gone,
        Unquoted if is_space(byte) => To(BeforeName),
        Unquoted => To(Unquoted),
        BeforeValue if is_space(byte) => To(BeforeValue),
        BeforeValue if byte == b'"' => To(DoubleQuoted),
        BeforeValue if byte == b'\'' => To(SingleQuoted),
        BeforeValue => To(Unquoted),
        _ if byte == b'/' => To(SelfClosing),
        TagName if is_space(byte) => To(BeforeName),
        TagName => To(TagName),
        Name | AfterName if byte == b'=' => To(BeforeValue),
        Name if is_space(byte) => To(AfterName),
        Name => To(Name),
        AfterName if is_space(byte) => To(AfterName),
        // After a quoted value or a stray `/`, the spec reconsumes the byte in "before
        // attribute name", where anything but space starts an attribute (`=` included).
        BeforeName | AfterQuoted | SelfClosing if is_space(byte) => To(BeforeName),
        BeforeName | AfterName | AfterQuoted | SelfClosing => NewAttribute,
    }
}

/// The live readings: for each state, the most attributes any reading in it has counted.
#[derive(Debug, Clone, Copy, Default)]
struct Readings {
    /// Bit `state as usize` is set when a reading is in that state.
    alive: u16,
    count: [u32; 12],
}

/// The states in which only a closing quote (or a `<`, which starts a new reading) matters.
const QUOTED: u16 = 1 << State::DoubleQuoted as u16 | 1 << State::SingleQuoted as u16;

impl Readings {
    /// The one live reading, when there is exactly one.
    fn single(&self) -> Option<(State, u32)> {
        if self.alive.count_ones() != 1 {
            return None;
        }
        let index = self.alive.trailing_zeros() as usize;
        Some((*STATES.get(index)?, *self.count.get(index)?))
    }

    fn merge(&mut self, state: State, count: u32) {
        let index = state as usize;
        if let Some(slot) = self.count.get_mut(index) {
            let bit = 1 << index;
            *slot = if self.alive & bit == 0 {
                count
            } else {
                (*slot).max(count)
            };
            self.alive |= bit;
        }
    }

    /// The readings after `byte`, and whether one of them went past the attribute cap.
    fn after(&self, byte: u8) -> (Readings, bool) {
        let mut next = Readings::default();
        let mut over = false;
        let mut alive = self.alive;
        while alive != 0 {
            let index = alive.trailing_zeros() as usize;
            alive &= alive - 1;
            let (Some(&state), Some(&count)) = (STATES.get(index), self.count.get(index)) else {
                continue;
            };
            match step(state, byte) {
                Step::Gone => {}
                Step::To(to) => next.merge(to, count),
                Step::NewAttribute => {
                    over |= count >= MAX_ATTRIBUTES;
                    next.merge(State::Name, count.saturating_add(1));
                }
            }
        }
        if byte == b'<' {
            next.merge(State::TagOpen, 0);
        }
        (next, over)
    }

    /// How many bytes from the start of `rest` leave the readings as they are: none is a
    /// `<`, and each keeps every reading in its state. Only the common cases are skipped:
    /// no reading (text), one reading (inside a tag), or only quoted values.
    fn unchanged_run(&self, rest: &[u8]) -> usize {
        let end = if self.alive == 0 {
            rest.iter().position(|&b| b == b'<')
        } else if let Some((state, _)) = self.single() {
            run_in(state, rest)
        } else if self.alive & !QUOTED == 0 {
            rest.iter().position(|&b| matches!(b, b'<' | b'"' | b'\''))
        } else {
            Some(0)
        };
        end.unwrap_or(rest.len())
    }
}

/// Where the run of bytes that keep a reading in `state` ends in `rest`, if it does: the
/// first byte that moves it, or a `<`. The same transitions as [`step`], one state at a time
/// so each loop is a simple byte search.
fn run_in(state: State, rest: &[u8]) -> Option<usize> {
    use State::*;
    let ends = |stop: fn(u8) -> bool| rest.iter().position(|&b| b == b'<' || stop(b));
    match state {
        TagName => ends(|b| is_space(b) || b == b'/' || b == b'>'),
        Name => ends(|b| is_space(b) || matches!(b, b'/' | b'=' | b'>')),
        Unquoted => ends(|b| is_space(b) || b == b'>'),
        DoubleQuoted => ends(|b| b == b'"'),
        SingleQuoted => ends(|b| b == b'\''),
        BeforeName | AfterName | BeforeValue => ends(|b| !is_space(b)),
        TagOpen | EndTagOpen | AfterQuoted | SelfClosing => Some(0),
    }
}

/// `html` with [`SPLIT`] inserted wherever a tag would get more than [`MAX_ATTRIBUTES`]
/// attributes; borrowed unchanged when no tag does, as on every real page.
pub(crate) fn cap(html: &str) -> Cow<'_, str> {
    let cuts = cut_points(html.as_bytes());
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut bytes = Vec::with_capacity(html.len() + cuts.len() * SPLIT.len());
    let mut from = 0;
    for &at in &cuts {
        bytes.extend_from_slice(html.as_bytes().get(from..at).unwrap_or_default());
        bytes.extend_from_slice(SPLIT);
        from = at;
    }
    bytes.extend_from_slice(html.as_bytes().get(from..).unwrap_or_default());
    // Cuts are made before a byte that follows ASCII (space, `/` or a quote), so they fall
    // on character boundaries and the bytes stay UTF-8; the lossy path is never taken.
    Cow::Owned(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Byte offsets before which [`SPLIT`] must go, in increasing order.
fn cut_points(bytes: &[u8]) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut readings = Readings::default();
    let mut at = 0;
    while let Some(rest) = bytes.get(at..).filter(|rest| !rest.is_empty()) {
        at += readings.unchanged_run(rest);
        let Some(&byte) = bytes.get(at) else { break };
        let (next, over) = readings.after(byte);
        readings = if over {
            // The tokenizer will read the inserted bytes first, then this one.
            cuts.push(at);
            let split = SPLIT.iter().fold(readings, |r, &b| r.after(b).0);
            split.after(byte).0
        } else {
            next
        };
        at += 1;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_with(n: u32) -> String {
        let attributes: String = (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect();
        format!("<p{attributes}>text</p>")
    }

    #[test]
    fn pages_under_the_cap_are_borrowed_unchanged() {
        let html = tag_with(MAX_ATTRIBUTES);
        assert!(matches!(cap(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_over_the_cap_ends_before_the_extra_attribute() {
        let html = tag_with(MAX_ATTRIBUTES + 2);
        let kept: String = (0..MAX_ATTRIBUTES)
            .map(|i| format!(" a{i}=\"{i}\""))
            .collect();
        let expected = format!("<p{kept} ><embed a256=\"256\" a257=\"257\">text</p>");
        assert_eq!(cap(&html), expected);
    }

    #[test]
    fn each_embed_takes_the_next_attributes_up_to_the_cap() {
        let html = tag_with(3 * MAX_ATTRIBUTES + 1);
        assert_eq!(cut_points(html.as_bytes()).len(), 3);
        let capped = cap(&html);
        assert_eq!(capped.matches("<embed ").count(), 3);
        assert!(capped.ends_with(" ><embed a768=\"768\">text</p>"));
    }

    #[test]
    fn quoted_values_do_not_count_and_do_not_end_tags() {
        let value: String = (0..1000).map(|i| format!("x{i} ")).collect();
        let html = format!("<p title=\"{value}>\" a b>text");
        assert!(matches!(cap(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_without_spaces_after_quotes_count() {
        let attributes: String = (0..300).map(|i| format!("a{i}=\"\"")).collect();
        let html = format!("<p {attributes}>");
        assert_eq!(cut_points(html.as_bytes()).len(), 1);
    }

    #[test]
    fn a_tag_hidden_from_a_reading_by_an_earlier_quote_is_still_capped() {
        // Inside a comment, `<a title="` opens a quote that a tag-only reading would carry
        // past the comment's end and over the real tag.
        let html = format!("<!-- <a title=\" -->{}", tag_with(MAX_ATTRIBUTES + 1));
        assert_eq!(cut_points(html.as_bytes()).len(), 1);
    }

    #[test]
    fn end_tags_are_capped_too() {
        let attributes: String = (0..300).map(|i| format!(" a{i}")).collect();
        assert_eq!(cut_points(format!("</p{attributes}>").as_bytes()).len(), 1);
    }

    #[test]
    fn two_tags_over_the_cap_are_split_once_each() {
        let html = tag_with(MAX_ATTRIBUTES + 100).repeat(2);
        assert_eq!(cut_points(html.as_bytes()).len(), 2);
    }

    /// The readings pass without its skips: every byte through [`Readings::after`].
    fn cut_points_byte_by_byte(bytes: &[u8]) -> Vec<usize> {
        let mut cuts = Vec::new();
        let mut readings = Readings::default();
        for (at, &byte) in bytes.iter().enumerate() {
            let (next, over) = readings.after(byte);
            readings = if over {
                cuts.push(at);
                SPLIT
                    .iter()
                    .fold(readings, |r, &b| r.after(b).0)
                    .after(byte)
                    .0
            } else {
                next
            };
        }
        cuts
    }

    /// Markup fragments that exercise tag boundaries: quotes, slashes, comments, raw text.
    fn soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let many: String = (0..300).map(|i| format!(" m{i}")).collect();
        let fragment = prop_oneof![
            Just("<p".to_string()),
            Just("</b".to_string()),
            Just("<svg".to_string()),
            Just("<script>".to_string()),
            Just("</script>".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just(">".to_string()),
            Just("/".to_string()),
            Just("=".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just(" ".to_string()),
            Just(" x".to_string()),
            Just(many),
            "[a-z<>=\"' /-]{1,6}",
        ];
        proptest::collection::vec(fragment, 0..40).prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #[test]
        fn skipping_runs_finds_the_same_cuts(html in soup()) {
            proptest::prop_assert_eq!(
                cut_points(html.as_bytes()),
                cut_points_byte_by_byte(html.as_bytes())
            );
        }

        #[test]
        fn no_element_gets_more_than_the_cap(html in soup()) {
            use html5ever::tendril::TendrilSink;
            let capped = cap(&html);
            let dom = html5ever::parse_document(crate::sink::Sink::new(), Default::default())
                .one(&*capped);
            let mut stack = vec![dom.document.clone()];
            while let Some(node) = stack.pop() {
                if let markup5ever_rcdom::NodeData::Element { name, attrs, .. } = &node.data {
                    // `<html>` and `<body>` also get the attributes of repeated tags.
                    if !matches!(&*name.local, "html" | "body") {
                        proptest::prop_assert!(attrs.borrow().len() <= MAX_ATTRIBUTES as usize);
                    }
                }
                stack.extend(node.children.borrow().iter().cloned());
            }
        }
    }
}
