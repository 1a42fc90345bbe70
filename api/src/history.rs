//! An endpoint's paths across specification versions: stable paths with the version (or
//! feature flag) that introduced each, unstable paths from MSCs, and the versions that deprecated
//! and removed the endpoint. Choosing one of them for a server is [`crate::selection`]'s job.

use crate::version::MatrixVersion;

/// What makes a stable path available: the specification version that introduced it, a stable
/// feature flag the server can announce before it supports that version, or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StablePathSelector {
    /// Available from this specification version on.
    Version(MatrixVersion),
    /// Available when the server announces this feature flag in `unstable_features`.
    Feature(&'static str),
    /// Available from this version on, or earlier when the server announces the feature flag.
    FeatureOrVersion {
        /// The stable feature flag.
        feature: &'static str,
        /// The specification version.
        version: MatrixVersion,
    },
}

impl StablePathSelector {
    /// The specification version named by this selector, if any.
    pub const fn version(self) -> Option<MatrixVersion> {
        match self {
            StablePathSelector::Version(version)
            | StablePathSelector::FeatureOrVersion { version, .. } => Some(version),
            StablePathSelector::Feature(_) => None,
        }
    }

    /// The feature flag named by this selector, if any.
    pub const fn feature(self) -> Option<&'static str> {
        match self {
            StablePathSelector::Feature(feature)
            | StablePathSelector::FeatureOrVersion { feature, .. } => Some(feature),
            StablePathSelector::Version(_) => None,
        }
    }
}

/// An unstable path of an endpoint, optionally tied to the feature flag (usually the MSC's
/// identifier) a server announces in `unstable_features` to say it implements that path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnstablePath {
    /// The feature flag, such as `org.matrix.msc3882`.
    pub feature: Option<&'static str>,
    /// The path template.
    pub path: &'static str,
}

/// A stable path of an endpoint and what makes it available.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StablePath {
    /// When the path became available.
    pub selector: StablePathSelector,
    /// The path template.
    pub path: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paths {
    Unversioned(&'static str),
    Versioned {
        unstable: &'static [UnstablePath],
        stable: &'static [StablePath],
    },
    /// Stands in for a declaration that does not compile, so that the compiler reports its one
    /// mistake and nothing that follows from it; see [`VersionHistory::placeholder`].
    Placeholder(Placeholder),
}

/// Why a [`VersionHistory`] is a placeholder. Neither ever reaches run time: the build fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placeholder {
    /// `metadata!` reported errors and expanded to this instead of the endpoint's history.
    Invalid,
    /// No `METADATA` is in scope of a `#[request]`; the request's checks report it.
    Undeclared,
}

/// Every path an endpoint has had: unstable paths from MSCs, stable paths with the version that
/// introduced each, and the versions that deprecated and removed the endpoint.
///
/// Built by the `metadata!` macro, which checks the history at compile time. Path templates
/// write parameters as `{name}`, the syntax axum and matchit use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VersionHistory {
    pub(crate) paths: Paths,
    pub(crate) deprecated: Option<MatrixVersion>,
    pub(crate) removed: Option<MatrixVersion>,
}

/// How a server's supported versions relate to an endpoint's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersioningDecision {
    /// A stable path is available. `deprecated` is true when the server supports a version that
    /// deprecated the endpoint: the path still works, but its days are numbered.
    Stable {
        /// Whether the endpoint is deprecated in a version the server supports.
        deprecated: bool,
    },
    /// Only an unstable path is available.
    Unstable,
    /// The server only supports versions in which the endpoint was removed.
    Removed,
    /// The server supports no version or feature that has this endpoint.
    NotSupported,
}

