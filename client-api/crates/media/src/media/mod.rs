//! The first generation of the content repository, under `/_matrix/media`: uploads (also
//! asynchronous ones, Matrix v1.7), and the unauthenticated downloads, thumbnails, configuration
//! and URL previews that Matrix v1.11 deprecated for
//! [`authenticated_media`](crate::authenticated_media).

pub mod create_content;
pub mod create_content_async;
pub mod create_mxc_uri;
pub mod get_content;
pub mod get_content_as_filename;
pub mod get_content_thumbnail;
pub mod get_media_config;
pub mod get_media_preview;
mod responses;

pub use responses::{MediaConfig, UrlPreview};
