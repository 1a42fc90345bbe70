//! The standard error body of the client-server API, and [`MatrixError`], the error type of
//! endpoints that declare no other.
//!
//! Clients meet servers, proxies and load balancers of every kind, so parsing never fails: a body
//! that is not the standard shape is kept as it came ([`ErrorBody::Json`], [`ErrorBody::NotJson`]),
//! and an error code this crate does not know keeps all its fields ([`ErrorKind::Other`]).

use std::{fmt, time::Duration};

use http::{
    header::{CONTENT_TYPE, RETRY_AFTER},
    HeaderValue, StatusCode,
};
use ruma_common::serde::JsonObject;
use serde::{
    de::{self, MapAccess, Visitor},
    ser::SerializeMap,
    Deserialize, Deserializer, Serialize, Serializer,
};
use serde_json::Value;

use super::{DeserializationError, ErrorKind, FromHttpRequestError, IntoHttpError, JsonErrorKind};
use crate::json::{read_object, ExactValue, Slot};

/// An error a Matrix server answers with: the HTTP status and the body.
///
/// This is the [`EndpointError`](crate::EndpointError) of most endpoints. On the client it is
/// parsed from any error response without failing; on the server it is what a handler returns,
/// and `MatrixError::from(request_error)` is the answer to a request that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The body of the response.
    pub body: ErrorBody,
}

/// The body of an error response, in whichever shape it came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorBody {
    /// The standard shape: a JSON object with a string `errcode`.
    Standard(StandardErrorBody),
    /// JSON, but not the standard shape; kept as it came.
    Json(Value),
    /// Not JSON at all, such as the HTML page of a proxy, or JSON that no value can hold
    /// unchanged (an object that gives a key twice); the bytes as they came.
    NotJson(Vec<u8>),
}

/// The standard error body: `{"errcode": "M_…", "error": "…"}` and the fields its code defines.
///
/// A missing `error` reads as an empty message, and an empty message is not written, so a body
/// without `error` re-serialises unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandardErrorBody {
    /// The error code, with the fields that belong to it.
    pub kind: ErrorKind,
    /// The human-readable message (`error` on the wire).
    pub message: String,
}

const ERRCODE_FIELD: &str = StandardErrorBody::ERRCODE_FIELD;
const ERROR_FIELD: &str = StandardErrorBody::ERROR_FIELD;

impl StandardErrorBody {
    /// The name of the code's field; for bodies that carry an error beside their own fields,
    /// such as the answer of User-Interactive Authentication.
    pub const ERRCODE_FIELD: &'static str = "errcode";
    /// The name of the message's field.
    pub const ERROR_FIELD: &'static str = "error";

    /// A body with this code and message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        StandardErrorBody {
            kind,
            message: message.into(),
        }
    }

    /// Builds the body from the fields read off the wire. `extra` holds every field other than
    /// `errcode` and `error`; the fields a known code defines are taken out of it and the rest
    /// dropped, while an unknown code keeps all of it.
    pub fn from_wire_fields<E: de::Error>(
        errcode: String,
        message: Option<String>,
        extra: JsonObject,
    ) -> Result<Self, E> {
        Ok(StandardErrorBody {
            kind: ErrorKind::from_wire(errcode, extra).map_err(E::custom)?,
            message: message.unwrap_or_default(),
        })
    }

    /// Writes the body's fields into a map that is being serialised. Keys of an unknown code's
    /// `extra` that are in `reserved`, or are `errcode` / `error`, are skipped: the enclosing
    /// object writes those itself, and a JSON object must not repeat a key.
    pub fn serialize_fields<M: SerializeMap>(
        &self,
        map: &mut M,
        reserved: &[&str],
    ) -> Result<(), M::Error> {
        map.serialize_entry(ERRCODE_FIELD, self.kind.errcode())?;
        if !self.message.is_empty() {
            map.serialize_entry(ERROR_FIELD, &self.message)?;
        }
        self.kind.serialize_extra(map, reserved)?;
        Ok(())
    }
}

