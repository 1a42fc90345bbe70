// `METADATA` of another module is not this endpoint's: each endpoint module declares its own.
use matrix_api::{metadata, Metadata};

const METADATA: Metadata = metadata! {
    method: POST,
    rate_limited: false,
    authentication: None,
    path: "/_matrix/client/v3/ping",
};

mod ping {
    use matrix_api::{request, response};

    #[request]
    pub struct Request {
        #[api(header = CONTENT_TYPE)]
        pub content_type: String,
    }

    #[response]
    pub struct Response {}
}

fn main() {}