impl VersionHistory {
    /// A history for an endpoint with paths across versions. Arrays are oldest first.
    ///
    /// This is what `metadata!` expands to; it checks the same rules again so that a history
    /// written by hand in a `const` is held to them too (at compile time).
    pub const fn new(
        unstable: &'static [UnstablePath],
        stable: &'static [StablePath],
        deprecated: Option<MatrixVersion>,
        removed: Option<MatrixVersion>,
    ) -> Self {
        if unstable.is_empty() && stable.is_empty() {
            panic!("a version history needs at least one path");
        }
        let mut i = 1;
        let mut first_version: Option<MatrixVersion> = None;
        let mut last_version: Option<MatrixVersion> = None;
        while i <= stable.len() {
            if let Some(version) = stable[i - 1].selector.version() {
                if first_version.is_none() {
                    first_version = Some(version);
                }
                if let Some(last) = last_version {
                    if version as u8 <= last as u8 {
                        panic!("stable paths must be listed in strictly ascending version order");
                    }
                }
                last_version = Some(version);
            }
            i += 1;
        }
        // An endpoint deprecated in one version may still get a new path in a later one, as
        // Matrix v1.1 gave every r0 endpoint, deprecated or not, its v3 path.
        if let Some(deprecated) = deprecated {
            match first_version {
                Some(first) if (first as u8) <= (deprecated as u8) => {}
                _ => panic!("`deprecated` needs a stable path from the same or an earlier version"),
            }
        }
        if let Some(removed) = removed {
            match deprecated {
                Some(deprecated) if (deprecated as u8) < (removed as u8) => {}
                _ => panic!("`removed` needs `deprecated` in an earlier version"),
            }
        }
        VersionHistory {
            paths: Paths::Versioned { unstable, stable },
            deprecated,
            removed,
        }
    }

    /// A single path that never changes with versions, such as `/_matrix/client/versions`.
    pub const fn unversioned(path: &'static str) -> Self {
        VersionHistory {
            paths: Paths::Unversioned(path),
            deprecated: None,
            removed: None,
        }
    }

    /// A history without paths, standing in for a declaration that failed to compile (the
    /// compile-time checks of `#[request]` skip it, so a mistake is reported once).
    pub(crate) const fn placeholder(why: Placeholder) -> Self {
        VersionHistory {
            paths: Paths::Placeholder(why),
            deprecated: None,
            removed: None,
        }
    }

    /// The unstable paths, oldest first (empty for an unversioned endpoint).
    pub const fn unstable_paths(&self) -> &'static [UnstablePath] {
        match self.paths {
            Paths::Versioned { unstable, .. } => unstable,
            Paths::Unversioned(_) | Paths::Placeholder(_) => &[],
        }
    }

    /// The stable paths, oldest first (empty for an unversioned endpoint).
    pub const fn stable_paths(&self) -> &'static [StablePath] {
        match self.paths {
            Paths::Versioned { stable, .. } => stable,
            Paths::Unversioned(_) | Paths::Placeholder(_) => &[],
        }
    }

    /// The path of an unversioned endpoint.
    pub const fn unversioned_path(&self) -> Option<&'static str> {
        match self.paths {
            Paths::Unversioned(path) => Some(path),
            Paths::Versioned { .. } | Paths::Placeholder(_) => None,
        }
    }

    /// The version that first made the endpoint stable.
    pub fn added_in(&self) -> Option<MatrixVersion> {
        self.stable_paths()
            .iter()
            .find_map(|p| p.selector.version())
    }

    /// The version that deprecated the endpoint.
    pub const fn deprecated_in(&self) -> Option<MatrixVersion> {
        self.deprecated
    }

    /// The version that removed the endpoint.
    pub const fn removed_in(&self) -> Option<MatrixVersion> {
        self.removed
    }

    /// Every path of the endpoint, unstable ones first, each once: what a server hands its
    /// router so that clients of every generation reach the handler.
    pub fn all_paths(&self) -> impl Iterator<Item = &'static str> + Clone + '_ {
        let all = self.entries();
        // Two history entries may share a path (an MSC's path announced under two flags); a
        // router rejects a path registered twice.
        all.clone().enumerate().filter_map(move |(i, path)| {
            (!all.clone().take(i).any(|earlier| earlier == path)).then_some(path)
        })
    }

    /// Every path entry, repeats included: cheaper than [`all_paths`](Self::all_paths) where
    /// repeats do not matter.
    pub(crate) fn entries(&self) -> impl DoubleEndedIterator<Item = &'static str> + Clone + '_ {
        let unversioned = self.unversioned_path().into_iter();
        let unstable = self.unstable_paths().iter().map(|p| p.path);
        let stable = self.stable_paths().iter().map(|p| p.path);
        unversioned.chain(unstable).chain(stable)
    }

    /// The newest path, the one that names the endpoint in messages.
    pub fn canonical_path(&self) -> &'static str {
        if let Some(path) = self.unversioned_path() {
            return path;
        }
        match (self.stable_paths().last(), self.unstable_paths().last()) {
            (Some(stable), _) => stable.path,
            (None, Some(unstable)) => unstable.path,
            (None, None) => unreachable!(
                "VersionHistory::new rejects an empty history, and a \
                 placeholder stands in for a declaration that did not compile"
            ),
        }
    }
}

