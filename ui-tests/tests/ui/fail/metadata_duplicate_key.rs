use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    rate_limited: true,
    path: "/_matrix/client/versions",
};

fn main() {}
