//! Run `dechaff::extract_bytes` over the development corpus and write predictions for its scorer.
//!
//! ```text
//! cargo run --release --example evaluate -- [--out DIR] [--subset NAME]... [--favor balanced|precision|recall]
//! python3 ../shared/corpus/tools/score.py ../shared/corpus target/eval/pred
//! ```
//!
//! The corpus is read from `$DECHAFF_CORPUS` (default `../shared/corpus`). For each page it writes
//! `DIR/<subset>/<id>.txt` (the text; empty on error) and `DIR/<subset>/<id>.json` (metadata for
//! `score.py --metadata`; on `Error::NoContent`, the metadata it carries), the layout in the
//! corpus README, "How to evaluate an extractor".
//! Only the extraction calls (charset detection included) are timed, one page at a time on one
//! thread, as the README's baselines were, so the pages/s and MB/s printed to stderr compare
//! with them.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dechaff::Article;
use serde_json::{Map, Value};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const DEFAULT_CORPUS: &str = "../shared/corpus";
const DEFAULT_OUT: &str = "target/eval/pred";

/// How a subset stores its pages.
#[derive(Debug, Clone, Copy)]
enum Layout {
    /// `<subset>/<id>/page.html`
    Folders,
    /// `<subset>/<stem>.html`, as listed in the subset's `snippets.json`
    Files,
}

/// Every scored subset, in the scorer's order.
const SUBSETS: [(&str, Layout); 7] = [
    ("readability", Layout::Folders),
    ("trafilatura-snippets", Layout::Files),
    ("dragnet", Layout::Folders),
    ("chinese-cwced", Layout::Folders),
    ("cleaneval", Layout::Folders),
    ("encodings", Layout::Folders),
    ("wcxb-dev", Layout::Folders),
];

/// One input page and the name its predictions are written under.
#[derive(Debug)]
struct Page {
    id: String,
    html: PathBuf,
}

/// Counts for one subset, or for the whole run.
#[derive(Debug, Default)]
struct Tally {
    pages: usize,
    errors: usize,
    bytes: usize,
    extract_time: Duration,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.pages += other.pages;
        self.errors += other.errors;
        self.bytes += other.bytes;
        self.extract_time += other.extract_time;
    }
}

fn main() -> Result<()> {
    let (out, subsets) = parse_args()?;
    let corpus =
        PathBuf::from(std::env::var_os("DECHAFF_CORPUS").unwrap_or_else(|| DEFAULT_CORPUS.into()));
    let mut total = Tally::default();
    let mut error_kinds = BTreeMap::new();
    eprintln!(
        "corpus {}  ->  predictions {}",
        corpus.display(),
        out.display()
    );
    print_header();
    for (name, layout) in subsets {
        let pages = list_pages(&corpus.join(name), layout)?;
        let tally = evaluate_subset(&pages, &out.join(name), &mut error_kinds)?;
        print_row(name, &tally);
        total.add(&tally);
    }
    print_row("total", &total);
    for (message, count) in &error_kinds {
        eprintln!("{count:>6} pages failed with: {message}");
    }
    Ok(())
}

/// The extractor every page goes through: the default one unless `--favor` says otherwise.
static EXTRACTOR: std::sync::OnceLock<dechaff::Extractor> = std::sync::OnceLock::new();

/// Reads `--out DIR`, any number of `--subset NAME` (none means all of them) and `--favor`.
fn parse_args() -> Result<(PathBuf, Vec<(&'static str, Layout)>)> {
    let mut out = PathBuf::from(DEFAULT_OUT);
    let mut chosen = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--subset" => chosen.push(find_subset(&value()?)?),
            "--favor" => {
                let favor = match value()?.as_str() {
                    "balanced" => dechaff::Favor::Balanced,
                    "precision" => dechaff::Favor::Precision,
                    "recall" => dechaff::Favor::Recall,
                    other => return Err(format!("unknown --favor {other:?}").into()),
                };
                let mut extractor = dechaff::Extractor::new();
                extractor.favor(favor);
                EXTRACTOR
                    .set(extractor)
                    .map_err(|_| "--favor given twice".to_string())?;
            }
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}; usage: evaluate [--out DIR] [--subset NAME]... [--favor F]"
                )
                .into())
            }
        }
    }
    if chosen.is_empty() {
        chosen = SUBSETS.to_vec();
    }
    Ok((out, chosen))
}

fn find_subset(name: &str) -> Result<(&'static str, Layout)> {
    SUBSETS
        .iter()
        .find(|(known, _)| *known == name)
        .copied()
        .ok_or_else(|| {
            let names: Vec<_> = SUBSETS.iter().map(|(known, _)| *known).collect();
            format!("unknown subset {name:?}; known: {}", names.join(", ")).into()
        })
}

