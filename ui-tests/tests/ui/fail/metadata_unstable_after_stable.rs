use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.7 => "/_matrix/client/v1/login/get_token",
        unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
    }
};

fn main() {}
