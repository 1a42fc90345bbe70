use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
};

fn main() {}
