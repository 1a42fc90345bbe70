//! Knocking: asking to join a room whose join rule is `knock`.

pub mod knock_room;
