//! `GET /_matrix/client/*/room_keys/keys/{roomId}`: the keys of one room stored in a backup
//! version.
//!
//! A room without keys answers `{"sessions": {}}`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3room_keyskeysroomid>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use std::collections::BTreeMap;

    use ruma_common::OwnedRoomId;

    use crate::backup::KeyBackupData;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys/{room_id}",
            1.1 => "/_matrix/client/v3/room_keys/keys/{room_id}",
        }
    };

    /// The request: the backup version and the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to read.
        #[api(query)]
        pub version: String,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the room's keys by session.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The key of each session.
        pub sessions: BTreeMap<String, KeyBackupData>,
    }

    impl Request {
        /// A request for this room's keys in this version.
        pub fn new(version: String, room_id: OwnedRoomId) -> Self {
            Request { version, room_id }
        }
    }

    impl Response {
        /// A response with these keys.
        pub fn new(sessions: BTreeMap<String, KeyBackupData>) -> Self {
            Response { sessions }
        }
    }
}
