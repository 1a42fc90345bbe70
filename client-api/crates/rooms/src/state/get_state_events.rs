//! `GET /_matrix/client/*/rooms/{roomId}/state`: every state event of a room.
//!
//! The current state for a member; for a user who left, the state when they left. The answer
//! is a JSON array of events in the client format, kept as raw JSON.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidstate>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/state",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/state",
        }
    };

    /// The request: the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room whose state to read.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the state events.
    #[response]
    pub struct Response {
        /// The events, the whole body (a JSON array).
        #[api(body)]
        pub room_state: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for this room's state.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
        }
    }

    impl Response {
        /// The response with these events.
        pub fn new(room_state: Vec<Raw<JsonObject>>) -> Self {
            Response { room_state }
        }
    }
}
