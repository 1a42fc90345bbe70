//! `GET /_matrix/client/*/account/whoami`: who owns an access token.
//!
//! A client that was handed a token (by an SSO redirect, or restored from storage) learns the
//! user and device it belongs to, and whether the account is a guest; a server answers
//! `401 M_UNKNOWN_TOKEN` to a token it does not know, which makes this the cheapest way to check
//! that a stored token is still valid. An application service may ask about a user it
//! masquerades as.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3accountwhoami>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedDeviceId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/whoami",
            1.1 => "/_matrix/client/v3/account/whoami",
        }
    };

    /// The request: it has no parameters; the access token is the question.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the owner of the access token.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The user the token belongs to.
        pub user_id: OwnedUserId,
        /// The device the token belongs to (since Matrix v1.1). Absent only for tokens that
        /// have no device, such as an application service's; servers must send it otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
        /// Whether the user is a guest (since Matrix v1.2). Absent means `false`, so `false` is
        /// not written and a response from an older server re-serialises unchanged.
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub is_guest: bool,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response for a non-guest user. The device is a parameter rather than left to a
        /// setter because the specification requires it whenever the token has one.
        pub fn new(user_id: OwnedUserId, device_id: Option<OwnedDeviceId>) -> Self {
            Response {
                user_id,
                device_id,
                is_guest: false,
            }
        }
    }
}
