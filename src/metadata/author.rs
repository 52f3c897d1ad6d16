//! Author names: split a byline into names and strip what is not a name.
//!
//! "By Jane Doe and John Roe | Staff Writer" gives `["Jane Doe", "John Roe"]`: the "By" (or
//! "Von", "Par", "Por", "作者：", …), roles, e-mail addresses, handles, URLs, dates and the words
//! joining several names go; site names and generic words ("admin", "staff") are not names.

use std::sync::LazyLock;

use regex::Regex;

use super::date;

/// A byline's opening word, as in "By Jane Doe", "Written by Jane Doe", "von Hans Muster",
/// "Par Jean Dupont", "Por Ana Pérez", "door Jan Jansen", "Autor: Hans Muster", "作者：王伟",
/// "文/王伟", "记者 王伟". Must not match "Bypass" or "Byron" (a whole word is needed), nor
/// the 文 of 文章 ("article").
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?i)^\s*(?:(?:(?:written|posted|published|reported|text|words|story|article|erstellt|geschrieben|verfasst|publiziert|écrit|escrito|scritto)\s+)?(?:by|von|par|por|door|av|af|przez|di|da)(?:\s*:\s*|\s+)|(?:author|authors|autor|autorin|autoren|auteur|auteurs|autore|text|texte)\s*:\s*|(?:作者|作者名|撰文|撰稿|執筆)\s*[:：/|｜]?\s*|文\s*[/／]\s*|(?:本报)?记者\s+)",
    )
});

/// Where the names of a byline end: a separator, a number of two digits or more (a time, a
/// date, a count), a weekday, or a word announcing a date. "Jane Doe | Staff", "Jane Doe · 5 min
/// read", "Jane Doe on Friday", "Jane Doe Updated …", "Lucas Nolan22 Dec". Not "Jane Doe-Smith"
/// (a hyphen inside a name) nor "Bo2man" (a handle with one digit).
static BYLINE_END: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?i)\s[|•·—–-]\s|[|•·\n]|[0-9]{2}|\b(?:updated|published|posted|last\s+modified|last\s+updated|aktualisiert|veröffentlicht|mis\s+à\s+jour|publié|actualizado|publicado|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    )
});

/// Words joining names: "Jane Doe and John Roe", "Hans & Grete", "Jean et Marie", "Juan y
/// Ana", "Hans und Grete", "Kari og Ola". Must not split "Alexander" or "Andy" (whole words).
static JOINER: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"(?i)[,;|/、，；]|\s(?:and|&|und|et|y|e|og|och|en|ja|i)\s"));

/// A job title standing where a name should be: "Staff Writer", "Senior Correspondent",
/// "Redakteurin". Not "Walter Edwards" (a name that merely starts like a role word).
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?i)^(?:(?:senior|junior|chief|managing|executive|contributing|associate|deputy|staff|guest|special|freelance|political|science|tech|technology|business|sports?|news|health|features?|foreign|legal|editorial|digital|social\s+media)\s+)*(?:writer|reporter|correspondent|editor|editors|columnist|contributor|journalist|producer|photographer|analyst|intern|redakteur|redakteurin|korrespondent|korrespondentin|journaliste|rédacteur|rédactrice|periodista|redactor|redactora|giornalista|phd|md|ma|msc|bsc|mba|dr)\.?$",
    )
});

/// A Chinese byline anywhere in a line: "作者：王伟", "文/王伟", "（记者 王伟 李明）",
/// "本报记者 王伟", "记者王伟/文", "（王伟 上海报道）". Names are two to four Han characters,
/// several separated by spaces. Not "文章" (article) nor "记者站" (bureau): a separator or a
/// space must follow the label, or "/文" the name.
static CJK_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?:作者|撰文|撰稿|文)\s*[：:/／]\s*([\x{3400}-\x{9fff}]{2,4}(?:[ \x{3000}]+[\x{3400}-\x{9fff}]{2,4})*)|记者[ \x{3000}]+([\x{3400}-\x{9fff}]{2,4}(?:[ \x{3000}]+[\x{3400}-\x{9fff}]{2,4})*)|记者([\x{3400}-\x{9fff}]{2,4})\s*[/／]\s*文|[（(]([\x{3400}-\x{9fff}]{2,4})[ \x{3000}]+[\x{3400}-\x{9fff}]{2,4}报道[）)]",
    )
});

