//! What a server has told about itself, from every signal it gives: the versions and unstable
//! features of `GET /_matrix/client/versions`, the capabilities of `GET /capabilities`, and the
//! flags of the login flows of `GET /login`. Path selection reads it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::version::{MatrixVersion, SupportedVersions};

/// Where a server said something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `GET /_matrix/client/versions`: the versions, and `unstable_features`.
    Versions,
    /// `GET /_matrix/client/v3/capabilities`: each capability and whether it is enabled.
    Capabilities,
    /// `GET /_matrix/client/v3/login`: flags of the login flows, such as `get_login_token`.
    LoginFlows,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Versions => "/versions",
            Source::Capabilities => "/capabilities",
            Source::LoginFlows => "GET /login",
        })
    }
}

/// A response that tells something about the server, and can teach it to a [`ServerView`] in
/// one call. `matrix-client-api` implements it for `/versions`, `/capabilities` and
/// `GET /login`.
pub trait ServerSignal {
    /// Records what this response says in `view`.
    fn teach(&self, view: &mut ServerView);
}

/// Everything a client knows about one server, each fact with where it came from.
///
/// A view may be partial, as before login when only `/versions` can be asked: it then says
/// which sources it lacks ([`ServerView::missing`]), and selection records what it could not
/// check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerView {
    versions: Option<BTreeSet<MatrixVersion>>,
    /// The version strings as the server wrote them, kept for display.
    version_names: Vec<String>,
    /// Every feature flag, capability and login-flow flag: by name, each source's word.
    announcements: BTreeMap<String, BTreeMap<Source, bool>>,
    known: BTreeSet<Source>,
}

/// What the server said about one feature flag or capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Announcement {
    /// Whether it is enabled.
    pub enabled: bool,
    /// Who said so (the first source that said it is enabled, if any did).
    pub source: Source,
}

impl ServerView {
    /// A view of a server nothing is known about yet.
    pub fn new() -> Self {
        ServerView::default()
    }

    /// Learns what a response says (`/versions`, `/capabilities` or `GET /login`).
    pub fn learn(&mut self, signal: &impl ServerSignal) -> &mut Self {
        signal.teach(self);
        self
    }

    /// Records the answer of `/versions`: version strings as written (unknown ones such as a
    /// future `v2.0` are skipped) and `unstable_features` with their flags.
    pub fn learn_versions<V: AsRef<str>, F: AsRef<str>>(
        &mut self,
        versions: &[V],
        unstable_features: &BTreeMap<F, bool>,
    ) -> &mut Self {
        let supported = SupportedVersions::from_parts(versions, unstable_features);
        self.versions = Some(supported.versions);
        self.version_names = versions.iter().map(|v| v.as_ref().to_owned()).collect();
        let flags = unstable_features
            .iter()
            .map(|(name, on)| (name.as_ref().to_owned(), *on));
        self.record(Source::Versions, flags);
        self
    }

    /// Records the capabilities of `/capabilities` that have an `enabled` flag, unstable names
    /// included. A capability the server does not list is then known to be off.
    pub fn learn_capabilities(
        &mut self,
        capabilities: impl IntoIterator<Item = (String, bool)>,
    ) -> &mut Self {
        self.record(Source::Capabilities, capabilities);
        self
    }

    /// Records flags of the login flows of `GET /login`, by the capability they announce
    /// (`m.login.token`'s `get_login_token: true` announces `m.get_login_token`).
    pub fn learn_login_flags(
        &mut self,
        flags: impl IntoIterator<Item = (String, bool)>,
    ) -> &mut Self {
        self.record(Source::LoginFlows, flags);
        self
    }

    fn record(&mut self, source: Source, flags: impl IntoIterator<Item = (String, bool)>) {
        // A source answered again: what it said before no longer holds.
        for said in self.announcements.values_mut() {
            said.remove(&source);
        }
        self.announcements.retain(|_, said| !said.is_empty());
        for (name, enabled) in flags {
            self.announcements
                .entry(name)
                .or_default()
                .insert(source, enabled);
        }
        self.known.insert(source);
    }

    /// Forgets what `source` said, so that it is asked again.
    pub fn forget(&mut self, source: Source) {
        self.record(source, []);
        self.known.remove(&source);
        if source == Source::Versions {
            self.versions = None;
            self.version_names.clear();
        }
    }

    /// Whether the view has the answer of this source.
    pub fn knows(&self, source: Source) -> bool {
        self.known.contains(&source)
    }

