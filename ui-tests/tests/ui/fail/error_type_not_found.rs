use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

#[request(error = MatrixEror)]
pub struct Request {}

#[response(error = MatrixEror)]
pub struct Response {}

fn main() {}
