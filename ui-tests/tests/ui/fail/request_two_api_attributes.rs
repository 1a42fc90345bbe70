use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/search/{term}",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    #[api(query)]
    pub term: String,
}

#[response]
pub struct Response {}

fn main() {}
