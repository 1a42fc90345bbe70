// The declaration of DESIGN.md §1, as written there.
pub mod v1 {
    use matrix_client_api::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};
    use std::time::Duration;

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    };

    #[request(error = UiaaResponse)]
    #[derive(Default)]
    pub struct Request {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    #[response(error = UiaaResponse)]
    pub struct Response {
        #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
        pub expires_in: Duration,
        pub login_token: String,
    }
}

fn main() {
    use matrix_api::OutgoingRequest;
    let _request = v1::Request::default();
    assert!(<v1::Request as OutgoingRequest>::METADATA.rate_limited);
}
