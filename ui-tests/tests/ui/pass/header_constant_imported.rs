// A header named by a constant the module imports itself: the import is the one used (no
// `unused_imports`), and a constant of the module's own wins over `http::header`'s of the same
// name.
#![deny(warnings)]

pub mod redirect {
    use matrix_api::http::header::LOCATION;
    use matrix_api::http::HeaderName;
    use matrix_api::{metadata, request, response, Metadata};

    /// The module's own `ETAG`, not `http::header::ETAG`.
    pub const ETAG: HeaderName = HeaderName::from_static("x-example-etag");

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/_matrix/client/v3/example/redirect",
    };

    #[request]
    pub struct Request {}

    #[response(status = FOUND)]
    pub struct Response {
        #[api(header = LOCATION)]
        pub location: String,
        #[api(header = ETAG)]
        pub etag: Option<String>,
        #[api(header = CACHE_CONTROL)]
        pub cache_control: Option<String>,
    }
}

fn main() {
    use matrix_api::OutgoingResponse;

    let response = redirect::Response {
        location: "https://example.org".to_owned(),
        etag: Some("v1".to_owned()),
        cache_control: None,
    };
    let http = response.try_into_http_response().unwrap();
    assert_eq!(http.headers()["location"], "https://example.org");
    assert_eq!(http.headers()["x-example-etag"], "v1");
    assert!(!http.headers().contains_key("etag"));
}
