//! Percent-encoding of path segments, both ways: what a client writes into a path and what a
//! server reads out of one, strictly (every `%` starts a two-digit hex escape).

use std::borrow::Cow;
use std::fmt;

/// The first `byte` in `text`. Paths, templates and segments are short: a plain byte loop
/// beats `memchr`'s set-up.
pub(crate) fn find_byte(text: &[u8], byte: u8) -> Option<usize> {
    text.iter().position(|&b| b == byte)
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

/// A `fmt::Write` that percent-encodes what is written into a path segment, so a value's text
/// goes into the URI without an intermediate `String`: everything but RFC 3986's unreserved
/// characters, so that `/`, `?`, `#` and `%` in a value never change the route.
pub(crate) struct SegmentEncoder<'a>(pub(crate) &'a mut String);

impl fmt::Write for SegmentEncoder<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let out = &mut *self.0;
        // Runs of unreserved characters are copied whole. A run starts after an escaped byte
        // and ends before one, both ASCII positions, so it is always whole characters: the
        // bytes of a multi-byte character are all escaped.
        let mut run = 0;
        for (i, byte) in s.bytes().enumerate() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                continue;
            }
            if run < i {
                out.push_str(&s[run..i]);
            }
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
            run = i + 1;
        }
        if run < s.len() {
            out.push_str(&s[run..]);
        }
        Ok(())
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

    #[test]
    fn a_malformed_escape_is_found_anywhere() {
        assert!(!has_malformed_escape("/rooms/%21r%3Ax/send"));
        assert!(!has_malformed_escape("/no/escapes"));
        for path in ["/a%zz", "/a%2", "/a%", "%g0/x", "/ok%20/bad%2/"] {
            assert!(has_malformed_escape(path), "{path}");
        }
    }
}