impl Serialize for StandardErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.serialize_fields(&mut map, &[])?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for StandardErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(StandardErrorBodyVisitor)
    }
}

struct StandardErrorBodyVisitor;

impl<'de> Visitor<'de> for StandardErrorBodyVisitor {
    type Value = StandardErrorBody;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Matrix error object with a string `errcode`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut errcode: Slot<String> = Slot::default();
        let mut message: Slot<Option<String>> = Slot::default();
        // Which of the other fields matter depends on `errcode`, which may come later.
        let extra = read_object(map, |name, map| {
            match name {
                ERRCODE_FIELD => errcode.read(map, ERRCODE_FIELD)?,
                ERROR_FIELD => message.read(map, ERROR_FIELD)?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let errcode = errcode
            .into_inner()
            .ok_or_else(|| de::Error::missing_field(ERRCODE_FIELD))?;
        StandardErrorBody::from_wire_fields(errcode, message.into_inner().flatten(), extra)
    }
}

impl MatrixError {
    /// An error with the standard body.
    pub fn new(status: StatusCode, kind: ErrorKind, message: impl Into<String>) -> Self {
        MatrixError {
            status,
            body: ErrorBody::Standard(StandardErrorBody::new(kind, message)),
        }
    }

    /// The error code, when the body has the standard shape.
    pub fn kind(&self) -> Option<&ErrorKind> {
        match &self.body {
            ErrorBody::Standard(body) => Some(&body.kind),
            _ => None,
        }
    }

    /// How long the server asks the client to wait before retrying, for `M_LIMIT_EXCEEDED`.
    ///
    /// When parsed from a response, this is `retry_after_ms` from the body, or else the
    /// `Retry-After` header in seconds.
    pub fn retry_after(&self) -> Option<Duration> {
        match self.kind() {
            Some(ErrorKind::LimitExceeded {
                retry_after_ms: Some(ms),
            }) => Some(Duration::from_millis(*ms)),
            _ => None,
        }
    }
}

/// Reads `Retry-After` given as a number of seconds; an HTTP-date is not read.
fn retry_after_header_ms(headers: &http::HeaderMap) -> Option<u64> {
    let seconds: u64 = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(seconds.saturating_mul(1000))
}

impl crate::EndpointError for MatrixError {
    fn from_http_response<T: AsRef<[u8]>>(response: http::Response<T>) -> Self {
        let status = response.status();
        let bytes = response.body().as_ref();
        let body = match serde_json::from_slice::<StandardErrorBody>(bytes) {
            Ok(mut standard) => {
                if let ErrorKind::LimitExceeded {
                    retry_after_ms: retry @ None,
                } = &mut standard.kind
                {
                    *retry = retry_after_header_ms(response.headers());
                }
                ErrorBody::Standard(standard)
            }
            // Only the unusual bodies are parsed a second time. A body collapsed to one of the
            // values of a key it gives twice could read differently when sent on (as the
            // standard shape, or as a UIA answer), so such a body is kept as bytes.
            Err(_) => match serde_json::from_slice::<ExactValue>(bytes) {
                Ok(ExactValue(value)) => ErrorBody::Json(value),
                Err(_) => ErrorBody::NotJson(bytes.to_vec()),
            },
        };
        MatrixError { status, body }
    }
}

impl crate::OutgoingResponse for MatrixError {
    fn try_into_http_response(self) -> Result<http::Response<Vec<u8>>, IntoHttpError> {
        // Rounded up: retrying a little late is harmless, a little early is refused again.
        let retry_after = match self.kind() {
            Some(ErrorKind::LimitExceeded {
                retry_after_ms: Some(ms),
            }) => Some(ms.div_ceil(1000)),
            _ => None,
        };
        let (body, is_json) = match self.body {
            ErrorBody::Standard(body) => (serde_json::to_vec(&body), true),
            ErrorBody::Json(value) => (serde_json::to_vec(&value), true),
            ErrorBody::NotJson(bytes) => (Ok(bytes), false),
        };
        let body = body.map_err(|err| IntoHttpError::Json {
            message: err.to_string(),
        })?;
        let mut response = http::Response::new(body);
        *response.status_mut() = self.status;
        if is_json {
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        Ok(response)
    }
}

/// At most this many characters of a non-standard body go into `Display`, which ends up in logs
/// and user-facing messages where a whole HTML page would not help.
const DISPLAY_BODY_LIMIT: usize = 200;

fn write_truncated(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let text = text.trim();
    match text.char_indices().nth(DISPLAY_BODY_LIMIT) {
        Some((end, _)) => write!(f, "{}…", &text[..end]),
        None => f.write_str(text),
    }
}

impl fmt::Display for StandardErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.kind.errcode())?;
        if !self.message.is_empty() {
            write!(f, " {}", self.message)?;
        }
        Ok(())
    }
}

