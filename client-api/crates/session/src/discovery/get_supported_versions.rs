//! `GET /_matrix/client/versions`: the specification versions and unstable features a
//! homeserver supports.
//!
//! A client calls this first, before it knows anything about the server, and feeds the answer
//! to path selection for every later request: [`Response::supported_versions`] gives the
//! [`SupportedVersions`] that `try_into_http_request` takes. The path therefore cannot depend on
//! a version, and it never has.
//!
//! Since Matrix v1.10 a server may enable some features only for some users, so a logged-in
//! client should send its access token to see all of its own; the endpoint also answers without
//! one.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientversions>

use std::collections::BTreeMap;

use matrix_api::{metadata, request, response, Metadata, SupportedVersions};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: AccessTokenOptional,
    path: "/_matrix/client/versions",
};

/// The request: it has no parameters; only the optional access token changes the answer.
#[request]
#[derive(PartialEq, Eq, Default)]
pub struct Request {}

/// The response: what the server announced, kept exactly as it was sent.
///
/// Both fields stay strings and a map rather than parsed types so that a version this crate
/// does not know (a future `v2.0`) or a feature that is switched off reaches the caller and
/// re-serialises unchanged; [`Response::supported_versions`] does the interpretation.
#[response]
#[derive(PartialEq, Eq)]
pub struct Response {
    /// The supported versions as the server wrote them, such as `r0.6.1` or `v1.7`.
    pub versions: Vec<String>,
    /// Feature flags and whether each is enabled. A missing object reads as empty, which the
    /// specification treats the same as listing nothing; an empty map is still written, so the
    /// server always states its features explicitly.
    #[serde(default, deserialize_with = "matrix_api::json::unique_keys")]
    pub unstable_features: BTreeMap<String, bool>,
}

impl Request {
    /// The request; it has nothing to fill in.
    pub fn new() -> Self {
        Request {}
    }
}

impl Response {
    /// A response announcing these versions and no unstable features.
    pub fn new(versions: Vec<String>) -> Self {
        Response {
            versions,
            unstable_features: BTreeMap::new(),
        }
    }

    /// What path selection needs from this answer: the versions this crate recognises and the
    /// features whose flag is `true`.
    pub fn supported_versions(&self) -> SupportedVersions {
        SupportedVersions::from_parts(&self.versions, &self.unstable_features)
    }
}

impl matrix_api::selection::ServerSignal for Response {
    /// The versions and `unstable_features`, as [`ServerView::learn_versions`] takes them.
    ///
    /// [`ServerView::learn_versions`]: matrix_api::selection::ServerView::learn_versions
    fn teach(&self, view: &mut matrix_api::selection::ServerView) {
        view.learn_versions(&self.versions, &self.unstable_features);
    }
}
