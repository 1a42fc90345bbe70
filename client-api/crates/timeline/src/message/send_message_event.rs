//! `PUT /_matrix/client/*/rooms/{roomId}/send/{eventType}/{txnId}`: send a message event to a
//! room. The body is the event's content, whatever its type; the transaction ID makes a retry
//! return the first attempt's event instead of sending a second one.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3roomsroomidsendeventtypetxnid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedRoomId, OwnedTransactionId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
        }
    };

    /// The request: where, what type, the transaction, and the content.
    #[request]
    pub struct Request {
        /// The room to send to.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event's type, such as `m.room.message`.
        #[api(path)]
        pub event_type: String,
        /// The client's ID for this send, unique per access token.
        #[api(path)]
        pub txn_id: OwnedTransactionId,
        /// The event's content: the whole body, kept as sent.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub content: Raw<JsonObject>,
    }

    /// The response: the ID of the event.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The new event's ID.
        pub event_id: OwnedEventId,
    }

    impl Request {
        /// A request to send this content as an event of this type.
        pub fn new(
            room_id: OwnedRoomId,
            event_type: String,
            txn_id: OwnedTransactionId,
            content: Raw<JsonObject>,
        ) -> Self {
            Request {
                room_id,
                event_type,
                txn_id,
                content,
            }
        }
    }

    impl Response {
        /// A response with this event ID.
        pub fn new(event_id: OwnedEventId) -> Self {
            Response { event_id }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        #[test]
        fn the_content_is_the_body_byte_for_byte() {
            // Key order and number formatting survive, as a signature over the content needs.
            let content = r#"{"msgtype":"m.text","body":"hi","n":1.50}"#;
            let request = Request::new(
                "!r:example.org".parse().unwrap(),
                "m.room.message".to_owned(),
                "t 1".into(),
                serde_json::from_str(content).unwrap(),
            );
            // Moved into the body, not written out again.
            let address = request.content.json().get().as_ptr();
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/send/m.room.message/t%201"
            );
            assert_eq!(sent.body(), content.as_bytes());
            assert_eq!(sent.body().as_ptr(), address);
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.txn_id, "t 1");
            assert_eq!(read.content.json().get(), content);
        }

        // The content is read by `matrix_client_api_common::raw_object`.
        fn put(body: &str) -> http::Request<Vec<u8>> {
            http::Request::put("https://hs/_matrix/client/v3/rooms/%21r%3Ax/send/m.room.message/t1")
                .header("authorization", "Bearer t")
                .body(body.as_bytes().to_vec())
                .unwrap()
        }

        #[test]
        fn an_object_is_kept_byte_for_byte_and_anything_else_refused() {
            let body = r#"{ "body": "hi",  "msgtype": "m.text" }"#;
            let read = Request::try_from_http_request(put(body), &[] as &[&str]).unwrap();
            assert_eq!(read.content.json().get(), body.trim());
            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.body(), body.trim().as_bytes());
            for (body, found) in [
                ("[1]", "an array"),
                ("\"x\"", "a string"),
                ("3", "a number"),
            ] {
                let err = Request::try_from_http_request(put(body), &[] as &[&str]).unwrap_err();
                assert!(
                    err.to_string()
                        .contains(&format!("must be a JSON object, not {found}")),
                    "{body}: {err}"
                );
            }
        }
    }
}
