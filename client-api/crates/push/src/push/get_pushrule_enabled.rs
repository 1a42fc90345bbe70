//! `GET /_matrix/client/*/pushrules/global/{kind}/{ruleId}/enabled`: whether a push rule is
//! enabled.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushrulesglobalkindruleidenabled>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}/enabled",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}/enabled",
        }
    };

    /// The request: which rule.
    #[request]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID, any text.
        #[api(path)]
        pub rule_id: String,
    }

    /// The response: whether the rule is enabled.
    #[response]
    pub struct Response {
        /// Whether the rule is enabled.
        pub enabled: bool,
    }

    impl Request {
        /// A request about the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String) -> Self {
            Request { kind, rule_id }
        }
    }

    impl Response {
        /// A response saying whether the rule is enabled.
        pub fn new(enabled: bool) -> Self {
            Response { enabled }
        }
    }
}
