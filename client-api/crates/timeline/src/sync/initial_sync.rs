//! `GET /_matrix/client/*/initialSync`: the full state of the user's rooms with their latest
//! messages, in one answer. Deprecated since r0: an initial `/sync` (without `since`)
//! replaces it.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3initialsync>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::serde::{is_default, JsonObject, Raw};
    use ruma_common::OwnedRoomId;
    use serde::{Deserialize, Serialize};

    /// Whether `/publicRooms` lists a room.
    pub use crate::directory::Visibility;
    /// The user's membership of a room, as `/members` filters by it.
    pub use crate::membership::get_member_events::v3::MembershipKind as Membership;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/initialSync",
            1.0 => deprecated,
            1.1 => "/_matrix/client/v3/initialSync",
        }
    };

    /// The request: how many messages per room, and whether to include rooms left.
    #[request]
    #[derive(Default, PartialEq, Eq)]
    pub struct Request {
        /// The largest number of messages to return for each room.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Include the rooms the user has left.
        #[api(query)]
        #[serde(default, skip_serializing_if = "is_default")]
        pub archived: bool,
    }

    /// The response: the user's rooms, presence and account data.
    #[response]
    pub struct Response {
        /// The token to stream from with `GET /events`.
        pub end: String,
        /// Presence events.
        pub presence: Vec<Raw<JsonObject>>,
        /// The user's rooms.
        pub rooms: Vec<RoomInfo>,
        /// The user's global account data.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub account_data: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request with the server's defaults.
        pub fn new() -> Self {
            Self::default()
        }
    }

    impl Response {
        /// A response with these rooms and presence.
        pub fn new(end: String, presence: Vec<Raw<JsonObject>>, rooms: Vec<RoomInfo>) -> Self {
            Response {
                end,
                presence,
                rooms,
                account_data: Vec::new(),
            }
        }
    }

    /// One room of an initial sync.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct RoomInfo {
        /// The room.
        pub room_id: OwnedRoomId,
        /// The user's membership.
        pub membership: Membership,
        /// The invite event, when the user is invited.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub invite: Option<Raw<JsonObject>>,
        /// The latest messages (those before leaving, for a room left).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub messages: Option<PaginationChunk>,
        /// The current state (at leaving, for a room left).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub state: Vec<Raw<JsonObject>>,
        /// Whether `/publicRooms` lists the room.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visibility: Option<Visibility>,
        /// The user's account data for the room.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub account_data: Vec<Raw<JsonObject>>,
    }

    impl RoomInfo {
        /// A room with this membership and nothing else.
        pub fn new(room_id: OwnedRoomId, membership: Membership) -> Self {
            RoomInfo {
                room_id,
                membership,
                invite: None,
                messages: None,
                state: Vec::new(),
                visibility: None,
                account_data: Vec::new(),
            }
        }
    }

    /// A room's latest messages, with the tokens around them for `/messages`.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct PaginationChunk {
        /// The token of the start of `chunk`; `None` when there are no earlier events.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        /// The token of the end of `chunk`.
        pub end: String,
        /// The messages, oldest first.
        pub chunk: Vec<Raw<JsonObject>>,
    }
}
