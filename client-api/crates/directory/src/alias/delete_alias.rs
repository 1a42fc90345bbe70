//! `DELETE /_matrix/client/*/directory/room/{roomAlias}`: remove a room alias.
//!
//! Servers may restrict who can remove an alias, for instance to its creator or the server's
//! administrators, and may also drop it from the room's `m.room.canonical_alias` event. An
//! unknown alias gets `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3directoryroomroomalias>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomAliasId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/directory/room/{room_alias}",
            1.1 => "/_matrix/client/v3/directory/room/{room_alias}",
        }
    };

    /// The request: the alias to remove. No body is sent, as the specification's operation has
    /// none.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The alias; percent-encoded in the path, as its `#` and `:` must be.
        #[api(path)]
        pub room_alias: OwnedRoomAliasId,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request removing this alias.
        pub fn new(room_alias: OwnedRoomAliasId) -> Self {
            Request { room_alias }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
