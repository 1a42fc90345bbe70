//! What the macros expand to when a declaration does not compile: stand-ins that type-check, so
//! that rustc reports the one mistake and nothing that follows from it. None of it reaches run
//! time, as such a crate does not build.

use http::Method;

use crate::history::{Placeholder, VersionHistory};
use crate::{AuthScheme, Metadata};

/// What `metadata!` expands to, after its `compile_error!`s, when the declaration is wrong: a
/// valid `Metadata` so that the `const` it initialises type-checks, with a history that the
/// compile-time checks of `#[request]` skip.
pub const INVALID_METADATA: Metadata = Metadata {
    method: Method::GET,
    rate_limited: false,
    authentication: AuthScheme::None,
    history: VersionHistory::placeholder(Placeholder::Invalid),
    capability: None,
    optional_last_segment: false,
    legacy: None,
};

/// Glob-imported by `#[request]` next to the struct. An item or named import called
/// `METADATA` in the endpoint's module shadows the glob; when there is none, this stand-in is
/// found instead of rustc's "cannot find value" at every use, and the request's
/// `metadata_declared` check reports the omission once, on the struct's name.
pub mod undeclared {
    use super::*;

    /// The stand-in for an endpoint's missing `METADATA`.
    pub const METADATA: Metadata = Metadata {
        method: Method::GET,
        rate_limited: false,
        authentication: AuthScheme::None,
        history: VersionHistory::placeholder(Placeholder::Undeclared),
        capability: None,
        optional_last_segment: false,
        legacy: None,
    };
}

/// The body of the trait impls `#[request]` and `#[response]` emit next to a declaration with
/// errors, so that code using the type reports nothing more; never called, as the build fails.
#[cold]
pub fn declaration_has_errors() -> ! {
    unreachable!("the endpoint declaration has compile errors")
}
