//! `POST /_matrix/client/*/login/get_token`: a login token for signing in another device.
//!
//! A user logged in on one device asks for a short-lived, single-use token and hands it to a
//! second device, which logs in with `m.login.token`. The server protects the call with
//! User-Interactive Authentication and rate-limits it strictly.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv1loginget_token>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.7).

    use std::time::Duration;

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    };

    /// The request: only the User-Interactive Authentication data, once the server asks for it.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The response: the login token and how long it stays valid.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// How long the token stays valid (`expires_in_ms` on the wire).
        #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
        pub expires_in: Duration,
        /// The single-use login token.
        #[api(secret)]
        pub login_token: String,
    }

    impl Request {
        /// A first request, without authentication data.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// The lifetime the specification recommends when the server has no other preference.
        pub const DEFAULT_EXPIRATION: Duration = Duration::from_secs(2 * 60);

        /// A response with this lifetime and token.
        pub fn new(expires_in: Duration, login_token: String) -> Self {
            Response {
                expires_in,
                login_token,
            }
        }

        /// A response with the default lifetime of two minutes.
        pub fn with_default_expiration_duration(login_token: String) -> Self {
            Response::new(Self::DEFAULT_EXPIRATION, login_token)
        }
    }
}
