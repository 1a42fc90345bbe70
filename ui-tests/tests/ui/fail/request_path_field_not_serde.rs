// A path field whose type serde cannot write: one error, on the type, naming what it needs.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
    }
};

#[derive(Clone, Debug)]
pub struct RoomKey(u64);

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: RoomKey,
}

#[response]
pub struct Response {}

fn main() {}
