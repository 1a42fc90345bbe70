use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/search",
};

#[request]
pub struct Request {
    #[api(querry)]
    pub term: String,
}

#[response]
pub struct Response {}

fn main() {}
