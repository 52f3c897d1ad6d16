//! The page that started the project: dechaff must return exactly its eight body paragraphs
//! and its headline, from the semantic page and from a copy where every element is a
//! `<div>`/`<span>` with meaningless class names and no structured data.
//!
//! The gold is read from the corpus at run time (`DECHAFF_CORPUS`, default `../shared/corpus`),
//! never copied into the repository.

use std::path::PathBuf;

fn corpus() -> PathBuf {
    std::env::var_os("DECHAFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn expected_text() -> String {
    let path = corpus().join("seed/expected.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .trim()
        .to_string()
}

fn expected_title() -> String {
    let path = corpus().join("seed/meta.json");
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
    )
    .expect("seed meta.json is JSON");
    meta["expected"]["title"]
        .as_str()
        .expect("seed meta.json has expected.title")
        .to_string()
}

fn check(page: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/pages")
        .join(page);
    let html = std::fs::read_to_string(&path).expect("seed page is shipped in the repo");
    let article = dechaff::extract(&html).expect("the seed page has content");
    assert_eq!(article.text, expected_text(), "text of {page}");
    assert_eq!(
        article.title.as_deref(),
        Some(expected_title().as_str()),
        "title of {page}"
    );
}

#[test]
fn seed_page_gives_exactly_the_eight_paragraphs_and_the_headline() {
    check("kyiv-independent.html");
}

#[test]
fn seed_page_with_only_divs_and_hashed_classes_gives_the_same() {
    check("kyiv-independent-divs.html");
}
