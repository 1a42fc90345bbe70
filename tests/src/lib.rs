//! Test-only endpoints that together use every attribute of `#[request]` and `#[response]`,
//! declared the way a user's crate declares them. The tests in `tests/` use them as a client
//! and as a server.

// The README's Rust examples, compiled and run as doctests of this crate.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;

use std::fmt;

use matrix_api::error::MatrixError;
use matrix_api::{EndpointError, IntoHttpError, OutgoingResponse};

/// `PUT /rooms/{room_id}/send/{event_type}/{txn_id}`: three path parameters and a whole-body
/// field, with an r0 and a v3 path.
pub mod send_message {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::serde::JsonObject;
    use ruma_common::{OwnedEventId, OwnedRoomId, OwnedTransactionId};

    pub const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
        }
    };

    #[request]
    pub struct Request {
        #[api(path)]
        pub room_id: OwnedRoomId,
        #[api(path)]
        pub event_type: String,
        #[api(path)]
        pub txn_id: OwnedTransactionId,
        #[api(body)]
        pub content: JsonObject,
    }

    #[response]
    pub struct Response {
        pub event_id: OwnedEventId,
    }
}

/// `GET /rooms/{room_id}/messages`: a path parameter, query parameters with serde attributes,
/// and an optional request header named by a constant of the user's crate.
pub mod get_messages {
    use matrix_api::http::HeaderName;
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::OwnedRoomId;
    use serde::{Deserialize, Serialize};

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessTokenOptional,
        history: {
            1.1 => "/_matrix/client/v3/rooms/{room_id}/messages",
        }
    };

    /// A header the user's crate names with its own constant.
    pub const TRACE_HEADER: HeaderName = HeaderName::from_static("x-trace-id");

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Direction {
        #[serde(rename = "b")]
        Backward,
        #[serde(rename = "f")]
        Forward,
    }

    fn default_limit() -> u32 {
        10
    }

    #[request]
    pub struct Request {
        #[api(path)]
        pub room_id: OwnedRoomId,
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        #[api(query)]
        pub dir: Direction,
        #[api(query)]
        #[serde(default = "default_limit")]
        pub limit: u32,
        #[api(query)]
        #[serde(rename = "filter_json", skip_serializing_if = "Option::is_none")]
        pub filter: Option<String>,
        #[api(header = TRACE_HEADER)]
        pub trace_id: Option<String>,
    }

    #[response]
    pub struct Response {
        pub start: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        #[serde(default)]
        pub chunk: Vec<serde_json::Value>,
    }
}

/// `GET /search_terms`: the whole query string as one map.
pub mod search_terms {
    use std::collections::BTreeMap;

    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.example.search/terms",
        }
    };

    #[request]
    pub struct Request {
        #[api(query_all)]
        pub terms: BTreeMap<String, String>,
    }

    #[response]
    pub struct Response {
        #[api(body)]
        pub results: Vec<String>,
    }
}

/// `POST /upload`: a raw body with its content type as a header, answered `201 Created` with
/// a header and raw bytes back.
pub mod upload {
    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.example.upload") => "/_matrix/media/unstable/org.example/upload",
            1.11 | stable("org.example.upload.stable") => "/_matrix/media/v3/upload",
        }
    };

    #[request]
    pub struct Request {
        #[api(header = CONTENT_TYPE)]
        pub content_type: String,
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub filename: Option<String>,
        #[api(raw_body)]
        pub file: Vec<u8>,
    }

    #[response(status = CREATED)]
    pub struct Response {
        #[api(header = CONTENT_TYPE)]
        pub content_type: String,
        #[api(header = ETAG)]
        pub etag: Option<String>,
        #[api(raw_body)]
        pub echo: Vec<u8>,
    }
}

/// `POST /logout`-like: no body at all, and an empty response.
pub mod end_session {
    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/end_session",
            1.1 => "/_matrix/client/v3/end_session",
            1.12 => deprecated,
            1.13 => removed,
        }
    };

    #[request(body = none)]
    pub struct Request {}

    #[response]
    pub struct Response {}
}

