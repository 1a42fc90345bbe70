//! `PUT /_matrix/client/*/user/{userId}/rooms/{roomId}/tags/{tag}`: put a tag on a room, or
//! change what it records.
//!
//! The access token must be allowed to act for the user. The tag's name is a path segment:
//! a user's own tag may hold spaces, slashes or any other text, which the path carries
//! percent-encoded.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3useruseridroomsroomidtagstag>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedUserId};

    use crate::tag::{TagInfo, TagName};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/rooms/{room_id}/tags/{tag}",
            1.1 => "/_matrix/client/v3/user/{user_id}/rooms/{room_id}/tags/{tag}",
        }
    };

    /// The request: whose tag, on which room, which tag, and what it records.
    #[request]
    #[derive(PartialEq)]
    pub struct Request {
        /// The user tagging the room.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The tag.
        #[api(path, json = string)]
        pub tag: TagName,
        /// What the tag records: the whole body.
        #[api(body)]
        pub tag_info: TagInfo,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request putting `tag` on the room with this information.
        pub fn new(
            user_id: OwnedUserId,
            room_id: OwnedRoomId,
            tag: TagName,
            tag_info: TagInfo,
        ) -> Self {
            Request {
                user_id,
                room_id,
                tag,
                tag_info,
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
        use crate::tag::{TagInfo, TagName};

        fn sent(tag: TagName) -> matrix_api::http::Request<Vec<u8>> {
            Request::new(
                "@alice:example.com".try_into().unwrap(),
                "!726s6s6q:example.com".try_into().unwrap(),
                tag,
                TagInfo::with_order(0.25),
            )
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
            )
            .unwrap()
        }

        #[test]
        fn the_tag_is_percent_encoded_both_ways() {
            let prefix = "/_matrix/client/v3/user/%40alice%3Aexample.com/rooms/%21726s6s6q%3Aexample.com/tags/";
            for (tag, segment) in [
                (TagName::Favourite, "m.favourite"),
                (TagName::user("work"), "u.work"),
                (
                    TagName::user("Caf\u{e9} & co/2 ?#%"),
                    "u.Caf%C3%A9%20%26%20co%2F2%20%3F%23%25",
                ),
            ] {
                let request = sent(tag.clone());
                assert_eq!(request.uri().path(), format!("{prefix}{segment}"));
                assert_eq!(request.body(), br#"{"order":0.25}"#);
                let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
                assert_eq!(read.tag, tag);
                assert_eq!(read.tag_info, TagInfo::with_order(0.25));
            }
        }
    }
}
