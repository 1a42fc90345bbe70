// A query field whose type serde cannot write: one error, on the type, naming what it needs.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/search",
    }
};

#[derive(Clone, Debug)]
pub struct Order {
    pub newest_first: bool,
}

#[request]
pub struct Request {
    #[api(query)]
    pub order: Order,
}

#[response]
pub struct Response {}

fn main() {}
