// The request and the response each name the error type, so each is reported, on its own token.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

#[request(error = String)]
pub struct Request {}

#[response(error = String)]
pub struct Response {}

fn main() {}
