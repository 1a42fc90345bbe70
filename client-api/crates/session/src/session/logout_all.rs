//! `POST /_matrix/client/*/logout/all`: invalidate every access token of the user.
//!
//! After it, every access token of the user stops working, including the one used for the
//! request, and all the user's devices are deleted. The request has no body at all (the
//! specification declares none), and the response is an empty object.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3logoutall>

pub mod v3 {
    //! The v3 generation of the endpoint (and its r0 predecessor).

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/logout/all",
            1.1 => "/_matrix/client/v3/logout/all",
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
