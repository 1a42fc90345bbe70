//! The authenticated content repository of Matrix v1.11 (MSC3916), under
//! `/_matrix/client/v1/media`: downloads, thumbnails, URL previews and configuration that need an
//! access token, replacing those of [`media`](crate::media).

pub mod get_content;
pub mod get_content_as_filename;
pub mod get_content_thumbnail;
pub mod get_media_config;
pub mod get_media_preview;
