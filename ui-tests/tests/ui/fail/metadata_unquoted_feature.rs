// A feature flag written without quotes: one error, showing it in quotes.
use matrix_api::{metadata, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        unstable(org.example.msc1234) => "/_matrix/client/unstable/org.example.msc1234/things",
    }
};

fn main() {
    let _ = METADATA;
}
