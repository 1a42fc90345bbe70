//! `GET /_matrix/client/*/presence/{userId}/status`: a user's presence and status message.
//!
//! A server answers `403` when the caller may not see the user's presence (they share no
//! room, say) and `404` when it has none for the user.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3presenceuseridstatus>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::presence::PresenceState;
    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/presence/{user_id}/status",
            1.1 => "/_matrix/client/v3/presence/{user_id}/status",
        }
    };

    /// The request: whose presence.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose presence to get.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: the user's presence.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The user's presence: `online`, `unavailable` or `offline`.
        #[api(json = string)]
        pub presence: PresenceState,
        /// How long ago, in milliseconds, the user last did something.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub last_active_ago: Option<UInt>,
        /// The user's status message, if they set one. A `null` from the server is read as
        /// none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status_msg: Option<String>,
        /// Whether the user is active right now.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub currently_active: Option<bool>,
    }

    impl Request {
        /// A request for this user's presence.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
        }
    }

    impl Response {
        /// A response with this presence and nothing else.
        pub fn new(presence: PresenceState) -> Self {
            Response {
                presence,
                last_active_ago: None,
                status_msg: None,
                currently_active: None,
            }
        }
    }
}
