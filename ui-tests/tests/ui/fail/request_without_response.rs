use matrix_api::{metadata, request, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

#[request]
pub struct Request {}

fn main() {}
