//! `GET /_matrix/client/*/user/{userId}/rooms/{roomId}/account_data/{type}`: the JSON object
//! stored in the user's account data for one room under an event type.
//!
//! The access token must be allowed to act for the user. A type with nothing stored for the
//! room gets `404 M_NOT_FOUND`; a room ID that is not one, `400 M_INVALID_PARAM`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3useruseridroomsroomidaccount_datatype>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/rooms/{room_id}/account_data/{event_type}",
            1.1 => "/_matrix/client/v3/user/{user_id}/rooms/{room_id}/account_data/{event_type}",
        }
    };

    /// The request: whose account data, for which room, of which type.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose account data to read.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event type (`{type}` in the specification's path).
        #[api(path)]
        pub event_type: String,
    }

    /// The response: the stored object.
    #[response]
    pub struct Response {
        /// The object stored under the type for the room: the whole body, as raw JSON exactly
        /// as the server sent it. Read it into a typed content with `deserialize_as`.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub account_data: Raw<JsonObject>,
    }

    impl Request {
        /// A request for this user's account data of this type for this room.
        pub fn new(user_id: OwnedUserId, room_id: OwnedRoomId, event_type: String) -> Self {
            Request {
                user_id,
                room_id,
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
