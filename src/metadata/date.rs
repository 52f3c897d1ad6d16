//! Dates as pages write them: ISO 8601, RFC 2822, "April 25, 2025", "25 April 2025",
//! "25.04.2025", "2025/04/25", "2025年4月25日", with month names in the major European languages.
//!
//! Only the calendar day is read: time and zone are ignored, so the day is the one the page
//! wrote, in its own time zone. `chrono` checks that the day exists.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use regex::{Captures, Regex};

/// How to read a numeric date whose first two numbers could each be the day: `04/05/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayOrder {
    /// `25/04/2025`: most of the world.
    DayFirst,
    /// `04/25/2025`: the United States.
    MonthFirst,
}

/// Year first, then month and day: `2025-04-25`, `2025/4/25`, `2025.04.25`, and the date part
/// of `2025-04-25T10:00:00+02:00`. Not `12025-04-25` nor `2025-04-251` (digits run on).
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(r"(?-u:\b)([0-9]{4})([-/.])([0-9]{1,2})[-/.]([0-9]{1,2})(?:[^0-9]|$)")
});

/// Chinese, Japanese and Korean: `2025年4月25日`, `2025 年 04 月 25 日`, `2025년 4월 25일`.
static CJK: LazyLock<Regex> =
    LazyLock::new(|| super::regex(r"([0-9]{4})\s*[年년]\s*([0-9]{1,2})\s*[月월]\s*([0-9]{1,2})"));

/// Day or month first, year last: `25.04.2025`, `04/25/2025`, `25-04-2025`. Not `1.2.2025.3`
/// style version numbers running on into more digits.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(r"(?-u:\b)([0-9]{1,2})([./-])([0-9]{1,2})[./-]([0-9]{4})(?:[^0-9]|$)")
});

/// A time of day just after a date, and its zone: ` 21:44`, `, 10:41 pm`, ` - 14:45`,
/// `T08:00:00.000Z`, ` 02:41:00 GMT`, `T10:00:00+02:00`. At most a few characters (a `T`, a
/// comma, "à", "at", "um") stand between them; not a number that merely follows the date
/// further on ("2025 has 365 days").
static TIME_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    super::regex(
        r"^[^0-9]{0,5}?([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?(?:\s*([aApP])\.?[mM](?-u:\b)\.?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2}|GMT|UTC)?",
    )
});

/// A timestamp as written, in the zone it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    /// The date and time as written, not converted.
    pub(super) local: NaiveDateTime,
    /// Whether it says it is UTC (`Z`, `+00:00`, `GMT`).
    pub(super) utc: bool,
    /// Whether the seconds are written: a page's text gives the minute only.
    pub(super) seconds: bool,
}

/// The timestamp at the start of `text` (as [`parse`] wants the date): ISO 8601
/// `2025-04-25T10:00:00+02:00`, RFC 2822 `Fri, 25 Apr 2025 10:00:00 GMT`. Not a date alone
/// (no time to compare).
pub(super) fn stamp(text: &str, order: DayOrder) -> Option<Stamp> {
    let text = text.trim();
    with_time(text, opening(text, order)?)
}

/// The first date in free text, if a time of day follows it: "Brasília 03/05/2022 21:44",
/// "3 May 2022, 10:41 pm".
pub(super) fn written_stamp(text: &str, order: DayOrder) -> Option<Stamp> {
    with_time(text, find_at(text, order)?)
}

/// The date found at `at` in `text` and the time of day written after it.
fn with_time(text: &str, (at, date): (Range<usize>, NaiveDate)) -> Option<Stamp> {
    let c = TIME_AFTER_DATE.captures(text.get(at.end..)?)?;
    let mut hour = number(&c, 1)?;
    match c.get(4).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some("p") if hour < 12 => hour += 12,
        Some("a") if hour == 12 => hour = 0,
        _ => {}
    }
    let second = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let time = NaiveTime::from_hms_opt(hour, number(&c, 2)?, second)?;
    let zone = c.get(5).map_or("", |m| m.as_str());
    let utc = matches!(
        zone,
        "Z" | "GMT" | "UTC" | "+00:00" | "+0000" | "-00:00" | "-0000"
    );
    Some(Stamp {
        local: NaiveDateTime::new(date, time),
        utc,
        seconds: c.get(3).is_some(),
    })
}

