//! `GET /_matrix/client/*/events`: the event stream that `/sync` replaced, and peeking.
//!
//! Without `room_id` this is the event stream of the user's rooms, deprecated since r0 in
//! favour of `/sync`. With `room_id` it is the stream of one room the user may see without
//! having joined it ("peeking", with a guest's or a user's token), which is not deprecated:
//! the specification describes the two as separate operations on one path, and one
//! declaration serves both. So the history marks no deprecation; a client that streams its own
//! rooms should use [`sync_events`](crate::sync::sync_events) instead.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3events>
//! (both operations are listed under this path).

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/events",
            1.1 => "/_matrix/client/v3/events",
        }
    };

    /// The request: where to continue, how long to wait, and the room to peek into.
    #[request]
    #[derive(Default, PartialEq, Eq)]
    pub struct Request {
        /// The token to stream from: the `end` of the previous call, or of an initial sync.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// How long to wait for an event.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout: Option<Duration>,
        /// The room to peek into; `None`: the (deprecated) stream of the user's own rooms.
        /// Servers of Matrix v1.17 require it.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub room_id: Option<OwnedRoomId>,
    }

    /// The response: the events, which may be none.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The token of the start of `chunk`, usually the request's `from`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        /// The token to pass as `from` next time.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        /// The events.
        #[serde(default)]
        pub chunk: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for the events of a room the user peeks into.
        pub fn peek(room_id: OwnedRoomId) -> Self {
            Request {
                room_id: Some(room_id),
                ..Self::default()
            }
        }
    }

    impl Response {
        /// A response with no events.
        pub fn new() -> Self {
            Self::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use std::time::Duration;

        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        #[test]
        fn peeking_names_the_room_and_waits_in_milliseconds() {
            let mut request = Request::peek("!r:example.org".parse().unwrap());
            request.from = Some("s1".to_owned());
            request.timeout = Some(Duration::from_secs(35));
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().query(),
                Some("from=s1&timeout=35000&room_id=%21r%3Aexample.org")
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
