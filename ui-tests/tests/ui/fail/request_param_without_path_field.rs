use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state/{event_type}",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: String,
}

#[response]
pub struct Response {}

fn main() {}
