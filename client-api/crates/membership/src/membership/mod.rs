//! Joining, leaving, inviting, kicking and banning, and listing the members of rooms.

pub mod ban_user;
pub mod forget_room;
pub mod get_member_events;
pub mod invite_user;
pub mod join_room_by_id;
pub mod join_room_by_id_or_alias;
pub mod joined_members;
pub mod joined_rooms;
pub mod kick_user;
pub mod leave_room;
pub mod mutual_rooms;
pub mod unban_user;

use std::collections::BTreeMap;

use ruma_common::{OwnedServerName, OwnedUserId};
use serde::{Deserialize, Serialize};

/// Proof that the joining user owns a third-party identifier that was invited to the room: the
/// identity server's signature over the invite's token, sent when joining.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThirdPartySigned {
    /// The user who sent the third-party invite.
    pub sender: OwnedUserId,
    /// The invitee: the user joining.
    pub mxid: OwnedUserId,
    /// The state key of the room's `m.room.third_party_invite` event.
    pub token: String,
    /// The identity server's signatures of this object, by server name and key ID.
    pub signatures: BTreeMap<OwnedServerName, BTreeMap<String, String>>,
}

impl ThirdPartySigned {
    /// The proof with these parts.
    pub fn new(
        sender: OwnedUserId,
        mxid: OwnedUserId,
        token: String,
        signatures: BTreeMap<OwnedServerName, BTreeMap<String, String>>,
    ) -> Self {
        ThirdPartySigned {
            sender,
            mxid,
            token,
            signatures,
        }
    }
}

/// The servers to join or knock through, as a server reads a request: `via`, or else
/// `server_name`, the list's name before Matrix v1.12.
pub(crate) fn servers_read<'a>(
    via: &'a [OwnedServerName],
    server_name: &'a [OwnedServerName],
) -> &'a [OwnedServerName] {
    if via.is_empty() {
        server_name
    } else {
        via
    }
}
