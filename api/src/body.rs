//! Message bodies: the buffer an outgoing body is written into, and reading a JSON body.

use bytes::BufMut;
use serde::de::DeserializeOwned;

use crate::error::JsonError;
use crate::json::describe_json_error;

/// Bodies up to this size leave their buffer for the next one.
const BODY_BUFFER_KEPT: usize = 64 * 1024;

thread_local! {
    static BODY_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The body of an outgoing request or response while it is written: a buffer reused from one
/// message to the next on the same thread.
///
/// The generated conversions are generic over the caller's body type (`T: BufMut`), which cannot
/// be sized up front, so a body written into it directly grows through several reallocations;
/// and generic code is compiled again in every crate that calls it. Instead the endpoint's
/// code, not generic, writes into this warm buffer, and only [`Body::into_request`] /
/// [`Body::into_response`] are generic: one copy into a `T` allocated at the exact size.
pub struct Body(Vec<u8>);

impl Body {
    /// Takes this thread's buffer (a nested conversion gets a fresh one).
    pub fn take() -> Body {
        Body(
            BODY_BUFFER
                .try_with(std::cell::Cell::take)
                .unwrap_or_default(),
        )
    }

    /// The buffer, to write the body into.
    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }

    /// Makes `bytes` the body; for `#[api(raw_body)]`, which already owns them.
    pub(crate) fn set(&mut self, bytes: Vec<u8>) {
        let buffer = std::mem::replace(&mut self.0, bytes);
        give_back(buffer);
    }

    /// The finished request, with the body copied into the caller's type.
    pub fn into_request<T: Default + BufMut>(
        self,
        parts: http::request::Parts,
    ) -> http::Request<T> {
        http::Request::from_parts(parts, self.copy())
    }

    /// The finished response, with the body copied into the caller's type.
    pub fn into_response<T: Default + BufMut>(
        self,
        parts: http::response::Parts,
    ) -> http::Response<T> {
        http::Response::from_parts(parts, self.copy())
    }

    fn copy<T: Default + BufMut>(&self) -> T {
        let mut body = T::default();
        if !self.0.is_empty() {
            body.put_slice(&self.0);
        }
        body
    }
}

impl Drop for Body {
    fn drop(&mut self) {
        give_back(std::mem::take(&mut self.0));
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

    #[test]
    fn the_buffer_is_reused() {
        let mut body = Body::take();
        body.0.extend_from_slice(&[1; 100]);
        let capacity = body.0.capacity();
        drop(body);
        let again = Body::take();
        assert!(again.0.is_empty());
        assert_eq!(again.0.capacity(), capacity);
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
