//! `GET /_matrix/client/v1/media/download/{serverName}/{mediaId}`: the bytes of an `mxc://`
//! URI, for an authenticated user.
//!
//! Since Matrix v1.11 (MSC3916) the way to download media; it replaces
//! [`media::get_content`](crate::media::get_content), with the same fields except
//! `allow_remote` and `allow_redirect`: the server may always redirect, to a CDN say, and the
//! HTTP client follows.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mediadownloadservernamemediaid>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.11).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use matrix_api::{metadata, request, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/download/{server_name}/{media_id}",
            1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
        },
        legacy: crate::media::get_content::v3::METADATA,
    };

    /// The request: the two parts of the `mxc://` URI, and how long to wait for it.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// How long to wait for media that was created but not yet uploaded; `None`: the
        /// server's default, 20 seconds.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout_ms: Option<Duration>,
    }

    /// The response: the content's bytes and how to present them, the same for every download
    /// and thumbnail of both generations.
    pub use crate::media::get_content::v3::Response;

    impl Request {
        /// The request for `mxc://{server_name}/{media_id}`.
        pub fn new(server_name: OwnedServerName, media_id: String) -> Self {
            Request {
                server_name,
                media_id,
                timeout_ms: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingResponse, OutgoingResponse};

    use super::v1::Response;

    #[test]
    fn bytes_and_both_headers_round_trip() {
        let mut response = Response::new(vec![0x89, b'P', b'N', b'G', 0, 0xff]);
        response.content_type = Some("image/png".to_owned());
        response.content_disposition = Some("inline; filename=\"cat.png\"".to_owned());
        let sent = response.clone().try_into_http_response().unwrap();
        assert_eq!(sent.status(), 200);
        assert_eq!(sent.headers()["content-type"], "image/png");
        assert_eq!(
            sent.headers()["content-disposition"],
            "inline; filename=\"cat.png\""
        );
        assert_eq!(sent.body(), &[0x89, b'P', b'N', b'G', 0, 0xff]);
        assert_eq!(Response::try_from_http_response(sent).unwrap(), response);
    }

    #[test]
    fn a_response_without_content_disposition_parses() {
        let http = http::Response::builder()
            .status(200)
            .header("content-type", "text/plain")
            .body(b"hello".to_vec())
            .unwrap();
        let read = Response::try_from_http_response(http).unwrap();
        assert_eq!(read.file, b"hello");
        assert_eq!(read.content_type.as_deref(), Some("text/plain"));
        assert_eq!(read.content_disposition, None);
    }

    #[test]
    fn a_json_error_is_the_error_not_the_bytes() {
        let http = http::Response::builder()
            .status(404)
            .header("content-type", "application/json")
            .body(br#"{"errcode":"M_NOT_FOUND","error":"Not found"}"#.to_vec())
            .unwrap();
        let err = Response::try_from_http_response(http).unwrap_err();
        assert!(err.to_string().contains("M_NOT_FOUND"), "{err}");
    }
}
