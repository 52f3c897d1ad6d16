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
mod jsonld;
mod title;

use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use regex::Regex;

use crate::blocks::{self, Blocks};
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tree};
use crate::render;
pub(crate) use collect::{hints, Hints};
use collect::{ItemProp, Page};
use date::DayOrder;
use jsonld::JsonLd;

/// Compiles a literal pattern of this module. The `expect` cannot fire on a literal that
/// compiled once, and each module's `regexes_compile` test forces every pattern.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

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

/// Dates before this are placeholders (`0001-01-01`, the Unix epoch) or history the text talks
/// about, not when a web page was published.
const MIN_YEAR: i32 = 1990;

/// Lines of text after the headline searched for a byline or a date: a byline block sits
/// within a few blocks of it, under a kicker, a subtitle and an image caption at most.
const LINES_AFTER_HEADLINE: usize = 25;

/// A line longer than this is prose, not a byline or a dateline.
const MAX_LINE_CHARS: u32 = 150;

/// `<meta>` keys of the publication date, most specific first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "datecreated",
];

/// `<meta>` keys of the last modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
];

/// `<meta>` keys of authors; every value of every key counts (`citation_author` is repeated).
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "book:author",
    "dc.creator",
    "dcterms.creator",
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
    let language = language(&declared, tree, marks, blocks);
    let url = url(&declared, language.as_deref());
    let hosts = url.as_deref().map(title::host_names).unwrap_or_default();
    let claims = title::Claims {
        title: page.title.as_deref(),
        others: [metas.first(&["og:title"]), ld.headline.as_deref()]
            .into_iter()
            .chain([metas.first(&["twitter:title", "dc.title", "dc:title", "citation_title"])])
            .flatten()
            .collect(),
        site: declared_site_names(&declared)
            .into_iter()
            .chain(hosts)
            .collect(),
    };
    let (title, anchor) = title::headline(tree, marks, blocks, &claims);
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
    let site_name = site_name(&cx, title.as_deref());
    let lines = lines_near_headline(&cx);
    let order = day_order(language.as_deref(), &cx, &lines);
    let dates = Dates { order, now };
    let authors = authors(&cx, &lines, site_name.as_deref());
    let date = published(&cx, &lines, url.as_deref(), &dates).map(date::iso);
    Metadata {
        authors,
        date,
        modified: modified(&cx, &dates).map(date::iso),
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

/// How to read and judge the dates of one page.
struct Dates {
    order: DayOrder,
    now: Option<NaiveDate>,
}

impl Dates {
    /// A date that can be a publication date: a real day, not before the web, not in the future.
    /// A page's local day may be one ahead of the caller's, so one day of slack is allowed.
    fn is_plausible(&self, date: NaiveDate) -> bool {
        let not_future = match self.now {
            Some(now) => now
                .checked_add_days(Days::new(1))
                .is_none_or(|limit| date <= limit),
            None => true,
        };
        date.year_ce().1 >= MIN_YEAR as u32 && not_future
    }

    /// A structured value: the date must open it.
    fn parse(&self, text: &str) -> Option<NaiveDate> {
        date::parse(text, self.order).filter(|&d| self.is_plausible(d))
    }

    /// Free text: the first plausible date anywhere in it.
    fn find(&self, text: &str) -> Option<NaiveDate> {
        date::find(text, self.order).filter(|&d| self.is_plausible(d))
    }
}

use chrono::Datelike;

/// The publication date: JSON-LD, `<meta>`, microdata, `<time>` and date elements near the
/// headline, the URL, a dateline under the headline; the modification date as a last resort.
fn published(
    cx: &Context,
    lines: &[String],
    url: Option<&str>,
    dates: &Dates,
) -> Option<NaiveDate> {
    let structured = cx
        .ld
        .published
        .iter()
        .map(String::as_str)
        .chain(PUBLISHED_KEYS.iter().flat_map(|k| cx.metas.all(k)))
        .find_map(|v| Some((v, dates.parse(v)?)))
        .map(|(raw, day)| local_day(cx, raw, dates).unwrap_or(day));
    structured
        .or_else(|| itemprop_date(cx, ItemProp::DatePublished, dates))
        .or_else(|| time_element(cx, dates))
        .or_else(|| {
            // A byline often carries the date: "By Jane Doe on 3 March 2025".
            let mut nodes = [cx.page.date_nodes.as_slice(), &cx.page.author_nodes].concat();
            nodes.sort_unstable();
            let found = near_anchor(cx.anchor, &nodes)
                .find_map(|id| dates.find(&collect::text(cx.tree, id, 300)));
            found
        })
        .or_else(|| {
            url.and_then(|u| date::in_url(u, dates.order))
                .filter(|&d| dates.is_plausible(d))
        })
        .or_else(|| lines.iter().find_map(|line| dates.find(line)))
        .or_else(|| labelled_date(cx, dates))
        .or_else(|| {
            // Some sites date the page only in its title or summary: "23.01.2022 - Headline",
            // "(News of 14 January 2020)".
            let summaries = [cx.page.title.as_deref(), cx.metas.first(&["og:title"])]
                .into_iter()
                .chain([cx.metas.first(&["description", "og:description"])]);
            summaries.flatten().find_map(|t| dates.find(t))
        })
        .or_else(|| modified(cx, dates))
}

/// The page's own day for a UTC timestamp: where the page also writes the same instant in its
/// own zone (a `<time datetime>` without a zone, an `article:published_time` with an offset),
/// that day. "2023-11-09T05:30:59Z" is 2023-11-08 on a page in Minnesota.
fn local_day(cx: &Context, raw: &str, dates: &Dates) -> Option<NaiveDate> {
    let utc = date::stamp(raw).filter(|s| s.utc)?;
    let times = cx
        .page
        .times
        .iter()
        .filter_map(|&id| cx.tree.attr(id, "datetime"));
    let metas = PUBLISHED_KEYS
        .iter()
        .flat_map(|k| cx.metas.all(k))
        .map(str::to_string);
    metas
        .chain(times)
        .filter_map(|t| date::stamp(&t))
        .find(|local| date::is_same_instant(&utc, local))
        .map(|local| local.local.date())
        .filter(|&d| dates.is_plausible(d))
}

/// A label announcing the publication date in a line of text: "发表于 2005-07-31",
/// "发布时间：…", "Posted on March 3, 2025", "Veröffentlicht am 3.3.2025". Not "Updated …"
/// (a modification) nor a bare date (a comment's, a teaser's).
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)发表于|发布于|发表时间|发布时间|发布日期|发表日期|posted\s+on|published\s+on|veröffentlicht\s+am|publié\s+le|publicado\s+el|pubblicato\s+il",
    )
});

