//! JSON-LD (`<script type="application/ld+json">`): schema.org objects describing the page.
//!
//! Blocks are repaired the cheap ways browsers' users never notice (an HTML comment or CDATA
//! wrapper, trailing commas, raw line breaks inside strings) and then parsed with `serde_json`;
//! a block that still fails is skipped. Objects are gathered from `@graph`s, arrays and
//! nesting; `{"@id": …}` references are resolved against the objects that define them.
//!
//! The page's main object is the first article-like one (`Article`, `NewsArticle`,
//! `BlogPosting`, `ReportageNewsArticle`, …), else the first `WebPage`-like one; other fields
//! fall back to the other objects of those kinds.

use std::collections::{HashMap, VecDeque};

use serde_json::{Map, Value};

/// What the page's JSON-LD says about it. Strings are trimmed and never empty.
#[derive(Debug, Default, PartialEq)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) publisher: Option<String>,
    /// The `name` of a `WebSite` object.
    pub(super) website: Option<String>,
    pub(super) description: Option<String>,
    pub(super) url: Option<String>,
    pub(super) image: Option<String>,
    pub(super) keywords: Vec<String>,
    pub(super) sections: Vec<String>,
    pub(super) language: Option<String>,
}

/// How much an object's `@type` says it describes the page itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Other,
    Page,
    Article,
}

/// Read every JSON-LD block of the page.
pub(super) fn read(scripts: &[String]) -> JsonLd {
    let values: Vec<Value> = scripts.iter().flat_map(|s| parse(s)).collect();
    let objects = gather(&values, |_| true);
    let ids = defined_ids(&objects);
    // The page's own objects: a cited article's or a comment's author is not the page's.
    let own = gather(&values, |key| {
        matches!(key, "@graph" | "mainEntity" | "mainEntityOfPage")
    });
    let mut ranked: Vec<(Rank, &Map<String, Value>)> = own
        .iter()
        .map(|o| (rank(o), *o))
        .filter(|(r, _)| *r > Rank::Other)
        .collect();
    // Stable: among objects of one rank, the first on the page comes first.
    ranked.sort_by_key(|(r, _)| std::cmp::Reverse(*r));
    let main: Vec<&Map<String, Value>> = ranked.iter().map(|(_, o)| *o).collect();
    let r = Resolver { ids: &ids };
    JsonLd {
        headline: first(&main, |o| string(o.get("headline")))
            .or_else(|| first(&main, |o| string(o.get("name")))),
        authors: first_list(&main, |o| {
            r.names(o.get("author").or_else(|| o.get("creator")))
        }),
        published: first(&main, |o| {
            string(o.get("datePublished")).or_else(|| string(o.get("dateCreated")))
        }),
        modified: first(&main, |o| string(o.get("dateModified"))),
        publisher: first(&main, |o| r.names(o.get("publisher")).into_iter().next()),
        website: objects
            .iter()
            .find(|o| has_type(o, "WebSite"))
            .and_then(|o| string(o.get("name"))),
        description: first(&main, |o| string(o.get("description"))),
        url: first(&main, |o| {
            string(o.get("url")).or_else(|| r.id_or_url(o.get("mainEntityOfPage")))
        }),
        image: first(&main, |o| r.image(o.get("image"))),
        keywords: first_list(&main, |o| list(o.get("keywords"))),
        sections: first_list(&main, |o| list(o.get("articleSection"))),
        language: first(&main, |o| r.language(o.get("inLanguage"))),
    }
}

