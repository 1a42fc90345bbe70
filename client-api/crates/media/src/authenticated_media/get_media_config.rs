//! `GET /_matrix/client/v1/media/config`: the content repository's configuration, such as the
//! largest upload it accepts.
//!
//! The authenticated replacement (Matrix v1.11,
//! [MSC3916](https://github.com/matrix-org/matrix-spec-proposals/pull/3916)) of the legacy
//! [`media::get_media_config`](crate::media::get_media_config), with the same response.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mediaconfig>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.11).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::media::MediaConfig;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/config",
            1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/config",
        },
        legacy: crate::media::get_media_config::v3::METADATA,
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the configuration.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The configuration, whose keys are the body's.
        #[serde(flatten)]
        pub config: MediaConfig,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// The answer with this configuration.
        pub fn new(config: MediaConfig) -> Self {
            Response { config }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use matrix_api::{
        IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse, SendAccessToken,
        SupportedVersions, UInt,
    };

    use super::v1::{Request, Response};
    use crate::media::MediaConfig;

    #[test]
    fn both_generations_read_the_same_body_into_the_same_fields() {
        let body = br#"{"m.upload.size":50000000}"#.to_vec();
        let http = || {
            matrix_api::http::Response::builder()
                .body(body.clone())
                .unwrap()
        };
        let new = Response::try_from_http_response(http()).unwrap();
        let old =
            crate::media::get_media_config::v3::Response::try_from_http_response(http()).unwrap();
        assert_eq!(new.config, old.config);
        assert_eq!(new.config.upload_size, Some(UInt::new(50000000).unwrap()));
        let written = Response::new(MediaConfig::new())
            .try_into_http_response()
            .unwrap();
        assert_eq!(written.body(), b"{}");
    }

    #[test]
    fn servers_before_v1_11_get_the_unstable_or_the_replaced_path() {
        let features = BTreeMap::from([("org.matrix.msc3916", true)]);
        let path = |versions: &SupportedVersions| {
            Request::new()
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), versions)
                .unwrap()
                .uri()
                .path()
                .to_owned()
        };
        assert_eq!(
            path(&SupportedVersions::from_parts(&["v1.10"], &features)),
            "/_matrix/client/unstable/org.matrix.msc3916/media/config"
        );
        assert_eq!(
            path(&SupportedVersions::from_versions(&[MatrixVersion::V1_11])),
            "/_matrix/client/v1/media/config"
        );
        // Without either, the endpoint this one replaced.
        assert_eq!(
            path(&SupportedVersions::from_versions(&[MatrixVersion::V1_10])),
            "/_matrix/media/v3/config"
        );
    }
}
