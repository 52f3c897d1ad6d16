//! The public API's promises that the compiler can check, and the errors' exact outcomes.

#[test]
fn extractor_is_clone_debug_send_sync_default() {
    fn assert_traits<T: Clone + std::fmt::Debug + Send + Sync + Default>() {}
    assert_traits::<dechaff::Extractor>();
    assert_traits::<dechaff::Article>();
}

#[test]
fn extract_is_the_default_extractor() {
    let html = "<nav><a href=/>Home</a></nav><article><p>One paragraph of real prose that a \
                reader came for, long enough to count as content.</p></article>";
    assert_eq!(
        dechaff::extract(html),
        dechaff::Extractor::default().extract(html)
    );
}

#[test]
fn empty_input_and_a_page_of_links_have_no_content() {
    assert_no_content(dechaff::extract(""));
    let links: String = (0..200)
        .map(|i| format!("<li><a href='/p/{i}'>Section number {i}</a></li>"))
        .collect();
    let html = format!("<ul>{links}</ul>");
    assert_no_content(dechaff::extract(&html));
}

#[test]
fn input_over_the_limit_is_refused_before_parsing() {
    let mut extractor = dechaff::Extractor::new();
    extractor.max_input_bytes(100);
    let html = "<p>x</p>".repeat(20);
    assert_eq!(
        extractor.extract(&html),
        Err(dechaff::Error::InputTooLarge {
            size: 160,
            limit: 100
        })
    );
    assert_eq!(
        extractor.extract_bytes(html.as_bytes()),
        Err(dechaff::Error::InputTooLarge {
            size: 160,
            limit: 100
        })
    );
}

#[test]
fn a_product_grid_without_prose_returns_its_entries_not_its_menu() {
    let menu: String = (0..12)
        .map(|i| format!("<li><a href='/c/{i}'>Category {i}</a></li>"))
        .collect();
    let cards: String = (0..12)
        .map(|i| {
            format!(
                "<div class=card><a href='/p/{i}'>Trail shoe model {i}</a>\
                 <div>${i}9.95 - 4.{i} out of 5 stars</div></div>"
            )
        })
        .collect();
    let html = format!("<nav><ul>{menu}</ul></nav><div class=grid>{cards}</div>");
    let article = dechaff::extract(&html).expect("a product grid has content");
    assert!(article
        .text
        .starts_with("Trail shoe model 0\n\n$09.95 - 4.0 out of 5 stars"));
    assert!(article.text.contains("Trail shoe model 11"));
    assert!(!article.text.contains("Category"));
}

fn extract_with(favor: dechaff::Favor, html: &str) -> String {
    let mut extractor = dechaff::Extractor::new();
    extractor.favor(favor);
    extractor.extract(html).map(|a| a.text).unwrap_or_default()
}

#[test]
fn precision_drops_a_paragraph_with_many_links_that_balanced_keeps() {
    let html = "<article><p>The council met on Monday to discuss the budget for the coming year, \
                and agreed on most of it.</p><p>Read more in our <a href=/a>coverage of the \
                election results</a> from last week, which explains the background.</p><p>The \
                vote on the remaining items is planned for the second week of next month.</p>\
                </article>";
    let balanced = extract_with(dechaff::Favor::Balanced, html);
    let precision = extract_with(dechaff::Favor::Precision, html);
    assert!(balanced.contains("Read more in our coverage"));
    assert!(!precision.contains("Read more in our coverage"));
    assert!(precision.contains("The council met") && precision.contains("The vote on"));
}

#[test]
fn favor_nests_precision_in_balanced_in_recall_on_the_shipped_pages() {
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/pages");
    for page in [
        "kyiv-independent",
        "kyiv-independent-divs",
        "blog-post",
        "docs-page",
    ] {
        let html = std::fs::read_to_string(pages.join(format!("{page}.html"))).expect("shipped");
        let precision = extract_with(dechaff::Favor::Precision, &html);
        let balanced = extract_with(dechaff::Favor::Balanced, &html);
        let recall = extract_with(dechaff::Favor::Recall, &html);
        for block in precision.split("\n\n") {
            assert!(
                balanced.contains(block),
                "{page}: precision block not in balanced: {block}"
            );
        }
        for block in balanced.split("\n\n") {
            assert!(
                recall.contains(block),
                "{page}: balanced block not in recall: {block}"
            );
        }
    }
}

#[test]
fn a_page_that_is_only_navigation_has_no_content() {
    let html = "<html><body><nav><a href='/'>Home</a> <a href='/menu'>Menu</a> \
                <a href='/about'>About us</a></nav></body></html>";
    assert_no_content(dechaff::extract(html));
}

fn assert_no_content(result: Result<dechaff::Article, dechaff::Error>) {
    assert!(
        matches!(result, Err(dechaff::Error::NoContent { .. })),
        "expected no content, got {result:?}"
    );
}

#[test]
fn no_content_still_carries_the_metadata() {
    let html = r#"<html lang="en"><head><title>All sections | Daily Planet</title>
        <meta property="og:site_name" content="Daily Planet">
        <meta name="description" content="Every section of the paper.">
        <link rel="canonical" href="https://example.com/sections"></head>
        <body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></body></html>"#;
    let result = dechaff::extract_bytes(html.as_bytes());
    let Err(dechaff::Error::NoContent { partial }) = result else {
        panic!("a page of navigation has no content: {result:?}");
    };
    assert_eq!(partial.text, "");
    assert_eq!(partial.confidence, 0.0);
    assert_eq!(partial.markdown, None);
    assert_eq!(partial.title.as_deref(), Some("All sections"));
    assert_eq!(partial.site_name.as_deref(), Some("Daily Planet"));
    assert_eq!(
        partial.description.as_deref(),
        Some("Every section of the paper.")
    );
    assert_eq!(partial.url.as_deref(), Some("https://example.com/sections"));
    assert_eq!(partial.language.as_deref(), Some("en"));
    assert_eq!(partial.encoding.as_deref(), Some("UTF-8"));
}
