//! Revision 0 of `POST /login/get_token`, declared here as any user of `matrix-api` declares an
//! endpoint its endpoint crate does not have in this shape: the same UIA request as the stable
//! endpoint, and a response with `expires_in` in whole seconds, as Synapse 1.69–1.85 sent it.

use matrix_api::{metadata, request, response, Metadata, UInt};
use matrix_client_api::uiaa::{AuthData, UiaaResponse};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/token",
    }
};

/// The request: the UIA data once the server asks for it.
#[request(error = UiaaResponse)]
pub struct Request {
    /// Authentication for the current stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<AuthData>,
}

/// The response, as revision 0 wrote it.
#[response(error = UiaaResponse)]
pub struct Response {
    /// Seconds until the token expires.
    pub expires_in: UInt,
    /// The single-use login token.
    #[api(secret)]
    pub login_token: String,
}
