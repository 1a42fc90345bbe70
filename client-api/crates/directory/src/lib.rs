//! Part of [matrix-client-api](https://docs.rs/matrix-client-api), which re-exports it: the
//! endpoints of room aliases, the room directory, application-service endpoints, account data
//! and tags.
//!
//! The Client-Server API is split into crates of a few endpoint groups each, so that editing
//! one endpoint rebuilds its part and not the whole API; use it through `matrix-client-api`,
//! whose module paths and features are the same.
//!
//! No group is on by default: its tests need its groups' features (`cargo test -p <this crate>
//! --all-features`), which the workspace's `cargo test` turns on through matrix-client-api.

#![warn(missing_docs)]
// With a side or some groups left out, helpers only they use are unused.
#![cfg_attr(
    not(all(
        feature = "client",
        feature = "server",
        feature = "alias",
        feature = "appservice",
        feature = "config",
        feature = "directory",
        feature = "tag"
    )),
    allow(dead_code, unused_imports)
)]

// The shared helpers the groups' code names as `crate::…`.
use matrix_client_api_common::{raw_object, string_enum};

#[cfg(feature = "alias")]
pub mod alias;
#[cfg(feature = "appservice")]
pub mod appservice;
#[cfg(feature = "config")]
pub mod config;
#[cfg(feature = "directory")]
pub mod directory;
#[cfg(feature = "tag")]
pub mod tag;
