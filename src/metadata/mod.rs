//! Metadata read from the parsed tree: headline, authors, dates, site name, description,
//! language, canonical URL, image, tags and categories.
//!
//! One pass ([`collect`]) gathers every source; each field then takes the first source that
//! gives a usable value, structured sources first: JSON-LD ([`jsonld`]), then `<meta>` tags
//! (OpenGraph, `article:*`, Twitter cards, Dublin Core, `citation_*`), then microdata, then the
//! page's own elements near the headline (`<time>`, bylines, short lines of text), then the URL.
//! Dates are never read from script text other than JSON-LD.

mod author;
mod collect;
mod date;
mod dating;
mod jsonld;
mod language;
mod title;

pub(crate) use collect::collapse;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::blocks::{self, Blocks};
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tree};
use crate::render;
pub(crate) use collect::{hints, Hints};
use collect::{ItemProp, Page};
use dating::Dates;
use jsonld::JsonLd;

use crate::regex;

/// Everything known about the page besides its text.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) date: Option<String>,
    pub(crate) modified: Option<String>,
    pub(crate) site_name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) categories: Vec<String>,
}

/// Lines of text after the headline searched for a byline or a date: a byline block sits
/// within a few blocks of it, under a kicker, a subtitle and an image caption at most.
const LINES_AFTER_HEADLINE: usize = 25;

/// A line longer than this is prose, not a byline or a dateline.
const MAX_LINE_CHARS: u32 = 150;

/// `<meta>` keys of authors; every value of every key counts (`citation_author` is repeated).
/// Dublin Core first: it is set on purpose, where `author` is often a template's default.
const AUTHOR_KEYS: &[&str] = &[
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "og:article:author",
    "book:author",
    "citation_author",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// The `<meta>`s of the page, looked up by key.
struct Metas<'a>(&'a [(String, String)]);

impl<'a> Metas<'a> {
    /// The value of the first key of `keys` that the page has.
    fn first(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|key| self.all(key).next())
    }

    fn all<'k>(&self, key: &'k str) -> impl Iterator<Item = &'a str> + 'k
    where
        'a: 'k,
    {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// What the page declares about itself, before its headline is known.
struct Declared<'a> {
    page: &'a Page,
    metas: &'a Metas<'a>,
    ld: &'a JsonLd,
}

/// Everything a field's extractor may read.
struct Context<'a> {
    tree: &'a Tree,
    marks: &'a NodeMap<Mark>,
    blocks: &'a Blocks,
    page: &'a Page,
    metas: Metas<'a>,
    ld: &'a JsonLd,
    /// The headline's `<h1>`: bylines and dates are looked for after it first.
    anchor: Option<NodeId>,
}

/// Read the metadata of `tree`. `now`, when given, is today's date: later dates are rejected.
pub(crate) fn extract(
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
    now: Option<NaiveDate>,
) -> Metadata {
    let page = collect::page(tree);
    let ld = jsonld::read(&page.json_ld);
    let metas = Metas(&page.metas);
    let declared = Declared {
        page: &page,
        metas: &metas,
        ld: &ld,
    };
    let language = language::language(&declared, tree, marks, blocks);
    let url = url(&declared, language.as_deref());
    let hosts = url.as_deref().map(title::host_names).unwrap_or_default();
    let site_names = declared_site_names(&declared);
    let declared_site = site_names.first().map(|s| s.to_string());
    let claims = title::Claims {
        title: page.title.as_deref(),
        others: [
            metas.first(&["og:title"]),
            ld.headline.as_deref(),
            metas.first(&["twitter:title", "dc.title", "citation_title"]),
        ]
        .into_iter()
        .flatten()
        .collect(),
        site: site_names.into_iter().chain(hosts).collect(),
    };
    let (title, anchor) = title::headline(tree, marks, blocks, &page.h1s, &claims);
    // Without an `<h1>`, the headline is still shown somewhere: a `<h2>`, a styled `<div>`.
    let anchor = anchor.or_else(|| {
        let hash = blocks::text_hash(title.as_deref()?);
        blocks.list.iter().find(|b| b.hash == hash).map(|b| b.owner)
    });
    let cx = Context {
        tree,
        marks,
        blocks,
        page: &page,
        metas,
        ld: &ld,
        anchor,
    };
    // The site's name: the first one the page declares, or the part of the `<title>` beside
    // the headline.
    let site_name =
        declared_site.or_else(|| title::site_part(page.title.as_deref()?, title.as_deref()?));
    let lines = lines_near_headline(&cx);
    let order = dating::day_order(language.as_deref(), &cx, &lines);
    let dates = Dates { order, now };
    let authors = authors(&cx, &lines, site_name.as_deref());
    let date = dating::published(&cx, &lines, url.as_deref(), &dates).map(date::iso);
    Metadata {
        authors,
        date,
        modified: dating::modified(&cx, &dates).map(date::iso),
        description: description(&cx),
        image: image(&cx, url.as_deref()),
        tags: tags(&cx),
        categories: categories(&cx),
        title,
        site_name,
        language,
        url,
    }
}

