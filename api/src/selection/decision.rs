//! The record of one selection: the path chosen (or why none was), the rule and signal behind
//! it, the capability gate, deprecation, and every other path with the reason it lost. Pure
//! data: it logs nothing, and prints and serialises as the caller wishes.

use std::fmt;

use serde::{Serialize, Serializer};

use super::gate::Gate;
use super::{
    choose, stable_evidence, unstable_evidence, Choice, Evidence, Policy, Rule, ServerView, Source,
};
use crate::error::IntoHttpError;
use crate::history::VersionHistory;
use crate::metadata::Metadata;
use crate::version::MatrixVersion;

/// Why no path was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "refusal")]
pub enum Refusal {
    /// The server supports only versions in which the endpoint was removed.
    Removed {
        /// The version that removed it.
        removed_in: MatrixVersion,
    },
    /// The server announces no version or flag that has the endpoint (under the policy).
    NotSupported,
    /// The server has the endpoint, but the capability that gates it is closed
    /// ([`Decision::gate`] says how).
    NotAvailable,
    /// The policy forced a path that is not one of the endpoint's.
    UnknownPath,
}

/// What a path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PathKind {
    /// The one path of an unversioned endpoint.
    Unversioned,
    /// A path from an MSC, with the flag that announces it, if any.
    Unstable {
        /// The feature flag.
        flag: Option<&'static str>,
    },
    /// A path of the specification, available from a version or with a stable flag.
    Stable {
        /// The version that introduced it.
        version: Option<MatrixVersion>,
        /// The stable feature flag that announces it early.
        flag: Option<&'static str>,
    },
}

impl fmt::Display for PathKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathKind::Unversioned => f.write_str("unversioned"),
            PathKind::Unstable { flag: None } => f.write_str("unstable, no flag"),
            PathKind::Unstable { flag: Some(flag) } => write!(f, "unstable, flag {flag}"),
            PathKind::Stable { version, flag } => {
                f.write_str("stable")?;
                if let Some(version) = version {
                    write!(f, ", {version}")?;
                }
                if let Some(flag) = flag {
                    write!(f, ", flag {flag}")?;
                }
                Ok(())
            }
        }
    }
}

/// Why a path was not chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "source")]
pub enum Reason {
    /// It is available, but the policy ranks the chosen path first.
    Outranked,
    /// The server announces neither its version nor its flag.
    NotAnnounced,
    /// Its flag is announced disabled by this source.
    FlagDisabled(Source),
    /// The endpoint's capability is closed.
    GateClosed,
    /// The policy does not use this kind of path.
    ExcludedByPolicy,
    /// The caller forced another path.
    NotForced,
    /// The endpoint is removed in every version the server supports.
    Removed,
    /// A path of the endpoint this one replaced, used only when the server has none of this
    /// one's.
    Superseded,
}

/// One path of the endpoint, as selection saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The path template.
    pub path: &'static str,
    /// What kind of path it is.
    pub kind: PathKind,
    /// What the server said that makes it available, if anything.
    pub evidence: Option<Evidence>,
    /// Why it was not chosen; `None` for the chosen path.
    pub reason: Option<Reason>,
    /// Whether it is a path of the endpoint this one replaced
    /// ([`Metadata::legacy`]), not of this one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub legacy: bool,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = if self.legacy {
            ", replaced endpoint"
        } else {
            ""
        };
        write!(f, "{} ({}{of}): ", self.path, self.kind)?;
        let Some(reason) = self.reason else {
            return f.write_str("chosen");
        };
        match reason {
            Reason::Outranked => match self.evidence {
                Some(evidence) => write!(
                    f,
                    "available ({evidence}), but ranked below the chosen path"
                ),
                None => f.write_str("available, but ranked below the chosen path"),
            },
            Reason::NotAnnounced => match self.kind {
                PathKind::Stable { version, flag } => match (version, flag) {
                    (Some(version), Some(flag)) => {
                        write!(f, "the server announces neither {version} nor {flag}")
                    }
                    (Some(version), None) => write!(f, "the server does not announce {version}"),
                    (None, Some(flag)) => write!(f, "the server does not announce {flag}"),
                    (None, None) => f.write_str("the server does not announce it"),
                },
                PathKind::Unstable { flag: Some(flag) } => {
                    write!(f, "the server does not announce {flag}")
                }
                _ => f.write_str("the server does not announce it"),
            },
            Reason::FlagDisabled(source) => write!(f, "its flag is disabled in {source}"),
            Reason::GateClosed => f.write_str("the endpoint's capability is closed"),
            Reason::ExcludedByPolicy => f.write_str("the policy excludes unstable paths"),
            Reason::NotForced => f.write_str("another path was forced"),
            Reason::Removed => f.write_str("the endpoint is removed on this server"),
            Reason::Superseded => f.write_str(
                "the replaced endpoint's, used only when the server has none of its own",
            ),
        }
    }
}

