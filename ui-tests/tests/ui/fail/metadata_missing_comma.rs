use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/versions",
};

fn main() {}
