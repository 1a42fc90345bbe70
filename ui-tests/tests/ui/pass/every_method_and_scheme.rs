// Every HTTP method and every authentication scheme `metadata!` accepts.
use matrix_api::{metadata, AuthScheme, Metadata};

macro_rules! endpoint {
    ($name:ident, $method:ident, $auth:ident) => {
        pub const $name: Metadata = metadata! {
            method: $method,
            rate_limited: false,
            authentication: $auth,
            path: "/_matrix/test",
        };
    };
}

endpoint!(GET_NONE, GET, None);
endpoint!(POST_TOKEN, POST, AccessToken);
endpoint!(PUT_OPTIONAL, PUT, AccessTokenOptional);
endpoint!(DELETE_APPSERVICE, DELETE, AppserviceToken);
endpoint!(PATCH_APPSERVICE_OPTIONAL, PATCH, AppserviceTokenOptional);
endpoint!(HEAD_NONE, HEAD, None);
endpoint!(OPTIONS_NONE, OPTIONS, None);
endpoint!(CONNECT_NONE, CONNECT, None);
endpoint!(TRACE_NONE, TRACE, None);

fn main() {
    assert_eq!(GET_NONE.method, matrix_api::http::Method::GET);
    assert_eq!(TRACE_NONE.method, matrix_api::http::Method::TRACE);
    assert!(matches!(
        PATCH_APPSERVICE_OPTIONAL.authentication,
        AuthScheme::AppserviceTokenOptional
    ));
    let _ = (
        POST_TOKEN,
        PUT_OPTIONAL,
        DELETE_APPSERVICE,
        HEAD_NONE,
        OPTIONS_NONE,
        CONNECT_NONE,
    );
}
