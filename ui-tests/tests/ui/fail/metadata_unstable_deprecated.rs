use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        unstable => "/_matrix/client/unstable/org.example.ping",
        unstable => deprecated,
    }
};

fn main() {}
