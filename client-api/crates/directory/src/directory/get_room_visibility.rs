//! `GET /_matrix/client/*/directory/list/room/{roomId}`: whether a room is listed in the
//! server's published room directory.
//!
//! Anyone may ask; no access token is needed. An unknown room gets `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3directorylistroomroomid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use crate::directory::Visibility;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/directory/list/room/{room_id}",
            1.1 => "/_matrix/client/v3/directory/list/room/{room_id}",
        }
    };

    /// The request: the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to look up.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the room's visibility in the directory.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Whether the room is listed. The specification's schema does not mark it required,
        /// but an answer without it says nothing, so it is read as required.
        #[api(json = string)]
        pub visibility: Visibility,
    }

    impl Request {
        /// A request about this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
        }
    }

    impl Response {
        /// A response with this visibility.
        pub fn new(visibility: Visibility) -> Self {
            Response { visibility }
        }
    }
}
