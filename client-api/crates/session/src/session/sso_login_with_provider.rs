//! `GET /_matrix/client/*/login/sso/redirect/{idpId}`: send the user's browser to one
//! identity provider.
//!
//! The same as [`sso_login`](super::sso_login), but the client has already let the user choose
//! among the `identity_providers` of the `m.login.sso` login flow, so the server skips its own
//! selection page and redirects straight to that provider. An unknown provider gets a `404`,
//! usually an HTML page for the user rather than JSON for the client.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! The unstable path is not tied to the `org.matrix.msc2858` flag: a server without v1.1 gets
//! it whether or not it announces the flag, since there is no other path a client could try.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3loginssoredirectidpid>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.1).

    pub use crate::session::sso_login::v3::SsoRedirectAction;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc2858/login/sso/redirect/{idp_id}",
            1.1 => "/_matrix/client/v3/login/sso/redirect/{idp_id}",
        }
    };

    /// The request: the chosen provider, where the browser should return, and optionally why
    /// the user is signing on.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The `id` of the chosen provider from the `m.login.sso` flow's `identity_providers`
        /// (`{idpId}` in the specification's path).
        #[api(path)]
        pub idp_id: String,
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

    /// The response: the redirect to the chosen identity provider.
    #[response(status = FOUND)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Where the server sends the browser (the `Location` header).
        #[api(header = LOCATION)]
        pub location: String,
    }

    impl Request {
        /// A request for this provider returning to this URL, with no stated action.
        pub fn new(idp_id: String, redirect_url: String) -> Self {
            Request {
                idp_id,
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
