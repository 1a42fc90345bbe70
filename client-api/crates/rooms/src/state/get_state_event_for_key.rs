//! `GET /_matrix/client/*/rooms/{roomId}/state/{eventType}/{stateKey}`: one piece of a room's
//! state.
//!
//! By default the answer is the state event's content only; with `format=event` (since Matrix
//! v1.16) it is the whole event, with its ID, sender and timestamp. Either way it is kept as
//! raw JSON. The state key is often empty; a server then also accepts the path without it. No
//! such state is `404 M_NOT_FOUND`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidstateeventtypestatekey>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        optional_last_segment: true,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/state/{event_type}/{state_key}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}",
        }
    };

    /// The request: which state, and in which form.
    #[request]
    #[derive(PartialEq, Eq)]
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
        /// What to answer with; absent means [`StateEventFormat::Content`]. Servers before
        /// Matrix v1.16 ignore it and answer with the content.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub format: Option<StateEventFormat>,
    }

    /// The response: the content, or the whole event with `format=event`.
    #[response]
    pub struct Response {
        /// The JSON object the server answered, the whole body.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub event_or_content: Raw<JsonObject>,
    }

    string_enum! {
        /// The form of the answer of `GET …/state/{eventType}/{stateKey}`.
        pub enum StateEventFormat {
            /// The event's content only.
            Content => "content",
            /// The whole event in the client format.
            Event => "event",
        }
    }

    impl Request {
        /// A request for the content of this state.
        pub fn new(room_id: OwnedRoomId, event_type: String, state_key: String) -> Self {
            Request {
                room_id,
                event_type,
                state_key,
                format: None,
            }
        }
    }

    impl Response {
        /// The response with this content or event.
        pub fn new(event_or_content: Raw<JsonObject>) -> Self {
            Response { event_or_content }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest};
    use matrix_api::{OutgoingResponse, SendAccessToken, SupportedVersions};

    use super::v3::{Request, Response, StateEventFormat};

    #[test]
    fn format_is_a_query_parameter_and_the_answer_is_kept_whole() {
        let mut request = Request::new(
            "!r:example.org".parse().unwrap(),
            "m.room.name".to_owned(),
            "k".to_owned(),
        );
        request.format = Some(StateEventFormat::Event);
        let sent = request
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_16]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name/k?format=event"
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read.format, Some(StateEventFormat::Event));

        let event =
            r#"{"type":"m.room.name","state_key":"","content":{"name":"x"},"event_id":"$e"}"#;
        let answer = matrix_api::http::Response::builder()
            .status(200)
            .body(event.as_bytes().to_vec())
            .unwrap();
        let response = Response::try_from_http_response(answer).unwrap();
        let again = response.try_into_http_response().unwrap();
        assert_eq!(again.body(), event.as_bytes());
    }

    #[test]
    fn an_empty_state_key_leaves_its_segment_out_and_every_form_is_read() {
        let request = Request::new(
            "!r:example.org".parse().unwrap(),
            "m.room.name".to_owned(),
            String::new(),
        );
        let sent = request
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/r0/rooms/%21r%3Aexample.org/state/m.room.name"
        );
        for path in [
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name",
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name/",
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name/?format=content",
        ] {
            let request = matrix_api::http::Request::get(path)
                .header("authorization", "Bearer t")
                .body(Vec::new())
                .unwrap();
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(
                (read.event_type.as_str(), read.state_key.as_str()),
                ("m.room.name", "")
            );
        }
        let keyed = matrix_api::http::Request::get(
            "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.member/%40a%3Ab",
        )
        .header("authorization", "Bearer t")
        .body(Vec::new())
        .unwrap();
        let read = Request::try_from_http_request(keyed, &[] as &[&str]).unwrap();
        assert_eq!(read.state_key, "@a:b");
    }
}
