//! `GET /_matrix/media/*/download/{serverName}/{mediaId}`: the bytes of an `mxc://` URI,
//! without authentication.
//!
//! Deprecated since Matrix v1.11 for
//! [`authenticated_media::get_content`](crate::authenticated_media::get_content), which takes
//! the same fields: a server that froze unauthenticated media answers `404 M_NOT_FOUND` for
//! media uploaded or cached after the freeze, even though it exists.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixmediav3downloadservernamemediaid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use matrix_api::{metadata, request, response, Metadata};

    /// The endpoint's declaration, public because the endpoint that replaced it,
    /// [`authenticated_media::get_content`](crate::authenticated_media::get_content),
    /// names it as the one a client falls back to on an older server.
    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            1.0 => "/_matrix/media/r0/download/{server_name}/{media_id}",
            1.1 => "/_matrix/media/v3/download/{server_name}/{media_id}",
            1.11 => deprecated,
        }
    };

    /// The request: the two parts of the `mxc://` URI, and how the server may fetch it.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// Whether the server may fetch remote media over federation; `false` stops a server
        /// from asking itself in a loop. Absent means `true`, which is not written.
        #[api(query)]
        #[serde(
            default = "ruma_common::serde::default_true",
            skip_serializing_if = "ruma_common::serde::is_true"
        )]
        pub allow_remote: bool,
        /// How long to wait for media that was created but not yet uploaded (since Matrix
        /// v1.7); `None`: the server's default, 20 seconds.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout_ms: Option<Duration>,
        /// Whether the server may answer with a `307`/`308` redirect to the content (since
        /// Matrix v1.7), which the HTTP client follows.
        #[api(query)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub allow_redirect: bool,
    }

    /// The response: the content's bytes and how to present them. Every download and
    /// thumbnail endpoint of both generations answers with this type (each module re-exports
    /// it as its `Response`).
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The content.
        #[api(raw_body)]
        pub file: Vec<u8>,
        /// The content's media type, as uploaded or close to it. Required of servers since
        /// Matrix v1.12; older ones may leave it out.
        #[api(header = CONTENT_TYPE)]
        pub content_type: Option<String>,
        /// `inline` or `attachment`, with the uploaded file name if there was one, such as
        /// `inline; filename="cat.png"`. Required of servers since Matrix v1.12.
        #[api(header = CONTENT_DISPOSITION)]
        pub content_disposition: Option<String>,
    }

    impl Request {
        /// The request for `mxc://{server_name}/{media_id}`, remote fetching allowed.
        pub fn new(server_name: OwnedServerName, media_id: String) -> Self {
            Request {
                server_name,
                media_id,
                allow_remote: true,
                timeout_ms: None,
                allow_redirect: false,
            }
        }
    }

    impl Response {
        /// A response with the content's bytes and no headers.
        pub fn new(file: Vec<u8>) -> Self {
            Response {
                file,
                content_type: None,
                content_disposition: None,
            }
        }
    }
}
