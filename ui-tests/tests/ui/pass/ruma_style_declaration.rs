// A declaration written the way Ruma's endpoint crates write it: `metadata!` as an item, the
// authentication scheme a type imported from `auth_scheme`, and only the imports naming this
// crate. It compiles without warnings (the imported scheme is used).
#![deny(warnings)]

pub mod v1 {
    use std::time::Duration;

    use matrix_api::api::{auth_scheme::AccessToken, metadata, request, response};
    use matrix_client_api::uiaa::{AuthData, UiaaResponse};

    metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    }

    /// A first call leaves `auth` out; the server answers with the stages to complete.
    #[request(error = UiaaResponse)]
    #[derive(Default)]
    pub struct Request {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The token, and how long it can be used.
    #[response(error = UiaaResponse)]
    pub struct Response {
        #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
        pub expires_in: Duration,
        pub login_token: String,
    }
}

pub mod unauthenticated {
    use matrix_api::api::{auth_scheme::NoAuthentication, metadata, request, response};

    metadata! {
        method: GET,
        rate_limited: false,
        authentication: NoAuthentication,
        path: "/_matrix/client/versions",
    }

    #[request]
    pub struct Request {}

    #[response]
    pub struct Response {
        pub versions: Vec<String>,
    }
}

fn main() {
    assert_eq!(
        v1::Request::METADATA.authentication,
        matrix_api::AuthScheme::AccessToken
    );
    assert_eq!(
        unauthenticated::Request::METADATA.authentication,
        matrix_api::AuthScheme::None
    );
}
