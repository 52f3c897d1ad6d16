//! Stage 0: bytes → text. Picks the character encoding of a page the way a browser would, then
//! decodes with `encoding_rs`, replacing malformed sequences with U+FFFD (never an error).
//!
//! The order is the WHATWG HTML "encoding sniffing algorithm"
//! (<https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm>), plus one
//! step that browsers skip on the network but that crawled pages need:
//!
//! 1. a byte order mark;
//! 2. the caller's hint (what an HTTP `Content-Type` header said);
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes, found by
//!    the spec's "prescan a byte stream" algorithm ([`prescan`]), except that a declared
//!    Latin-1 over bytes that are valid, non-ASCII UTF-8 is read as UTF-8
//!    ([`utf8_over_latin1`]);
//! 4. valid UTF-8 is UTF-8;
//! 5. otherwise `chardetng`, the detector Firefox uses, which answers windows-1252 when it has
//!    no evidence for anything else.
//!
//! A declaration beats step 4 on purpose: a page that declares UTF-8 and carries a few invalid
//! bytes must stay UTF-8 (with replacement characters), not be re-guessed as a legacy charset.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How far the prescan looks for a `<meta>` declaration, as the spec and browsers do.
const PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes` to text and says which encoding was used.
///
/// `hint` is what the transport said (an HTTP `Content-Type` charset); only a byte order mark
/// overrides it. Malformed sequences become U+FFFD. The text is borrowed when `bytes` are
/// already valid in the chosen encoding and need no conversion (UTF-8, or ASCII in an
/// ASCII-compatible encoding).
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    hint: Option<&'static Encoding>,
) -> (Cow<'a, str>, &'static Encoding) {
    let encoding = sniff(bytes, hint);
    // Removes the BOM only when it matches `encoding`, which it does whenever one was found.
    let (text, _had_errors) = encoding.decode_with_bom_removal(bytes);
    (text, encoding)
}

/// The encoding a charset label names, as HTTP headers and `<meta>` give them
/// (`"ISO-8859-1"` → windows-1252, `"gb2312"` → GBK), or `None` for an unknown label.
///
/// The labels that map to the WHATWG "replacement" encoding (`iso-2022-kr`, `hz-gb-2312`, …)
/// count as unknown too: browsers use it to render such pages as one U+FFFD, which stops
/// script injection in a browser but would only leave an extractor with nothing to read.
pub(crate) fn encoding_for_label(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label_no_replacement(label)
}

/// Chooses the encoding of `bytes` (steps 1–5 of the module docs).
fn sniff(bytes: &[u8], hint: Option<&'static Encoding>) -> &'static Encoding {
    if let Some((encoding, _bom_len)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    hint.or_else(|| {
        prescan(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes)).map(|d| utf8_over_latin1(bytes, d))
    })
    .unwrap_or_else(|| if is_utf8(bytes) { UTF_8 } else { guess(bytes) })
}

/// A page whose `<meta>` declares Latin-1 (windows-1252) but whose bytes are valid UTF-8 with
/// non-ASCII characters in them is UTF-8: a template's stale declaration over UTF-8 content is
/// common, while Latin-1 text that happens to form valid multi-byte UTF-8 sequences ("Ã©"
/// written on purpose) is vanishingly rare. Browsers follow the declaration and show
/// mojibake; a reader wants the words (encodings en-declares-latin1-but-utf8-dragnet). Only
/// the page's own declaration is overruled, never the transport's hint.
fn utf8_over_latin1(bytes: &[u8], declared: &'static Encoding) -> &'static Encoding {
    if declared == WINDOWS_1252 && !bytes.is_ascii() && is_utf8(bytes) {
        UTF_8
    } else {
        declared
    }
}

/// Whether `bytes` are UTF-8, allowing the last character to be cut short: crawlers that cap
/// the download size cut pages anywhere, and one broken character must not turn a UTF-8 page
/// into a legacy-charset guess.
fn is_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    }
}

/// chardetng's guess over all of `bytes`.
///
/// It reads the whole input, not a prefix: pages often keep their first non-ASCII text behind
/// tens of kilobytes of inline script and style, and a prefix of those would be pure ASCII,
/// hence a blind windows-1252. The detector is linear and much faster than parsing the same
/// bytes, so this stays a small share of the extraction. No top-level domain is known
/// (`None` is chardetng's generic `.com`), and UTF-8 is not a candidate: valid UTF-8 was
/// already taken, and this page is not.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// The spec's "prescan a byte stream to determine its encoding" over `head` (the first 1024
/// bytes): the encoding of the first `<meta>` that declares one, skipping comments and the
/// attributes of other tags, so `<!-- <meta charset=x> -->` or `<a title="<meta charset=x>">`
/// don't count. Each byte is looked at a bounded number of times: linear.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut cursor = Cursor { bytes: head, at: 0 };
    while let Some(rest) = cursor
        .bytes
        .get(cursor.at..)
        .filter(|rest| !rest.is_empty())
    {
        if rest.starts_with(b"<!--") {
            // The dashes of "<!--" may close it too: "<!-->" is a whole comment.
            cursor.at += 2;
            cursor.skip_past(b"-->")?;
            continue;
        }
        if is_meta_start(rest) {
            cursor.at += b"<meta".len();
            if let Some(encoding) = cursor.meta_encoding() {
                return Some(encoding);
            }
        } else if is_tag_start(rest) {
            cursor.skip_while(|b| !b.is_ascii_whitespace() && b != b'>');
            while cursor.attribute().is_some() {}
        } else if [b"<!", b"</", b"<?"].iter().any(|p| rest.starts_with(*p)) {
            cursor.at += 2;
            cursor.skip_past(b">")?;
            continue;
        }
        cursor.at += 1;
    }
    None
}

/// `<meta` followed by whitespace or `/`, in any case.
fn is_meta_start(rest: &[u8]) -> bool {
    rest.get(..5)
        .is_some_and(|tag| tag.eq_ignore_ascii_case(b"<meta"))
        && rest
            .get(5)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
}

/// `<` then an ASCII letter, or `</` then a letter: an opening or closing tag.
fn is_tag_start(rest: &[u8]) -> bool {
    let name = match rest {
        [b'<', b'/', name, ..] | [b'<', name, ..] => name,
        _ => return false,
    };
    name.is_ascii_alphabetic()
}

/// What a `<meta>` element's attributes have said about the charset so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Declared {
    /// Nothing yet.
    Nothing,
    /// A `content` attribute named this encoding: it counts only with
    /// `http-equiv="content-type"`.
    Pragma(&'static Encoding),
    /// A `charset` attribute, and the encoding it names, `None` if the label is unknown.
    Charset(Option<&'static Encoding>),
}

/// A position in the prescanned bytes.
#[derive(Debug)]
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_while(&mut self, keep_going: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&keep_going) {
            self.at += 1;
        }
    }

    /// Moves just past the next `needle`, or returns `None` (the input ends first).
    fn skip_past(&mut self, needle: &[u8]) -> Option<()> {
        let rest = self.bytes.get(self.at..)?;
        let found = rest.windows(needle.len()).position(|w| w == needle)?;
        self.at += found + needle.len();
        Some(())
    }

    /// The bytes from `start` to the cursor.
    fn since(&self, start: usize) -> &'a [u8] {
        self.bytes.get(start..self.at).unwrap_or_default()
    }

    /// The spec's steps for a `<meta` whose name has been read: the encoding it declares.
    /// Only the first `http-equiv`, `content` and `charset` attribute counts.
    fn meta_encoding(&mut self) -> Option<&'static Encoding> {
        let (mut seen_http_equiv, mut seen_content, mut seen_charset) = (false, false, false);
        let mut got_pragma = false;
        let mut declared = Declared::Nothing;
        while let Some((name, value)) = self.attribute() {
            if name.eq_ignore_ascii_case(b"http-equiv") && !seen_http_equiv {
                seen_http_equiv = true;
                got_pragma = value.eq_ignore_ascii_case(b"content-type");
            } else if name.eq_ignore_ascii_case(b"content") && !seen_content {
                seen_content = true;
                if let (Declared::Nothing, Some(encoding)) = (declared, charset_in_content(value)) {
                    declared = Declared::Pragma(encoding);
                }
            } else if name.eq_ignore_ascii_case(b"charset") && !seen_charset {
                seen_charset = true;
                declared = Declared::Charset(encoding_for_label(value));
            }
        }
        // A tag cut off by the end of the prescanned bytes declares nothing.
        self.peek()?;
        match declared {
            Declared::Pragma(encoding) if got_pragma => Some(for_html(encoding)),
            Declared::Charset(Some(encoding)) => Some(for_html(encoding)),
            _ => None,
        }
    }

    /// The spec's "get an attribute": the next attribute's name and value (quotes removed),
    /// or `None` at the tag's `>` or the end of the input.
    fn attribute(&mut self) -> Option<(&'a [u8], &'a [u8])> {
        self.skip_while(|b| b.is_ascii_whitespace() || b == b'/');
        if self.peek()? == b'>' {
            return None;
        }
        let start = self.at;
        // The first byte always belongs to the name, even an `=`.
        self.at += 1;
        self.skip_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'/' | b'>'));
        let name = self.since(start);
        self.skip_while(|b| b.is_ascii_whitespace());
        if self.peek()? != b'=' {
            return Some((name, b""));
        }
        self.at += 1;
        self.skip_while(|b| b.is_ascii_whitespace());
        Some((name, self.attribute_value()?))
    }

    /// An attribute value after its `=`: quoted, or up to whitespace or `>`.
    fn attribute_value(&mut self) -> Option<&'a [u8]> {
        match self.peek()? {
            quote @ (b'"' | b'\'') => {
                self.at += 1;
                let start = self.at;
                self.skip_while(|b| b != quote);
                let value = self.since(start);
                self.peek()?;
                self.at += 1;
                Some(value)
            }
            b'>' => Some(b""),
            _ => {
                let start = self.at;
                self.skip_while(|b| !b.is_ascii_whitespace() && b != b'>');
                self.peek()?;
                Some(self.since(start))
            }
        }
    }
}

/// The spec's "extract a character encoding from a meta element": the label after the first
/// `charset` that is followed by `=` in a `content` value such as `text/html; charset=gbk`.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut rest = content;
    let value = loop {
        let found = rest
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        rest = rest.get(found + 7..)?.trim_ascii_start();
        if let Some(value) = rest.strip_prefix(b"=") {
            break value.trim_ascii_start();
        }
    };
    let label = match value {
        [quote @ (b'"' | b'\''), quoted @ ..] => {
            let end = quoted.iter().position(|b| b == quote)?;
            quoted.get(..end)?
        }
        _ => {
            let end = value
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b';')
                .unwrap_or(value.len());
            value.get(..end)?
        }
    };
    encoding_for_label(label)
}

/// The spec's fix-up of a declared encoding: a page that names UTF-16 in ASCII-compatible
/// bytes cannot be UTF-16 (the `<meta>` would not be readable), so it is taken as UTF-8; and
/// x-user-defined, a pseudo-encoding for binary data, means windows-1252 in HTML.
fn for_html(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{EUC_KR, GBK, ISO_8859_2, SHIFT_JIS, WINDOWS_1250, WINDOWS_1251};

    fn sniffed(bytes: &[u8]) -> &'static str {
        decode(bytes, None).1.name()
    }

    #[test]
    fn utf8_bom_wins_over_meta_and_is_removed() {
        let (text, encoding) = decode(b"\xEF\xBB\xBF<meta charset=gbk>caf\xC3\xA9", None);
        assert_eq!(encoding, UTF_8);
        assert_eq!(text, "<meta charset=gbk>café");
    }

    #[test]
    fn utf16le_bom_is_decoded_as_utf16le() {
        let (text, encoding) = decode(b"\xFF\xFEh\0i\0", None);
        assert_eq!(encoding, UTF_16LE);
        assert_eq!(text, "hi");
    }

    #[test]
    fn utf16be_bom_is_decoded_as_utf16be() {
        let (text, encoding) = decode(b"\xFE\xFF\0h\0i", None);
        assert_eq!(encoding, UTF_16BE);
        assert_eq!(text, "hi");
    }

    #[test]
    fn bom_wins_over_hint() {
        assert_eq!(decode(b"\xEF\xBB\xBFx", Some(GBK)).1, UTF_8);
    }

    #[test]
    fn hint_wins_over_meta() {
        let (text, encoding) = decode(b"<meta charset=windows-1252>\xC4\xE3", Some(GBK));
        assert_eq!(encoding, GBK);
        assert_eq!(text, "<meta charset=windows-1252>你");
    }

    #[test]
    fn declared_latin1_over_utf8_bytes_is_utf8() {
        let page = "<meta charset=iso-8859-1><p>It\u{2019}s caf\u{e9}</p>".as_bytes();
        assert_eq!(decode(page, None).1, UTF_8);
        // Pure ASCII keeps its declaration, and so does real Latin-1 (not valid UTF-8).
        assert_eq!(
            decode(b"<meta charset=iso-8859-1><p>cafe", None).1,
            WINDOWS_1252
        );
        assert_eq!(
            decode(b"<meta charset=iso-8859-1><p>caf\xE9 au lait", None).1,
            WINDOWS_1252
        );
    }

    #[test]
    fn hint_wins_over_valid_utf8() {
        assert_eq!(decode(b"caf\xC3\xA9", Some(WINDOWS_1252)).0, "cafÃ©");
    }

    #[test]
    fn meta_charset_attribute_is_found() {
        assert_eq!(
            sniffed(b"<html><head><meta charset=\"windows-1250\">\xB9"),
            "windows-1250"
        );
    }

    #[test]
    fn meta_charset_unquoted_single_quoted_and_uppercase() {
        assert_eq!(sniffed(b"<META CHARSET=Windows-1251>"), "windows-1251");
        assert_eq!(sniffed(b"<meta charset='iso-8859-2'/>"), "ISO-8859-2");
        assert_eq!(sniffed(b"<meta\ncharset = shift_jis >"), "Shift_JIS");
    }

    #[test]
    fn meta_http_equiv_content_type_is_found() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-KR\">";
        assert_eq!(decode(page, None).1, EUC_KR);
        let reversed = b"<meta content='text/html;charset=\"gbk\"' http-equiv=content-type>";
        assert_eq!(decode(reversed, None).1, GBK);
    }

    #[test]
    fn meta_content_without_http_equiv_declares_nothing() {
        assert_eq!(sniffed(b"<meta name=x content=\"charset=gbk\">"), "UTF-8");
    }

    #[test]
    fn meta_inside_a_comment_is_ignored() {
        let page = b"<!-- <meta charset=gbk> --><meta charset=windows-1251>";
        assert_eq!(decode(page, None).1, WINDOWS_1251);
        assert_eq!(sniffed(b"<!--><meta charset=gbk>"), "GBK");
    }

    #[test]
    fn meta_inside_another_tags_attribute_is_ignored() {
        let page = b"<a title=\"<meta charset=gbk>\"></a><meta charset=windows-1250>";
        assert_eq!(decode(page, None).1, WINDOWS_1250);
    }

    #[test]
    fn first_declaring_meta_wins() {
        let page = b"<meta charset=bogus><meta charset=gbk><meta charset=windows-1251>";
        assert_eq!(decode(page, None).1, GBK);
    }

    #[test]
    fn meta_after_the_first_1024_bytes_is_not_read() {
        let mut page = b"<p>".to_vec();
        page.extend(std::iter::repeat_n(b'x', PRESCAN_BYTES));
        page.extend(b"<meta charset=gbk><p>caf\xC3\xA9");
        assert_eq!(decode(&page, None).1, UTF_8);
    }

    #[test]
    fn meta_cut_off_by_the_prescan_limit_declares_nothing() {
        assert_eq!(prescan(b"<meta charset=gbk"), None);
        assert_eq!(prescan(b"<meta charset=\"gbk"), None);
    }

    #[test]
    fn declared_utf16_means_utf8() {
        assert_eq!(sniffed(b"<meta charset=utf-16le>"), "UTF-8");
    }

    #[test]
    fn declared_x_user_defined_means_windows_1252() {
        assert_eq!(sniffed(b"<meta charset=x-user-defined>"), "windows-1252");
    }

    #[test]
    fn iso_8859_1_label_means_windows_1252() {
        let (text, encoding) = decode(b"<meta charset=iso-8859-1>\x93quoted\x94", None);
        assert_eq!(encoding, WINDOWS_1252);
        assert_eq!(text, "<meta charset=iso-8859-1>\u{201C}quoted\u{201D}");
    }

    #[test]
    fn gb2312_label_means_gbk() {
        assert_eq!(sniffed(b"<meta charset=gb2312>"), "GBK");
        assert_eq!(encoding_for_label(b" GB2312 "), Some(GBK));
    }

    #[test]
    fn replacement_labels_count_as_unknown() {
        assert_eq!(encoding_for_label(b"iso-2022-kr"), None);
        assert_eq!(sniffed(b"<meta charset=iso-2022-kr>"), "UTF-8");
    }

    #[test]
    fn valid_utf8_wins_without_a_declaration() {
        let (text, encoding) = decode("<p>Grüße, 你好".as_bytes(), None);
        assert_eq!(encoding, UTF_8);
        assert!(matches!(text, Cow::Borrowed("<p>Grüße, 你好")));
    }

    #[test]
    fn utf8_cut_inside_the_last_character_is_still_utf8() {
        let (text, encoding) = decode(b"caf\xC3\xA9 \xE4\xBD", None);
        assert_eq!(encoding, UTF_8);
        assert_eq!(text, "café \u{FFFD}");
    }

    #[test]
    fn declared_utf8_with_invalid_bytes_stays_utf8_and_replaces_them() {
        let (text, encoding) = decode(b"<meta charset=utf-8>caf\xC3\xA9 \xFF ok", None);
        assert_eq!(encoding, UTF_8);
        assert_eq!(text, "<meta charset=utf-8>café \u{FFFD} ok");
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed() {
        let gbk = GBK.encode("中华人民共和国成立于一九四九年，首都是北京。").0;
        assert_eq!(decode(&gbk, None).1, GBK);
        let sjis = SHIFT_JIS
            .encode("日本語のテキストです。これはテストです。")
            .0;
        assert_eq!(decode(&sjis, None).1, SHIFT_JIS);
        let polish = ISO_8859_2
            .encode("Zażółć gęślą jaźń, śmiało świętuj źdźbło.")
            .0;
        assert_eq!(decode(&polish, None).1, ISO_8859_2);
    }

    #[test]
    fn undeclared_latin_bytes_fall_back_to_windows_1252() {
        assert_eq!(
            decode(b"Caf\xE9 cr\xE8me br\xFBl\xE9e", None).1,
            WINDOWS_1252
        );
    }

    #[test]
    fn empty_input_is_empty_utf8() {
        let (text, encoding) = decode(b"", None);
        assert_eq!(encoding, UTF_8);
        assert_eq!(text, "");
    }
}
