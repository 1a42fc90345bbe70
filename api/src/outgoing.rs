//! Building an outgoing message: a client's request or a server's response, with one builder
//! for both (they differ only in their first line).

use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use ruma_common::serde::Raw;
use serde::Serialize;

use crate::auth::TokenDecision;
use crate::body::Body;
use crate::error::IntoHttpError;
use crate::header::HeaderField;
use crate::percent::{find_byte, SegmentEncoder};
use crate::segment::PathValue;
use crate::{Metadata, SendAccessToken};

/// `Content-Type` of JSON bodies, built once.
const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// An outgoing message being built: its first line and headers, then the body, which
/// finishes it.
pub struct Outgoing<Line> {
    line: Line,
}

/// The first line of a request and its headers: method and URI (the query string is appended
/// to the URI), until they finish into the parts.
pub struct RequestLine {
    method: Method,
    uri: String,
    headers: HeaderMap,
}

/// The first line of a response, in the `http` parts it finishes into, whose header map takes
/// the headers as they are added: building the parts at the end would build an empty map only
/// to drop it (about 90 of the 2,500 instructions of a small response). A request builds its
/// parts at the end instead: its builder, moved from call to call, is smaller without them.
pub struct StatusLine {
    parts: http::response::Parts,
}

/// What the generated client code builds a request with.
pub type RequestBuilder = Outgoing<RequestLine>;
/// What the generated server code builds a response with.
pub type ResponseBuilder = Outgoing<StatusLine>;

/// The first line of a message and the `http` parts it finishes into.
pub trait FirstLine: Sized {
    /// `http::request::Parts` or `http::response::Parts`.
    type Parts;

    /// The headers of the parts being built.
    fn headers(&mut self) -> &mut HeaderMap;

    /// The message's parts.
    fn finish(self) -> Result<Self::Parts, IntoHttpError>;
}

impl FirstLine for RequestLine {
    type Parts = http::request::Parts;

    fn headers(&mut self) -> &mut HeaderMap {
        &mut self.headers
    }

    fn finish(self) -> Result<http::request::Parts, IntoHttpError> {
        // The URI takes the buffer over without copying; the cheap `Bytes` clone is kept only
        // to name the URI if it is rejected.
        let bytes = bytes::Bytes::from(self.uri);
        let uri = Uri::from_maybe_shared(bytes.clone()).map_err(|err| IntoHttpError::Uri {
            uri: String::from_utf8_lossy(&bytes).into_owned(),
            message: err.to_string(),
        })?;
        let (mut parts, ()) = http::Request::new(()).into_parts();
        parts.method = self.method;
        parts.uri = uri;
        parts.headers = self.headers;
        Ok(parts)
    }
}

impl FirstLine for StatusLine {
    type Parts = http::response::Parts;

    fn headers(&mut self) -> &mut HeaderMap {
        &mut self.parts.headers
    }

    #[inline]
    fn finish(self) -> Result<http::response::Parts, IntoHttpError> {
        Ok(self.parts)
    }
}

/// Bytes of a URI's buffer set aside for its query.
const QUERY_ROOM: usize = 64;

impl RequestBuilder {
    /// Starts a request on `path` (a template of the endpoint's history, or of the history of
    /// the endpoint it [replaced](Metadata::legacy)): writes the URI with the path parameters
    /// percent-encoded into it, and adds the access token as the scheme of the endpoint owning
    /// the path demands.
    pub fn new(
        metadata: &Metadata,
        path: &str,
        base_url: &str,
        access_token: SendAccessToken<'_>,
        path_args: &[(&str, &dyn PathValue)],
    ) -> Result<Self, IntoHttpError> {
        // The template's `{param}`s must be the request's: only the histories' paths are.
        let Some((path, owner)) = metadata.owner_of(path) else {
            return Err(IntoHttpError::UnknownPath {
                endpoint: metadata.history.canonical_path(),
                path: path.to_owned(),
            });
        };
        let mut headers = HeaderMap::new();
        match owner.authentication.decide(access_token) {
            TokenDecision::Send(token) => {
                // A server reads `Bearer ` with nothing but whitespace after it as no token at
                // all (401 `M_MISSING_TOKEN`); said here, the caller learns which token it was.
                if token.bytes().all(|byte| byte.is_ascii_whitespace()) {
                    return Err(empty_token());
                }
                // Exactly sized, so the header takes the buffer over without a second
                // allocation (a `format!` would leave spare capacity).
                let mut bearer = String::with_capacity("Bearer ".len() + token.len());
                bearer.push_str("Bearer ");
                bearer.push_str(token);
                let value = HeaderValue::try_from(bearer).map_err(|_| IntoHttpError::Header {
                    name: http::header::AUTHORIZATION,
                    message: "the access token contains a character not allowed in a header"
                        .to_owned(),
                })?;
                headers.insert(http::header::AUTHORIZATION, value);
            }
            TokenDecision::Omit => {}
            TokenDecision::Missing => {
                return Err(IntoHttpError::NeedsAuthentication {
                    endpoint: metadata.history.canonical_path(),
                })
            }
        }
        let base_url = base_url.trim_end_matches('/');
        // Room for the escaped arguments and a short query (`?filename=…`, `/sync`'s four
        // parameters), so that appending them does not move the URI to a bigger buffer. Room
        // left unused costs no allocation: `finish` hands the buffer to `Bytes`, which then
        // allocates its shared header at once instead of at the clone it makes there.
        let capacity = base_url.len() + path.len() + 32 * path_args.len() + QUERY_ROOM;
        let mut uri = String::with_capacity(capacity);
        uri.push_str(base_url);
        write_path(&mut uri, path, path_args, owner.optional_last_segment)?;
        Ok(Outgoing {
            line: RequestLine {
                method: metadata.method.clone(),
                uri,
                headers,
            },
        })
    }

