//! An endpoint's paths across specification versions, and choosing one for a given server.

use crate::error::IntoHttpError;
use crate::version::{MatrixVersion, SupportedVersions};

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

    fn is_supported_by(self, server: &SupportedVersions) -> bool {
        let by_version = self
            .version()
            .is_some_and(|v| server_has_at_or_after(server, v));
        by_version || self.feature().is_some_and(|f| server.has_feature(f))
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
enum Paths {
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
    paths: Paths,
    deprecated: Option<MatrixVersion>,
    removed: Option<MatrixVersion>,
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
        let mut last_version: Option<MatrixVersion> = None;
        while i <= stable.len() {
            if let Some(version) = stable[i - 1].selector.version() {
                if let Some(last) = last_version {
                    if version as u8 <= last as u8 {
                        panic!("stable paths must be listed in strictly ascending version order");
                    }
                }
                last_version = Some(version);
            }
            i += 1;
        }
        if let Some(deprecated) = deprecated {
            match last_version {
                Some(last) if (last as u8) < (deprecated as u8) => {}
                _ => panic!("`deprecated` needs a stable path from an earlier version"),
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
        let unversioned = self.unversioned_path().into_iter();
        let unstable = self.unstable_paths().iter().map(|p| p.path);
        let stable = self.stable_paths().iter().map(|p| p.path);
        let all = unversioned.chain(unstable).chain(stable);
        // Two history entries may share a path (an MSC's path announced under two flags); a
        // router rejects a path registered twice.
        all.clone().enumerate().filter_map(move |(i, path)| {
            (!all.clone().take(i).any(|earlier| earlier == path)).then_some(path)
        })
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

// Compile-time checks emitted by `#[request]`. The macro cannot see `metadata!`'s tokens, so the
// rules that need both are decided by rustc: for each rule the macro emits, spanned on the
// user's token,
//
//     const _: () = <declaration::Check<{ path_field_named(&METADATA.history, "room_id") }>
//         as declaration::PathFieldNamed>::OK;
//
// The `const fn` decides the rule; `DeclarationCheck<false>` implements none of the rule traits,
// so a broken rule is a trait-bound error on the user's token, worded by the trait's
// `#[diagnostic::on_unimplemented]`: one error, and no "evaluation panicked". A placeholder
// history (a declaration that already failed) passes every rule, so a mistake is reported once.
// Const fns cannot use iterators or `==` on strings, hence the index loops.

/// The outcome of one compile-time check of a declaration, as a type (see above).
#[doc(hidden)]
pub struct DeclarationCheck<const PASSED: bool>;

/// Rule: a request's module declares its `METADATA`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "no `METADATA` in scope for this request",
    label = "this endpoint has no `METADATA`",
    note = "declare the endpoint's metadata in this module: `const METADATA: Metadata = \
            metadata! {{ method: GET, rate_limited: false, authentication: AccessToken, history: \
            {{ 1.1 => \"/_matrix/client/v3/...\" }} }};` (or import it by name)"
)]
pub trait MetadataDeclared {
    /// Names the rule in a constant, which fails to compile when the rule is broken.
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl MetadataDeclared for DeclarationCheck<true> {
    const OK: () = ();
}

/// Rule: an `#[api(path)]` field is named after a `{param}` of the paths.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `#[api(path)]` field matches no `{{param}}` of the paths of METADATA",
    label = "no `{{param}}` of the paths has this name",
    note = "a path field fills the `{{param}}` of its own name: rename the field after a \
            parameter of the paths, or send it another way, such as `#[api(query)]`"
)]
pub trait PathFieldNamed {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl PathFieldNamed for DeclarationCheck<true> {
    const OK: () = ();
}

/// Rule: every `{param}` of the paths has an `#[api(path)]` field.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "a `{{param}}` of the paths of METADATA has no `#[api(path)]` field in this request",
    label = "no field for one of the path's parameters",
    note = "each `{{param}}` is filled by the field of its name: add `#[api(path)] pub \
            room_id: OwnedRoomId` (with the parameter's name, and a type that implements \
            `Display` and `FromStr`) for every parameter of the paths"
)]
pub trait PathParamsCovered {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl PathParamsCovered for DeclarationCheck<true> {
    const OK: () = ();
}

/// Rule: a request whose method has no body (`GET`, `HEAD`) has no body fields.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "a `GET` or `HEAD` request has no body, but this field would go in it",
    label = "a JSON body field, but METADATA's method sends no body",
    note = "mark the field `#[api(query)]` (or `#[api(path)]`, `#[api(header = NAME)]`), or \
            give METADATA a method with a body, such as `POST`"
)]
pub trait BodyAllowed {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl BodyAllowed for DeclarationCheck<true> {
    const OK: () = ();
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
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

/// The `n`th parameter of a template.
const fn nth_param(template: &'static str, n: usize) -> Option<&'static str> {
    let bytes = template.as_bytes();
    let mut i = 0;
    let mut seen = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' {
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && bytes[end] != b'}' {
                end += 1;
            }
            if seen == n {
                let (_, tail) = bytes.split_at(start);
                let (name, _) = tail.split_at(end - start);
                return match core::str::from_utf8(name) {
                    Ok(name) => Some(name),
                    Err(_) => None,
                };
            }
            seen += 1;
            i = end;
        }
        i += 1;
    }
    None
}

const fn is_param(template: &'static str, name: &str) -> bool {
    let mut n = 0;
    while let Some(param) = nth_param(template, n) {
        if str_eq(param, name) {
            return true;
        }
        n += 1;
    }
    false
}

const fn contains(names: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Compile-time check, on the struct's name: `METADATA` is the endpoint's own, not the
/// stand-in `#[request]` provides when none is in scope.
#[doc(hidden)]
pub const fn metadata_declared(metadata: &crate::Metadata) -> bool {
    !matches!(
        metadata.history.paths,
        Paths::Placeholder(Placeholder::Undeclared)
    )
}

/// Compile-time check, on an `#[api(path)]` field: `field` names a `{param}` of the paths.
#[doc(hidden)]
pub const fn path_field_named(history: &VersionHistory, field: &str) -> bool {
    match first_template(history) {
        Some(template) => is_param(template, field),
        None => true,
    }
}

/// Compile-time check, on the struct's name: every `{param}` of the paths has an `#[api(path)]`
/// field. Passes while a path field matches no parameter: that field's own check reports the
/// mistake (often a misspelling), once.
#[doc(hidden)]
pub const fn path_params_covered(history: &VersionHistory, fields: &[&str]) -> bool {
    let Some(template) = first_template(history) else {
        return true;
    };
    let mut i = 0;
    while i < fields.len() {
        if !is_param(template, fields[i]) {
            return true;
        }
        i += 1;
    }
    let mut n = 0;
    while let Some(param) = nth_param(template, n) {
        if !contains(fields, param) {
            return false;
        }
        n += 1;
    }
    true
}

/// Compile-time check, on a body field: the method of METADATA sends a body (`GET` and `HEAD`
/// do not).
#[doc(hidden)]
pub const fn body_allowed(metadata: &crate::Metadata) -> bool {
    matches!(metadata.history.paths, Paths::Placeholder(_)) || !metadata.method_has_no_body()
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(nth_param(t, 1), Some("event_type"));
        assert!(is_param(t, "txn_id") && !is_param(t, "txn"));
        assert_eq!(nth_param(t, 3), None);
        assert_eq!(path_params("/no/params").count(), 0);
    }

    const ROOM_STATE: VersionHistory = VersionHistory::new(
        &[],
        &[StablePath {
            selector: StablePathSelector::Version(V1_1),
            path: "/v3/rooms/{room_id}/state/{event_type}",
        }],
        None,
        None,
    );

    #[test]
    fn compile_time_checks_of_path_fields() {
        assert!(path_field_named(&ROOM_STATE, "room_id"));
        assert!(!path_field_named(&ROOM_STATE, "roomid"));
        assert!(!path_field_named(&VersionHistory::unversioned("/x"), "a"));

        assert!(path_params_covered(&ROOM_STATE, &["event_type", "room_id"]));
        assert!(!path_params_covered(&ROOM_STATE, &["room_id"]));
        // A misspelt field is reported by its own check only.
        assert!(path_params_covered(&ROOM_STATE, &["roomid", "event_type"]));
    }

    #[test]
    fn compile_time_checks_of_metadata() {
        let get = crate::Metadata {
            method: http::Method::GET,
            rate_limited: false,
            authentication: crate::AuthScheme::None,
            history: ROOM_STATE,
        };
        assert!(!body_allowed(&get));
        let post = crate::Metadata {
            method: http::Method::POST,
            ..get.clone()
        };
        assert!(body_allowed(&post));
        assert!(metadata_declared(&post));

        // Placeholders pass every check but the one about a missing `METADATA`.
        let invalid = crate::__private::INVALID_METADATA;
        assert!(body_allowed(&invalid));
        assert!(path_field_named(&invalid.history, "x"));
        assert!(path_params_covered(&invalid.history, &[]));
        assert!(metadata_declared(&invalid));
        let undeclared = crate::__private::undeclared::METADATA;
        assert!(path_field_named(&undeclared.history, "x"));
        assert!(body_allowed(&undeclared));
        assert!(!metadata_declared(&undeclared));
    }
}
