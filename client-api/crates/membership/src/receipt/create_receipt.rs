//! `POST /_matrix/client/*/rooms/{roomId}/receipt/{receiptType}/{eventId}`: send a receipt for
//! an event.
//!
//! The receipt type is in the path: a public `m.read` receipt, a private `m.read.private` one
//! (Matrix v1.4), or `m.fully_read`, which moves the fully-read marker as
//! [`set_read_marker`](crate::read_marker::set_read_marker) does (v1.4). Since v1.4 a receipt
//! may be for one thread (`thread_id`): the main timeline, or the thread of a root event;
//! without it, it covers the whole room.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidreceiptreceipttypeeventid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::fmt;

    use ruma_common::{OwnedEventId, OwnedRoomId};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::string_enum::{deserialize_string, string_enum};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/receipt/{receipt_type}/{event_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/receipt/{receipt_type}/{event_id}",
        }
    };

    /// The request: the room, the kind of receipt, the event, and optionally the thread.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The kind of receipt.
        #[api(path, json = string)]
        pub receipt_type: ReceiptType,
        /// The event read up to.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// The thread the receipt is for (Matrix v1.4); the whole room when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(json = string)]
        pub thread_id: Option<ReceiptThread>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    string_enum! {
        /// The kind of a receipt.
        pub enum ReceiptType {
            /// A public read receipt.
            Read => "m.read",
            /// A read receipt only the user's own devices see (Matrix v1.4).
            ReadPrivate => "m.read.private",
            /// The fully-read marker, kept in room account data rather than sent as a receipt
            /// (Matrix v1.4).
            FullyRead => "m.fully_read",
        }
    }

    /// The thread a receipt is for: `main` or a thread root's event ID.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum ReceiptThread {
        /// The main timeline: events in no thread, and the thread roots.
        Main,
        /// The thread whose root is this event.
        Thread(OwnedEventId),
    }

    impl Request {
        /// A receipt of this kind for this event, for the whole room.
        pub fn new(
            room_id: OwnedRoomId,
            receipt_type: ReceiptType,
            event_id: OwnedEventId,
        ) -> Self {
            Request {
                room_id,
                receipt_type,
                event_id,
                thread_id: None,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    impl ReceiptThread {
        /// The value as it is written on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                ReceiptThread::Main => "main",
                ReceiptThread::Thread(root) => root.as_str(),
            }
        }
    }

    impl fmt::Display for ReceiptThread {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.as_str())
        }
    }

    impl Serialize for ReceiptThread {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl<'de> Deserialize<'de> for ReceiptThread {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = deserialize_string(deserializer)?;
            if text == "main" {
                return Ok(ReceiptThread::Main);
            }
            OwnedEventId::try_from(&*text)
                .map(ReceiptThread::Thread)
                .map_err(|err| {
                    serde::de::Error::custom(format_args!(
                        "expected `main` or a thread root's event ID, got {text:?} ({err})"
                    ))
                })
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{ReceiptThread, ReceiptType, Request};

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_4]),
                )
                .unwrap()
        }

        #[test]
        fn receipt_type_is_a_path_segment_and_thread_a_body_field() {
            let mut request = Request::new(
                "!r:hs".try_into().unwrap(),
                ReceiptType::ReadPrivate,
                "$e:hs".try_into().unwrap(),
            );
            request.thread_id = Some(ReceiptThread::Thread("$root:hs".try_into().unwrap()));
            let sent = send(request.clone());
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/rooms/%21r%3Ahs/receipt/m.read.private/%24e%3Ahs",
            );
            assert_eq!(sent.body(), br#"{"thread_id":"$root:hs"}"#);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            request.receipt_type = ReceiptType::from("org.example.seen");
            request.thread_id = Some(ReceiptThread::Main);
            let sent = send(request.clone());
            assert!(sent.uri().path().contains("/receipt/org.example.seen/"));
            assert_eq!(sent.body(), br#"{"thread_id":"main"}"#);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }

        #[test]
        fn a_thread_that_is_neither_main_nor_an_event_is_refused() {
            let err = serde_json::from_str::<ReceiptThread>(r#""""#).unwrap_err();
            assert!(
                err.to_string()
                    .contains("expected `main` or a thread root's event ID"),
                "{err}"
            );
            let http = matrix_api::http::Request::post(
                "/_matrix/client/v3/rooms/%21r%3Ahs/receipt/m.read/%24e%3Ahs",
            )
            .header("authorization", "Bearer t")
            .body(br#"{"thread_id":"thread"}"#.to_vec())
            .unwrap();
            let err = Request::try_from_http_request(http, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("thread_id"), "{err}");
        }
    }
}
