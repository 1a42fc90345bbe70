use matrix_api::{metadata, request, response, Metadata};
use serde::{Deserialize, Serialize};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/search",
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Paging {
    pub limit: u32,
    pub from: Option<String>,
}

#[request]
pub struct Request {
    #[api(query)]
    pub term: String,
    #[api(query)]
    #[serde(flatten)]
    pub paging: Paging,
}

#[response]
pub struct Response {}

fn main() {}
