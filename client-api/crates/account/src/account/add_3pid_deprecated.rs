//! `POST /_matrix/client/*/account/3pid`: adds contact information to the account, through an
//! identity server. Deprecated since r0.6.0 (MSC2290) in favour of `3pid/add` and `3pid/bind`.
//!
//! The endpoint once took a `bind` flag; the specification removed it, and the endpoint now
//! behaves as `3pid/bind` does. It has no name in ruma-client-api.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3account3pid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::fmt;

    use matrix_api::redact::Redacted;
    use ruma_common::{OwnedClientSecret, OwnedSessionId};
    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/3pid",
            1.0 => deprecated,
            1.1 => "/_matrix/client/v3/account/3pid",
        }
    };

    /// The request: the identity server's validation session.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The validation session to add.
        pub three_pid_creds: ThreePidCredentials,
    }

    /// The response: where to submit the validation token, if anywhere.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// Where the client submits the token the user received, as to the Identity Service
        /// API's `submitToken`; absent when the user validates without the client.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub submit_url: Option<String>,
    }

    /// A validation session with an identity server: `three_pid_creds`.
    #[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ThreePidCredentials {
        /// The client secret of the session.
        pub client_secret: OwnedClientSecret,
        /// The identity server (hostname, optionally with a port).
        pub id_server: String,
        /// An access token registered with the identity server.
        pub id_access_token: String,
        /// The session the identity server gave.
        pub sid: OwnedSessionId,
    }

    // The client secret and the identity server's token are credentials.
    impl fmt::Debug for ThreePidCredentials {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("ThreePidCredentials")
                .field("client_secret", &Redacted)
                .field("id_server", &self.id_server)
                .field("id_access_token", &Redacted)
                .field("sid", &self.sid)
                .finish()
        }
    }

    impl Request {
        /// A request adding this session's identifier.
        pub fn new(three_pid_creds: ThreePidCredentials) -> Self {
            Request { three_pid_creds }
        }
    }

    impl Response {
        /// A response without a submit URL.
        pub fn new() -> Self {
            Response::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{MatrixVersion, SupportedVersions, VersioningDecision};

        use super::Request;

        #[test]
        fn deprecated_since_r0_and_credentials_hidden() {
            let history = Request::METADATA.history;
            let v1_1 = SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
            assert_eq!(
                history.select_path(&v1_1),
                Ok("/_matrix/client/v3/account/3pid")
            );
            assert_eq!(
                history.versioning_decision(&v1_1),
                VersioningDecision::Stable { deprecated: true }
            );
            let body = serde_json::json!({ "three_pid_creds": {
                "id_server": "matrix.org",
                "id_access_token": "abc123_OpaqueString",
                "sid": "abc123987",
                "client_secret": "d0nt-T3ll",
            }});
            let creds = serde_json::from_value(body["three_pid_creds"].clone()).unwrap();
            let shown = format!("{:?}", Request::new(creds));
            assert!(
                !shown.contains("d0nt") && !shown.contains("Opaque"),
                "{shown}"
            );
        }
    }
}
