//! Message bodies: the buffer an outgoing body is written into, and reading a JSON body.

use serde::de::DeserializeOwned;
use serde_json::de::SliceRead;

use crate::error::JsonError;
use crate::json::describe_json_error;

/// The largest starting capacity a JSON body gets from the size of the one before it.
const SIZE_HINT_MAX: usize = 64 * 1024;

thread_local! {
    /// The length of the last JSON body written on this thread.
    static LAST_JSON_SIZE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The body of an outgoing request or response while it is written.
///
/// A JSON body is written into a `Vec` that starts at the size of the last JSON body written on
/// the same thread, plus a quarter (at least 128 bytes, as `serde_json::to_vec` starts; at most
/// 64 KiB): a client or server sending the same kinds of message writes each into a buffer
/// already large enough, with no reallocation on the way, and hands that buffer over as the
/// message's body with no copy. A raw body (a media upload) is the caller's own bytes, handed
/// over as they are.
#[derive(Default)]
pub struct Body {
    buffer: Vec<u8>,
    /// Whether `buffer` holds JSON written here (whose size is the next one's hint), not a raw
    /// body the caller gave.
    json: bool,
}

impl Body {
    /// An empty body, to be written.
    #[inline]
    pub fn new() -> Body {
        Body::default()
    }

    /// The buffer, to write a JSON body into, sized from the last JSON body of this thread.
    #[inline]
    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        if self.buffer.capacity() == 0 {
            let last = LAST_JSON_SIZE.try_with(std::cell::Cell::get).unwrap_or(0);
            // `with_capacity`, not `reserve`: one allocation, without the growth policy's steps.
            self.buffer = Vec::with_capacity((last + last / 4).clamp(128, SIZE_HINT_MAX));
        }
        self.json = true;
        &mut self.buffer
    }

    /// Makes `bytes` the body; for `#[api(raw_body)]`, which already owns them.
    pub(crate) fn set(&mut self, bytes: Vec<u8>) {
        self.buffer = bytes;
        self.json = false;
    }

    /// The finished request, with this body.
    pub fn into_request(self, parts: http::request::Parts) -> http::Request<Vec<u8>> {
        http::Request::from_parts(parts, self.into_vec())
    }

    /// The finished response, with this body.
    #[inline]
    pub fn into_response(self, parts: http::response::Parts) -> http::Response<Vec<u8>> {
        http::Response::from_parts(parts, self.into_vec())
    }

    #[inline]
    fn into_vec(self) -> Vec<u8> {
        if self.json {
            // Fails only while the thread is being torn down; the next body then starts small.
            let _ = LAST_JSON_SIZE.try_with(|last| last.set(self.buffer.len()));
        }
        self.buffer
    }
}

/// Parses a JSON body; an empty body counts as `{}`, so requests whose fields are all optional
/// may be sent without one.
pub fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    json_body_with(bytes, |input| T::deserialize(input))
}

/// [`json_body`] with a reader of the caller's, which is given the input (`{}` for an empty
/// body) and may read it as it will; the input must then hold nothing more but whitespace.
pub(crate) fn json_body_with<'de, T>(
    bytes: &'de [u8],
    read: impl FnOnce(&mut serde_json::Deserializer<SliceRead<'de>>) -> Result<T, serde_json::Error>,
) -> Result<T, JsonError> {
    let bytes = if bytes.is_empty() { b"{}" } else { bytes };
    let mut input = serde_json::Deserializer::from_slice(bytes);
    match read(&mut input).and_then(|value| input.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(err) => Err(describe_json_error(bytes, &err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::JsonErrorKind;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Message {
        count: u32,
        nested: Option<Nested>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Nested {
        name: String,
    }

    fn finish(body: Body) -> Vec<u8> {
        let (parts, ()) = http::Response::new(()).into_parts();
        body.into_response(parts).into_body()
    }

    #[test]
    fn a_json_body_starts_at_the_size_of_the_last_one() {
        let mut body = Body::new();
        body.buffer().extend_from_slice(&[1; 1000]);
        assert_eq!(finish(body), [1; 1000]);
        let mut next = Body::new();
        assert_eq!(next.buffer().capacity(), 1250);
        // A small body: the next starts at 128 bytes, as `serde_json::to_vec` does.
        next.buffer().push(1);
        finish(next);
        assert_eq!(Body::new().buffer().capacity(), 128);
        // A large one: at most 64 KiB.
        let mut large = Body::new();
        large.buffer().resize(1 << 20, b' ');
        finish(large);
        assert_eq!(Body::new().buffer().capacity(), SIZE_HINT_MAX);
        // A raw body leaves the hint alone.
        let mut raw = Body::new();
        raw.set(vec![0; 10]);
        finish(raw);
        assert_eq!(Body::new().buffer().capacity(), SIZE_HINT_MAX);
    }

    #[test]
    fn bodies_are_handed_over_without_a_copy() {
        let bytes = vec![7; 1 << 20];
        let address = bytes.as_ptr();
        let mut body = Body::new();
        body.set(bytes);
        let handed = finish(body);
        assert_eq!((handed.as_ptr(), handed.len()), (address, 1 << 20));

        for size in [3, 100, 200_000] {
            let mut body = Body::new();
            body.buffer().resize(size, b' ');
            let address = body.buffer.as_ptr();
            let handed = finish(body);
            assert_eq!((handed.as_ptr(), handed.len()), (address, size));
        }
    }

    #[test]
    fn json_errors_name_the_field() {
        let err = json_body::<Message>(br#"{"count": "three"}"#).unwrap_err();
        assert_eq!(err.kind, JsonErrorKind::Data);
        assert_eq!(err.field.as_deref(), Some("count"));
        assert!(
            err.to_string()
                .starts_with("JSON body, field `count`: invalid type"),
            "{err}"
        );

        let err = json_body::<Message>(br#"{"count": 1, "nested": {"name": 5}}"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("nested.name"));

        let err = json_body::<Message>(br#"{"nested": null}"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("count"));
        assert_eq!(err.message, "missing field `count`");
    }

    #[test]
    fn json_syntax_errors_give_the_position() {
        let err = json_body::<Message>(b"{\"count\": 1,\n oops}").unwrap_err();
        assert_eq!(err.kind, JsonErrorKind::Syntax);
        assert_eq!((err.field.as_deref(), err.line, err.column), (None, 2, 2));
        let err = json_body::<Message>(br#"{"count": 1"#).unwrap_err();
        assert_eq!(err.kind, JsonErrorKind::Eof);
        let err = json_body::<Message>(br#"{"count": 1} trailing"#).unwrap_err();
        assert_eq!(err.kind, JsonErrorKind::Syntax);
    }

    #[test]
    fn empty_body_is_an_empty_object() {
        #[derive(serde::Deserialize)]
        struct AllOptional {
            #[allow(dead_code)]
            a: Option<u32>,
        }
        assert!(json_body::<AllOptional>(b"").is_ok());
        let err = json_body::<Message>(b"").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("count"));
    }
}
