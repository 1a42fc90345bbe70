//! Choosing the path of an endpoint for a server, from everything the server says about itself,
//! under a policy the caller picks.
//!
//! A [`ServerView`] gathers what a server announces: the versions and `unstable_features` of
//! `/versions`, the capabilities of `/capabilities` and the flags of `GET /login`'s flows.
//! [`Metadata::decide`](crate::Metadata::decide) reads it with a [`Policy`] and returns a
//! [`Decision`]: the path, the rule and signal that chose it, and why every other path was not.
//! [`VersionHistory::select_path`] is the same default rule over a `/versions` answer alone,
//! without the record, for code that only needs the path.
//!
//! ```
//! use matrix_api::selection::{Policy, ServerView, Source};
//! use matrix_api::{metadata, Metadata};
//! use std::collections::BTreeMap;
//!
//! const METADATA: Metadata = metadata! {
//!     method: POST,
//!     rate_limited: true,
//!     authentication: AccessToken,
//!     capability: "m.get_login_token",
//!     history: {
//!         unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/token",
//!         1.7 => "/_matrix/client/v1/login/get_token",
//!     }
//! };
//!
//! let mut view = ServerView::new();
//! view.learn_versions(&["v1.12"], &BTreeMap::<String, bool>::new());
//! // Before `/capabilities` is known, the gate cannot be checked, and the decision says so.
//! let decision = METADATA.decide(&view, &Policy::Default);
//! assert_eq!(decision.path(), Ok("/_matrix/client/v1/login/get_token"));
//! assert_eq!(view.missing(), [Source::Capabilities, Source::LoginFlows]);
//!
//! // Synapse's default: the capability is listed, disabled.
//! view.learn_capabilities([("m.get_login_token".to_owned(), false)]);
//! let decision = METADATA.decide(&view, &Policy::Default);
//! assert!(decision.path().is_err());
//! assert_eq!(
//!     decision.to_string(),
//!     "not available on this server: /capabilities lists m.get_login_token as disabled"
//! );
//! ```

use std::fmt;

use serde::Serialize;

use crate::error::IntoHttpError;
use crate::history::{StablePath, UnstablePath, VersionHistory, VersioningDecision};
use crate::metadata::Metadata;
use crate::version::{MatrixVersion, SupportedVersions};

mod decision;
pub(crate) mod gate;
mod view;

pub use decision::{Candidate, Decision, PathKind, Reason, Refusal};
pub use gate::{Gate, GateState};
pub use view::{Announcement, ServerSignal, ServerView, Source};

/// How the caller wants the path chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "policy", content = "path")]
pub enum Policy {
    /// The newest stable path the server supports; else an unstable path whose feature flag
    /// the server announces; else the newest unstable path without a flag.
    #[default]
    Default,
    /// Stable paths only: an endpoint the server has not stabilised is refused.
    StableOnly,
    /// An unstable path the server announces, else the newest unflagged unstable path, before
    /// any stable path: to try an MSC's implementation on a server that also has the stable one.
    PreferUnstable,
    /// This path, which must be one of the endpoint's, whatever the server says.
    Force(String),
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Policy::Default => f.write_str("default"),
            Policy::StableOnly => f.write_str("stable only"),
            Policy::PreferUnstable => f.write_str("prefer unstable"),
            Policy::Force(path) => write!(f, "force {path}"),
        }
    }
}

/// The rule that chose a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The endpoint has one path for every version.
    Unversioned,
    /// The newest stable path the server supports.
    NewestStable,
    /// An unstable path whose feature flag the server announces.
    AnnouncedUnstable,
    /// The newest unstable path without a feature flag: nothing to check, so it is tried.
    UnflaggedUnstable,
    /// The caller forced this path.
    Forced,
    /// A path of the endpoint this one replaced ([`Metadata::legacy`](crate::Metadata::legacy)),
    /// chosen by that endpoint's own rules because the server has none of this one's.
    Legacy,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rule::Unversioned => "the endpoint's only path",
            Rule::NewestStable => "the newest stable path the server supports",
            Rule::AnnouncedUnstable => "an unstable path the server announces",
            Rule::UnflaggedUnstable => "the newest unstable path, which has no flag to check",
            Rule::Forced => "forced by the caller",
            Rule::Legacy => {
                "the path of the endpoint this one replaced, as the server has none of its own"
            }
        })
    }
}

