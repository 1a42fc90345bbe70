//! The published room directory: which rooms a server lists, and the list itself.
//!
//! The types shared by the endpoints of the directory are here: a room's [`Visibility`] in
//! it (also used by [`appservice::set_room_visibility`](crate::appservice::set_room_visibility)),
//! one room of a listing ([`PublicRoomsChunk`]) and the search [`Filter`].

pub mod get_public_rooms;
pub mod get_public_rooms_filtered;
pub mod get_room_visibility;
pub mod set_room_visibility;

use matrix_api::UInt;
use ruma_common::room::{JoinRuleKind, RoomType};
use ruma_common::{OwnedMxcUri, OwnedRoomAliasId, OwnedRoomId};
use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

string_enum! {
    /// Whether a room is listed in a published room directory.
    pub enum Visibility {
        /// Listed: anyone can find the room in the directory.
        Public => "public",
        /// Not listed.
        Private => "private",
    }
}

/// One room of a directory listing (`PublishedRoomsChunk` in the specification).
///
/// Declared here rather than taken from `ruma_common::directory::PublicRoomsChunk`, which
/// leaves out a `join_rule` of `public` when it writes a chunk, so that a listing read and sent
/// on is not the one the server sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicRoomsChunk {
    /// The room's canonical alias, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_alias: Option<OwnedRoomAliasId>,
    /// The room's name, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many members have joined the room.
    pub num_joined_members: UInt,
    /// The room.
    pub room_id: OwnedRoomId,
    /// The room's topic as plain text; absent when its `m.room.topic` has no `text/plain`
    /// form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Whether users who have not joined may read the room.
    pub world_readable: bool,
    /// Whether guests may join the room.
    pub guest_can_join: bool,
    /// The room's avatar, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<OwnedMxcUri>,
    /// The room's join rule as the server sent it; absent means `public` (see
    /// [`join_rule_or_public`](Self::join_rule_or_public)). Kept apart from that default so an
    /// explicit `public` is written back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_rule: Option<JoinRuleKind>,
    /// The room's type from its `m.room.create` event, such as `m.space` (since Matrix v1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_type: Option<RoomType>,
}

impl PublicRoomsChunk {
    /// A chunk with the required fields, the others absent.
    pub fn new(
        room_id: OwnedRoomId,
        num_joined_members: UInt,
        world_readable: bool,
        guest_can_join: bool,
    ) -> Self {
        PublicRoomsChunk {
            canonical_alias: None,
            name: None,
            num_joined_members,
            room_id,
            topic: None,
            world_readable,
            guest_can_join,
            avatar_url: None,
            join_rule: None,
            room_type: None,
        }
    }

    /// The room's join rule, with the specification's default of `public` when the server
    /// sent none.
    pub fn join_rule_or_public(&self) -> JoinRuleKind {
        self.join_rule.clone().unwrap_or(JoinRuleKind::Public)
    }
}

/// What to search the directory for (`POST /publicRooms`' `filter`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Text to look for in the rooms' name, topic, canonical alias and the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generic_search_term: Option<String>,
    /// The room types to list (since Matrix v1.4): `None` in the list stands for rooms without
    /// a type (`null` on the wire). When absent, rooms of every type are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_types: Option<Vec<Option<RoomType>>>,
}

impl Filter {
    /// A filter that keeps every room.
    pub fn new() -> Self {
        Filter::default()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Filter, PublicRoomsChunk, Visibility};
    use ruma_common::room::{JoinRuleKind, RoomType};

    #[test]
    fn a_chunk_keeps_an_explicit_public_join_rule_and_defaults_an_absent_one() {
        let sent = json!({
            "room_id": "!ol19s:bleecker.street",
            "num_joined_members": 37,
            "world_readable": true,
            "guest_can_join": false,
            "join_rule": "public",
            "room_type": "m.space",
        });
        let chunk: PublicRoomsChunk = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(chunk.room_type, Some(RoomType::Space));
        assert_eq!(serde_json::to_value(&chunk).unwrap(), sent);

        let bare = json!({
            "room_id": "!r:example.org",
            "num_joined_members": 0,
            "world_readable": false,
            "guest_can_join": false,
        });
        let chunk: PublicRoomsChunk = serde_json::from_value(bare.clone()).unwrap();
        assert_eq!(chunk.join_rule, None);
        assert_eq!(chunk.join_rule_or_public(), JoinRuleKind::Public);
        assert_eq!(serde_json::to_value(&chunk).unwrap(), bare);

        let err = serde_json::from_value::<PublicRoomsChunk>(json!({ "room_id": "!r:e.org" }))
            .unwrap_err();
        assert!(err.to_string().contains("num_joined_members"), "{err}");
    }

    #[test]
    fn a_filter_tells_rooms_without_a_type_from_no_room_types() {
        let sent = json!({ "room_types": [null, "m.space", "org.example.custom"] });
        let filter: Filter = serde_json::from_value(sent.clone()).unwrap();
        let types = filter.room_types.as_deref().unwrap();
        assert_eq!(types[..2], [None, Some(RoomType::Space)]);
        assert_eq!(types[2].as_ref().unwrap().as_str(), "org.example.custom");
        assert_eq!(serde_json::to_value(&filter).unwrap(), sent);
        assert_eq!(serde_json::to_value(Filter::new()).unwrap(), json!({}));
        let empty: Filter = serde_json::from_value(json!({ "room_types": [] })).unwrap();
        assert_eq!(empty.room_types, Some(vec![]));
    }

    #[test]
    fn visibility_is_an_open_string() {
        let values: Vec<Visibility> =
            serde_json::from_value(json!(["public", "private", "org.example.unlisted"])).unwrap();
        assert_eq!(values[..2], [Visibility::Public, Visibility::Private]);
        assert_eq!(values[2].as_str(), "org.example.unlisted");
    }
}
