//! Stage 5: choose the main content.
//!
//! 1. Every block gets a class and a value ([`crate::score`]).
//! 2. The content region is the element whose blocks add up to the highest value: it takes in
//!    every paragraph of the article, and any sibling body parts, as long as what lies between
//!    them costs less than they bring. Menus, link lists and widgets around the article are
//!    worth less than nothing, so they stay out.
//! 3. Inside the region, good blocks are kept; short blocks are kept between good ones (a
//!    subheading, a short sentence, a list) and in a heading just before the first good block;
//!    bad blocks are dropped wherever they are (a newsletter box between two paragraphs, a
//!    related-article card, a share bar).

use crate::blocks::Blocks;
use crate::clean::Mark;
use crate::confidence;
use crate::dom::{NodeId, NodeMap, Tag, Tree};
use crate::regions::Region;
use crate::render::{self, Page};
use crate::score::{self, Class};
use crate::Favor;

/// The chosen content: the region and the blocks kept in it, in document order.
#[derive(Debug)]
pub(crate) struct Selection {
    pub(crate) kept: Vec<usize>,
    /// How much to trust it, in 0..=1 (see [`crate::confidence`]).
    pub(crate) confidence: f32,
    /// Characters of prose (good blocks) kept.
    pub(crate) prose_chars: u64,
}

/// How far the selection leans toward keeping text: the thresholds that [`Favor`] moves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bias {
    /// See [`GAP_BAD_CHARS`].
    gap_bad_chars: u32,
    /// See [`MIN_CLUSTER_SHARE`].
    min_cluster_share: f32,
    /// See [`SMALL_SELECTION_SHARE`]; zero turns the recall safety net off.
    small_selection_share: f32,
    /// See [`SMALL_SELECTION_CHARS`].
    small_selection_chars: u64,
    /// Drop kept blocks with more link text than this share.
    max_link_density: f32,
}

impl Bias {
    pub(crate) fn of(favor: Favor) -> Bias {
        match favor {
            Favor::Precision => Bias {
                gap_bad_chars: GAP_BAD_CHARS,
                min_cluster_share: MIN_CLUSTER_SHARE,
                small_selection_share: 0.0,
                small_selection_chars: 0,
                max_link_density: 0.25,
            },
            Favor::Recall => Bias {
                gap_bad_chars: 700,
                min_cluster_share: 0.2,
                small_selection_share: 0.35,
                small_selection_chars: 1200,
                max_link_density: 1.0,
            },
            _ => Bias {
                gap_bad_chars: GAP_BAD_CHARS,
                min_cluster_share: MIN_CLUSTER_SHARE,
                small_selection_share: SMALL_SELECTION_SHARE,
                small_selection_chars: SMALL_SELECTION_CHARS,
                max_link_density: 1.0,
            },
        }
    }
}

/// Headings at most this many blocks before the first good block open the article.
const LEADING_HEADINGS: usize = 2;

/// Choose the main content of the page, or `None` when nothing looks like content.
pub(crate) fn main_content(page: Page, title_hash: Option<u64>, bias: Bias) -> Option<Selection> {
    let Page {
        blocks, regions, ..
    } = page;
    let article = select(page, title_hash, bias, Region::default());
    let article_prose = article.as_ref().map_or(0, |s| s.prose_chars);
    // A forum thread, or a page whose only discussion sits in a comments widget: with no prose
    // outside the comment regions, the comments are what the page has to say. Switching
    // whenever the comments held several times the article's prose lost whole articles with
    // long threads (dragnet R616 and R627, wcxb-dev 0396, whose short intro is all the gold has).
    if article_prose == 0 && has_comment_prose(blocks, regions) {
        if let Some(thread) = select(page, title_hash, bias, Region::COMMENTS) {
            return Some(thread);
        }
    }
    article
}

/// Is there prose in the comment regions: the posts of a forum thread, or the comments under
/// an article?
fn has_comment_prose(blocks: &Blocks, regions: &NodeMap<Region>) -> bool {
    (0..blocks.list.len()).any(|i| {
        let region = block_region(blocks, regions, i);
        region.has(Region::COMMENTS)
            && score::classify(blocks, i, region.without(Region::COMMENTS)) == Class::Good
    })
}

