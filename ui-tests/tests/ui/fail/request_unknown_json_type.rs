use matrix_api::{metadata, request, response, Metadata};
use serde::{Deserialize, Serialize};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/search",
};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Rank,
    Recent,
}

#[request]
pub struct Request {
    #[api(query, json = strng)]
    pub order: Order,
}

#[response]
pub struct Response {}

fn main() {}
