//! The events around one event of a room.

pub mod get_context;