    /// Appends the query string of these fields; nothing (not even `?`) when every parameter
    /// is skipped.
    pub fn query<Q: Serialize>(&mut self, query: &Q) -> Result<(), IntoHttpError> {
        self.query_with(|out| push_query(out, query))
    }

    /// Appends the query string `write` writes (a `query_all` field's); nothing (not even `?`)
    /// when it writes nothing.
    pub fn query_with(
        &mut self,
        write: impl FnOnce(&mut String) -> Result<(), IntoHttpError>,
    ) -> Result<(), IntoHttpError> {
        let uri = &mut self.line.uri;
        let question_mark = uri.len();
        uri.push('?');
        write(uri)?;
        if uri.len() == question_mark + 1 {
            uri.truncate(question_mark);
        }
        Ok(())
    }
}

impl ResponseBuilder {
    /// Starts a response with this status.
    #[inline]
    pub fn new(status: StatusCode) -> Self {
        let (mut parts, ()) = http::Response::new(()).into_parts();
        parts.status = status;
        Outgoing {
            line: StatusLine { parts },
        }
    }
}

impl<Line: FirstLine> Outgoing<Line> {
    /// Adds a header field's value (nothing for an absent optional header).
    pub fn header<V: HeaderField>(
        &mut self,
        name: HeaderName,
        value: &V,
    ) -> Result<(), IntoHttpError> {
        self.header_value(name, value.to_header_value())
    }

    /// Adds a header, given as its field's type made it: nothing for `None`.
    pub fn header_value(
        &mut self,
        name: HeaderName,
        value: Option<Result<HeaderValue, String>>,
    ) -> Result<(), IntoHttpError> {
        match value {
            None => Ok(()),
            Some(Ok(value)) => {
                self.line.headers().insert(name, value);
                Ok(())
            }
            Some(Err(message)) => Err(IntoHttpError::Header { name, message }),
        }
    }

    /// Finishes with a JSON body, written into `out`.
    #[inline]
    pub fn json_body<B: Serialize>(
        self,
        body: &B,
        out: &mut Body,
    ) -> Result<Line::Parts, IntoHttpError> {
        let written = serde_json::to_writer(out.buffer(), body);
        self.finish_json(written)
    }

    /// The part of [`Outgoing::json_body`] that does not depend on the body's type.
    #[inline]
    fn finish_json(
        mut self,
        written: Result<(), serde_json::Error>,
    ) -> Result<Line::Parts, IntoHttpError> {
        match written {
            Ok(()) => {
                self.line
                    .headers()
                    .insert(http::header::CONTENT_TYPE, APPLICATION_JSON);
                self.no_body()
            }
            Err(err) => Err(IntoHttpError::Json {
                message: err.to_string(),
            }),
        }
    }

    /// Finishes with a JSON body already written out, moved in as it is.
    fn json_text_body(self, text: Vec<u8>, out: &mut Body) -> Result<Line::Parts, IntoHttpError> {
        out.set(text);
        self.finish_json(Ok(()))
    }

    /// Finishes with a body of raw bytes.
    pub fn raw_body(self, bytes: Vec<u8>, out: &mut Body) -> Result<Line::Parts, IntoHttpError> {
        out.set(bytes);
        self.no_body()
    }

    /// Finishes with no body at all.
    #[inline]
    pub fn no_body(self) -> Result<Line::Parts, IntoHttpError> {
        self.line.finish()
    }
}

