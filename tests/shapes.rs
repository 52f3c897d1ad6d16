//! Page shapes the selection must get right, each a small copy of a shape found on the corpus.

const POST: &str = "I have a question about the two little screw holes under the power supply \
    bay of this case. The manual says nothing about them, but they look deliberate.";
const REPLY: &str = "They are for the optional fan bracket that ships with the larger model; \
    the smaller case uses the same panel, so the holes are there but unused.";

fn text(html: &str) -> String {
    match dechaff::extract(html) {
        Ok(article) => article.text,
        Err(err) => panic!("no content: {err}"),
    }
}

/// A forum thread whose posts are all marked as comments (Invision, many bulletin boards):
/// with no prose anywhere else, the posts are the content.
#[test]
fn a_thread_of_comment_posts_is_the_content() {
    let html = format!(
        "<body><nav><a href=/>Home</a> <a href=/f>Forums</a></nav>
         <h1>Screw holes under the PSU</h1>
         <div class=comments>
           <article class=comment><b>Rabbids</b><p>{POST}</p></article>
           <article class=comment><b>DevBiker</b><p>{REPLY}</p></article>
         </div>
         <footer>About us. Contact. Terms.</footer></body>"
    );
    let text = text(&html);
    assert!(
        text.contains("screw holes under the power supply"),
        "{text}"
    );
    assert!(text.contains("optional fan bracket"), "{text}");
    assert!(!text.contains("Terms"), "{text}");
}

/// Comments under an article stay out of the text when the article has prose of its own.
#[test]
fn comments_under_an_article_are_not_the_content() {
    let html = format!(
        "<body><article><h1>A case review</h1><p>{POST} {POST}</p><p>{REPLY}</p></article>
         <div class=comments><div class=comment><p>{REPLY} Great review, thanks.</p></div></div>
         </body>"
    );
    let text = text(&html);
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("Great review"), "{text}");
}

/// A cookie-consent dialog with more text than a short page is still not the page.
#[test]
fn a_long_consent_dialog_is_not_the_content() {
    let purpose = "This storage is used to remember your preferences, measure how the site is \
        used and show you relevant advertising across the websites you visit. ";
    let html = format!(
        "<body><main><h1>Screw holes</h1><p>{POST}</p></main>
         <div id=onetrust-consent-sdk><div role=dialog><h2>Privacy Preference Center</h2>
         <p>{purpose}{purpose}</p><p>{purpose}{purpose}</p><p>{purpose}</p></div></div></body>"
    );
    let text = text(&html);
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("Privacy Preference"), "{text}");
}

/// A product page wrapped in one big `<form>` (add to cart): the form is the page, not a
/// newsletter box.
#[test]
fn a_page_inside_a_form_is_not_a_form_widget() {
    let html = format!(
        "<body><div class=newsletter><form><input name=email> Get our news</form></div>
         <form action=/cart><h1>Quarter socks</h1><p>{POST}</p><p>{REPLY}</p>
         <input type=submit value=Add></form></body>"
    );
    let text = text(&html);
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("Get our news"), "{text}");
}

/// On a search or category page the hits are the content, though their container is named
/// after the search.
#[test]
fn search_results_are_the_content_of_a_search_page() {
    let hits: String = (1..=6)
        .map(|i| {
            format!(
                "<li><h3><a href=/p{i}>Trail shoe number {i}</a></h3>
                 <p>A light trail shoe with a rock plate, model {i}, for long runs on rough ground.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<body><form class=search-form><input name=q></form>
         <div id=search-results><ul>{hits}</ul></div></body>"
    );
    let text = text(&html);
    assert!(text.contains("model 1,"), "{text}");
    assert!(text.contains("model 6,"), "{text}");
}

/// A short post beside a sidebar with more text than the whole post: the sidebar holds most
/// of the page, but the page names its post body, so the sidebar is still a sidebar.
#[test]
fn a_short_named_post_beats_a_long_sidebar() {
    let about = "We are people who make things, have an urge to share them, and do not mind \
        explaining how we did it, so that other folks can benefit from what we learned. ";
    let html = format!(
        "<body><div id=content-wrapper><div class='post hentry'><h3>Not a photograph</h3>
         <div class='post-body entry-content'><p>{POST}</p></div></div></div>
         <div id=sidebar-wrapper><div class=widget><p>{about}{about}</p><p>{about}{about}</p>
         </div></div></body>"
    );
    let text = text(&html);
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("urge to share"), "{text}");
}

/// One paragraph is worth more than the post around it, whose headline and short list items
/// each cost a little: the post, which keeps most of the value, is the region.
#[test]
fn a_single_paragraph_post_keeps_its_headline() {
    let items: String = [
        "Amazon Kindle",
        "Barnes & Noble Nook",
        "Apple iPad",
        "Sony Reader",
    ]
    .iter()
    .map(|d| format!("<div>• {d}</div>"))
    .collect();
    let html = format!(
        "<body><div class=menu><a href=/>Home</a> <a href=/a>About</a></div>
         <div><h2>Now you can read the magazine on ebook readers</h2><div>By Lim, 08 June 2010</div>
         <p>{POST}</p>{items}</div>
         <div class=footer><p>Contact us. Refund policy. Give feedback.</p></div></body>"
    );
    let text = text(&html);
    assert!(text.contains("Now you can read"), "{text}");
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("Refund"), "{text}");
}

