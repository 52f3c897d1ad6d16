//! Every page of the corpus's `encodings/` subset (raw bytes in their original charset) through
//! `extract_bytes`. Each test checks two things:
//!
//! - the encoding reported is the one the page is really in: `meta.json → charset.actual`,
//!   named the WHATWG way, or, where a browser would decode the page otherwise, the browser's
//!   answer (each such case says why);
//! - decoding costs no text: the share of gold tokens found (`expected.txt`) is within 0.02 of
//!   the share found when the same page is correctly decoded first (its UTF-8 twin elsewhere in
//!   the corpus, or the bytes decoded with the known charset) and given to `extract`; for
//!   `snippets.json` pages, the same `with` snippets are found.
//!
//! The corpus is read at run time (`DECHAFF_CORPUS`, default `../shared/corpus`), never copied
//! into the repository.

use std::collections::HashMap;
use std::path::PathBuf;

/// How far the token recall of `extract_bytes` may fall from that of a correct decode.
const RECALL_TOLERANCE: f64 = 0.02;

/// `<meta charset=iso-8859-1>`, which WHATWG reads as windows-1252.
#[test]
fn de_iso_8859_1_tagespost() {
    check("de-iso-8859-1-tagespost", Reference::Decoded, None);
}

/// Its `<meta>` lies past the first 1024 bytes, so the detector decides.
#[test]
fn pl_windows_1250_rp() {
    check("pl-windows-1250-rp", Reference::Decoded, None);
}

/// Its `<meta>` lies past the first 1024 bytes, so the detector decides, between two
/// Central European charsets that place ą, ś and ź differently.
#[test]
fn pl_iso_8859_2_poradnik() {
    check("pl-iso-8859-2-poradnik", Reference::Decoded, None);
}

/// Declares gb2312 past the first 1024 bytes; the detector finds GBK, which is also what the
/// label means to a browser.
#[test]
fn zh_gb2312_xinhuanet() {
    check("zh-gb2312-xinhuanet", Reference::Decoded, None);
}

/// No declaration and not UTF-8: the detector decides.
#[test]
fn de_undeclared_nmb_media() {
    check("de-undeclared-nmb-media", Reference::Decoded, None);
}

/// Declares UTF-8 and has a few invalid bytes: stays UTF-8, with replacement characters.
#[test]
fn de_declared_utf8_invalid_bytes() {
    check("de-declared-utf8-invalid-bytes", Reference::Decoded, None);
}

/// `<meta http-equiv>` declares windows-1251.
#[test]
fn ru_windows_1251_cleaneval() {
    check("ru-windows-1251-cleaneval", Reference::Decoded, None);
}

/// Declares `euc_kr`, a label WHATWG does not know, so the declaration is ignored and the
/// detector decides.
#[test]
fn ko_euc_kr_label_cleaneval() {
    check("ko-euc_kr-label-cleaneval", Reference::Decoded, None);
}

/// `<meta http-equiv>` declares gbk.
#[test]
fn zh_gbk_cwced() {
    check("zh-gbk-cwced", Reference::Decoded, None);
}

/// No declaration, GBK bytes: the detector must not fall back to windows-1252.
#[test]
fn zh_undeclared_gbk_cwced() {
    check("zh-undeclared-gbk-cwced", Reference::Decoded, None);
}

/// Declares ISO-8859-1, but its bytes are valid UTF-8 with curly quotes and dashes in them:
/// read as UTF-8. A browser follows the declaration and shows "â€™"; a reader wants the words.
#[test]
fn en_declares_latin1_but_utf8_dragnet() {
    check(
        "en-declares-latin1-but-utf8-dragnet",
        Reference::Decoded,
        None,
    );
}

/// Declares shift_jis; the same page is in the corpus in UTF-8.
#[test]
fn synthetic_ja_shift_jis_hukumusume() {
    check(
        "synthetic-ja-shift_jis-hukumusume",
        Reference::Twin("readability/hukumusume/page.html"),
        None,
    );
}

/// Declares euc-jp; the same page is in the corpus in UTF-8.
#[test]
fn synthetic_ja_euc_jp_yahoo_4() {
    check(
        "synthetic-ja-euc-jp-yahoo-4",
        Reference::Twin("readability/yahoo-4/page.html"),
        None,
    );
}

/// Declares windows-1256; the same page is in the corpus in UTF-8.
#[test]
fn synthetic_ar_windows_1256_assabah() {
    check(
        "synthetic-ar-windows-1256-assabah",
        Reference::Twin("trafilatura-snippets/assabah.com.tn.article.html"),
        None,
    );
}

