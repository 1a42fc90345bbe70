//! `GET /_matrix/media/*/thumbnail/{serverName}/{mediaId}`: a thumbnail of an `mxc://` image,
//! without authentication.
//!
//! The client asks for a size and a resizing [`Method`](v3::Method); the server answers with
//! the closest thumbnail it has or makes, at least as large as asked. Deprecated since Matrix
//! v1.11 for
//! [`authenticated_media::get_content_thumbnail`](crate::authenticated_media::get_content_thumbnail),
//! which takes the same fields; a server that froze unauthenticated media answers
//! `404 M_NOT_FOUND` for media uploaded or cached after the freeze.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixmediav3thumbnailservernamemediaid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, Metadata, UInt};

    /// The endpoint's declaration, public because the endpoint that replaced it,
    /// [`authenticated_media::get_content_thumbnail`](crate::authenticated_media::get_content_thumbnail),
    /// names it as the one a client falls back to on an older server.
    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            1.0 => "/_matrix/media/r0/thumbnail/{server_name}/{media_id}",
            1.1 => "/_matrix/media/v3/thumbnail/{server_name}/{media_id}",
            1.11 => deprecated,
        }
    };

    string_enum! {
        /// How a thumbnail is fitted to the requested size; both generations of the endpoint
        /// use this type.
        pub enum Method {
            /// Fill the size exactly, cutting off what sticks out.
            Crop => "crop",
            /// Fit inside the size, keeping the aspect ratio.
            Scale => "scale",
        }
    }

    /// The request: the two parts of the `mxc://` URI, the desired size and method, and how
    /// the server may fetch the content.
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
        /// Whether the server may answer with a `307`/`308` redirect to the thumbnail (since
        /// Matrix v1.7), which the HTTP client follows.
        #[api(query)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub allow_redirect: bool,
        /// Whether an animated thumbnail is wanted (since Matrix v1.11): `Some(true)` asks for
        /// one where possible, `Some(false)` forbids it, and `None` leaves the server to
        /// prefer a still image.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub animated: Option<bool>,
    }

    /// The response: the content's bytes and how to present them, the same for every download
    /// and thumbnail of both generations.
    pub use crate::media::get_content::v3::Response;

    impl Request {
        /// The request for a thumbnail of `mxc://{server_name}/{media_id}` of at least
        /// `width` × `height`, the method left to the server, remote fetching allowed.
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
                allow_remote: true,
                timeout_ms: None,
                allow_redirect: false,
                animated: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{
        IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions, UInt,
    };

    use super::v3::{Method, Request};

    #[test]
    fn size_method_and_animated_are_query_parameters() {
        let mut request = Request::new(
            "example.org".parse().unwrap(),
            "ascERG".to_owned(),
            UInt::from(64u32),
            UInt::from(48u32),
        );
        request.method = Some(Method::Crop);
        request.animated = Some(false);
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::None,
                &SupportedVersions::from_versions(&[MatrixVersion::V1_11]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/media/v3/thumbnail/example.org/ascERG\
             ?width=64&height=48&method=crop&animated=false"
        );
        assert!(sent.headers().get("authorization").is_none());
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);
    }

    #[test]
    fn defaults_are_left_out_and_read_back() {
        let request = Request::new(
            "example.org".parse().unwrap(),
            "m".to_owned(),
            UInt::from(1u32),
            UInt::from(1u32),
        );
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::None,
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
            .unwrap();
        assert_eq!(sent.uri().query(), Some("width=1&height=1"));
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert!(read.allow_remote);
        assert_eq!(read, request);
    }

    #[test]
    fn an_unknown_method_is_kept_and_a_missing_width_is_named() {
        let http = http::Request::get(
            "/_matrix/media/v3/thumbnail/example.org/m?width=8&height=8&method=fill",
        )
        .body(Vec::<u8>::new())
        .unwrap();
        let read = Request::try_from_http_request(http, &[] as &[&str]).unwrap();
        assert_eq!(read.method.unwrap().as_str(), "fill");

        let http = http::Request::get("/_matrix/media/v3/thumbnail/example.org/m?height=8")
            .body(Vec::<u8>::new())
            .unwrap();
        let err = Request::try_from_http_request(http, &[] as &[&str]).unwrap_err();
        assert!(err.to_string().contains("width"), "{err}");
    }
}
