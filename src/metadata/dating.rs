//! The page's dates: which source says when it was published, and how to read its numbers.
//!
//! Structured metadata comes first (JSON-LD, `<meta>`, microdata), then the page's own
//! elements near the headline (`<time>`, date and byline elements), the URL, lines under the
//! headline, labelled dates anywhere ("Posted on …"), the title and description, and the
//! modification date last. A date must exist, fall after 1990 and not after the caller's "now".

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

use super::collect::{self, ItemProp};
use super::date::{self, DayOrder};
use super::{near_anchor, regex, Context, MAX_LINE_CHARS};
use crate::dom::NodeId;
use crate::render;

/// Dates before this are placeholders (`0001-01-01`, the Unix epoch) or history the text talks
/// about, not when a web page was published.
const MIN_YEAR: i32 = 1990;

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

/// How to read and judge the dates of one page.
pub(super) struct Dates {
    pub(super) order: DayOrder,
    pub(super) now: Option<NaiveDate>,
}

impl Dates {
    /// A date that can be a publication date: a real day, not before the web, not in the future.
    /// A page's local day may be one ahead of the caller's, so one day of slack is allowed.
    pub(super) fn is_plausible(&self, date: NaiveDate) -> bool {
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

/// The publication date: JSON-LD, `<meta>`, microdata, `<time>` and date elements near the
/// headline, the URL, a dateline under the headline; the modification date as a last resort.
pub(super) fn published(
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
        .map(|(raw, day)| local_day(cx, lines, raw, dates).unwrap_or(day));
    structured
        .or_else(|| itemprop_date(cx, ItemProp::DatePublished, dates))
        .or_else(|| time_element(cx, dates))
        .or_else(|| {
            // A byline often carries the date: "By Jane Doe on 3 March 2025".
            near_headline(cx, &[&cx.page.date_nodes, &cx.page.author_nodes])
                .into_iter()
                .find_map(|id| dates.find(&collect::text(cx.tree, id, 300)))
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
            let summaries = [
                cx.page.title.as_deref(),
                cx.metas.first(&["og:title"]),
                cx.metas.first(&["description", "og:description"]),
            ];
            summaries.into_iter().flatten().find_map(|t| dates.find(t))
        })
        .or_else(|| modified(cx, dates))
}

/// The page's own day for a UTC timestamp: where the page also writes the same instant in its
/// own zone, that day. "2023-11-09T05:30:59Z" is 2023-11-08 on a page in Minnesota. The local
/// twin is a structured value (an `article:published_time` with an offset, a `<time datetime>`
/// without a zone) or, on pages whose metadata knows only UTC, the text a reader sees under
/// the headline or in a date element ("Brasília 03/05/2022 21:44").
fn local_day(cx: &Context, lines: &[String], raw: &str, dates: &Dates) -> Option<NaiveDate> {
    let utc = date::stamp(raw, dates.order).filter(|s| s.utc)?;
    let times = cx
        .page
        .times
        .iter()
        .filter_map(|&id| cx.tree.attr(id, "datetime"));
    let metas = PUBLISHED_KEYS
        .iter()
        .flat_map(|k| cx.metas.all(k))
        .map(str::to_string);
    let structured = metas
        .chain(times)
        .filter_map(|t| date::stamp(&t, dates.order));
    let shown = near_headline(cx, &[&cx.page.date_nodes, &cx.page.times])
        .into_iter()
        .map(|id| collect::text(cx.tree, id, 300))
        .chain(lines.iter().cloned())
        .filter_map(|t| date::written_stamp(&t, dates.order));
    structured
        .chain(shown)
        .find(|local| date::is_same_instant(&utc, local))
        .map(|local| local.local.date())
        .filter(|&d| dates.is_plausible(d))
}

/// The nodes of `lists` as one list: those at or after the headline first, in document order,
/// then those before it, nearest first.
fn near_headline(cx: &Context, lists: &[&[NodeId]]) -> Vec<NodeId> {
    let mut nodes = lists.concat();
    nodes.sort_unstable();
    nodes.dedup();
    near_anchor(cx.anchor, &nodes).collect()
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
pub(super) fn modified(cx: &Context, dates: &Dates) -> Option<NaiveDate> {
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

/// Day or month first: the order the page shows in an unambiguous date, else its language's
/// (month first for American English, day first elsewhere).
pub(super) fn day_order(language: Option<&str>, cx: &Context, lines: &[String]) -> DayOrder {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        assert!(DATE_LABEL.is_match("发表于 2005-07-31"));
        assert!(DATE_LABEL.is_match("Posted on March 3, 2025"));
        assert!(!DATE_LABEL.is_match("Updated March 3, 2025"));
    }
}
