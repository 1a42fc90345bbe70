// Every form a `history` arm can take, and `metadata!` in every place a constant can be.
use matrix_api::{metadata, MatrixVersion, Metadata, StablePathSelector};

/// `unstable`, `unstable("FEATURE")`, `1.N`, `1.N | stable("FEATURE")`, `deprecated`, `removed`.
pub const EVERY_FORM: Metadata = metadata! {
    method: PUT,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        unstable => "/_matrix/client/unstable/rooms/{room_id}/thing",
        unstable("org.matrix.msc1234") => "/_matrix/client/unstable/org.matrix.msc1234/rooms/{room_id}/thing",
        1.0 => "/_matrix/client/r0/rooms/{room_id}/thing",
        1.1 => "/_matrix/client/v3/rooms/{room_id}/thing",
        1.10 | stable("org.matrix.msc1234.stable") => "/_matrix/client/v4/rooms/{room_id}/thing",
        1.12 => deprecated,
        1.13 => removed,
    }
};

/// A stable path announced by a feature flag only, then a version.
pub const FEATURE_ONLY: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessTokenOptional,
    history: {
        stable("org.matrix.simplified_msc3575") => "/_matrix/client/unstable/sync",
        1.19 => "/_matrix/client/v5/sync",
    }
};

/// Only unstable paths: an endpoint still under review.
pub const UNSTABLE_ONLY: Metadata = metadata! {
    method: DELETE,
    rate_limited: false,
    authentication: AppserviceToken,
    history: {
        unstable("org.matrix.msc4000") => "/_matrix/client/unstable/org.matrix.msc4000/{a}/{b}",
    },
};

/// Deprecated but never removed, with a trailing comma after every entry.
pub const DEPRECATED: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: AppserviceTokenOptional,
    history: {
        1.0 => "/_matrix/client/r0/old",
        1.11 => deprecated,
    },
};

fn main() {
    assert_eq!(EVERY_FORM.history.all_paths().count(), 5);
    assert_eq!(EVERY_FORM.history.removed_in(), Some(MatrixVersion::V1_13));
    assert_eq!(
        FEATURE_ONLY.history.stable_paths()[0].selector,
        StablePathSelector::Feature("org.matrix.simplified_msc3575"),
    );
    assert_eq!(UNSTABLE_ONLY.history.stable_paths().len(), 0);
    assert_eq!(
        DEPRECATED.history.deprecated_in(),
        Some(MatrixVersion::V1_11)
    );
    // An expression like any other.
    let local = metadata! { method: GET, rate_limited: false, authentication: None, path: "/x" };
    assert_eq!(local.history.unversioned_path(), Some("/x"));
}
