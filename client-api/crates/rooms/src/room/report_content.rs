//! `POST /_matrix/client/*/rooms/{roomId}/report/{eventId}`: report an event to the server's
//! administrators.
//!
//! The caller must be in the room (since Matrix v1.8). A server may answer `200` whether or not
//! the event exists, so that reports cannot be used to probe for events.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidreporteventid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::Int;
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/report/{event_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/report/{event_id}",
        }
    };

    /// The request: the event, and why it is reported.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room the event is in.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event to report.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// Why the event is reported; optional since Matrix v1.1.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
        /// How offensive the event is, from -100 (most) to 0 (inoffensive). Removed in Matrix
        /// v1.18 (MSC4277); kept for servers of earlier versions, and only sent when set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub score: Option<Int>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A report of this event without a reason.
        pub fn new(room_id: OwnedRoomId, event_id: OwnedEventId) -> Self {
            Request {
                room_id,
                event_id,
                reason: None,
                score: None,
            }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
