//! `GET /_matrix/client/*/pushers`: the user's pushers.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushers>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::Pusher;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushers",
            1.1 => "/_matrix/client/v3/pushers",
        }
    };

    /// The request: nothing but the access token.
    #[request]
    #[derive(Default)]
    pub struct Request {}

    /// The response: the pushers.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// Every active pusher of the user; an absent list reads as empty.
        #[serde(default)]
        pub pushers: Vec<Pusher>,
    }

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these pushers.
        pub fn new(pushers: Vec<Pusher>) -> Self {
            Response { pushers }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::IncomingResponse;

        use super::Response;
        use crate::push::{PushFormat, PusherKind};

        #[test]
        fn pusher_data_keeps_the_gateways_fields() {
            let body = br#"{"pushers":[{"pushkey":"k","kind":"http","app_id":"a","app_display_name":"A","device_display_name":"D","lang":"en","data":{"url":"https://gw/_matrix/push/v1/notify","format":"event_id_only","org.example.badge":1}}]}"#;
            let answer = http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            let pusher = &read.pushers[0];
            assert_eq!(pusher.kind, PusherKind::Http);
            assert_eq!(pusher.data.format, Some(PushFormat::EventIdOnly));
            assert_eq!(pusher.data.other["org.example.badge"], 1);
            let written = serde_json::to_vec(&read.pushers).unwrap();
            let expected = &body[br#"{"pushers":"#.len()..body.len() - 1];
            assert_eq!(written, expected);
        }
    }
}
