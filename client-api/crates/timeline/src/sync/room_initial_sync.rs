//! `GET /_matrix/client/*/rooms/{roomId}/initialSync`: a room's current state and latest
//! messages in one answer. Used for peeking into a room the user may see without joining it
//! (room previews); using it for anything else was deprecated in r0, and Matrix v1.14 took
//! the deprecation of the endpoint back.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidinitialsync>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    pub use crate::sync::initial_sync::v3::{Membership, PaginationChunk, Visibility};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/initialSync",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/initialSync",
        }
    };

    /// The request: the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the room's state and latest messages.
    #[response]
    pub struct Response {
        /// The room.
        pub room_id: OwnedRoomId,
        /// The user's membership, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(json = string)]
        pub membership: Option<Membership>,
        /// The latest messages (those before leaving, for a room left).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub messages: Option<PaginationChunk>,
        /// The current state (at leaving, for a room left).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub state: Vec<Raw<JsonObject>>,
        /// Whether `/publicRooms` lists the room.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(json = string)]
        pub visibility: Option<Visibility>,
        /// The user's account data for the room.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub account_data: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
        }
    }

    impl Response {
        /// A response for this room with nothing else.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Response {
                room_id,
                membership: None,
                messages: None,
                state: Vec::new(),
                visibility: None,
                account_data: Vec::new(),
            }
        }
    }
}
