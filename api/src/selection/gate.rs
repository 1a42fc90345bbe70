//! The capability that gates an endpoint (`m.get_login_token` for `login/get_token`), read
//! from what the server said.

use std::fmt;

use serde::Serialize;

use super::view::{ServerView, Source};

/// The capability that gates an endpoint, and what the server said of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Gate {
    /// The capability, such as `m.get_login_token`.
    pub capability: &'static str,
    /// Open, closed (and how) or unchecked.
    pub state: GateState,
}

/// What the server said of a gating capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "source")]
pub enum GateState {
    /// Enabled, according to this source.
    Open(Source),
    /// `/capabilities` lists it as disabled.
    Disabled,
    /// `/capabilities` does not list it: the specification says clients should then assume
    /// the user cannot use the endpoint.
    NotListed,
    /// `/capabilities` is not known (as before login) and no other source announced it, so
    /// the gate was not checked.
    Unchecked,
}

impl GateState {
    /// Whether the server said the endpoint is off.
    pub fn is_closed(self) -> bool {
        matches!(self, GateState::Disabled | GateState::NotListed)
    }
}

impl Gate {
    /// Reads the gate from the view. `/capabilities` answers for the user, so once known it
    /// decides; before that, another source announcing the capability (the `get_login_token`
    /// flag of `GET /login`) opens it.
    pub fn read(capability: &'static str, view: &ServerView) -> Gate {
        let state = if view.knows(Source::Capabilities) {
            match view.said(capability, Source::Capabilities) {
                Some(true) => GateState::Open(Source::Capabilities),
                Some(false) => GateState::Disabled,
                None => GateState::NotListed,
            }
        } else {
            match view.announced_by(capability) {
                Some(source) => GateState::Open(source),
                None => GateState::Unchecked,
            }
        };
        Gate { capability, state }
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let capability = self.capability;
        match self.state {
            GateState::Open(source) => write!(f, "{source} has {capability} enabled"),
            GateState::Disabled => write!(f, "/capabilities lists {capability} as disabled"),
            GateState::NotListed => write!(
                f,
                "/capabilities does not list {capability}, so the user is taken to be unable \
                 to use it"
            ),
            GateState::Unchecked => write!(f, "{capability} unchecked: /capabilities unknown"),
        }
    }
}
