//! Part of [matrix-client-api](https://docs.rs/matrix-client-api), which re-exports it: the
//! endpoints of push rules, pushers and notifications.
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
    not(all(feature = "client", feature = "server", feature = "push")),
    allow(dead_code, unused_imports)
)]

// The shared helper the groups' code names as `crate::string_enum`.
use matrix_client_api_common::string_enum;

#[cfg(feature = "push")]
pub mod push;
