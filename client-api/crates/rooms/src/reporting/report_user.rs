//! `POST /_matrix/client/*/users/{userId}/report`: report a user to the server's
//! administrators.
//!
//! The caller need not share a room with the user. A server may answer `200` whether or not
//! the user exists. Before Matrix v1.14 it was MSC4260's, announced as `org.matrix.msc4260`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3usersuseridreport>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.14).

    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc4260") => "/_matrix/client/unstable/org.matrix.msc4260/users/{user_id}/report",
            1.14 => "/_matrix/client/v3/users/{user_id}/report",
        }
    };

    /// The request: the user, and why they are reported.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user to report.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// Why the user is reported; may be empty, but is always sent.
        pub reason: String,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A report of this user for this reason.
        pub fn new(user_id: OwnedUserId, reason: String) -> Self {
            Request { user_id, reason }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