/// What the server said that makes a path available.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Signal {
    /// It supports this version or a later one (the version is the path's, which the server
    /// may have superseded: a `v1.12` server has the paths of `v1.7`).
    Version(MatrixVersion),
    /// It announces this feature flag (or capability, or login-flow flag) enabled.
    Flag(&'static str),
}

/// A signal and the source that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// What was said.
    pub signal: Signal,
    /// Where.
    pub source: Source,
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.signal {
            Signal::Version(version) => write!(f, "{version} or later in {}", self.source),
            Signal::Flag(flag) => write!(f, "{flag} in {}", self.source),
        }
    }
}

/// The path chosen, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The path template.
    pub path: &'static str,
    /// The rule that chose it.
    pub rule: Rule,
    /// What the server said that made it available (`None` for an unversioned, unflagged or
    /// forced path).
    pub evidence: Option<Evidence>,
}

/// What selection reads of a server. `/versions` alone ([`SupportedVersions`]) and a whole
/// [`ServerView`] both provide it, so the rules live once.
pub(crate) trait Signals {
    fn oldest_version(&self) -> Option<MatrixVersion>;
    fn newest_version(&self) -> Option<MatrixVersion>;
    /// The source that announces `flag` enabled, if any does.
    fn announced(&self, flag: &str) -> Option<Source>;

    /// Whether the server supports `version` or a newer one.
    fn supports(&self, version: MatrixVersion) -> bool {
        self.newest_version()
            .is_some_and(|newest| newest >= version)
    }
}

impl Signals for SupportedVersions {
    fn oldest_version(&self) -> Option<MatrixVersion> {
        self.versions.first().copied()
    }

    fn newest_version(&self) -> Option<MatrixVersion> {
        self.versions.last().copied()
    }

    fn announced(&self, flag: &str) -> Option<Source> {
        self.has_feature(flag).then_some(Source::Versions)
    }
}

impl Signals for ServerView {
    fn oldest_version(&self) -> Option<MatrixVersion> {
        self.versions().next()
    }

    fn newest_version(&self) -> Option<MatrixVersion> {
        ServerView::newest_version(self)
    }

    fn announced(&self, flag: &str) -> Option<Source> {
        self.announced_by(flag)
    }
}

/// What makes a stable path available on this server, if anything does.
pub(crate) fn stable_evidence(path: &StablePath, server: &impl Signals) -> Option<Evidence> {
    let selector = path.selector;
    if let Some(version) = selector.version().filter(|v| server.supports(*v)) {
        return Some(Evidence {
            signal: Signal::Version(version),
            source: Source::Versions,
        });
    }
    let flag = selector.feature()?;
    Some(Evidence {
        signal: Signal::Flag(flag),
        source: server.announced(flag)?,
    })
}

/// What announces an unstable path, if it has a flag the server announces.
pub(crate) fn unstable_evidence(path: &UnstablePath, server: &impl Signals) -> Option<Evidence> {
    let flag = path.feature?;
    Some(Evidence {
        signal: Signal::Flag(flag),
        source: server.announced(flag)?,
    })
}

/// The rules, once: the path `policy` chooses on `server`, or why none. `gate_closed` is true
/// when the endpoint's capability is known to be off, which rules out its stable and unflagged
/// paths (an announced unstable path carries its own flag). Never allocates.
pub(crate) fn choose(
    history: &VersionHistory,
    server: &impl Signals,
    policy: &Policy,
    gate_closed: bool,
) -> Result<Choice, Refusal> {
    let choice = |path, rule, evidence| Choice {
        path,
        rule,
        evidence,
    };
    if let Some(path) = history.unversioned_path() {
        return Ok(choice(path, Rule::Unversioned, None));
    }
    if let Policy::Force(forced) = policy {
        return match history.all_paths().find(|path| path == forced) {
            Some(path) => Ok(choice(path, Rule::Forced, None)),
            None => Err(Refusal::UnknownPath),
        };
    }
    if let Some(removed_in) = removed_for(history, server) {
        return Err(Refusal::Removed { removed_in });
    }
    let newest_stable = || {
        history.stable_paths().iter().rev().find_map(|p| {
            let evidence = stable_evidence(p, server)?;
            Some(choice(p.path, Rule::NewestStable, Some(evidence)))
        })
    };
    let announced = || {
        history.unstable_paths().iter().rev().find_map(|p| {
            let evidence = unstable_evidence(p, server)?;
            Some(choice(p.path, Rule::AnnouncedUnstable, Some(evidence)))
        })
    };
    let unflagged = || {
        let path = history
            .unstable_paths()
            .iter()
            .rev()
            .find(|p| p.feature.is_none())?;
        Some(choice(path.path, Rule::UnflaggedUnstable, None))
    };
    let open = |found: Option<Choice>| found.filter(|_| !gate_closed);
    let chosen = match policy {
        Policy::Default => open(newest_stable())
            .or_else(announced)
            .or_else(|| open(unflagged())),
        Policy::StableOnly => open(newest_stable()),
        Policy::PreferUnstable => announced()
            .or_else(|| open(unflagged()))
            .or_else(|| open(newest_stable())),
        Policy::Force(_) => unreachable!("handled above"),
    };
    if let Some(chosen) = chosen {
        return Ok(chosen);
    }
    let may_use_unflagged = *policy != Policy::StableOnly;
    let gated = newest_stable().is_some() || (may_use_unflagged && unflagged().is_some());
    if gate_closed && gated {
        Err(Refusal::NotAvailable)
    } else {
        Err(Refusal::NotSupported)
    }
}

