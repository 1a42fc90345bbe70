//! The first generation of the content repository, under `/_matrix/media`: uploads, and the
//! unauthenticated downloads and thumbnails that Matrix v1.11 deprecated for
//! [`authenticated_media`](crate::authenticated_media).

pub mod get_content;
pub mod get_content_as_filename;
pub mod get_content_thumbnail;
