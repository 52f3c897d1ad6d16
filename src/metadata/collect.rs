//! One pass over the tree that gathers every metadata source: `<meta>` tags, JSON-LD blocks,
//! `<title>`, `<html lang>`, `<link rel>`s, `<time>`s, microdata (`itemprop`), and the small
//! elements whose class or id names a byline or a date. The extractors read only this.

use std::sync::LazyLock;

use regex::Regex;

use crate::dom::{NodeId, Tag, Tree};

/// What the pass found, in document order.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// `(key, content)` of every `<meta>` (and microdata element) with a `content`: the key is
    /// its `property`, `name`, `itemprop` or `http-equiv`, lower-cased.
    pub(super) metas: Vec<(String, String)>,
    /// The text of every `<script type="application/ld+json">`.
    pub(super) json_ld: Vec<String>,
    /// The first `<title>`'s text, white space collapsed.
    pub(super) title: Option<String>,
    /// The `lang` of `<html>`.
    pub(super) html_lang: Option<String>,
    /// `href` of the first `<link rel="canonical">`.
    pub(super) canonical: Option<String>,
    /// `href` of the first `<link rel="image_src">`.
    pub(super) image_link: Option<String>,
    /// `(hreflang, href)` of every `<link rel="alternate" hreflang>`: the page in each language.
    pub(super) alternates: Vec<(String, String)>,
    /// Microdata elements without a `content`, whose text or `datetime` is the value.
    pub(super) itemprops: Vec<(ItemProp, NodeId)>,
    /// `<time>` elements.
    pub(super) times: Vec<NodeId>,
    /// `<h1>` elements, shown or not: a page-title block hidden for all but screen readers
    /// still names the page.
    pub(super) h1s: Vec<NodeId>,
    /// Small elements that name an author: `rel="author"` links, `class="byline"`, `author`.
    pub(super) author_nodes: Vec<NodeId>,
    /// Small elements whose class or id names a date: `date`, `time`, `published`, `byline`,
    /// `meta`.
    pub(super) date_nodes: Vec<NodeId>,
    /// `rel="tag"` links.
    pub(super) tag_links: Vec<NodeId>,
    /// `rel="category"` links.
    pub(super) category_links: Vec<NodeId>,
}

/// The microdata properties read from element text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemProp {
    Author,
    DatePublished,
    DateModified,
}

/// More candidates of one kind than this are page furniture repeated in a list (every teaser's
/// byline), and the ones that matter come first anyway.
const MAX_NODES: usize = 40;

/// A byline or date element holds a line of text, not a section: at most this many nodes.
const MAX_SUBTREE: usize = 60;

/// Class or id words of an author element: `byline`, `author`, `article-author`, `writer`.
/// Not `authority` or `co-authored-list`… (the word must end there).
static AUTHOR_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?i)(?:byline|author|writer|autor|auteur|creator)(?:s|name|_name|-name|info)?(?:$|[^a-z])",
    )
});

/// Class or id words of a date element: `date`, `post-date`, `published`, `timestamp`,
/// `entry-meta`, `dateline`, `byline`. The text must still read as a date.
static DATE_CLASS: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"(?i)date|time|publish|posted|byline|meta|datum|fecha|data"));

/// Gather the metadata sources of `tree` in one pass.
pub(super) fn page(tree: &Tree) -> Page {
    let mut page = Page::default();
    // Script, style and template subtrees hold no metadata but JSON-LD: skipped up to here.
    let mut skipping: Option<NodeId> = None;
    for id in tree.ids() {
        if skipping.is_some_and(|end| id < end) {
            continue;
        }
        skipping = None;
        let Some(tag) = tree.tag(id) else {
            continue;
        };
        match tag {
            Tag::Meta => read_meta(tree, id, &mut page),
            Tag::Script => {
                if is_json_ld(tree, id) {
                    page.json_ld.push(text(tree, id, usize::MAX));
                }
                skipping = Some(tree.end(id));
                continue;
            }
            Tag::Style | Tag::Template | Tag::Svg => {
                skipping = Some(tree.end(id));
                continue;
            }
            Tag::Title if page.title.is_none() => {
                page.title = Some(text(tree, id, 2000)).filter(|t| !t.is_empty());
            }
            Tag::Html if page.html_lang.is_none() => {
                page.html_lang = tree.attr(id, "lang").or_else(|| tree.attr(id, "xml:lang"));
            }
            Tag::Link => read_link(tree, id, &mut page),
            Tag::Time => push(&mut page.times, id),
            Tag::H1 => push(&mut page.h1s, id),
            _ => {}
        }
        read_element(tree, id, tag, &mut page);
    }
    page
}

