//! `POST /_matrix/client/*/rooms/{roomId}/upgrade`: replace a room by a new one of another room
//! version.
//!
//! The server creates the replacement room, copies the important state across, and closes the
//! old room with an `m.room.tombstone` event pointing to the new one. A version the server does
//! not support is refused with `400 M_UNSUPPORTED_ROOM_VERSION`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidupgrade>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 from r0.5.0, before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedUserId, RoomVersionId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/upgrade",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/upgrade",
        }
    };

    /// The request: the room and the version to move it to.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to upgrade.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The new room's version.
        pub new_version: RoomVersionId,
        /// Users who become creators of the new room beside the caller, for room versions
        /// that have additional creators (since Matrix v1.16; ignored by other versions).
        /// They are not copied from the old room: list every one to keep.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub additional_creators: Vec<OwnedUserId>,
    }

    /// The response: the new room.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The replacement room's ID.
        pub replacement_room: OwnedRoomId,
    }

    impl Request {
        /// A request to upgrade this room to this version.
        pub fn new(room_id: OwnedRoomId, new_version: RoomVersionId) -> Self {
            Request {
                room_id,
                new_version,
                additional_creators: Vec::new(),
            }
        }
    }

    impl Response {
        /// The response naming the replacement room.
        pub fn new(replacement_room: OwnedRoomId) -> Self {
            Response { replacement_room }
        }
    }
}
