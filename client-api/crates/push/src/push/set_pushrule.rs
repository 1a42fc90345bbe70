//! `PUT /_matrix/client/*/pushrules/global/{kind}/{ruleId}`: add a push rule, or change one of
//! the user's.
//!
//! A new rule is placed by `before` or `after` (another of the user's rules of the same kind;
//! with both, `before` wins), or else first among the user's rules of its kind, and is enabled.
//! The rule ID may not start with `.` (the server's rules) nor hold `/` or `\`; it may hold
//! spaces and any other text, which the path carries percent-encoded.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3pushrulesglobalkindruleid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::push::{Action, PushCondition};
    use ruma_common::serde::{JsonObject, Raw};

    use crate::push::RuleKind;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/global/{kind}/{rule_id}",
            1.1 => "/_matrix/client/v3/pushrules/global/{kind}/{rule_id}",
        }
    };

    /// The request: which rule, where it goes, and what it is.
    #[request]
    pub struct Request {
        /// The rule's kind.
        #[api(path, json = string)]
        pub kind: RuleKind,
        /// The rule's ID.
        #[api(path)]
        pub rule_id: String,
        /// Place the rule just before (more important than) this rule of the user's.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub before: Option<String>,
        /// Place the rule just after (less important than) this rule of the user's.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub after: Option<String>,
        /// What to do when the rule matches.
        pub actions: Vec<Raw<Action>>,
        /// What must hold of an event (override and underride rules).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub conditions: Option<Vec<Raw<PushCondition>>>,
        /// The glob pattern matched against a message's body (content rules).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub pattern: Option<String>,
        /// Other fields a kind may need, as they came.
        #[serde(flatten)]
        pub other: JsonObject,
    }

    /// The response: empty on success.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request setting the rule of this kind and ID to these actions, placed by the
        /// server, without conditions or pattern.
        pub fn new(kind: RuleKind, rule_id: String, actions: Vec<Raw<Action>>) -> Self {
            Request {
                kind,
                rule_id,
                before: None,
                after: None,
                actions,
                conditions: None,
                pattern: None,
                other: JsonObject::new(),
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
        use ruma_common::push::Action;
        use ruma_common::serde::Raw;

        use super::Request;
        use crate::push::RuleKind;

        #[test]
        fn placement_is_in_the_query_and_the_rule_in_the_body() {
            let mut request = Request::new(
                RuleKind::Content,
                "t\u{e9} st/%".to_owned(),
                vec![Raw::new(&Action::Notify).unwrap()],
            );
            request.pattern = Some("cake*lie".to_owned());
            request.before = Some("my other rule".to_owned());
            request.after = Some("\u{e9}/x".to_owned());
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/pushrules/global/content/t%C3%A9%20st%2F%25"
            );
            let query = sent.uri().query().unwrap();
            assert!(
                query.contains("before=my+other+rule")
                    || query.contains("before=my%20other%20rule"),
                "{query}"
            );
            assert!(query.contains("after=%C3%A9%2Fx"), "{query}");
            assert_eq!(
                sent.body(),
                br#"{"actions":["notify"],"pattern":"cake*lie"}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.rule_id, "t\u{e9} st/%");
            assert_eq!(read.before.as_deref(), Some("my other rule"));
            assert_eq!(read.after.as_deref(), Some("\u{e9}/x"));
            assert_eq!(read.pattern.as_deref(), Some("cake*lie"));
        }

        #[test]
        fn unknown_fields_conditions_and_actions_are_kept() {
            let body = r#"{"actions":["notify",{"set_tweak":"org.example.glow","value":[1]}],"conditions":[{"kind":"org.example.moon","phase":"full"}],"org.example.extra":true}"#;
            let request = http::Request::put("/_matrix/client/v3/pushrules/global/override/moon")
                .header("authorization", "Bearer t")
                .body(body.as_bytes().to_vec())
                .unwrap();
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(read.other["org.example.extra"], true);
            let written = serde_json::to_value(read.conditions.as_ref().unwrap()).unwrap();
            assert_eq!(
                written,
                serde_json::json!([{ "kind": "org.example.moon", "phase": "full" }])
            );
            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.body(), body.as_bytes());
        }
    }
}
