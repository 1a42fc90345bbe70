use matrix_api::{metadata, Metadata};

// The gating capability is a string, as `/capabilities` lists it.
pub const UNQUOTED: Metadata = metadata! {
    method: POST,
    rate_limited: true,
    authentication: AccessToken,
    capability: m.get_login_token,
    path: "/_matrix/client/v1/login/get_token",
};

pub const NOT_NAMESPACED: Metadata = metadata! {
    method: POST,
    rate_limited: true,
    authentication: AccessToken,
    capability: "get login token",
    path: "/_matrix/client/v1/login/get_token",
};

fn main() {}
