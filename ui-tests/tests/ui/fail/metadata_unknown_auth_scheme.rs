use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessTokn,
    path: "/_matrix/client/versions",
};

fn main() {}
