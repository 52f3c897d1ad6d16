//! Extract every page of directory trees, HTML files and WARC archives, on all cores.
//!
//! ```text
//! cargo run --release --example batch -- [--markdown] [--html] [--comments] [--images] PATH... > pages.jsonl
//! ```
//!
//! Each PATH is a directory (searched for `.html`, `.htm`, `.xhtml`, `.warc` and `.warc.gz`
//! files at any depth), an HTML file, or a WARC file (`.warc`, or `.warc.gz` with one gzip
//! member per record). From a WARC, only `response` records holding a successful (2xx) HTTP
//! response with an HTML content type are pages; the HTTP header's charset is the
//! [`charset_hint`](dechaff::Extractor::charset_hint) and the record's target URI the
//! [`base_url`](dechaff::Extractor::base_url).
//!
//! Standard output gets one JSON object per page, in the order pages finish: `source` (the
//! file, or `archive#n` for the n-th record of a WARC), `fetch_url` (a WARC record's target URI,
//! or null; `url` is the article's canonical URL), then either every field of
//! `dechaff::Article` or `error`. A bad page, an unreadable
//! file or a corrupt archive is one error line, and the run goes on. A progress bar runs on
//! standard error, and a summary ends the run there: pages, errors, megabytes of HTML and
//! MB/s. All threads share one `Extractor`; `RAYON_NUM_THREADS` sets how many there are.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dechaff::{Extractor, Output};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde_json::{Map, Value};
use warc::{RecordType, WarcHeader, WarcReader};

const USAGE: &str =
    "usage: batch [--markdown] [--html] [--comments] [--images] PATH... > pages.jsonl";

fn main() -> ExitCode {
    let mut extractor = Extractor::new();
    let mut outputs = vec![Output::Text];
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--markdown" => outputs.push(Output::Markdown),
            "--html" => outputs.push(Output::Html),
            "--comments" => {
                extractor.comments(true);
            }
            "--images" => {
                extractor.images(true);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    }
    extractor.outputs(&outputs);
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} pages  {per_sec}  {elapsed}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let summary = run(&extractor, &paths, std::io::stdout(), &progress);
    progress.finish_and_clear();
    eprintln!("{summary}");
    ExitCode::SUCCESS
}

/// What a run did, for the closing line.
#[derive(Debug, Default)]
struct Summary {
    pages: u64,
    errors: u64,
    bytes: u64,
    elapsed: Duration,
    threads: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let megabytes = self.bytes as f64 / 1e6;
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        write!(
            f,
            "{} pages, {} errors, {megabytes:.1} MB of HTML in {seconds:.2} s: {:.1} MB/s, \
             {:.0} pages/s on {} threads",
            self.pages,
            self.errors,
            megabytes / seconds,
            self.pages as f64 / seconds,
            self.threads
        )
    }
}

/// Extract every page under `paths` in parallel, writing one JSON line per page to `out`.
fn run(
    extractor: &Extractor,
    paths: &[PathBuf],
    out: impl Write + Send,
    progress: &ProgressBar,
) -> Summary {
    let started = Instant::now();
    let out = Mutex::new(std::io::BufWriter::new(out));
    let (pages, errors, bytes) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    inputs(paths)
        .into_iter()
        .flat_map(jobs)
        .par_bridge()
        .for_each(|job| {
            let (line, size) = process(extractor, job);
            let failed = line.contains_key("error");
            pages.fetch_add(1, Ordering::Relaxed);
            errors.fetch_add(u64::from(failed), Ordering::Relaxed);
            bytes.fetch_add(size, Ordering::Relaxed);
            if let Ok(mut out) = out.lock() {
                // A closed pipe (`| head`) is not a bad page: keep going, write nothing.
                let _ = writeln!(out, "{}", Value::Object(line));
            }
            progress.inc(1);
            if failed {
                progress.set_message(format!("{} errors", errors.load(Ordering::Relaxed)));
            }
        });
    if let Ok(mut out) = out.lock() {
        let _ = out.flush();
    }
    Summary {
        pages: pages.into_inner(),
        errors: errors.into_inner(),
        bytes: bytes.into_inner(),
        elapsed: started.elapsed(),
        threads: rayon::current_num_threads(),
    }
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Html(PathBuf),
    Warc(PathBuf),
}

/// The files to read: each path itself, or the HTML and WARC files in its tree, in name order.
/// The tree is walked with a stack of directories, not by recursion.
fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            found.push(if is_warc(path) {
                Input::Warc(path.clone())
            } else {
                Input::Html(path.clone())
            });
            continue;
        }
        let mut files = Vec::new();
        let mut dirs = vec![path.clone()];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if is_warc(&path) || is_html(&path) {
                    files.push(path);
                }
            }
        }
        files.sort();
        found.extend(files.into_iter().map(|path| {
            if is_warc(&path) {
                Input::Warc(path)
            } else {
                Input::Html(path)
            }
        }));
    }
    found
}

