use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    #[serde(rename = "roomId")]
    pub room_id: String,
}

#[response]
pub struct Response {}

fn main() {}
