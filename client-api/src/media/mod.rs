//! The legacy content repository under `/_matrix/media`: uploads, and the configuration and
//! URL previews that the authenticated generation ([`crate::authenticated_media`]) replaces.

pub mod create_content;
pub mod create_content_async;
pub mod create_mxc_uri;
pub mod get_media_config;
pub mod get_media_preview;
mod responses;

pub use responses::{MediaConfig, UrlPreview};
