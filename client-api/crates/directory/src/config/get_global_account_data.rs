//! `GET /_matrix/client/*/user/{userId}/account_data/{type}`: the JSON object stored in the
//! user's account data under an event type.
//!
//! The access token must be allowed to act for the user. A type with nothing stored gets
//! `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3useruseridaccount_datatype>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/account_data/{event_type}",
            1.1 => "/_matrix/client/v3/user/{user_id}/account_data/{event_type}",
        }
    };

    /// The request: whose account data, of which type.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose account data to read.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The event type (`{type}` in the specification's path).
        #[api(path)]
        pub event_type: String,
    }

    /// The response: the stored object.
    #[response]
    pub struct Response {
        /// The object stored under the type: the whole body, as raw JSON exactly as the server
        /// sent it. Read it into a typed content with `deserialize_as`.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub account_data: Raw<JsonObject>,
    }

    impl Request {
        /// A request for this user's account data of this type.
        pub fn new(user_id: OwnedUserId, event_type: String) -> Self {
            Request {
                user_id,
                event_type,
            }
        }
    }

    impl Response {
        /// A response with this object.
        pub fn new(account_data: Raw<JsonObject>) -> Self {
            Response { account_data }
        }
    }
}
