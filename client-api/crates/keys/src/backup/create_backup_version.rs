//! `POST /_matrix/client/*/room_keys/version`: create a new backup version.
//!
//! The new version becomes the current one: keys can only be stored in the newest version, and
//! a client still writing to an older one is answered `403 M_WRONG_ROOM_KEYS_VERSION`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3room_keysversion>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use ruma_common::serde::{JsonObject, Raw};

    use crate::backup::BackupAlgorithm;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/version",
            1.1 => "/_matrix/client/v3/room_keys/version",
        }
    };

    /// The request: how the backup's keys are encrypted.
    #[request]
    pub struct Request {
        /// The algorithm the keys are encrypted with.
        #[api(json = string)]
        pub algorithm: BackupAlgorithm,
        /// What the algorithm needs, such as the `public_key` keys are encrypted to and its
        /// `signatures`; kept as it came.
        pub auth_data: Raw<JsonObject>,
    }

    /// The response: the new version.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The new backup version, an opaque string.
        pub version: String,
    }

    impl Request {
        /// A request creating a backup with this algorithm and its data.
        pub fn new(algorithm: BackupAlgorithm, auth_data: Raw<JsonObject>) -> Self {
            Request {
                algorithm,
                auth_data,
            }
        }
    }

    impl Response {
        /// A response naming the new version.
        pub fn new(version: String) -> Self {
            Response { version }
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
        fn servers_before_v1_1_get_the_unstable_path_and_auth_data_is_kept() {
            let auth_data =
                Raw::from_json_string(r#"{"public_key":"abc","x":[1]}"#.to_owned()).unwrap();
            let request = Request::new(BackupAlgorithm::MegolmBackupV1Curve25519AesSha2, auth_data);
            let old = SupportedVersions::from_parts(
                &["r0.6.1"],
                &std::collections::BTreeMap::<String, bool>::new(),
            );
            let sent = request
                .clone()
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &old)
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/unstable/room_keys/version"
            );
            let new = SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
            let sent = request
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &new)
                .unwrap();
            assert_eq!(sent.uri().path(), "/_matrix/client/v3/room_keys/version");
            assert_eq!(
                sent.body(),
                br#"{"algorithm":"m.megolm_backup.v1.curve25519-aes-sha2","auth_data":{"public_key":"abc","x":[1]}}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(
                read.algorithm,
                BackupAlgorithm::MegolmBackupV1Curve25519AesSha2
            );
            assert_eq!(
                read.auth_data.json().get(),
                r#"{"public_key":"abc","x":[1]}"#
            );
        }
    }
}
