// A whole body is written by its type: of serde's attributes only `deserialize_with`, which
// checks what is read, applies to it.
use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: PUT,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/things/{id}",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub id: String,
    #[api(body)]
    #[serde(rename = "data")]
    pub data: BTreeMap<String, String>,
}

#[response]
pub struct Response {}

fn main() {}
