//! Stage 4b: what each block is worth as main content. Pure functions of block statistics.
//!
//! Two readings of a block, both after boilerpipe (Kohlschütter et al., 2010) and jusText
//! (Pomikálek, 2011): a class (bad, short, good) from its length and link density, and a value
//! for choosing the content region: characters of plain text, minus a share of the length of
//! boilerplate blocks, minus a fixed cost per block (menus, bylines and widgets
//! are many short blocks; prose is few long ones).

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, Blocks};
use crate::regions::Region;

/// What a block looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Boilerplate: in a boilerplate region, mostly links, or a keyword list.
    Bad,
    /// Too short to tell: headings, labels, short list items, short sentences.
    Short,
    /// Prose: long enough and not mostly links.
    Good,
}

/// Cost of one block, in characters. Menus and widgets are many short blocks, so this makes
/// them negative; a 200-character paragraph keeps most of its value.
const BLOCK_COST: f32 = 25.0;

/// A boilerplate block counts against a region at this share of its length. Less than one,
/// because boilerplate inside the region is dropped from the output anyway (the newsletter box
/// between two paragraphs), while boilerplate left out of the region costs nothing. Swept on
/// the corpus (0.35, 0.5, 0.7): 0.35 gave the best overall F1 with both seed pages exact.
const BAD_WEIGHT: f32 = 0.35;

/// A block of at least this many weighted plain characters is prose. Swept on the corpus
/// (40, 45, 60, 80): 45 kept the most short paragraphs of service and forum pages.
const GOOD_MIN_CHARS: u32 = 45;

/// Text repeated on the page and shorter than this is a widget label ("Subscribe", a section
/// name in both the header and the footer menu): it counts against the region around it, as
/// boilerplate does. It is not dropped inside the chosen region, where repeated short text is
/// content (table cells such as "Yes", product specs, step labels): dropping it there cost
/// 0.003 overall F1 (wcxb-dev product and service pages, readability lwn-1, liberation-1).
/// Longer repeats are prose the page quotes again, which every corpus gold keeps.
const REPEATED_MAX_CHARS: u32 = 80;

/// Weighted length: a Han, kana or Hangul character carries about as much as a short word,
/// so it counts three times, which puts Chinese prose and English prose on one scale.
pub(crate) fn weighted(chars: u32, cjk_chars: u32) -> u32 {
    chars.saturating_add(cjk_chars.saturating_mul(2))
}

fn weighted_plain(block: &Block) -> f32 {
    weighted(block.chars, block.cjk_chars) as f32 * (1.0 - block.link_density())
}

/// The class of block `index` in `blocks`, given the region it sits in.
pub(crate) fn classify(blocks: &Blocks, index: usize, region: Region) -> Class {
    let Some(block) = blocks.get(index) else {
        return Class::Bad;
    };
    let density = block.link_density();
    let plain = weighted_plain(block);
    if region.is_not_content()
        || density >= 0.5
        || (density > 0.3 && plain < 50.0)
        || is_keyword_list(block)
    {
        Class::Bad
    } else if plain >= GOOD_MIN_CHARS as f32 {
        Class::Good
    } else {
        Class::Short
    }
}

/// A keyword list has at least this many words; shorter comma runs are tag lines or
/// addresses, which the listing and product golds keep.
const KEYWORD_LIST_MIN_WORDS: u32 = 40;

/// A list of search keywords pasted into a page ("actions, bag, aim, definition, …"): a comma
/// at least every second word and hardly a sentence end. Prose has a sentence end every 15 to
/// 25 words and a comma every 8 to 15. A looser test (a comma every third word) cost the page
/// it serves (encodings ru-windows-1251-cleaneval); an earlier test on comma density alone cost
/// 0.011 overall, because it caught the specification lists of product pages.
fn is_keyword_list(block: &Block) -> bool {
    let words = block.words;
    words >= KEYWORD_LIST_MIN_WORDS
        && block.sentence_ends.saturating_mul(50) < words
        && block.commas.saturating_mul(2) >= words
}

