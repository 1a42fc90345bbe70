// Path parameters, query parameters with serde attributes, headers named by an
// `http::header` constant or by a constant of the user's crate, and the JSON type of a field
// given for its description (`json = ...`).
use matrix_api::http::HeaderName;
use matrix_api::{metadata, request, response, Metadata};
use ruma_common::{OwnedEventId, OwnedRoomId};
use serde::{Deserialize, Serialize};

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

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Forward,
    Backward,
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
    #[api(query, json = string)]
    pub dir: Direction,
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
    #[api(json = array(string))]
    #[serde(default)]
    pub directions: Vec<Direction>,
    pub start: Option<String>,
}

fn main() {}
