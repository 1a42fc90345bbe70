//! `POST /_matrix/client/*/refresh`: trade a refresh token for a new access token.
//!
//! The refresh token itself authenticates the call, so no access token is sent. The old refresh
//! token stays valid until the new access or refresh token is first used.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3refresh>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.3).

    use std::time::Duration;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc2918/refresh",
            1.3 => "/_matrix/client/v3/refresh",
        }
    };

    /// The request: the refresh token.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The refresh token from the login or the previous refresh.
        #[api(secret)]
        pub refresh_token: String,
    }

    /// The response: the new access token, and maybe a new refresh token.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The new access token.
        #[api(secret)]
        pub access_token: String,
        /// The next refresh token; when absent, the old one can be used again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub refresh_token: Option<String>,
        /// How long the new access token lives (`expires_in_ms`); `None`: it does not expire.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none",
            rename = "expires_in_ms"
        )]
        pub expires_in: Option<Duration>,
    }

    impl Request {
        /// A request with this refresh token.
        pub fn new(refresh_token: String) -> Self {
            Request { refresh_token }
        }
    }

    impl Response {
        /// A response with this access token, no new refresh token and no expiry.
        pub fn new(access_token: String) -> Self {
            Response {
                access_token,
                refresh_token: None,
                expires_in: None,
            }
        }
    }
}
