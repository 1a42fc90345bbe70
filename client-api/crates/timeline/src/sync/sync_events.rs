//! `GET /_matrix/client/*/sync`: the client's view of everything, then each change since.
//!
//! The first call (no `since`) returns a snapshot of the user's rooms and data; each later
//! call passes the `next_batch` of the one before and gets what changed, waiting up to
//! `timeout` for something to happen. Events are kept as the server sent them
//! (`Raw<JsonObject>`); typing them is left to an events crate.
//!
//! Each optional object of the response is an `Option`, so that a response reads and writes
//! back as it came: an object that was absent stays absent and one that was present but empty
//! (`"leave": {}`, or a `state_after` with no events, which tells the client something) stays
//! so.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    mod rooms;

    use std::collections::BTreeMap;
    use std::time::Duration;

    use matrix_api::UInt;
    use ruma_common::presence::PresenceState;
    use ruma_common::serde::{is_default, JsonObject, Raw};
    use ruma_common::{OneTimeKeyAlgorithm, OwnedUserId};
    use serde::{Deserialize, Serialize};

    pub use self::rooms::{
        InvitedRoom, JoinedRoom, KnockedRoom, LeftRoom, RoomSummary, Rooms, Timeline,
        UnreadNotificationsCount,
    };
    pub use crate::filter::Filter;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/sync",
            1.1 => "/_matrix/client/v3/sync",
        }
    };

    /// The request: where to continue from, what to include, and how long to wait.
    #[request]
    #[derive(Default, PartialEq, Eq)]
    pub struct Request {
        /// The filter: the ID of an uploaded one, or one inline.
        #[api(query, json = string)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub filter: Option<Filter>,
        /// The `next_batch` of the previous sync; `None` for an initial sync.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub since: Option<String>,
        /// Return the full state of every room, even with `since`.
        #[api(query)]
        #[serde(default, skip_serializing_if = "is_default")]
        pub full_state: bool,
        /// How polling marks the user's presence: online (the default), unavailable, or not
        /// at all (offline).
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "is_default")]
        pub set_presence: PresenceState,
        /// How long to wait for something to return; `None`: the server's default, which is
        /// not to wait.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout: Option<Duration>,
        /// Return room state up to the end of the timeline in `state_after`, rather than up to
        /// its start in `state` (Matrix v1.16, MSC4222).
        #[api(query)]
        #[serde(default, skip_serializing_if = "is_default")]
        pub use_state_after: bool,
    }

    /// The response: everything new since `since`.
    #[response]
    pub struct Response {
        /// The token to pass as `since` to the next sync.
        pub next_batch: String,
        /// Updates to rooms, by the user's membership.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rooms: Option<Rooms>,
        /// Presence updates of other users.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub presence: Option<EventBatch>,
        /// The user's global account data.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub account_data: Option<EventBatch>,
        /// Send-to-device messages for this device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to_device: Option<EventBatch>,
        /// Users whose devices changed, for end-to-end encryption.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_lists: Option<DeviceLists>,
        /// How many one-time keys of each algorithm the server holds for this device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_one_time_keys_count: Option<BTreeMap<OneTimeKeyAlgorithm, UInt>>,
        /// The algorithms of this device's fallback keys that are still unused (Matrix v1.2).
        /// `Some(vec![])` says there are none, and tells the client the server supports them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_unused_fallback_key_types: Option<Vec<OneTimeKeyAlgorithm>>,
    }

    impl Request {
        /// An initial sync with the server's defaults.
        pub fn new() -> Self {
            Self::default()
        }
    }

    impl Response {
        /// A response with nothing new.
        pub fn new(next_batch: String) -> Self {
            Response {
                next_batch,
                rooms: None,
                presence: None,
                account_data: None,
                to_device: None,
                device_lists: None,
                device_one_time_keys_count: None,
                device_unused_fallback_key_types: None,
            }
        }
    }

    /// A list of events: presence, account data, ephemeral events, to-device messages, room
    /// state, or stripped state.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct EventBatch {
        /// The events, as sent.
        #[serde(default)]
        pub events: Vec<Raw<JsonObject>>,
    }

    impl EventBatch {
        /// A batch of these events.
        pub fn new(events: Vec<Raw<JsonObject>>) -> Self {
            EventBatch { events }
        }
    }

    /// The users whose devices changed, for end-to-end encryption.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct DeviceLists {
        /// Users whose devices changed or who now share an encrypted room with the user.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub changed: Option<Vec<OwnedUserId>>,
        /// Users who no longer share an encrypted room with the user.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub left: Option<Vec<OwnedUserId>>,
    }

    #[cfg(test)]
    mod tests;
}