/// One selection pass, with the region evidence in `ignored` read as content.
fn select(page: Page, title_hash: Option<u64>, bias: Bias, ignored: Region) -> Option<Selection> {
    let Page {
        tree,
        marks,
        blocks,
        regions,
    } = page;
    let classes: Vec<Class> = (0..blocks.list.len())
        .map(|i| score::classify(blocks, i, block_region(blocks, regions, i).without(ignored)))
        .collect();
    let values: Vec<f32> = classes
        .iter()
        .enumerate()
        .map(|(i, &class)| score::value(blocks, i, class))
        .collect();
    let mut prefix = Vec::with_capacity(values.len() + 1);
    let mut sum = 0.0f64;
    prefix.push(sum);
    for &value in &values {
        sum += f64::from(value);
        prefix.push(sum);
    }
    let (range, best) = best_region(tree, blocks, &prefix)?;
    let has_prose = range.clone().any(|i| classes.get(i) == Some(&Class::Good));
    let mut evidence = confidence::Evidence::default();
    let in_region = if best > 0.0 && has_prose {
        let (kept, rival_share) =
            keep_in_region(tree, blocks, &classes, &values, range, title_hash, bias);
        evidence.rival_share = rival_share;
        cut_at_terminator(tree, marks, blocks, regions, &classes, kept)
    } else {
        Vec::new()
    };
    let kept = if !is_too_small(blocks, regions, &in_region, bias) {
        in_region
    } else if !is_link_hub(blocks, regions) {
        evidence.listing = true;
        keep_listing(blocks, regions, &classes, title_hash, true)
    } else if in_region.is_empty() {
        evidence.listing = true;
        keep_listing(blocks, regions, &classes, title_hash, false)
    } else {
        in_region
    };
    let kept = drop_chrome(tree, marks, blocks, kept);
    if kept.is_empty() {
        return None;
    }
    describe_kept(blocks, &classes, &kept, &mut evidence);
    Some(Selection {
        kept,
        confidence: confidence::score(evidence),
        prose_chars: evidence.good_chars,
    })
}

/// The prose and page shares of what was kept, for the confidence.
fn describe_kept(
    blocks: &Blocks,
    classes: &[Class],
    kept: &[usize],
    evidence: &mut confidence::Evidence,
) {
    let mut all = 0u64;
    for &i in kept {
        let Some(block) = blocks.get(i) else { continue };
        let chars = u64::from(block.chars);
        all += chars;
        if classes.get(i) == Some(&Class::Good) {
            evidence.good_chars += chars;
        }
    }
    evidence.prose_share = if all == 0 {
        0.0
    } else {
        evidence.good_chars as f32 / all as f32
    };
    let page: u64 = blocks.list.iter().map(|b| u64::from(b.chars)).sum();
    evidence.page_share = if page == 0 {
        0.0
    } else {
        all as f32 / page as f32
    };
}

/// End the selection at the first terminating block after the article has started: the
/// heading of a comment thread or of the teasers after the article ("13 Comments", "Related
/// stories"), which sit in the same region when nothing names them. Cutting only when less
/// article follows than precedes was tried and lost the comment threads longer than their
/// article (dragnet 0.906 -> 0.890); cutting at the first one costs one page (dragnet R120).
fn cut_at_terminator(
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
    regions: &NodeMap<Region>,
    classes: &[Class],
    kept: Vec<usize>,
) -> Vec<usize> {
    // The heading of a widget named as boilerplate, whose blocks are all named so up to the
    // next prose: a "Related stories" box inside the article, dropped with its links, after
    // which the article goes on.
    let boxed = |i: usize| {
        let named = |k: usize| block_region(blocks, regions, k).has(Region::BOILERPLATE);
        named(i)
            && (i + 1..blocks.list.len())
                .take_while(|&k| classes.get(k) != Some(&Class::Good))
                .all(named)
    };
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return kept;
    };
    let mut seen_good = false;
    for i in first..=last {
        if classes.get(i) == Some(&Class::Good) {
            seen_good = true;
            continue;
        }
        let Some(block) = blocks.get(i) else { continue };
        if !seen_good || block.chars > score::TERMINATOR_MAX_CHARS {
            continue;
        }
        if score::is_terminator(&render::block_text(tree, marks, block)) && !boxed(i) {
            return kept.into_iter().filter(|&k| k < i).collect();
        }
    }
    kept
}