/// Whether `local` is the instant `utc` written in some time zone: a different wall-clock time
/// by a whole number of quarter hours, at most 14 hours (the widest offsets in use) apart.
pub(super) fn is_same_instant(utc: &Stamp, local: &Stamp) -> bool {
    const QUARTER_HOUR: i64 = 15 * 60;
    const MAX_OFFSET: i64 = 14 * 60 * 60;
    // A time written to the minute is compared with the UTC time's minute.
    let utc_time = if local.seconds {
        utc.local
    } else {
        utc.local.with_second(0).unwrap_or(utc.local)
    };
    let seconds = local.local.signed_duration_since(utc_time).num_seconds();
    utc.utc
        && !local.utc
        && seconds != 0
        && seconds.abs() <= MAX_OFFSET
        && seconds % QUARTER_HOUR == 0
}

/// A word that may be a month name: the letters of [`MONTH_NAMES`] in either case, as many as
/// the names have. The regexes capture any such word and [`month`] looks it up. An alternation
/// of the 172 names, case-insensitive, cost about 15 million instructions to compile for each
/// of the three patterns below (most of a process's first page); this class costs little.
fn month_word() -> String {
    let mut letters: Vec<char> = MONTH_NAMES
        .iter()
        .flat_map(|(name, _)| name.chars())
        .filter(|c| !c.is_ascii())
        .flat_map(|c| std::iter::once(c).chain(c.to_uppercase()))
        .collect();
    letters.sort_unstable();
    letters.dedup();
    let lengths = MONTH_NAMES.iter().map(|(name, _)| name.chars().count());
    let shortest = lengths.clone().min().unwrap_or(3);
    let longest = lengths.max().unwrap_or(12);
    let extra: String = letters.into_iter().collect();
    format!("[a-zA-Z{extra}]{{{shortest},{longest}}}")
}

/// Day, month name, year: `25 April 2025`, `25. April 2025`, `1er mai 2025`, `25 de abril de
/// 2025`, `Fri, 25 Apr 2025 10:00:00 +0000` (RFC 2822). Not `25 Aprils` (a whole word only).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?-u:\b)([0-9]{{1,2}})(?i:st|nd|rd|th|er|º|°)?\.?\s+(?i:de\s+)?({})\.?,?\s+(?i:de\s+|del\s+)?([0-9]{{4}})(?:[^0-9]|$)",
        month_word()
    );
    super::regex(&pattern)
});

/// Month name, day, year: `April 25, 2025`, `Apr. 25th 2025`. Not `April 2025` (no day), nor
/// `xApril 25, 2025` ([`month`] wants a whole word).
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"({})\.?\s+([0-9]{{1,2}})(?i:st|nd|rd|th)?,?\s+([0-9]{{4}})(?:[^0-9]|$)",
        month_word()
    );
    super::regex(&pattern)
});

/// Hungarian, year first: `2025. április 25.`.
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?-u:\b)([0-9]{{4}})\.?\s+({})\.?\s+([0-9]{{1,2}})(?:[^0-9]|$)",
        month_word()
    );
    super::regex(&pattern)
});

