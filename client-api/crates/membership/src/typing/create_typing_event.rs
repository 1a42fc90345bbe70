//! `PUT /_matrix/client/*/rooms/{roomId}/typing/{userId}`: say that the user is typing, or
//! stopped.
//!
//! A typing notice lasts `timeout` milliseconds unless renewed or withdrawn with
//! `typing: false`; the server sends it to the room's members as an `m.typing` event.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3roomsroomidtypinguserid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/typing/{user_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/typing/{user_id}",
        }
    };

    /// The request: the room, the user, and whether and how long they type.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The user typing: the caller.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// Whether the user is typing.
        pub typing: bool,
        /// How long the notice lasts (`timeout`, in milliseconds). Left out when the user
        /// stopped typing.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        #[api(json = integer)]
        pub timeout: Option<Duration>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// The user is typing, for this long.
        pub fn typing(room_id: OwnedRoomId, user_id: OwnedUserId, timeout: Duration) -> Self {
            Request {
                room_id,
                user_id,
                typing: true,
                timeout: Some(timeout),
            }
        }

        /// The user stopped typing.
        pub fn stopped(room_id: OwnedRoomId, user_id: OwnedUserId) -> Self {
            Request {
                room_id,
                user_id,
                typing: false,
                timeout: None,
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
        use std::time::Duration;

        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        #[test]
        fn timeout_is_milliseconds_and_left_out_when_stopped() {
            let room = "!r:hs".try_into().unwrap();
            let user: ruma_common::OwnedUserId = "@a:hs".try_into().unwrap();
            let typing = Request::typing(room, user.clone(), Duration::from_secs(30));
            let sent = send(typing.clone());
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/rooms/%21r%3Ahs/typing/%40a%3Ahs"
            );
            assert_eq!(sent.body(), br#"{"typing":true,"timeout":30000}"#);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                typing
            );
            let stopped = send(Request::stopped("!r:hs".try_into().unwrap(), user));
            assert_eq!(stopped.body(), br#"{"typing":false}"#);
        }
    }
}
