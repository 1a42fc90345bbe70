// `#[api(body)]` is a body too.
use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: HEAD,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/media/v3/config",
};

#[request]
pub struct Request {
    #[api(body)]
    pub filter: BTreeMap<String, String>,
}

#[response]
pub struct Response {}

fn main() {}
