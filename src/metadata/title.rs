//! The headline.
//!
//! The headline is the page's `<h1>` when the `<title>`, `og:title` or the JSON-LD headline
//! confirms it (a page may have several `<h1>`s, and the logo is often one), otherwise the
//! first of `og:title`, the JSON-LD headline and `twitter:title`, otherwise the `<title>`
//! without its site-name part ("Headline | Site", "Site - Headline").

use super::{collect, date};
use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tag, Tree};
use crate::render;

/// Separators between a headline and the site name in a `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// At most this many `<h1>`s are compared: more are a list's item titles.
const MAX_H1S: usize = 4;

/// Titles the page gives in its metadata, and what names the site.
#[derive(Debug, Default)]
pub(super) struct Claims<'a> {
    /// `<title>`.
    pub(super) title: Option<&'a str>,
    /// `og:title`, the JSON-LD headline and `twitter:title`, in that order.
    pub(super) others: Vec<&'a str>,
    /// Names of the site: `og:site_name`, the JSON-LD publisher, the URL's host.
    pub(super) site: Vec<&'a str>,
}

/// The headline, and the `<h1>` that shows it on the page (where the byline and date are).
///
/// An `<h1>` is the headline when a title claim confirms it: equal to a claim without its site
/// part, or contained in a claim. A claim that contains a confirmed `<h1>` and says more
/// ("Residential Electrician Coupons" for an `<h1>` "Coupons") is the fuller headline. An `<h1>`
/// that is only in the site part of a claim is the logo. With nothing confirmed, the first
/// claim wins, without its site part.
///
/// `h1_nodes` are all the page's `<h1>` elements. Those that the text leaves out (hidden, or
/// in a part the cleaner drops) may still be confirmed by a claim, after the shown ones, but
/// are never a headline or an anchor without one.
///
/// A headline found this way that only labels the page ("Home", "Shop") gives way to the first
/// shown `<h1>` that says more, else to the site's name: a shop's or a blog's front page has
/// titles like "Home - The GitHub Blog" or "The Barn Swallow - Shop".
pub(super) fn headline(
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
    h1_nodes: &[NodeId],
    claims: &Claims,
) -> (Option<String>, Option<NodeId>) {
    let h1s: Vec<(String, NodeId)> = blocks
        .list
        .iter()
        .filter(|b| tree.tag(b.owner) == Some(Tag::H1))
        .map(|b| (clean_heading(&render::block_text(tree, marks, b)), b.owner))
        .filter(|(t, _)| !t.is_empty())
        .take(MAX_H1S)
        .collect();
    let (title, anchor) = claimed_headline(tree, &h1s, h1_nodes, claims);
    let label = match title {
        Some(t) if is_page_label(&t) => t,
        other => return (other, anchor),
    };
    if let Some((h1, id)) = h1s.iter().find(|(h1, _)| !is_page_label(h1)) {
        return (Some(h1.clone()), Some(*id));
    }
    let site = claims.site.first().map(|s| s.to_string());
    (site.or(Some(label)), anchor)
}

/// Titles that label a kind of page rather than name it, lower case: what a CMS calls a
/// front page or a shop's index.
const PAGE_LABELS: &[&str] = &[
    "home",
    "home page",
    "homepage",
    "shop",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "index",
    "welcome",
    "untitled",
];

fn is_page_label(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    PAGE_LABELS.contains(&lower.as_str())
}

