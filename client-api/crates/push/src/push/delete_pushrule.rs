//! `DELETE /_matrix/client/*/pushrules/global/{kind}/{ruleId}`: remove one of the user's push
//! rules.
//!
//! A rule that does not exist is `404 M_NOT_FOUND`; the server's default rules cannot be
//! removed (disable them instead).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3pushrulesglobalkindruleid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}",
        }
    };

    /// The request: which rule. A `DELETE` carries no body.
    #[request(body = none)]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID, any text.
        #[api(path)]
        pub rule_id: String,
    }

    /// The response: empty on success.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request removing the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String) -> Self {
            Request { kind, rule_id }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
