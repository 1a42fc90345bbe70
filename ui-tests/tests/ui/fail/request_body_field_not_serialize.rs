use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

#[derive(Clone, Debug)]
pub struct Message {
    pub text: String,
}

#[request]
pub struct Request {
    pub message: Message,
}

#[response]
pub struct Response {}

fn main() {}