/// The editor a Chinese page credits when it names no author: "责任编辑：王伟", "编辑：王伟".
static CJK_EDITOR: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"编辑\s*[：:]\s*([\x{3400}-\x{9fff}]{2,4})"));

/// The editor named in `line`, if it names one.
pub(super) fn cjk_editor(line: &str) -> Vec<String> {
    CJK_EDITOR
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| vec![m.as_str().to_string()])
        .unwrap_or_default()
}

/// The names of a Chinese byline in `line`, if it has one.
pub(super) fn cjk_byline(line: &str) -> Vec<String> {
    let Some(c) = CJK_BYLINE.captures(line) else {
        return Vec::new();
    };
    let Some(m) = (1..c.len()).find_map(|group| c.get(group)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = m.as_str().split_whitespace().map(str::to_string).collect();
    // "作者：王伟 来源：新华网": the last word before a colon is the next label, not a name.
    let rest = line.get(m.end()..).unwrap_or("").trim_start();
    if names.len() > 1 && rest.starts_with(['：', ':']) {
        names.pop();
    }
    names
}

/// A job title after a name: "Ben Silverman Games Editor", "Jane Doe, Staff Writer" (the comma
/// splits that one already). Not "Walter" nor "Jane Editorial-Board" (whole trailing words).
static ROLE_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"(?i)\s+(?:senior\s+|chief\s+|staff\s+|contributing\s+|[a-z]+\s+)?(?:editor|writer|reporter|correspondent|columnist|contributor)$",
    )
});

/// Words that stand in for a name on blogs and CMS defaults, lower case.
const GENERIC: &[&str] = &[
    "admin",
    "administrator",
    "anonymous",
    "author",
    "editor",
    "editors",
    "guest",
    "staff",
    "team",
    "unknown",
    "user",
    "webmaster",
];

/// The longest a name can be, in characters and in words: more is a sentence.
const MAX_NAME_CHARS: usize = 60;
const MAX_NAME_WORDS: usize = 6;

/// The names in an author value from structured metadata (`<meta name="author">`, JSON-LD,
/// microdata): separators split it, a "By" and roles are stripped. `site_name` is not a name.
/// Duplicates are the caller's to drop, over all the values it reads.
pub(super) fn names(raw: &str, site_name: Option<&str>) -> Vec<String> {
    let raw = super::collect::collapse(raw);
    if raw.contains("://") || raw.starts_with("www.") {
        return Vec::new();
    }
    let raw = strip_prefix(&raw);
    let mut found: Vec<String> = Vec::new();
    for part in JOINER.split(raw) {
        let Some(name) = clean_name(part) else {
            continue;
        };
        if !site_name.is_some_and(|s| s.eq_ignore_ascii_case(&name)) {
            found.push(name);
        }
    }
    found
}

/// The names in a byline's text, "By Jane Doe | March 3, 2025". Text from an element marked as
/// a byline may lack the "By"; text from an ordinary paragraph (`needs_prefix`) must open with
/// one, or it is a sentence that happens to be short.
pub(super) fn from_byline(text: &str, needs_prefix: bool, site_name: Option<&str>) -> Vec<String> {
    let text = text.trim();
    let rest = strip_prefix(text);
    if needs_prefix && rest.len() == text.len() {
        return Vec::new();
    }
    let rest = date::start(rest)
        .and_then(|at| rest.get(..at))
        .unwrap_or(rest);
    let end = BYLINE_END.find(rest).map_or(rest.len(), |m| m.start());
    let names_part = rest.get(..end).unwrap_or(rest);
    names(strip_trailing_connectors(names_part), site_name)
}

/// Most words in a name after a dateline's date: "11.12.2019 - Amelie Loevenich".
const MAX_DATELINE_NAME_WORDS: usize = 4;

