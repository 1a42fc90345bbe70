// `legacy` names the replaced endpoint's constant, not one of its paths.
use matrix_api::{metadata, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        1.11 => "/_matrix/client/v1/media/config",
    },
    legacy: "/_matrix/media/v3/config",
};

fn main() {
    let _ = METADATA;
}