/// An `#[api(body)]` field on its way into the message, for the generated code, which calls
/// `finish_body` on it with [`SerializeWholeBody`] in scope: a JSON value kept as its text
/// (ruma-common's `Raw`) has that text moved into the body, without serializing or copying it;
/// any other type is serialized.
///
/// The choice is made by method lookup on the field's concrete type: lookup tries the value
/// itself (`Raw`'s inherent method) before a reference to it (the trait's, for any
/// `Serialize` type), so no type needs to opt in or out.
pub struct WholeBody<T>(pub T);

impl<T> WholeBody<Raw<T>> {
    /// Finishes with the value's JSON text as the body.
    #[inline]
    pub fn finish_body<Line: FirstLine>(
        self,
        builder: Outgoing<Line>,
        out: &mut Body,
    ) -> Result<Line::Parts, IntoHttpError> {
        let text: Box<str> = self.0.into_json().into();
        builder.json_text_body(String::from(text).into_bytes(), out)
    }
}

/// How [`WholeBody`] finishes a message with a body of any `Serialize` type: serialized.
pub trait SerializeWholeBody {
    /// Finishes with the value serialized as the body.
    fn finish_body<Line: FirstLine>(
        self,
        builder: Outgoing<Line>,
        out: &mut Body,
    ) -> Result<Line::Parts, IntoHttpError>;
}

impl<T: Serialize> SerializeWholeBody for &WholeBody<T> {
    #[inline]
    fn finish_body<Line: FirstLine>(
        self,
        builder: Outgoing<Line>,
        out: &mut Body,
    ) -> Result<Line::Parts, IntoHttpError> {
        builder.json_body(&self.0, out)
    }
}

/// Appends `query` to `out` as `application/x-www-form-urlencoded` pairs.
pub fn push_query<Q: Serialize + ?Sized>(out: &mut String, query: &Q) -> Result<(), IntoHttpError> {
    crate::query::write::write_query(out, query).map_err(|err| IntoHttpError::Query {
        message: err.to_string(),
    })
}

/// The error for an empty access token; out of the way of every request's path.
#[cold]
fn empty_token() -> IntoHttpError {
    IntoHttpError::Header {
        name: http::header::AUTHORIZATION,
        message: "the access token is empty".to_owned(),
    }
}

