//! `PUT /_matrix/client/*/room_keys/version/{version}`: change a backup version's `auth_data`.
//!
//! Only `auth_data` can change (to add a signature, say): the algorithm must be the backup's,
//! and a `version` in the body must be the path's, or the server answers
//! `400 M_INVALID_PARAM`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3room_keysversionversion>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use ruma_common::serde::{JsonObject, Raw};

    use crate::backup::BackupAlgorithm;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/version/{version}",
            1.1 => "/_matrix/client/v3/room_keys/version/{version}",
        }
    };

    /// The request: which version, and its new `auth_data`.
    #[request]
    pub struct Request {
        /// The backup version to change.
        #[api(path)]
        pub version: String,
        /// The backup's algorithm, unchanged.
        #[api(json = string)]
        pub algorithm: BackupAlgorithm,
        /// The new data of the algorithm; kept as it came.
        pub auth_data: Raw<JsonObject>,
        /// The version again; when present, it must be the path's. Absent unless set, so
        /// that the request is what the specification's example sends.
        #[serde(default, rename = "version", skip_serializing_if = "Option::is_none")]
        pub body_version: Option<String>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request changing this version's `auth_data`.
        pub fn new(
            version: String,
            algorithm: BackupAlgorithm,
            auth_data: Raw<JsonObject>,
        ) -> Self {
            Request {
                version,
                algorithm,
                auth_data,
                body_version: None,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions,
        };
        use ruma_common::serde::Raw;

        use super::Request;
        use crate::backup::BackupAlgorithm;

        #[test]
        fn the_path_version_and_the_body_version_are_apart() {
            let mut request = Request::new(
                "7".to_owned(),
                BackupAlgorithm::MegolmBackupV1Curve25519AesSha2,
                Raw::from_json_string(r#"{"public_key":"k"}"#.to_owned()).unwrap(),
            );
            let server = SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
            let sent = request
                .clone()
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &server)
                .unwrap();
            assert_eq!(sent.uri().path(), "/_matrix/client/v3/room_keys/version/7");
            assert!(!std::str::from_utf8(sent.body())
                .unwrap()
                .contains("version"));

            request.body_version = Some("7".to_owned());
            let sent = request
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &server)
                .unwrap();
            assert!(std::str::from_utf8(sent.body())
                .unwrap()
                .contains(r#""version":"7""#));
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(
                (read.version.as_str(), read.body_version.as_deref()),
                ("7", Some("7"))
            );
        }
    }
}
