//! `GET /_matrix/client/*/user/{userId}/rooms/{roomId}/tags`: the tags a user put on a room.
//!
//! The access token must be allowed to act for the user. Clients that sync receive the same
//! tags as the room's `m.tag` account data.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3useruseridroomsroomidtags>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use crate::tag::{TagInfo, TagName};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/rooms/{room_id}/tags",
            1.1 => "/_matrix/client/v3/user/{user_id}/rooms/{room_id}/tags",
        }
    };

    /// The request: whose tags, on which room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose tags to list.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the room's tags.
    #[response]
    #[derive(PartialEq)]
    pub struct Response {
        /// Each tag on the room, with what it records. Read as empty when absent, and refused
        /// when it names a tag twice.
        #[serde(default, deserialize_with = "crate::tag::deserialize_tags")]
        pub tags: BTreeMap<TagName, TagInfo>,
    }

    impl Request {
        /// A request for this user's tags on this room.
        pub fn new(user_id: OwnedUserId, room_id: OwnedRoomId) -> Self {
            Request { user_id, room_id }
        }
    }

    impl Response {
        /// A response with these tags.
        pub fn new(tags: BTreeMap<TagName, TagInfo>) -> Self {
            Response { tags }
        }
    }
}