/// The names in a dateline that gives the day and then the author: "11.12.2019 - Amelie
/// Loevenich", "25.10.2022 | Reiner Nagel". Every word must be capitalised, and two at least:
/// "11.12.2019 - Berlin" is a place, "11.12.2019 - Die Stadt plant neu" a sentence start that
/// the word count or a lower-case word rules out.
pub(super) fn from_dateline(text: &str, site_name: Option<&str>) -> Vec<String> {
    let Some(rest) = date::after_leading_date(text) else {
        return Vec::new();
    };
    let Some(name) = rest.trim_start().strip_prefix(['-', '|', '·', '–', '—']) else {
        return Vec::new();
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (2..=MAX_DATELINE_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.contains(|c: char| c.is_ascii_digit())
        });
    if !is_name {
        return Vec::new();
    }
    names(name, site_name)
}

/// Words left between names and the date cut off after them: "Jane Doe on", "Hans Muster am",
/// "Heiko Sauer Do" (a German weekday), "Jean Dupont le".
const CONNECTORS: &[&str] = &[
    "on", "at", "am", "um", "vom", "le", "du", "el", "il", "em", "de", "den", "op", "mo", "di",
    "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
];

fn strip_trailing_connectors(text: &str) -> &str {
    let mut text = text.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    while let Some((head, last)) = text.rsplit_once(char::is_whitespace) {
        let last = last.trim_end_matches(['.', ',']);
        if !CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(last)) {
            break;
        }
        text = head.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    }
    text
}

fn strip_prefix(text: &str) -> &str {
    match PREFIX.find(text) {
        Some(m) => text.get(m.end()..).unwrap_or(text),
        None => text,
    }
}

/// One name, trimmed, or `None` for what is not a name: an e-mail address, a handle, a role,
/// a generic word, a sentence, a number.
fn clean_name(part: &str) -> Option<String> {
    let without_notes = remove_parentheses(part);
    let words: Vec<&str> = without_notes
        .split_whitespace()
        .filter(|w| !w.contains('@') || w.len() == 1)
        .collect();
    let name = words.join(" ");
    let name = match ROLE_SUFFIX.find(&name) {
        // A role alone ("Staff Writer") is rejected below, not emptied here.
        Some(role) if role.start() > 0 => name.get(..role.start()).unwrap_or(&name),
        _ => &name,
    };
    let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    let lower = name.to_lowercase();
    let is_name = !name.is_empty()
        && name.chars().any(char::is_alphabetic)
        && name.chars().count() <= MAX_NAME_CHARS
        && words.len() <= MAX_NAME_WORDS
        && !ROLE.is_match(name)
        && !GENERIC.contains(&lower.as_str())
        && !lower.starts_with("http");
    is_name.then(|| name.to_string())
}

