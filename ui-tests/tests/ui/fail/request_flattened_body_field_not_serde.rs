// A flattened body field whose type serde can neither write nor read: the errors are serde's, on
// the field, once each; the runtime's reader for flattened fields adds none of its own.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/things",
    }
};

#[derive(Clone, Debug)]
pub struct Thing {
    pub name: String,
}

#[request]
pub struct Request {
    #[serde(flatten)]
    pub thing: Thing,
    pub count: u32,
}

#[response]
pub struct Response {}

fn main() {}
