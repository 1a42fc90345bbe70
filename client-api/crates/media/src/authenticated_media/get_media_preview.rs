//! `GET /_matrix/client/v1/media/preview_url`: the OpenGraph data of a URL, fetched by the
//! server, to show a preview of a link in a message.
//!
//! The authenticated replacement (Matrix v1.11,
//! [MSC3916](https://github.com/matrix-org/matrix-spec-proposals/pull/3916)) of the legacy
//! [`media::get_media_preview`](crate::media::get_media_preview), with the same request and
//! response. Clients should not ask for URLs seen in encrypted rooms: the server learns the URL.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mediapreview_url>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.11).

    use ruma_common::MilliSecondsSinceUnixEpoch;

    use matrix_api::{metadata, request, response, Metadata};

    use crate::media::UrlPreview;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/preview_url",
            1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/preview_url",
        },
        legacy: crate::media::get_media_preview::v3::METADATA,
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

#[cfg(test)]
mod tests {
    use matrix_api::{
        IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse,
        SendAccessToken, SupportedVersions, UInt,
    };
    use ruma_common::MilliSecondsSinceUnixEpoch;
    use serde_json::json;

    use super::v1::{Request, Response};

    #[test]
    fn the_url_and_moment_are_query_parameters() {
        let request = Request {
            ts: Some(MilliSecondsSinceUnixEpoch(
                UInt::new(1510610716656).unwrap(),
            )),
            ..Request::new("https://matrix.org/a b?c=d&e".to_owned())
        };
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_11]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/client/v1/media/preview_url?url=https%3A%2F%2Fmatrix.org%2Fa+b%3Fc%3Dd%26e&ts=1510610716656"
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);
    }

    #[test]
    fn both_generations_keep_the_preview_unchanged() {
        let body = json!({
            "og:title": "Matrix Blog Post",
            "og:image": "mxc://example.com/ascERGshawAWawugaAcauga",
            "og:image:width": 48,
            "matrix:image:size": 102400
        });
        let http = || {
            matrix_api::http::Response::builder()
                .body(serde_json::to_vec(&body).unwrap())
                .unwrap()
        };
        let new = Response::try_from_http_response(http()).unwrap();
        let old =
            crate::media::get_media_preview::v3::Response::try_from_http_response(http()).unwrap();
        assert_eq!(new.preview, old.preview);
        assert_eq!(new.preview.image_size, Some(UInt::new(102400).unwrap()));
        let written = new.try_into_http_response().unwrap();
        let json: serde_json::Value = serde_json::from_slice(written.body()).unwrap();
        assert_eq!(json, body);
    }
}
