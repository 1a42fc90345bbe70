//! `GET /_matrix/media/*/preview_url`: the OpenGraph data of a URL, fetched by the server, to
//! show a preview of a link in a message.
//!
//! Clients should not ask for URLs seen in encrypted rooms: the server learns the URL. Servers
//! may have previews turned off and then answer with an error. Deprecated since Matrix v1.11
//! in favour of the authenticated
//! [`authenticated_media::get_media_preview`](crate::authenticated_media::get_media_preview),
//! whose request and response are the same.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixmediav3preview_url>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::MilliSecondsSinceUnixEpoch;

    use matrix_api::{metadata, request, response, Metadata};

    use crate::media::UrlPreview;

    /// The endpoint's declaration, public because the endpoint that replaced it,
    /// [`authenticated_media::get_media_preview`](crate::authenticated_media::get_media_preview),
    /// names it as the one a client falls back to on an older server.
    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/media/r0/preview_url",
            1.1 => "/_matrix/media/v3/preview_url",
            1.11 => deprecated,
        }
    };

    /// The request: the URL, and the moment to preview it at.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The URL to preview.
        #[api(query)]
        pub url: String,
        /// The preferred moment of the preview; the server may give a newer one.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub ts: Option<MilliSecondsSinceUnixEpoch>,
    }

    /// The response: the preview, which may be empty.
    #[response]
    #[derive(PartialEq, Default)]
    pub struct Response {
        /// The OpenGraph data, whose keys are the body's.
        #[serde(flatten)]
        pub preview: UrlPreview,
    }

    impl Request {
        /// A request for a current preview of this URL.
        pub fn new(url: String) -> Self {
            Request { url, ts: None }
        }
    }

    impl Response {
        /// The answer with this preview.
        pub fn new(preview: UrlPreview) -> Self {
            Response { preview }
        }
    }
}
