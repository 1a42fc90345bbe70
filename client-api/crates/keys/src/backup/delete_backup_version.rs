//! `DELETE /_matrix/client/*/room_keys/version/{version}`: delete a backup version and every
//! key stored in it.
//!
//! Deleting a version that was already deleted succeeds; one that never existed is answered
//! `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3room_keysversionversion>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/version/{version}",
            1.1 => "/_matrix/client/v3/room_keys/version/{version}",
        }
    };

    /// The request: which version. No body is sent, as the specification's operation has
    /// none.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to delete.
        #[api(path)]
        pub version: String,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request deleting this version.
        pub fn new(version: String) -> Self {
            Request { version }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
