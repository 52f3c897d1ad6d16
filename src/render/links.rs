//! Absolute URLs for links and images.
//!
//! Relative URLs resolve as a browser resolves them: against the page's `<base href>`, itself
//! resolved against the document's URL. The document's URL is the one the caller gave
//! ([`crate::Extractor::base_url`]), else the page's `<link rel="canonical">`. Without either,
//! relative URLs stay as written: there is nothing to make them absolute with.
//!
//! Only schemes a reader can follow survive (`http`, `https`, `mailto`, `ftp`, `tel`; for images
//! `http` and `https`): a `javascript:` link or a `data:` placeholder image must not reach
//! rendered HTML.

use url::{ParseError, Url};

use crate::dom::{Tag, Tree};

/// Schemes a link may keep.
const LINK_SCHEMES: [&str; 5] = ["http", "https", "mailto", "ftp", "tel"];

/// Schemes an image may keep: a `data:` URL is a lazy-loading placeholder or an inline blob.
const IMAGE_SCHEMES: [&str; 2] = ["http", "https"];

/// The URL that relative links on the page resolve against, if there is one.
pub(crate) fn page_base(tree: &Tree, document: Option<&Url>) -> Option<Url> {
    let mut canonical = None;
    let mut base_href = None;
    for id in tree.ids() {
        match tree.tag(id) {
            Some(Tag::Link) if canonical.is_none() && tree.attr_is(id, "rel", is_canonical) => {
                canonical = tree.attr(id, "href");
            }
            Some(Tag::Base) if base_href.is_none() => base_href = tree.attr(id, "href"),
            // Both belong in `<head>`: stop before the body, which is most of the page.
            Some(Tag::Body) => break,
            _ => {}
        }
    }
    let document = document
        .cloned()
        .or_else(|| canonical.and_then(|c| Url::parse(c.trim()).ok()));
    match base_href {
        Some(href) => match &document {
            Some(document) => document.join(href.trim()).ok().or(Some(document.clone())),
            None => Url::parse(href.trim()).ok(),
        },
        None => document,
    }
}

fn is_canonical(rel: &str) -> bool {
    rel.split_ascii_whitespace()
        .any(|token| token.eq_ignore_ascii_case("canonical"))
}

/// The target of a link `href`, or `None` when it goes nowhere a reader can follow: empty, a
/// fragment of the page (the anchor may not be in the output), or a script.
pub(crate) fn link(base: Option<&Url>, href: &str) -> Option<String> {
    if href.trim_start().starts_with('#') {
        return None;
    }
    resolve(base, href, &LINK_SCHEMES)
}

/// The source of an image, from `src` or a lazy-loading attribute.
pub(crate) fn image(base: Option<&Url>, src: &str) -> Option<String> {
    resolve(base, src, &IMAGE_SCHEMES)
}

fn resolve(base: Option<&Url>, href: &str, schemes: &[&str]) -> Option<String> {
    // HTML strips leading and trailing ASCII white space from URL attributes.
    let href = href.trim_matches(|c: char| c.is_ascii_whitespace());
    if href.is_empty() {
        return None;
    }
    let url = match base {
        Some(base) => base.join(href),
        None => Url::parse(href),
    };
    match url {
        Ok(url) if schemes.contains(&url.scheme()) => Some(url.into()),
        Ok(_) => None,
        // No scheme and nothing to resolve it against: a relative URL, kept as written.
        Err(ParseError::RelativeUrlWithoutBase) => Some(href.to_string()),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_of(html: &str, document: Option<&str>) -> Option<String> {
        let document = document.map(|d| Url::parse(d).unwrap());
        page_base(&Tree::parse(html), document.as_ref()).map(String::from)
    }

    #[test]
    fn canonical_url_is_the_base_when_none_is_given() {
        let html = r#"<link rel="Canonical" href="https://example.com/a/b.html"><p>x</p>"#;
        assert_eq!(
            base_of(html, None).as_deref(),
            Some("https://example.com/a/b.html")
        );
        assert_eq!(
            base_of(html, Some("https://other.org/")).as_deref(),
            Some("https://other.org/")
        );
    }

    #[test]
    fn base_element_resolves_against_the_document_url() {
        let html = r#"<base href="/docs/"><p>x</p>"#;
        assert_eq!(
            base_of(html, Some("https://example.com/a/b")).as_deref(),
            Some("https://example.com/docs/")
        );
        assert_eq!(base_of(html, None), None);
    }

    #[test]
    fn links_resolve_and_unsafe_schemes_are_dropped() {
        let base = Url::parse("https://example.com/a/b.html").ok();
        let base = base.as_ref();
        assert_eq!(
            link(base, " ../c?q=1 ").as_deref(),
            Some("https://example.com/c?q=1")
        );
        assert_eq!(link(base, "javascript:alert(1)"), None);
        assert_eq!(link(base, "#top"), None);
        assert_eq!(link(None, "/x y").as_deref(), Some("/x y"));
        assert_eq!(image(base, "data:image/gif;base64,R0lGOD"), None);
        assert_eq!(
            image(base, "img/p.png").as_deref(),
            Some("https://example.com/a/img/p.png")
        );
    }
}
