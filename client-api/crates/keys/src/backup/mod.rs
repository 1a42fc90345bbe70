//! Server-side key backup: a user's Megolm session keys, encrypted by the client, stored on the
//! homeserver in numbered backup versions so that a new device can read old messages.
//!
//! The types shared by the endpoints are here: [`BackupAlgorithm`], the data of one session's
//! key ([`KeyBackupData`]) and a room's keys ([`RoomKeyBackup`]). The keys endpoints come at
//! three depths, with the same `version` query parameter: every room (`/room_keys/keys`), one
//! room (`/room_keys/keys/{roomId}`) and one session (`/room_keys/keys/{roomId}/{sessionId}`).
//!
//! Before Matrix v1.1 specified them, servers served these endpoints under
//! `/_matrix/client/unstable/room_keys/…` ([MSC1219](https://github.com/matrix-org/matrix-spec-proposals/pull/1219)),
//! without a feature flag; no `r0` release of the specification had them.

pub mod add_backup_keys;
pub mod add_backup_keys_for_room;
pub mod add_backup_keys_for_session;
pub mod create_backup_version;
pub mod delete_backup_keys;
pub mod delete_backup_keys_for_room;
pub mod delete_backup_keys_for_session;
pub mod delete_backup_version;
pub mod get_backup_info;
pub mod get_backup_keys;
pub mod get_backup_keys_for_room;
pub mod get_backup_keys_for_session;
pub mod get_latest_backup_info;
pub mod update_backup_version;

use std::collections::BTreeMap;

use matrix_api::UInt;
use ruma_common::serde::{JsonObject, Raw};
use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

string_enum! {
    /// The algorithm a backup's keys are encrypted with, which also says what its `auth_data`
    /// and each key's `session_data` hold.
    pub enum BackupAlgorithm {
        /// `m.megolm_backup.v1.curve25519-aes-sha2`: keys encrypted to the Curve25519
        /// `public_key` of the backup's `auth_data`.
        MegolmBackupV1Curve25519AesSha2 => "m.megolm_backup.v1.curve25519-aes-sha2",
    }
}

/// The backed-up key of one Megolm session. The server stores and counts it; only
/// `session_data` holds the key itself, encrypted as the backup's algorithm says.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KeyBackupData {
    /// The index of the first message of the session the key can decrypt. Servers keep the
    /// key with the lowest index when two are stored for one session.
    pub first_message_index: UInt,
    /// How many times the key was forwarded between devices before it reached the one that
    /// backed it up.
    pub forwarded_count: UInt,
    /// Whether the device that backed up the key had verified the device the key came from.
    pub is_verified: bool,
    /// The encrypted key, as the backup's algorithm writes it (for
    /// `m.megolm_backup.v1.curve25519-aes-sha2`: `ephemeral`, `ciphertext`, `mac`), kept as
    /// it came.
    pub session_data: Raw<JsonObject>,
}

impl KeyBackupData {
    /// The data of one key.
    pub fn new(
        first_message_index: UInt,
        forwarded_count: UInt,
        is_verified: bool,
        session_data: Raw<JsonObject>,
    ) -> Self {
        KeyBackupData {
            first_message_index,
            forwarded_count,
            is_verified,
            session_data,
        }
    }
}

/// The backed-up keys of one room, by session ID.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct RoomKeyBackup {
    /// The key of each session.
    pub sessions: BTreeMap<String, KeyBackupData>,
}

impl RoomKeyBackup {
    /// A room's keys.
    pub fn new(sessions: BTreeMap<String, KeyBackupData>) -> Self {
        RoomKeyBackup { sessions }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use ruma_common::OwnedRoomId;
    use serde_json::{json, Value};

    use super::{BackupAlgorithm, KeyBackupData, RoomKeyBackup};

    fn spec_room() -> Value {
        json!({
            "sessions": {
                "sessionid1": {
                    "first_message_index": 1,
                    "forwarded_count": 0,
                    "is_verified": true,
                    "session_data": {
                        "ephemeral": "base64+ephemeral+key",
                        "ciphertext": "base64+ciphertext+of+JSON+data",
                        "mac": "base64+mac+of+ciphertext"
                    }
                }
            }
        })
    }

    #[test]
    fn the_specification_examples_round_trip_and_session_data_stays_byte_for_byte() {
        let rooms = json!({ "!room:example.org": spec_room() });
        let read: BTreeMap<OwnedRoomId, RoomKeyBackup> =
            serde_json::from_value(rooms.clone()).unwrap();
        let key = &read[<&ruma_common::RoomId>::try_from("!room:example.org").unwrap()].sessions
            ["sessionid1"];
        assert_eq!(u64::from(key.first_message_index), 1);
        assert!(key.is_verified);
        assert_eq!(serde_json::to_value(&read).unwrap(), rooms);

        let text = r#"{"first_message_index":3,"forwarded_count":1,"is_verified":false,"session_data":{ "z": 1, "a": [2] }}"#;
        let key: KeyBackupData = serde_json::from_str(text).unwrap();
        assert_eq!(key.session_data.json().get(), r#"{ "z": 1, "a": [2] }"#);
        assert_eq!(serde_json::to_string(&key).unwrap(), text);
    }

    #[test]
    fn a_missing_or_wrong_field_is_named() {
        let err = serde_json::from_value::<KeyBackupData>(json!({
            "first_message_index": 1, "forwarded_count": 0, "session_data": {}
        }))
        .unwrap_err();
        assert!(err.to_string().contains("`is_verified`"), "{err}");
        let err = serde_json::from_value::<KeyBackupData>(json!({
            "first_message_index": -1, "forwarded_count": 0, "is_verified": true,
            "session_data": {}
        }))
        .unwrap_err();
        assert!(err.to_string().contains("-1"), "{err}");
        let err = serde_json::from_value::<RoomKeyBackup>(json!({})).unwrap_err();
        assert!(err.to_string().contains("`sessions`"), "{err}");
    }

    #[test]
    fn the_algorithm_is_an_open_string() {
        let known: BackupAlgorithm =
            serde_json::from_str(r#""m.megolm_backup.v1.curve25519-aes-sha2""#).unwrap();
        assert_eq!(known, BackupAlgorithm::MegolmBackupV1Curve25519AesSha2);
        let other: BackupAlgorithm = serde_json::from_str(r#""org.example.v2""#).unwrap();
        assert_eq!(
            serde_json::to_string(&other).unwrap(),
            r#""org.example.v2""#
        );
    }
}
