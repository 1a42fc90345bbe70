//! `GET /_matrix/client/*/room_keys/version/{version}`: one backup version, by its version.
//!
//! The version is never empty: for the current version, ask
//! [`get_latest_backup_info`](crate::backup::get_latest_backup_info). A version that does not
//! exist is answered `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3room_keysversionversion>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};

    use crate::backup::BackupAlgorithm;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/version/{version}",
            1.1 => "/_matrix/client/v3/room_keys/version/{version}",
        }
    };

    /// The request: which version.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version, as creating it or reading it answered.
        #[api(path)]
        pub version: String,
    }

    /// The response: the backup version and what it holds.
    #[response]
    pub struct Response {
        /// The algorithm the keys are encrypted with.
        #[api(json = string)]
        pub algorithm: BackupAlgorithm,
        /// What the algorithm needs, such as the `public_key`; kept as it came.
        pub auth_data: Raw<JsonObject>,
        /// How many keys the backup holds.
        pub count: UInt,
        /// An opaque string that changes whenever the stored keys do.
        pub etag: String,
        /// The backup version.
        pub version: String,
    }

    impl Request {
        /// A request for this version.
        pub fn new(version: String) -> Self {
            Request { version }
        }
    }

    impl Response {
        /// A response describing this backup version.
        pub fn new(
            algorithm: BackupAlgorithm,
            auth_data: Raw<JsonObject>,
            count: UInt,
            etag: String,
            version: String,
        ) -> Self {
            Response {
                algorithm,
                auth_data,
                count,
                etag,
                version,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse,
            SendAccessToken, SupportedVersions,
        };

        use super::{Request, Response};
        use crate::backup::BackupAlgorithm;

        fn send(version: &str) -> Result<http::Request<Vec<u8>>, matrix_api::IntoHttpError> {
            Request::new(version.to_owned()).try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
        }

        #[test]
        fn the_version_is_a_path_segment_and_never_empty() {
            let sent = send("1/2").unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/room_keys/version/1%2F2"
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.version, "1/2");
            let err = send("").unwrap_err();
            assert!(err.to_string().contains("version"), "{err}");
            let empty = http::Request::get("https://hs/_matrix/client/v3/room_keys/version/")
                .header("authorization", "Bearer t")
                .body(Vec::new())
                .unwrap();
            assert!(Request::try_from_http_request(empty, &[] as &[&str]).is_err());
        }

        #[test]
        fn the_answer_keeps_auth_data_and_reads_an_unknown_algorithm() {
            let body = r#"{"algorithm":"org.example.v2","auth_data":{"public_key":"abcdefg","signatures":{"@alice:example.org":{"ed25519:deviceid":"signature"}}},"count":42,"etag":"anopaquestring","version":"1"}"#;
            let answer = http::Response::builder()
                .status(200)
                .body(body.as_bytes().to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            assert_eq!(read.algorithm.as_str(), "org.example.v2");
            assert_ne!(
                read.algorithm,
                BackupAlgorithm::MegolmBackupV1Curve25519AesSha2
            );
            assert_eq!(u64::from(read.count), 42);
            let sent = read.try_into_http_response().unwrap();
            assert_eq!(sent.body(), body.as_bytes());
        }
    }
}