/// Writes `template` into `out`, replacing each `{name}` with the percent-encoded text of the
/// argument of that name. An empty argument is refused, as no server routes an empty segment,
/// except the last when it is `optional_last`: its segment is then left out, slash included.
fn write_path(
    out: &mut String,
    template: &str,
    args: &[(&str, &dyn PathValue)],
    optional_last: bool,
) -> Result<(), IntoHttpError> {
    let find = |text: &str, byte: u8| find_byte(text.as_bytes(), byte);
    let mut rest = template;
    while let Some(open) = find(rest, b'{') {
        out.push_str(&rest[..open]);
        let close = open + find(&rest[open..], b'}').expect("metadata! checks braces");
        let name = &rest[open + 1..close];
        let (name, value) = args
            .iter()
            .find(|(arg, _)| *arg == name)
            .expect("#[request] checks path fields");
        let start = out.len();
        if let Err(err) = value.write_to(&mut SegmentEncoder(out)) {
            return Err(IntoHttpError::PathParameter {
                name: (*name).to_owned(),
                message: err.to_string(),
            });
        }
        // `.` and `..` are unreserved, but as a whole segment a client library or proxy would
        // resolve them as "this/parent directory" and change the route.
        if matches!(&out[start..], "." | "..") {
            let dots = out.len() - start;
            out.truncate(start);
            (0..dots).for_each(|_| out.push_str("%2E"));
        }
        rest = &rest[close + 1..];
        if out.len() == start {
            if optional_last && rest.is_empty() {
                out.pop();
                return Ok(());
            }
            return Err(IntoHttpError::PathParameter {
                name: (*name).to_owned(),
                message: "it is empty, and no server routes an empty path segment".to_owned(),
            });
        }
    }
    out.push_str(rest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_encoded_into_their_segment() {
        let mut out = String::new();
        let room = "!a/b?c#d%e f:é";
        write_path(
            &mut out,
            "/rooms/{room_id}/send/{n}",
            &[("room_id", &room), ("n", &7)],
            false,
        )
        .unwrap();
        assert_eq!(out, "/rooms/%21a%2Fb%3Fc%23d%25e%20f%3A%C3%A9/send/7");
        // Escaped bytes at either end, multi-byte characters between unreserved runs, and a
        // value with nothing to escape.
        for (value, encoded) in [
            ("é", "%C3%A9"),
            ("aé", "a%C3%A9"),
            ("éa", "%C3%A9a"),
            ("a€b c", "a%E2%82%ACb%20c"),
            ("Az09-._~", "Az09-._~"),
            ("+=&", "%2B%3D%26"),
        ] {
            let mut out = String::new();
            write_path(&mut out, "/x/{a}", &[("a", &value)], false).unwrap();
            assert_eq!(out, format!("/x/{encoded}"), "{value}");
        }
        let mut out = String::new();
        write_path(&mut out, "/x/{a}/y", &[("a", &"..")], false).unwrap();
        assert_eq!(out, "/x/%2E%2E/y");
        let err = write_path(
            &mut String::new(),
            "/x/{a}",
            &[("a", &None::<String>)],
            false,
        )
        .unwrap_err();
        assert!(
            matches!(&err, IntoHttpError::PathParameter { name, .. } if name == "a"),
            "{err:?}"
        );
    }

    #[test]
    fn an_empty_segment_is_refused_unless_it_is_the_optional_last() {
        let state = "/rooms/{room_id}/state/{event_type}/{state_key}";
        let write = |room: &str, key: &str, optional: bool| {
            let mut out = String::new();
            let args: [(&str, &dyn PathValue); 3] = [
                ("room_id", &room),
                ("event_type", &"m.room.name"),
                ("state_key", &key),
            ];
            write_path(&mut out, state, &args, optional).map(|()| out)
        };
        assert_eq!(
            write("!r", "", true).unwrap(),
            "/rooms/%21r/state/m.room.name"
        );
        assert_eq!(
            write("!r", "@a", true).unwrap(),
            "/rooms/%21r/state/m.room.name/%40a"
        );
        for (room, key, optional, field) in
            [("!r", "", false, "state_key"), ("", "k", true, "room_id")]
        {
            let err = write(room, key, optional).unwrap_err();
            assert!(
                matches!(&err, IntoHttpError::PathParameter { name, message }
                    if name == field && message.contains("empty")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn one_builder_for_requests_and_responses() {
        let mut response = ResponseBuilder::new(StatusCode::CREATED);
        response
            .header(http::header::LOCATION, &"/x".to_owned())
            .unwrap();
        response
            .header(http::header::ETAG, &None::<String>)
            .unwrap();
        let mut body = Body::new();
        let parts = response.json_body(&[1, 2], &mut body).unwrap();
        assert_eq!(parts.status, StatusCode::CREATED);
        assert_eq!(parts.headers["location"], "/x");
        assert_eq!(parts.headers["content-type"], "application/json");
        assert!(!parts.headers.contains_key("etag"));
        let response = body.into_response(parts);
        assert_eq!(response.body(), b"[1,2]");

        let mut response = ResponseBuilder::new(StatusCode::OK);
        let err = response
            .header(http::header::LOCATION, &"a\nb".to_owned())
            .unwrap_err();
        assert!(matches!(err, IntoHttpError::Header { .. }), "{err:?}");
    }

    #[test]
    fn a_raw_whole_body_is_moved_in_and_any_other_is_serialized() {
        // Written the way the generated code writes it, so that method lookup picks as there.
        fn finish_raw(body: WholeBody<Raw<serde_json::Value>>) -> http::Response<Vec<u8>> {
            let mut out = Body::new();
            let parts = body
                .finish_body(ResponseBuilder::new(StatusCode::OK), &mut out)
                .unwrap();
            out.into_response(parts)
        }
        let text = r#"{ "body": "hi",  "msgtype": "m.text" }"#;
        let raw: Raw<serde_json::Value> =
            Raw::from_json(serde_json::value::RawValue::from_string(text.to_owned()).unwrap());
        let address = raw.json().get().as_ptr();
        let response = finish_raw(WholeBody(raw));
        // The text as it was, spacing included, in the allocation it was in.
        assert_eq!(response.body(), text.as_bytes());
        assert_eq!(response.body().as_ptr(), address);
        assert_eq!(response.headers()["content-type"], "application/json");

        const PUT: Metadata = crate::metadata! {
            method: PUT,
            rate_limited: false,
            authentication: None,
            history: {
                1.1 => "/x",
            }
        };
        let builder = RequestBuilder::new(&PUT, "/x", "https://h", SendAccessToken::None, &[]);
        let mut out = Body::new();
        let parts = WholeBody(vec!["a", "b"])
            .finish_body(builder.unwrap(), &mut out)
            .unwrap();
        let request = out.into_request(parts);
        assert_eq!(request.body(), br#"["a","b"]"#);
        assert_eq!(request.headers()["content-type"], "application/json");
    }
}