/// The record of choosing an endpoint's path for one server under one policy.
///
/// [`Decision::path`] is the path or the error to report; the fields say why, for a log line,
/// a `--verbose` flag or a test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The endpoint, as its newest path.
    pub endpoint: &'static str,
    /// The policy the caller chose.
    pub policy: Policy,
    /// The chosen path, or why there is none.
    #[serde(flatten, serialize_with = "outcome")]
    pub outcome: Result<Choice, Refusal>,
    /// The capability that gates the endpoint, if it has one, and its state on this server.
    pub gate: Option<Gate>,
    /// The version that deprecated the endpoint, when the server supports it: the path still
    /// works, but a newer endpoint replaces it.
    pub deprecated_in: Option<MatrixVersion>,
    /// The version that removes (or removed) the endpoint, if its history names one.
    pub removed_in: Option<MatrixVersion>,
    /// Every path of the endpoint, oldest first, each with why it was not chosen.
    pub candidates: Vec<Candidate>,
}

fn outcome<S: Serializer>(outcome: &Result<Choice, Refusal>, out: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Outcome<'a> {
        Chosen(&'a Choice),
        Refused(&'a Refusal),
    }
    #[derive(Serialize)]
    struct Flat<'a> {
        #[serde(flatten)]
        outcome: Outcome<'a>,
    }
    let outcome = match outcome {
        Ok(choice) => Outcome::Chosen(choice),
        Err(refusal) => Outcome::Refused(refusal),
    };
    Flat { outcome }.serialize(out)
}

