// A broken `metadata!` is reported once; the request and response built on it add nothing.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
        1.99 => "/_matrix/client/v4/rooms/{room_id}/state",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: String,
    #[api(query)]
    pub limit: u32,
}

#[response]
pub struct Response {
    pub events: Vec<String>,
}

fn main() {}
