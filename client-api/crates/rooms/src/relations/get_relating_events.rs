//! `GET /_matrix/client/*/rooms/{roomId}/relations/{eventId}`: the events that relate to an
//! event, newest first.
//!
//! Pagination goes from `from` towards `to`, in the direction `dir`; `recurse` (since Matrix
//! v1.10) adds events that relate to the event only through other relations. Before Matrix
//! v1.3 servers served it under `/_matrix/client/unstable/`, with no feature flag.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1roomsroomidrelationseventid>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.3).

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};
    use matrix_client_api_common::Direction;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/rooms/{room_id}/relations/{event_id}",
            1.3 => "/_matrix/client/v1/rooms/{room_id}/relations/{event_id}",
        }
    };

    /// The request: the parent event, and where to paginate.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room of the parent event.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The parent event.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// Where to start: a `next_batch` or `prev_batch` of an earlier page, a `start` of
        /// `/messages` or a `next_batch` of `/sync`; absent, the newest event.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// Where to stop, a token of the same kinds; absent, at `limit` or the end.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to: Option<String>,
        /// The most events of one page; the server applies its own default and maximum.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Which way to paginate (since Matrix v1.4); backwards, the default, is not sent.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub dir: Direction,
        /// Whether to include events that relate only indirectly (since Matrix v1.10);
        /// `false`, the default, is not sent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub recurse: bool,
    }

    /// The response of the three relation endpoints: one page of child events.
    #[response]
    pub struct Response {
        /// The child events, most recent first; possibly none.
        pub chunk: Vec<Raw<JsonObject>>,
        /// The token for the next page; absent at the end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
        /// The token for the page before; absent on the first page.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev_batch: Option<String>,
        /// How deep the server recursed; present exactly when the request had `recurse`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub recursion_depth: Option<UInt>,
    }

    impl Request {
        /// The first page of events relating to this event, with the server's defaults.
        pub fn new(room_id: OwnedRoomId, event_id: OwnedEventId) -> Self {
            Request {
                room_id,
                event_id,
                from: None,
                to: None,
                limit: None,
                dir: Direction::Backward,
                recurse: false,
            }
        }
    }

    impl Response {
        /// The last page, with these events.
        pub fn new(chunk: Vec<Raw<JsonObject>>) -> Self {
            Response {
                chunk,
                next_batch: None,
                prev_batch: None,
                recursion_depth: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::uint;
    use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

    use super::v1::Request;
    use matrix_client_api_common::Direction;

    #[test]
    fn defaults_are_not_sent_and_the_others_are() {
        let request = Request::new("!r:example.org".parse().unwrap(), "$e".parse().unwrap());
        let old = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_parts(
                    &["r0.6.1"],
                    &std::collections::BTreeMap::<String, bool>::new(),
                ),
            )
            .unwrap();
        assert_eq!(
            old.uri().path_and_query().unwrap(),
            "/_matrix/client/unstable/rooms/%21r%3Aexample.org/relations/%24e"
        );
        let mut request = request;
        request.from = Some("page2_token".to_owned());
        request.limit = Some(uint!(20));
        request.dir = Direction::Forward;
        request.recurse = true;
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_10]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/client/v1/rooms/%21r%3Aexample.org/relations/%24e?from=page2_token&limit=20&dir=f&recurse=true"
        );
        assert_eq!(
            Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
            request
        );
    }
}