fn push(list: &mut Vec<NodeId>, id: NodeId) {
    if list.len() < MAX_NODES {
        list.push(id);
    }
}

fn is_json_ld(tree: &Tree, id: NodeId) -> bool {
    tree.attr_is(id, "type", |t| {
        t.trim().eq_ignore_ascii_case("application/ld+json")
    })
}

fn read_meta(tree: &Tree, id: NodeId, page: &mut Page) {
    let Some(content) = tree.attr(id, "content") else {
        return;
    };
    let content = collapse(&content);
    if content.is_empty() {
        return;
    }
    for attribute in ["property", "name", "itemprop", "http-equiv"] {
        // RDFa lets one `<meta>` give several properties: `property="og:title twitter:title"`.
        if let Some(keys) = tree.attr(id, attribute) {
            for key in keys.split_whitespace() {
                page.metas.push((meta_key(key), content.clone()));
            }
        }
    }
}

/// A `<meta>` key, lower-cased, with Dublin Core's RDFa prefixes written the HTML way:
/// `dc:creator` and `DC.creator` are the same property, and so are `dcterms:issued` and
/// `DCTERMS.issued`.
fn meta_key(key: &str) -> String {
    let key = key.to_lowercase();
    for prefix in ["dc:", "dcterms:"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return format!("{}.{rest}", prefix.trim_end_matches(':'));
        }
    }
    key
}

fn read_link(tree: &Tree, id: NodeId, page: &mut Page) {
    let Some(rel) = tree.attr(id, "rel") else {
        return;
    };
    let rels = rel.to_ascii_lowercase();
    let href = || {
        tree.attr(id, "href")
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
    };
    for rel in rels.split_ascii_whitespace() {
        match rel {
            "canonical" if page.canonical.is_none() => page.canonical = href(),
            "image_src" if page.image_link.is_none() => page.image_link = href(),
            "alternate" => {
                if let (Some(lang), Some(href)) = (tree.attr(id, "hreflang"), href()) {
                    page.alternates
                        .push((lang.trim().to_ascii_lowercase(), href));
                }
            }
            _ => {}
        }
    }
}

/// What an element's attributes may tell metadata, noted by [`Tree::parse`] while it reads
/// them anyway, so that [`page`] reads no other element's attributes: most have none of these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hints(u8);

impl Hints {
    const ITEMPROP: Hints = Hints(1);
    const NAMES_AUTHOR: Hints = Hints(1 << 1);
    const NAMES_DATE: Hints = Hints(1 << 2);
    const REL_AUTHOR: Hints = Hints(1 << 3);
    const REL_TAG: Hints = Hints(1 << 4);
    const REL_CATEGORY: Hints = Hints(1 << 5);

    fn has(self, other: Hints) -> bool {
        self.0 & other.0 != 0
    }

    fn add(&mut self, other: Hints) {
        self.0 |= other.0;
    }
}

