// A field named after a `{param}` of the paths but not marked `#[api(path)]`: one error on it,
// saying what to mark.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/messages",
    }
};

#[request]
pub struct Request {
    #[api(query)]
    pub room_id: String,
    #[api(query)]
    pub limit: Option<u32>,
}

#[response]
pub struct Response {}

fn main() {}