/// The `{name}` parameters of a path template, in order.
///
/// Templates are checked by `metadata!`, so a template reaching this is well formed.
pub fn path_params(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// The index of parameter `name` among the parameters of `template`.
pub(crate) fn param_index(template: &str, name: &str) -> Option<usize> {
    path_params(template).position(|p| p == name)
}

/// The first path template of a history; all templates have the same parameters (checked by
/// `metadata!`). `None` for a placeholder.
pub(crate) const fn first_template(history: &VersionHistory) -> Option<&'static str> {
    match history.paths {
        Paths::Unversioned(path) => Some(path),
        Paths::Versioned { unstable, stable } => {
            if !unstable.is_empty() {
                Some(unstable[0].path)
            } else if !stable.is_empty() {
                Some(stable[0].path)
            } else {
                None
            }
        }
        Paths::Placeholder(_) => None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_endpoint_deprecated_in_r0_keeps_its_v3_path() {
        const HISTORY: VersionHistory = VersionHistory::new(
            &[],
            &[
                StablePath {
                    selector: StablePathSelector::Version(MatrixVersion::V1_0),
                    path: "/_matrix/client/r0/initialSync",
                },
                StablePath {
                    selector: StablePathSelector::Version(MatrixVersion::V1_1),
                    path: "/_matrix/client/v3/initialSync",
                },
            ],
            Some(MatrixVersion::V1_0),
            None,
        );
        let v1_1 = crate::SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
        assert_eq!(
            HISTORY.select_path(&v1_1),
            Ok("/_matrix/client/v3/initialSync")
        );
        assert_eq!(
            HISTORY.versioning_decision(&v1_1),
            VersioningDecision::Stable { deprecated: true }
        );
    }

    use super::*;
    use MatrixVersion::*;

    #[test]
    fn all_paths_lists_each_path_once() {
        const H: VersionHistory = VersionHistory::new(
            &[
                UnstablePath {
                    feature: Some("a"),
                    path: "/u/x",
                },
                UnstablePath {
                    feature: Some("b"),
                    path: "/u/x",
                },
            ],
            &[StablePath {
                selector: StablePathSelector::Version(V1_1),
                path: "/v3/x",
            }],
            None,
            None,
        );
        assert_eq!(H.all_paths().collect::<Vec<_>>(), ["/u/x", "/v3/x"]);
    }

    #[test]
    fn params_of_a_template() {
        let t = "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}";
        assert_eq!(
            path_params(t).collect::<Vec<_>>(),
            ["room_id", "event_type", "txn_id"]
        );
        assert_eq!(param_index(t, "txn_id"), Some(2));
        assert_eq!(path_params("/no/params").count(), 0);
    }
}
