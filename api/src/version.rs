//! Matrix specification versions and what a server says it supports.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

macro_rules! matrix_versions {
    ($($variant:ident => $minor:literal),+ $(,)?) => {
        /// A released version of the Matrix client-server specification.
        ///
        /// Versions order by release. The legacy `r0.x.y` releases all count as [`MatrixVersion::V1_0`],
        /// which is how the specification itself maps them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum MatrixVersion {
            $(
                #[doc = concat!("Matrix v1.", stringify!($minor), ".")]
                $variant,
            )+
        }

        impl MatrixVersion {
            /// Every version this crate knows, oldest first.
            pub const ALL: &'static [MatrixVersion] = &[$(MatrixVersion::$variant),+];

            /// The minor number of this version (all known versions have major number 1).
            pub const fn minor(self) -> u8 {
                match self {
                    $(MatrixVersion::$variant => $minor,)+
                }
            }

            /// The version `v1.<minor>`, if this crate knows it.
            pub const fn from_minor(minor: u64) -> Option<MatrixVersion> {
                match minor {
                    $($minor => Some(MatrixVersion::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

matrix_versions! {
    V1_0 => 0, V1_1 => 1, V1_2 => 2, V1_3 => 3, V1_4 => 4, V1_5 => 5, V1_6 => 6, V1_7 => 7,
    V1_8 => 8, V1_9 => 9, V1_10 => 10, V1_11 => 11, V1_12 => 12, V1_13 => 13, V1_14 => 14,
    V1_15 => 15, V1_16 => 16, V1_17 => 17, V1_18 => 18, V1_19 => 19,
}

impl MatrixVersion {
    /// The newest version this crate knows.
    pub const LATEST: MatrixVersion = MatrixVersion::V1_19;
}

// `metadata!` accepts versions up to the macros' newest and expands each to a variant of this
// enum: the two crates must agree, or a declaration could name a version this crate lacks.
const _: () = assert!(
    MatrixVersion::LATEST.minor() == matrix_api_macros::__latest_matrix_minor!(),
    "matrix-api and matrix-api-macros disagree on the newest Matrix version"
);

impl MatrixVersion {
    /// The string the specification and `/versions` use for this version, such as `"v1.7"`.
    pub const fn as_str(self) -> &'static str {
        // Indexing a const table keeps this allocation-free and usable in const contexts.
        const NAMES: [&str; 20] = [
            "v1.0", "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7", "v1.8", "v1.9",
            "v1.10", "v1.11", "v1.12", "v1.13", "v1.14", "v1.15", "v1.16", "v1.17", "v1.18",
            "v1.19",
        ];
        NAMES[self.minor() as usize]
    }
}

impl serde::Serialize for MatrixVersion {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(self.as_str())
    }
}

impl fmt::Display for MatrixVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a string is not a Matrix version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVersionError {
    input: String,
}

impl UnknownVersionError {
    /// The string that was rejected.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for UnknownVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a Matrix version: expected `v1.N` (such as `v1.7`) or a legacy `r0.x.y`",
            self.input
        )
    }
}

impl std::error::Error for UnknownVersionError {}

impl FromStr for MatrixVersion {
    type Err = UnknownVersionError;

    /// Parses a version string as `/versions` returns it.
    ///
    /// `r0.x.y` is v1.0. A `v1.N` newer than [`MatrixVersion::LATEST`] counts as the latest
    /// version known, so that a server newer than this crate still gets stable paths.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || UnknownVersionError {
            input: s.to_owned(),
        };
        if let Some(rest) = s.strip_prefix("r0.") {
            // r0.x.y: two further dot-separated numbers.
            let mut parts = rest.split('.');
            let ok = matches!((parts.next(), parts.next(), parts.next()),
                (Some(x), Some(y), None) if is_number(x) && is_number(y));
            return if ok {
                Ok(MatrixVersion::V1_0)
            } else {
                Err(err())
            };
        }
        let rest = s.strip_prefix("v1.").ok_or_else(err)?;
        if !is_number(rest) {
            return Err(err());
        }
        // Any digit string is a valid future minor; huge ones simply saturate.
        let minor = rest.parse::<u64>().unwrap_or(u64::MAX);
        Ok(MatrixVersion::from_minor(minor).unwrap_or(MatrixVersion::LATEST))
    }
}

