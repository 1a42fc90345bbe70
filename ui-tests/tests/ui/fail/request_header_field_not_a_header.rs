// A header field whose type is neither a header value nor `Clone`: one error, on the type,
// naming all it needs.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.1 => "/_matrix/client/v3/things",
    }
};

#[derive(Debug)]
pub struct Language {
    pub tag: String,
}

#[request]
pub struct Request {
    #[api(header = CONTENT_LANGUAGE)]
    pub language: Language,
}

#[response]
pub struct Response {}

fn main() {}