/// Drop page furniture that reads like text wherever it was kept: the label of a "see also"
/// box ([`score::is_aside_label`]) and the lines of [`score::is_chrome`]. One text per block,
/// and only for short blocks.
fn drop_chrome(
    tree: &Tree,
    marks: &NodeMap<Mark>,
    blocks: &Blocks,
    kept: Vec<usize>,
) -> Vec<usize> {
    kept.into_iter()
        .filter(|&k| {
            blocks.get(k).is_none_or(|block| {
                if block.chars > score::CHROME_MAX_CHARS {
                    return true;
                }
                let text = render::block_text(tree, marks, block);
                !score::is_chrome(&text) && !score::is_aside_label(&text)
            })
        })
        .collect()
}

/// A selection under this share of the page's non-boilerplate text, and shorter than
/// [`SMALL_SELECTION_CHARS`], missed the content: the page is a listing or a product grid
/// whose short blurb won the region. Swept on the corpus (0.2, 0.25, 0.3, 0.35 with 800 and
/// 1200 characters): 0.25 and 800 gained the most (wcxb-dev listing, cleaneval) for the least
/// lost on articles (dragnet).
const SMALL_SELECTION_SHARE: f32 = 0.25;

/// See [`SMALL_SELECTION_SHARE`].
const SMALL_SELECTION_CHARS: u64 = 800;

/// The recall safety net: is the selection a small part of what the page could offer?
fn is_too_small(blocks: &Blocks, regions: &NodeMap<Region>, kept: &[usize], bias: Bias) -> bool {
    let chars = |indices: &mut dyn Iterator<Item = usize>| -> u64 {
        indices
            .filter_map(|i| blocks.get(i))
            .map(|b| u64::from(b.chars))
            .sum()
    };
    let kept_chars = chars(&mut kept.iter().copied());
    if !kept.is_empty() && kept_chars >= bias.small_selection_chars {
        return false;
    }
    // Only now the walk over every block: most selections are long enough to stop above.
    let available =
        chars(&mut (0..blocks.list.len()).filter(|&i| is_listing_entry(blocks, regions, i)));
    (kept_chars as f32) < bias.small_selection_share.max(f32::MIN_POSITIVE) * available as f32
}

/// A hub has at least this many entries; a page of three links is a short page, not a hub.
const LINK_HUB_MIN_ENTRIES: u64 = 20;

/// Fewer entries than [`LINK_HUB_MIN_ENTRIES`] holding this much link text are a hub too.
const LINK_BLOB_MIN_CHARS: u64 = 2000;

/// In a hub, text outside links is under this share of the entries' text.
const LINK_HUB_MAX_PLAIN_SHARE: f32 = 0.1;

/// In a hub, entries are this short on average (menu labels, tag names); entries with whole
/// headlines are a listing of articles, which the corpus golds keep as content.
const LINK_HUB_MAX_ENTRY_CHARS: f32 = 30.0;

/// A page whose candidate text is many short links and nothing else is a hub (a sitemap, a
/// tag index, a page of only navigation): it has no main content of its own, so the listing
/// mode does not turn its links into text.
fn is_link_hub(blocks: &Blocks, regions: &NodeMap<Region>) -> bool {
    let (mut chars, mut plain, mut count) = (0u64, 0u64, 0u64);
    for block in (0..blocks.list.len())
        .filter(|&i| is_listing_entry(blocks, regions, i))
        .filter_map(|i| blocks.get(i))
    {
        chars += u64::from(block.chars);
        plain += u64::from(block.chars.saturating_sub(block.link_chars));
        count += 1;
    }
    let menu_like =
        count >= LINK_HUB_MIN_ENTRIES && (chars as f32) < LINK_HUB_MAX_ENTRY_CHARS * count as f32;
    // Links written inline, one after another, make a few huge blocks instead of many
    // entries: a link blob.
    let blob = count < LINK_HUB_MIN_ENTRIES && chars >= LINK_BLOB_MIN_CHARS;
    (plain as f32) < LINK_HUB_MAX_PLAIN_SHARE * chars as f32 && (menu_like || blob)
}

/// A page without a region of prose (a listing, a product grid, a page of short items): keep
/// every block that is not boilerplate, and with `entries` the link entries of the listing,
/// but not the headline.
fn keep_listing(
    blocks: &Blocks,
    regions: &NodeMap<Region>,
    classes: &[Class],
    title_hash: Option<u64>,
    entries: bool,
) -> Vec<usize> {
    (0..blocks.list.len())
        .filter(|&i| {
            classes.get(i) != Some(&Class::Bad) || (entries && is_listing_entry(blocks, regions, i))
        })
        .filter(|&i| blocks.get(i).map(|b| Some(b.hash)) != Some(title_hash))
        .collect()
}

