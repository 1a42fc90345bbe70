//! `POST /_matrix/client/*/account/3pid/add`: adds a third-party identifier the homeserver
//! validated (with a `…/requestToken` endpoint) to the user's account.
//!
//! Protected by User-Interactive Authentication: the first call is answered `401` with the
//! stages to complete. Servers announce whether users may change their identifiers with the
//! `m.3pid_changes` capability.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3account3pidadd>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedClientSecret, OwnedSessionId};

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/3pid/add",
            1.1 => "/_matrix/client/v3/account/3pid/add",
        }
    };

    /// The request: the validation session of the identifier, and UIA data.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
        /// The client secret of the validation session with the homeserver.
        #[api(secret)]
        pub client_secret: OwnedClientSecret,
        /// The validation session the homeserver gave.
        pub sid: OwnedSessionId,
    }

    /// The response: it has no fields.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A first request for this session, without authentication data.
        pub fn new(client_secret: OwnedClientSecret, sid: OwnedSessionId) -> Self {
            Request {
                auth: None,
                client_secret,
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
