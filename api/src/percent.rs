//! Percent-encoding, both ways: of path segments, what a client writes into a path and what a
//! server reads out of one, strictly (every `%` starts a two-digit hex escape); of a query's
//! names and values, leniently, as `application/x-www-form-urlencoded` has them.

use std::borrow::Cow;
use std::fmt;

/// The first `byte` in `text`. Paths, templates, segments and queries are a few dozen bytes,
/// too short for `memchr`'s set-up to pay: eight bytes are compared at a time in a `u64`.
pub(crate) fn find_byte(text: &[u8], byte: u8) -> Option<usize> {
    find_by_words(text, |word| zero_bytes(word ^ spread(byte)), |b| b == byte)
}

/// The first `%` or `+` in `text`: where a query's name or value needs decoding.
pub(crate) fn find_form_escape(text: &[u8]) -> Option<usize> {
    let hits = |word| zero_bytes(word ^ spread(b'%')) | zero_bytes(word ^ spread(b'+'));
    find_by_words(text, hits, |b| b == b'%' || b == b'+')
}

/// `byte` in each byte of a word.
const fn spread(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// The high bit set in the lowest zero byte of `word`, and maybe in bytes above it (a
/// borrow runs upwards), never below: so its lowest set bit is exact.
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(spread(1)) & !word & spread(0x80)
}

/// The first byte of `text` that `hits` marks in its word (little-endian, so the lowest bit
/// is the first byte) or, past the last whole word, that `is` picks.
fn find_by_words(text: &[u8], hits: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = text.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("a chunk of eight bytes"));
        let found = hits(word);
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    text[at..].iter().position(|&b| is(b)).map(|i| at + i)
}

/// The byte the escape at `bytes[at]` (a `%`) stands for, or `None` if two hex digits do not
/// follow it.
fn escape_at(bytes: &[u8], at: usize) -> Option<u8> {
    let digit = |i: usize| bytes.get(i).and_then(|&b| char::from(b).to_digit(16));
    Some((digit(at + 1)? * 16 + digit(at + 2)?) as u8)
}

/// Whether some `%` of `path` does not start a two-digit hex escape.
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) fn has_malformed_escape(path: &str) -> bool {
    let bytes = path.as_bytes();
    (0..bytes.len()).any(|i| bytes[i] == b'%' && escape_at(bytes, i).is_none())
}

/// Decodes a path segment: strict, and the bytes must be UTF-8.
pub(crate) fn decode_segment(raw: &str) -> Result<Cow<'_, str>, String> {
    let bytes = raw.as_bytes();
    // Most segments have no escape, and a `&str` is UTF-8 already: nothing to check or copy.
    let Some(first) = find_byte(bytes, b'%') else {
        return Ok(Cow::Borrowed(raw));
    };
    // Decoding only shrinks: one allocation of the raw length, never grown.
    let mut decoded = Vec::with_capacity(bytes.len());
    decoded.extend_from_slice(&bytes[..first]);
    let mut i = first;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            let run = find_byte(&bytes[i..], b'%').unwrap_or(bytes.len() - i);
            decoded.extend_from_slice(&bytes[i..i + run]);
            i += run;
            continue;
        }
        let Some(byte) = escape_at(bytes, i) else {
            let shown: String = raw[i..].chars().take(3).collect();
            return Err(format!("invalid percent-encoding `{shown}`"));
        };
        decoded.push(byte);
        i += 3;
    }
    String::from_utf8(decoded)
        .map(Cow::Owned)
        .map_err(|_| "not valid UTF-8 after percent-decoding".to_owned())
}

/// Decodes a name or value of a query string as `application/x-www-form-urlencoded` has it:
/// lenient, unlike a path segment's. `+` is a space, an escape that is not two hex digits is
/// kept as text, and bytes that are not UTF-8 after decoding become U+FFFD.
pub(crate) fn form_decode(raw: &str) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    let Some(first) = find_form_escape(bytes) else {
        return Cow::Borrowed(raw);
    };
    // Decoding only shrinks: one allocation of the raw length, never grown.
    let mut decoded = Vec::with_capacity(bytes.len());
    decoded.extend_from_slice(&bytes[..first]);
    let mut i = first;
    while i < bytes.len() {
        let run = find_form_escape(&bytes[i..]).unwrap_or(bytes.len() - i);
        decoded.extend_from_slice(&bytes[i..i + run]);
        i += run;
        let Some(&byte) = bytes.get(i) else { break };
        let (byte, width) = match byte {
            b'+' => (b' ', 1),
            _ => escape_at(bytes, i).map_or((b'%', 1), |byte| (byte, 3)),
        };
        decoded.push(byte);
        i += width;
    }
    match String::from_utf8(decoded) {
        Ok(text) => Cow::Owned(text),
        Err(err) => Cow::Owned(String::from_utf8_lossy(err.as_bytes()).into_owned()),
    }
}