/// On a page without prose, a link block outside every boilerplate region is an entry of
/// the listing (a product card's name, a subject heading's link), not navigation.
fn is_listing_entry(blocks: &Blocks, regions: &NodeMap<Region>, index: usize) -> bool {
    let occurrences = blocks.occurrences.get(index).copied().unwrap_or(1);
    !block_region(blocks, regions, index).is_not_content() && occurrences == 1
}

/// The region evidence that applies to block `index`: its owner's, or its first text node's.
pub(crate) fn block_region(blocks: &Blocks, regions: &NodeMap<Region>, index: usize) -> Region {
    blocks
        .get(index)
        .map(|b| regions[b.owner] | regions[b.first])
        .unwrap_or_default()
}

/// The region walks up to a parent worth at least this share of the best element. Swept on the
/// corpus (0.9, 0.75, 0.6, 0.5, 0.4, 0.25, 0.1; overall 0.8856 to 0.8878, best at 0.4): it
/// brings back headlines, bylines and short list items around a single best paragraph (dragnet
/// 415, readability ehow-1, wcxb-dev product pages); it costs chinese-cwced 0.004, whose
/// parents add a source line the gold leaves out.
const ANCESTOR_SHARE: f64 = 0.4;

/// The block range of the element whose blocks have the highest total value, or of its
/// highest ancestor that is worth nearly as much.
fn best_region(
    tree: &Tree,
    blocks: &Blocks,
    prefix: &[f64],
) -> Option<(std::ops::Range<usize>, f64)> {
    let total = |id: NodeId| -> Option<f64> {
        let range = blocks.range(id);
        Some(prefix.get(range.end)? - prefix.get(range.start)?)
    };
    let mut best: Option<(NodeId, f64)> = None;
    for id in tree.ids() {
        if !tree.tag(id).is_some_and(Tag::is_block) {
            continue;
        }
        let Some(value) = total(id) else { continue };
        if best.is_none_or(|(_, b)| value > b) {
            best = Some((id, value));
        }
    }
    let (mut id, value) = best?;
    // Walk up while the parent keeps most of the value: the best element is often one
    // paragraph, or the body without its headline and the short items of a list, which each
    // cost a little; the parent that holds them all is the article.
    while let Some(parent) = tree.parent(id) {
        let rich = total(parent).is_some_and(|t| t >= ANCESTOR_SHARE * value);
        if !rich || !tree.tag(parent).is_some_and(Tag::is_block) {
            break;
        }
        id = parent;
    }
    let range = join_siblings(tree, blocks, prefix, id, blocks.range(id));
    Some((range, value))
}

/// Extend `range`, the blocks of `id`, over the siblings on either side of `id` while each
/// adds value: an article whose paragraphs sit directly in `<body>` after a pile of widgets
/// has no element of its own, and its best element is its first paragraph. Stopping at the
/// first sibling that costs value, rather than joining any run that pays for itself, kept
/// chinese-cwced from taking in teaser lists (0.930 against 0.928; overall 0.8905 either way).
fn join_siblings(
    tree: &Tree,
    blocks: &Blocks,
    prefix: &[f64],
    id: NodeId,
    range: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let Some(parent) = tree.parent(id) else {
        return range;
    };
    let at = |i: usize| prefix.get(i).copied().unwrap_or(f64::NEG_INFINITY);
    // Block boundaries of the element siblings: starts of those before `id`, ends of those
    // after it, both in document order.
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut child = parent.next();
    let parent_end = tree.end(parent);
    while child < parent_end {
        if child != id && tree.tag(child).is_some() {
            let sibling = blocks.range(child);
            if child < id {
                before.push(sibling.start);
            } else {
                after.push(sibling.end);
            }
        }
        child = tree.end(child);
    }
    let mut end = range.end;
    for boundary in after {
        if at(boundary) < at(end) {
            break;
        }
        end = boundary.max(end);
    }
    let mut start = range.start;
    for boundary in before.into_iter().rev() {
        if at(boundary) > at(start) {
            break;
        }
        start = boundary.min(start);
    }
    start..end
}

