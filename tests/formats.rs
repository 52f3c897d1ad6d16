//! Golden tests: each fixture in `tests/fixtures/<case>/page.html` rendered as Markdown and
//! HTML (links on, images on, URLs resolved against the page's canonical URL) must equal
//! `expected.md` and `expected.html`, byte for byte. One named test per fixture and format.
//!
//! `DECHAFF_BLESS=1 cargo test --test formats` rewrites the expected files from the current
//! output; review the diff before committing it.

use std::path::{Path, PathBuf};

use dechaff::{Extractor, Output};
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("tests/fixtures exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("page.html").is_file())
        .collect();
    cases.sort();
    let mut trials = Vec::new();
    for case in cases {
        let name = case.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        for (format, file) in [("markdown", "expected.md"), ("html", "expected.html")] {
            let case = case.clone();
            trials.push(Trial::test(format!("{name}::{format}"), move || {
                check(&case, format, file)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn check(case: &Path, format: &str, file: &str) -> Result<(), Failed> {
    let html = std::fs::read_to_string(case.join("page.html"))?;
    let article = Extractor::new()
        .outputs(&[Output::Markdown, Output::Html])
        .images(true)
        .extract(&html)?;
    let actual = match format {
        "markdown" => article.markdown,
        _ => article.html,
    }
    .ok_or("format was not rendered")?;
    let actual = format!("{actual}\n");
    let path = case.join(file);
    if std::env::var_os("DECHAFF_BLESS").is_some() {
        std::fs::write(&path, &actual)?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (DECHAFF_BLESS=1 writes it)", path.display()))?;
    if actual != expected {
        return Err(format!(
            "{} differs (DECHAFF_BLESS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )
        .into());
    }
    Ok(())
}
