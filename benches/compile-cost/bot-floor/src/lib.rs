//! The dependencies both bots share, and nothing else: the time below which neither bot can
//! build (see ../README.md).

use ruma_common::OwnedRoomId;

/// Reads a room ID from a JSON string and puts it in a request's path.
pub fn room_path(json: &str) -> Result<http::Uri, Box<dyn std::error::Error>> {
    let room_id: OwnedRoomId = serde_json::from_str(json)?;
    Ok(format!("/_matrix/client/v3/rooms/{room_id}/joined_members").parse()?)
}
