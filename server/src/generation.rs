//! Which generation of `POST /login/get_token` ([MSC3882]) the server plays, and everything
//! that goes with it: the versions and flags it announces, its capabilities, its `GET /login`
//! flows, the one path it serves and the lifetime field it answers with. A client that reads
//! every signal reaches each generation with the same code, and is refused by `Off` before it
//! calls.
//!
//! [MSC3882]: https://github.com/matrix-org/matrix-spec-proposals/pull/3882

use std::fmt;
use std::str::FromStr;

use matrix_api::MatrixVersion;

/// A generation of `POST /login/get_token`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoginTokenGeneration {
    /// Revision 0 (Synapse 1.69–1.85): `…/org.matrix.msc3882/login/token`, announced by
    /// `org.matrix.msc3882` in `/versions`, answering `expires_in` in seconds; up to v1.5.
    R0,
    /// Revision 1: `…/org.matrix.msc3882/login/get_token`, announced by the capability
    /// `org.matrix.msc3882.get_login_token`; up to v1.6.
    R1,
    /// Matrix v1.7: `/_matrix/client/v1/login/get_token`, with the capability
    /// `m.get_login_token` enabled and `get_login_token: true` on `GET /login`'s token flow;
    /// and, as Synapse does, revision 0's flag still announced though its path is gone.
    #[default]
    Stable,
    /// A current server with the feature off, as Synapse ships: the capability listed
    /// disabled, no token login, no path.
    Off,
}

/// The unstable feature of revision 0, in `/versions`.
pub(crate) const MSC3882: &str = "org.matrix.msc3882";
/// The capability of revision 1.
pub(crate) const MSC3882_CAPABILITY: &str = "org.matrix.msc3882.get_login_token";

impl LoginTokenGeneration {
    /// Every generation, oldest first.
    pub const ALL: [LoginTokenGeneration; 4] = [
        LoginTokenGeneration::R0,
        LoginTokenGeneration::R1,
        LoginTokenGeneration::Stable,
        LoginTokenGeneration::Off,
    ];

    /// The path the server serves the endpoint on, if any.
    pub fn path(self) -> Option<&'static str> {
        match self {
            LoginTokenGeneration::R0 => {
                Some("/_matrix/client/unstable/org.matrix.msc3882/login/token")
            }
            LoginTokenGeneration::R1 => {
                Some("/_matrix/client/unstable/org.matrix.msc3882/login/get_token")
            }
            LoginTokenGeneration::Stable => Some("/_matrix/client/v1/login/get_token"),
            LoginTokenGeneration::Off => None,
        }
    }

    /// The newest version the server announces: servers of the unstable revisions predate
    /// v1.7.
    pub(crate) fn newest_version(self) -> MatrixVersion {
        match self {
            LoginTokenGeneration::R0 => MatrixVersion::V1_5,
            LoginTokenGeneration::R1 => MatrixVersion::V1_6,
            LoginTokenGeneration::Stable | LoginTokenGeneration::Off => MatrixVersion::LATEST,
        }
    }

    /// Whether `GET /login` lists `m.login.token`, and with `get_login_token: true`.
    pub(crate) fn token_flow(self) -> Option<bool> {
        match self {
            LoginTokenGeneration::R0 | LoginTokenGeneration::R1 => Some(false),
            LoginTokenGeneration::Stable => Some(true),
            LoginTokenGeneration::Off => None,
        }
    }
}

impl fmt::Display for LoginTokenGeneration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            LoginTokenGeneration::R0 => "r0",
            LoginTokenGeneration::R1 => "r1",
            LoginTokenGeneration::Stable => "stable",
            LoginTokenGeneration::Off => "off",
        })
    }
}

impl FromStr for LoginTokenGeneration {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        LoginTokenGeneration::ALL
            .into_iter()
            .find(|generation| generation.to_string() == text)
            .ok_or_else(|| format!("`{text}` is not a generation: r0, r1, stable or off"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for generation in LoginTokenGeneration::ALL {
            assert_eq!(generation.to_string().parse(), Ok(generation));
        }
        assert_eq!(
            "v1".parse::<LoginTokenGeneration>(),
            Err("`v1` is not a generation: r0, r1, stable or off".to_owned())
        );
    }

    #[test]
    fn each_path_is_one_of_the_endpoints() {
        let history = matrix_client_api::session::get_login_token::v1::Request::METADATA.history;
        for path in LoginTokenGeneration::ALL.iter().filter_map(|g| g.path()) {
            assert!(history.all_paths().any(|known| known == path), "{path}");
        }
    }
}