/// An article whose paragraphs sit directly in `<body>` after a hundred one-word widgets: no
/// element holds only the article, so its paragraphs join the best one as siblings.
#[test]
fn paragraphs_after_many_sibling_widgets_stay_together() {
    let html = format!(
        "<body>{}<p>{POST}</p><p>{REPLY}</p></body>",
        "<div>x</div>".repeat(100)
    );
    let text = text(&html);
    assert!(text.contains("screw holes"), "{text}");
    assert!(text.contains("fan bracket"), "{text}");
}

/// A headline and its standfirst, then a photo with a long caption and a share bar, then the
/// body: the head is a small cluster of its own, but it holds the `<h1>` and the body follows.
#[test]
fn the_standfirst_above_the_photo_stays_with_the_article() {
    let share: String = ["E-Mail", "Teilen", "Tweet", "Pocket", "Drucken"]
        .iter()
        .map(|s| format!("<li><a href=/s>{s}</a></li>"))
        .collect();
    let caption = "The photographer's long note about the picture, its place and its date, \
        with the agency credit and the licence, as news sites print under a lead photo. ";
    let body = format!("<p>{POST} {REPLY}</p>").repeat(6);
    let html = format!(
        "<body><article><div class=articlehead><h1>The future of work</h1>
         <p>Digital work will cost millions of jobs, the philosopher says, also in Germany.</p></div>
         <figure><img src=a.jpg><figcaption>{caption}{caption}{caption}</figcaption></figure>
         <ul class=share>{share}</ul><div class=related><a href=/r>{caption}</a></div>
         {body}</article></body>"
    );
    let text = text(&html);
    assert!(text.contains("Digital work will cost"), "{text}");
    assert!(text.contains("screw holes"), "{text}");
    assert!(!text.contains("photographer"), "{text}");
}

/// Product cards each with a "compare" checkbox are a product grid, not a row of form widgets.
#[test]
fn product_cards_with_compare_boxes_are_not_form_widgets() {
    let cards: String = (1..=8)
        .map(|i| {
            format!(
                "<div class=card><h3>Mirrorless camera model {i} with a kit lens</h3>
                 <ul><li>24MP APS-C sensor number {i}</li><li>4K video at 30p</li></ul>
                 <label><input type=checkbox> Compare</label></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><div class=newsletter><input type=email> Get our deals</div><main>{cards}</main></body>"
    );
    let text = text(&html);
    assert!(text.contains("sensor number 1"), "{text}");
    assert!(text.contains("sensor number 8"), "{text}");
    assert!(!text.contains("Get our deals"), "{text}");
}

/// A "Related stories" box named as such inside the article: the box goes, the article after
/// it stays. An unnamed one still ends the article (see the terminator tests in `score.rs`).
#[test]
fn a_named_related_box_inside_the_article_does_not_end_it() {
    let links: String = (1..=4)
        .map(|i| format!("<li><a href=/r{i}>Another story about tablets, number {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><article><p>{POST}</p><p>{REPLY}</p>
         <div class=related><h3>Related stories</h3><ul>{links}</ul></div>
         <p>Games are the most popular apps on both devices, and news apps follow them, the \
         survey of forty thousand owners found.</p></article></body>"
    );
    let text = text(&html);
    assert!(text.contains("Games are the most popular"), "{text}");
    assert!(!text.contains("Another story"), "{text}");
}
