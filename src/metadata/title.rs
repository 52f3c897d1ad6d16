//! The headline.
//!
//! The headline is the page's `<h1>` when the `<title>`, `og:title` or the JSON-LD headline
//! confirms it (a page may have several `<h1>`s, and the logo is often one), otherwise the
//! first of `og:title`, the JSON-LD headline and `twitter:title`, otherwise the `<title>`
//! without its site-name part ("Headline | Site", "Site - Headline").

use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{NodeId, NodeMap, Tag, Tree};
use crate::render;

/// Separators between a headline and the site name in a `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// At most this many `<h1>`s are compared: more are a list's item titles.
const MAX_H1S: usize = 4;

/// Titles the page gives in its metadata.
#[derive(Debug, Default)]
pub(super) struct Claims<'a> {
    /// `<title>`.
    pub(super) title: Option<&'a str>,
    /// `og:title`, the JSON-LD headline and `twitter:title`, in that order.
    pub(super) others: Vec<&'a str>,
}

/// The headline, and the `<h1>` that shows it on the page (where the byline and date are).
pub(super) fn headline(
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
    claims: &Claims,
) -> (Option<String>, Option<NodeId>) {
    let h1s: Vec<(String, NodeId)> = blocks
        .list
        .iter()
        .filter(|b| tree.tag(b.owner) == Some(Tag::H1))
        .map(|b| (render::block_text(tree, marks, b), b.owner))
        .filter(|(t, _)| !t.is_empty())
        .take(MAX_H1S)
        .collect();
    let claimed: Vec<String> = claims
        .title
        .iter()
        .chain(&claims.others)
        .map(|t| t.to_lowercase())
        .collect();
    // The longest confirmed one: a logo `<h1>` matches the site-name part of the title too.
    let confirmed = h1s
        .iter()
        .filter(|(h1, _)| {
            let h1 = h1.to_lowercase();
            claimed.iter().any(|t| t.contains(&h1))
        })
        .max_by_key(|(h1, _)| h1.chars().count());
    if let Some((h1, owner)) = confirmed {
        return (Some(h1.clone()), Some(*owner));
    }
    let title = claims
        .others
        .first()
        .map(|t| t.to_string())
        .or_else(|| claims.title.map(strip_site_name))
        .or_else(|| h1s.first().map(|(t, _)| t.clone()))
        .filter(|t| !t.is_empty());
    let anchor = h1s.first().map(|(_, owner)| *owner);
    (title, anchor)
}

/// "Headline | Site" → "Headline": the longest part between title separators.
pub(super) fn strip_site_name(title: &str) -> String {
    let mut parts: Vec<&str> = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
        .to_string()
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
        let title = tree
            .ids()
            .find(|&id| tree.tag(id) == Some(Tag::Title))
            .map(|id| super::super::collect::text(&tree, id, 1000));
        let claims = Claims {
            title: title.as_deref(),
            others: og.into_iter().collect(),
        };
        headline(&tree, &marks, &blocks, &claims).0
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
