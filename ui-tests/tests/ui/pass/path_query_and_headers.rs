// Path parameters, query parameters with serde attributes, and headers named by an
// `http::header` constant or by a constant of the user's crate.
use matrix_api::http::HeaderName;
use matrix_api::{metadata, request, response, Metadata};
use ruma_common::{OwnedEventId, OwnedRoomId};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.0 => "/_matrix/client/r0/rooms/{room_id}/context/{event_id}",
        1.1 => "/_matrix/client/v3/rooms/{room_id}/context/{event_id}",
    }
};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

fn ten() -> Option<u32> {
    Some(10)
}

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: OwnedRoomId,
    #[api(path)]
    pub event_id: OwnedEventId,
    #[api(query)]
    #[serde(default = "ten", skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[api(query)]
    #[serde(rename = "filter_json")]
    pub filter: String,
    #[api(header = ACCEPT_LANGUAGE)]
    pub language: Option<String>,
    #[api(header = REQUEST_ID)]
    pub request_id: String,
}

#[response]
pub struct Response {
    #[api(header = REQUEST_ID)]
    pub request_id: Option<String>,
    #[serde(default)]
    pub events_before: Vec<String>,
    pub start: Option<String>,
}

fn main() {}
