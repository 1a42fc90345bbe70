// `#[serde]` attributes on body fields, including `flatten`, and a struct that derives serde
// traits itself.
use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};
use serde::{Deserialize, Serialize};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/rooms/{room_id}/report",
    }
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Extra {
    pub score: Option<i64>,
}

#[request]
pub struct Request {
    #[api(path)]
    pub room_id: String,
    #[serde(rename = "reason_text", skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[response]
#[derive(Serialize, Deserialize)]
pub struct Response {
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

fn assert_serde<T: Serialize + for<'de> Deserialize<'de>>() {}

fn main() {
    assert_serde::<Response>();
}