/// The headline that the title claims confirm, as [`headline`] describes, before page labels
/// are set aside.
fn claimed_headline(
    tree: &Tree,
    h1s: &[(String, NodeId)],
    h1_nodes: &[NodeId],
    claims: &Claims,
) -> (Option<String>, Option<NodeId>) {
    let unshown: Vec<(String, NodeId)> = h1_nodes
        .iter()
        .filter(|id| !h1s.iter().any(|(_, shown)| shown == *id))
        .map(|&id| (clean_heading(&collect::text(tree, id, 1000)), id))
        .filter(|(t, _)| !t.is_empty())
        .take(MAX_H1S)
        .collect();
    let raw: Vec<&str> = claims.others.iter().copied().chain(claims.title).collect();
    let stripped: Vec<String> = raw.iter().map(|t| strip_site(t, &claims.site)).collect();
    let lower = |s: &str| s.to_lowercase();
    // Only in the site part of some claim, and in no claim's headline part: a claim's site
    // part may be too wide ("Samsung Galaxy S25 Ultra | Specs | Samsung US" loses its first
    // part to the host's "samsung"), so another claim that keeps the `<h1>` outvotes it.
    let is_site_part = |h1: &str| {
        let in_site_part = raw.iter().zip(&stripped).any(|(r, s)| {
            r.len() > s.len() && !lower(s).contains(&lower(h1)) && lower(r).contains(&lower(h1))
        });
        in_site_part && !stripped.iter().any(|s| lower(s).contains(&lower(h1)))
    };
    let confirmed: Vec<&(String, NodeId)> = h1s
        .iter()
        .chain(&unshown)
        .filter(|(h1, _)| raw.iter().any(|t| lower(t).contains(&lower(h1))))
        .filter(|(h1, _)| !is_site_part(h1))
        .collect();
    let anchor = confirmed
        .first()
        .map(|(_, id)| *id)
        .or_else(|| h1s.first().map(|(_, id)| *id));
    let equal = confirmed
        .iter()
        .find(|(h1, _)| stripped.iter().any(|s| s.eq_ignore_ascii_case(h1)));
    if let Some((h1, id)) = equal {
        return (Some(h1.clone()), Some(*id));
    }
    if let Some((h1, id)) = confirmed.iter().max_by_key(|(h1, _)| h1.chars().count()) {
        let fuller = stripped.iter().find(|s| {
            // A claim that still has a separator may hold a site part: not fuller.
            words(s) > words(h1) && lower(s).contains(&lower(h1)) && split_last(s).is_none()
        });
        return (Some(fuller.unwrap_or(h1).clone()), Some(*id));
    }
    let title = stripped
        .into_iter()
        .chain(h1s.first().map(|(t, _)| t.clone()))
        .find(|t| !t.is_empty());
    (title, anchor)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A heading's text without the permalink mark documentation generators add ("Usage¶").
fn clean_heading(text: &str) -> String {
    text.trim_end_matches(['¶', '#', '§', '🔗'])
        .trim()
        .to_string()
}

/// "Headline | Site" → "Headline": the part of a title that names the site goes. A part names
/// the site when it matches one of `site` (`og:site_name`, the host); otherwise a last part
/// that is no longer than the rest is taken for the site ("Headline | Daily Planet").
pub(super) fn strip_site(title: &str, site: &[&str]) -> String {
    let mut title = title.trim();
    let mut stripped = false;
    for _ in 0..2 {
        let Some((head, tail)) = split_last(title) else {
            break;
        };
        if site.iter().any(|s| names_site(tail, s)) {
            title = head;
            stripped = true;
        }
    }
    if let Some((head, tail)) = split_first(title) {
        if site.iter().any(|s| names_site(head, s)) {
            title = tail;
            stripped = true;
        }
    }
    // "23.01.2022 - Headline": a date is not part of the headline.
    if let Some((head, tail)) = split_first(title) {
        if date::is_only_date(head) {
            title = tail;
        }
    }
    if !stripped {
        if let Some((head, tail)) = split_last(title) {
            if tail.trim().chars().count() <= head.trim().chars().count() {
                title = head;
            }
        }
    }
    title.trim().to_string()
}

fn split_last(title: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|(at, _)| *at)
        .and_then(|(at, len)| Some((title.get(..at)?, title.get(at + len..)?)))
}

fn split_first(title: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep).map(|at| (at, sep.len())))
        .min_by_key(|(at, _)| *at)
        .and_then(|(at, len)| Some((title.get(..at)?, title.get(at + len..)?)))
}

/// Shorter names match too much by containment ("news", "blog" are in many titles).
const MIN_SITE_CHARS: usize = 5;

/// Whether a title part names the site `site`: the same letters and digits, or one holding the
/// other ("Liberty University" and the host's `liberty`), ignoring case, spaces and punctuation.
fn names_site(part: &str, site: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (part, site) = (squash(part), squash(site));
    let long_enough = |s: &str| s.chars().count() >= MIN_SITE_CHARS;
    !part.is_empty()
        && (part == site
            || (long_enough(&site) && part.contains(&site))
            || (long_enough(&part) && site.contains(&part)))
}

/// The labels of a URL's host that can name a site: not `www`, not the top-level domain.
pub(super) fn host_names(url: &str) -> Vec<&str> {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let keep = labels.len().saturating_sub(1);
    labels
        .into_iter()
        .take(keep)
        .filter(|l| !matches!(*l, "www" | "com" | "co" | "org" | "net" | "ac" | "gov"))
        .collect()
}