fn is_warc(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "html" || e == "htm" || e == "xhtml")
}

/// One unit of work for a thread.
#[derive(Debug)]
enum Job {
    /// An HTML file, read by the thread that extracts it.
    File(PathBuf),
    /// A page from an archive.
    Page(Page),
    /// An input that could not be read.
    Failed { source: String, error: String },
}

#[derive(Debug)]
struct Page {
    source: String,
    url: String,
    charset: Option<String>,
    html: Vec<u8>,
}

/// The jobs of one input: the file itself, or the HTML pages of an archive, read lazily.
fn jobs(input: Input) -> Box<dyn Iterator<Item = Job> + Send> {
    match input {
        Input::Html(path) => Box::new(std::iter::once(Job::File(path))),
        Input::Warc(path) => match warc_records(&path) {
            Ok(records) => Box::new(records),
            Err(error) => Box::new(std::iter::once(Job::Failed {
                source: path.display().to_string(),
                error: error.to_string(),
            })),
        },
    }
}

type Records =
    Box<dyn Iterator<Item = Result<warc::Record<warc::BufferedBody>, warc::Error>> + Send>;

/// The HTML pages of a WARC file. A read or parse error ends the archive with one error job:
/// past a corrupt record there is no telling where the next one starts.
fn warc_records(path: &Path) -> std::io::Result<impl Iterator<Item = Job> + Send> {
    let file = BufReader::with_capacity(1 << 20, File::open(path)?);
    let records: Records = if path.to_string_lossy().ends_with(".gz") {
        let gzip = libflate::gzip::MultiDecoder::new(file)?;
        Box::new(WarcReader::new(BufReader::new(gzip)).iter_records())
    } else {
        Box::new(WarcReader::new(file).iter_records())
    };
    let archive = path.display().to_string();
    let mut broken = false;
    Ok(records
        .enumerate()
        .map_while(move |(n, record)| {
            if broken {
                return None;
            }
            let source = format!("{archive}#{n}");
            Some(match record {
                Ok(record) => page_of(source, &record).map(Job::Page),
                Err(error) => {
                    broken = true;
                    Some(Job::Failed {
                        source,
                        error: format!("corrupt archive: {error}"),
                    })
                }
            })
        })
        .flatten())
}

/// The page a WARC record holds, if it is a successful HTML response.
fn page_of(source: String, record: &warc::Record<warc::BufferedBody>) -> Option<Page> {
    if record.warc_type() != &RecordType::Response {
        return None;
    }
    let url = record.header(WarcHeader::TargetURI)?.trim().to_string();
    let response = http_response(record.body())?;
    if !(200..300).contains(&response.status) || !response.is_html() {
        return None;
    }
    Some(Page {
        source,
        url,
        charset: response.charset(),
        html: response.body,
    })
}

/// An HTTP response as a WARC stores it.
#[derive(Debug)]
struct Response {
    status: u16,
    /// Header names lower-cased.
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    fn is_html(&self) -> bool {
        self.header("content-type").is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.contains("text/html") || t.contains("application/xhtml")
        })
    }

    /// The `charset` parameter of the content type.
    fn charset(&self) -> Option<String> {
        let content_type = self.header("content-type")?;
        content_type.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"').to_string())
        })
    }
}

/// Parse the status, headers and body of a raw HTTP response, undoing chunked transfer coding
/// and gzip or deflate content coding. `None` when it is not an HTTP response.
fn http_response(raw: &[u8]) -> Option<Response> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let (head, body) = (raw.get(..split)?, raw.get(split + 4..)?);
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: BTreeMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    let mut response = Response {
        status,
        headers,
        body: body.to_vec(),
    };
    if response
        .header("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        response.body = dechunk(&response.body)?;
    }
    match response
        .header("content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("gzip" | "x-gzip") => {
            response.body = inflate(libflate::gzip::Decoder::new(&response.body[..]).ok()?)?
        }
        Some("deflate") => {
            response.body = inflate(libflate::zlib::Decoder::new(&response.body[..]).ok()?)?
        }
        _ => {}
    }
    Some(response)
}

fn inflate(mut decoder: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    decoder.read_to_end(&mut out).ok()?;
    Some(out)
}

/// The body of a chunked transfer: hex size line, data, CRLF, until a zero size.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(data.get(..line_end)?).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = data.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data
            .get(size..)?
            .strip_prefix(b"\r\n")
            .unwrap_or(data.get(size..)?);
    }
}

