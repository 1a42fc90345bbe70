//! `POST /_matrix/client/*/rooms/{roomId}/kick`: remove a user from a room.
//!
//! The user's membership becomes `leave`; unlike a ban, they may join again if the room's
//! rules let them. The caller needs the room's `kick` power level.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidkick>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/kick",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/kick",
        }
    };

    /// The request: the room, the user, and optionally why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The user to kick.
        pub user_id: OwnedUserId,
        /// The reason put on the user's new membership event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request to kick this user in this room, without a reason.
        pub fn new(room_id: OwnedRoomId, user_id: OwnedUserId) -> Self {
            Request {
                room_id,
                user_id,
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
