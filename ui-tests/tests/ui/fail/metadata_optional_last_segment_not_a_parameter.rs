// Only an empty path parameter can be left out: a path ending in a literal has nothing to omit.
use matrix_api::{metadata, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    optional_last_segment: true,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
    }
};

fn main() {
    let _ = METADATA;
}