/// "Jane Doe (AFP)" → "Jane Doe ": notes in parentheses are an agency or a role.
fn remove_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        for re in [
            &PREFIX,
            &BYLINE_END,
            &JOINER,
            &ROLE,
            &CJK_BYLINE,
            &CJK_EDITOR,
            &ROLE_SUFFIX,
        ] {
            assert!(!re.is_match("Zz"));
        }
    }

    #[test]
    fn several_authors_are_split() {
        assert_eq!(
            names("Jane Doe and John Roe", None),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(
            names("Jane Doe, John Roe; Ann Lee", None),
            ["Jane Doe", "John Roe", "Ann Lee"]
        );
        assert_eq!(
            names("Hans Muster und Grete Muster", None),
            ["Hans Muster", "Grete Muster"]
        );
        assert_eq!(names("Alexander Andrews", None), ["Alexander Andrews"]);
    }

    #[test]
    fn by_von_par_are_stripped() {
        assert_eq!(from_byline("By Jane Doe", true, None), ["Jane Doe"]);
        assert_eq!(from_byline("Von Hans Muster", true, None), ["Hans Muster"]);
        assert_eq!(
            from_byline("Par Sébastien Farcis", true, None),
            ["Sébastien Farcis"]
        );
        assert_eq!(
            from_byline("Written by Rob Ewaschuk", true, None),
            ["Rob Ewaschuk"]
        );
        assert_eq!(from_byline("作者：王伟", true, None), ["王伟"]);
    }

    #[test]
    fn chinese_bylines() {
        assert_eq!(
            cjk_byline("发布时间：2022-02-13 作者：王伟 来源：新华网"),
            ["王伟"]
        );
        assert_eq!(
            cjk_byline("推动云南工业高质量发展。（记者 胡晓蓉）"),
            ["胡晓蓉"]
        );
        assert_eq!(
            cjk_byline("本报记者 王燕平 方云凤 2003-7-24"),
            ["王燕平", "方云凤"]
        );
        assert!(cjk_byline("文章来源：新华网").is_empty());
        assert_eq!(
            cjk_byline("顶端新闻·河南商报记者马俊峰/文受访者供图"),
            ["马俊峰"]
        );
        assert_eq!(
            cjk_byline("不都是利益再分配的过程吗？”（姚峰 上海报道）"),
            ["姚峰"]
        );
        assert_eq!(cjk_editor("（ 责任编辑：魏喆 ）"), ["魏喆"]);
        assert!(cjk_editor("编辑部").is_empty());
        assert!(from_byline("文章", true, None).is_empty());
    }

    #[test]
    fn paragraphs_need_the_prefix() {
        assert!(from_byline("Jane Doe went home", true, None).is_empty());
        assert!(from_byline("Byron went home", true, None).is_empty());
        assert_eq!(from_byline("Jane Doe", false, None), ["Jane Doe"]);
    }

    #[test]
    fn dates_roles_and_separators_end_the_byline() {
        assert_eq!(
            from_byline("By Nathan Willis March 25, 2015", true, None),
            ["Nathan Willis"]
        );
        assert_eq!(
            from_byline("by Lucas Nolan22 Dec 2016651", true, None),
            ["Lucas Nolan"]
        );
        assert_eq!(
            from_byline("By Jane Doe | Staff Writer", true, None),
            ["Jane Doe"]
        );
        assert_eq!(
            from_byline("By Jane Doe, Staff Writer", true, None),
            ["Jane Doe"]
        );
        assert_eq!(
            from_byline("Jane Doe · 5 min read", false, None),
            ["Jane Doe"]
        );
        assert_eq!(
            from_byline("Jane Doe Updated: today", false, None),
            ["Jane Doe"]
        );
    }

    #[test]
    fn datelines_with_the_author_after_the_day() {
        assert_eq!(
            from_dateline("11.12.2019 - Amelie Loevenich", None),
            ["Amelie Loevenich"]
        );
        assert_eq!(
            from_dateline("25.10.2022 | Reiner Nagel", None),
            ["Reiner Nagel"]
        );
        assert!(from_dateline("11.12.2019 - Berlin", None).is_empty());
        assert!(from_dateline("11.12.2019 - Die Stadt plant neu", None).is_empty());
        assert!(from_dateline("Amelie Loevenich", None).is_empty());
        assert!(from_dateline("11.12.2019 Amelie Loevenich", None).is_empty());
    }

    #[test]
    fn emails_handles_urls_and_generic_words_are_not_names() {
        assert_eq!(names("Jane Doe jane@example.com", None), ["Jane Doe"]);
        assert!(names("@janedoe", None).is_empty());
        assert!(names("https://www.facebook.com/janedoe", None).is_empty());
        assert!(names("admin", None).is_empty());
        assert!(names("Unknown", None).is_empty());
        assert_eq!(names("Jane Doe (AFP)", None), ["Jane Doe"]);
    }

    #[test]
    fn the_site_name_is_not_an_author() {
        assert!(names("Daily Planet", Some("daily planet")).is_empty());
        assert_eq!(names("Clark Kent", Some("Daily Planet")), ["Clark Kent"]);
    }

    #[test]
    fn sentences_are_not_names() {
        assert!(names(
            "This is a long sentence that is certainly not a name at all",
            None
        )
        .is_empty());
    }
}
