//! `GET /_matrix/client/*/rooms/{roomId}/event/{eventId}`: one event of a room, by its ID.
//!
//! The caller must be allowed to see the event (by being in the room when it was sent, say);
//! otherwise, or when there is no such event, the server answers `404 M_NOT_FOUND`. The event
//! comes as raw JSON, in the client format.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomideventeventid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/event/{event_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/event/{event_id}",
        }
    };

    /// The request: which event of which room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room the event is in.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event.
        #[api(path)]
        pub event_id: OwnedEventId,
    }

    /// The response: the event.
    #[response]
    pub struct Response {
        /// The whole event, as the server wrote it.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub event: Raw<JsonObject>,
    }

    impl Request {
        /// A request for this event of this room.
        pub fn new(room_id: OwnedRoomId, event_id: OwnedEventId) -> Self {
            Request { room_id, event_id }
        }
    }

    impl Response {
        /// The response with this event.
        pub fn new(event: Raw<JsonObject>) -> Self {
            Response { event }
        }
    }
}