/// Today's date from an ISO 8601 string (`2025-04-25`, or a timestamp that starts with it).
pub(crate) fn parse_today(text: &str) -> Option<NaiveDate> {
    date::iso_day(text)
}

/// `nodes` (in document order) starting with the first at or after the headline, then those
/// before it, nearest first. With no headline, all of them in order.
fn near_anchor(anchor: Option<NodeId>, nodes: &[NodeId]) -> impl Iterator<Item = NodeId> + '_ {
    let split = anchor.map_or(0, |a| nodes.partition_point(|&id| id < a));
    let (before, after) = nodes.split_at(split.min(nodes.len()));
    after.iter().chain(before.iter().rev()).copied()
}

/// Short lines of text just after the headline (or at the top of the page without one), where
/// bylines and datelines are.
fn lines_near_headline(cx: &Context) -> Vec<String> {
    let list = &cx.blocks.list;
    let start = cx.anchor.map_or(0, |a| {
        list.partition_point(|b| b.owner <= a && b.first < cx.tree.end(a))
    });
    list.iter()
        .skip(start)
        .take(LINES_AFTER_HEADLINE)
        .filter(|b| b.chars > 0 && b.chars <= MAX_LINE_CHARS)
        .map(|b| render::block_text(cx.tree, cx.marks, b))
        .collect()
}

/// The authors: JSON-LD, `<meta>`s, microdata, byline elements near the headline, a "By …"
/// line under it.
fn authors(cx: &Context, lines: &[String], site_name: Option<&str>) -> Vec<String> {
    let clean = |values: Vec<&str>| -> Vec<String> {
        distinct(
            values
                .into_iter()
                .flat_map(|v| author::names(v, site_name))
                .collect(),
        )
    };
    let from_ld = clean(cx.ld.authors.iter().map(String::as_str).collect());
    if !from_ld.is_empty() {
        return from_ld;
    }
    for key in AUTHOR_KEYS {
        let names = clean(cx.metas.all(key).collect());
        if !names.is_empty() {
            return names;
        }
    }
    let microdata = microdata_authors(cx);
    if !microdata.is_empty() {
        return clean(microdata.iter().map(String::as_str).collect());
    }
    let chinese = chinese_byline(cx);
    if !chinese.is_empty() {
        return distinct(chinese);
    }
    let byline = near_anchor(cx.anchor, &cx.page.author_nodes)
        .map(|id| collect::text(cx.tree, id, 300))
        .filter(|t| t.chars().count() <= MAX_LINE_CHARS as usize)
        .map(|t| author::from_byline(&t, false, site_name))
        .chain(
            lines
                .iter()
                .map(|l| author::from_byline(l, true, site_name)),
        )
        .chain(lines.iter().map(|l| author::from_dateline(l, site_name)))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    distinct(byline)
}

