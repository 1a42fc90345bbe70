use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AccessToken,
    path: "/_matrix/client/v3/createRoom",
};

#[request(eror = matrix_api::error::MatrixError)]
pub struct Request {
    pub name: String,
}

#[response]
pub struct Response {}

fn main() {}
