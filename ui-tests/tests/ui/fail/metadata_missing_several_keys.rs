use matrix_api::{metadata, Metadata};

pub const METADATA: Metadata = metadata! {
    method: POST,
    path: "/_matrix/client/versions",
};

fn main() {}
