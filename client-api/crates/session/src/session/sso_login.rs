//! `GET /_matrix/client/*/login/sso/redirect`: send the user's browser to single sign-on.
//!
//! A client does not call this itself: it opens the URL in the user's browser. The server
//! answers `302 Found` with a `Location` at its identity provider, or with a page that lets the
//! user pick one when it has several; once the user has signed in, the browser comes back to
//! `redirectUrl` with a `loginToken` for `POST /login` with `m.login.token`. To skip the choice
//! of provider, use [`sso_login_with_provider`](super::sso_login_with_provider).
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3loginssoredirect>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/login/sso/redirect",
            1.1 => "/_matrix/client/v3/login/sso/redirect",
        }
    };

    /// The request: where the browser should return, and optionally why the user is signing on.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The URL the server sends the browser back to, with a `loginToken` query parameter,
        /// once the user has authenticated (`redirectUrl` on the wire).
        #[api(query)]
        #[serde(rename = "redirectUrl")]
        pub redirect_url: String,
        /// Whether the user means to sign in or to register (since Matrix v1.18), so the server
        /// can show the right page. Older servers ignore it.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub action: Option<SsoRedirectAction>,
    }

    /// The response: the redirect to the identity provider.
    #[response(status = FOUND)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Where the server sends the browser (the `Location` header).
        #[api(header = LOCATION)]
        pub location: String,
    }

    /// What the user intends at the identity provider (`action` on the wire).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    #[non_exhaustive]
    pub enum SsoRedirectAction {
        /// Signing an existing user in (`login`).
        Login,
        /// Registering a new account (`register`).
        Register,
    }

    impl Request {
        /// A request returning to this URL, with no stated action.
        pub fn new(redirect_url: String) -> Self {
            Request {
                redirect_url,
                action: None,
            }
        }
    }

    impl Response {
        /// A redirect to this location.
        pub fn new(location: String) -> Self {
            Response { location }
        }
    }
}