/// Month names and common abbreviations, lower case: English, German, French, Spanish,
/// Italian, Portuguese, Dutch, Polish, Czech, Finnish, Scandinavian, Hungarian, Turkish.
/// Polish, Czech and Finnish dates use the genitive ("25 kwietnia 2025").
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("styczeń", 1),
    ("ledna", 1),
    ("tammikuuta", 1),
    ("január", 1),
    ("ocak", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("lutego", 2),
    ("luty", 2),
    ("února", 2),
    ("helmikuuta", 2),
    ("február", 2),
    ("şubat", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("marca", 3),
    ("marzec", 3),
    ("března", 3),
    ("maaliskuuta", 3),
    ("március", 3),
    ("marts", 3),
    ("mart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("dubna", 4),
    ("huhtikuuta", 4),
    ("április", 4),
    ("nisan", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("maja", 5),
    ("maj", 5),
    ("května", 5),
    ("toukokuuta", 5),
    ("május", 5),
    ("mayıs", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("června", 6),
    ("kesäkuuta", 6),
    ("június", 6),
    ("haziran", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("lipca", 7),
    ("lipiec", 7),
    ("července", 7),
    ("heinäkuuta", 7),
    ("július", 7),
    ("temmuz", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("srpna", 8),
    ("elokuuta", 8),
    ("augusti", 8),
    ("augusztus", 8),
    ("ağustos", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("września", 9),
    ("wrzesień", 9),
    ("září", 9),
    ("syyskuuta", 9),
    ("szeptember", 9),
    ("eylül", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("października", 10),
    ("październik", 10),
    ("října", 10),
    ("lokakuuta", 10),
    ("október", 10),
    ("ekim", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("listopad", 11),
    ("listopadu", 11),
    ("marraskuuta", 11),
    ("kasım", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("grudnia", 12),
    ("grudzień", 12),
    ("prosince", 12),
    ("joulukuuta", 12),
    ("desember", 12),
    ("aralık", 12),
];

static MONTHS: LazyLock<HashMap<&'static str, u32>> =
    LazyLock::new(|| MONTH_NAMES.iter().copied().collect());

/// The earliest date written in `text`, reading ambiguous numeric dates in `order`.
pub(super) fn find(text: &str, order: DayOrder) -> Option<NaiveDate> {
    find_at(text, order).map(|(_, date)| date)
}

/// The earliest date in `text` and where it is written.
fn find_at(text: &str, order: DayOrder) -> Option<(Range<usize>, NaiveDate)> {
    // Every format has digits: most text is skipped without running a regex.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let candidates = [
        first(&YMD, text, |c| ymd(c, 1, 3, 4)),
        first(&CJK, text, |c| ymd(c, 1, 2, 3)),
        first(&DMY, text, |c| day_month_year(c, order)),
        first(&DAY_MONTH_YEAR, text, |c| named(text, c, 3, 2, 1)),
        first(&MONTH_DAY_YEAR, text, |c| named(text, c, 3, 1, 2)),
        first(&YEAR_MONTH_DAY, text, |c| named(text, c, 1, 2, 3)),
    ];
    candidates
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| at.start)
}

/// Where the first date in `text` starts, in any format, valid or not: where a byline's names
/// end in "By Jane Doe March 3, 2025".
pub(super) fn start(text: &str) -> Option<usize> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let numeric = [&*YMD, &*CJK, &*DMY]
        .into_iter()
        .filter_map(|re| re.find(text))
        .map(|m| m.start());
    let named = [
        (&*DAY_MONTH_YEAR, 2),
        (&*MONTH_DAY_YEAR, 1),
        (&*YEAR_MONTH_DAY, 2),
    ]
    .into_iter()
    .filter_map(|(re, group)| {
        re.captures_iter(text).find_map(|c| {
            month(text, &c, group)?;
            Some(c.get(0)?.start())
        })
    });
    numeric.chain(named).min()
}

/// The text after a date that opens `text` (after white space): " - Jane Doe" from
/// "11.12.2019 - Jane Doe". `None` when `text` does not open with a date.
pub(super) fn after_leading_date(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (at, _) = find_at(text, DayOrder::DayFirst).filter(|(at, _)| at.start == 0)?;
    // The date patterns may take the character after the year: give it back.
    let end = if text.get(..at.end)?.ends_with(|c: char| c.is_ascii_digit()) {
        at.end
    } else {
        at.end - text.get(..at.end)?.chars().next_back()?.len_utf8()
    };
    text.get(end..)
}

/// Whether `text` is a date and nothing else but punctuation: "23.01.2022", "(3 May 2022)".
pub(super) fn is_only_date(text: &str) -> bool {
    let Some((at, _)) = find_at(text, DayOrder::DayFirst) else {
        return false;
    };
    let outside = [text.get(..at.start), text.get(at.end..)];
    outside
        .iter()
        .all(|part| part.is_some_and(|p| !p.chars().any(char::is_alphanumeric)))
}

/// The date at the very start of `text` (after white space), as structured metadata writes it:
/// `2025-04-25T10:00:00Z`, `Fri, 25 Apr 2025 10:00:00 GMT`, `20250425`. Text that merely
/// contains a date later on ("updated 2025-04-25") does not count.
pub(super) fn parse(text: &str, order: DayOrder) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = compact(text) {
        return Some(date);
    }
    opening(text, order).map(|(_, date)| date)
}

/// The date that opens `text`, and where it is written.
fn opening(text: &str, order: DayOrder) -> Option<(Range<usize>, NaiveDate)> {
    // A weekday may come first (RFC 2822); anything longer before the date is not this format.
    let (at, found) = find_at(text, order)?;
    let prefix = text.get(..at.start)?;
    (prefix.chars().filter(|c| c.is_alphanumeric()).count() <= 9).then_some((at, found))
}

/// `2025-04-25`, alone or before a time (`T…`, a space): strictly ISO 8601, as an API takes it.
pub(super) fn iso_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.get(..10)?;
    let rest = text.get(10..)?;
    let shape_ok = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok || !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        day.get(..4)?.parse().ok()?,
        day.get(5..7)?.parse().ok()?,
        day.get(8..)?.parse().ok()?,
    )
}

/// `20250425`, alone or before a `T`: the compact ISO form of some sitemaps and `<meta>`s.
fn compact(text: &str) -> Option<NaiveDate> {
    let digits = text.split('T').next()?;
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = digits.get(..4)?.parse().ok()?;
    let month = digits.get(4..6)?.parse().ok()?;
    let day = digits.get(6..)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date in a URL path: `/2025/04/25/`, `/2025-04-25-slug`, `/25-04-2025-slug`. A bare year
/// (`/2025/slug`) is not a day.
pub(super) fn in_url(url: &str, order: DayOrder) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').and_then(|i| path.get(i..)).unwrap_or("");
    // `.` separates a version number (`/v2025.1.2/`) rather than a date in a path.
    let year_first = first(&YMD, path, |c| {
        (c.get(2)?.as_str() != ".")
            .then(|| ymd(c, 1, 3, 4))
            .flatten()
    });
    let year_last = || {
        first(&DMY, path, |c| {
            (c.get(2)?.as_str() != ".")
                .then(|| day_month_year(c, order))
                .flatten()
        })
    };
    year_first.or_else(year_last).map(|(_, date)| date)
}

/// Whether `text` shows which order the page writes its numeric dates in: a first number above
/// 12 is a day (`25/04/2025`), a second one above 12 is a day too (`04/25/2025`).
pub(super) fn order_shown(text: &str) -> Option<DayOrder> {
    DMY.captures_iter(text).find_map(|c| {
        let first: u32 = c.get(1)?.as_str().parse().ok()?;
        let second: u32 = c.get(3)?.as_str().parse().ok()?;
        match (first > 12, second > 12) {
            (true, false) => Some(DayOrder::DayFirst),
            (false, true) => Some(DayOrder::MonthFirst),
            _ => None,
        }
    })
}

/// The ISO 8601 form of `date`: `2025-04-25`.
pub(super) fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The first match of `re` in `text` that `read` turns into a real day, with its place.
fn first(
    re: &Regex,
    text: &str,
    read: impl Fn(&Captures) -> Option<NaiveDate>,
) -> Option<(Range<usize>, NaiveDate)> {
    re.captures_iter(text).find_map(|c| {
        let at = c.get(0)?.range();
        read(&c).map(|date| (at, date))
    })
}

fn number(c: &Captures, group: usize) -> Option<u32> {
    c.get(group)?.as_str().parse().ok()
}

fn ymd(c: &Captures, year: usize, month: usize, day: usize) -> Option<NaiveDate> {
    let year = i32::try_from(number(c, year)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(c, month)?, number(c, day)?)
}

/// `a/b/yyyy`: dots are always day first (German, Polish, Russian); otherwise a number above
/// 12 settles it, and `order` decides the rest.
fn day_month_year(c: &Captures, order: DayOrder) -> Option<NaiveDate> {
    let year = i32::try_from(number(c, 4)?).ok()?;
    let (a, b) = (number(c, 1)?, number(c, 3)?);
    let day_first = c.get(2)?.as_str() == "." || a > 12 || (order == DayOrder::DayFirst && b <= 12);
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn named(text: &str, c: &Captures, year: usize, name: usize, day: usize) -> Option<NaiveDate> {
    let year = i32::try_from(number(c, year)?).ok()?;
    NaiveDate::from_ymd_opt(year, month(text, c, name)?, number(c, day)?)
}

/// The month that the word captured in `group` names, if it is a whole word of `text` and one
/// of [`MONTH_NAMES`] in any case: "März", "MAY", not "xjune" nor "Jahre".
fn month(text: &str, c: &Captures, group: usize) -> Option<u32> {
    let word = c.get(group)?;
    let before = text.get(..word.start())?.chars().next_back();
    if before.is_some_and(|b| b.is_alphanumeric() || b == '_') {
        return None;
    }
    MONTHS.get(word.as_str().to_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use DayOrder::*;

    fn found(text: &str) -> Option<String> {
        find(text, MonthFirst).map(iso)
    }

    #[test]
    fn regexes_compile() {
        for re in [
            &YMD,
            &CJK,
            &DMY,
            &DAY_MONTH_YEAR,
            &MONTH_DAY_YEAR,
            &YEAR_MONTH_DAY,
            &TIME_AFTER_DATE,
        ] {
            assert!(!re.is_match("no date here"));
        }
        assert!(!MONTHS.is_empty());
    }

    #[test]
    fn iso_with_time_and_zone_keeps_the_written_day() {
        assert_eq!(
            found("2017-02-23T17:18:13-08:00").as_deref(),
            Some("2017-02-23")
        );
        assert_eq!(
            found("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(found("2005-5-7 21:23:57").as_deref(), Some("2005-05-07"));
        assert_eq!(found("2025/04/25").as_deref(), Some("2025-04-25"));
    }

    #[test]
    fn rfc_2822() {
        let date = parse("Fri, 25 Apr 2025 10:00:00 +0000", MonthFirst).map(iso);
        assert_eq!(date.as_deref(), Some("2025-04-25"));
    }

    #[test]
    fn month_names_in_both_orders_and_languages() {
        assert_eq!(found("April 25, 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("Apr. 25th 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("25 April 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("25. März 2025").as_deref(), Some("2025-03-25"));
        assert_eq!(found("1er mai 2025").as_deref(), Some("2025-05-01"));
        assert_eq!(found("25 de abril de 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("25 kwietnia 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("25. huhtikuuta 2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("2025. április 25.").as_deref(), Some("2025-04-25"));
    }

    #[test]
    fn month_names_in_any_case_and_only_as_whole_words() {
        assert_eq!(found("25. MÄRZ 2025").as_deref(), Some("2025-03-25"));
        assert_eq!(found("MAY 5, 2025").as_deref(), Some("2025-05-05"));
        assert_eq!(found("5 Kasım 2025").as_deref(), Some("2025-11-05"));
        assert_eq!(found("xjune 5, 2025"), None);
        assert_eq!(found("2june 5, 2025"), None);
        assert_eq!(found("Seit 15 Jahren 2024"), None);
        // Where a byline's names end: at a month name, not at another word before a number.
        assert_eq!(start("By Jane Doe March 3, 2025"), Some(12));
        assert_eq!(start("Page 5, 2025"), None);
    }

    #[test]
    fn only_a_date() {
        assert!(is_only_date("23.01.2022"));
        assert!(is_only_date(" (3 May 2022) "));
        assert!(!is_only_date("News of 3 May 2022"));
        assert!(!is_only_date("Headline"));
    }

    #[test]
    fn cjk_dates() {
        assert_eq!(found("2025年4月25日").as_deref(), Some("2025-04-25"));
        assert_eq!(found("2005年03月31日03:18").as_deref(), Some("2005-03-31"));
    }

    #[test]
    fn dotted_dates_are_day_first() {
        assert_eq!(found("25.04.2025").as_deref(), Some("2025-04-25"));
        assert_eq!(found("04.05.2025").as_deref(), Some("2025-05-04"));
    }

    #[test]
    fn ambiguous_slashes_follow_the_order() {
        assert_eq!(
            find("04/05/2025", MonthFirst).map(iso).as_deref(),
            Some("2025-04-05")
        );
        assert_eq!(
            find("04/05/2025", DayFirst).map(iso).as_deref(),
            Some("2025-05-04")
        );
        // A number above 12 settles it whatever the order.
        assert_eq!(
            find("25/04/2025", MonthFirst).map(iso).as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(
            find("04/25/2025", DayFirst).map(iso).as_deref(),
            Some("2025-04-25")
        );
    }

    #[test]
    fn order_is_read_from_unambiguous_dates() {
        assert_eq!(order_shown("on 03/04/2025 and 25/04/2025"), Some(DayFirst));
        assert_eq!(order_shown("04/25/2025"), Some(MonthFirst));
        assert_eq!(order_shown("04/05/2025"), None);
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert_eq!(found("2025-02-30"), None);
        assert_eq!(found("2022-25-10"), None);
        assert_eq!(found("31 April 2025"), None);
        assert_eq!(found("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(found("2023-02-29"), None);
    }

    #[test]
    fn the_earliest_date_in_the_text_wins() {
        let text = "Published 3 March 2025, updated 2025-04-25";
        assert_eq!(found(text).as_deref(), Some("2025-03-03"));
    }

    #[test]
    fn parse_wants_the_date_at_the_start() {
        assert_eq!(
            parse("20250425", DayFirst).map(iso).as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(parse("a long sentence, then 2025-04-25", DayFirst), None);
        assert_eq!(
            parse("  2025-04-25T00:00Z", DayFirst).map(iso).as_deref(),
            Some("2025-04-25")
        );
    }

    #[test]
    fn a_utc_stamp_and_its_local_twin_are_the_same_instant() {
        let stamp = |text| stamp(text, DayFirst).unwrap();
        let utc = stamp("2023-11-09T05:30:59Z");
        let local = stamp("2023-11-08 23:30:59");
        assert!(is_same_instant(&utc, &local));
        let offset = stamp("2017-02-23T17:18:13-08:00");
        assert!(is_same_instant(&stamp("2017-02-24T01:18:13Z"), &offset));
        // Another minute is another event (an update), not the same instant.
        assert!(!is_same_instant(&utc, &stamp("2023-11-08 23:31:59")));
        // Both in UTC: nothing to learn.
        assert!(!is_same_instant(&utc, &stamp("2023-11-08T23:30:59+00:00")));
        // A time written to the minute matches the UTC time's minute.
        let utc = stamp("2022-05-04T00:44:52.000Z");
        assert!(is_same_instant(&utc, &stamp("2022-05-03 21:44")));
        assert!(!is_same_instant(&utc, &stamp("2022-05-03 21:45")));
    }

    #[test]
    fn stamps_need_a_time_and_a_date_at_the_start() {
        assert_eq!(stamp("2025-04-25", DayFirst), None);
        assert_eq!(
            stamp("Updated by the desk on 2025-04-25 10:00", DayFirst),
            None
        );
        let rfc = stamp("Wed, 04 May 2022 02:41:00 GMT", DayFirst).unwrap();
        assert!(rfc.utc && rfc.seconds);
        assert_eq!(rfc.local.to_string(), "2022-05-04 02:41:00");
    }

    #[test]
    fn written_stamps_read_the_time_after_a_date_in_text() {
        let read = |text| written_stamp(text, DayFirst).map(|s| (s.local.to_string(), s.utc));
        for (text, local, utc) in [
            ("Brasília 03/05/2022 21:44", "2022-05-03 21:44:00", false),
            ("Posted 3 May 2022, 10:41 pm", "2022-05-03 22:41:00", false),
            ("Di., 25.01.2022 - 14:45", "2022-01-25 14:45:00", false),
            ("May 3, 2022 12:05 a.m. UTC", "2022-05-03 00:05:00", true),
        ] {
            assert_eq!(read(text), Some((local.to_string(), utc)), "{text}");
        }
        // A number further on is not the time.
        assert_eq!(read("3 May 2022: the 10 best recipes, 12:30 to cook"), None);
        assert_eq!(read("3 May 2022"), None);
    }

    #[test]
    fn iso_day_is_strict() {
        assert_eq!(
            iso_day("2025-04-25").map(iso).as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(
            iso_day("2025-04-25T10:00Z").map(iso).as_deref(),
            Some("2025-04-25")
        );
        assert_eq!(iso_day("2025-4-25"), None);
        assert_eq!(iso_day("2025-02-30"), None);
        assert_eq!(iso_day("25.04.2025"), None);
        assert_eq!(iso_day("2025-04-250"), None);
    }

    #[test]
    fn url_dates_need_a_day() {
        let url = "https://example.com/2025/04/25/slug";
        assert_eq!(
            in_url(url, DayFirst).map(iso).as_deref(),
            Some("2025-04-25")
        );
        let url = "https://example.com/news/23-01-2022-headline";
        assert_eq!(
            in_url(url, DayFirst).map(iso).as_deref(),
            Some("2022-01-23")
        );
        assert_eq!(in_url("https://example.com/2025/slug", DayFirst), None);
        assert_eq!(in_url("https://example.com/v2025.1.2/", DayFirst), None);
        // The host is not the path.
        assert_eq!(in_url("https://2025-04-25.example.com/", DayFirst), None);
    }
}
