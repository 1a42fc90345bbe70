// The endpoint `legacy` names must have the same path parameters, in the same order: the client
// fills its paths from this endpoint's request.
use matrix_api::{metadata, Metadata};

mod v3 {
    use matrix_api::{metadata, Metadata};

    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.1 => "/_matrix/media/v3/download/{serverName}/{mediaId}",
        }
    };
}

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        1.11 => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
    },
    legacy: v3::METADATA,
};

fn main() {
    let _ = METADATA;
}
