//! `PUT /_matrix/client/*/user/{userId}/rooms/{roomId}/account_data/{type}`: store a JSON
//! object in the user's account data for one room under an event type.
//!
//! The access token must be allowed to act for the user. The object replaces any stored under
//! the same type for the room; the user's clients receive it in the room's `account_data` of
//! their next sync. Types the server manages itself, such as `m.fully_read`, are refused with
//! `405 M_BAD_JSON`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3useruseridroomsroomidaccount_datatype>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/rooms/{room_id}/account_data/{event_type}",
            1.1 => "/_matrix/client/v3/user/{user_id}/rooms/{room_id}/account_data/{event_type}",
        }
    };

    /// The request: whose account data, for which room, under which type, and the object to
    /// store.
    #[request]
    pub struct Request {
        /// The user whose account data to set.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event type to store it under, such as a namespaced type of the client's own
        /// (`{type}` in the specification's path).
        #[api(path)]
        pub event_type: String,
        /// The object to store: the whole body, as raw JSON, so that it is sent exactly as
        /// given.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub data: Raw<JsonObject>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request storing `data` under `event_type` for this user and room.
        pub fn new(
            user_id: OwnedUserId,
            room_id: OwnedRoomId,
            event_type: String,
            data: Raw<JsonObject>,
        ) -> Self {
            Request {
                user_id,
                room_id,
                event_type,
                data,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