impl fmt::Display for MatrixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.status)?;
        match &self.body {
            ErrorBody::Standard(body) => body.fmt(f),
            ErrorBody::Json(value) => write_truncated(f, &value.to_string()),
            ErrorBody::NotJson(bytes) if bytes.is_empty() => f.write_str("empty body"),
            ErrorBody::NotJson(bytes) => write_truncated(f, &String::from_utf8_lossy(bytes)),
        }
    }
}

impl std::error::Error for MatrixError {}

impl From<FromHttpRequestError> for MatrixError {
    fn from(err: FromHttpRequestError) -> Self {
        // The message names the failing part of the request; the code says what kind of failure
        // it is, as the specification's list of standard error codes describes them.
        let (status, kind) = match &err {
            FromHttpRequestError::MethodMismatch { .. } => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorKind::Unrecognized)
            }
            FromHttpRequestError::PathMismatch { .. } => {
                (StatusCode::NOT_FOUND, ErrorKind::Unrecognized)
            }
            // The router and the endpoint disagree: the server's fault, not the client's.
            FromHttpRequestError::PathArgumentCount { .. } => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Unknown)
            }
            FromHttpRequestError::MissingAccessToken => {
                (StatusCode::UNAUTHORIZED, ErrorKind::MissingToken)
            }
            FromHttpRequestError::Deserialization(de_err) => {
                let kind = match de_err {
                    DeserializationError::Json(json) => match json.kind {
                        JsonErrorKind::Syntax | JsonErrorKind::Eof => ErrorKind::NotJson,
                        JsonErrorKind::Data => ErrorKind::BadJson,
                    },
                    DeserializationError::Query { message, .. }
                        if message.contains("missing field") =>
                    {
                        ErrorKind::MissingParam
                    }
                    DeserializationError::Query { .. }
                    | DeserializationError::Header { .. }
                    | DeserializationError::PathSegment { .. } => ErrorKind::InvalidParam,
                };
                (StatusCode::BAD_REQUEST, kind)
            }
        };
        MatrixError::new(status, kind, err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use http::{header::HeaderName, Method};
    use serde_json::json;

    use super::*;
    use crate::{
        error::{HeaderProblem, JsonError},
        EndpointError, OutgoingResponse,
    };

    fn response(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.to_vec())
            .unwrap()
    }

    fn parse(status: u16, body: &[u8]) -> MatrixError {
        MatrixError::from_http_response(response(status, body))
    }

    fn standard(err: &MatrixError) -> &StandardErrorBody {
        match &err.body {
            ErrorBody::Standard(body) => body,
            other => panic!("expected a standard body, got {other:?}"),
        }
    }

    fn into_response(err: MatrixError) -> http::Response<Vec<u8>> {
        err.try_into_http_response().unwrap()
    }

    fn body_json(response: &http::Response<Vec<u8>>) -> Value {
        serde_json::from_slice(response.body()).unwrap()
    }

    fn round_trip(value: Value) -> Value {
        let body: StandardErrorBody = serde_json::from_value(value).unwrap();
        serde_json::to_value(&body).unwrap()
    }

    #[test]
    fn errcodes_of_known_kinds() {
        let cases = [
            (ErrorKind::Forbidden, "M_FORBIDDEN"),
            (
                ErrorKind::UnknownToken { soft_logout: false },
                "M_UNKNOWN_TOKEN",
            ),
            (ErrorKind::MissingToken, "M_MISSING_TOKEN"),
            (ErrorKind::BadJson, "M_BAD_JSON"),
            (ErrorKind::NotJson, "M_NOT_JSON"),
            (ErrorKind::NotFound, "M_NOT_FOUND"),
            (
                ErrorKind::LimitExceeded {
                    retry_after_ms: None,
                },
                "M_LIMIT_EXCEEDED",
            ),
            (ErrorKind::UserDeactivated, "M_USER_DEACTIVATED"),
            (ErrorKind::Unrecognized, "M_UNRECOGNIZED"),
            (ErrorKind::InvalidParam, "M_INVALID_PARAM"),
            (ErrorKind::MissingParam, "M_MISSING_PARAM"),
            (ErrorKind::Unknown, "M_UNKNOWN"),
        ];
        for (kind, code) in cases {
            assert_eq!(kind.errcode(), code);
            assert_eq!(kind.to_string(), code);
            // Parsing the code gives the variant back, so the two tables agree.
            let parsed: StandardErrorBody =
                serde_json::from_value(json!({ "errcode": code, "error": "m" })).unwrap();
            assert_eq!(parsed.kind, kind, "{code}");
            assert_eq!(
                round_trip(json!({ "errcode": code, "error": "m" })),
                json!({ "errcode": code, "error": "m" })
            );
        }
    }

    #[test]
    fn missing_error_message_is_empty_and_not_written_back() {
        let body: StandardErrorBody =
            serde_json::from_value(json!({ "errcode": "M_NOT_FOUND" })).unwrap();
        assert_eq!(body, StandardErrorBody::new(ErrorKind::NotFound, ""));
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({ "errcode": "M_NOT_FOUND" })
        );

        let null_message: StandardErrorBody =
            serde_json::from_value(json!({ "errcode": "M_NOT_FOUND", "error": null })).unwrap();
        assert_eq!(null_message.message, "");
    }

    #[test]
    fn unknown_code_round_trips_with_every_field() {
        let input =
            json!({ "errcode": "M_SOMETHING_NEW", "error": "x", "extra_field": { "a": 1 } });
        let body: StandardErrorBody = serde_json::from_value(input.clone()).unwrap();
        let mut extra = JsonObject::new();
        extra.insert("extra_field".into(), json!({ "a": 1 }));
        assert_eq!(
            body,
            StandardErrorBody::new(
                ErrorKind::Other {
                    errcode: "M_SOMETHING_NEW".into(),
                    extra
                },
                "x"
            )
        );
        assert_eq!(serde_json::to_value(&body).unwrap(), input);
    }

    #[test]
    fn unknown_code_keeps_fields_known_codes_would_read() {
        // `soft_logout` and `retry_after_ms` only mean something for their own codes; for an
        // unknown code they are ordinary extra fields, whatever their type.
        let input = json!({
            "errcode": "M_OTHER", "soft_logout": "maybe", "retry_after_ms": -1
        });
        assert_eq!(round_trip(input.clone()), input);
    }

    #[test]
    fn other_kind_never_writes_errcode_twice() {
        let mut extra = JsonObject::new();
        extra.insert("errcode".into(), json!("M_SHADOW"));
        extra.insert("error".into(), json!("shadow"));
        extra.insert("kept".into(), json!(true));
        let body = StandardErrorBody::new(
            ErrorKind::Other {
                errcode: "M_REAL".into(),
                extra,
            },
            "real",
        );
        let text = serde_json::to_string(&body).unwrap();
        assert_eq!(text.matches("errcode").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({ "errcode": "M_REAL", "error": "real", "kept": true })
        );
    }

    #[test]
    fn unknown_token_soft_logout() {
        let input =
            json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Expired", "soft_logout": true });
        let body: StandardErrorBody = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(body.kind, ErrorKind::UnknownToken { soft_logout: true });
        assert_eq!(serde_json::to_value(&body).unwrap(), input);

        let hard: StandardErrorBody =
            serde_json::from_value(json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Gone" }))
                .unwrap();
        assert_eq!(hard.kind, ErrorKind::UnknownToken { soft_logout: false });
        // `false` is the default, so it is not written.
        assert_eq!(
            serde_json::to_value(&hard).unwrap(),
            json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Gone" })
        );
    }

    #[test]
    fn known_code_drops_unrelated_fields() {
        let body: StandardErrorBody =
            serde_json::from_value(json!({ "errcode": "M_FORBIDDEN", "error": "no", "x": 1 }))
                .unwrap();
        assert_eq!(body, StandardErrorBody::new(ErrorKind::Forbidden, "no"));
    }

    #[test]
    fn errcode_may_come_after_its_fields() {
        let body: StandardErrorBody = serde_json::from_str(
            r#"{"retry_after_ms": 1500, "error": "slow down", "errcode": "M_LIMIT_EXCEEDED"}"#,
        )
        .unwrap();
        assert_eq!(
            body.kind,
            ErrorKind::LimitExceeded {
                retry_after_ms: Some(1500)
            }
        );
        assert_eq!(body.message, "slow down");
    }

    #[test]
    fn malformed_standard_bodies_are_rejected_by_serde() {
        let missing = serde_json::from_value::<StandardErrorBody>(json!({ "error": "x" }));
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `errcode`"));

        let not_string = serde_json::from_value::<StandardErrorBody>(json!({ "errcode": 5 }));
        assert!(not_string.is_err());

        let bad_retry = serde_json::from_value::<StandardErrorBody>(
            json!({ "errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": "soon" }),
        );
        assert!(bad_retry
            .unwrap_err()
            .to_string()
            .contains("retry_after_ms"));

        let bad_soft = serde_json::from_value::<StandardErrorBody>(
            json!({ "errcode": "M_UNKNOWN_TOKEN", "soft_logout": "yes" }),
        );
        assert!(bad_soft.unwrap_err().to_string().contains("soft_logout"));

        let duplicate = serde_json::from_str::<StandardErrorBody>(
            r#"{"errcode": "M_FORBIDDEN", "errcode": "M_UNKNOWN"}"#,
        );
        assert!(duplicate
            .unwrap_err()
            .to_string()
            .contains("duplicate field `errcode`"));

        let not_object = serde_json::from_value::<StandardErrorBody>(json!(["M_FORBIDDEN"]));
        assert!(not_object.is_err());
    }

    #[test]
    fn limit_exceeded_with_retry_after_ms_in_body() {
        let err = parse(
            429,
            br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":60000}"#,
        );
        assert_eq!(err.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            standard(&err),
            &StandardErrorBody::new(
                ErrorKind::LimitExceeded {
                    retry_after_ms: Some(60000)
                },
                "Too many requests"
            )
        );
        assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
    }

    #[test]
    fn limit_exceeded_reads_retry_after_header_when_body_has_none() {
        let response = http::Response::builder()
            .status(429)
            .header("Retry-After", "7")
            .body(br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"}"#.to_vec())
            .unwrap();
        let err = MatrixError::from_http_response(response);
        assert_eq!(
            standard(&err).kind,
            ErrorKind::LimitExceeded {
                retry_after_ms: Some(7000)
            }
        );
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    }

    #[test]
    fn retry_after_ms_in_body_wins_over_header() {
        let response = http::Response::builder()
            .status(429)
            .header("Retry-After", "7")
            .body(br#"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":250}"#.to_vec())
            .unwrap();
        let err = MatrixError::from_http_response(response);
        assert_eq!(
            standard(&err).kind,
            ErrorKind::LimitExceeded {
                retry_after_ms: Some(250)
            }
        );
    }

    #[test]
    fn retry_after_header_as_http_date_is_ignored() {
        let response = http::Response::builder()
            .status(429)
            .header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
            .body(br#"{"errcode":"M_LIMIT_EXCEEDED"}"#.to_vec())
            .unwrap();
        let err = MatrixError::from_http_response(response);
        assert_eq!(
            standard(&err).kind,
            ErrorKind::LimitExceeded {
                retry_after_ms: None
            }
        );
        assert_eq!(err.retry_after(), None);
    }

    #[test]
    fn retry_after_header_only_applies_to_limit_exceeded() {
        let response = http::Response::builder()
            .status(403)
            .header("Retry-After", "7")
            .body(br#"{"errcode":"M_FORBIDDEN"}"#.to_vec())
            .unwrap();
        let err = MatrixError::from_http_response(response);
        assert_eq!(standard(&err).kind, ErrorKind::Forbidden);
        assert_eq!(err.retry_after(), None);
    }

    #[test]
    fn non_json_body_is_kept_as_bytes() {
        let err = parse(502, b"<html>Bad gateway</html>");
        assert_eq!(err.status, StatusCode::BAD_GATEWAY);
        assert_eq!(
            err.body,
            ErrorBody::NotJson(b"<html>Bad gateway</html>".to_vec())
        );
        assert_eq!(err.kind(), None);
        assert_eq!(err.to_string(), "502 Bad Gateway: <html>Bad gateway</html>");

        let empty = parse(500, b"");
        assert_eq!(empty.body, ErrorBody::NotJson(Vec::new()));
        assert_eq!(empty.to_string(), "500 Internal Server Error: empty body");
    }

    #[test]
    fn json_with_a_key_given_twice_is_kept_as_bytes() {
        // As JSON it would keep one `errcode` and read as the standard shape once sent on.
        let body = br#"{"errcode": "M_X", "n": 1, "n": 2}"#;
        let err = parse(400, body);
        assert_eq!(err.body, ErrorBody::NotJson(body.to_vec()));
        let nested = br#"[{"a": {"b": 1, "b": 1}}]"#;
        assert_eq!(parse(502, nested).body, ErrorBody::NotJson(nested.to_vec()));
        // Without a key given twice, the same value `serde_json::Value` reads.
        let other = br#"[{"a": {"b": 1.5e300, "c": null}}, -0, 18446744073709551616, "\u00e9"]"#;
        assert_eq!(
            parse(502, other).body,
            ErrorBody::Json(serde_json::from_slice(other).unwrap())
        );
    }

    #[test]
    fn json_in_another_shape_is_kept_as_json() {
        let err = parse(500, br#"{"message":"upstream timed out","code":504}"#);
        assert_eq!(
            err.body,
            ErrorBody::Json(json!({ "message": "upstream timed out", "code": 504 }))
        );

        // A standard code with a malformed field: nothing is lost by keeping the JSON.
        let bad_field = parse(
            429,
            br#"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":"soon"}"#,
        );
        assert_eq!(
            bad_field.body,
            ErrorBody::Json(json!({ "errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": "soon" }))
        );

        let numeric_errcode = parse(400, br#"{"errcode":400}"#);
        assert_eq!(
            numeric_errcode.body,
            ErrorBody::Json(json!({ "errcode": 400 }))
        );

        let array = parse(400, b"[1,2]");
        assert_eq!(array.body, ErrorBody::Json(json!([1, 2])));
    }

    #[test]
    fn parses_a_standard_body() {
        let err = parse(
            401,
            br#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token"}"#,
        );
        assert_eq!(
            err,
            MatrixError::new(
                StatusCode::UNAUTHORIZED,
                ErrorKind::UnknownToken { soft_logout: false },
                "Invalid access token"
            )
        );
        assert_eq!(
            err.to_string(),
            "401 Unauthorized: [M_UNKNOWN_TOKEN] Invalid access token"
        );
    }

    #[test]
    fn display_of_each_body_shape() {
        let empty_message = MatrixError::new(StatusCode::FORBIDDEN, ErrorKind::Forbidden, "");
        assert_eq!(empty_message.to_string(), "403 Forbidden: [M_FORBIDDEN]");

        let json = MatrixError {
            status: StatusCode::BAD_GATEWAY,
            body: ErrorBody::Json(json!({ "a": 1 })),
        };
        assert_eq!(json.to_string(), r#"502 Bad Gateway: {"a":1}"#);

        let long = MatrixError {
            status: StatusCode::BAD_GATEWAY,
            body: ErrorBody::NotJson("é".repeat(500).into_bytes()),
        };
        let text = long.to_string();
        assert!(text.ends_with('…'), "{text}");
        assert_eq!(
            text.chars().filter(|c| *c == 'é').count(),
            DISPLAY_BODY_LIMIT
        );
    }

    #[test]
    fn outgoing_standard_error() {
        let err = MatrixError::new(StatusCode::FORBIDDEN, ErrorKind::Forbidden, "Not allowed");
        let response = into_response(err);
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert!(response.headers().get(RETRY_AFTER).is_none());
        assert_eq!(
            body_json(&response),
            json!({ "errcode": "M_FORBIDDEN", "error": "Not allowed" })
        );
    }

    #[test]
    fn outgoing_limit_exceeded_writes_retry_after_rounded_up() {
        for (ms, seconds) in [(60000, "60"), (1500, "2"), (1, "1"), (0, "0")] {
            let err = MatrixError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::LimitExceeded {
                    retry_after_ms: Some(ms),
                },
                "Too many requests",
            );
            let response = into_response(err);
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(response.headers()[RETRY_AFTER], seconds, "{ms} ms");
            assert_eq!(
                body_json(&response),
                json!({
                    "errcode": "M_LIMIT_EXCEEDED",
                    "error": "Too many requests",
                    "retry_after_ms": ms,
                })
            );
        }

        let no_delay = into_response(MatrixError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::LimitExceeded {
                retry_after_ms: None,
            },
            "",
        ));
        assert!(no_delay.headers().get(RETRY_AFTER).is_none());
        assert_eq!(
            body_json(&no_delay),
            json!({ "errcode": "M_LIMIT_EXCEEDED" })
        );
    }

    #[test]
    fn outgoing_json_and_non_json_bodies_are_written_as_they_came() {
        let json = into_response(MatrixError {
            status: StatusCode::BAD_GATEWAY,
            body: ErrorBody::Json(json!({ "message": "x" })),
        });
        assert_eq!(json.status(), StatusCode::BAD_GATEWAY);
        assert_eq!(json.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(body_json(&json), json!({ "message": "x" }));

        let html = into_response(MatrixError {
            status: StatusCode::BAD_GATEWAY,
            body: ErrorBody::NotJson(b"<html>Bad gateway</html>".to_vec()),
        });
        assert_eq!(html.status(), StatusCode::BAD_GATEWAY);
        assert!(html.headers().get(CONTENT_TYPE).is_none());
        assert_eq!(html.body(), b"<html>Bad gateway</html>");
    }

    #[test]
    fn outgoing_then_incoming_gives_the_same_error() {
        let errors = [
            MatrixError::new(
                StatusCode::UNAUTHORIZED,
                ErrorKind::UnknownToken { soft_logout: true },
                "Expired",
            ),
            MatrixError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorKind::LimitExceeded {
                    retry_after_ms: Some(1234),
                },
                "Slow down",
            ),
            MatrixError::new(
                StatusCode::BAD_REQUEST,
                ErrorKind::Other {
                    errcode: "M_NEW".into(),
                    extra: JsonObject::new(),
                },
                "",
            ),
            MatrixError {
                status: StatusCode::BAD_GATEWAY,
                body: ErrorBody::NotJson(b"oops".to_vec()),
            },
        ];
        for err in errors {
            let response = err.clone().try_into_http_response().unwrap();
            assert_eq!(MatrixError::from_http_response(response), err);
        }
    }

    fn json_error(kind: JsonErrorKind) -> FromHttpRequestError {
        JsonError {
            kind,
            field: (kind == JsonErrorKind::Data).then(|| "auth.password".to_owned()),
            message: "boom".into(),
            line: 1,
            column: 2,
        }
        .into()
    }

    fn mapped(err: FromHttpRequestError) -> (StatusCode, ErrorKind, String) {
        let message = err.to_string();
        let matrix = MatrixError::from(err);
        let body = standard(&matrix).clone();
        // The message is the request error's own description, which names the failing part.
        assert_eq!(body.message, message);
        (matrix.status, body.kind, body.message)
    }

    #[test]
    fn request_errors_map_to_spec_codes() {
        let cases: Vec<(FromHttpRequestError, StatusCode, ErrorKind)> = vec![
            (
                FromHttpRequestError::MethodMismatch {
                    expected: Method::POST,
                    received: Method::GET,
                },
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorKind::Unrecognized,
            ),
            (
                FromHttpRequestError::PathMismatch {
                    path: "/nope".into(),
                },
                StatusCode::NOT_FOUND,
                ErrorKind::Unrecognized,
            ),
            (
                FromHttpRequestError::PathArgumentCount {
                    expected: 2,
                    received: 1,
                },
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorKind::Unknown,
            ),
            (
                FromHttpRequestError::MissingAccessToken,
                StatusCode::UNAUTHORIZED,
                ErrorKind::MissingToken,
            ),
            (
                json_error(JsonErrorKind::Syntax),
                StatusCode::BAD_REQUEST,
                ErrorKind::NotJson,
            ),
            (
                json_error(JsonErrorKind::Eof),
                StatusCode::BAD_REQUEST,
                ErrorKind::NotJson,
            ),
            (
                json_error(JsonErrorKind::Data),
                StatusCode::BAD_REQUEST,
                ErrorKind::BadJson,
            ),
            (
                DeserializationError::Query {
                    parameter: Some("limit".into()),
                    message: "invalid digit found in string".into(),
                }
                .into(),
                StatusCode::BAD_REQUEST,
                ErrorKind::InvalidParam,
            ),
            (
                DeserializationError::Query {
                    parameter: None,
                    message: "missing field `from`".into(),
                }
                .into(),
                StatusCode::BAD_REQUEST,
                ErrorKind::MissingParam,
            ),
            (
                DeserializationError::Header {
                    name: HeaderName::from_static("x-custom"),
                    problem: HeaderProblem::Invalid("not a number".into()),
                }
                .into(),
                StatusCode::BAD_REQUEST,
                ErrorKind::InvalidParam,
            ),
            (
                DeserializationError::PathSegment {
                    index: 0,
                    name: "room_id",
                    message: "not a room ID".into(),
                }
                .into(),
                StatusCode::BAD_REQUEST,
                ErrorKind::InvalidParam,
            ),
        ];
        for (err, status, kind) in cases {
            let description = format!("{err:?}");
            let (got_status, got_kind, _) = mapped(err);
            assert_eq!((got_status, got_kind), (status, kind), "{description}");
        }
    }

    #[test]
    fn request_error_message_names_the_failing_part() {
        let (_, _, message) = mapped(json_error(JsonErrorKind::Data));
        assert!(message.contains("auth.password"), "{message}");

        let (_, _, message) = mapped(
            DeserializationError::Query {
                parameter: Some("limit".into()),
                message: "bad".into(),
            }
            .into(),
        );
        assert!(message.contains("`limit`"), "{message}");
    }

    #[test]
    fn request_error_response_is_a_standard_json_error() {
        let response = into_response(FromHttpRequestError::MissingAccessToken.into());
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(body_json(&response)["errcode"], "M_MISSING_TOKEN");
    }
}
