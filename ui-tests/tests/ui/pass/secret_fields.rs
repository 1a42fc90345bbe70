// `#[api(secret)]` alone (a body field) and next to a kind: `Debug` hides those fields.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/session/{session_id}",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub session_id: String,
    #[api(header = AUTHORIZATION, secret)]
    pub authorization: Option<String>,
    #[api(secret)]
    pub password: String,
    pub device_name: String,
}

#[response]
pub struct Response {
    #[api(secret)]
    pub access_token: String,
}

fn main() {
    let request = Request {
        session_id: "s".to_owned(),
        authorization: Some("Bearer hidden-1".to_owned()),
        password: "hidden-2".to_owned(),
        device_name: "phone".to_owned(),
    };
    let shown = format!("{request:?}");
    assert!(!shown.contains("hidden") && shown.contains("phone"), "{shown}");
    let shown = format!("{:?}", Response { access_token: "hidden-3".to_owned() });
    assert!(!shown.contains("hidden"), "{shown}");
}
