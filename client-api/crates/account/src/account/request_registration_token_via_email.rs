//! `POST /_matrix/client/*/register/email/requestToken`: sends a token to an email address not yet
//! used on this server, to validate it during registration.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3registeremailrequesttoken>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::account::request_token::EmailValidation;
    use matrix_api::{metadata, request, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/register/email/requestToken",
            1.1 => "/_matrix/client/v3/register/email/requestToken",
        }
    };

    /// The request: the email address to validate.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The email address to validate, the client secret and the attempt number.
        #[serde(flatten)]
        pub validation: EmailValidation,
    }

    /// The response: the validation session, the same for every `…/requestToken` endpoint.
    pub use crate::account::request_token::TokenResponse as Response;

    impl Request {
        /// A request with these validation details.
        pub fn new(validation: EmailValidation) -> Self {
            Request { validation }
        }
    }
}
