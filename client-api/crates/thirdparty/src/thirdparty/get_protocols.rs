//! `GET /_matrix/client/*/thirdparty/protocols`: every third-party protocol the homeserver's
//! application services bridge, with what a client needs to search each.
//!
//! A protocol whose application services do not answer is left out, so the map may be empty
//! even on a server that registered bridges (Synapse 1.163 fails with `500 M_UNKNOWN` instead
//! when a bridge of the protocol has no URL at all).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartyprotocols>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use crate::thirdparty::Protocol;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/protocols",
            1.1 => "/_matrix/client/v3/thirdparty/protocols",
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: each protocol by name.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The protocols, by name (such as `irc`): the whole body.
        #[api(body)]
        pub protocols: BTreeMap<String, Protocol>,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these protocols.
        pub fn new(protocols: BTreeMap<String, Protocol>) -> Self {
            Response { protocols }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingResponse};

        use super::Response;

        #[test]
        fn the_body_is_the_map_of_protocols() {
            let body = br#"{"irc":{"user_fields":["network","nickname"],"location_fields":["network","channel"],"icon":"mxc://example.org/aBcDeFgH","field_types":{"network":{"regexp":"([a-z0-9]+\\.)*[a-z0-9]+","placeholder":"irc.example.org"}},"instances":[{"desc":"Freenode","icon":"mxc://example.org/JkLmNoPq","fields":{"network":"freenode.net"},"network_id":"freenode","instance_id":"irc-freenode"}]}}"#;
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            let irc = &response.protocols["irc"];
            assert_eq!(irc.field_types["network"].placeholder, "irc.example.org");
            assert_eq!(irc.instances[0].network_id, "freenode");
            let again = response.try_into_http_response().unwrap();
            assert_eq!(again.body().as_slice(), body.as_slice());

            let none = matrix_api::http::Response::builder()
                .status(200)
                .body(b"{}".to_vec())
                .unwrap();
            assert!(Response::try_from_http_response(none)
                .unwrap()
                .protocols
                .is_empty());
        }
    }
}
