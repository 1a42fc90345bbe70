//! `GET /_matrix/client/*/rooms/{roomId}/timestamp_to_event`: the event closest to a moment,
//! looking forwards or backwards from it.
//!
//! A client jumping to a date asks for the ID of the nearest event, then reads around it with
//! `/context`. A server that lacks that part of the history may ask other servers over
//! federation; when nothing is close enough it answers `404 M_NOT_FOUND`. Synapse served the
//! endpoint under MSC3030's unstable prefix, announced as `org.matrix.msc3030`, before Matrix
//! v1.6.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1roomsroomidtimestamp_to_event>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.6).

    use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};
    use matrix_client_api_common::Direction;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3030") => "/_matrix/client/unstable/org.matrix.msc3030/rooms/{room_id}/timestamp_to_event",
            1.6 => "/_matrix/client/v1/rooms/{room_id}/timestamp_to_event",
        }
    };

    /// The request: the room, the moment and which way to look.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to search.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The moment to search from, in milliseconds since the Unix epoch.
        #[api(query)]
        pub ts: MilliSecondsSinceUnixEpoch,
        /// Whether to look for the first event after the moment (`f`) or the last one
        /// before it (`b`).
        #[api(query, json = string)]
        pub dir: Direction,
    }

    /// The response: the event found, and its time.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The event's ID.
        pub event_id: OwnedEventId,
        /// The event's `origin_server_ts`, so the client can tell whether it is too far away
        /// to be useful.
        pub origin_server_ts: MilliSecondsSinceUnixEpoch,
    }

    impl Request {
        /// A request for the event nearest to `ts` in direction `dir`.
        pub fn new(room_id: OwnedRoomId, ts: MilliSecondsSinceUnixEpoch, dir: Direction) -> Self {
            Request { room_id, ts, dir }
        }
    }

    impl Response {
        /// The response naming this event.
        pub fn new(event_id: OwnedEventId, origin_server_ts: MilliSecondsSinceUnixEpoch) -> Self {
            Response {
                event_id,
                origin_server_ts,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::UInt;
    use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
    use ruma_common::MilliSecondsSinceUnixEpoch;

    use super::v1::Request;
    use matrix_client_api_common::Direction;

    #[test]
    fn the_moment_and_direction_are_query_parameters() {
        let request = Request::new(
            "!r:example.org".parse().unwrap(),
            MilliSecondsSinceUnixEpoch(UInt::new(1432684800000).unwrap()),
            Direction::Forward,
        );
        let features = std::collections::BTreeMap::from([("org.matrix.msc3030", true)]);
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_parts(&["v1.5"], &features),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/client/unstable/org.matrix.msc3030/rooms/%21r%3Aexample.org/timestamp_to_event?ts=1432684800000&dir=f"
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);

        let sideways = matrix_api::http::Request::get(
            "/_matrix/client/v1/rooms/%21r%3Aexample.org/timestamp_to_event?ts=1&dir=sideways",
        )
        .header("authorization", "Bearer t")
        .body(Vec::new())
        .unwrap();
        let err = Request::try_from_http_request(sideways, &[] as &[&str]).unwrap_err();
        assert!(err.to_string().contains("`dir`"), "{err}");
    }
}
