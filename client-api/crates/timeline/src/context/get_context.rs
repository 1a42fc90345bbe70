//! `GET /_matrix/client/*/rooms/{roomId}/context/{eventId}`: an event with the events just
//! before and after it and the room's state, for jumping to an event (a search result, a
//! reply) and paginating from there with `/messages`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidcontexteventid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use crate::filter::RoomEventFilter;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/context/{event_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/context/{event_id}",
        }
    };

    /// The request: the event, how many events around it, and which.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event to get the context of.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// The largest number of events before and after it together (the server's default
        /// is 10); the event itself is always returned.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// Which events to return around it, sent as JSON text; left out when it restricts
        /// nothing.
        #[api(query, json = string)]
        #[serde(
            with = "ruma_common::serde::json_string",
            default,
            skip_serializing_if = "RoomEventFilter::is_empty"
        )]
        pub filter: RoomEventFilter,
    }

    /// The response: the event and its surroundings.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// A token to paginate backwards from with `/messages`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        /// A token to paginate forwards from with `/messages`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        /// The events just before it, newest first.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub events_before: Vec<Raw<JsonObject>>,
        /// The event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub event: Option<Raw<JsonObject>>,
        /// The events just after it, oldest first.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub events_after: Vec<Raw<JsonObject>>,
        /// The room's state at the last event returned.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub state: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for the context of this event, with the server's defaults.
        pub fn new(room_id: OwnedRoomId, event_id: OwnedEventId) -> Self {
            Request {
                room_id,
                event_id,
                limit: None,
                filter: RoomEventFilter::default(),
            }
        }
    }

    impl Response {
        /// An empty response.
        pub fn new() -> Self {
            Self::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        #[test]
        fn the_filter_is_json_in_the_query() {
            let mut request = Request::new(
                "!r:example.org".parse().unwrap(),
                "$e:example.org".parse().unwrap(),
            );
            request.limit = Some(3u32.into());
            request.filter.lazy_load_members = true;
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/context/%24e%3Aexample.org\
                 ?limit=3&filter=%7B%22lazy_load_members%22%3Atrue%7D"
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
        }
    }
}
