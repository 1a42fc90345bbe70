//! `POST /_matrix/client/*/rooms/{roomId}/read_markers`: move the fully-read marker, and the
//! read receipts with it.
//!
//! One call sets the `m.fully_read` marker (room account data), the public `m.read` receipt
//! and the private `m.read.private` receipt (Matrix v1.4); each is optional since v1.4.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidread_markers>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/read_markers",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/read_markers",
        }
    };

    /// The request: the room and the events to put each marker at.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event to put the fully-read marker at (`m.fully_read`).
        #[serde(
            rename = "m.fully_read",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub fully_read: Option<OwnedEventId>,
        /// The event to put the public read receipt at (`m.read`).
        #[serde(rename = "m.read", default, skip_serializing_if = "Option::is_none")]
        pub read_receipt: Option<OwnedEventId>,
        /// The event to put the private read receipt at (`m.read.private`, Matrix v1.4).
        #[serde(
            rename = "m.read.private",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub private_read_receipt: Option<OwnedEventId>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request for this room that moves nothing yet: set the markers to move.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                fully_read: None,
                read_receipt: None,
                private_read_receipt: None,
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
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        #[test]
        fn markers_are_written_under_their_dotted_names() {
            let mut request = Request::new("!r:hs".try_into().unwrap());
            request.fully_read = Some("$a:hs".try_into().unwrap());
            request.private_read_receipt = Some("$b:hs".try_into().unwrap());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_4]),
                )
                .unwrap();
            assert_eq!(
                sent.body(),
                br#"{"m.fully_read":"$a:hs","m.read.private":"$b:hs"}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
        }
    }
}
