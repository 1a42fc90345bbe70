// An endpoint declared in a function body (as in a unit test), and two endpoints in sibling
// modules whose `METADATA` constants do not interfere.
use matrix_api::{metadata, request, response, Metadata, OutgoingRequest};

mod first {
    use super::*;

    pub const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: None,
        path: "/first",
    };

    #[request]
    pub struct Request {
        pub a: u32,
    }

    #[response]
    pub struct Response {}
}

mod second {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/second/{b}",
    };

    #[request]
    pub struct Request {
        #[api(path)]
        pub b: u32,
    }

    #[response]
    pub struct Response {}
}

fn main() {
    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: false,
        authentication: AccessToken,
        path: "/local/{id}",
    };

    #[request]
    struct Request {
        #[api(path)]
        id: String,
    }

    #[response]
    struct Response {}

    let _ = Request { id: String::new() };
    assert_eq!(
        <first::Request as OutgoingRequest>::METADATA
            .history
            .unversioned_path(),
        Some("/first")
    );
    assert_eq!(
        <second::Request as OutgoingRequest>::METADATA
            .history
            .unversioned_path(),
        Some("/second/{b}")
    );
    assert_eq!(first::METADATA.method, matrix_api::http::Method::POST);
}
