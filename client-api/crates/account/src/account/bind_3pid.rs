//! `POST /_matrix/client/*/account/3pid/bind`: binds a validated third-party identifier to the
//! user's Matrix ID in an identity server, through the homeserver.
//!
//! The homeserver passes the identity server's errors on and remembers the binding so that it
//! can unbind it later.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3account3pidbind>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedClientSecret, OwnedSessionId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/3pid/bind",
            1.1 => "/_matrix/client/v3/account/3pid/bind",
        }
    };

    /// The request: the identity server's validation session and how to reach it.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The client secret of the validation session with the identity server.
        #[api(secret)]
        pub client_secret: OwnedClientSecret,
        /// The identity server (hostname, optionally with a port).
        pub id_server: String,
        /// An access token registered with the identity server.
        #[api(secret)]
        pub id_access_token: String,
        /// The validation session the identity server gave.
        pub sid: OwnedSessionId,
    }

    /// The response: it has no fields.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request binding the identifier of this session.
        pub fn new(
            client_secret: OwnedClientSecret,
            id_server: String,
            id_access_token: String,
            sid: OwnedSessionId,
        ) -> Self {
            Request {
                client_secret,
                id_server,
                id_access_token,
                sid,
            }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }
}
