//! `GET /_matrix/client/*/joined_rooms`: the rooms the user is joined to.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3joined_rooms>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/joined_rooms",
            1.1 => "/_matrix/client/v3/joined_rooms",
        }
    };

    /// The request: it has no parameters; the access token says whose rooms.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the joined rooms.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Every room in which the user's membership is `join`.
        pub joined_rooms: Vec<OwnedRoomId>,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these rooms.
        pub fn new(joined_rooms: Vec<OwnedRoomId>) -> Self {
            Response { joined_rooms }
        }
    }
}
