use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/pushrules",
};

#[request]
pub struct Request {}

#[response]
pub struct Response {
    #[api(body)]
    pub rules: Vec<String>,
    pub count: u32,
}

fn main() {}
