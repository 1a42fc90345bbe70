//! What a homeserver supports.

pub mod get_capabilities;
pub mod get_supported_versions;
