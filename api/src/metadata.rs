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
    /// Whether the last path parameter may be empty, and its segment is then left out: the
    /// specification's "if the state key is empty, the trailing slash is optional". The client
    /// sends `…/state/{event_type}` for an empty state key; a server reads
    /// `…/state/{event_type}`, `…/state/{event_type}/` and `…/state/{event_type}/{state_key}` as
    /// one endpoint ([`Metadata::server_paths`]). `metadata!` accepts it only when every path
    /// ends in a parameter.
    pub optional_last_segment: bool,
    /// The endpoint this one replaced, whose paths a client falls back to on a server that has
    /// none of this endpoint's own: the authenticated media download
    /// (`/_matrix/client/v1/media/download/…`, v1.11) names the unauthenticated one
    /// (`/_matrix/media/v3/download/…`), so one request type reaches a v1.5 server and a
    /// v1.11 server alike. `metadata!` checks that both have the same method and the same
    /// path parameters; a request sent on one of the replaced endpoint's paths authenticates
    /// as that endpoint does. Its own `legacy` is not followed. A server routes the replaced
    /// endpoint as an endpoint of its own.
    pub legacy: Option<&'static Metadata>,
}

/// `path` without its last segment, with and without the slash before it.
pub(crate) fn short_forms(path: &'static str) -> [&'static str; 2] {
    let slash = path.rfind('/').unwrap_or(0);
    [&path[..slash], &path[..=slash]]
}

impl Metadata {
    /// Whether requests with this method carry no body (`GET` and `HEAD`).
    pub const fn method_has_no_body(&self) -> bool {
        matches!(self.method, Method::GET | Method::HEAD)
    }

    /// Every path a server routes to this endpoint: each path of its history, and with
    /// [`optional_last_segment`](Metadata::optional_last_segment) also each one without its last
    /// segment, with and without the slash before it (`…/state/{event_type}` and
    /// `…/state/{event_type}/`), so that an empty last parameter reaches the same handler.
    pub fn server_paths(&self) -> impl Iterator<Item = &'static str> + '_ {
        let optional = self.optional_last_segment;
        self.history.all_paths().flat_map(move |path| {
            let short = optional.then(|| short_forms(path)).into_iter().flatten();
            std::iter::once(path).chain(short)
        })
    }

    /// Every path a client may send this endpoint's request on: its own history's, then the
    /// [replaced endpoint's](Metadata::legacy).
    pub fn client_paths(&self) -> impl Iterator<Item = &'static str> + Clone + '_ {
        let legacy = self.legacy.map(|legacy| legacy.history.all_paths());
        self.history.all_paths().chain(legacy.into_iter().flatten())
    }

    /// The template `path` stands for, and the endpoint whose history has it (this one, or the
    /// replaced one, whose authentication then applies). A path chosen by selection is the
    /// history's own string, found by address before any comparison.
    pub(crate) fn owner_of(&self, path: &str) -> Option<(&'static str, &Metadata)> {
        let same = |known: &&'static str| {
            std::ptr::eq(known.as_ptr(), path.as_ptr()) && known.len() == path.len()
        };
        let legacy = self.legacy.into_iter();
        let endpoints = || std::iter::once(self).chain(legacy.clone());
        endpoints()
            .find_map(|endpoint| Some((endpoint.history.entries().find(same)?, endpoint)))
            .or_else(|| {
                endpoints().find_map(|endpoint| {
                    Some((
                        endpoint.history.entries().find(|known| *known == path)?,
                        endpoint,
                    ))
                })
            })
    }

    /// A short name for messages: the method and the newest path.
    pub fn describe(&self) -> String {
        format!("{} {}", self.method, self.history.canonical_path())
    }
}