/// Parse one block, repaired, as one or more JSON values (some sites concatenate objects).
fn parse(script: &str) -> Vec<Value> {
    let repaired = repair(script);
    serde_json::Deserializer::from_str(&repaired)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// Undo what browsers' users never notice: a `<!-- … -->` or `<![CDATA[ … ]]>` wrapper
/// (often behind `//`), commas before `}` or `]`, and raw control characters inside strings,
/// which JSON forbids and which become spaces here.
fn repair(script: &str) -> String {
    let text = strip_wrappers(script);
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                c if c.is_control() => {
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' && is_trailing_comma(chars.clone()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Pieces of comment and CDATA wrappers, in any combination: `<!--//--><![CDATA[// ><!--`
/// before the JSON and `//--><!]]>` after it (Drupal), or plain `<![CDATA[ … ]]>`.
const WRAPPERS: [&str; 7] = ["<!--", "-->", "//", "<![CDATA[", "]]>", "<!]]>", ">"];

fn strip_wrappers(script: &str) -> &str {
    let mut text = script.trim();
    while let Some(rest) = WRAPPERS.iter().find_map(|w| text.strip_prefix(w)) {
        text = rest.trim_start();
    }
    while let Some(rest) = WRAPPERS.iter().find_map(|w| text.strip_suffix(w)) {
        text = rest.trim_end();
    }
    text
}

/// Whether only white space stands between a comma and the `}` or `]` that closes its list.
fn is_trailing_comma(rest: impl Iterator<Item = char>) -> bool {
    let mut rest = rest.skip_while(|c| c.is_whitespace());
    matches!(rest.next(), Some('}' | ']'))
}

/// The objects in `values`, outer ones first (breadth first), without recursion, entering only
/// the properties `enter` accepts.
fn gather(values: &[Value], enter: impl Fn(&str) -> bool) -> Vec<&Map<String, Value>> {
    let mut objects = Vec::new();
    let mut queue: VecDeque<&Value> = values.iter().collect();
    while let Some(value) = queue.pop_front() {
        match value {
            Value::Object(map) => {
                objects.push(map);
                queue.extend(map.iter().filter(|(k, _)| enter(k)).map(|(_, v)| v));
            }
            Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    objects
}

/// Objects that define an `@id` (more than a bare reference), by id.
fn defined_ids<'a>(objects: &[&'a Map<String, Value>]) -> HashMap<&'a str, &'a Map<String, Value>> {
    let mut ids = HashMap::new();
    for object in objects.iter().filter(|o| o.len() > 1) {
        if let Some(Value::String(id)) = object.get("@id") {
            ids.entry(id.as_str()).or_insert(*object);
        }
    }
    ids
}

fn types(object: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let value = object.get("@type");
    let one = value.and_then(Value::as_str);
    let many = value.and_then(Value::as_array).into_iter().flatten();
    one.into_iter().chain(many.filter_map(Value::as_str))
}

fn has_type(object: &Map<String, Value>, name: &str) -> bool {
    types(object).any(|t| t == name)
}

fn rank(object: &Map<String, Value>) -> Rank {
    types(object)
        .map(|t| {
            // Drop a vocabulary prefix: `schema:NewsArticle`, `http://schema.org/Article`.
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            if t.ends_with("Article")
                || matches!(
                    t,
                    "BlogPosting"
                        | "LiveBlogPosting"
                        | "SocialMediaPosting"
                        | "DiscussionForumPosting"
                        | "Report"
                        | "Recipe"
                        | "HowTo"
                        | "Review"
                )
            {
                Rank::Article
            } else if t.ends_with("Page") {
                Rank::Page
            } else {
                Rank::Other
            }
        })
        .max()
        .unwrap_or(Rank::Other)
}

fn first<'a, T>(
    objects: &[&'a Map<String, Value>],
    get: impl Fn(&'a Map<String, Value>) -> Option<T>,
) -> Option<T> {
    objects.iter().find_map(|o| get(o))
}

fn first_list<'a>(
    objects: &[&'a Map<String, Value>],
    get: impl Fn(&'a Map<String, Value>) -> Vec<String>,
) -> Vec<String> {
    objects
        .iter()
        .map(|o| get(o))
        .find(|l| !l.is_empty())
        .unwrap_or_default()
}

/// A non-empty string value, trimmed, with the HTML entities some sites leave in JSON-LD
/// decoded; the first one of an array.
fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(decode_entities(s.trim())).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| string(Some(v))),
        _ => None,
    }
}

/// Strings of a list, or of one comma-separated string: `keywords`, `articleSection`.
fn list(value: Option<&Value>) -> Vec<String> {
    let strings: Vec<String> = match value {
        Some(Value::Array(items)) => items.iter().filter_map(|v| string(Some(v))).collect(),
        Some(v) => string(Some(v))
            .map(|s| s.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    strings
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Follows `{"@id": …}` references.
struct Resolver<'a> {
    ids: &'a HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Resolver<'a> {
    fn resolve(&self, object: &'a Map<String, Value>) -> &'a Map<String, Value> {
        match object.get("@id") {
            Some(Value::String(id)) if object.len() == 1 => {
                self.ids.get(id.as_str()).copied().unwrap_or(object)
            }
            _ => object,
        }
    }

    /// The names in an `author`/`publisher` value: a string, a `Person` or `Organization`
    /// object (or a reference to one), or a list of those.
    fn names(&self, value: Option<&'a Value>) -> Vec<String> {
        match value {
            Some(v @ Value::String(_)) => string(Some(v)).into_iter().collect(),
            Some(Value::Object(o)) => {
                let o = self.resolve(o);
                string(o.get("name"))
                    .or_else(|| {
                        let given = string(o.get("givenName"))?;
                        let family = string(o.get("familyName"))?;
                        Some(format!("{given} {family}"))
                    })
                    .into_iter()
                    .collect()
            }
            Some(Value::Array(items)) => items.iter().flat_map(|v| self.names(Some(v))).collect(),
            _ => Vec::new(),
        }
    }

    /// A URL given directly or as an object's `@id` / `url`: `mainEntityOfPage`.
    fn id_or_url(&self, value: Option<&'a Value>) -> Option<String> {
        match value? {
            Value::Object(o) => string(o.get("@id")).or_else(|| string(self.resolve(o).get("url"))),
            v => string(Some(v)),
        }
    }

    /// An image URL: a string, an `ImageObject` (`url` or `contentUrl`), or the first of a list.
    fn image(&self, value: Option<&'a Value>) -> Option<String> {
        match value? {
            Value::Object(o) => {
                let o = self.resolve(o);
                string(o.get("url")).or_else(|| string(o.get("contentUrl")))
            }
            Value::Array(items) => items.iter().find_map(|v| self.image(Some(v))),
            v => string(Some(v)),
        }
    }

    /// `inLanguage`: a tag, or a `Language` object with one.
    fn language(&self, value: Option<&'a Value>) -> Option<String> {
        match value? {
            Value::Object(o) => {
                let o = self.resolve(o);
                string(o.get("alternateName")).or_else(|| string(o.get("name")))
            }
            v => string(Some(v)),
        }
    }
}

/// Decode the entities that leak into JSON-LD strings from templates: numeric ones (`&#39;`,
/// `&#x2019;`), the markup ones (`&amp;`, `&quot;`), accented Latin letters (`&oacute;`) and
/// typographic punctuation (`&rsquo;`, `&hellip;`). Unknown ones are left as written.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = after.get(1..end)?;
            Some((entity(name)?, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let number = |digits: &str, radix| {
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
    };
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "aacute" => Some('\u{e1}'),
        "agrave" => Some('\u{e0}'),
        "acirc" => Some('\u{e2}'),
        "auml" => Some('\u{e4}'),
        "atilde" => Some('\u{e3}'),
        "eacute" => Some('\u{e9}'),
        "egrave" => Some('\u{e8}'),
        "ecirc" => Some('\u{ea}'),
        "euml" => Some('\u{eb}'),
        "iacute" => Some('\u{ed}'),
        "igrave" => Some('\u{ec}'),
        "icirc" => Some('\u{ee}'),
        "iuml" => Some('\u{ef}'),
        "itilde" => Some('\u{129}'),
        "oacute" => Some('\u{f3}'),
        "ograve" => Some('\u{f2}'),
        "ocirc" => Some('\u{f4}'),
        "ouml" => Some('\u{f6}'),
        "otilde" => Some('\u{f5}'),
        "uacute" => Some('\u{fa}'),
        "ugrave" => Some('\u{f9}'),
        "ucirc" => Some('\u{fb}'),
        "uuml" => Some('\u{fc}'),
        "utilde" => Some('\u{169}'),
        "yacute" => Some('\u{fd}'),
        "ycirc" => Some('\u{177}'),
        "yuml" => Some('\u{ff}'),
        "Aacute" => Some('\u{c1}'),
        "Agrave" => Some('\u{c0}'),
        "Acirc" => Some('\u{c2}'),
        "Auml" => Some('\u{c4}'),
        "Atilde" => Some('\u{c3}'),
        "Eacute" => Some('\u{c9}'),
        "Egrave" => Some('\u{c8}'),
        "Ecirc" => Some('\u{ca}'),
        "Euml" => Some('\u{cb}'),
        "Iacute" => Some('\u{cd}'),
        "Igrave" => Some('\u{cc}'),
        "Icirc" => Some('\u{ce}'),
        "Iuml" => Some('\u{cf}'),
        "Itilde" => Some('\u{128}'),
        "Oacute" => Some('\u{d3}'),
        "Ograve" => Some('\u{d2}'),
        "Ocirc" => Some('\u{d4}'),
        "Ouml" => Some('\u{d6}'),
        "Otilde" => Some('\u{d5}'),
        "Uacute" => Some('\u{da}'),
        "Ugrave" => Some('\u{d9}'),
        "Ucirc" => Some('\u{db}'),
        "Uuml" => Some('\u{dc}'),
        "Utilde" => Some('\u{168}'),
        "Yacute" => Some('\u{dd}'),
        "Ycirc" => Some('\u{176}'),
        "Yuml" => Some('\u{178}'),
        "ntilde" => Some('\u{f1}'),
        "Ntilde" => Some('\u{d1}'),
        "ccedil" => Some('\u{e7}'),
        "Ccedil" => Some('\u{c7}'),
        "szlig" => Some('\u{df}'),
        "aring" => Some('\u{e5}'),
        "Aring" => Some('\u{c5}'),
        "aelig" => Some('\u{e6}'),
        "AElig" => Some('\u{c6}'),
        "oslash" => Some('\u{f8}'),
        "Oslash" => Some('\u{d8}'),
        "hellip" => Some('\u{2026}'),
        "ndash" => Some('\u{2013}'),
        "mdash" => Some('\u{2014}'),
        "lsquo" => Some('\u{2018}'),
        "rsquo" => Some('\u{2019}'),
        "ldquo" => Some('\u{201c}'),
        "rdquo" => Some('\u{201d}'),
        "laquo" => Some('\u{ab}'),
        "raquo" => Some('\u{bb}'),
        "copy" => Some('\u{a9}'),
        "reg" => Some('\u{ae}'),
        "euro" => Some('\u{20ac}'),
        "middot" => Some('\u{b7}'),
        "bull" => Some('\u{2022}'),
        "trade" => Some('\u{2122}'),
        "deg" => Some('\u{b0}'),
        "iexcl" => Some('\u{a1}'),
        "iquest" => Some('\u{bf}'),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(hex.get(1..)?, 16),
            decimal => number(decimal, 10),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_one(script: &str) -> JsonLd {
        read(&[script.to_string()])
    }

    #[test]
    fn graph_with_author_reference() {
        let ld = read_one(
            r#"{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://x.org/#website","name":"X Daily"},
              {"@type":"WebPage","@id":"https://x.org/a/#webpage","name":"A | X Daily",
               "datePublished":"2024-01-01T00:00:00+00:00"},
              {"@type":"Article","headline":"A","author":{"@id":"https://x.org/#/person/1"},
               "datePublished":"2025-04-25T10:00:00+02:00","dateModified":"2025-04-26",
               "publisher":{"@id":"https://x.org/#org"},"keywords":["a","b"],
               "articleSection":"News","mainEntityOfPage":{"@id":"https://x.org/a/"}},
              {"@type":"Organization","@id":"https://x.org/#org","name":"X Media"},
              {"@type":"Person","@id":"https://x.org/#/person/1","name":"Jane Doe"}]}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("A"));
        assert_eq!(ld.authors, ["Jane Doe"]);
        assert_eq!(ld.published.as_deref(), Some("2025-04-25T10:00:00+02:00"));
        assert_eq!(ld.modified.as_deref(), Some("2025-04-26"));
        assert_eq!(ld.publisher.as_deref(), Some("X Media"));
        assert_eq!(ld.website.as_deref(), Some("X Daily"));
        assert_eq!(ld.url.as_deref(), Some("https://x.org/a/"));
        assert_eq!(ld.keywords, ["a", "b"]);
        assert_eq!(ld.sections, ["News"]);
    }

    #[test]
    fn top_level_array_and_author_list() {
        let ld = read_one(
            r#"[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"H",
                "author":[{"@type":"Person","name":"A One"},{"@type":"Person","name":"B Two"}, "C Three"]}]"#,
        );
        assert_eq!(ld.authors, ["A One", "B Two", "C Three"]);
    }

    #[test]
    fn article_beats_page_whatever_the_order() {
        let ld = read(&[
            r#"{"@type":"WebPage","name":"Page name","description":"page"}"#.to_string(),
            r#"{"@type":"ReportageNewsArticle","headline":"Story","author":{"name":"Ann"}}"#
                .to_string(),
        ]);
        assert_eq!(ld.headline.as_deref(), Some("Story"));
        // The article has no description: the page's is used.
        assert_eq!(ld.description.as_deref(), Some("page"));
    }

    #[test]
    fn cited_articles_are_not_the_page() {
        let ld = read_one(
            r#"{"@type":"ScholarlyArticle","headline":"Paper","author":{"name":"Ann Lee"},
               "citation":[{"@type":"ScholarlyArticle","author":[{"name":"Cited Person"}]}]}"#,
        );
        assert_eq!(ld.authors, ["Ann Lee"]);
        let ld = read_one(
            r#"{"@type":"WebPage","citation":{"@type":"Article","author":"Cited Person"}}"#,
        );
        assert!(ld.authors.is_empty());
    }

    #[test]
    fn nested_objects_are_found() {
        let ld = read_one(
            r#"{"@type":"WebPage","mainEntity":{"@type":"BlogPosting","headline":"Deep",
               "author":{"@type":"Person","givenName":"Ada","familyName":"Lovelace"},
               "image":{"@type":"ImageObject","url":"https://x.org/i.jpg"}}}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("Deep"));
        assert_eq!(ld.authors, ["Ada Lovelace"]);
        assert_eq!(ld.image.as_deref(), Some("https://x.org/i.jpg"));
    }

    #[test]
    fn malformed_json_that_browsers_users_tolerate_is_repaired() {
        let script =
            "<!--//--><![CDATA[// ><!--\n{\"@type\": \"Article\", \"headline\": \"Line\none\",\
                      \"keywords\": [\"a\", \"b\",], }\n//--><!]]>";
        let ld = read_one(script);
        assert_eq!(ld.headline.as_deref(), Some("Line one"));
        assert_eq!(ld.keywords, ["a", "b"]);
        let wrapped = "<![CDATA[{\"@type\":\"Article\",\"headline\":\"C\"}]]>";
        assert_eq!(read_one(wrapped).headline.as_deref(), Some("C"));
    }

    #[test]
    fn broken_json_is_skipped_without_panicking() {
        for script in [
            "{",
            "{\"@type\": \"Article\", \"headline\": }",
            "",
            "[[[[",
            "\"\\u12\"",
        ] {
            assert_eq!(read_one(script), JsonLd::default());
        }
    }

    #[test]
    fn commas_inside_strings_are_kept() {
        let ld = read_one(r#"{"@type":"Article","headline":"a, ]","description":"x,}"}"#);
        assert_eq!(ld.headline.as_deref(), Some("a, ]"));
        assert_eq!(ld.description.as_deref(), Some("x,}"));
    }

    #[test]
    fn entities_in_strings_are_decoded() {
        let ld = read_one(
            r#"{"@type":"Article","headline":"Tom &amp; Jerry&#8217;s &#x201C;day&#x201D; &bogus;"}"#,
        );
        assert_eq!(
            ld.headline.as_deref(),
            Some("Tom & Jerry\u{2019}s \u{201c}day\u{201d} &bogus;")
        );
    }

    #[test]
    fn keywords_as_one_string_are_split() {
        let ld = read_one(r#"{"@type":"Article","keywords":"one, two ,three"}"#);
        assert_eq!(ld.keywords, ["one", "two", "three"]);
    }
}
