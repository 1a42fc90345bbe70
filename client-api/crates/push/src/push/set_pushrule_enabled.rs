//! `PUT /_matrix/client/*/pushrules/global/{kind}/{ruleId}/enabled`: enable or disable a push
//! rule, the server's default rules included (disabling `.m.rule.master` turns notifications
//! back on).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3pushrulesglobalkindruleidenabled>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}/enabled",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}/enabled",
        }
    };

    /// The request: which rule, and whether to enable it.
    #[request]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID, any text.
        #[api(path)]
        pub rule_id: String,
        /// Whether the rule is to be enabled.
        pub enabled: bool,
    }

    /// The response: empty on success.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request enabling (`true`) or disabling the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String, enabled: bool) -> Self {
            Request {
                kind,
                rule_id,
                enabled,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;
        use crate::push::RuleKind;

        #[test]
        fn the_sub_resource_follows_the_encoded_rule_id() {
            let sent = Request::new(RuleKind::Room, "!r:example.org".to_owned(), false)
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/pushrules/global/room/%21r%3Aexample.org/enabled"
            );
            assert_eq!(sent.body(), br#"{"enabled":false}"#);
        }
    }
}
