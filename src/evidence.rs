//! What an element's attributes say about it: class and id tokens, ARIA roles, `hidden`,
//! inline `display: none`, `itemprop`. Read once per element while indexing, stored as bits.
//!
//! Class and id values are split into tokens at white space, and each token into words at `-`,
//! `_`, `:`, digits and camelCase humps (`articleBody` → `article`, `body`). Words are matched
//! whole, never as substrings: `shadow` is not `ad`, `header-image` is a header but
//! `leaderboard` is not `header`. A token opening with a layout or state word (`has-sidebar`,
//! `no-comments`, `with-ads`, `l-sidebar-fixed`) describes the page around it, not the element,
//! so it gives no boilerplate evidence.

use crate::dom::Tag;

/// Bit set of attribute evidence for one element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence(u16);

impl Evidence {
    /// Navigation, menus, sidebars, footers, share bars, ads, newsletter boxes, cookie banners.
    pub(crate) const BOILERPLATE: Evidence = Evidence(1);
    /// Comment threads and reply forms.
    pub(crate) const COMMENTS: Evidence = Evidence(1 << 1);
    /// Not rendered: `hidden`, `aria-hidden="true"`, `display: none`, screen-reader-only text.
    pub(crate) const HIDDEN: Evidence = Evidence(1 << 2);
    /// Words that name content: article, content, entry, post, story, body, text, main.
    pub(crate) const POSITIVE: Evidence = Evidence(1 << 3);
    /// `itemprop="articleBody"` or an article-body class: the strongest content signal.
    pub(crate) const ARTICLE_BODY: Evidence = Evidence(1 << 4);
    /// Bylines, dates, author boxes, post meta lines.
    pub(crate) const BYLINE: Evidence = Evidence(1 << 5);
    /// Captions and photo credits.
    pub(crate) const CAPTION: Evidence = Evidence(1 << 6);
    /// A link that goes nowhere on its own: `href="#…"` or `javascript:`.
    pub(crate) const FRAGMENT_LINK: Evidence = Evidence(1 << 7);
    /// An `<input>` of type `hidden`: not a visible form control.
    pub(crate) const HIDDEN_INPUT: Evidence = Evidence(1 << 8);
    /// `role="main"`.
    pub(crate) const MAIN_ROLE: Evidence = Evidence(1 << 9);
    /// Hidden by an inline style (`display:none`, `visibility:hidden`), which scripts undo:
    /// frameworks hide the whole page this way until they have run.
    pub(crate) const HIDDEN_BY_STYLE: Evidence = Evidence(1 << 10);
    /// A consent banner or a dialog over the page: boilerplate however much text it holds,
    /// since cookie-category explanations can outweigh a short forum thread or product page.
    pub(crate) const OVERLAY: Evidence = Evidence(1 << 11);
    /// A checkbox, slider or colour picker: a product card's "compare" box or a filter, not
    /// the field of a sign-up, search or login box. Radio buttons still count (polls), and
    /// so do input buttons (cleaneval's "buy" boxes are widgets).
    pub(crate) const TICK_INPUT: Evidence = Evidence(1 << 12);

    pub(crate) fn has(self, other: Evidence) -> bool {
        self.0 & other.0 != 0
    }

    fn add(&mut self, other: Evidence) {
        self.0 |= other.0;
    }
}