impl Decision {
    /// The chosen path, or the error that says why there is none.
    pub fn path(&self) -> Result<&'static str, IntoHttpError> {
        let endpoint = self.endpoint;
        match self.outcome {
            Ok(choice) => Ok(choice.path),
            Err(Refusal::Removed { removed_in }) => Err(IntoHttpError::EndpointRemoved {
                endpoint,
                removed_in,
            }),
            Err(Refusal::NotSupported) => Err(IntoHttpError::EndpointNotSupported { endpoint }),
            Err(Refusal::NotAvailable) => {
                let gate = self
                    .gate
                    .expect("only a gate makes an endpoint unavailable");
                Err(IntoHttpError::EndpointNotAvailable {
                    endpoint,
                    capability: gate.capability,
                    state: gate.state,
                })
            }
            Err(Refusal::UnknownPath) => Err(IntoHttpError::UnknownPath {
                endpoint,
                path: match &self.policy {
                    Policy::Force(path) => path.clone(),
                    _ => unreachable!("only a forced path can be unknown"),
                },
            }),
        }
    }

    /// The paths that were not chosen, with why.
    pub fn others(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(|c| c.reason.is_some())
    }

    /// The paths worth trying when the chosen one turns out not to exist on the server (it
    /// answers `404`/`405 M_UNRECOGNIZED`): the available paths the policy ranked lower, best
    /// first. Empty for a forced or unversioned path.
    pub fn fallbacks(&self) -> Vec<&'static str> {
        // The policy's order of kinds (stable, announced unstable, unflagged unstable).
        let order: &[u8] = match self.policy {
            Policy::Default => &[0, 1, 2],
            Policy::PreferUnstable => &[1, 2, 0],
            Policy::StableOnly => &[0],
            Policy::Force(_) => &[],
        };
        let mut ranked: Vec<(usize, usize, &'static str)> = self
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.reason == Some(Reason::Outranked))
            .filter_map(|(age, c)| {
                let kind = match c.kind {
                    PathKind::Stable { .. } => 0,
                    PathKind::Unstable { flag: Some(_) } => 1,
                    PathKind::Unstable { flag: None } => 2,
                    PathKind::Unversioned => return None,
                };
                let rank = order.iter().position(|k| *k == kind)?;
                Some((rank, usize::MAX - age, c.path))
            })
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, _, path)| path).collect()
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Ok(choice) => {
                write!(f, "{}: {}", choice.path, choice.rule)?;
                if let Some(evidence) = choice.evidence {
                    write!(f, " ({evidence})")?;
                }
                if let Some(gate) = self.gate {
                    write!(f, "; {gate}")?;
                }
                if let Some(deprecated) = self.deprecated_in {
                    write!(f, "; deprecated in {deprecated}")?;
                }
                Ok(())
            }
            Err(Refusal::NotAvailable) => match self.gate {
                Some(gate) => write!(f, "not available on this server: {gate}"),
                None => f.write_str("not available on this server"),
            },
            Err(Refusal::NotSupported) => {
                f.write_str("not supported by the versions and flags the server announces")?;
                if self.policy != Policy::Default {
                    write!(f, " (policy: {})", self.policy)?;
                }
                Ok(())
            }
            Err(Refusal::Removed { removed_in }) => write!(
                f,
                "removed in {removed_in}, and the server supports no older version"
            ),
            Err(Refusal::UnknownPath) => {
                write!(f, "{}: not a path of {}", self.policy, self.endpoint)
            }
        }
    }
}

impl Metadata {
    /// Chooses the endpoint's path on the server `view` describes, under `policy`, and
    /// records why.
    ///
    /// The [default policy](Policy::Default) takes the newest stable path the server supports,
    /// else an unstable path whose flag any source announces, else the newest unstable path
    /// without a flag. When the endpoint names a [`capability`](Metadata::capability) and the
    /// server says it is off, the stable and unflagged paths are refused: the endpoint is
    /// [not available](Refusal::NotAvailable), which is not the same as unsupported.
    ///
    /// When the server has none of the endpoint's paths (or the policy forces a path of the
    /// endpoint it [replaced](Metadata::legacy)), that endpoint's paths are chosen from by the
    /// same policy, and the choice's rule is [`Rule::Legacy`](super::Rule::Legacy) (or
    /// [`Forced`](super::Rule::Forced)).
    pub fn decide(&self, view: &ServerView, policy: &Policy) -> Decision {
        let mut decision = self.decide_own(view, policy);
        let Some(legacy) = self.legacy else {
            return decision;
        };
        let fallback = decision.outcome.is_err_and(super::falls_back_on);
        let replaced = legacy.decide_own(view, policy);
        let legacy_chosen = fallback && replaced.outcome.is_ok();
        if let (true, Ok(choice)) = (legacy_chosen, replaced.outcome) {
            // A forced path keeps its rule; this endpoint's paths were already not forced.
            let rule = match choice.rule {
                Rule::Forced => Rule::Forced,
                _ => Rule::Legacy,
            };
            decision.outcome = Ok(Choice { rule, ..choice });
            decision.deprecated_in = replaced.deprecated_in;
        }
        // The replaced endpoint's paths keep their own reasons when it was decided on; else
        // they were not in the running.
        let own_chosen = decision.outcome.is_ok() && !legacy_chosen;
        let forced = matches!(policy, Policy::Force(_));
        let candidates = replaced.candidates.into_iter().map(|candidate| Candidate {
            legacy: true,
            reason: match candidate.reason {
                _ if legacy_chosen => candidate.reason,
                _ if forced => Some(Reason::NotForced),
                None => Some(Reason::Superseded),
                _ if own_chosen => Some(Reason::Superseded),
                reason => reason,
            },
            ..candidate
        });
        decision.candidates.extend(candidates);
        decision
    }

