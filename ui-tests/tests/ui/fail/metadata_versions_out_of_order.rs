use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
        1.0 => "/_matrix/client/r0/rooms/{room_id}/state",
    }
};

fn main() {}