/// `POST /ping`: no body fields, so `{}` is sent; a custom error type.
pub mod ping {
    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.example.ping",
            1.5 => "/_matrix/client/v1/ping",
        }
    };

    #[request(error = crate::TeapotError)]
    pub struct Request {}

    #[response(error = crate::TeapotError)]
    pub struct Response {
        pub pong: bool,
    }
}

/// `GET /redirect?redirectUrl=`: a renamed query parameter, answered `302 Found` with a
/// `Location` header; an unversioned path.
pub mod redirect {
    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/_matrix/client/redirect",
    };

    #[request]
    pub struct Request {
        #[api(query)]
        #[serde(rename = "redirectUrl")]
        pub redirect_url: String,
    }

    #[response(status = FOUND)]
    pub struct Response {
        #[api(header = LOCATION)]
        pub location: String,
    }
}

/// An endpoint error defined by the user's crate: `418` with a plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeapotError {
    /// The text the server sent.
    pub text: String,
}

impl fmt::Display for TeapotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "teapot: {}", self.text)
    }
}

impl std::error::Error for TeapotError {}

impl OutgoingResponse for TeapotError {
    fn try_into_http_response(self) -> Result<matrix_api::http::Response<Vec<u8>>, IntoHttpError> {
        let mut response = matrix_api::http::Response::new(self.text.into_bytes());
        *response.status_mut() = matrix_api::http::StatusCode::IM_A_TEAPOT;
        Ok(response)
    }
}

impl EndpointError for TeapotError {
    fn from_http_response<T: AsRef<[u8]>>(response: matrix_api::http::Response<T>) -> Self {
        TeapotError {
            text: String::from_utf8_lossy(response.body().as_ref()).into_owned(),
        }
    }
}

/// Checks that the default error type is the standard one.
pub fn default_error_is_matrix_error(
) -> Option<<send_message::Request as matrix_api::OutgoingRequest>::EndpointError> {
    None::<MatrixError>
}

/// `POST /rooms/{room_id}/receipt/{receipt_type}/{event_id}`: an enum path parameter whose
/// variants are renamed as the wire names them, beside identifier types.
pub mod send_receipt {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::{OwnedEventId, OwnedRoomId};
    use serde::{Deserialize, Serialize};

    pub const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/receipt/{receipt_type}/{event_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/receipt/{receipt_type}/{event_id}",
        }
    };

    /// The kinds of receipt, as their `{receiptType}` segment writes them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ReceiptType {
        #[serde(rename = "m.read")]
        Read,
        #[serde(rename = "m.read.private")]
        ReadPrivate,
        #[serde(rename = "m.fully_read")]
        FullyRead,
    }

    #[request]
    pub struct Request {
        #[api(path)]
        pub room_id: OwnedRoomId,
        #[api(path)]
        pub receipt_type: ReceiptType,
        #[api(path)]
        pub event_id: OwnedEventId,
    }

    #[response]
    pub struct Response {}
}

/// `GET /things/{thing}`: a path parameter of a type that serializes to anything, to show what
/// happens when a value has no text of its own.
pub mod get_thing {
    use matrix_api::{metadata, request, response, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/_matrix/client/v3/things/{thing}",
    };

    #[request]
    pub struct Request {
        #[api(path)]
        pub thing: serde_json::Value,
    }

    #[response]
    pub struct Response {}
}

/// `GET /rooms/{room_id}/state/{event_type}/{state_key}`: a last path parameter that may be
/// empty, its segment then left out (`optional_last_segment`).
pub mod get_state {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::OwnedRoomId;

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        optional_last_segment: true,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/state/{event_type}/{state_key}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}",
        }
    };

    #[request]
    pub struct Request {
        #[api(path)]
        pub room_id: OwnedRoomId,
        #[api(path)]
        pub event_type: String,
        #[api(path)]
        pub state_key: String,
    }

    #[response]
    pub struct Response {
        pub state_key: String,
    }
}
