//! `GET /_matrix/client/*/room_keys/version`: the current (newest) backup version.
//!
//! The way a new device finds the backup to restore from; a user without a backup is answered
//! `404 M_NOT_FOUND`. Old drafts asked for it as `/room_keys/version/` with an empty version,
//! which [`get_backup_info`](crate::backup::get_backup_info) refuses: a path segment is never
//! empty.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3room_keysversion>

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
            unstable => "/_matrix/client/unstable/room_keys/version",
            1.1 => "/_matrix/client/v3/room_keys/version",
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the current backup version and what it holds.
    #[response]
    pub struct Response {
        /// The algorithm the keys are encrypted with.
        #[api(json = string)]
        pub algorithm: BackupAlgorithm,
        /// What the algorithm needs, such as the `public_key`; kept as it came.
        pub auth_data: Raw<JsonObject>,
        /// How many keys the backup holds.
        pub count: UInt,
        /// An opaque string that changes whenever the stored keys do: a client that finds
        /// another value than its last write answered knows another client changed the backup.
        pub etag: String,
        /// The backup version.
        pub version: String,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
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
        use matrix_api::error::ErrorKind;
        use matrix_api::{FromHttpResponseError, IncomingResponse};

        use super::Response;

        #[test]
        fn no_backup_is_not_found() {
            let answer = http::Response::builder()
                .status(404)
                .body(br#"{"errcode":"M_NOT_FOUND","error":"No current backup version"}"#.to_vec())
                .unwrap();
            match Response::try_from_http_response(answer) {
                Err(FromHttpResponseError::Server(error)) => {
                    assert_eq!(error.status, 404);
                    assert_eq!(error.kind(), Some(&ErrorKind::NotFound));
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
