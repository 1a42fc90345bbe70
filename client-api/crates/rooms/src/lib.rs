//! Part of [matrix-client-api](https://docs.rs/matrix-client-api), which re-exports it: the
//! endpoints of rooms, their state, redactions, reports, threads and relations.
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
        feature = "redact",
        feature = "relations",
        feature = "reporting",
        feature = "room",
        feature = "state",
        feature = "threads"
    )),
    allow(dead_code, unused_imports)
)]

// The shared helpers the groups' code names as `crate::…`.
use matrix_client_api_common::{raw_object, string_enum};
#[cfg(feature = "room")]
use matrix_client_api_directory::directory;
#[cfg(feature = "room")]
use matrix_client_api_membership::membership;

#[cfg(feature = "redact")]
pub mod redact;
#[cfg(feature = "relations")]
pub mod relations;
#[cfg(feature = "reporting")]
pub mod reporting;
#[cfg(feature = "room")]
pub mod room;
#[cfg(feature = "state")]
pub mod state;
#[cfg(feature = "threads")]
pub mod threads;
