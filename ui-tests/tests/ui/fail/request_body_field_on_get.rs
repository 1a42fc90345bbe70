use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/messages",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: String,
    pub limit: u32,
}

#[response]
pub struct Response {}

fn main() {}
