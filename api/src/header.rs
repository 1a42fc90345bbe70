//! Types an `#[api(header = NAME)]` field can have.

use http::HeaderValue;

use crate::error::HeaderProblem;

/// A type that can be the value of an `#[api(header = NAME)]` field: written into a header, and
/// read back from one.
///
/// Implemented for `String` and `HeaderValue` (required headers) and for `Option` of either
/// (optional headers: `None` sends nothing, and a missing header reads as `None`).
pub trait HeaderField: Sized {
    /// The value to send, or `None` to send no header. An `Err` carries why the value cannot be
    /// a header value (for example, a line break in it).
    fn to_header_value(&self) -> Option<Result<HeaderValue, String>>;

    /// Reads the field from the header's value, `None` when the header is absent.
    fn from_header_value(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem>;
}

fn text_value(text: &str) -> Result<HeaderValue, String> {
    // HTTP parsers drop whitespace around a field value (RFC 9110 §5.5): sent, it would arrive
    // as a different string.
    if text.starts_with([' ', '\t']) || text.ends_with([' ', '\t']) {
        return Err(
            "the value begins or ends with whitespace, which HTTP drops from header values"
                .to_owned(),
        );
    }
    HeaderValue::from_str(text).map_err(|_| {
        "the value contains a character not allowed in a header (such as a line break or a \
         control character)"
            .to_owned()
    })
}

impl HeaderField for String {
    fn to_header_value(&self) -> Option<Result<HeaderValue, String>> {
        Some(text_value(self))
    }

    fn from_header_value(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem> {
        let value = value.ok_or(HeaderProblem::Missing)?;
        // Not `HeaderValue::to_str`, which takes only visible ASCII: bytes beyond it
        // ("obs-text") are allowed, and are what a `String` with non-ASCII text is sent as.
        // Whitespace around the value is not part of it (RFC 9110 §5.5); an `http::HeaderValue`
        // built by hand may still hold some, which a parser off the wire would have dropped.
        // Trimmed as bytes: a checked `HeaderValue` holds no ASCII whitespace but space and
        // tab, and a byte loop costs a third of a `char` pattern's.
        std::str::from_utf8(value.as_bytes().trim_ascii())
            .map(str::to_owned)
            .map_err(|_| HeaderProblem::NotText)
    }
}

impl HeaderField for HeaderValue {
    fn to_header_value(&self) -> Option<Result<HeaderValue, String>> {
        Some(Ok(self.clone()))
    }

    fn from_header_value(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem> {
        value.cloned().ok_or(HeaderProblem::Missing)
    }
}

impl<T: HeaderField> HeaderField for Option<T> {
    fn to_header_value(&self) -> Option<Result<HeaderValue, String>> {
        self.as_ref().and_then(T::to_header_value)
    }

    fn from_header_value(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem> {
        value.map(|v| T::from_header_value(Some(v))).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_reject_line_breaks() {
        let value = "https://example.org/a"
            .to_owned()
            .to_header_value()
            .unwrap()
            .unwrap();
        assert_eq!(
            String::from_header_value(Some(&value)).unwrap(),
            "https://example.org/a"
        );
        let err = "a\r\nInjected: yes"
            .to_owned()
            .to_header_value()
            .unwrap()
            .unwrap_err();
        assert!(err.contains("line break"), "{err}");
        assert_eq!(String::from_header_value(None), Err(HeaderProblem::Missing));
    }

    #[test]
    fn whitespace_around_a_value_read_is_not_part_of_it() {
        let value = HeaderValue::from_static(" \timage/png \t");
        let read = String::from_header_value(Some(&value)).unwrap();
        assert_eq!(read, "image/png");
        // So what was read can be sent again.
        assert_eq!(read.to_header_value().unwrap().unwrap(), "image/png");
        let inner = HeaderValue::from_static("inline; filename=\"a b.png\"");
        assert_eq!(
            String::from_header_value(Some(&inner)).unwrap(),
            "inline; filename=\"a b.png\""
        );
    }

    #[test]
    fn non_ascii_text_round_trips() {
        let text = "https://example.org/bücher?q=漢字".to_owned();
        let value = text.to_header_value().unwrap().unwrap();
        assert_eq!(String::from_header_value(Some(&value)).unwrap(), text);
    }

    #[test]
    fn surrounding_whitespace_is_refused_rather_than_lost() {
        for text in [" a", "a ", "\ta", "a\t", " "] {
            let err = text.to_owned().to_header_value().unwrap().unwrap_err();
            assert!(err.contains("whitespace"), "{text:?}: {err}");
        }
        let inside = "a \tb".to_owned().to_header_value().unwrap().unwrap();
        assert_eq!(inside, "a \tb");
        assert_eq!(String::from_header_value(Some(&inside)).unwrap(), "a \tb");
    }

    #[test]
    fn optional_headers() {
        assert!(None::<String>.to_header_value().is_none());
        assert_eq!(Option::<String>::from_header_value(None), Ok(None));
        let bytes = HeaderValue::from_bytes(b"\xff").unwrap();
        assert_eq!(
            Option::<String>::from_header_value(Some(&bytes)),
            Err(HeaderProblem::NotText)
        );
    }
}