/// Where the correctly decoded text of a page comes from.
#[derive(Debug, Clone, Copy)]
enum Reference {
    /// The page's bytes decoded with `charset.actual` from its `meta.json`.
    Decoded,
    /// The same page in UTF-8 elsewhere in the corpus (a path under the corpus root).
    Twin(&'static str),
}

/// A case where a browser would not decode the page as `charset.actual`: the WHATWG encoding
/// name `extract_bytes` must report instead, and why.
#[derive(Debug, Clone, Copy)]
struct BrowserDiffers {
    encoding: &'static str,
    why: &'static str,
}

fn check(id: &str, reference: Reference, differs: Option<BrowserDiffers>) {
    let dir = corpus().join("encodings").join(id);
    let bytes = read(&dir.join("page.html"));
    let meta: serde_json::Value =
        serde_json::from_slice(&read(&dir.join("meta.json"))).expect("meta.json is JSON");
    let actual = meta["charset"]["actual"]
        .as_str()
        .expect("meta.json has charset.actual");
    let actual = whatwg_name(actual);
    let (expected, why) = differs.map_or((actual, "charset.actual"), |d| (d.encoding, d.why));

    let article = dechaff::extract_bytes(&bytes).expect("the page has content");
    assert_eq!(
        article.encoding.as_deref(),
        Some(expected),
        "encoding of {id}: {why}"
    );

    let reference_text = match reference {
        Reference::Decoded => {
            let encoding = encoding_rs::Encoding::for_label(actual.as_bytes())
                .expect("the actual charset has a WHATWG label");
            let (html, _, _) = encoding.decode(&bytes);
            dechaff::extract(&html)
                .expect("the decoded page has content")
                .text
        }
        Reference::Twin(path) => {
            let html = String::from_utf8(read(&corpus().join(path))).expect("the twin is UTF-8");
            dechaff::extract(&html).expect("the twin has content").text
        }
    };

    if dir.join("expected.txt").exists() {
        let gold = String::from_utf8(read(&dir.join("expected.txt"))).expect("gold is UTF-8");
        let ours = recall(&gold, &article.text);
        let theirs = recall(&gold, &reference_text);
        eprintln!("{id}: recall {ours:.4}, correctly decoded {theirs:.4}");
        assert!(
            (ours - theirs).abs() <= RECALL_TOLERANCE,
            "{id}: recall {ours:.4} vs {theirs:.4} when correctly decoded"
        );
    } else {
        let snippets: serde_json::Value =
            serde_json::from_slice(&read(&dir.join("snippets.json"))).expect("snippets are JSON");
        let with: Vec<&str> = snippets["with"]
            .as_array()
            .expect("snippets.json has `with`")
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        let ours = found(&with, &article.text);
        let theirs = found(&with, &reference_text);
        eprintln!("{id}: `with` found {ours:?}, correctly decoded {theirs:?}");
        assert_eq!(ours, theirs, "{id}: `with` snippets found");
    }
}

fn corpus() -> PathBuf {
    std::env::var_os("DECHAFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The WHATWG name of the encoding that `charset.actual`, a Python codec name, decodes as.
fn whatwg_name(python_codec: &str) -> &'static str {
    match python_codec {
        "utf-8" => "UTF-8",
        "cp1250" => "windows-1250",
        "cp1251" => "windows-1251",
        "cp1252" => "windows-1252",
        "cp1256" => "windows-1256",
        "iso8859-2" => "ISO-8859-2",
        // WHATWG's GBK decoder is its gb18030 decoder, and the labels gb2312 and gbk name GBK.
        "gb18030" => "GBK",
        // WHATWG's EUC-KR is Microsoft's cp949 (Unified Hangul Code), a superset of EUC-KR.
        "cp949" => "EUC-KR",
        // WHATWG's Shift_JIS is Microsoft's cp932 (windows-31j).
        "cp932" => "Shift_JIS",
        "euc_jp" => "EUC-JP",
        other => panic!("no WHATWG name known for Python codec {other}"),
    }
}

/// The indexes of the `with` snippets that occur in `text`, whitespace collapsed in both, as the
/// corpus scorer compares them.
fn found(with: &[&str], text: &str) -> Vec<usize> {
    let text = collapse(text);
    with.iter()
        .enumerate()
        .filter(|(_, snippet)| text.contains(&collapse(snippet)))
        .map(|(i, _)| i)
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The share of the gold's word tokens that the text has, counted as multisets.
fn recall(gold: &str, text: &str) -> f64 {
    let gold = tokens(gold);
    let text = tokens(text);
    let total: usize = gold.values().sum();
    let hit: usize = gold
        .iter()
        .map(|(token, &n)| n.min(text.get(token).copied().unwrap_or(0)))
        .sum();
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

/// Word tokens with their counts: runs of letters, digits and `_`, except that every CJK,
/// kana or Thai character is a token of its own (the corpus scorer's rule).
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let mut word = String::new();
    for c in text.chars() {
        let own_token = is_cjk(c);
        if (own_token || !(c.is_alphanumeric() || c == '_')) && !word.is_empty() {
            *counts.entry(std::mem::take(&mut word)).or_default() += 1;
        }
        if own_token {
            *counts.entry(c.to_string()).or_default() += 1;
        } else if c.is_alphanumeric() || c == '_' {
            word.push(c);
        }
    }
    if !word.is_empty() {
        *counts.entry(word).or_default() += 1;
    }
    counts
}

/// The scorer's `CJK_RE`: CJK radicals and ideographs, kana, bopomofo, Thai.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fdf}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3100}'..='\u{312f}'
        | '\u{31a0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{0e00}'..='\u{0e7f}'
        | '\u{20000}'..='\u{2ffff}')
}
