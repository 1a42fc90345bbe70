//! `GET /_matrix/client/*/rooms/{roomId}/joined_members`: the joined members of a room with
//! their display names and avatars.
//!
//! Cheaper for a server than [`get_member_events`](super::get_member_events), and meant mostly
//! for application services, which may ask about any room one of their users is in.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidjoined_members>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::{OwnedMxcUri, OwnedRoomId, OwnedUserId};
    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/joined_members",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/joined_members",
        }
    };

    /// The request: the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room whose members to list.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the joined members.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// Each joined member's profile in the room, by user ID. Absent is read as empty.
        #[serde(default)]
        pub joined: BTreeMap<OwnedUserId, RoomMember>,
    }

    /// A joined member's profile in the room.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct RoomMember {
        /// The member's display name in the room.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        /// The member's avatar in the room.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
    }

    impl Request {
        /// A request for this room's members.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
        }
    }

    impl Response {
        /// A response with these members.
        pub fn new(joined: BTreeMap<OwnedUserId, RoomMember>) -> Self {
            Response { joined }
        }
    }

    impl RoomMember {
        /// A member without display name or avatar.
        pub fn new() -> Self {
            RoomMember::default()
        }
    }
}
