//! The static description of an endpoint.

use http::Method;

use crate::auth::AuthScheme;
use crate::history::VersionHistory;

/// Everything about an endpoint that is not in its request and response types: the HTTP method,
/// whether it is rate-limited, how it authenticates, and its paths across versions.
///
/// Build it with [`metadata!`](crate::metadata), which checks the declaration at compile time.
#[derive(Clone, Debug)]
pub struct Metadata {
    /// The HTTP method.
    pub method: Method,
    /// Whether the server may answer `429 M_LIMIT_EXCEEDED`.
    pub rate_limited: bool,
    /// What credentials the endpoint requires.
    pub authentication: AuthScheme,
    /// The endpoint's paths across specification versions.
    pub history: VersionHistory,
    /// The capability of `GET /capabilities` that says whether the server offers the endpoint
    /// to this user, such as `m.get_login_token`; path selection refuses a stable path when the
    /// server lists it disabled or leaves it out (see [`Metadata::decide`]).
    pub capability: Option<&'static str>,
}

impl Metadata {
    /// Whether requests with this method carry no body (`GET` and `HEAD`).
    pub const fn method_has_no_body(&self) -> bool {
        matches!(self.method, Method::GET | Method::HEAD)
    }

    /// A short name for messages: the method and the newest path.
    pub fn describe(&self) -> String {
        format!("{} {}", self.method, self.history.canonical_path())
    }
}