/// "Headline | Site" → "Site": the part of the title around the headline, when the title has
/// exactly two parts.
pub(super) fn site_part(title: &str, headline: &str) -> Option<String> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (a, b) = title.split_once(sep)?;
        let (a, b) = (a.trim(), b.trim());
        if a.eq_ignore_ascii_case(headline) {
            Some(b.to_string())
        } else if b.eq_ignore_ascii_case(headline) {
            Some(a.to_string())
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{blocks, clean};

    fn title_of(html: &str, og: Option<&str>) -> Option<String> {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        let page = collect::page(&tree);
        let claims = Claims {
            title: page.title.as_deref(),
            others: og.into_iter().collect(),
            site: vec!["Daily Paper"],
        };
        headline(&tree, &marks, &blocks, &page.h1s, &claims).0
    }

    #[test]
    fn a_hidden_h1_confirmed_by_the_title_wins() {
        // A page-title block kept for screen readers, and a title with a tagline.
        let html = r#"<title>Smart Thermostats | Energy Efficiency Programs | Daily Paper</title>
            <div class="visually-hidden" hidden><h1>Smart Thermostats</h1></div>
            <p>A paragraph of plain prose, long enough to be the page's content.</p>"#;
        assert_eq!(title_of(html, None).as_deref(), Some("Smart Thermostats"));
        // Unconfirmed, a hidden heading is not the headline.
        let html = r#"<title>Smart Thermostats | Daily Paper</title>
            <div hidden><h1>Menu</h1></div>"#;
        assert_eq!(title_of(html, None).as_deref(), Some("Smart Thermostats"));
    }

    #[test]
    fn h1_confirmed_by_title_wins() {
        let html = "<title>Big news today | Daily</title><h1>Daily</h1><h1>Big news today</h1>";
        assert_eq!(title_of(html, None).as_deref(), Some("Big news today"));
    }

    #[test]
    fn h1_confirmed_by_og_title_wins() {
        let html = "<title>Daily</title><h1>Menu</h1><h1>Big news today</h1>";
        let title = title_of(html, Some("Big news today!"));
        assert_eq!(title.as_deref(), Some("Big news today"));
    }

    #[test]
    fn site_name_is_stripped_from_title() {
        assert_eq!(
            title_of("<title>Daily Paper - The headline of the day</title>", None).as_deref(),
            Some("The headline of the day")
        );
    }

    #[test]
    fn og_title_beats_unconfirmed_h1() {
        let html = "<h1>Logo</h1>";
        assert_eq!(
            title_of(html, Some("Real headline")).as_deref(),
            Some("Real headline")
        );
    }

    #[test]
    fn fuller_title_beats_a_partial_h1() {
        let html = "<title>Residential Electrician Coupons | Blue Collar</title><h1>Coupons</h1>";
        let title = title_of(html, None);
        assert_eq!(title.as_deref(), Some("Residential Electrician Coupons"));
    }

    #[test]
    fn an_h1_that_is_only_in_the_site_part_is_the_logo() {
        let html = "<title>Plan and audience | Quantum Science</title><h1>Quantum Science</h1>";
        let title = title_of(html, Some("Plan and audience - Daily Paper"));
        assert_eq!(title.as_deref(), Some("Plan and audience"));
    }

    #[test]
    fn an_h1_in_one_claims_site_part_but_another_claims_headline_is_the_headline() {
        let html = "<title>Galaxy S25 | Features | Daily Paper</title><h1>Galaxy S25</h1>";
        let title = title_of(html, Some("Daily Paper Galaxy S25 | Specs | Daily Paper"));
        assert_eq!(title.as_deref(), Some("Galaxy S25"));
    }

    #[test]
    fn a_page_label_gives_way_to_the_h1_or_the_site_name() {
        // "Shop" is the title once the site part goes; the shop's own name is its h1.
        let html = "<title>Daily Paper - Shop</title><h1>Daily Paper</h1><h1>Shop</h1>";
        assert_eq!(title_of(html, None).as_deref(), Some("Daily Paper"));
        let html = "<title>Daily Paper | Home Page</title><h1>Welcome to the Daily Paper</h1>";
        let title = title_of(html, None);
        assert_eq!(title.as_deref(), Some("Welcome to the Daily Paper"));
        // No h1: the site's name, not the label.
        let html = "<title>Home - Daily Paper</title><p>Latest posts</p>";
        assert_eq!(title_of(html, Some("Home")).as_deref(), Some("Daily Paper"));
    }

    #[test]
    fn documentation_permalink_marks_are_dropped() {
        let html = "<title>Advanced Usage</title><h1>Advanced Usage¶</h1>";
        assert_eq!(title_of(html, None).as_deref(), Some("Advanced Usage"));
    }

    #[test]
    fn site_names_and_hosts_are_stripped() {
        let site = ["Liberty University"];
        assert_eq!(
            strip_site("Online Tuition | Liberty University", &site),
            "Online Tuition"
        );
        let hosts = host_names("https://3d23d65ddc64ce5.substack.com/p/x");
        assert_eq!(hosts, ["3d23d65ddc64ce5", "substack"]);
        let title = "Choosing a Web framework - 3d23d65-ddc6-4ce5's Substack";
        assert_eq!(strip_site(title, &hosts), "Choosing a Web framework");
        assert_eq!(strip_site("Sudo - ArchWiki", &[]), "Sudo - ArchWiki");
        assert_eq!(strip_site("A long headline | Site", &[]), "A long headline");
    }

    #[test]
    fn a_leading_date_is_stripped() {
        assert_eq!(
            strip_site("23.01.2022 - Wierer wins the sprint in Antholz", &[]),
            "Wierer wins the sprint in Antholz"
        );
        assert_eq!(
            strip_site("Antholz 2022 - Wierer wins the sprint", &[]),
            "Antholz 2022 - Wierer wins the sprint"
        );
    }

    #[test]
    fn site_part_is_the_other_side() {
        assert_eq!(
            site_part("Headline | Site", "Headline").as_deref(),
            Some("Site")
        );
        assert_eq!(
            site_part("Site - Headline", "headline").as_deref(),
            Some("Site")
        );
        assert_eq!(site_part("Headline", "Headline"), None);
    }
}
