//! `GET /_matrix/client/*/register/available`: whether a username is free and valid on this
//! server.
//!
//! A taken, invalid or reserved name is answered with `400` (`M_USER_IN_USE`,
//! `M_INVALID_USERNAME`, `M_EXCLUSIVE`), not with `available: false`. The check does not
//! reserve the name: registration may still find it taken.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3registeravailable>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/register/available",
            1.1 => "/_matrix/client/v3/register/available",
        }
    };

    /// The request: the username to check.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The username (the localpart a registration would ask for).
        #[api(query)]
        pub username: String,
    }

    /// The response: the name is available.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Always `true` in a success, as the specification says; absent is read as `true`,
        /// since a name that is not available is answered with an error.
        #[serde(default = "ruma_common::serde::default_true")]
        pub available: bool,
    }

    impl Request {
        /// A request for this username.
        pub fn new(username: String) -> Self {
            Request { username }
        }
    }

    impl Response {
        /// A response saying whether the name is available.
        pub fn new(available: bool) -> Self {
            Response { available }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{Request, Response};

        #[test]
        fn username_is_a_query_parameter_and_absent_available_is_true() {
            let sent = Request::new("alice bob".to_owned())
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::None,
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri(),
                "https://hs/_matrix/client/v3/register/available?username=alice+bob"
            );
            let answer = http::Response::builder()
                .status(200)
                .body(b"{}".to_vec())
                .unwrap();
            assert!(Response::try_from_http_response(answer).unwrap().available);
        }
    }
}
