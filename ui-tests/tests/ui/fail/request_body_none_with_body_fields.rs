use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/logout",
    }
};

#[request(body = none)]
pub struct Request {
    pub device_id: String,
}

#[response]
pub struct Response {}

fn main() {}
