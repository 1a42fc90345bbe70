use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/createRoom",
};

#[request]
pub struct Request {}

#[response(status = 201)]
pub struct Response {
    pub room_id: String,
}

fn main() {}
