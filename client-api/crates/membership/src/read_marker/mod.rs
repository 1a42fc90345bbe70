//! The fully-read marker: where the user stopped reading a room.

pub mod set_read_marker;
