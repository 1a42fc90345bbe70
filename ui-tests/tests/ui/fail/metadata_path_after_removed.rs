use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/ping",
        1.12 => deprecated,
        1.13 => removed,
        1.14 => "/_matrix/client/v4/ping",
    }
};

fn main() {}
