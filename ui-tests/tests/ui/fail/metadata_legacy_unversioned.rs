// An unversioned endpoint has its path on every server: there is nothing to fall back from.
use matrix_api::{metadata, Metadata};

const OLD: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/old",
    }
};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/.well-known/matrix/new",
    legacy: OLD,
};

fn main() {
    let _ = METADATA;
}