/// A `fmt::Write` that percent-encodes what is written into a path segment, so a value's text
/// goes into the URI without an intermediate `String`: everything but RFC 3986's unreserved
/// characters, so that `/`, `?`, `#` and `%` in a value never change the route.
pub(crate) struct SegmentEncoder<'a>(pub(crate) &'a mut String);

impl fmt::Write for SegmentEncoder<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        push_escaped(self.0, s, &SEGMENT_KEEPS, false);
        Ok(())
    }
}

/// Which bytes an escaping keeps as they are, by value: a table, where testing the byte's
/// class takes several comparisons for every byte of every value. Made only by [`keeps`], so
/// it keeps ASCII only, which [`push_escaped`]'s slicing relies on.
pub(crate) struct Keeps([bool; 256]);

/// RFC 3986's unreserved characters, which a path segment keeps.
pub(crate) const SEGMENT_KEEPS: Keeps = keeps(b"-._~");

/// What `form_urlencoded` keeps: letters, digits and `*-._`.
pub(crate) const FORM_KEEPS: Keeps = keeps(b"*-._");

/// ASCII letters and digits, and `extra` (ASCII: checked as the constants are built).
const fn keeps(extra: &[u8]) -> Keeps {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        assert!(extra[i].is_ascii(), "an escaping keeps ASCII bytes only");
        table[extra[i] as usize] = true;
        i += 1;
    }
    Keeps(table)
}

/// Appends `text` to `out` with every byte `keeps` does not keep written as `%XX` (a space as
/// `+` when `space_as_plus`, as a form writes it): the one escaping loop behind the path's
/// encoder and the query's.
#[inline]
pub(crate) fn push_escaped(out: &mut String, text: &str, keeps: &Keeps, space_as_plus: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // Runs of kept characters are copied whole. A run starts after an escaped byte and ends
    // before one, both ASCII positions, so it is always whole characters: `Keeps` keeps only
    // ASCII, so the bytes of a multi-byte character are all escaped.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if keeps.0[usize::from(byte)] {
            i += 1;
            continue;
        }
        if run < i {
            out.push_str(&text[run..i]);
        }
        if space_as_plus && byte == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
        i += 1;
        run = i;
    }
    if run < text.len() {
        out.push_str(&text[run..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(
            decode_segment("%40alice%3Aexample.org").unwrap(),
            "@alice:example.org"
        );
        assert_eq!(decode_segment("a%2Fb").unwrap(), "a/b");
        assert_eq!(
            decode_segment("a%zzb").unwrap_err(),
            "invalid percent-encoding `%zz`"
        );
        assert_eq!(
            decode_segment("a%2").unwrap_err(),
            "invalid percent-encoding `%2`"
        );
        assert_eq!(
            decode_segment("%FF").unwrap_err(),
            "not valid UTF-8 after percent-decoding"
        );
        // Escapes among other text, an escaped multi-byte character, and a raw one kept.
        assert_eq!(decode_segment("%C3%A9t%C3%A9").unwrap(), "été");
        assert_eq!(decode_segment("é%20x").unwrap(), "é x");
        assert_eq!(
            decode_segment("a%").unwrap_err(),
            "invalid percent-encoding `%`"
        );
        // Decoding allocates once, at the raw length, and is never grown.
        let decoded = decode_segment("%21room%3Aexample.org").unwrap();
        assert_eq!(decoded, "!room:example.org");
        assert!(matches!(&decoded, Cow::Owned(s) if s.capacity() == "%21room%3Aexample.org".len()));
    }

    proptest::proptest! {
        #[test]
        fn words_find_what_a_byte_loop_finds(
            text in proptest::collection::vec(proptest::sample::select(b"ab%+/\x00\x80\xff".to_vec()), 0..40),
            byte in proptest::sample::select(b"a%+/\x00\x80\xff".to_vec()),
        ) {
            proptest::prop_assert_eq!(find_byte(&text, byte), text.iter().position(|&b| b == byte));
            proptest::prop_assert_eq!(
                find_form_escape(&text),
                text.iter().position(|&b| b == b'%' || b == b'+')
            );
        }
    }

    #[test]
    fn form_decoding_is_lenient() {
        for (raw, decoded) in [
            ("plain", "plain"),
            ("a+b%20c", "a b c"),
            ("%2B+", "+ "),
            ("100%", "100%"),
            ("%zz%2", "%zz%2"),
            ("%2+", "%2 "),
            ("%C3%A9t%c3%a9", "été"),
            ("%FFx", "\u{FFFD}x"),
            ("é+", "é "),
        ] {
            assert_eq!(form_decode(raw), decoded, "{raw}");
        }
        assert!(matches!(form_decode("no-escapes"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_malformed_escape_is_found_anywhere() {
        assert!(!has_malformed_escape("/rooms/%21r%3Ax/send"));
        assert!(!has_malformed_escape("/no/escapes"));
        for path in ["/a%zz", "/a%2", "/a%", "%g0/x", "/ok%20/bad%2/"] {
            assert!(has_malformed_escape(path), "{path}");
        }
    }
}
