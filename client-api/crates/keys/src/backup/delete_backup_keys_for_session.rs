//! `DELETE /_matrix/client/*/room_keys/keys/{roomId}/{sessionId}`: delete the key of one
//! session from a backup version.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3room_keyskeysroomidsessionid>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use matrix_api::UInt;
    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys/{room_id}/{session_id}",
            1.1 => "/_matrix/client/v3/room_keys/keys/{room_id}/{session_id}",
        }
    };

    /// The request: the backup version, the room and the session. No body is sent, as the
    /// specification's operation has none.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to delete the key from.
        #[api(query)]
        pub version: String,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The Megolm session whose key to delete.
        #[api(path)]
        pub session_id: String,
    }

    /// The response: the backup's state after the deletion.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The backup's new etag.
        pub etag: String,
        /// How many keys the backup holds now.
        pub count: UInt,
    }

    impl Request {
        /// A request deleting this session's key from this version.
        pub fn new(version: String, room_id: OwnedRoomId, session_id: String) -> Self {
            Request {
                version,
                room_id,
                session_id,
            }
        }
    }

    impl Response {
        /// A response with the backup's new etag and key count.
        pub fn new(etag: String, count: UInt) -> Self {
            Response { etag, count }
        }
    }
}
