//! `PUT /_matrix/client/*/directory/list/room/{roomId}`: list a room in the server's published
//! room directory, or take it off.
//!
//! Servers may restrict who can change it, for instance to the room's creator or the server's
//! administrators. An unknown room gets `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3directorylistroomroomid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use crate::directory::Visibility;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/directory/list/room/{room_id}",
            1.1 => "/_matrix/client/v3/directory/list/room/{room_id}",
        }
    };

    /// The request: the room and its new visibility.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The new visibility. Absent means `public`, which servers apply; kept apart so that a
        /// request without it is sent on without it.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visibility: Option<Visibility>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request giving this room this visibility.
        pub fn new(room_id: OwnedRoomId, visibility: Visibility) -> Self {
            Request {
                room_id,
                visibility: Some(visibility),
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
