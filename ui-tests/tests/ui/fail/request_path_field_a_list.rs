// A path field whose type is a list: a `{param}` holds one piece of text.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_ids}/state",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub room_ids: Vec<String>,
}

#[response]
pub struct Response {}

fn main() {}