/// The first labelled date in the page's short lines: blogs put "发表于 …" or "Posted on …"
/// under the post, out of reach of the lines under the headline.
fn labelled_date(cx: &Context, dates: &Dates) -> Option<NaiveDate> {
    cx.blocks
        .list
        .iter()
        .filter(|b| b.chars <= MAX_LINE_CHARS)
        .take(MAX_LABEL_LINES)
        .map(|b| render::block_text(cx.tree, cx.marks, b))
        .find_map(|line| {
            let label = DATE_LABEL.find(&line)?;
            dates.find(line.get(label.end()..)?)
        })
}

/// Short lines searched for a labelled date: a long page's menus, article and footer, bounded
/// for a page of endless lists.
const MAX_LABEL_LINES: usize = 600;

/// The last modification date, from structured metadata only.
fn modified(cx: &Context, dates: &Dates) -> Option<NaiveDate> {
    cx.ld
        .modified
        .iter()
        .map(String::as_str)
        .chain(MODIFIED_KEYS.iter().flat_map(|k| cx.metas.all(k)))
        .find_map(|v| dates.parse(v))
        .or_else(|| itemprop_date(cx, ItemProp::DateModified, dates))
}

/// A microdata date element's `datetime` or text.
fn itemprop_date(cx: &Context, prop: ItemProp, dates: &Dates) -> Option<NaiveDate> {
    let nodes: Vec<NodeId> = cx
        .page
        .itemprops
        .iter()
        .filter(|(p, _)| *p == prop)
        .map(|(_, id)| *id)
        .collect();
    let found = near_anchor(cx.anchor, &nodes).find_map(|id| element_date(cx, id, dates));
    found
}

/// A `<time>`'s date: those marked as the publication date first (`pubdate`, a class naming
/// it), then the nearest after the headline.
fn time_element(cx: &Context, dates: &Dates) -> Option<NaiveDate> {
    let marked = cx.page.times.iter().copied().filter(|&id| {
        cx.tree.attr(id, "pubdate").is_some()
            || cx.tree.attr_is(id, "class", |c| c.contains("publish"))
    });
    marked
        .chain(near_anchor(cx.anchor, &cx.page.times))
        .find_map(|id| element_date(cx, id, dates))
}