/// Evidence from the attributes of one element, as `(name, value)` pairs.
pub(crate) fn of_attributes<'a>(
    tag: Tag,
    attributes: impl Iterator<Item = (&'a str, &'a str)>,
) -> Evidence {
    let mut evidence = Evidence::default();
    let mut names = Evidence::default();
    for (name, value) in attributes {
        match name {
            "class" => {
                for token in value.split_ascii_whitespace() {
                    names.add(of_token(token));
                }
            }
            // An id of many words is a slug made from a heading (Sphinx, most CMSs):
            // `sharing-with-a-single-developer` names a section, not a share bar.
            "id" if word_ranges(value).count() <= MAX_ID_WORDS => names.add(of_token(value)),
            "role" => evidence.add(of_role(value)),
            "hidden" => evidence.add(Evidence::HIDDEN),
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => {
                evidence.add(Evidence::HIDDEN)
            }
            "style" if is_hidden_style(value) => evidence.add(Evidence::HIDDEN_BY_STYLE),
            "itemprop" if value.split_ascii_whitespace().any(|v| v == "articleBody") => {
                evidence.add(Evidence::ARTICLE_BODY)
            }
            "href" if tag == Tag::A && is_fragment_href(value) => {
                evidence.add(Evidence::FRAGMENT_LINK)
            }
            "type" if tag == Tag::Input && value.trim().eq_ignore_ascii_case("hidden") => {
                evidence.add(Evidence::HIDDEN_INPUT)
            }
            "type" if tag == Tag::Input && is_tick_input(value) => {
                evidence.add(Evidence::TICK_INPUT)
            }
            _ => {}
        }
    }
    // A content name on the element outweighs boilerplate words in its other names:
    // WordPress marks the post itself `hentry author-kgs tag-credit-card-rewards`.
    if names.has(Evidence::POSITIVE) || names.has(Evidence::ARTICLE_BODY) {
        names.0 &= !(Evidence::BOILERPLATE.0
            | Evidence::OVERLAY.0
            | Evidence::COMMENTS.0
            | Evidence::BYLINE.0
            | Evidence::CAPTION.0);
    }
    evidence.add(names);
    evidence
}

fn is_tick_input(kind: &str) -> bool {
    ["checkbox", "range", "color"]
        .iter()
        .any(|k| kind.trim().eq_ignore_ascii_case(k))
}

fn is_fragment_href(href: &str) -> bool {
    let href = href.trim_start();
    href.starts_with('#')
        || href
            .get(..11)
            .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
}

/// `display:none` or `visibility:hidden` in an inline style, in any spacing or case.
fn is_hidden_style(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

fn of_role(role: &str) -> Evidence {
    let mut evidence = Evidence::default();
    for role in role.split_ascii_whitespace() {
        match role.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "banner" | "contentinfo" | "complementary"
            | "search" | "toolbar" => evidence.add(Evidence::BOILERPLATE),
            // Not `tablist`: accordions and tab sets put it around their panels, which hold
            // FAQ answers and service descriptions (wcxb-dev service pages); a strip of tab
            // labels is short links, boilerplate by its link density alone.
            "dialog" | "alertdialog" => evidence.add(Evidence::BOILERPLATE | Evidence::OVERLAY),
            "main" => evidence.add(Evidence::POSITIVE | Evidence::MAIN_ROLE),
            "article" => evidence.add(Evidence::POSITIVE),
            _ => {}
        }
    }
    evidence
}

/// Ids with more words than this are slugs of headings or titles.
const MAX_ID_WORDS: usize = 3;

/// Tokens longer than this are generated (hashes, serialized state) and say nothing.
const MAX_TOKEN_LEN: usize = 48;

fn of_token(token: &str) -> Evidence {
    // Lower-case into a stack buffer: this runs for every class token of every element, and
    // allocating per token and per word was a visible share of the whole extraction.
    let mut buffer = [0u8; MAX_TOKEN_LEN];
    let Some(lower) = buffer.get_mut(..token.len()) else {
        return Evidence::default();
    };
    lower.copy_from_slice(token.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return Evidence::default();
    };
    if let Some(evidence) = of_whole_token(lower) {
        return evidence;
    }
    let mut words = word_ranges(token).filter_map(|range| lower.get(range));
    let Some(first) = words.next() else {
        return Evidence::default();
    };
    if is_layout_prefix(first) {
        return Evidence::default();
    }
    let mut evidence = of_word(first);
    let mut searched = first == "search";
    let mut results = false;
    let mut counted = is_count(first);
    for word in words {
        searched |= word == "search";
        results |= matches!(word, "results" | "result" | "page");
        let meaning = of_word(word);
        // `zen-one-sidebar-second`, `panel-two-col-sidebar-right`: a count before the
        // boilerplate word describes the page's columns, not the element.
        if counted && meaning.has(Evidence::BOILERPLATE) && !evidence.has(Evidence::BOILERPLATE) {
            return Evidence::default();
        }
        counted |= is_count(word);
        evidence.add(meaning);
    }
    // `search-results` and `search-page-wrapper` hold a search page's hits, its content; only
    // the search box itself is a widget.
    if searched && results {
        evidence.0 &= !Evidence::BOILERPLATE.0;
    }
    // One token such as `article-footer` or `post-comments` names both; the boilerplate word
    // is the more specific one.
    if evidence.has(Evidence::BOILERPLATE)
        || evidence.has(Evidence::COMMENTS)
        || evidence.has(Evidence::BYLINE)
        || evidence.has(Evidence::CAPTION)
    {
        evidence.0 &= !(Evidence::POSITIVE.0 | Evidence::ARTICLE_BODY.0);
    }
    evidence
}