/// The value of a block for choosing the content region: positive for prose, negative for
/// boilerplate.
pub(crate) fn value(blocks: &Blocks, index: usize, class: Class) -> f32 {
    let Some(block) = blocks.get(index) else {
        return 0.0;
    };
    let weight = weighted(block.chars, block.cjk_chars) as f32;
    let occurrences = blocks.occurrences.get(index).copied().unwrap_or(1);
    let repeated = occurrences > 1 && block.chars < REPEATED_MAX_CHARS;
    match class {
        Class::Bad => -BAD_WEIGHT * (weight + 10.0),
        Class::Short | Class::Good if repeated => -BAD_WEIGHT * (weight + 10.0),
        Class::Short | Class::Good => weighted_plain(block) - BLOCK_COST,
    }
}

/// Short blocks that end an article: the heading of its comment thread or of the teasers after
/// it (boilerpipe's terminating blocks). A bare "Comments" or "Response" is not one: articles
/// use them as section headings (three readability and cleaneval golds). Must match "13 Comments", "Leave a Reply", "Related
/// stories", "More from Business", "You may also like", "Also on HuffPost:"; must not match a
/// sentence that merely starts with such a word ("Comments made by the minister…" is longer
/// than a terminator may be) or "See also", which reference pages keep.
static TERMINATOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?ix)
          ^\d+\s+(?:comments?|responses?|replies|reactions|kommentare|commentaires|comentarios)\b\W*$
        | ^(?:leave|post|add|write|join)\s+(?:a|the|your)\s+(?:comment|reply|discussion)
        | ^(?:related|recommended|more|popular|trending|recent|latest|similar)\s+
           (?:articles?|stories|posts|news|reads?|content|comments|videos|from\b)
        | ^(?:you\s+(?:may|might)\s+also\s+like|read\s+next|also\s+on\s|more\s+from\s
           |recommended\s+for\s+you|most\s+popular|most\s+read)
        # Chinese: related articles, previous / next post. Reply and comment markers (回复,
        # 评论, 楼层) were tried too and cost chinese-cwced 0.007: they open sections inside
        # its articles.
        | ^(?:相关(?:文章|阅读|新闻|报道|日志)|上一篇|下一篇)",
    )
});

/// Labels of a "see also" box inside an article, in the corpus's main languages: the box's
/// links are dropped as link lists, but its label is short text that would stay. Unlike
/// [`TERMINATOR`], the article often goes on after it ("Leggi anche", "Lesen Sie auch" sit
/// mid-article: cutting there lost text on lastampa.it and franceculture.fr snippet pages and on
/// readability cnet-svg-classes), so only the label itself goes.
static ASIDE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?ix)
          ^(?:mehr\s+zum\s+thema|lesen\s+sie\s+(?:auch|mehr)|das\s+k[öo]nnte\s+sie\s+auch\s+interessieren
          |[äa]hnliche\s+artikel|weitere\s+artikel
          |[àa]\s+lire\s+aussi|lire\s+aussi|sur\s+le\s+m[êe]me\s+sujet
          |lea\s+tambi[ée]n|lee\s+tambi[ée]n|ver\s+tambi[ée]n|art[íi]culos\s+relacionados
          |veja\s+tamb[ée]m|leia\s+tamb[ée]m|saiba\s+mais
          |leggi\s+anche|articoli\s+correlati
          |czytaj\s+(?:tak[żz]e|te[żz])|zobacz\s+(?:tak[żz]e|te[żz])|przeczytaj\s+(?:tak[żz]e|te[żz])
          |read\s+(?:also|more)|see\s+more|explore\s+further)\W*$",
    )
});

/// Is `text` (one short block) the label of a "see also" box?
pub(crate) fn is_aside_label(text: &str) -> bool {
    ASIDE_LABEL.is_match(text.trim())
}

/// Page furniture that reads like a sentence: an invitation to follow the site on social
/// networks, in the corpus's main languages ("Síguenos en Telegram, Instagram, Facebook y
/// Twitter…"), an appeal for support after the article ("If you enjoyed reading this post…",
/// "Sie lesen gern …?"), a photo credit standing alone ("(Credit: Clayton Aldern / Grist)",
/// "Foto: dpa"), and a PHP warning printed into the page ("Warning: Creating default
/// object … on line 407").
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    crate::regex(
        r"(?ix)
          ^(?:follow|folge|folgen|suivez|s[íi]gue(?:nos|me)|siga|seguici|segui|obserwuj|volg
             |like\s+us|find\s+us|join\s+us)\b
           .*\b(?:facebook|twitter|instagram|telegram|youtube|linkedin|whatsapp|tiktok|x\.com)\b
           .*\b(?:facebook|twitter|instagram|telegram|youtube|linkedin|whatsapp|tiktok|x\.com)\b
        | ^(?:php\s+)?(?:warning|notice|deprecated|fatal\s+error|parse\s+error):\s.*\son\s+line\s+\d+
        | ^\(?(?:image|photo|picture|foto|bild|credits?)(?:\s+credits?)?\s*:\s*[^.!?]{1,80}\)?$
        | ^if\s+you\s+(?:enjoyed|liked|like|appreciate|found\s+value\s+in)\s+(?:this|reading|our)\b
        | ^(?:sie\s+lesen\s+gern|unterst[üu]tzen\s+sie\s+(?:uns|unabh)|support\s+(?:us|our\s+journalism|independent))",
    )
});

