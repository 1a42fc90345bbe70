//! Message bodies: the buffer an outgoing body is written into, and reading a JSON body.

use serde::de::DeserializeOwned;

use crate::error::JsonError;
use crate::json::describe_json_error;

/// Bodies up to this size are written into a buffer kept for the next one, and copied out.
const BODY_BUFFER_KEPT: usize = 64 * 1024;

thread_local! {
    static BODY_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The body of an outgoing request or response while it is written.
///
/// A JSON body is written into a buffer reused from one message to the next on the same thread,
/// warm and already large enough, where a fresh `Vec` would start small and grow through
/// several reallocations. When it is done, a body of up to 64 KiB is copied out into a `Vec`
/// of its exact size and the buffer kept; a larger one is handed over as it is, since copying
/// it would cost more than growing a fresh buffer next time. A raw body (a media upload) is
/// always handed over without a copy.
pub struct Body {
    buffer: Vec<u8>,
    /// Whether `buffer` is the caller's own bytes (a raw body), not this thread's buffer.
    owned: bool,
}

impl Body {
    /// Takes this thread's buffer (a nested conversion gets a fresh one).
    pub fn take() -> Body {
        let buffer = BODY_BUFFER
            .try_with(std::cell::Cell::take)
            .unwrap_or_default();
        Body {
            buffer,
            owned: false,
        }
    }

    /// The buffer, to write a JSON body into. A fresh one (the thread's first, or after a large
    /// body was handed over) starts at 128 bytes, as `serde_json::to_vec` does, not at 8.
    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        if self.buffer.capacity() == 0 {
            self.buffer.reserve(128);
        }
        &mut self.buffer
    }

    /// Makes `bytes` the body; for `#[api(raw_body)]`, which already owns them.
    pub(crate) fn set(&mut self, bytes: Vec<u8>) {
        let buffer = std::mem::replace(&mut self.buffer, bytes);
        if !self.owned {
            give_back(buffer);
        }
        self.owned = true;
    }

    /// The finished request, with this body.
    pub fn into_request(self, parts: http::request::Parts) -> http::Request<Vec<u8>> {
        http::Request::from_parts(parts, self.into_vec())
    }

    /// The finished response, with this body.
    pub fn into_response(self, parts: http::response::Parts) -> http::Response<Vec<u8>> {
        http::Response::from_parts(parts, self.into_vec())
    }

    fn into_vec(mut self) -> Vec<u8> {
        let buffer = std::mem::take(&mut self.buffer);
        if self.owned || buffer.len() > BODY_BUFFER_KEPT {
            // `Drop` now finds an empty, owned buffer, and leaves the thread's slot alone.
            self.owned = true;
            return buffer;
        }
        let body = buffer.as_slice().to_vec();
        self.buffer = buffer;
        body
    }
}

impl Drop for Body {
    fn drop(&mut self) {
        if !self.owned {
            give_back(std::mem::take(&mut self.buffer));
        }
    }
}

fn give_back(mut buffer: Vec<u8>) {
    if buffer.capacity() <= BODY_BUFFER_KEPT {
        buffer.clear();
        // Fails only while the thread is being torn down; the buffer is then freed.
        let _ = BODY_BUFFER.try_with(|cell| cell.set(buffer));
    }
}

/// Parses a JSON body; an empty body counts as `{}`, so requests whose fields are all optional
/// may be sent without one.
pub fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    let bytes = if bytes.is_empty() { b"{}" } else { bytes };
    match serde_json::from_slice(bytes) {
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
    fn the_buffer_is_reused_and_a_small_body_copied_out() {
        let mut body = Body::take();
        body.buffer().extend_from_slice(&[1; 100]);
        let address = body.buffer.as_ptr();
        assert_eq!(finish(body), [1; 100]);
        let again = Body::take();
        assert!(again.buffer.is_empty());
        assert_eq!(again.buffer.as_ptr(), address);
    }

    #[test]
    fn raw_and_large_bodies_are_handed_over_without_a_copy() {
        let bytes = vec![7; 1 << 20];
        let address = bytes.as_ptr();
        let mut body = Body::take();
        body.set(bytes);
        let handed = finish(body);
        assert_eq!((handed.as_ptr(), handed.len()), (address, 1 << 20));
        // A small raw body too: it is the caller's, not the thread's buffer.
        let small = vec![1, 2, 3];
        let address = small.as_ptr();
        let mut body = Body::take();
        body.set(small);
        let handed = finish(body);
        assert_eq!(handed.as_ptr(), address);

        let mut body = Body::take();
        body.buffer().resize(BODY_BUFFER_KEPT + 1, b' ');
        let address = body.buffer.as_ptr();
        let handed = finish(body);
        assert_eq!(handed.as_ptr(), address);
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
