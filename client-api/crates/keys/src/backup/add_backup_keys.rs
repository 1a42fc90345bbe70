//! `PUT /_matrix/client/*/room_keys/keys`: store keys of any rooms in the current backup.
//!
//! Stored keys are merged with those already there: for one session the server keeps the
//! better key (verified, lowest `first_message_index`, least forwarded). Writing to another
//! version than the current one is answered `403 M_WRONG_ROOM_KEYS_VERSION`, with the current
//! version in the error's `current_version`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3room_keyskeys>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use std::collections::BTreeMap;

    use matrix_api::UInt;
    use ruma_common::OwnedRoomId;

    use crate::backup::RoomKeyBackup;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys",
            1.1 => "/_matrix/client/v3/room_keys/keys",
        }
    };

    /// The request: the backup version, and the keys by room.
    #[request]
    pub struct Request {
        /// The backup version to store the keys in; it must be the current one.
        #[api(query)]
        pub version: String,
        /// The keys of each room.
        pub rooms: BTreeMap<OwnedRoomId, RoomKeyBackup>,
    }

    /// The response: the backup's state after the write.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The backup's new etag.
        pub etag: String,
        /// How many keys the backup holds now.
        pub count: UInt,
    }

    impl Request {
        /// A request storing these keys in this version.
        pub fn new(version: String, rooms: BTreeMap<OwnedRoomId, RoomKeyBackup>) -> Self {
            Request { version, rooms }
        }
    }

    impl Response {
        /// A response with the backup's new etag and key count.
        pub fn new(etag: String, count: UInt) -> Self {
            Response { etag, count }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::error::ErrorKind;
        use matrix_api::{
            FromHttpResponseError, IncomingRequest, IncomingResponse, MatrixVersion,
            OutgoingRequest, SendAccessToken, SupportedVersions,
        };

        use super::{Request, Response};

        #[test]
        fn the_version_is_a_required_query_parameter() {
            let sent = Request::new("2 3".to_owned(), Default::default())
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/room_keys/keys?version=2+3"
            );
            assert_eq!(sent.body(), br#"{"rooms":{}}"#);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str])
                    .unwrap()
                    .version,
                "2 3"
            );

            let without = http::Request::put("https://hs/_matrix/client/v3/room_keys/keys")
                .header("authorization", "Bearer t")
                .body(br#"{"rooms":{}}"#.to_vec())
                .unwrap();
            let err = Request::try_from_http_request(without, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("version"), "{err}");
        }

        #[test]
        fn the_specification_s_wrong_version_error_carries_the_current_version() {
            let answer = http::Response::builder()
                .status(403)
                .body(
                    br#"{"errcode":"M_WRONG_ROOM_KEYS_VERSION","error":"Wrong backup version.","current_version":"42"}"#
                        .to_vec(),
                )
                .unwrap();
            match Response::try_from_http_response(answer) {
                Err(FromHttpResponseError::Server(error)) => {
                    assert_eq!(error.status, 403);
                    assert_eq!(
                        error.kind(),
                        Some(&ErrorKind::WrongRoomKeysVersion {
                            current_version: Some("42".to_owned())
                        })
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
