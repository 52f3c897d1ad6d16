//! Print the main content of HTML files (or standard input).
//!
//! ```text
//! cargo run --release --example extract -- [--format text|markdown|html|json] [--json]
//!                                          [--base-url URL] [--comments] [--images] [FILE|-]...
//! ```
//!
//! Inputs are read as bytes, and their character encoding is detected as a browser would.
//! `--format text` (the default), `markdown` or `html` prints each input's article in that
//! format, inputs separated by a blank line; with `--comments`, the comment section follows
//! under a `-- comments --` line. `--format json` (or `--json`) prints one JSON object per
//! input per line: `source`, every field of `dechaff::Article` (metadata, confidence, markdown
//! and HTML included),
//! and `error` when the extraction failed. `--base-url` is the URL relative links resolve
//! against (by default the page's canonical URL); `--images` puts the article's images in the
//! Markdown and HTML. A failure on one input is reported and the
//! others still run; the exit status is 1 if any input failed.

use std::io::{Read, Write};
use std::process::ExitCode;

use dechaff::{Article, Extractor, Output};

const USAGE: &str = "usage: extract [--format text|markdown|html|json] [--json] \
                     [--base-url URL] [--comments] [--images] [FILE|-]...";

/// How to print each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

fn main() -> ExitCode {
    let (format, extractor, mut sources) = match parse_args() {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    if sources.is_empty() {
        sources.push("-".to_string());
    }
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for (n, source) in sources.iter().enumerate() {
        let result = read(source)
            .map_err(|e| e.to_string())
            .and_then(|html| extractor.extract_bytes(&html).map_err(|e| e.to_string()));
        let written = match (&result, format) {
            (_, Format::Json) => writeln!(out, "{}", to_json(source, &result)),
            (Ok(article), _) => print_article(&mut out, article, format, n > 0),
            (Err(error), _) => {
                eprintln!("{source}: {error}");
                Ok(())
            }
        };
        failed |= result.is_err();
        // A closed pipe (`| head`) ends the output, quietly.
        if written.is_err() {
            break;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The format, the configured extractor and the inputs; `None` for `--help`.
fn parse_args() -> Result<Option<(Format, Extractor, Vec<String>)>, String> {
    let mut format = Format::Text;
    let mut extractor = Extractor::new();
    let mut sources = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--format" => {
                format = match args.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("markdown") => Format::Markdown,
                    Some("html") => Format::Html,
                    Some("json") => Format::Json,
                    other => return Err(format!("unknown format {other:?}")),
                }
            }
            "--base-url" => {
                let url = args.next().ok_or("--base-url needs a URL")?;
                extractor.base_url(&url);
            }
            "--comments" => {
                extractor.comments(true);
            }
            "--images" => {
                extractor.images(true);
            }
            "-h" | "--help" => return Ok(None),
            _ => sources.push(arg),
        }
    }
    extractor.outputs(match format {
        Format::Text => &[Output::Text],
        Format::Markdown => &[Output::Markdown],
        Format::Html => &[Output::Html],
        Format::Json => &[Output::Markdown, Output::Html],
    });
    Ok(Some((format, extractor, sources)))
}

fn print_article(
    out: &mut impl Write,
    article: &Article,
    format: Format,
    separate: bool,
) -> std::io::Result<()> {
    if separate {
        writeln!(out)?;
    }
    let body = match format {
        Format::Markdown => article.markdown.as_deref(),
        Format::Html => article.html.as_deref(),
        Format::Text | Format::Json => Some(article.text.as_str()),
    };
    writeln!(out, "{}", body.unwrap_or_default())?;
    if let Some(comments) = &article.comments {
        writeln!(out, "\n-- comments --\n\n{comments}")?;
    }
    Ok(())
}

/// The input's bytes: a file, or standard input for `-`.
fn read(source: &str) -> std::io::Result<Vec<u8>> {
    if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(source)
    }
}

/// `source` and every field of the article, or `source` and `error`.
fn to_json(source: &str, result: &Result<Article, String>) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    object.insert("source".into(), source.into());
    match result {
        Ok(article) => {
            if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(article) {
                object.extend(fields);
            }
        }
        Err(error) => {
            object.insert("error".into(), error.as_str().into());
        }
    }
    serde_json::Value::Object(object)
}
