//! The `rooms` of a sync response: one entry per room, by the user's membership.

use std::collections::BTreeMap;

use matrix_api::UInt;
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::{OwnedEventId, OwnedRoomId, OwnedUserId};
use serde::{Deserialize, Serialize};

use super::EventBatch;

/// The rooms with updates, by the user's membership.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Rooms {
    /// Rooms the user has joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<BTreeMap<OwnedRoomId, JoinedRoom>>,
    /// Rooms the user is invited to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite: Option<BTreeMap<OwnedRoomId, InvitedRoom>>,
    /// Rooms the user has left or was banned from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave: Option<BTreeMap<OwnedRoomId, LeftRoom>>,
    /// Rooms the user has knocked on (Matrix v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knock: Option<BTreeMap<OwnedRoomId, KnockedRoom>>,
}

/// A joined room's updates.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct JoinedRoom {
    /// What a client needs to name the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<RoomSummary>,
    /// State changes up to the start of the timeline; absent when the request set
    /// `use_state_after`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<EventBatch>,
    /// State changes up to the end of the timeline, when the request set `use_state_after`
    /// (Matrix v1.16). When present, even empty, it is the only source of state: the
    /// timeline's state events are not applied on top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_after: Option<EventBatch>,
    /// The room's new messages and state events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    /// Typing notifications and receipts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<EventBatch>,
    /// The user's account data for this room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_data: Option<EventBatch>,
    /// Unread notification counts (of the main timeline only, when the filter asked for
    /// per-thread counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread_notifications: Option<UnreadNotificationsCount>,
    /// Unread notification counts per thread, by thread root, when the filter asked for them
    /// (Matrix v1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread_thread_notifications: Option<BTreeMap<OwnedEventId, UnreadNotificationsCount>>,
}

/// A room the user is invited to.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct InvitedRoom {
    /// The stripped state the inviter shared, to show the invitation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_state: Option<EventBatch>,
}

/// A room the user has knocked on.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KnockedRoom {
    /// The stripped state of the room, to show the knock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knock_state: Option<EventBatch>,
}

/// A room the user has left or was banned from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LeftRoom {
    /// State changes up to the start of the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<EventBatch>,
    /// State changes up to the end of the timeline, when the request set `use_state_after`
    /// (Matrix v1.16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_after: Option<EventBatch>,
    /// The timeline up to the user's leaving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    /// The user's account data for this room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_data: Option<EventBatch>,
}

/// A room's timeline in a sync.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// Whether the filter's `limit` cut the events short: there is a gap before them, to fill
    /// from `prev_batch` with `/messages`. Written only when `true`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub limited: bool,
    /// The token for `/messages` to get the events before these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev_batch: Option<String>,
    /// The events, oldest first.
    pub events: Vec<Raw<JsonObject>>,
}

impl Timeline {
    /// A timeline of these events, not limited.
    pub fn new(events: Vec<Raw<JsonObject>>) -> Self {
        Timeline {
            limited: false,
            prev_batch: None,
            events,
        }
    }
}

/// What a client needs to name a room without its full state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSummary {
    /// Members to name the room after when it has no name or canonical alias.
    #[serde(rename = "m.heroes", default, skip_serializing_if = "Option::is_none")]
    pub heroes: Option<Vec<OwnedUserId>>,
    /// The number of joined members, the user included; absent when unchanged.
    #[serde(
        rename = "m.joined_member_count",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub joined_member_count: Option<UInt>,
    /// The number of invited members; absent when unchanged.
    #[serde(
        rename = "m.invited_member_count",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invited_member_count: Option<UInt>,
}

/// Counts of unread notifications, of a room or of one thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadNotificationsCount {
    /// Unread notifications with the highlight flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight_count: Option<UInt>,
    /// All unread notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_count: Option<UInt>,
}
