use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/search_terms",
};

#[request]
pub struct Request {
    #[api(query_all)]
    pub terms: BTreeMap<String, String>,
    #[api(query)]
    pub limit: u32,
}

#[response]
pub struct Response {}

fn main() {}
