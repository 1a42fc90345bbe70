//! `POST /_matrix/client/*/rooms/{roomId}/leave`: leave a room, or reject an invite to it.
//!
//! The user keeps the history they could see, unless the server also forgets the room on leave
//! (allowed since Matrix v1.18, announced by the `m.forget_forced_upon_leave` capability).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidleave>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/leave",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/leave",
        }
    };

    /// The request: the room, and optionally why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to leave.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The reason put on the membership event (since Matrix v1.1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request to leave this room, without a reason.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                reason: None,
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
