use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        v1.7 => "/_matrix/client/v1/ping",
    }
};

fn main() {}