/// The hints of one element's attributes, as `(name, value)` pairs.
pub(crate) fn hints<'a>(tag: Tag, attributes: impl Iterator<Item = (&'a str, &'a str)>) -> Hints {
    let mut hints = Hints::default();
    for (name, value) in attributes {
        match name {
            "itemprop" => hints.add(Hints::ITEMPROP),
            "class" | "id" | "data-testid" => {
                if AUTHOR_CLASS.is_match(value) {
                    hints.add(Hints::NAMES_AUTHOR);
                }
                if DATE_CLASS.is_match(value) {
                    hints.add(Hints::NAMES_DATE);
                }
            }
            "rel" if tag == Tag::A => {
                for rel in value.split_ascii_whitespace() {
                    for (word, hint) in [
                        ("author", Hints::REL_AUTHOR),
                        ("tag", Hints::REL_TAG),
                        ("category", Hints::REL_CATEGORY),
                    ] {
                        if rel.eq_ignore_ascii_case(word) {
                            hints.add(hint);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    hints
}

/// Microdata, `rel` links and elements named as bylines or dates.
fn read_element(tree: &Tree, id: NodeId, tag: Tag, page: &mut Page) {
    let hints = tree.hints(id);
    if hints == Hints::default() {
        return;
    }
    if hints.has(Hints::ITEMPROP) && tag != Tag::Meta {
        if let Some(props) = tree.attr(id, "itemprop") {
            let content = tree.attr(id, "content").map(|c| collapse(&c));
            read_itemprop(id, &props, content.filter(|c| !c.is_empty()), page);
        }
    }
    // A byline or date element holds a line of text, not a section.
    let small = tree.end(id).index().saturating_sub(id.index()) <= MAX_SUBTREE;
    if hints.has(Hints::REL_AUTHOR) || (small && hints.has(Hints::NAMES_AUTHOR)) {
        push(&mut page.author_nodes, id);
    }
    if small && hints.has(Hints::NAMES_DATE) {
        push(&mut page.date_nodes, id);
    }
    if hints.has(Hints::REL_CATEGORY) {
        push(&mut page.category_links, id);
    } else if hints.has(Hints::REL_TAG) {
        push(&mut page.tag_links, id);
    }
}

/// `itemprop` on an element other than `<meta>`: with a `content` attribute it is a meta;
/// otherwise authors and dates are read from the element later.
fn read_itemprop(id: NodeId, props: &str, content: Option<String>, page: &mut Page) {
    if let Some(content) = content {
        for prop in props.split_ascii_whitespace() {
            page.metas.push((prop.to_lowercase(), content.clone()));
        }
        return;
    }
    for prop in props.split_ascii_whitespace() {
        let prop = match prop {
            "author" | "creator" => ItemProp::Author,
            "datePublished" | "dateCreated" => ItemProp::DatePublished,
            "dateModified" => ItemProp::DateModified,
            _ => continue,
        };
        if page.itemprops.len() < MAX_NODES {
            page.itemprops.push((prop, id));
        }
    }
}

/// The text under `id`, white space collapsed, without script or style text, cut after about
/// `limit` bytes.
pub(super) fn text(tree: &Tree, id: NodeId, limit: usize) -> String {
    let mut out = String::new();
    let end = tree.end(id);
    let mut node = id.next();
    while node < end && out.len() < limit {
        if matches!(
            tree.tag(node),
            Some(Tag::Script | Tag::Style | Tag::Template)
        ) {
            node = tree.end(node);
            continue;
        }
        if let Some(t) = tree.text(node) {
            out.push_str(&t);
            out.push(' ');
        }
        node = node.next();
    }
    // A script's text is one text node: read it as written.
    if tree.tag(id) == Some(Tag::Script) {
        return out.trim().to_string();
    }
    collapse(&out)
}

/// White space collapsed to single spaces, trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        assert!(AUTHOR_CLASS.is_match("post-author"));
        assert!(AUTHOR_CLASS.is_match("byline"));
        assert!(!AUTHOR_CLASS.is_match("authority"));
        assert!(DATE_CLASS.is_match("entry-date"));
    }

    #[test]
    fn metas_scripts_links_and_lang_are_gathered() {
        let tree = Tree::parse(
            r#"<html lang="de-AT"><head><title> A  title </title>
               <meta property="og:title" content=" OG "><meta name="author" content="Ann">
               <link rel="canonical" href="https://x.org/a">
               <script type="application/ld+json">{"a": 1}</script>
               <script>var date = "2025-01-01";</script></head>
               <body><p class="byline">By Ann</p><time datetime="2025-04-25">today</time>
               <span itemprop="author">Ann</span><a rel="tag" href="/t/x">x</a></body></html>"#,
        );
        let page = page(&tree);
        assert_eq!(page.title.as_deref(), Some("A title"));
        assert_eq!(page.html_lang.as_deref(), Some("de-AT"));
        assert_eq!(page.canonical.as_deref(), Some("https://x.org/a"));
        assert_eq!(page.json_ld, [r#"{"a": 1}"#]);
        assert!(page
            .metas
            .contains(&("og:title".to_string(), "OG".to_string())));
        assert!(page
            .metas
            .contains(&("author".to_string(), "Ann".to_string())));
        assert_eq!(page.times.len(), 1);
        assert_eq!(meta_key("dc:Creator"), "dc.creator");
        assert_eq!(meta_key("DCTERMS:issued"), "dcterms.issued");
        assert_eq!(meta_key("og:title"), "og:title");
        assert_eq!(page.itemprops.len(), 1);
        assert_eq!(page.author_nodes.len(), 1);
        assert_eq!(page.tag_links.len(), 1);
    }
}
