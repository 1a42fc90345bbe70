// One misspelt field is one mistake: one error, on the field, not a second one for the
// parameter it leaves uncovered.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub roomid: String,
}

#[response]
pub struct Response {}

fn main() {}
