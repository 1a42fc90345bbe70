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
    #[serde(flatten)]
    pub terms: BTreeMap<String, String>,
}

#[response]
pub struct Response {}

fn main() {}
