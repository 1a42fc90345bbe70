//! `GET /_matrix/client/*/rooms/{roomId}/relations/{eventId}/{relType}/{eventType}`: the events
//! that relate to an event by one relation type and have one event type, newest first.
//!
//! In encrypted rooms the event type is that of the encrypted envelope, `m.room.encrypted`,
//! whatever it holds. The same pagination as
//! [`get_relating_events`](super::get_relating_events), whose [`Response`](v1::Response) it
//! shares. Before Matrix v1.3 servers served it under `/_matrix/client/unstable/`, with no
//! feature flag.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1roomsroomidrelationseventidreltypeeventtype>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.3).

    use matrix_api::UInt;
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, Metadata};
    use matrix_client_api_common::Direction;

    pub use crate::relations::get_relating_events::v1::Response;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/rooms/{room_id}/relations/{event_id}/{rel_type}/{event_type}",
            1.3 => "/_matrix/client/v1/rooms/{room_id}/relations/{event_id}/{rel_type}/{event_type}",
        }
    };

    /// The request: the parent event, the relation and event types, and where to paginate.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room of the parent event.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The parent event.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// The relation type, such as `m.annotation`.
        #[api(path)]
        pub rel_type: String,
        /// The child events' type, such as `m.reaction`.
        #[api(path)]
        pub event_type: String,
        /// Where to start: a `next_batch` or `prev_batch` of an earlier page, a `start` of
        /// `/messages` or a `next_batch` of `/sync`; absent, the newest event.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// Where to stop, a token of the same kinds; absent, at `limit` or the end.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to: Option<String>,
        /// The most events of one page; the server applies its own default and maximum.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Which way to paginate (since Matrix v1.4); backwards, the default, is not sent.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub dir: Direction,
        /// Whether to include events that relate only indirectly (since Matrix v1.10);
        /// `false`, the default, is not sent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub recurse: bool,
    }

    impl Request {
        /// The first page of events of this type relating to this event by this type.
        pub fn new(
            room_id: OwnedRoomId,
            event_id: OwnedEventId,
            rel_type: String,
            event_type: String,
        ) -> Self {
            Request {
                room_id,
                event_id,
                rel_type,
                event_type,
                from: None,
                to: None,
                limit: None,
                dir: Direction::Backward,
                recurse: false,
            }
        }
    }
}
