use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/session",
    }
};

#[request]
pub struct Request {
    #[api(secret = true)]
    pub password: String,
}

#[response]
pub struct Response {}

fn main() {}
