//! Part of [matrix-client-api](https://docs.rs/matrix-client-api), which re-exports it: the
//! endpoints of filters, messages, context, search, sync and send-to-device.
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
        feature = "context",
        feature = "filter",
        feature = "message",
        feature = "search",
        feature = "sync",
        feature = "to_device"
    )),
    allow(dead_code, unused_imports)
)]

// The shared helpers the groups' code names as `crate::…`.
use matrix_client_api_common::{raw_object, string_enum};
#[cfg(feature = "sync")]
use matrix_client_api_directory::directory;
#[cfg(feature = "sync")]
use matrix_client_api_membership::membership;

#[cfg(feature = "context")]
pub mod context;
#[cfg(feature = "filter")]
pub mod filter;
#[cfg(feature = "message")]
pub mod message;
#[cfg(feature = "search")]
pub mod search;
#[cfg(feature = "sync")]
pub mod sync;
#[cfg(feature = "to_device")]
pub mod to_device;
