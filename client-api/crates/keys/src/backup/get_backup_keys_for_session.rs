//! `GET /_matrix/client/*/room_keys/keys/{roomId}/{sessionId}`: the key of one session stored
//! in a backup version.
//!
//! A key that is not stored is answered `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3room_keyskeysroomidsessionid>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1; `unstable` before it).

    use ruma_common::OwnedRoomId;

    use crate::backup::KeyBackupData;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/room_keys/keys/{room_id}/{session_id}",
            1.1 => "/_matrix/client/v3/room_keys/keys/{room_id}/{session_id}",
        }
    };

    /// The request: the backup version, the room and the session.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The backup version to read.
        #[api(query)]
        pub version: String,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The Megolm session.
        #[api(path)]
        pub session_id: String,
    }

    /// The response: the key.
    #[response]
    pub struct Response {
        /// The key: the whole body.
        #[api(body)]
        pub key_data: KeyBackupData,
    }

    impl Request {
        /// A request for this session's key in this version.
        pub fn new(version: String, room_id: OwnedRoomId, session_id: String) -> Self {
            Request {
                version,
                room_id,
                session_id,
            }
        }
    }

    impl Response {
        /// A response with this key.
        pub fn new(key_data: KeyBackupData) -> Self {
            Response { key_data }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingResponse};

        use super::Response;

        #[test]
        fn the_key_is_the_whole_answer() {
            let body = r#"{"first_message_index":1,"forwarded_count":0,"is_verified":false,"session_data":{"ephemeral":"base64+ephemeral+key","ciphertext":"base64+ciphertext+of+JSON+data","mac":"base64+mac+of+ciphertext"}}"#;
            let answer = http::Response::builder()
                .status(200)
                .body(body.as_bytes().to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            assert_eq!(u64::from(read.key_data.first_message_index), 1);
            let sent = read.try_into_http_response().unwrap();
            assert_eq!(sent.body(), body.as_bytes());
        }
    }
}
