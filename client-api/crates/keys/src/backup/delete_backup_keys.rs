//! `DELETE /_matrix/client/*/room_keys/keys`: delete every key stored in a backup version.
//!
//! The version itself stays; [`delete_backup_version`](crate::backup::delete_backup_version)
//! deletes it with its keys.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3room_keyskeys>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use matrix_api::UInt;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys",
            1.1 => "/_matrix/client/v3/room_keys/keys",
        }
    };

    /// The request: the backup version. No body is sent, as the specification's operation has
    /// none.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to delete the keys from.
        #[api(query)]
        pub version: String,
    }

    /// The response: the backup's state after the deletion.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The backup's new etag.
        pub etag: String,
        /// How many keys the backup holds now.
        pub count: UInt,
    }

    impl Request {
        /// A request deleting every key of this version.
        pub fn new(version: String) -> Self {
            Request { version }
        }
    }

    impl Response {
        /// A response with the backup's new etag and key count.
        pub fn new(etag: String, count: UInt) -> Self {
            Response { etag, count }
        }
    }
}
