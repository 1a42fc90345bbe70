//! `PUT /_matrix/client/*/pushrules/global/{kind}/{ruleId}/actions`: change what a push rule
//! does, the server's default rules included.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3pushrulesglobalkindruleidactions>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::push::Action;
    use ruma_common::serde::Raw;

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}/actions",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}/actions",
        }
    };

    /// The request: which rule, and its new actions.
    #[request]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID, any text.
        #[api(path)]
        pub rule_id: String,
        /// What the rule is to do when it matches; empty for nothing.
        pub actions: Vec<Raw<Action>>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request setting the actions of the rule of this kind and ID.
        pub fn new(kind: RuleKind, rule_id: String, actions: Vec<Raw<Action>>) -> Self {
            Request {
                kind,
                rule_id,
                actions,
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
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
        use ruma_common::push::{Action, Tweak};
        use ruma_common::serde::Raw;

        use super::Request;
        use crate::push::RuleKind;

        #[test]
        fn actions_are_sent_typed_and_read_back_as_they_came() {
            let actions = vec![
                Raw::new(&Action::Notify).unwrap(),
                Raw::new(&Action::SetTweak(Tweak::Sound("bing".into()))).unwrap(),
            ];
            let sent = Request::new(RuleKind::Underride, ".m.rule.message".to_owned(), actions)
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/pushrules/global/underride/.m.rule.message/actions"
            );
            assert_eq!(
                sent.body(),
                br#"{"actions":["notify",{"set_tweak":"sound","value":"bing"}]}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.rule_id, ".m.rule.message");
            assert!(matches!(
                read.actions[1].deserialize().unwrap(),
                Action::SetTweak(Tweak::Sound(sound)) if sound.as_str() == "bing"
            ));
        }
    }
}
