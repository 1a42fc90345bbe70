//! `GET /_matrix/client/*/admin/lock/{userId}`: whether a local user is locked.
//!
//! A locked account cannot be used at all: every request with its tokens is refused with
//! `401 M_USER_LOCKED`, until an admin unlocks it. Only a server admin may ask; the server
//! checks that before it looks the user up, so the answer never tells a stranger whether an
//! account exists. A user of another server is refused with `400 M_INVALID_PARAM`, an unknown
//! or deactivated one with `404 M_NOT_FOUND`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1adminlockuserid>

pub mod v1 {
    //! The v1 generation of the endpoint, after MSC4323's unstable path.

    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable("uk.timedout.msc4323") => "/_matrix/client/unstable/uk.timedout.msc4323/admin/lock/{user_id}",
            1.18 => "/_matrix/client/v1/admin/lock/{user_id}",
        }
    };

    /// The request: the user to look up.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The local user to look up.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: whether the user is locked.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Whether the account is locked.
        pub locked: bool,
    }

    impl Request {
        /// A request about this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
        }
    }

    impl Response {
        /// The answer.
        pub fn new(locked: bool) -> Self {
            Response { locked }
        }
    }
}