/// The subset's pages, sorted by id so that runs are reproducible.
fn list_pages(dir: &Path, layout: Layout) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let page = match layout {
            Layout::Folders => folder_page(&path),
            Layout::Files => file_page(&path),
        };
        pages.extend(page);
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// `<id>/page.html`; other entries (index.json, README.md) are not pages.
fn folder_page(path: &Path) -> Option<Page> {
    let html = path.join("page.html");
    let id = path.file_name()?.to_str()?.to_owned();
    html.is_file().then_some(Page { id, html })
}

/// `<stem>.html`; snippets.json and index.json are skipped by the extension.
fn file_page(path: &Path) -> Option<Page> {
    if path.extension()? != "html" {
        return None;
    }
    let id = path.file_stem()?.to_str()?.to_owned();
    Some(Page {
        id,
        html: path.to_owned(),
    })
}

fn evaluate_subset(
    pages: &[Page],
    out: &Path,
    error_kinds: &mut BTreeMap<String, usize>,
) -> Result<Tally> {
    fs::create_dir_all(out)?;
    let mut tally = Tally::default();
    for page in pages {
        let bytes = fs::read(&page.html)?;
        let (result, elapsed) = extract_timed(&bytes);
        tally.pages += 1;
        tally.bytes += bytes.len();
        tally.extract_time += elapsed;
        let article = match result {
            Ok(article) => Some(article),
            Err(error) => {
                tally.errors += 1;
                *error_kinds.entry(error.to_string()).or_default() += 1;
                // A page without content still has its metadata, and its text is empty.
                match error {
                    dechaff::Error::NoContent { partial } => Some(*partial),
                    _ => None,
                }
            }
        };
        write_prediction(out, &page.id, article.as_ref())?;
    }
    Ok(tally)
}

/// Runs the extractor on one page's bytes and times the extraction alone.
///
/// Every page goes through `dechaff::extract_bytes`, as a crawler's pages would: `encodings/`
/// pages are raw bytes in their original charset, and the other subsets are UTF-8, which the
/// detection confirms with one validity pass. Detecting the charset is part of the work, so it
/// is inside the timer.
fn extract_timed(bytes: &[u8]) -> (std::result::Result<Article, dechaff::Error>, Duration) {
    let start = Instant::now();
    let result = EXTRACTOR
        .get_or_init(dechaff::Extractor::new)
        .extract_bytes(bytes);
    (result, start.elapsed())
}

/// Writes `<id>.txt` (empty when extraction failed or found no content: the scorer counts it as
/// no output) and `<id>.json` with the metadata keys of the corpus README, "Scoring metadata".
fn write_prediction(out: &Path, id: &str, article: Option<&Article>) -> Result<()> {
    let text = article.map_or("", |a| a.text.as_str());
    fs::write(out.join(format!("{id}.txt")), text)?;
    let json = serde_json::to_string_pretty(&metadata(article))?;
    fs::write(out.join(format!("{id}.json")), json + "\n")?;
    Ok(())
}

/// The metadata prediction, with the keys `score.py --metadata` reads. A field the page lacks is
/// `null` or `[]`, which the scorer reads as no answer; a failed extraction gives an empty
/// object.
fn metadata(article: Option<&Article>) -> Value {
    let Some(a) = article else {
        return Value::Object(Map::new());
    };
    serde_json::json!({
        "title": a.title,
        "authors": a.authors,
        "date": a.date,
        "modified": a.modified,
        "site_name": a.site_name,
        "description": a.description,
        "language": a.language,
        "url": a.url,
        "image": a.image,
        "tags": a.tags,
        "categories": a.categories,
        // Not scored by score.py: read by tools/confidence.py to check the confidence ranks pages.
        "confidence": a.confidence,
    })
}

fn print_header() {
    eprintln!(
        "{:<22} {:>6} {:>6} {:>8} {:>10} {:>9} {:>8}",
        "subset", "pages", "errors", "MB", "extract s", "pages/s", "MB/s"
    );
}

fn print_row(name: &str, tally: &Tally) {
    let megabytes = tally.bytes as f64 / 1e6;
    let seconds = tally.extract_time.as_secs_f64();
    eprintln!(
        "{:<22} {:>6} {:>6} {:>8.1} {:>10.3} {:>9.1} {:>8.2}",
        name,
        tally.pages,
        tally.errors,
        megabytes,
        seconds,
        tally.pages as f64 / seconds,
        megabytes / seconds
    );
}
