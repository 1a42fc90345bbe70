//! `POST /_matrix/client/*/rooms/{roomId}/forget`: stop remembering a room the user has left.
//!
//! Afterwards the user can no longer read the room's history; a room every local user forgot
//! may be deleted by the server. The user must have left the room first.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidforget>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/forget",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/forget",
        }
    };

    /// The request: the room to forget.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to forget.
        #[api(path)]
        pub room_id: OwnedRoomId,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request to forget this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request { room_id }
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

        use super::Request;

        #[test]
        fn no_body_is_sent_and_a_client_s_empty_object_is_accepted() {
            let request = Request::new("!r:hs".try_into().unwrap());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert!(sent.body().is_empty());
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
            // Most clients send `{}`, as for the other membership calls.
            let with_object =
                matrix_api::http::Request::post("/_matrix/client/v3/rooms/%21r%3Ahs/forget")
                    .header("authorization", "Bearer t")
                    .body(b"{}".to_vec())
                    .unwrap();
            assert_eq!(
                Request::try_from_http_request(with_object, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
