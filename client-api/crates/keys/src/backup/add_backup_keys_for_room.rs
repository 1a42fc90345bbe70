//! `PUT /_matrix/client/*/room_keys/keys/{roomId}`: store keys of one room in the current
//! backup.
//!
//! As [`add_backup_keys`](crate::backup::add_backup_keys), for one room: the body is the room's
//! `sessions`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3room_keyskeysroomid>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use std::collections::BTreeMap;

    use matrix_api::UInt;
    use ruma_common::OwnedRoomId;

    use crate::backup::KeyBackupData;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys/{room_id}",
            1.1 => "/_matrix/client/v3/room_keys/keys/{room_id}",
        }
    };

    /// The request: the backup version, the room, and its keys by session.
    #[request]
    pub struct Request {
        /// The backup version to store the keys in; it must be the current one.
        #[api(query)]
        pub version: String,
        /// The room the keys are for.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The key of each session.
        pub sessions: BTreeMap<String, KeyBackupData>,
    }

    /// The response: the backup's state after the write.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The backup's new etag.
        pub etag: String,
        /// How many keys the backup holds now.
        pub count: UInt,
    }

    impl Request {
        /// A request storing these keys of this room in this version.
        pub fn new(
            version: String,
            room_id: OwnedRoomId,
            sessions: BTreeMap<String, KeyBackupData>,
        ) -> Self {
            Request {
                version,
                room_id,
                sessions,
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
