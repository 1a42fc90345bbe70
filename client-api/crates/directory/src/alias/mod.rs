//! Room aliases: human-readable names such as `#room:example.org` that resolve to a room ID.

pub mod create_alias;
pub mod delete_alias;
pub mod get_alias;
