use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AccessToken,
    path: "/_matrix/client/v3/logout",
};

#[request(body = none)]
pub struct Request {}

#[response(body = none)]
pub struct Response {}

fn main() {}
