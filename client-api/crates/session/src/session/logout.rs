//! `POST /_matrix/client/*/logout`: invalidate the access token used for the request.
//!
//! After it, the access token of the request stops working and its device is deleted, with the
//! device's keys. The request has no body at all (the specification declares none), and the
//! response is an empty object.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3logout>

pub mod v3 {
    //! The v3 generation of the endpoint (and its r0 predecessor).

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/logout",
            1.1 => "/_matrix/client/v3/logout",
        }
    };

    /// The request: the access token says whose session ends.
    #[request(body = none)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