/// Chinese pages label the byline ("作者：", "记者") in a short line anywhere in the article,
/// often at its end, or in parentheses at the start or end of a paragraph ("新华社北京电（记者
/// 王伟）…", "…。（记者 王伟）"): the first such line of the page. Without one, the editor it
/// credits ("责任编辑：王伟") stands for the author.
fn chinese_byline(cx: &Context) -> Vec<String> {
    let lines: Vec<String> = cx
        .blocks
        .list
        .iter()
        .filter(|b| b.cjk_chars > 0)
        .take(MAX_CJK_LINES)
        .flat_map(|b| {
            let text = render::block_text(cx.tree, cx.marks, b);
            if b.chars <= MAX_LINE_CHARS {
                return vec![text];
            }
            let head_end = text
                .char_indices()
                .nth(PARAGRAPH_END_CHARS)
                .map_or(text.len(), |(i, _)| i);
            let tail_start = text
                .char_indices()
                .rev()
                .nth(PARAGRAPH_END_CHARS.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            let head = text.get(..head_end).unwrap_or_default().to_string();
            let tail = text.get(tail_start..).unwrap_or_default().to_string();
            vec![head, tail]
        })
        .collect();
    [author::cjk_byline, author::cjk_editor]
        .iter()
        .find_map(|read| lines.iter().map(|l| read(l)).find(|n| !n.is_empty()))
        .unwrap_or_default()
}

/// How much of each end of a long paragraph may hold its byline: the parentheses, a label, a
/// few names.
const PARAGRAPH_END_CHARS: usize = 40;

/// Short lines of a Chinese page searched for a byline: enough for a long page's menus, article
/// and footer, bounded for a page of endless lists.
const MAX_CJK_LINES: usize = 600;

/// The texts of the article's `itemprop="author"` elements (their `itemprop="name"` part if
/// they have one, whose `content` counts when it is a `<meta>`): the one nearest the headline
/// and those beside it. Every post of a forum thread or comment list has its own, and only the
/// first post is the article.
fn microdata_authors(cx: &Context) -> Vec<String> {
    let tree = cx.tree;
    let all: Vec<NodeId> = cx
        .page
        .itemprops
        .iter()
        .filter(|(p, _)| *p == ItemProp::Author)
        .map(|(_, id)| *id)
        .collect();
    let Some(first) = near_anchor(cx.anchor, &all).next() else {
        return Vec::new();
    };
    let parent = tree.parent(first);
    all.iter()
        .filter(|&&id| id == first || (parent.is_some() && tree.parent(id) == parent))
        .map(|&id| {
            let mut node = id.next();
            while node < tree.end(id) {
                if tree.attr_is(node, "itemprop", |p| {
                    p.split_ascii_whitespace().any(|p| p == "name")
                }) {
                    return tree
                        .attr(node, "content")
                        .map(|c| collect::collapse(&c))
                        .unwrap_or_else(|| collect::text(tree, node, 200));
                }
                node = node.next();
            }
            collect::text(tree, id, 200)
        })
        .filter(|t| !t.is_empty() && t.chars().count() <= MAX_LINE_CHARS as usize)
        .collect()
}

/// The site's names the page declares: `og:site_name`, the JSON-LD publisher and `WebSite`,
/// `application-name`, Dublin Core and `citation_*` publishers.
fn declared_site_names<'a>(cx: &Declared<'a>) -> Vec<&'a str> {
    let metas = |keys: &[&str]| cx.metas.first(keys);
    [
        metas(&["og:site_name"]),
        cx.ld.publisher.as_deref(),
        cx.ld.website.as_deref(),
        metas(&["application-name", "dc.publisher", "citation_publisher"]),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The description: OpenGraph, `<meta name="description">`, Twitter, Dublin Core, JSON-LD.
fn description(cx: &Context) -> Option<String> {
    cx.metas
        .first(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
            "dcterms.description",
        ])
        .map(str::to_string)
        .or_else(|| cx.ld.description.clone())
}

/// The canonical URL: `<link rel="canonical">`, `og:url`, the JSON-LD `url`, the
/// `<link rel="alternate">` for the page's own language, the first microdata `url`. A relative
/// canonical link is resolved against an absolute URL from the others.
fn url(cx: &Declared, language: Option<&str>) -> Option<String> {
    let alternate = || {
        let lang = language?.to_ascii_lowercase().replace('_', "-");
        let of = |wanted: &str| {
            cx.page
                .alternates
                .iter()
                .find(|(l, _)| l == wanted)
                .map(|(_, href)| href.as_str())
        };
        of(&lang).or_else(|| of("x-default"))
    };
    let others = [
        cx.metas.first(&["og:url"]),
        cx.ld.url.as_deref(),
        cx.metas.first(&["twitter:url"]),
        alternate(),
        cx.metas.first(&["url"]),
    ];
    let base = others.into_iter().flatten().find(|u| is_absolute(u));
    match cx.page.canonical.as_deref() {
        Some(c) if is_absolute(c) && !is_home_of(c, base) => Some(c.to_string()),
        Some(c) if c.starts_with('/') && !c.starts_with("//") => base
            .and_then(|b| join(b, c))
            .or_else(|| base.map(str::to_string)),
        _ => base.map(str::to_string),
    }
}

