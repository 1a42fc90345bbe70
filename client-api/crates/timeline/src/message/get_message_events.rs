//! `GET /_matrix/client/*/rooms/{roomId}/messages`: page through a room's history, backwards
//! or forwards from a token of `/sync` or of an earlier page.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidmessages>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use crate::filter::RoomEventFilter;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/messages",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/messages",
        }
    };

    /// The request: the room, where to start, which way, and how much.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The token to start from; `None`: the first or last visible event, by `dir` (since
        /// Matrix v1.3, required before).
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// The token to stop at.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub to: Option<String>,
        /// Which way to page.
        #[api(query, json = string)]
        pub dir: Direction,
        /// The largest number of events to return (the server's default is 10).
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Which events to return, sent as JSON text; left out when it restricts nothing.
        #[api(query, json = string)]
        #[serde(
            with = "ruma_common::serde::json_string",
            default,
            skip_serializing_if = "RoomEventFilter::is_empty"
        )]
        pub filter: RoomEventFilter,
    }

    /// The response: one page of events.
    #[response]
    pub struct Response {
        /// The token of the page's start: the request's `from`.
        pub start: String,
        /// The token to pass as `from` for the next page; `None`: there is no more.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        /// The events, in the order `dir` asked for.
        pub chunk: Vec<Raw<JsonObject>>,
        /// State events the page needs, such as the senders' memberships with lazy-loading.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub state: Vec<Raw<JsonObject>>,
    }

    /// The direction of `/messages` and other paginated lists of events.
    pub use matrix_client_api_common::Direction;

    impl Request {
        /// A request for the room's events in this direction, from the edge of its history.
        pub fn new(room_id: OwnedRoomId, dir: Direction) -> Self {
            Request {
                room_id,
                from: None,
                to: None,
                dir,
                limit: None,
                filter: RoomEventFilter::default(),
            }
        }

        /// A request for the events before `from`, newest first.
        pub fn backward(room_id: OwnedRoomId, from: impl Into<String>) -> Self {
            Request {
                from: Some(from.into()),
                ..Self::new(room_id, Direction::Backward)
            }
        }

        /// A request for the events after `from`, oldest first.
        pub fn forward(room_id: OwnedRoomId, from: impl Into<String>) -> Self {
            Request {
                from: Some(from.into()),
                ..Self::new(room_id, Direction::Forward)
            }
        }
    }

    impl Response {
        /// A page with these events and the token of its start.
        pub fn new(start: String, chunk: Vec<Raw<JsonObject>>) -> Self {
            Response {
                start,
                end: None,
                chunk,
                state: Vec::new(),
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{Direction, Request};

        fn send(request: Request) -> http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        #[test]
        fn the_filter_is_json_in_the_query() {
            let mut request = Request::backward("!r:example.org".parse().unwrap(), "t1");
            request.filter.contains_url = Some(true);
            request.filter.types = Some(vec!["m.room.message".to_owned()]);
            let sent = send(request.clone());
            assert_eq!(
                sent.uri().query(),
                Some(
                    "from=t1&dir=b&filter=%7B%22types%22%3A%5B%22m.room.message%22%5D%2C\
                     %22contains_url%22%3Atrue%7D"
                )
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
        }

        #[test]
        fn an_empty_filter_is_left_out_and_a_bad_one_is_named() {
            let sent = send(Request::new(
                "!r:example.org".parse().unwrap(),
                Direction::Forward,
            ));
            assert_eq!(sent.uri().query(), Some("dir=f"));
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert!(read.filter.is_empty());

            let bad = http::Request::get(
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/messages?dir=b&filter=%7Bnope",
            )
            .header("authorization", "Bearer t")
            .body(Vec::<u8>::new())
            .unwrap();
            let err = Request::try_from_http_request(bad, &[] as &[&str]).unwrap_err();
            assert!(
                err.to_string().starts_with("query parameter `filter`"),
                "{err}"
            );
            let no_dir = http::Request::get("/_matrix/client/v3/rooms/%21r%3Aexample.org/messages")
                .header("authorization", "Bearer t")
                .body(Vec::<u8>::new())
                .unwrap();
            let err = Request::try_from_http_request(no_dir, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("dir"), "{err}");
        }
    }
}