/// The version that removed the endpoint, when the server supports it and no earlier version
/// in which the endpoint existed.
fn removed_for(history: &VersionHistory, server: &impl Signals) -> Option<MatrixVersion> {
    let removed = history.removed_in()?;
    let still_there = server
        .oldest_version()
        .is_some_and(|oldest| oldest < removed)
        && history
            .stable_paths()
            .iter()
            .any(|p| stable_evidence(p, server).is_some());
    (server.supports(removed) && !still_there).then_some(removed)
}

impl VersionHistory {
    /// How the server's versions relate to this endpoint; see [`VersioningDecision`].
    pub fn versioning_decision(&self, server: &SupportedVersions) -> VersioningDecision {
        match choose(self, server, &Policy::Default, false) {
            Ok(Choice {
                rule: Rule::NewestStable | Rule::Unversioned,
                ..
            }) => VersioningDecision::Stable {
                deprecated: self.unversioned_path().is_none()
                    && self.deprecated_in().is_some_and(|d| server.supports(d)),
            },
            Ok(_) => VersioningDecision::Unstable,
            Err(Refusal::Removed { .. }) => VersioningDecision::Removed,
            Err(_) => VersioningDecision::NotSupported,
        }
    }

    /// Picks the path to call on a server that announced `server` in `/versions`, with the
    /// [default policy](Policy::Default) and no capability gate (see
    /// [`Metadata::decide`](crate::Metadata::decide) for those and a record of the decision).
    ///
    /// The newest stable path whose version (or stable feature flag) the server supports wins;
    /// failing that, an unstable path whose feature flag the server announces; failing that, the
    /// newest unstable path without a feature flag. Never allocates.
    pub fn select_path(&self, server: &SupportedVersions) -> Result<&'static str, IntoHttpError> {
        choose(self, server, &Policy::Default, false)
            .map(|choice| choice.path)
            .map_err(|refusal| self.refused(refusal))
    }

    /// The error of a refusal by the default rule (no gate, no forced path).
    fn refused(&self, refusal: Refusal) -> IntoHttpError {
        match refusal {
            Refusal::Removed { removed_in } => IntoHttpError::EndpointRemoved {
                endpoint: self.canonical_path(),
                removed_in,
            },
            _ => IntoHttpError::EndpointNotSupported {
                endpoint: self.canonical_path(),
            },
        }
    }
}

impl Metadata {
    /// [`VersionHistory::select_path`] for this endpoint: when the server has none of its own
    /// paths, a path of the endpoint it [replaced](Metadata::legacy), chosen by the same rule.
    /// Never allocates.
    pub fn select_path(&self, server: &SupportedVersions) -> Result<&'static str, IntoHttpError> {
        let refusal = match choose(&self.history, server, &Policy::Default, false) {
            Ok(choice) => return Ok(choice.path),
            Err(refusal) => refusal,
        };
        if let Some(legacy) = self.legacy.filter(|_| falls_back_on(refusal)) {
            if let Ok(path) = legacy.history.select_path(server) {
                return Ok(path);
            }
        }
        Err(self.history.refused(refusal))
    }
}

/// Whether a refusal of the endpoint's own paths sends a client to the endpoint it replaced:
/// the server has none of them (or the caller forced one of the replaced endpoint's). A closed
/// gate or a removal is the endpoint's own answer.
pub(crate) fn falls_back_on(refusal: Refusal) -> bool {
    matches!(refusal, Refusal::NotSupported | Refusal::UnknownPath)
}

#[cfg(test)]
mod tests;
