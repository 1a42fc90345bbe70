//! `POST /_matrix/client/*/rooms/{roomId}/ban`: ban a user from a room, kicking them if they are in it.
//!
//! A banned user can neither join nor be invited until unbanned. The caller needs the room's
//! `ban` power level.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidban>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/ban",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/ban",
        }
    };

    /// The request: the room, the user, and optionally why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The user to ban.
        pub user_id: OwnedUserId,
        /// The reason put on the user's new membership event (since Matrix v1.1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request to ban this user in this room, without a reason.
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
