//! `PUT /_matrix/client/*/presence/{userId}/status`: set the logged-in user's presence and
//! status message.
//!
//! Setting it also counts as activity, so the client never sends `last_active_ago`. No one
//! sets another user's presence: the server refuses it.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3presenceuseridstatus>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::presence::PresenceState;
    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/presence/{user_id}/status",
            1.1 => "/_matrix/client/v3/presence/{user_id}/status",
        }
    };

    /// The request: whose presence (the logged-in user's own), and the new state.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose presence to set: the owner of the access token.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The new presence: `online`, `unavailable` or `offline`.
        #[api(json = string)]
        pub presence: PresenceState,
        /// The status message to show with it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status_msg: Option<String>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request setting this presence, without a status message.
        pub fn new(user_id: OwnedUserId, presence: PresenceState) -> Self {
            Request {
                user_id,
                presence,
                status_msg: None,
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
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use ruma_common::presence::PresenceState;

        use super::Request;

        #[test]
        fn the_state_is_an_open_string() {
            let mut request = Request::new(
                "@alice:example.org".try_into().unwrap(),
                PresenceState::Unavailable,
            );
            request.status_msg = Some("Lunch".to_owned());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/presence/%40alice%3Aexample.org/status"
            );
            assert_eq!(
                sent.body(),
                br#"{"presence":"unavailable","status_msg":"Lunch"}"#
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            // A state a later version may add is kept, not refused.
            let later = matrix_api::http::Request::put(
                "/_matrix/client/v3/presence/%40alice%3Aexample.org/status",
            )
            .header("authorization", "Bearer t")
            .body(br#"{"presence":"org.example.busy"}"#.to_vec())
            .unwrap();
            let read = Request::try_from_http_request(later, &[] as &[&str]).unwrap();
            assert_eq!(read.presence.as_str(), "org.example.busy");
        }
    }
}
