//! `GET /_matrix/media/*/download/{serverName}/{mediaId}/{fileName}`: the bytes of an `mxc://`
//! URI under a file name of the caller's choosing, without authentication.
//!
//! The server puts the file name into `Content-Disposition`, so that a browser saves the
//! download under it. Deprecated since Matrix v1.11 for
//! [`authenticated_media::get_content_as_filename`](crate::authenticated_media::get_content_as_filename),
//! which takes the same fields; a server that froze unauthenticated media answers
//! `404 M_NOT_FOUND` for media uploaded or cached after the freeze.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixmediav3downloadservernamemediaidfilename>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use matrix_api::{metadata, request, Metadata};

    /// The endpoint's declaration, public because the endpoint that replaced it,
    /// [`authenticated_media::get_content_as_filename`](crate::authenticated_media::get_content_as_filename),
    /// names it as the one a client falls back to on an older server.
    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            1.0 => "/_matrix/media/r0/download/{server_name}/{media_id}/{file_name}",
            1.1 => "/_matrix/media/v3/download/{server_name}/{media_id}/{file_name}",
            1.11 => deprecated,
        }
    };

    /// The request: the two parts of the `mxc://` URI, the file name, and how the server may
    /// fetch the content.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// The file name the response's `Content-Disposition` gives; any text, percent-encoded
        /// in the path.
        #[api(path)]
        pub file_name: String,
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

    /// The response: the content's bytes and how to present them, the same for every download
    /// and thumbnail of both generations.
    pub use crate::media::get_content::v3::Response;

    impl Request {
        /// The request for `mxc://{server_name}/{media_id}` as `file_name`, remote fetching
        /// allowed.
        pub fn new(server_name: OwnedServerName, media_id: String, file_name: String) -> Self {
            Request {
                server_name,
                media_id,
                file_name,
                allow_remote: true,
                timeout_ms: None,
                allow_redirect: false,
            }
        }
    }
}