    /// [`decide`](Self::decide) among this endpoint's own paths.
    fn decide_own(&self, view: &ServerView, policy: &Policy) -> Decision {
        let history = &self.history;
        let gate = self
            .capability
            .map(|capability| Gate::read(capability, view));
        let gate_closed = gate.is_some_and(|gate| gate.state.is_closed());
        let outcome = choose(history, view, policy, gate_closed);
        let candidates = candidates(history, view)
            .map(|(path, kind, evidence, flag_off)| {
                let chosen = outcome.is_ok_and(|choice| choice.path == path);
                let reason = (!chosen).then(|| {
                    why_not(
                        outcome,
                        policy,
                        gate_closed,
                        kind,
                        evidence.is_some(),
                        flag_off,
                    )
                });
                Candidate {
                    path,
                    kind,
                    evidence,
                    reason,
                    legacy: false,
                }
            })
            .collect();
        Decision {
            endpoint: history.canonical_path(),
            policy: policy.clone(),
            outcome,
            gate,
            deprecated_in: history.deprecated_in().filter(|d| view.supports(*d)),
            removed_in: history.removed_in(),
            candidates,
        }
    }
}

/// Every path, oldest first, with its kind, what makes it available, and the source that
/// announced its flag disabled.
fn candidates<'a>(
    history: &'a VersionHistory,
    view: &'a ServerView,
) -> impl Iterator<Item = (&'static str, PathKind, Option<Evidence>, Option<Source>)> + 'a {
    let unversioned = history
        .unversioned_path()
        .map(|path| (path, PathKind::Unversioned, None, None));
    let disabled = |flag: Option<&str>| {
        let announcement = view.announcement(flag?)?;
        (!announcement.enabled).then_some(announcement.source)
    };
    let unstable = history.unstable_paths().iter().map(move |p| {
        let kind = PathKind::Unstable { flag: p.feature };
        (
            p.path,
            kind,
            unstable_evidence(p, view),
            disabled(p.feature),
        )
    });
    let stable = history.stable_paths().iter().map(move |p| {
        let kind = PathKind::Stable {
            version: p.selector.version(),
            flag: p.selector.feature(),
        };
        (
            p.path,
            kind,
            stable_evidence(p, view),
            disabled(p.selector.feature()),
        )
    });
    unversioned.into_iter().chain(unstable).chain(stable)
}

/// Why a path that was not chosen lost, given what it is and whether it is available.
fn why_not(
    outcome: Result<Choice, Refusal>,
    policy: &Policy,
    gate_closed: bool,
    kind: PathKind,
    announced: bool,
    flag_off: Option<Source>,
) -> Reason {
    if matches!(policy, Policy::Force(_)) {
        return Reason::NotForced;
    }
    if let Err(Refusal::Removed { .. }) = outcome {
        return Reason::Removed;
    }
    let unflagged = kind == PathKind::Unstable { flag: None };
    if !announced && !unflagged {
        return match flag_off {
            Some(source) => Reason::FlagDisabled(source),
            None => Reason::NotAnnounced,
        };
    }
    let stable = matches!(kind, PathKind::Stable { .. });
    if *policy == Policy::StableOnly && !stable {
        Reason::ExcludedByPolicy
    } else if gate_closed && (stable || unflagged) {
        Reason::GateClosed
    } else {
        Reason::Outranked
    }
}
