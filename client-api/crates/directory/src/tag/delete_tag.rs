//! `DELETE /_matrix/client/*/user/{userId}/rooms/{roomId}/tags/{tag}`: take a tag off a room.
//!
//! The access token must be allowed to act for the user.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3useruseridroomsroomidtagstag>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use crate::tag::TagName;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/rooms/{room_id}/tags/{tag}",
            1.1 => "/_matrix/client/v3/user/{user_id}/rooms/{room_id}/tags/{tag}",
        }
    };

    /// The request: whose tag, on which room, which tag. No body is sent, as the
    /// specification's operation has none.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose tag to remove.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The tag; percent-encoded in the path.
        #[api(path, json = string)]
        pub tag: TagName,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request taking `tag` off the room.
        pub fn new(user_id: OwnedUserId, room_id: OwnedRoomId, tag: TagName) -> Self {
            Request {
                user_id,
                room_id,
                tag,
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

        use super::Request;
        use crate::tag::TagName;

        #[test]
        fn no_body_is_sent_and_one_is_not_needed() {
            let request = Request::new(
                "@alice:example.com".try_into().unwrap(),
                "!726s6s6q:example.com".try_into().unwrap(),
                TagName::user("Reading list"),
            );
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert!(sent.uri().path().ends_with("/tags/u.Reading%20list"));
            assert!(sent.body().is_empty());
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            // Clients that send `{}` anyway are served.
            let with_body = matrix_api::http::Request::delete(
                "/_matrix/client/r0/user/%40a%3Ab/rooms/%21r%3Ab/tags/m.favourite",
            )
            .header("authorization", "Bearer t")
            .body(b"{}".to_vec())
            .unwrap();
            let read = Request::try_from_http_request(with_body, &[] as &[&str]).unwrap();
            assert_eq!(read.tag, TagName::Favourite);
        }
    }
}
