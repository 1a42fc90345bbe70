//! Spaces: rooms that group other rooms.

pub mod get_hierarchy;