/// Whether `canonical` is the bare home page of the site that `other` names a deeper page of:
/// a template's default, not this page's address.
fn is_home_of(canonical: &str, other: Option<&str>) -> bool {
    let host_and_path = |u: &str| -> Option<(String, String)> {
        let rest = u.split_once("://")?.1;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        Some((
            host.trim_start_matches("www.").to_ascii_lowercase(),
            path.to_string(),
        ))
    };
    let (Some((host, path)), Some((other_host, other_path))) =
        (host_and_path(canonical), other.and_then(host_and_path))
    else {
        return false;
    };
    path.trim_matches('/').is_empty()
        && host == other_host
        && !other_path.trim_matches('/').is_empty()
}

fn is_absolute(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `https://host/a/b` + `/c` → `https://host/c`.
fn join(base: &str, path: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{host}{path}"))
}

/// The main image: `og:image`, `twitter:image`, the JSON-LD image, `<link rel="image_src">`.
fn image(cx: &Context, url: Option<&str>) -> Option<String> {
    let found = cx
        .metas
        .first(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .map(str::to_string)
        .or_else(|| cx.ld.image.clone())
        .or_else(|| cx.page.image_link.clone())
        .or_else(|| {
            cx.metas
                .first(&["image", "thumbnailurl"])
                .map(str::to_string)
        })?;
    if is_absolute(&found) {
        return Some(found);
    }
    match (found.strip_prefix("//"), url) {
        (Some(rest), _) => Some(format!("https://{rest}")),
        (None, Some(base)) if found.starts_with('/') => join(base, &found),
        _ => Some(found),
    }
}

/// Tags: `article:tag`, keywords, JSON-LD `keywords`, `citation_keywords`, `dc.subject`,
/// `rel="tag"` links; the first source that has some. `article:tag` holds one tag by the
/// standard, but some publishers put the whole comma-separated list in one.
fn tags(cx: &Context) -> Vec<String> {
    let from_metas = |keys: &[&str], split: bool| -> Vec<String> {
        let values = keys.iter().flat_map(|k| cx.metas.all(k));
        let pieces: Vec<String> = if split {
            values
                .flat_map(|v| v.split(','))
                .map(|p| p.trim().to_string())
                .collect()
        } else {
            values.map(|v| v.trim().to_string()).collect()
        };
        distinct(pieces)
    };
    [
        from_metas(&["article:tag", "og:article:tag"], true),
        from_metas(&["keywords", "news_keywords"], true),
        distinct(cx.ld.keywords.clone()),
        from_metas(
            &["citation_keywords", "dc.subject", "dcterms.subject"],
            false,
        ),
        link_texts(cx, &cx.page.tag_links),
    ]
    .into_iter()
    .find(|l| !l.is_empty())
    .unwrap_or_default()
}

/// Categories: `article:section`, JSON-LD `articleSection`, `rel="category"` links.
fn categories(cx: &Context) -> Vec<String> {
    let sections = ["article:section", "og:article:section"]
        .iter()
        .flat_map(|k| cx.metas.all(k))
        .map(str::to_string)
        .collect();
    [
        distinct(sections),
        distinct(cx.ld.sections.clone()),
        link_texts(cx, &cx.page.category_links),
    ]
    .into_iter()
    .find(|l| !l.is_empty())
    .unwrap_or_default()
}

fn link_texts(cx: &Context, links: &[NodeId]) -> Vec<String> {
    distinct(
        links
            .iter()
            .map(|&id| collect::text(cx.tree, id, 100))
            .collect(),
    )
}

/// Non-empty strings, the first of each case-insensitive duplicate.
fn distinct(strings: Vec<String>) -> Vec<String> {
    // A set, not a scan of what was kept: a hostile page may list a million keywords.
    let mut seen = HashSet::new();
    strings
        .into_iter()
        .filter(|s| !s.is_empty() && seen.insert(s.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests;