/// Whole tokens with a meaning of their own (mostly visually-hidden utility classes).
fn of_whole_token(token: &str) -> Option<Evidence> {
    match token {
        "hidden" | "hide" | "is-hidden" | "d-none" | "display-none" | "invisible" | "sr-only"
        | "screen-reader-text" | "screen-reader-only" | "visually-hidden" | "visuallyhidden"
        | "element-invisible" | "offscreen" | "u-hidden" | "hidden-text" => Some(Evidence::HIDDEN),
        "articlebody" | "article-body" | "article_body" | "articletext" | "article-text"
        | "entry-content" | "post-content" | "post-body" | "postbody" | "story-body"
        | "storybody" | "article-content" | "article__body" | "article__content" | "post-entry"
        | "entry-body" | "body-text" | "bodytext" | "main-content" | "page-content"
        | "content-body" => Some(Evidence::ARTICLE_BODY | Evidence::POSITIVE),
        _ => None,
    }
}

/// Numbers of columns or sidebars in layout names.
fn is_count(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "single" | "double" | "triple"
    )
}

/// Words that open a token describing layout or state rather than the element itself.
fn is_layout_prefix(word: &str) -> bool {
    matches!(
        word,
        "has" | "with" | "no" | "without" | "show" | "l" | "layout" | "js" | "is" | "enable"
    )
}

fn of_word(word: &str) -> Evidence {
    match word {
        "nav" | "navbar" | "navigation" | "navlinks" | "menu" | "menus" | "submenu"
        | "megamenu" | "breadcrumb" | "breadcrumbs" | "crumbs" | "pagination" | "pager"
        | "sidebar" | "sidebars" | "footer" | "masthead" | "header" | "share" | "shares"
        | "sharing" | "sharebar" | "social" | "socials" | "addthis" | "related" | "recommended"
        | "recommendations" | "recirc" | "newsletter" | "newsletters" | "subscribe"
        | "subscription" | "signup" | "promo" | "promos" | "promotion" | "advert"
        | "advertisement" | "advertising" | "ads" | "ad" | "adsense" | "sponsor" | "sponsored"
        | "banner" | "popup" | "modal" | "toolbar" | "tagcloud" | "copyright" | "outbrain"
        | "taboola" | "skip" | "skiplink" | "login" | "signin" | "search" | "trending"
        | "popular" | "mostread" | "teaser" | "teasers" | "sitemap" | "topbar" | "bottombar"
        | "tags" | "print" | "rss" | "shoutbox" | "disclaimer" => Evidence::BOILERPLATE,
        "cookie" | "cookies" | "consent" | "gdpr" => Evidence::BOILERPLATE | Evidence::OVERLAY,
        "comment" | "comments" | "commentlist" | "disqus" | "respond" | "replies" => {
            Evidence::COMMENTS
        }
        "byline" | "author" | "authors" | "dateline" | "meta" | "timestamp" | "posted" => {
            Evidence::BYLINE
        }
        "caption" | "captions" | "credit" | "credits" | "figcaption" | "wp-caption" => {
            Evidence::CAPTION
        }
        "article" | "content" | "entry" | "post" | "story" | "body" | "text" | "main"
        | "hentry" | "prose" | "markdown" | "blog" => Evidence::POSITIVE,
        _ => Evidence::default(),
    }
}

impl std::ops::BitOr for Evidence {
    type Output = Evidence;
    fn bitor(self, other: Evidence) -> Evidence {
        Evidence(self.0 | other.0)
    }
}

