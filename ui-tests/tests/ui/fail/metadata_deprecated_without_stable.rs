use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        unstable => "/_matrix/client/unstable/org.example.ping",
        1.12 => deprecated,
    }
};

fn main() {}
