//! `GET /_matrix/client/*/voip/turnServer`: credentials for the homeserver's TURN servers, for
//! relaying a call's media when the peers cannot reach each other directly.
//!
//! The credentials are short-lived: ask again before `ttl` runs out. A server with no TURN
//! server configured answers with an empty object (Synapse), which does not read as this
//! response: a client should treat that error as "no TURN server".
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3voipturnserver>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/voip/turnServer",
            1.1 => "/_matrix/client/v3/voip/turnServer",
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the TURN credentials and where to use them.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The TURN username.
        pub username: String,
        /// The TURN password.
        #[api(secret)]
        pub password: String,
        /// The TURN servers, as `turn:` or `turns:` URIs.
        pub uris: Vec<String>,
        /// How long the credentials stay valid (`ttl`, in whole seconds).
        #[serde(with = "ruma_common::serde::duration::secs")]
        pub ttl: Duration,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these credentials, servers and lifetime.
        pub fn new(username: String, password: String, uris: Vec<String>, ttl: Duration) -> Self {
            Response {
                username,
                password,
                uris,
                ttl,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::time::Duration;

        use matrix_api::{IncomingResponse, OutgoingResponse};

        use super::Response;

        #[test]
        fn ttl_is_seconds_and_the_password_is_not_shown() {
            let body = br#"{"username":"1443779631:@user:example.com","password":"JlKfBy1QwLrO20385QyAtEyIv0=","uris":["turn:turn.example.com:3478?transport=udp","turns:10.20.30.40:443?transport=tcp"],"ttl":86400}"#;
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            assert_eq!(response.ttl, Duration::from_secs(86400));
            let shown = format!("{response:?}");
            assert!(!shown.contains("JlKfBy1Q"), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
            let again = response.try_into_http_response().unwrap();
            assert_eq!(again.body().as_slice(), body.as_slice());

            // What Synapse answers without a TURN server names what is missing.
            let empty = matrix_api::http::Response::builder()
                .status(200)
                .body(b"{}".to_vec())
                .unwrap();
            let err = Response::try_from_http_response(empty).unwrap_err();
            assert!(err.to_string().contains("username"), "{err}");
        }
    }
}
