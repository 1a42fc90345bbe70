//! `PUT /_matrix/client/*/rooms/{roomId}/state/{eventType}/{stateKey}`: set a piece of a room's
//! state.
//!
//! The body is the event's content, whatever its type; it replaces the state under the same
//! type and state key. The state key is often empty (for `m.room.name`, `m.room.topic`, …); a
//! server then also accepts the path without it. The path cannot carry a transaction ID, so a
//! retried request may send the event twice.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3roomsroomidstateeventtypestatekey>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        optional_last_segment: true,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/state/{event_type}/{state_key}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}",
        }
    };

    /// The request: where the state goes, and its content.
    #[request]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event type, such as `m.room.name`.
        #[api(path)]
        pub event_type: String,
        /// The state key; often empty.
        #[api(path)]
        pub state_key: String,
        /// The event's content, the whole body, kept as the client wrote it.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub content: Raw<JsonObject>,
    }

    /// The response: the new state event.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The event's ID.
        pub event_id: OwnedEventId,
    }

    impl Request {
        /// A request setting this content under this type and state key.
        pub fn new(
            room_id: OwnedRoomId,
            event_type: String,
            state_key: String,
            content: Raw<JsonObject>,
        ) -> Self {
            Request {
                room_id,
                event_type,
                state_key,
                content,
            }
        }
    }

    impl Response {
        /// The response with the event's ID.
        pub fn new(event_id: OwnedEventId) -> Self {
            Response { event_id }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::SupportedVersions;
    use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
    use ruma_common::serde::Raw;

    use super::v3::Request;

    fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
        request
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
            .unwrap()
    }

    #[test]
    fn the_content_is_the_body_verbatim() {
        let content =
            Raw::from_json_string(r#"{"name":"Pub","z":1.50,"a":[]}"#.to_owned()).unwrap();
        let request = Request::new(
            "!r:example.org".parse().unwrap(),
            "m.room.member".to_owned(),
            "@alice:example.com".to_owned(),
            content,
        );
        let sent = send(request);
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.member/%40alice%3Aexample.com"
        );
        assert_eq!(sent.body(), br#"{"name":"Pub","z":1.50,"a":[]}"#);
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read.state_key, "@alice:example.com");
        assert_eq!(
            read.content.json().get(),
            r#"{"name":"Pub","z":1.50,"a":[]}"#
        );
    }

    #[test]
    fn an_empty_state_key_leaves_its_segment_out_and_every_form_is_read() {
        let content = Raw::from_json_string(r#"{"name":"Pub"}"#.to_owned()).unwrap();
        let request = Request::new(
            "!r:example.org".parse().unwrap(),
            "m.room.name".to_owned(),
            String::new(),
            content,
        );
        let sent = send(request);
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name"
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(
            (read.event_type.as_str(), read.state_key.as_str()),
            ("m.room.name", "")
        );

        for (path, state_key) in [
            (
                "/_matrix/client/r0/rooms/%21r%3Aexample.org/state/m.room.name",
                "",
            ),
            (
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name/",
                "",
            ),
            (
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.member/%40a%3Ab",
                "@a:b",
            ),
        ] {
            let request = matrix_api::http::Request::put(path)
                .header("authorization", "Bearer t")
                .body(br#"{"name":"Pub"}"#.to_vec())
                .unwrap();
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(read.state_key, state_key, "{path}");
        }
        // A server routes the short forms too; the request is then read from the URI.
        let routes: Vec<&str> = Request::METADATA.server_paths().collect();
        assert!(routes.contains(&"/_matrix/client/v3/rooms/{room_id}/state/{event_type}"));
        assert!(routes.contains(&"/_matrix/client/v3/rooms/{room_id}/state/{event_type}/"));
    }
}