/// A number as the specification writes version numbers: digits, without leading zeros (so
/// that `v1.07` is not quietly read as `v1.7`).
fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// What a homeserver supports, as announced by `GET /_matrix/client/versions`.
///
/// Path selection ([`crate::VersionHistory::select_path`]) reads this to pick the path for each
/// request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SupportedVersions {
    /// The specification versions the server supports.
    pub versions: BTreeSet<MatrixVersion>,
    /// The unstable and stable feature flags the server announces as enabled.
    pub features: BTreeSet<String>,
}

impl SupportedVersions {
    /// Builds the set from the two fields of a `/versions` response.
    ///
    /// Version strings that are not Matrix versions (such as a future `v2.0`) are skipped, and
    /// only features whose value is `true` count as announced.
    pub fn from_parts<V, F>(versions: &[V], unstable_features: &BTreeMap<F, bool>) -> Self
    where
        V: AsRef<str>,
        F: AsRef<str>,
    {
        SupportedVersions {
            versions: versions
                .iter()
                .filter_map(|v| v.as_ref().parse().ok())
                .collect(),
            features: unstable_features
                .iter()
                .filter(|(_, enabled)| **enabled)
                .map(|(name, _)| name.as_ref().to_owned())
                .collect(),
        }
    }

    /// A server that supports exactly these versions and no features; handy in tests and for
    /// talking to a server whose versions are known in advance.
    pub fn from_versions(versions: &[MatrixVersion]) -> Self {
        SupportedVersions {
            versions: versions.iter().copied().collect(),
            features: BTreeSet::new(),
        }
    }

    /// Adds an announced feature flag.
    pub fn with_feature(mut self, feature: impl Into<String>) -> Self {
        self.features.insert(feature.into());
        self
    }

    /// Whether the server announces this feature flag.
    pub fn has_feature(&self, feature: &str) -> bool {
        self.features.contains(feature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_released_versions() {
        for (minor, version) in MatrixVersion::ALL.iter().enumerate() {
            let text = format!("v1.{minor}");
            assert_eq!(text.parse::<MatrixVersion>(), Ok(*version));
            assert_eq!(version.to_string(), text);
        }
    }

    #[test]
    fn legacy_r0_versions_are_v1_0() {
        for s in ["r0.0.1", "r0.5.0", "r0.6.1"] {
            assert_eq!(s.parse::<MatrixVersion>(), Ok(MatrixVersion::V1_0), "{s}");
        }
    }

    #[test]
    fn newer_minor_counts_as_latest() {
        assert_eq!("v1.20".parse::<MatrixVersion>(), Ok(MatrixVersion::LATEST));
        assert_eq!(
            "v1.999999999999999999999".parse::<MatrixVersion>(),
            Ok(MatrixVersion::LATEST)
        );
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for s in [
            "", "v2.0", "v1.", "v1.x", "1.7", "r0.6", "r0.6.1.2", "r1.0.0", "v1.7 ", "v1.+7",
            "v1.07", "v1.0011", "v1.00", "r0.06.1", "r0.6.01",
        ] {
            let err = s.parse::<MatrixVersion>().unwrap_err();
            assert_eq!(err.input(), s);
            assert!(err.to_string().contains("is not a Matrix version"));
        }
    }

    #[test]
    fn versions_order_by_release() {
        assert!(MatrixVersion::V1_0 < MatrixVersion::V1_1);
        assert!(MatrixVersion::V1_9 < MatrixVersion::V1_10);
        assert!(MatrixVersion::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(*MatrixVersion::ALL.last().unwrap(), MatrixVersion::LATEST);
    }

    #[test]
    fn supported_versions_from_a_versions_response() {
        let versions = ["r0.5.0", "r0.6.1", "v1.1", "v1.7", "v2.0", "nonsense"];
        let features =
            BTreeMap::from([("org.matrix.msc3882", true), ("org.matrix.msc2918", false)]);
        let supported = SupportedVersions::from_parts(&versions, &features);
        assert_eq!(
            supported.versions,
            BTreeSet::from([
                MatrixVersion::V1_0,
                MatrixVersion::V1_1,
                MatrixVersion::V1_7
            ])
        );
        assert!(supported.has_feature("org.matrix.msc3882"));
        assert!(!supported.has_feature("org.matrix.msc2918"));
    }
}