/// Page furniture is at most this long, in characters.
pub(crate) const CHROME_MAX_CHARS: u32 = 300;

/// Is `text` (one block) page furniture rather than article text?
pub(crate) fn is_chrome(text: &str) -> bool {
    CHROME.is_match(text.trim())
}

/// The longest text a terminating block may have, in characters.
pub(crate) const TERMINATOR_MAX_CHARS: u32 = 40;

/// Does `text` (one short block) end the article?
pub(crate) fn is_terminator(text: &str) -> bool {
    TERMINATOR.is_match(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminating_blocks() {
        for text in [
            "13 Comments",
            "Leave a Reply",
            "Related stories",
            "More from Business",
            "You may also like",
            "Also on HuffPost:",
            "Recent Comments",
            "相关文章",
            "上一篇：长发剪了",
        ] {
            assert!(is_terminator(text), "{text}");
        }
        for text in [
            "See also",
            "Comments",
            "Response",
            "Comments made by the minister",
            "Related to this",
            "Morestories",
        ] {
            assert!(!is_terminator(text), "{text}");
        }
    }

    #[test]
    fn aside_labels() {
        for text in [
            "Veja Também:",
            "Mehr zum Thema",
            "Leggi anche",
            "Read also:",
            "À lire aussi",
        ] {
            assert!(is_aside_label(text), "{text}");
        }
        for text in ["Mehr zum Thema Wein im Burgenland", "Read", "See also"] {
            assert!(!is_aside_label(text), "{text}");
        }
    }

    #[test]
    fn page_chrome() {
        for text in [
            "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones",
            "Follow us on Twitter and Facebook",
            "Warning: Creating default object from empty value in /www/wp-includes/classes.php on line 407",
            "If you enjoyed reading this post, please consider supporting our work.",
            "Sie lesen gern Achgut.com?",
            "(Credit: Clayton Aldern / Grist)",
            "Foto: dpa",
        ] {
            assert!(is_chrome(text), "{text}");
        }
        for text in [
            "Facebook, Instagram and WhatsApp were down for six hours on Monday.",
            "Follow the money, the senator said.",
            "Warning: the road is closed.",
            "If you like hiking, the trail is open again.",
            "Photo: the river at dawn. It rose two metres overnight.",
        ] {
            assert!(!is_chrome(text), "{text}");
        }
    }

    #[test]
    fn keyword_lists_are_not_prose() {
        let keywords = "actions, bag, aim, definition, acid, atmosphere, welfare, doubt, laws, \
            display, persons, establishment, song, college, towns, index, village, america, \
            investment, oil, cup, lines, january, goods, animals, culture, weight, increase, \
            context, station, representation, businesses, assets, delivery, chain, ring, \
            ministry, fall, meat, victim, expansion, flow";
        let prose = "The agency places staff into professional careers in three cities. \
            Its consultants have worked in senior positions, and they listen to each client \
            as though it were the first one. Fifteen years of multilingual recruitment taught \
            them that much.";
        let html = format!("<body><p>{prose}</p><p>{prose}</p><p>{keywords}</p></body>");
        let article = crate::extract(&html).unwrap();
        assert!(article.text.contains("fifteen years") || article.text.contains("Fifteen years"));
        assert!(!article.text.contains("atmosphere"), "{}", article.text);
        // The same words with sentence ends are a paragraph, kept.
        let sentences = keywords.replace(", ", ". ");
        let html = format!("<body><p>{prose}</p><p>{sentences}</p></body>");
        assert!(crate::extract(&html).unwrap().text.contains("atmosphere"));
    }
}