fn element_date(cx: &Context, id: NodeId, dates: &Dates) -> Option<NaiveDate> {
    let attr = cx
        .tree
        .attr(id, "datetime")
        .or_else(|| cx.tree.attr(id, "content"));
    attr.and_then(|a| dates.parse(&a))
        .or_else(|| dates.find(&collect::text(cx.tree, id, 300)))
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

/// Day or month first: the order the page shows in an unambiguous date, else its language's
/// (month first for American English, day first elsewhere).
fn day_order(language: Option<&str>, cx: &Context, lines: &[String]) -> DayOrder {
    let shown = lines.iter().find_map(|l| date::order_shown(l)).or_else(|| {
        cx.page
            .date_nodes
            .iter()
            .find_map(|&id| date::order_shown(&collect::text(cx.tree, id, 300)))
    });
    shown.unwrap_or_else(|| {
        let lang = language
            .unwrap_or("")
            .to_ascii_lowercase()
            .replace('_', "-");
        if lang == "en" || lang == "en-us" || lang.is_empty() {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        }
    })
}

/// The authors: JSON-LD, `<meta>`s, microdata, byline elements near the headline, a "By …"
/// line under it.
fn authors(cx: &Context, lines: &[String], site_name: Option<&str>) -> Vec<String> {
    let clean = |values: Vec<&str>| -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for name in values.into_iter().flat_map(|v| author::names(v, site_name)) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
        names
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
        return chinese;
    }
    near_anchor(cx.anchor, &cx.page.author_nodes)
        .map(|id| collect::text(cx.tree, id, 300))
        .filter(|t| t.chars().count() <= MAX_LINE_CHARS as usize)
        .map(|t| author::from_byline(&t, false, site_name))
        .chain(
            lines
                .iter()
                .map(|l| author::from_byline(l, true, site_name)),
        )
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// Chinese pages label the byline ("作者：", "记者") in a short line anywhere in the article,
/// often at its end: the first such line of the page.
fn chinese_byline(cx: &Context) -> Vec<String> {
    cx.blocks
        .list
        .iter()
        .filter(|b| b.cjk_chars > 0 && b.chars <= MAX_LINE_CHARS)
        .take(MAX_CJK_LINES)
        .map(|b| author::cjk_byline(&render::block_text(cx.tree, cx.marks, b)))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// Short lines of a Chinese page searched for a byline: enough for a long page's menus, article
/// and footer, bounded for a page of endless lists.
const MAX_CJK_LINES: usize = 600;

/// The texts of the article's `itemprop="author"` elements (their `itemprop="name"` part if
/// they have one): the one nearest the headline and those beside it. Every post of a forum
/// thread or comment list has its own, and only the first post is the article.
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
                    return collect::text(tree, node, 200);
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

/// The site's name: the first one the page declares, or the part of the `<title>` beside the
/// headline.
fn site_name(cx: &Context, headline: Option<&str>) -> Option<String> {
    let declared = Declared {
        page: cx.page,
        metas: &cx.metas,
        ld: cx.ld,
    };
    declared_site_names(&declared)
        .first()
        .map(|s| s.to_string())
        .or_else(|| title::site_part(cx.page.title.as_deref()?, headline?))
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

/// The language: `<html lang>`, then `content-language` and other declarations, then the
/// script of the text. A declaration that the text's script contradicts (a page in Chinese that
/// says `en`, a template default) gives way to the script.
fn language(cx: &Declared, tree: &Tree, marks: &NodeMap<Mark>, blocks: &Blocks) -> Option<String> {
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
/// `rel="tag"` links; the first source that has some.
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
        from_metas(&["article:tag", "og:article:tag"], false),
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
    let mut out: Vec<String> = Vec::new();
    for s in strings {
        if !s.is_empty() && !out.iter().any(|o| o.to_lowercase() == s.to_lowercase()) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{blocks, clean};

    fn meta_of(html: &str) -> Metadata {
        meta_at(html, None)
    }

    fn meta_at(html: &str, now: Option<&str>) -> Metadata {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        extract(&tree, &marks, &blocks, now.and_then(parse_today))
    }

    const BODY: &str = "<p>A paragraph of plain prose, long enough to be the page's content.</p>";

    #[test]
    fn regexes_compile() {
        assert!(DATE_LABEL.is_match("发表于"));
    }

    #[test]
    fn opengraph_and_article_metas() {
        let html = format!(
            r#"<meta property="og:title" content="Rain in Spain">
               <meta property="og:site_name" content="Weather Daily">
               <meta property="og:description" content="It rained.">
               <meta property="og:url" content="https://example.com/rain">
               <meta property="og:image" content="/rain.jpg">
               <meta property="article:published_time" content="2025-04-25T09:00:00+02:00">
               <meta property="article:modified_time" content="2025-04-26T09:00:00+02:00">
               <meta property="article:tag" content="Rain"><meta property="article:tag" content="Spain">
               <meta property="article:section" content="Weather">{BODY}"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.title.as_deref(), Some("Rain in Spain"));
        assert_eq!(meta.site_name.as_deref(), Some("Weather Daily"));
        assert_eq!(meta.description.as_deref(), Some("It rained."));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/rain"));
        assert_eq!(meta.image.as_deref(), Some("https://example.com/rain.jpg"));
        assert_eq!(meta.date.as_deref(), Some("2025-04-25"));
        assert_eq!(meta.modified.as_deref(), Some("2025-04-26"));
        assert_eq!(meta.tags, ["Rain", "Spain"]);
        assert_eq!(meta.categories, ["Weather"]);
    }

    #[test]
    fn twitter_cards() {
        let html = format!(
            r#"<meta name="twitter:title" content="Card title">
               <meta name="twitter:description" content="Card text">
               <meta name="twitter:image" content="https://example.com/card.png">{BODY}"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.title.as_deref(), Some("Card title"));
        assert_eq!(meta.description.as_deref(), Some("Card text"));
        assert_eq!(meta.image.as_deref(), Some("https://example.com/card.png"));
    }

    #[test]
    fn dublin_core() {
        let html = format!(
            r#"<meta name="DC.creator" content="Jane Doe"><meta name="DC.date.issued" content="2024-03-05">
               <meta name="DC.language" content="fr">{BODY}"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn citation_metas_list_every_author() {
        let html = format!(
            r#"<meta name="citation_title" content="A Study">
               <meta name="citation_author" content="Doe, Jane">
               <meta name="citation_author" content="Roe, John">
               <meta name="citation_publication_date" content="2020/04/07">{BODY}"#
        );
        let meta = meta_of(&html);
        // Surname-first names are split at the comma, as every scorer of the format does.
        assert_eq!(meta.authors, ["Doe", "Jane", "Roe", "John"]);
        assert_eq!(meta.date.as_deref(), Some("2020-04-07"));
        assert_eq!(meta.title.as_deref(), Some("A Study"));
    }

    #[test]
    fn json_ld_beats_metas() {
        let html = format!(
            r#"<meta name="author" content="Meta Author">
               <script type="application/ld+json">{{"@type":"NewsArticle","headline":"LD",
               "author":{{"@type":"Person","name":"LD Author"}},"datePublished":"2021-06-01"}}</script>
               {BODY}"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.authors, ["LD Author"]);
        assert_eq!(meta.date.as_deref(), Some("2021-06-01"));
    }

    #[test]
    fn microdata_author_and_date() {
        let html = format!(
            r#"<article itemscope itemtype="https://schema.org/Article"><h1>Headline</h1>
               <span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>
               <time itemprop="datePublished" datetime="2022-02-02">2 Feb</time>{BODY}
               <div class="comment"><span itemprop="author">Commenter</span></div></article>"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.authors, ["Ann Lee"]);
        assert_eq!(meta.date.as_deref(), Some("2022-02-02"));
    }

    #[test]
    fn time_element_after_the_headline() {
        let html = format!(
            r#"<aside><time datetime="2019-01-01">old teaser</time></aside>
               <h1>Headline</h1><p><time datetime="2023-07-08T10:00">8 July</time></p>{BODY}"#
        );
        assert_eq!(meta_of(&html).date.as_deref(), Some("2023-07-08"));
    }

    #[test]
    fn bylines_by_von_par() {
        for (line, name) in [
            ("By Jane Doe", "Jane Doe"),
            ("Von Hans Muster", "Hans Muster"),
            ("Par Jean Dupont", "Jean Dupont"),
        ] {
            let html = format!("<h1>Headline</h1><p>{line}</p>{BODY}");
            assert_eq!(meta_of(&html).authors, [name], "{line}");
        }
    }

    #[test]
    fn byline_class_gives_author_and_date() {
        let html =
            format!(r#"<h1>Headline</h1><div class="byline">Jane Doe, March 3, 2025</div>{BODY}"#);
        let meta = meta_of(&html);
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(meta.date.as_deref(), Some("2025-03-03"));
    }

    #[test]
    fn date_in_the_url() {
        let html =
            format!(r#"<link rel="canonical" href="https://example.com/2025/04/25/rain">{BODY}"#);
        assert_eq!(meta_of(&html).date.as_deref(), Some("2025-04-25"));
    }

    #[test]
    fn labelled_date_under_a_blog_post() {
        let html = format!("<h1>Post</h1>{BODY}{BODY}<p>发表于 2005-07-31 12:30</p>");
        assert_eq!(meta_of(&html).date.as_deref(), Some("2005-07-31"));
    }

    #[test]
    fn day_and_month_follow_the_language_and_the_page() {
        let html = format!(r#"<html lang="en-US"><h1>H</h1><p class="date">04/05/2025</p>{BODY}"#);
        assert_eq!(meta_of(&html).date.as_deref(), Some("2025-04-05"));
        let html = format!(r#"<html lang="en-GB"><h1>H</h1><p class="date">04/05/2025</p>{BODY}"#);
        assert_eq!(meta_of(&html).date.as_deref(), Some("2025-05-04"));
        // Another date on the page shows the order.
        let html = format!(
            r#"<html lang="en-US"><h1>H</h1><p class="date">04/05/2025</p><p>Updated 25/05/2025</p>{BODY}"#
        );
        assert_eq!(meta_of(&html).date.as_deref(), Some("2025-05-04"));
    }

    #[test]
    fn future_dates_are_rejected_when_now_is_given() {
        let html = format!(
            r#"<meta property="article:published_time" content="2030-01-01">
               <h1>H</h1><time datetime="2025-04-25">x</time>{BODY}"#
        );
        assert_eq!(meta_at(&html, None).date.as_deref(), Some("2030-01-01"));
        assert_eq!(
            meta_at(&html, Some("2025-05-01")).date.as_deref(),
            Some("2025-04-25")
        );
        // A page a day ahead of the caller's clock is a time zone, not the future.
        assert_eq!(
            meta_at(&html, Some("2029-12-31")).date.as_deref(),
            Some("2030-01-01")
        );
    }

    #[test]
    fn dates_before_the_web_are_placeholders() {
        let html = format!(
            r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">
               <meta name="date" content="2020-02-02">{BODY}"#
        );
        assert_eq!(meta_of(&html).date.as_deref(), Some("2020-02-02"));
    }

    #[test]
    fn h1_matching_og_title_is_the_headline_and_anchor() {
        let html = format!(
            r#"<meta property="og:title" content="The real headline | Site">
               <h1>Logo</h1><h1>The real headline</h1><p>By Ann Lee</p>{BODY}"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.title.as_deref(), Some("The real headline"));
        assert_eq!(meta.authors, ["Ann Lee"]);
    }

    #[test]
    fn language_from_html_lang_else_from_the_script() {
        let html = format!(r#"<html lang="pt-BR">{BODY}"#);
        assert_eq!(meta_of(&html).language.as_deref(), Some("pt-BR"));
        let chinese =
            "<p>这是一个很长的中文段落，用来测试语言检测是否能够正确地识别出中文内容。</p>";
        assert_eq!(meta_of(chinese).language.as_deref(), Some("zh"));
        // A template's `en` on a page written in Chinese gives way to the text.
        let html = format!(r#"<html lang="en">{chinese}"#);
        assert_eq!(meta_of(&html).language.as_deref(), Some("zh"));
        let japanese = "<p>これは日本語の文章です。言語の判定をテストするための段落です。</p>";
        assert_eq!(meta_of(japanese).language.as_deref(), Some("ja"));
    }

    #[test]
    fn relative_canonical_is_resolved_and_home_canonical_ignored() {
        let html = format!(
            r#"<link rel="canonical" href="/news/rain"><meta property="og:url" content="https://example.com/x">{BODY}"#
        );
        assert_eq!(
            meta_of(&html).url.as_deref(),
            Some("https://example.com/news/rain")
        );
        let html = format!(
            r#"<link rel="canonical" href="https://example.com/"><meta property="og:url" content="https://example.com/topic/rain">{BODY}"#
        );
        assert_eq!(
            meta_of(&html).url.as_deref(),
            Some("https://example.com/topic/rain")
        );
    }

    #[test]
    fn keywords_are_split_and_rel_tags_read() {
        let html = format!(r#"<meta name="keywords" content="a, b,,c">{BODY}"#);
        assert_eq!(meta_of(&html).tags, ["a", "b", "c"]);
        let html = format!(
            r#"{BODY}<a rel="tag" href="/t/x">x</a><a rel="category tag" href="/c/y">y</a>"#
        );
        let meta = meta_of(&html);
        assert_eq!(meta.tags, ["x"]);
        assert_eq!(meta.categories, ["y"]);
    }

    #[test]
    fn the_site_name_is_not_an_author() {
        let html = format!(
            r#"<meta property="og:site_name" content="Daily Planet">
               <meta name="author" content="Daily Planet">{BODY}"#
        );
        assert!(meta_of(&html).authors.is_empty());
    }
}
