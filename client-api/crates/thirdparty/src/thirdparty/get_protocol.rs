//! `GET /_matrix/client/*/thirdparty/protocol/{protocol}`: what a client needs to search one
//! third-party protocol.
//!
//! The server answers `404 M_NOT_FOUND` for a protocol no application service bridges (or
//! whose application services do not answer). Synapse's `404` has only an `error` message, no
//! `errcode`: [`MatrixError`](matrix_api::error::MatrixError) keeps such a body as JSON, so
//! check the status rather than the error kind.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartyprotocolprotocol>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::thirdparty::Protocol;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/protocol/{protocol}",
            1.1 => "/_matrix/client/v3/thirdparty/protocol/{protocol}",
        }
    };

    /// The request: the protocol's name.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The protocol, such as `irc`.
        #[api(path)]
        pub protocol: String,
    }

    /// The response: the protocol's metadata.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The protocol: the whole body.
        #[api(body)]
        pub protocol: Protocol,
    }

    impl Request {
        /// A request for this protocol.
        pub fn new(protocol: String) -> Self {
            Request { protocol }
        }
    }

    impl Response {
        /// A response with this protocol.
        pub fn new(protocol: Protocol) -> Self {
            Response { protocol }
        }
    }
}
