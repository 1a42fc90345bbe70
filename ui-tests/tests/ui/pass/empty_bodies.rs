// `body = none`, requests and responses without fields, a `GET` without a body, and the
// default error type written out.
use matrix_api::{metadata, request, response, Metadata};

pub mod logout {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/logout",
            1.1 => "/_matrix/client/v3/logout",
        }
    };

    #[request(body = none)]
    pub struct Request {}

    #[response(error = matrix_api::error::MatrixError)]
    pub struct Response {}
}

pub mod whoami {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/whoami",
            1.1 => "/_matrix/client/v3/account/whoami",
        }
    };

    #[request(error = matrix_api::error::MatrixError)]
    #[derive(Default)]
    pub struct Request {}

    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        pub user_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub device_id: Option<String>,
        #[serde(default)]
        pub is_guest: bool,
    }
}

fn main() {
    let _ = logout::Request {};
    let _ = whoami::Request::default();
}
