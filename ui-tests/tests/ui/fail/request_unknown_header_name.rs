use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: true,
    authentication: AccessToken,
    path: "/_matrix/media/v3/upload",
};

#[request]
pub struct Request {
    #[api(header = CONTENT_TYP)]
    pub content_type: String,
    #[api(raw_body)]
    pub file: Vec<u8>,
}

#[response]
pub struct Response {}

fn main() {}