/// The byte ranges of the words of a class or id token: runs of ASCII letters, split again
/// at camelCase humps (`articleBody` → `article`, `Body`).
fn word_ranges(token: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = token.as_bytes();
    let mut position = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(position..)?;
        let start = position + rest.iter().position(u8::is_ascii_alphabetic)?;
        let mut end = start + 1;
        while let Some(&b) = bytes.get(end) {
            let previous_is_lower = bytes.get(end - 1).is_some_and(u8::is_ascii_lowercase);
            if !b.is_ascii_alphabetic() || (b.is_ascii_uppercase() && previous_is_lower) {
                break;
            }
            end += 1;
        }
        position = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(value: &str) -> Evidence {
        of_attributes(Tag::Div, [("class", value)].into_iter())
    }

    #[test]
    fn tokens_split_at_dashes_and_camel_case() {
        assert_eq!(
            word_ranges("articleBody-main_x2")
                .map(|r| &"articleBody-main_x2"[r])
                .collect::<Vec<_>>(),
            ["article", "Body", "main", "x"]
        );
    }

    #[test]
    fn words_match_whole_not_as_substrings() {
        assert!(!class("shadow leaderboard loading").has(Evidence::BOILERPLATE));
        assert!(class("site-footer").has(Evidence::BOILERPLATE));
        assert!(class("ShareBar").has(Evidence::BOILERPLATE));
    }

    #[test]
    fn search_results_are_not_the_search_box() {
        assert!(class("search-form").has(Evidence::BOILERPLATE));
        assert!(class("site-search").has(Evidence::BOILERPLATE));
        assert_eq!(class("search-results"), Evidence::default());
        assert_eq!(class("searchResultList"), Evidence::default());
        assert_eq!(class("search-page-wrapper"), Evidence::default());
    }

    #[test]
    fn column_counts_describe_the_layout() {
        assert_eq!(class("zen-one-sidebar-second"), Evidence::default());
        assert_eq!(
            class("panel-two-col-sidebar-right-mix"),
            Evidence::default()
        );
        assert!(class("sidebar-one").has(Evidence::BOILERPLATE));
        assert!(class("footer-two-cols").has(Evidence::BOILERPLATE));
    }

    #[test]
    fn layout_prefixes_give_no_boilerplate_evidence() {
        assert_eq!(
            class("has-sidebar no-comments l-sidebar-fixed"),
            Evidence::default()
        );
    }

    #[test]
    fn boilerplate_word_wins_over_content_word_in_one_token() {
        let e = class("article-footer");
        assert!(e.has(Evidence::BOILERPLATE));
        assert!(!e.has(Evidence::POSITIVE));
        assert!(class("post-comments").has(Evidence::COMMENTS));
    }

    #[test]
    fn content_name_outweighs_slug_words_in_other_tokens() {
        let e = class("hentry post author-kgs tag-credit-card-rewards");
        assert!(e.has(Evidence::POSITIVE));
        assert!(!e.has(Evidence::BYLINE));
        assert!(!e.has(Evidence::CAPTION));
    }

    #[test]
    fn slug_ids_are_not_names() {
        let slug = of_attributes(
            Tag::Div,
            [("id", "sharing-with-a-single-developer")].into_iter(),
        );
        assert_eq!(slug, Evidence::default());
        let id = of_attributes(Tag::Div, [("id", "share-bar")].into_iter());
        assert!(id.has(Evidence::BOILERPLATE));
    }

    #[test]
    fn article_body_markers() {
        assert!(class("entry-content").has(Evidence::ARTICLE_BODY));
        let itemprop = of_attributes(Tag::Div, [("itemprop", "articleBody")].into_iter());
        assert!(itemprop.has(Evidence::ARTICLE_BODY));
    }

    #[test]
    fn hidden_markers() {
        assert!(class("sr-only").has(Evidence::HIDDEN));
        assert!(!class("hidden-xs").has(Evidence::HIDDEN));
        let style = of_attributes(
            Tag::Div,
            [("style", "color:red; DISPLAY : none")].into_iter(),
        );
        assert!(style.has(Evidence::HIDDEN_BY_STYLE));
        let aria = of_attributes(Tag::Div, [("aria-hidden", "true")].into_iter());
        assert!(aria.has(Evidence::HIDDEN));
    }

    #[test]
    fn fragment_links() {
        let a = of_attributes(Tag::A, [("href", "#top")].into_iter());
        assert!(a.has(Evidence::FRAGMENT_LINK));
        let b = of_attributes(Tag::A, [("href", "/page#x")].into_iter());
        assert!(!b.has(Evidence::FRAGMENT_LINK));
    }
}
