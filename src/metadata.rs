//! Metadata read from the parsed tree: the headline.
//!
//! The headline is the page's `<h1>` when the `<title>` or `og:title` confirms it (a page may
//! have several `<h1>`s, and the logo is often one), otherwise `og:title`, otherwise the
//! `<title>` without its site-name part ("Headline | Site", "Site - Headline").

use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::dom::{NodeMap, Tag, Tree};
use crate::render;

/// Separators between a headline and the site name in a `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// The page's headline, if it has one.
pub(crate) fn title(tree: &Tree, marks: &NodeMap<Mark>, blocks: &Blocks) -> Option<String> {
    let head = head_titles(tree);
    let h1s: Vec<String> = blocks
        .list
        .iter()
        .filter(|b| tree.tag(b.owner) == Some(Tag::H1))
        .map(|b| render::block_text(tree, marks, b))
        .filter(|t| !t.is_empty())
        .take(4)
        .collect();
    // The longest confirmed one: a logo `<h1>` matches the site-name part of the title too.
    let confirmed = h1s.iter().filter(|h1| {
        let h1 = h1.to_lowercase();
        [&head.title, &head.og_title]
            .into_iter()
            .flatten()
            .any(|t| t.to_lowercase().contains(&h1))
    });
    let confirmed = confirmed.max_by_key(|h1| h1.chars().count());
    if let Some(h1) = confirmed {
        return Some(h1.clone());
    }
    head.og_title
        .or_else(|| head.title.as_deref().map(strip_site_name))
        .or_else(|| h1s.into_iter().next())
        .filter(|t| !t.is_empty())
}

#[derive(Default)]
struct HeadTitles {
    title: Option<String>,
    og_title: Option<String>,
}

fn head_titles(tree: &Tree) -> HeadTitles {
    let mut found = HeadTitles::default();
    for id in tree.ids() {
        match tree.tag(id) {
            Some(Tag::Title) if found.title.is_none() => {
                let mut t = String::new();
                let mut child = id.next();
                while child < tree.end(id) {
                    if let Some(s) = tree.text(child) {
                        t.push_str(&s);
                    }
                    child = child.next();
                }
                let t = collapse(&t);
                if !t.is_empty() {
                    found.title = Some(t);
                }
            }
            Some(Tag::Meta) if found.og_title.is_none() => {
                let property = tree.attr(id, "property").or_else(|| tree.attr(id, "name"));
                if property.is_some_and(|p| p.eq_ignore_ascii_case("og:title")) {
                    found.og_title = tree
                        .attr(id, "content")
                        .map(|c| collapse(&c))
                        .filter(|c| !c.is_empty());
                }
            }
            Some(Tag::Body) => break,
            _ => {}
        }
    }
    found
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" → "Headline": the longest part between title separators.
fn strip_site_name(title: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{blocks, clean};

    fn title_of(html: &str) -> Option<String> {
        let tree = Tree::parse(html);
        let marks = clean::mark(&tree);
        let blocks = blocks::linearise(&tree, &marks);
        title(&tree, &marks, &blocks)
    }

    #[test]
    fn h1_confirmed_by_title_wins() {
        let html = "<title>Big news today | Daily</title><h1>Daily</h1><h1>Big news today</h1>";
        assert_eq!(title_of(html).as_deref(), Some("Big news today"));
    }

    #[test]
    fn site_name_is_stripped_from_title() {
        assert_eq!(
            title_of("<title>Daily Paper - The headline of the day</title>").as_deref(),
            Some("The headline of the day")
        );
    }

    #[test]
    fn og_title_beats_unconfirmed_h1() {
        let html = r#"<meta property="og:title" content="Real headline"><h1>Logo</h1>"#;
        assert_eq!(title_of(html).as_deref(), Some("Real headline"));
    }
}
