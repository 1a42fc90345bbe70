//! Choosing the path of an endpoint for a given server, from what the server supports.

use crate::error::IntoHttpError;
use crate::history::{StablePathSelector, VersionHistory, VersioningDecision};
use crate::version::{MatrixVersion, SupportedVersions};

impl StablePathSelector {
    fn is_supported_by(self, server: &SupportedVersions) -> bool {
        let by_version = self
            .version()
            .is_some_and(|v| server_has_at_or_after(server, v));
        by_version || self.feature().is_some_and(|f| server.has_feature(f))
    }
}

impl VersionHistory {
    /// How the server's versions relate to this endpoint; see [`VersioningDecision`].
    pub fn versioning_decision(&self, server: &SupportedVersions) -> VersioningDecision {
        if self.unversioned_path().is_some() {
            return VersioningDecision::Stable { deprecated: false };
        }
        if self.is_removed_for(server) {
            return VersioningDecision::Removed;
        }
        if self
            .stable_paths()
            .iter()
            .any(|p| p.selector.is_supported_by(server))
        {
            let deprecated = self
                .deprecated
                .is_some_and(|d| server_has_at_or_after(server, d));
            return VersioningDecision::Stable { deprecated };
        }
        if self.select_unstable(server).is_some() {
            VersioningDecision::Unstable
        } else {
            VersioningDecision::NotSupported
        }
    }

    /// Picks the path to call on a server that supports `server`.
    ///
    /// The newest stable path whose version (or stable feature flag) the server supports wins;
    /// failing that, an unstable path whose feature flag the server announces; failing that, the
    /// newest unstable path without a feature flag. Never allocates.
    pub fn select_path(&self, server: &SupportedVersions) -> Result<&'static str, IntoHttpError> {
        if let Some(path) = self.unversioned_path() {
            return Ok(path);
        }
        if self.is_removed_for(server) {
            return Err(IntoHttpError::EndpointRemoved {
                endpoint: self.canonical_path(),
                removed_in: self.removed.expect("checked by is_removed_for"),
            });
        }
        if let Some(stable) = self
            .stable_paths()
            .iter()
            .rev()
            .find(|p| p.selector.is_supported_by(server))
        {
            return Ok(stable.path);
        }
        self.select_unstable(server)
            .ok_or(IntoHttpError::EndpointNotSupported {
                endpoint: self.canonical_path(),
            })
    }

    fn select_unstable(&self, server: &SupportedVersions) -> Option<&'static str> {
        let unstable = self.unstable_paths();
        let announced = unstable
            .iter()
            .rev()
            .find(|p| p.feature.is_some_and(|f| server.has_feature(f)));
        let unflagged = || unstable.iter().rev().find(|p| p.feature.is_none());
        announced.or_else(unflagged).map(|p| p.path)
    }

    /// Removed for this server: it supports the removing version and no version from before it
    /// in which the endpoint existed.
    fn is_removed_for(&self, server: &SupportedVersions) -> bool {
        let Some(removed) = self.removed else {
            return false;
        };
        let still_there = server.versions.iter().any(|v| *v < removed)
            && self
                .stable_paths()
                .iter()
                .any(|p| p.selector.is_supported_by(server));
        server_has_at_or_after(server, removed) && !still_there
    }
}

