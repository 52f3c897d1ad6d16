//! Print the main content of HTML files (or standard input).
//!
//! ```text
//! cargo run --release --example extract -- [--json] [FILE|-]...
//! ```
//!
//! Inputs are read as bytes, and their character encoding is detected as a browser would.
//! Without `--json`, prints each input's text (inputs separated by a blank line). With `--json`,
//! prints one JSON object per input per line: `source`, every field of `dechaff::Article`
//! (`title`, `authors`, `date`, `modified`, `site_name`, `description`, `language`, `url`,
//! `image`, `tags`, `categories`, `text`, `encoding`), and `error` when the extraction failed.
//! A failure on one input is reported and the others still run; the exit status is 1 if any
//! input failed.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut json = false;
    let mut sources = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: extract [--json] [FILE|-]...");
                return ExitCode::SUCCESS;
            }
            _ => sources.push(arg),
        }
    }
    if sources.is_empty() {
        sources.push("-".to_string());
    }
    let extractor = dechaff::Extractor::new();
    let mut failed = false;
    for (n, source) in sources.iter().enumerate() {
        let result = read(source)
            .map_err(|e| e.to_string())
            .and_then(|html| extractor.extract_bytes(&html).map_err(|e| e.to_string()));
        if json {
            println!("{}", to_json(source, &result));
        } else {
            match &result {
                Ok(article) => {
                    if n > 0 {
                        println!();
                    }
                    println!("{}", article.text);
                }
                Err(error) => eprintln!("{source}: {error}"),
            }
        }
        failed |= result.is_err();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
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

fn to_json(source: &str, result: &Result<dechaff::Article, String>) -> serde_json::Value {
    match result {
        Ok(article) => serde_json::json!({
            "source": source,
            "title": article.title,
            "authors": article.authors,
            "date": article.date,
            "modified": article.modified,
            "site_name": article.site_name,
            "description": article.description,
            "language": article.language,
            "url": article.url,
            "image": article.image,
            "tags": article.tags,
            "categories": article.categories,
            "text": article.text,
            "encoding": article.encoding,
        }),
        Err(error) => serde_json::json!({
            "source": source,
            "title": null,
            "text": null,
            "encoding": null,
            "error": error,
        }),
    }
}
