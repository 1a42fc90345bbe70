//! `GET /_matrix/client/*/pushrules/global/`: every push rule of the global scope.
//!
//! The same rules as `GET /pushrules/` lists under `global`, without the wrapping object.
//! Servers have answered this path since before r0; the specification documented it later,
//! without a version of its own.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushrulesglobal>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::Ruleset;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/",
            1.1 => "/_matrix/client/v3/pushrules/global/",
        }
    };

    /// The request: nothing but the access token.
    #[request]
    #[derive(Default)]
    pub struct Request {}

    /// The response: the global ruleset, the whole body.
    #[response]
    pub struct Response {
        /// The rules by kind.
        #[api(body)]
        pub global: Ruleset,
    }

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with this ruleset.
        pub fn new(global: Ruleset) -> Self {
            Response { global }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::{Request, Response};
        use crate::push::RuleKind;

        #[test]
        fn the_ruleset_is_the_whole_body_and_the_path_ends_in_a_slash() {
            let sent = Request::new()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.uri().path(), "/_matrix/client/v3/pushrules/global/");
            let body = br#"{"content":[{"actions":["notify"],"default":false,"enabled":true,"rule_id":"cake","pattern":"cake*"}]}"#;
            let answer = http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            let cake = read.global.get(RuleKind::Content, "cake").unwrap();
            assert_eq!(cake.pattern.as_deref(), Some("cake*"));
        }
    }
}
