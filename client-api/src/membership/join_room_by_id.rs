//! `POST /_matrix/client/*/rooms/{roomId}/join`: join a room whose ID the client knows.
//!
//! The server joins the user if the room's rules allow it (an invite, a public or restricted
//! room), over federation when it is not in the room yet. A room known only by alias is joined
//! with [`join_room_by_id_or_alias`](super::join_room_by_id_or_alias).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidjoin>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use crate::membership::ThirdPartySigned;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/join",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/join",
        }
    };

    /// The request: the room, and optionally the proof of a third-party invite.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to join.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// A signed third-party invite that the server checks against the room's pending
        /// `m.room.third_party_invite`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub third_party_signed: Option<ThirdPartySigned>,
        /// The reason put on the membership event (since Matrix v1.1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: the room joined.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The ID of the joined room.
        pub room_id: OwnedRoomId,
    }

    impl Request {
        /// A request to join this room, without a third-party invite or reason.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                third_party_signed: None,
                reason: None,
            }
        }
    }

    impl Response {
        /// A response for this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Response { room_id }
        }
    }
}
