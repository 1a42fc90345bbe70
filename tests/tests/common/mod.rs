//! Helpers shared by the integration tests: servers of each generation and JSON bodies.

// Each test file is its own crate and uses a subset of these.
#![allow(dead_code)]

use std::collections::BTreeMap;

use matrix_api::SupportedVersions;
use serde_json::Value;

/// The base URL the client tests send to.
pub const HS: &str = "https://matrix.example.org";

/// A server announcing these `/versions` strings and feature flags.
pub fn announcing(versions: &[&str], features: &[(&str, bool)]) -> SupportedVersions {
    let features: BTreeMap<String, bool> = features
        .iter()
        .map(|(name, on)| ((*name).to_owned(), *on))
        .collect();
    SupportedVersions::from_parts(versions, &features)
}

/// A server of the r0 generation only.
pub fn r0_only() -> SupportedVersions {
    announcing(&["r0.6.1"], &[])
}

/// A server of v1.1, the first `v3` paths.
pub fn v1_1() -> SupportedVersions {
    announcing(&["v1.1"], &[])
}

/// A server of v1.7, the first with the stable `login/get_token`.
pub fn v1_7() -> SupportedVersions {
    announcing(&["v1.7"], &[])
}

/// A body as a JSON value, for comparisons that ignore key order and spacing.
pub fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("body is JSON")
}
