//! `GET /_matrix/client/v1/media/thumbnail/{serverName}/{mediaId}`: a thumbnail of an
//! `mxc://` image, for an authenticated user.
//!
//! The client asks for a size and a resizing [`Method`](v1::Method); the server answers with
//! the closest thumbnail it has or makes, at least as large as asked. Since Matrix v1.11
//! (MSC3916) it replaces [`media::get_content_thumbnail`](crate::media::get_content_thumbnail),
//! with the same fields except `allow_remote` and `allow_redirect`: the server may always
//! redirect, and the HTTP client follows.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mediathumbnailservernamemediaid>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.11).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use matrix_api::{metadata, request, Metadata, UInt};

    pub use crate::media::get_content_thumbnail::v3::Method;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/thumbnail/{server_name}/{media_id}",
            1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/thumbnail/{server_name}/{media_id}",
        },
        legacy: crate::media::get_content_thumbnail::v3::METADATA,
    };

    /// The request: the two parts of the `mxc://` URI, the desired size and method, and how
    /// long to wait.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// The desired width; the thumbnail may be larger.
        #[api(query)]
        pub width: UInt,
        /// The desired height; the thumbnail may be larger.
        #[api(query)]
        pub height: UInt,
        /// The resizing method; `None`: the server chooses.
        #[api(query, json = string)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub method: Option<Method>,
        /// How long to wait for media that was created but not yet uploaded; `None`: the
        /// server's default, 20 seconds.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout_ms: Option<Duration>,
        /// Whether an animated thumbnail is wanted: `Some(true)` asks for one where possible,
        /// `Some(false)` forbids it, and `None` leaves the server to prefer a still image.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub animated: Option<bool>,
    }

    /// The response: the content's bytes and how to present them, the same for every download
    /// and thumbnail of both generations.
    pub use crate::media::get_content::v3::Response;

    impl Request {
        /// The request for a thumbnail of `mxc://{server_name}/{media_id}` of at least
        /// `width` × `height`, the method left to the server.
        pub fn new(
            server_name: OwnedServerName,
            media_id: String,
            width: UInt,
            height: UInt,
        ) -> Self {
            Request {
                server_name,
                media_id,
                width,
                height,
                method: None,
                timeout_ms: None,
                animated: None,
            }
        }
    }
}
