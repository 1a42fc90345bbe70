// The request and the response of an endpoint name the same error type.
use matrix_client_api::uiaa::UiaaResponse;
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

#[request(error = UiaaResponse)]
pub struct Request {}

#[response]
pub struct Response {}

fn main() {}