fn server_has_at_or_after(server: &SupportedVersions, version: MatrixVersion) -> bool {
    server.versions.range(version..).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{StablePath, UnstablePath};
    use MatrixVersion::*;

    const UNSTABLE_MSC: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";

    const STABLE_V1: &str = "/_matrix/client/v1/login/get_token";

    fn server(versions: &[MatrixVersion]) -> SupportedVersions {
        SupportedVersions::from_versions(versions)
    }

    const GET_TOKEN: VersionHistory = VersionHistory::new(
        &[UnstablePath {
            feature: None,
            path: UNSTABLE_MSC,
        }],
        &[StablePath {
            selector: StablePathSelector::Version(V1_7),
            path: STABLE_V1,
        }],
        None,
        None,
    );

    #[test]
    fn get_token_history() {
        assert_eq!(GET_TOKEN.select_path(&server(&[V1_7])), Ok(STABLE_V1));
        assert_eq!(
            GET_TOKEN.select_path(&server(&[V1_6, V1_12])),
            Ok(STABLE_V1)
        );
        assert_eq!(GET_TOKEN.select_path(&server(&[V1_6])), Ok(UNSTABLE_MSC));
        let with_flag = server(&[V1_6]).with_feature("org.matrix.msc3882");
        assert_eq!(GET_TOKEN.select_path(&with_flag), Ok(UNSTABLE_MSC));
        assert_eq!(GET_TOKEN.select_path(&server(&[])), Ok(UNSTABLE_MSC));
        assert_eq!(GET_TOKEN.added_in(), Some(V1_7));
        assert_eq!(
            GET_TOKEN.versioning_decision(&server(&[V1_6])),
            VersioningDecision::Unstable
        );
        assert_eq!(
            GET_TOKEN.versioning_decision(&server(&[V1_7])),
            VersioningDecision::Stable { deprecated: false }
        );
    }

    #[test]
    fn unstable_only() {
        const H: VersionHistory = VersionHistory::new(
            &[
                UnstablePath {
                    feature: None,
                    path: "/u/a",
                },
                UnstablePath {
                    feature: None,
                    path: "/u/b",
                },
            ],
            &[],
            None,
            None,
        );
        // The newest unflagged unstable path is used, whatever the server supports.
        assert_eq!(H.select_path(&server(&[V1_19])), Ok("/u/b"));
        assert_eq!(H.added_in(), None);
    }

    #[test]
    fn unstable_with_feature_flag() {
        const H: VersionHistory = VersionHistory::new(
            &[UnstablePath {
                feature: Some("org.example.msc1"),
                path: "/u/msc1",
            }],
            &[],
            None,
            None,
        );
        let err = H.select_path(&server(&[V1_19])).unwrap_err();
        assert_eq!(
            err,
            IntoHttpError::EndpointNotSupported {
                endpoint: "/u/msc1"
            }
        );
        assert!(err.to_string().contains("/u/msc1"), "{err}");
        let announced = server(&[V1_0]).with_feature("org.example.msc1");
        assert_eq!(H.select_path(&announced), Ok("/u/msc1"));
        assert_eq!(
            H.versioning_decision(&server(&[])),
            VersioningDecision::NotSupported
        );
    }

    #[test]
    fn flagged_unstable_preferred_over_unflagged() {
        const H: VersionHistory = VersionHistory::new(
            &[
                UnstablePath {
                    feature: Some("org.example.a"),
                    path: "/u/flagged",
                },
                UnstablePath {
                    feature: None,
                    path: "/u/plain",
                },
            ],
            &[],
            None,
            None,
        );
        assert_eq!(
            H.select_path(&server(&[]).with_feature("org.example.a")),
            Ok("/u/flagged")
        );
        assert_eq!(H.select_path(&server(&[])), Ok("/u/plain"));
    }

    #[test]
    fn stable_only() {
        const H: VersionHistory = VersionHistory::new(
            &[],
            &[
                StablePath {
                    selector: StablePathSelector::Version(V1_0),
                    path: "/r0/x",
                },
                StablePath {
                    selector: StablePathSelector::Version(V1_1),
                    path: "/v3/x",
                },
            ],
            None,
            None,
        );
        assert_eq!(H.select_path(&server(&[V1_0])), Ok("/r0/x"));
        assert_eq!(H.select_path(&server(&[V1_0, V1_1])), Ok("/v3/x"));
        assert_eq!(H.select_path(&server(&[V1_19])), Ok("/v3/x"));
        assert_eq!(
            H.select_path(&server(&[])),
            Err(IntoHttpError::EndpointNotSupported { endpoint: "/v3/x" })
        );
        assert_eq!(H.canonical_path(), "/v3/x");
        assert_eq!(H.all_paths().collect::<Vec<_>>(), ["/r0/x", "/v3/x"]);
    }

    #[test]
    fn stable_feature_flags() {
        const H: VersionHistory = VersionHistory::new(
            &[UnstablePath {
                feature: Some("org.example.msc9"),
                path: "/u/x",
            }],
            &[StablePath {
                selector: StablePathSelector::FeatureOrVersion {
                    feature: "org.example.msc9.stable",
                    version: V1_9,
                },
                path: "/v3/x",
            }],
            None,
            None,
        );
        let early = server(&[V1_8]).with_feature("org.example.msc9.stable");
        assert_eq!(H.select_path(&early), Ok("/v3/x"));
        assert_eq!(H.select_path(&server(&[V1_9])), Ok("/v3/x"));
        assert_eq!(
            H.select_path(&server(&[V1_8]).with_feature("org.example.msc9")),
            Ok("/u/x")
        );
        assert!(H.select_path(&server(&[V1_8])).is_err());

        const FEATURE_ONLY: VersionHistory = VersionHistory::new(
            &[],
            &[StablePath {
                selector: StablePathSelector::Feature("org.example.f"),
                path: "/v3/f",
            }],
            None,
            None,
        );
        assert_eq!(
            FEATURE_ONLY.select_path(&server(&[]).with_feature("org.example.f")),
            Ok("/v3/f")
        );
        assert!(FEATURE_ONLY.select_path(&server(&[V1_19])).is_err());
    }

    const DEPRECATED: VersionHistory = VersionHistory::new(
        &[],
        &[
            StablePath {
                selector: StablePathSelector::Version(V1_0),
                path: "/r0/old",
            },
            StablePath {
                selector: StablePathSelector::Version(V1_1),
                path: "/v3/old",
            },
        ],
        Some(V1_12),
        Some(V1_13),
    );

    #[test]
    fn deprecated_paths_still_work_but_are_reported() {
        assert_eq!(DEPRECATED.select_path(&server(&[V1_12])), Ok("/v3/old"));
        assert_eq!(
            DEPRECATED.versioning_decision(&server(&[V1_12])),
            VersioningDecision::Stable { deprecated: true }
        );
        assert_eq!(
            DEPRECATED.versioning_decision(&server(&[V1_11])),
            VersioningDecision::Stable { deprecated: false }
        );
        assert_eq!(DEPRECATED.deprecated_in(), Some(V1_12));
        assert_eq!(DEPRECATED.removed_in(), Some(V1_13));
    }

    #[test]
    fn removed_endpoints() {
        let only_new = server(&[V1_13, V1_14]);
        let err = DEPRECATED.select_path(&only_new).unwrap_err();
        assert_eq!(
            err,
            IntoHttpError::EndpointRemoved {
                endpoint: "/v3/old",
                removed_in: V1_13
            }
        );
        assert!(err.to_string().contains("v1.13"), "{err}");
        assert_eq!(
            DEPRECATED.versioning_decision(&only_new),
            VersioningDecision::Removed
        );
        // A server that also still supports an older version keeps the endpoint.
        assert_eq!(
            DEPRECATED.select_path(&server(&[V1_11, V1_13])),
            Ok("/v3/old")
        );
    }

    #[test]
    fn unversioned() {
        const H: VersionHistory = VersionHistory::unversioned("/_matrix/client/versions");
        assert_eq!(H.select_path(&server(&[])), Ok("/_matrix/client/versions"));
        assert_eq!(
            H.all_paths().collect::<Vec<_>>(),
            ["/_matrix/client/versions"]
        );
        assert_eq!(H.added_in(), None);
    }
}
