//! `PUT /_matrix/client/*/room_keys/keys/{roomId}/{sessionId}`: store the key of one session
//! in the current backup.
//!
//! As [`add_backup_keys`](crate::backup::add_backup_keys), for one session: the body is the
//! key's data itself.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3room_keyskeysroomidsessionid>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use matrix_api::UInt;
    use ruma_common::OwnedRoomId;

    use crate::backup::KeyBackupData;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys/{room_id}/{session_id}",
            1.1 => "/_matrix/client/v3/room_keys/keys/{room_id}/{session_id}",
        }
    };

    /// The request: the backup version, the room, the session, and its key.
    #[request]
    pub struct Request {
        /// The backup version to store the key in; it must be the current one.
        #[api(query)]
        pub version: String,
        /// The room the key is for.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The Megolm session the key is for.
        #[api(path)]
        pub session_id: String,
        /// The key: the whole body.
        #[api(body)]
        pub session_data: KeyBackupData,
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
        /// A request storing this session's key in this version.
        pub fn new(
            version: String,
            room_id: OwnedRoomId,
            session_id: String,
            session_data: KeyBackupData,
        ) -> Self {
            Request {
                version,
                room_id,
                session_id,
                session_data,
            }
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
        use matrix_api::UInt;
        use matrix_api::{
            IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions,
        };
        use ruma_common::serde::Raw;

        use super::Request;
        use crate::backup::KeyBackupData;

        #[test]
        fn the_key_is_the_whole_body_under_both_path_segments() {
            let key = KeyBackupData::new(
                UInt::from(1u32),
                UInt::from(0u32),
                true,
                Raw::from_json_string(r#"{"ciphertext":"c","ephemeral":"e","mac":"m"}"#.to_owned())
                    .unwrap(),
            );
            let sent = Request::new(
                "1".to_owned(),
                "!room:example.org".try_into().unwrap(),
                "a/b+c".to_owned(),
                key,
            )
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
            .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/room_keys/keys/%21room%3Aexample.org/a%2Fb%2Bc?version=1"
            );
            assert_eq!(
                sent.body(),
                br#"{"first_message_index":1,"forwarded_count":0,"is_verified":true,"session_data":{"ciphertext":"c","ephemeral":"e","mac":"m"}}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(
                (read.room_id.as_str(), read.session_id.as_str()),
                ("!room:example.org", "a/b+c")
            );
            assert!(read.session_data.is_verified);

            let wrapped = http::Request::put(
                "https://hs/_matrix/client/v3/room_keys/keys/%21r%3Ax/s?version=1",
            )
            .header("authorization", "Bearer t")
            .body(br#"{"sessions":{}}"#.to_vec())
            .unwrap();
            let err = Request::try_from_http_request(wrapped, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("first_message_index"), "{err}");
        }
    }
}