fn keep_in_region(
    tree: &Tree,
    blocks: &Blocks,
    classes: &[Class],
    values: &[f32],
    range: std::ops::Range<usize>,
    title_hash: Option<u64>,
    bias: Bias,
) -> (Vec<usize>, f32) {
    let clusters = clusters(blocks, classes, values, range.clone(), bias.gap_bad_chars);
    let best = clusters
        .iter()
        .map(|c| c.value)
        .fold(f32::NEG_INFINITY, f32::max);
    let is_heading = |i: usize| {
        blocks
            .get(i)
            .and_then(|b| tree.tag(b.owner))
            .is_some_and(Tag::is_heading)
    };
    let lead_start = |cluster: &Cluster| {
        cluster
            .first_good
            .saturating_sub(LEADING_HEADINGS)
            .max(range.start)
    };
    let passes: Vec<bool> = clusters
        .iter()
        .map(|c| c.value >= bias.min_cluster_share * best)
        .collect();
    // The article's head: a small cluster holding the `<h1>` (the headline and its standfirst),
    // kept when the article's body follows it, across the photo and share bar between them.
    let is_head = |k: usize| {
        passes.get(k + 1) == Some(&true)
            && clusters.get(k).is_some_and(|c| {
                (lead_start(c)..=c.last_good)
                    .any(|i| blocks.get(i).and_then(|b| tree.tag(b.owner)) == Some(Tag::H1))
            })
    };
    let chosen: Vec<bool> = (0..clusters.len())
        .map(|k| passes.get(k) == Some(&true) || is_head(k))
        .collect();
    let mut kept = Vec::new();
    for (cluster, _) in clusters.iter().zip(&chosen).filter(|(_, &c)| c) {
        let lead_start = lead_start(cluster);
        for i in lead_start..cluster.first_good {
            if classes.get(i) == Some(&Class::Short)
                && is_heading(i)
                && blocks.get(i).map(|b| Some(b.hash)) != Some(title_hash)
            {
                kept.push(i);
            }
        }
        for i in cluster.first_good..=cluster.last_good {
            let class = classes.get(i).copied().unwrap_or(Class::Bad);
            let dense = blocks
                .get(i)
                .is_some_and(|b| b.link_density() > bias.max_link_density);
            if class != Class::Bad && !dense {
                kept.push(i);
            }
        }
    }
    let total: f32 = clusters.iter().map(|c| c.value.max(0.0)).sum();
    let left_out: f32 = clusters
        .iter()
        .zip(&chosen)
        .filter(|(_, &c)| !c)
        .map(|(c, _)| c.value.max(0.0))
        .sum();
    let rival_share = if total > 0.0 { left_out / total } else { 0.0 };
    (kept, rival_share)
}

/// A run of good blocks with no long stretch of boilerplate inside it.
#[derive(Debug)]
struct Cluster {
    first_good: usize,
    last_good: usize,
    value: f32,
}

/// Boilerplate between two good blocks longer than this (weighted characters) separates two
/// clusters. A newsletter box or a related-article card inside an article is shorter; the
/// author box, share bar and "Most popular" list between an article and a sidebar teaser are
/// longer. Re-swept after the ancestor walk and sibling joining (overall 0.8940 at 400; 300,
/// 500 and 600 gave 0.8907, 0.8919 and 0.8900).
const GAP_BAD_CHARS: u32 = 400;

/// A cluster worth less than this share of the best one is a teaser or a widget, not part of
/// the article. Re-swept with [`GAP_BAD_CHARS`] (0.4 and 0.6 gave 0.8931 and 0.8929, against
/// 0.8940).
const MIN_CLUSTER_SHARE: f32 = 0.5;

/// Split the good blocks of `range` into clusters at long stretches of boilerplate.
fn clusters(
    blocks: &Blocks,
    classes: &[Class],
    values: &[f32],
    range: std::ops::Range<usize>,
    gap_bad_chars: u32,
) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut gap = 0u32;
    let mut gap_value = 0.0f32;
    for i in range {
        let class = classes.get(i).copied().unwrap_or(Class::Bad);
        let value = values.get(i).copied().unwrap_or(0.0);
        match class {
            Class::Good => {
                match clusters.last_mut() {
                    Some(cluster) if gap <= gap_bad_chars => {
                        cluster.last_good = i;
                        cluster.value += gap_value.max(0.0) + value;
                    }
                    _ => clusters.push(Cluster {
                        first_good: i,
                        last_good: i,
                        value,
                    }),
                }
                gap = 0;
                gap_value = 0.0;
            }
            Class::Bad => {
                let weight = blocks
                    .get(i)
                    .map_or(0, |b| score::weighted(b.chars, b.cjk_chars));
                gap = gap.saturating_add(weight);
            }
            Class::Short => gap_value += value,
        }
    }
    clusters
}
