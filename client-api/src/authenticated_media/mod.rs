//! The authenticated content repository under `/_matrix/client/v1/media` (Matrix v1.11,
//! MSC3916), which replaces the legacy download, thumbnail, configuration and preview endpoints.

pub mod get_media_config;
pub mod get_media_preview;
