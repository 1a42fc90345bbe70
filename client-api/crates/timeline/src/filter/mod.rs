//! Filters: which events `/sync`, `/messages`, `/context` and `/search` return, uploaded once
//! with [`create_filter`] and named by ID, or sent inline as JSON.
//!
//! The types here are the specification's `Filter` ([`FilterDefinition`]), `RoomFilter`,
//! `RoomEventFilter` and `EventFilter`. A list that is absent means "no restriction" while an
//! empty list means "nothing matches", so the lists that include (`types`, `senders`, `rooms`,
//! `event_fields`) are `Option`s; the lists that exclude mean the same absent or empty and are
//! plain `Vec`s, left out when empty.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#filtering>

pub mod create_filter;
pub mod get_filter;
mod inline;

use matrix_api::UInt;
use ruma_common::serde::is_default;
use ruma_common::{OwnedRoomId, OwnedUserId};
use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

pub use inline::Filter;

string_enum! {
    /// The `event_format` of a filter: how the server writes the events it returns.
    pub enum EventFormat {
        /// As clients see them (the default).
        Client => "client",
        /// As received over federation.
        Federation => "federation",
    }
}

/// `EventFilter`: the events of one kind (presence, account data) to include.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    /// The largest number of events to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<UInt>,
    /// Senders to exclude, even if `senders` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_senders: Vec<OwnedUserId>,
    /// Event types to exclude (`*` is a wildcard), even if `types` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_types: Vec<String>,
    /// Senders to include; `None`: every sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders: Option<Vec<OwnedUserId>>,
    /// Event types to include (`*` is a wildcard); `None`: every type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<String>>,
}

impl EventFilter {
    /// A filter that lets every event through.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the filter restricts nothing, so that it can be left out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `RoomEventFilter`: the events of a room to include, for the parts of `/sync` and for
/// `/messages`, `/context` and `/search`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomEventFilter {
    /// The largest number of events to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<UInt>,
    /// Senders to exclude, even if `senders` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_senders: Vec<OwnedUserId>,
    /// Event types to exclude (`*` is a wildcard), even if `types` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_types: Vec<String>,
    /// Senders to include; `None`: every sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders: Option<Vec<OwnedUserId>>,
    /// Event types to include (`*` is a wildcard); `None`: every type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<String>>,
    /// Rooms to exclude, even if `rooms` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_rooms: Vec<OwnedRoomId>,
    /// Rooms to include; `None`: every room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rooms: Option<Vec<OwnedRoomId>>,
    /// `Some(true)`: only events whose content has a `url`; `Some(false)`: only those
    /// without; `None`: either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains_url: Option<bool>,
    /// Lazy-load room members: only the membership events the returned events need.
    #[serde(default, skip_serializing_if = "is_default")]
    pub lazy_load_members: bool,
    /// With `lazy_load_members`, send membership events the client already has too.
    #[serde(default, skip_serializing_if = "is_default")]
    pub include_redundant_members: bool,
    /// Per-thread notification counts in `/sync` (since Matrix v1.4).
    #[serde(default, skip_serializing_if = "is_default")]
    pub unread_thread_notifications: bool,
}

impl RoomEventFilter {
    /// A filter that lets every event through.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the filter restricts nothing, so that it can be left out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `RoomFilter`: the room data `/sync` returns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomFilter {
    /// Rooms to exclude, even if `rooms` lists them; applied before the other filters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_rooms: Vec<OwnedRoomId>,
    /// Rooms to include; `None`: every room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rooms: Option<Vec<OwnedRoomId>>,
    /// The ephemeral events (typing notifications, receipts) to include.
    #[serde(default, skip_serializing_if = "RoomEventFilter::is_empty")]
    pub ephemeral: RoomEventFilter,
    /// Whether to include the rooms the user has left.
    #[serde(default, skip_serializing_if = "is_default")]
    pub include_leave: bool,
    /// The state events to include.
    #[serde(default, skip_serializing_if = "RoomEventFilter::is_empty")]
    pub state: RoomEventFilter,
    /// The timeline events to include.
    #[serde(default, skip_serializing_if = "RoomEventFilter::is_empty")]
    pub timeline: RoomEventFilter,
    /// The per-room account data to include.
    #[serde(default, skip_serializing_if = "RoomEventFilter::is_empty")]
    pub account_data: RoomEventFilter,
}

impl RoomFilter {
    /// A filter that lets all room data through.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the filter restricts nothing, so that it can be left out.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `Filter`: a whole filter, as uploaded with [`create_filter`] or sent inline to `/sync`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterDefinition {
    /// The event fields to include, as dot-separated paths such as `content.body`; `None`:
    /// every field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_fields: Option<Vec<String>>,
    /// How events are written; absent means [`EventFormat::Client`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_format: Option<EventFormat>,
    /// The presence updates to include.
    #[serde(default, skip_serializing_if = "EventFilter::is_empty")]
    pub presence: EventFilter,
    /// The global account data to include.
    #[serde(default, skip_serializing_if = "EventFilter::is_empty")]
    pub account_data: EventFilter,
    /// The room data to include.
    #[serde(default, skip_serializing_if = "RoomFilter::is_empty")]
    pub room: RoomFilter,
}

impl FilterDefinition {
    /// A filter that lets everything through.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the filter restricts nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn absent_and_empty_include_lists_differ() {
        let none: RoomEventFilter = serde_json::from_value(json!({})).unwrap();
        let empty: RoomEventFilter = serde_json::from_value(json!({ "types": [] })).unwrap();
        assert_eq!(none.types, None);
        assert_eq!(empty.types, Some(vec![]));
        assert_eq!(
            serde_json::to_value(&empty).unwrap(),
            json!({ "types": [] })
        );
        assert!(none.is_empty() && !empty.is_empty());
    }

    #[test]
    fn nested_filters_round_trip() {
        let body = json!({
            "event_format": "federation",
            "room": {
                "include_leave": true,
                "timeline": { "limit": 10, "lazy_load_members": true, "contains_url": false },
            },
            "presence": { "not_senders": ["@spam:example.org"] },
        });
        let filter: FilterDefinition = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(filter.event_format, Some(EventFormat::Federation));
        assert!(filter.room.timeline.lazy_load_members);
        assert_eq!(serde_json::to_value(&filter).unwrap(), body);
    }
}
