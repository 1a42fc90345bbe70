//! `POST /_matrix/client/*/rooms/{roomId}/report`: report a whole room to the server's
//! administrators.
//!
//! The caller need not be in the room. A server may answer `200` whether or not the room
//! exists. Before Matrix v1.13 servers served it under MSC4151's prefix, announced as
//! `org.matrix.msc4151`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidreport>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.13).

    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc4151") => "/_matrix/client/unstable/org.matrix.msc4151/rooms/{room_id}/report",
            1.13 => "/_matrix/client/v3/rooms/{room_id}/report",
        }
    };

    /// The request: the room, and why it is reported.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to report.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// Why the room is reported; may be empty, but is always sent.
        pub reason: String,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A report of this room for this reason.
        pub fn new(room_id: OwnedRoomId, reason: String) -> Self {
            Request { room_id, reason }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
