use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: PUT,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/user/{user_id}/account_data",
    }
};

#[request]
pub struct Request {
    #[api(path)]
    pub user_id: String,
    #[api(body)]
    pub content: BTreeMap<String, String>,
    #[api(body)]
    pub extra: BTreeMap<String, String>,
}

#[response]
pub struct Response {}

fn main() {}
