//! `GET /_matrix/client/*/pushrules/global/{kind}/{ruleId}/actions`: the actions of a push
//! rule.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushrulesglobalkindruleidactions>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::push::Action;
    use ruma_common::serde::Raw;

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}/actions",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}/actions",
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

    /// The response: the rule's actions.
    #[response]
    pub struct Response {
        /// What the rule does when it matches, each action as it came.
        pub actions: Vec<Raw<Action>>,
    }

    impl Request {
        /// A request about the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String) -> Self {
            Request { kind, rule_id }
        }
    }

    impl Response {
        /// A response with these actions.
        pub fn new(actions: Vec<Raw<Action>>) -> Self {
            Response { actions }
        }
    }
}
