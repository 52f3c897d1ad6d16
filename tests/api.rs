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
    assert_eq!(dechaff::extract(""), Err(dechaff::Error::NoContent));
    let links: String = (0..200)
        .map(|i| format!("<li><a href='/p/{i}'>Section number {i}</a></li>"))
        .collect();
    let html = format!("<ul>{links}</ul>");
    assert_eq!(dechaff::extract(&html), Err(dechaff::Error::NoContent));
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
