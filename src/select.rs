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
use crate::dom::{NodeMap, Tag, Tree};
use crate::regions::Region;
use crate::score::{self, Class};

/// The chosen content: the region and the blocks kept in it, in document order.
#[derive(Debug)]
pub(crate) struct Selection {
    pub(crate) kept: Vec<usize>,
}

/// Headings at most this many blocks before the first good block open the article.
const LEADING_HEADINGS: usize = 2;

/// Choose the main content of the page, or `None` when nothing looks like content.
pub(crate) fn main_content(
    tree: &Tree,
    blocks: &Blocks,
    regions: &NodeMap<Region>,
    title_hash: Option<u64>,
) -> Option<Selection> {
    let classes: Vec<Class> = (0..blocks.list.len())
        .map(|i| score::classify(blocks, i, block_region(blocks, regions, i)))
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
    let kept = if best > 0.0 && has_prose {
        keep_in_region(tree, blocks, &classes, &values, range, title_hash)
    } else {
        // No region of prose (a listing, a link hub, a page of short items): keep every block
        // that is not boilerplate and not the headline.
        (0..blocks.list.len())
            .filter(|&i| classes.get(i) != Some(&Class::Bad))
            .filter(|&i| blocks.get(i).map(|b| Some(b.hash)) != Some(title_hash))
            .collect()
    };
    (!kept.is_empty()).then_some(Selection { kept })
}

/// The region evidence that applies to block `index`: its owner's, or its first text node's.
pub(crate) fn block_region(blocks: &Blocks, regions: &NodeMap<Region>, index: usize) -> Region {
    blocks
        .get(index)
        .map(|b| regions[b.owner] | regions[b.first])
        .unwrap_or_default()
}

/// The block range of the element whose blocks have the highest total value.
fn best_region(
    tree: &Tree,
    blocks: &Blocks,
    prefix: &[f64],
) -> Option<(std::ops::Range<usize>, f64)> {
    let mut best: Option<(std::ops::Range<usize>, f64)> = None;
    for id in tree.ids() {
        let Some(tag) = tree.tag(id) else { continue };
        if !tag.is_block() {
            continue;
        }
        let range = blocks.range(id);
        let (Some(start), Some(end)) = (prefix.get(range.start), prefix.get(range.end)) else {
            continue;
        };
        let total = end - start;
        if best.as_ref().is_none_or(|(_, b)| total > *b) {
            best = Some((range, total));
        }
    }
    best
}

fn keep_in_region(
    tree: &Tree,
    blocks: &Blocks,
    classes: &[Class],
    values: &[f32],
    range: std::ops::Range<usize>,
    title_hash: Option<u64>,
) -> Vec<usize> {
    let clusters = clusters(blocks, classes, values, range.clone());
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
    let mut kept = Vec::new();
    for cluster in clusters
        .iter()
        .filter(|c| c.value >= MIN_CLUSTER_SHARE * best)
    {
        let lead_start = cluster
            .first_good
            .saturating_sub(LEADING_HEADINGS)
            .max(range.start);
        for i in lead_start..cluster.first_good {
            if classes.get(i) == Some(&Class::Short)
                && is_heading(i)
                && blocks.get(i).map(|b| Some(b.hash)) != Some(title_hash)
            {
                kept.push(i);
            }
        }
        for i in cluster.first_good..=cluster.last_good {
            if classes.get(i) != Some(&Class::Bad) {
                kept.push(i);
            }
        }
    }
    kept
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
/// longer.
const GAP_BAD_CHARS: u32 = 400;

/// A cluster worth less than this share of the best one is a teaser or a widget, not part of
/// the article.
const MIN_CLUSTER_SHARE: f32 = 0.5;

/// Split the good blocks of `range` into clusters at long stretches of boilerplate.
fn clusters(
    blocks: &Blocks,
    classes: &[Class],
    values: &[f32],
    range: std::ops::Range<usize>,
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
                    Some(cluster) if gap <= GAP_BAD_CHARS => {
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