/// Extract one job: its JSON line, and the bytes of HTML it read.
fn process(extractor: &Extractor, job: Job) -> (Map<String, Value>, u64) {
    let mut line = Map::new();
    let (source, url, result, size) = match job {
        Job::Failed { source, error } => (source, None, Err(error), 0),
        Job::File(path) => {
            let source = path.display().to_string();
            match std::fs::read(&path) {
                Ok(html) => (source, None, extract(extractor, &html), html.len()),
                Err(error) => (source, None, Err(error.to_string()), 0),
            }
        }
        Job::Page(page) => {
            let mut extractor = extractor.clone();
            extractor.base_url(&page.url);
            if let Some(charset) = &page.charset {
                extractor.charset_hint(charset);
            }
            let result = extract(&extractor, &page.html);
            (page.source, Some(page.url), result, page.html.len())
        }
    };
    line.insert("source".into(), source.into());
    line.insert("fetch_url".into(), url.map_or(Value::Null, Value::from));
    match result {
        Ok(Value::Object(fields)) => line.extend(fields),
        Ok(other) => {
            line.insert(
                "error".into(),
                format!("unexpected article JSON {other}").into(),
            );
        }
        Err(error) => {
            line.insert("error".into(), error.into());
        }
    }
    (line, u64::try_from(size).unwrap_or(u64::MAX))
}

/// The article as JSON, or the error as text. A panic would be a bug in dechaff, but one page
/// must not end a run of millions: it becomes that page's error.
fn extract(extractor: &Extractor, html: &[u8]) -> Result<Value, String> {
    let result = std::panic::catch_unwind(|| extractor.extract_bytes(html));
    match result {
        Ok(Ok(article)) => serde_json::to_value(&article).map_err(|e| e.to_string()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("panic while extracting".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch")
    }

    /// The JSON lines of a run over `paths`, sorted by source, and the summary.
    fn run_on(paths: &[PathBuf]) -> (Vec<Value>, Summary) {
        let mut out = Vec::new();
        let summary = run(&Extractor::new(), paths, &mut out, &ProgressBar::hidden());
        let mut lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        lines.sort_by_key(|l| l["source"].as_str().unwrap_or_default().to_string());
        (lines, summary)
    }

    #[test]
    fn directories_are_searched_at_any_depth_for_pages_and_archives() {
        let found = inputs(&[fixtures()]);
        let names: Vec<String> = found
            .iter()
            .map(|i| match i {
                Input::Html(p) | Input::Warc(p) => {
                    p.strip_prefix(fixtures()).unwrap().display().to_string()
                }
            })
            .collect();
        assert_eq!(
            names,
            [
                "pages.warc",
                "pages.warc.gz",
                "site/a.html",
                "site/nested/b.htm"
            ]
        );
    }

    #[test]
    fn warc_html_responses_become_pages_with_their_url_and_charset() {
        for archive in ["pages.warc", "pages.warc.gz"] {
            let (lines, summary) = run_on(&[fixtures().join(archive)]);
            let urls: Vec<&str> = lines
                .iter()
                .map(|l| l["fetch_url"].as_str().unwrap())
                .collect();
            assert_eq!(
                urls,
                [
                    "https://cafe.example/news/terrace",
                    "https://cafe.example/chunked",
                    "https://cafe.example/empty"
                ],
                "{archive}"
            );
            let cafe = &lines[0];
            assert!(cafe["text"]
                .as_str()
                .unwrap()
                .starts_with("The caf\u{e9} on the corner"));
            assert_eq!(cafe["encoding"], "windows-1252");
            assert_eq!(cafe["title"], "Caf\u{e9} notes");
            assert!(lines[1]["text"]
                .as_str()
                .unwrap()
                .starts_with("A page sent in chunks"));
            assert_eq!(lines[2]["error"], "no main content found");
            assert_eq!((summary.pages, summary.errors), (3, 1));
        }
    }

    #[test]
    fn links_in_archived_pages_resolve_against_the_record_url() {
        let mut out = Vec::new();
        let mut extractor = Extractor::new();
        extractor.outputs(&[Output::Markdown]);
        run(
            &extractor,
            &[fixtures().join("pages.warc")],
            &mut out,
            &ProgressBar::hidden(),
        );
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("[new menu](https://cafe.example/news/menu.html)"),
            "{out}"
        );
    }

    #[test]
    fn a_corrupt_archive_and_a_missing_file_are_error_lines_and_the_run_goes_on() {
        let bytes = std::fs::read(fixtures().join("pages.warc.gz")).unwrap();
        let dir = std::env::temp_dir().join(format!("dechaff-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let corrupt = dir.join("cut.warc.gz");
        std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
        let missing = dir.join("missing.html");
        let (lines, summary) = run_on(&[corrupt, missing, fixtures().join("site")]);
        std::fs::remove_dir_all(&dir).unwrap();
        let errors = lines.iter().filter(|l| l.get("error").is_some()).count();
        let texts = lines.iter().filter(|l| l.get("text").is_some()).count();
        // Half the archive still gives its first page; then one error for the cut, one for the
        // missing file, and both pages of the tree.
        assert_eq!((texts, errors), (3, 2), "{lines:#?}");
        assert_eq!(summary.pages, 5);
    }

    #[test]
    fn chunked_bodies_are_reassembled() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcde"[..])
        );
        assert_eq!(dechunk(b"5\r\nab"), None);
    }
}
