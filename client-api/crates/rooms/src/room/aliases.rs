//! `GET /_matrix/client/*/rooms/{roomId}/aliases`: the aliases this server holds for a room.
//!
//! Only this server's own aliases, uncurated: the ones the room advertises are in its
//! `m.room.canonical_alias` state. Members of the room may ask, and anyone when the room's
//! history is world-readable; others get `403 M_FORBIDDEN`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidaliases>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 from r0.6.0, before Matrix v1.1).

    use ruma_common::{OwnedRoomAliasId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    // MSC2432 served the list under an unstable prefix until r0.6.0 made it part of the
    // specification.
    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc2432") => "/_matrix/client/unstable/org.matrix.msc2432/rooms/{room_id}/aliases",
            1.0 => "/_matrix/client/r0/rooms/{room_id}/aliases",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/aliases",
        }
    };

    /// The request: the room.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room whose local aliases to list.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: the aliases.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// This server's aliases of the room; possibly none.
        pub aliases: Vec<OwnedRoomAliasId>,
    }

    impl Request {
        /// A request for this room's aliases.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
        }
    }

    impl Response {
        /// The response with these aliases.
        pub fn new(aliases: Vec<OwnedRoomAliasId>) -> Self {
            Response { aliases }
        }
    }
}
