// `#[api(body)]` and `#[api(raw_body)]` on requests and responses, and `status = NAME`.
use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata};

pub mod account_data {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.1 => "/_matrix/client/v3/user/{user_id}/account_data/{event_type}",
        }
    };

    #[request]
    pub struct Request {
        #[api(path)]
        pub user_id: String,
        #[api(path)]
        pub event_type: String,
        #[api(body)]
        pub data: BTreeMap<String, String>,
    }

    #[response]
    pub struct Response {
        #[api(body)]
        pub echo: BTreeMap<String, String>,
    }
}

/// A whole body read through a function of its own, which checks what arrives; the type writes it.
pub mod checked_body {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.1 => "/_matrix/client/v3/things/{id}",
        }
    };

    fn not_empty<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, String>, D::Error> {
        let map: BTreeMap<String, String> = serde::Deserialize::deserialize(deserializer)?;
        if map.is_empty() {
            return Err(serde::de::Error::custom("an empty object"));
        }
        Ok(map)
    }

    #[request]
    pub struct Request {
        #[api(path)]
        pub id: String,
        #[api(body)]
        #[serde(deserialize_with = "not_empty")]
        pub data: BTreeMap<String, String>,
    }

    #[response]
    pub struct Response {
        #[api(body)]
        #[serde(deserialize_with = "not_empty")]
        pub echo: BTreeMap<String, String>,
    }
}

pub mod upload {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.example.upload") => "/_matrix/media/unstable/upload",
            1.11 => "/_matrix/media/v3/upload",
        }
    };

    #[request]
    pub struct Request {
        #[api(header = CONTENT_TYPE)]
        pub content_type: String,
        #[api(query)]
        pub filename: Option<String>,
        #[api(raw_body)]
        pub file: Vec<u8>,
    }

    #[response(status = CREATED)]
    pub struct Response {
        #[api(header = CONTENT_TYPE)]
        pub content_type: String,
        #[api(raw_body)]
        pub file: std::vec::Vec<u8>,
    }
}

fn main() {}
