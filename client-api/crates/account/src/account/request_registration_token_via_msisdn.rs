//! `POST /_matrix/client/*/register/msisdn/requestToken`: sends a token by SMS to a phone number
//! not yet used on this server, to validate it during registration.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3registermsisdnrequesttoken>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::account::request_token::MsisdnValidation;
    use matrix_api::{metadata, request, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/register/msisdn/requestToken",
            1.1 => "/_matrix/client/v3/register/msisdn/requestToken",
        }
    };

    /// The request: the phone number to validate.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The phone number to validate, the client secret and the attempt number.
        #[serde(flatten)]
        pub validation: MsisdnValidation,
    }

    /// The response: the validation session, the same for every `…/requestToken` endpoint.
    pub use crate::account::request_token::TokenResponse as Response;

    impl Request {
        /// A request with these validation details.
        pub fn new(validation: MsisdnValidation) -> Self {
            Request { validation }
        }
    }
}
