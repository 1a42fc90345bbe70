//! `GET /_matrix/client/*/notifications`: page through the events the user was notified of
//! (or would have been), newest first.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3notifications>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::push::Action;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedRoomId};
    use serde::{Deserialize, Serialize};

    use crate::string_enum::string_enum;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/notifications",
            1.1 => "/_matrix/client/v3/notifications",
        }
    };

    string_enum! {
        /// Which notifications to list.
        pub enum NotificationFilter {
            /// Only those whose actions set the `highlight` tweak.
            Highlight => "highlight",
        }
    }

    /// The request: where to start, how many, and which.
    #[request]
    #[derive(Default)]
    pub struct Request {
        /// The `next_token` of an earlier page; absent for the newest.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// At most this many notifications.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Only the notifications of this filter.
        #[api(query, json = string)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub only: Option<NotificationFilter>,
    }

    /// The response: one page of notifications.
    #[response]
    pub struct Response {
        /// The `from` of the next page; absent on the last.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
        /// The notifications, newest first.
        pub notifications: Vec<Notification>,
    }

    /// One notification: the event and what the push rules decided for it.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct Notification {
        /// The actions of the rule that matched.
        pub actions: Vec<Raw<Action>>,
        /// The event, without its `room_id`, as it came.
        pub event: Raw<JsonObject>,
        /// The profile tag of the rule that matched.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub profile_tag: Option<String>,
        /// Whether the user has sent a read receipt at or after the event.
        pub read: bool,
        /// The room of the event.
        pub room_id: OwnedRoomId,
        /// When the notification was sent.
        pub ts: MilliSecondsSinceUnixEpoch,
    }

    impl Request {
        /// A request for the newest notifications, as many as the server chooses.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// A last page with these notifications.
        pub fn new(notifications: Vec<Notification>) -> Self {
            Response {
                next_token: None,
                notifications,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, IncomingResponse, OutgoingRequest, SendAccessToken, SupportedVersions,
        };
        use ruma_common::push::Action;

        use super::{NotificationFilter, Request, Response};

        #[test]
        fn the_query_carries_from_limit_and_only() {
            let request = Request {
                from: Some("a b".to_owned()),
                limit: Some(20u32.into()),
                only: Some(NotificationFilter::Highlight),
            };
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/notifications?from=a+b&limit=20&only=highlight"
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.from.as_deref(), Some("a b"));
            assert_eq!(read.only, Some(NotificationFilter::Highlight));
        }

        #[test]
        fn events_are_kept_whole_and_actions_read_typed() {
            let event = r#"{"content":{"body":"hi","msgtype":"m.text"},"event_id":"$e","origin_server_ts":1,"sender":"@b:x","type":"m.room.message","unsigned":{"age":3}}"#;
            let body = format!(
                r#"{{"notifications":[{{"actions":["notify",{{"set_tweak":"highlight"}}],"event":{event},"read":false,"room_id":"!r:x","ts":1475508881945}}]}}"#
            );
            let answer = http::Response::builder()
                .status(200)
                .body(body.into_bytes())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            assert!(read.next_token.is_none());
            let notification = &read.notifications[0];
            assert_eq!(notification.event.json().get(), event);
            assert!(matches!(
                notification.actions[0].deserialize().unwrap(),
                Action::Notify
            ));
            assert_eq!(u64::from(notification.ts.0), 1_475_508_881_945);
        }
    }
}
