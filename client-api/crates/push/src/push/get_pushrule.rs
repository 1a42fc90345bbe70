//! `GET /_matrix/client/*/pushrules/global/{kind}/{ruleId}`: one push rule.
//!
//! The rule ID is a path segment and may be any text (a room or user ID for room and sender
//! rules, `.m.rule.…` for the server's defaults); the path carries it percent-encoded. A rule
//! that does not exist is `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushrulesglobalkindruleid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::{PushRule, RuleKind};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}",
        }
    };

    /// The request: which rule.
    #[request]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID.
        #[api(path)]
        pub rule_id: String,
    }

    /// The response: the rule, the whole body.
    #[response]
    pub struct Response {
        /// The rule.
        #[api(body)]
        pub rule: PushRule,
    }

    impl Request {
        /// A request for the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String) -> Self {
            Request { kind, rule_id }
        }
    }

    impl Response {
        /// A response with this rule.
        pub fn new(rule: PushRule) -> Self {
            Response { rule }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::error::ErrorKind;
        use matrix_api::{
            FromHttpResponseError, IncomingRequest, IncomingResponse, OutgoingRequest,
            SendAccessToken, SupportedVersions,
        };

        use super::{Request, Response};
        use crate::push::RuleKind;

        fn sent(kind: RuleKind, rule_id: &str) -> http::Request<Vec<u8>> {
            Request::new(kind, rule_id.to_owned())
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        #[test]
        fn the_rule_id_is_percent_encoded_and_decoded() {
            for (kind, rule_id, path) in [
                (
                    RuleKind::Override,
                    ".m.rule.master",
                    "override/.m.rule.master",
                ),
                (
                    RuleKind::Sender,
                    "@ali ce:example.org",
                    "sender/%40ali%20ce%3Aexample.org",
                ),
                (
                    RuleKind::Content,
                    "Caf\u{e9} a/b 100% ?#",
                    "content/Caf%C3%A9%20a%2Fb%20100%25%20%3F%23",
                ),
            ] {
                let request = sent(kind, rule_id);
                assert_eq!(
                    request.uri().path(),
                    format!("/_matrix/client/v3/pushrules/global/{path}")
                );
                let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
                assert_eq!((read.kind, read.rule_id.as_str()), (kind, rule_id));
                // A router's arguments come decoded already.
                let routed = Request::try_from_http_request(
                    http::Request::get("/_matrix/client/v3/pushrules/global/x/y")
                        .header("authorization", "Bearer t")
                        .body(Vec::new())
                        .unwrap(),
                    &[kind.as_str(), rule_id],
                )
                .unwrap();
                assert_eq!(routed.rule_id, rule_id);
            }
        }

        #[test]
        fn an_unknown_kind_is_refused_by_name() {
            let request = http::Request::get("/_matrix/client/v3/pushrules/global/postcontent/x")
                .header("authorization", "Bearer t")
                .body(Vec::new())
                .unwrap();
            let err = Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("kind"), "{err}");
            assert!(err.to_string().contains("postcontent"), "{err}");
        }

        #[test]
        fn a_missing_rule_is_a_not_found_error() {
            let answer = http::Response::builder()
                .status(404)
                .body(
                    br#"{"errcode":"M_NOT_FOUND","error":"The push rule was not found."}"#.to_vec(),
                )
                .unwrap();
            match Response::try_from_http_response(answer) {
                Err(FromHttpResponseError::Server(error)) => {
                    assert_eq!(error.kind(), Some(&ErrorKind::NotFound));
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