    /// The sources the view lacks.
    pub fn missing(&self) -> Vec<Source> {
        [Source::Versions, Source::Capabilities, Source::LoginFlows]
            .into_iter()
            .filter(|source| !self.knows(*source))
            .collect()
    }

    /// The specification versions the server supports (empty until `/versions` is known).
    pub fn versions(&self) -> impl DoubleEndedIterator<Item = MatrixVersion> + '_ {
        self.versions.iter().flatten().copied()
    }

    /// The version strings `/versions` listed, as written.
    pub fn version_names(&self) -> &[String] {
        &self.version_names
    }

    /// The newest version the server supports.
    pub fn newest_version(&self) -> Option<MatrixVersion> {
        self.versions().next_back()
    }

    /// Whether the server supports `version` or a newer one.
    pub fn supports(&self, version: MatrixVersion) -> bool {
        self.versions
            .as_ref()
            .is_some_and(|v| v.range(version..).next().is_some())
    }

    /// What any source said of this feature flag or capability: enabled if any source says
    /// so; `None` if none mentions it.
    pub fn announcement(&self, name: &str) -> Option<Announcement> {
        let said = self.announcements.get(name)?;
        let enabled = said.iter().find(|(_, on)| **on);
        let (source, enabled) = match enabled {
            Some((source, _)) => (*source, true),
            None => (*said.keys().next()?, false),
        };
        Some(Announcement { enabled, source })
    }

    /// What one source said of `name`: `None` when it did not mention it (or is not known).
    pub fn said(&self, name: &str, source: Source) -> Option<bool> {
        self.announcements.get(name)?.get(&source).copied()
    }

    /// The source that announces `name` as enabled, if any does.
    pub fn announced_by(&self, name: &str) -> Option<Source> {
        self.announcement(name)
            .filter(|a| a.enabled)
            .map(|a| a.source)
    }

    /// Every enabled flag, for display: name and the source that announced it.
    pub fn enabled(&self) -> impl Iterator<Item = (&str, Source)> + '_ {
        self.announcements
            .keys()
            .filter_map(|name| Some((name.as_str(), self.announced_by(name)?)))
    }

    /// The versions and every enabled flag, whatever its source: what
    /// `OutgoingRequest::try_into_http_request` selects from.
    pub fn supported_versions(&self) -> SupportedVersions {
        SupportedVersions {
            versions: self.versions.clone().unwrap_or_default(),
            features: self.enabled().map(|(name, _)| name.to_owned()).collect(),
        }
    }
}

impl From<&SupportedVersions> for ServerView {
    fn from(supported: &SupportedVersions) -> Self {
        let mut view = ServerView::new();
        let versions: Vec<&str> = supported.versions.iter().map(|v| v.as_str()).collect();
        let features: BTreeMap<&str, bool> = supported
            .features
            .iter()
            .map(|f| (f.as_str(), true))
            .collect();
        view.learn_versions(&versions, &features);
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_source_can_announce_a_flag() {
        let mut view = ServerView::new();
        assert_eq!(
            view.missing(),
            [Source::Versions, Source::Capabilities, Source::LoginFlows]
        );
        view.learn_versions(
            &["v1.4", "v2.0"],
            &BTreeMap::from([("org.matrix.msc3882", true), ("org.example.off", false)]),
        );
        assert_eq!(view.missing(), [Source::Capabilities, Source::LoginFlows]);
        assert!(view.supports(MatrixVersion::V1_4) && !view.supports(MatrixVersion::V1_5));
        assert_eq!(
            view.announced_by("org.matrix.msc3882"),
            Some(Source::Versions)
        );
        assert_eq!(view.announced_by("org.example.off"), None);
        assert_eq!(view.said("org.example.off", Source::Versions), Some(false));
        assert_eq!(view.said("org.example.off", Source::Capabilities), None);
        assert_eq!(
            view.announcement("org.example.off"),
            Some(Announcement {
                enabled: false,
                source: Source::Versions
            })
        );
        view.learn_capabilities([("org.example.off".to_owned(), true)]);
        assert_eq!(
            view.announced_by("org.example.off"),
            Some(Source::Capabilities)
        );
        assert!(view.supported_versions().has_feature("org.example.off"));
        // A source that answers again replaces what it said.
        view.learn_capabilities([]);
        assert_eq!(view.announced_by("org.example.off"), None);
        view.forget(Source::Versions);
        assert!(!view.supports(MatrixVersion::V1_0));
        assert_eq!(view.announcement("org.matrix.msc3882"), None);
    }
}
