//! Output options choose formats and markup, never content: the text is the same whatever the
//! formats, links and images, and comments never reach it.

use std::path::PathBuf;

use dechaff::{Extractor, Output};

/// The fixtures, the shipped example pages, and every tenth readability page of the corpus
/// when it is there (`DECHAFF_CORPUS`, default `../shared/corpus`).
fn pages() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("DECHAFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let mut paths = Vec::new();
    for dir in [root.join("tests/fixtures"), corpus.join("readability")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path().join("page.html")))
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        let step = if dir.ends_with("readability") { 10 } else { 1 };
        paths.extend(found.into_iter().step_by(step));
    }
    let examples = std::fs::read_dir(root.join("examples/pages")).expect("examples/pages");
    paths.extend(
        examples
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html")),
    );
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read(&p).expect("readable page"),
            )
        })
        .collect()
}

#[test]
fn text_is_the_same_whatever_the_formats_links_and_images() {
    let mut configured = Vec::new();
    for outputs in [
        &[Output::Markdown][..],
        &[Output::Html],
        &[Output::Text, Output::Markdown, Output::Html],
    ] {
        for links in [true, false] {
            for images in [true, false] {
                let mut extractor = Extractor::new();
                extractor
                    .outputs(outputs)
                    .links(links)
                    .images(images)
                    .comments(true)
                    .base_url("https://example.com/a/");
                configured.push(extractor);
            }
        }
    }
    for (name, html) in pages() {
        let plain = Extractor::new().extract_bytes(&html).map(|a| a.text);
        for extractor in &configured {
            let text = extractor.extract_bytes(&html).map(|a| a.text);
            assert_eq!(text, plain, "{name} with {extractor:?}");
        }
    }
}

#[test]
fn comments_go_to_their_own_field_never_into_text() {
    let html = "<article><h1>Title</h1><p>The article, a paragraph of prose that is long enough to \
                count as the content of this page.</p><p>A second paragraph of the article, so that \
                it holds more text than the comments below.</p></article>\
                <div id=comments><h3>2 comments</h3>\
                <div class=comment><a href=/u/1>Sam</a><p>Great piece, thank you for writing it \
                up in such detail.</p><a href=#reply>Reply</a></div>\
                <div class=comment><a href=/u/2>Kim</a><p>I tried this and it worked the first \
                time, which never happens.</p></div>\
                <form><textarea></textarea><p>Leave a reply</p></form></div>";
    let article = Extractor::new().comments(true).extract(html).unwrap();
    assert_eq!(
        article.comments.as_deref(),
        Some(
            "2 comments\n\nGreat piece, thank you for writing it up in such detail.\n\n\
             I tried this and it worked the first time, which never happens."
        )
    );
    assert!(!article.text.contains("Great piece"));
    assert_eq!(Extractor::new().extract(html).unwrap().comments, None);
}

#[test]
fn an_unusable_base_url_is_ignored() {
    let mut extractor = Extractor::new();
    extractor
        .base_url("https://example.com/")
        .base_url("not a url");
    assert_eq!(extractor, Extractor::new());
}

#[test]
fn article_round_trips_through_json_with_stable_names() {
    let html = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure/page.html"),
    )
    .unwrap();
    let article = Extractor::new()
        .outputs(&[Output::Markdown, Output::Html])
        .comments(true)
        .extract(&html)
        .unwrap();
    let json = serde_json::to_value(&article).unwrap();
    for key in ["title", "text", "encoding", "markdown", "html", "comments"] {
        assert!(json.get(key).is_some(), "{key} missing from {json}");
    }
    let back: dechaff::Article = serde_json::from_value(json).unwrap();
    assert_eq!(back, article);
    let old: dechaff::Article = serde_json::from_str(r#"{"text": "t", "future": 1}"#).unwrap();
    assert_eq!(old.text, "t");
    assert_eq!(old.markdown, None);
}
