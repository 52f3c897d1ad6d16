//! Metadata from tiny pages, one source per test.

use super::*;
use crate::{blocks, clean};

fn meta_of(html: &str) -> Metadata {
    meta_at(html, None)
}

fn meta_at(html: &str, now: Option<&str>) -> Metadata {
    let tree = Tree::parse(html);
    let marks = clean::mark(&tree);
    let blocks = blocks::linearise(&tree, &marks);
    extract(&tree, &marks, &blocks, now.and_then(parse_today))
}

const BODY: &str = "<p>A paragraph of plain prose, long enough to be the page's content.</p>";

#[test]
fn opengraph_and_article_metas() {
    let html = format!(
        r#"<meta property="og:title" content="Rain in Spain">
           <meta property="og:site_name" content="Weather Daily">
           <meta property="og:description" content="It rained.">
           <meta property="og:url" content="https://example.com/rain">
           <meta property="og:image" content="/rain.jpg">
           <meta property="article:published_time" content="2025-04-25T09:00:00+02:00">
           <meta property="article:modified_time" content="2025-04-26T09:00:00+02:00">
           <meta property="article:tag" content="Rain"><meta property="article:tag" content="Spain">
           <meta property="article:section" content="Weather">{BODY}"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.title.as_deref(), Some("Rain in Spain"));
    assert_eq!(meta.site_name.as_deref(), Some("Weather Daily"));
    assert_eq!(meta.description.as_deref(), Some("It rained."));
    assert_eq!(meta.url.as_deref(), Some("https://example.com/rain"));
    assert_eq!(meta.image.as_deref(), Some("https://example.com/rain.jpg"));
    assert_eq!(meta.date.as_deref(), Some("2025-04-25"));
    assert_eq!(meta.modified.as_deref(), Some("2025-04-26"));
    assert_eq!(meta.tags, ["Rain", "Spain"]);
    let html = format!(r#"<meta property="article:tag" content="Oceans,New Zealand">{BODY}"#);
    assert_eq!(meta_of(&html).tags, ["Oceans", "New Zealand"]);
    assert_eq!(meta.categories, ["Weather"]);
}

#[test]
fn twitter_cards() {
    let html = format!(
        r#"<meta name="twitter:title" content="Card title">
           <meta name="twitter:description" content="Card text">
           <meta name="twitter:image" content="https://example.com/card.png">{BODY}"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.title.as_deref(), Some("Card title"));
    assert_eq!(meta.description.as_deref(), Some("Card text"));
    assert_eq!(meta.image.as_deref(), Some("https://example.com/card.png"));
}

#[test]
fn dublin_core() {
    let html = format!(
        r#"<meta name="DC.creator" content="Jane Doe"><meta name="DC.date.issued" content="2024-03-05">
           <meta name="DC.language" content="fr">{BODY}"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.authors, ["Jane Doe"]);
    assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
    assert_eq!(meta.language.as_deref(), Some("fr"));
}

#[test]
fn citation_metas_list_every_author() {
    let html = format!(
        r#"<meta name="citation_title" content="A Study">
           <meta name="citation_author" content="Doe, Jane">
           <meta name="citation_author" content="Roe, John">
           <meta name="citation_publication_date" content="2020/04/07">{BODY}"#
    );
    let meta = meta_of(&html);
    // Surname-first names are split at the comma, as every scorer of the format does.
    assert_eq!(meta.authors, ["Doe", "Jane", "Roe", "John"]);
    assert_eq!(meta.date.as_deref(), Some("2020-04-07"));
    assert_eq!(meta.title.as_deref(), Some("A Study"));
}

#[test]
fn json_ld_beats_metas() {
    let html = format!(
        r#"<meta name="author" content="Meta Author">
           <script type="application/ld+json">{{"@type":"NewsArticle","headline":"LD",
           "author":{{"@type":"Person","name":"LD Author"}},"datePublished":"2021-06-01"}}</script>
           {BODY}"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.authors, ["LD Author"]);
    assert_eq!(meta.date.as_deref(), Some("2021-06-01"));
}

#[test]
fn microdata_author_and_date() {
    let html = format!(
        r#"<article itemscope itemtype="https://schema.org/Article"><h1>Headline</h1>
           <span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>
           <time itemprop="datePublished" datetime="2022-02-02">2 Feb</time>{BODY}
           <div class="comment"><span itemprop="author">Commenter</span></div></article>"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.authors, ["Ann Lee"]);
    assert_eq!(meta.date.as_deref(), Some("2022-02-02"));
}

#[test]
fn microdata_author_named_in_a_meta() {
    // A forum's first post names its author in a `<meta itemprop="name">`.
    let html = format!(
        r#"<h1>Thread title</h1><div itemprop="author" itemscope><meta itemprop="name"
           content="Alphabyte1"><a href="/alphabyte1">Alphabyte1</a>: posted</div>{BODY}"#
    );
    assert_eq!(meta_of(&html).authors, ["Alphabyte1"]);
}

#[test]
fn time_element_after_the_headline() {
    let html = format!(
        r#"<aside><time datetime="2019-01-01">old teaser</time></aside>
           <h1>Headline</h1><p><time datetime="2023-07-08T10:00">8 July</time></p>{BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2023-07-08"));
}

#[test]
fn bylines_by_von_par() {
    for (line, name) in [
        ("By Jane Doe", "Jane Doe"),
        ("Von Hans Muster", "Hans Muster"),
        ("Par Jean Dupont", "Jean Dupont"),
    ] {
        let html = format!("<h1>Headline</h1><p>{line}</p>{BODY}");
        assert_eq!(meta_of(&html).authors, [name], "{line}");
    }
}

#[test]
fn byline_class_gives_author_and_date() {
    let html =
        format!(r#"<h1>Headline</h1><div class="byline">Jane Doe, March 3, 2025</div>{BODY}"#);
    let meta = meta_of(&html);
    assert_eq!(meta.authors, ["Jane Doe"]);
    assert_eq!(meta.date.as_deref(), Some("2025-03-03"));
}

#[test]
fn date_in_the_url() {
    let html =
        format!(r#"<link rel="canonical" href="https://example.com/2025/04/25/rain">{BODY}"#);
    assert_eq!(meta_of(&html).date.as_deref(), Some("2025-04-25"));
}

#[test]
fn labelled_date_under_a_blog_post() {
    let html = format!("<h1>Post</h1>{BODY}{BODY}<p>发表于 2005-07-31 12:30</p>");
    assert_eq!(meta_of(&html).date.as_deref(), Some("2005-07-31"));
}

#[test]
fn day_and_month_follow_the_language_and_the_page() {
    let html = format!(r#"<html lang="en-US"><h1>H</h1><p class="date">04/05/2025</p>{BODY}"#);
    assert_eq!(meta_of(&html).date.as_deref(), Some("2025-04-05"));
    let html = format!(r#"<html lang="en-GB"><h1>H</h1><p class="date">04/05/2025</p>{BODY}"#);
    assert_eq!(meta_of(&html).date.as_deref(), Some("2025-05-04"));
    // Another date on the page shows the order.
    let html = format!(
        r#"<html lang="en-US"><h1>H</h1><p class="date">04/05/2025</p><p>Updated 25/05/2025</p>{BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2025-05-04"));
}

#[test]
fn future_dates_are_rejected_when_now_is_given() {
    let html = format!(
        r#"<meta property="article:published_time" content="2030-01-01">
           <h1>H</h1><time datetime="2025-04-25">x</time>{BODY}"#
    );
    assert_eq!(meta_at(&html, None).date.as_deref(), Some("2030-01-01"));
    assert_eq!(
        meta_at(&html, Some("2025-05-01")).date.as_deref(),
        Some("2025-04-25")
    );
    // A page a day ahead of the caller's clock is a time zone, not the future.
    assert_eq!(
        meta_at(&html, Some("2029-12-31")).date.as_deref(),
        Some("2030-01-01")
    );
}

#[test]
fn dates_before_the_web_are_placeholders() {
    let html = format!(
        r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">
           <meta name="date" content="2020-02-02">{BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2020-02-02"));
}

#[test]
fn h1_matching_og_title_is_the_headline_and_anchor() {
    let html = format!(
        r#"<meta property="og:title" content="The real headline | Site">
           <h1>Logo</h1><h1>The real headline</h1><p>By Ann Lee</p>{BODY}"#
    );
    let meta = meta_of(&html);
    assert_eq!(meta.title.as_deref(), Some("The real headline"));
    assert_eq!(meta.authors, ["Ann Lee"]);
}

#[test]
fn language_from_html_lang_else_from_the_script() {
    let html = format!(r#"<html lang="pt-BR">{BODY}"#);
    assert_eq!(meta_of(&html).language.as_deref(), Some("pt-BR"));
    let chinese = "<p>这是一个很长的中文段落，用来测试语言检测是否能够正确地识别出中文内容。</p>";
    assert_eq!(meta_of(chinese).language.as_deref(), Some("zh"));
    // A template's `en` on a page written in Chinese gives way to the text.
    let html = format!(r#"<html lang="en">{chinese}"#);
    assert_eq!(meta_of(&html).language.as_deref(), Some("zh"));
    let japanese = "<p>これは日本語の文章です。言語の判定をテストするための段落です。</p>";
    assert_eq!(meta_of(japanese).language.as_deref(), Some("ja"));
}

#[test]
fn relative_canonical_is_resolved_and_home_canonical_ignored() {
    let html = format!(
        r#"<link rel="canonical" href="/news/rain"><meta property="og:url" content="https://example.com/x">{BODY}"#
    );
    assert_eq!(
        meta_of(&html).url.as_deref(),
        Some("https://example.com/news/rain")
    );
    let html = format!(
        r#"<link rel="canonical" href="https://example.com/"><meta property="og:url" content="https://example.com/topic/rain">{BODY}"#
    );
    assert_eq!(
        meta_of(&html).url.as_deref(),
        Some("https://example.com/topic/rain")
    );
}

#[test]
fn keywords_are_split_and_rel_tags_read() {
    let html = format!(r#"<meta name="keywords" content="a, b,,c">{BODY}"#);
    assert_eq!(meta_of(&html).tags, ["a", "b", "c"]);
    let html =
        format!(r#"{BODY}<a rel="tag" href="/t/x">x</a><a rel="category tag" href="/c/y">y</a>"#);
    let meta = meta_of(&html);
    assert_eq!(meta.tags, ["x"]);
    assert_eq!(meta.categories, ["y"]);
}

#[test]
fn the_site_name_is_not_an_author() {
    let html = format!(
        r#"<meta property="og:site_name" content="Daily Planet">
           <meta name="author" content="Daily Planet">{BODY}"#
    );
    assert!(meta_of(&html).authors.is_empty());
}

#[test]
fn huge_keyword_and_author_lists_are_deduplicated_in_linear_time() {
    let keywords = (0..100_000)
        .map(|i| format!("k{}", i % 1000))
        .collect::<Vec<_>>();
    let authors = (0..5_000)
        .map(|i| format!(r#"<meta name="citation_author" content="Name{}">"#, i % 50))
        .collect::<String>();
    let html = format!(
        r#"<meta name="keywords" content="{}">{authors}{BODY}"#,
        keywords.join(",")
    );
    let meta = meta_of(&html);
    assert_eq!(meta.tags.len(), 1000);
    assert_eq!(meta.authors.len(), 50);
}

#[test]
fn a_utc_only_date_takes_the_day_the_page_shows_beside_it() {
    // The JSON-LD knows only UTC; the dateline shows the same instant in the page's zone,
    // the evening before.
    let html = format!(
        r#"<html lang="pt-BR"><script type="application/ld+json">{{"@type":"NewsArticle",
           "datePublished":"2022-05-04T00:44:52.000Z"}}</script>
           <h1>Headline</h1><ul class="wgt-date"><li>Brasília</li><li>03/05/2022 21:44</li></ul>
           {BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2022-05-03"));
    // RFC 2822 in UTC, and a day-first dateline in a plain line under the headline.
    let html = format!(
        r#"<html lang="es"><meta property="article:published_time"
           content="Wed, 04 May 2022 02:41:00 GMT"><h1>Headline</h1><p>3/5/2022 22:41</p>{BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2022-05-03"));
    // Another time of day is another event: the UTC day stays.
    let html = format!(
        r#"<meta property="article:published_time" content="2022-05-04T00:44:52Z">
           <h1>Headline</h1><p class="date">03/05/2022 20:10</p>{BODY}"#
    );
    assert_eq!(meta_of(&html).date.as_deref(), Some("2022-05-04"));
}

#[test]
fn chinese_bylines_at_a_paragraphs_end_and_editors() {
    let prose =
        "这是一个很长的中文段落，用来测试作者的识别是否能够正确地找到段落末尾括号里的记者名字。";
    let html = format!("<h1>标题</h1><p>{prose}{prose}{prose}（总台记者 张倩）</p>");
    assert_eq!(meta_of(&html).authors, ["张倩"]);
    // No byline: the editor credited under the article.
    let html = format!("<h1>标题</h1><p>{prose}</p><p>来源：新闻晨报 编辑：山石</p>");
    assert_eq!(meta_of(&html).authors, ["山石"]);
    // A byline wins over an editor, wherever they are.
    let html = format!("<h1>标题</h1><p>责任编辑：魏喆</p><p>{prose}</p><p>作者：王伟</p>");
    assert_eq!(meta_of(&html).authors, ["王伟"]);
}

#[test]
fn dublin_core_rdfa_creator_beats_the_author_meta() {
    let html = format!(
        r#"<meta property="dc:creator twitter:site_name" content="Creator Name">
           <meta name="author" content="Template Default">{BODY}"#
    );
    assert_eq!(meta_of(&html).authors, ["Creator Name"]);
}
