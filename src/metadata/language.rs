//! The page's language: what it declares, unless the script of its text says otherwise.

use super::Declared;
use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{NodeMap, Tree};
use crate::render;

/// The language: `<html lang>`, then `content-language` and other declarations, then the
/// script of the text. A declaration that the text's script contradicts (a page in Chinese that
/// says `en`, a template default) gives way to the script.
pub(super) fn language(
    cx: &Declared,
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
) -> Option<String> {
    let declared = cx
        .page
        .html_lang
        .clone()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            cx.metas
                .first(&[
                    "content-language",
                    "language",
                    "dc.language",
                    "dcterms.language",
                    "og:locale",
                ])
                .map(str::to_string)
        })
        .or_else(|| cx.ld.language.clone())
        .map(|l| l.trim().to_string());
    let script = script_language(tree, marks, blocks);
    match (declared, script) {
        (Some(d), Some(s)) if !primary(&d).eq_ignore_ascii_case(s) => Some(s.to_string()),
        (Some(d), _) => Some(d),
        (None, s) => s.map(str::to_string),
    }
}

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// At least this share of the text's characters in one East Asian script makes the page's
/// language that script's.
const MIN_SCRIPT_SHARE: f32 = 0.3;

/// `zh`, `ja`, `ko` or `th` when most of the text is in that script; Latin and other scripts
/// are shared by too many languages to tell without a model.
fn script_language(tree: &Tree, marks: &NodeMap<Mark>, blocks: &Blocks) -> Option<&'static str> {
    let (chars, cjk) = blocks.list.iter().fold((0u64, 0u64), |(c, k), b| {
        (c + u64::from(b.chars), k + u64::from(b.cjk_chars))
    });
    if chars == 0 || (cjk as f32) < MIN_SCRIPT_SHARE * chars as f32 {
        return None;
    }
    let mut counts = [0u32; 4]; // han, kana, hangul, thai
    for block in blocks.list.iter().filter(|b| b.cjk_chars > 0).take(50) {
        for c in render::block_text(tree, marks, block).chars() {
            let slot = match c {
                '\u{3040}'..='\u{30FF}' => 1,
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => 2,
                '\u{0E00}'..='\u{0E7F}' => 3,
                '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => 0,
                _ => continue,
            };
            if let Some(count) = counts.get_mut(slot) {
                *count += 1;
            }
        }
    }
    let [han, kana, hangul, thai] = counts;
    // Japanese mixes kanji with kana; a few percent of kana is Japanese already.
    if kana * 10 > han + kana {
        Some("ja")
    } else if hangul > han {
        Some("ko")
    } else if thai > han {
        Some("th")
    } else if han > 0 {
        Some("zh")
    } else {
        None
    }
}
