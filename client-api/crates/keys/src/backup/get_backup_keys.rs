//! `GET /_matrix/client/*/room_keys/keys`: every key stored in a backup version.
//!
//! A backup without keys answers `{"rooms": {}}`; a version that does not exist,
//! `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3room_keyskeys>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use std::collections::BTreeMap;

    use ruma_common::OwnedRoomId;

    use crate::backup::RoomKeyBackup;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys",
            1.1 => "/_matrix/client/v3/room_keys/keys",
        }
    };

    /// The request: the backup version.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to read.
        #[api(query)]
        pub version: String,
    }

    /// The response: the keys by room.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The keys of each room.
        pub rooms: BTreeMap<OwnedRoomId, RoomKeyBackup>,
    }

    impl Request {
        /// A request for every key of this version.
        pub fn new(version: String) -> Self {
            Request { version }
        }
    }

    impl Response {
        /// A response with these keys.
        pub fn new(rooms: BTreeMap<OwnedRoomId, RoomKeyBackup>) -> Self {
            Response { rooms }
        }
    }
}
