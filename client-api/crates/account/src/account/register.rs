//! `POST /_matrix/client/*/register`: registers an account, and by default logs it in.
//!
//! Registering a `user` account goes through User-Interactive Authentication: the first call
//! is answered `401` with the stages the server asks for (a registration token, an email
//! address, terms, or `m.login.dummy` when it asks for nothing). A `guest` account needs none.
//! A taken or invalid name is answered `400` (`M_USER_IN_USE`, `M_INVALID_USERNAME`,
//! `M_EXCLUSIVE`) before any stage.
//!
//! An application service registers users in its namespace with its own access token and
//! `type: m.login.application_service` (see [`v3::Request::login_type`]), with
//! `inhibit_login` set since Matrix v1.17 where the server has no legacy login.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3register>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::{OwnedDeviceId, OwnedServerName, OwnedUserId};
    use serde::{Deserialize, Serialize};

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    // An application service registers its users with its `as_token`; everyone else sends no
    // token, hence "optional".
    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AppserviceTokenOptional,
        history: {
            1.0 => "/_matrix/client/r0/register",
            1.1 => "/_matrix/client/v3/register",
        }
    };

    /// The request: the kind of account, the name, the password and the device to log in.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// The kind of account: `user` (the default, which is not written) or `guest`.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub kind: RegistrationKind,
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete. It authenticates this call, not the account.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
        /// The basis for the localpart of the user ID; the server picks one when absent. The
        /// server may map it, so the user ID in the answer is the one to use.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub username: Option<String>,
        /// The account's password.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub password: Option<String>,
        /// The device to log in as; the server creates one when absent or unknown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
        /// The display name of a newly created device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub initial_device_display_name: Option<String>,
        /// Whether to skip logging in: no access token or device in the answer. `false` is
        /// not written.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub inhibit_login: bool,
        /// Whether the client supports refresh tokens (since Matrix v1.3). `false` is not
        /// written.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub refresh_token: bool,
        /// `m.login.application_service` when an application service registers a user, the
        /// only value the Application Service API defines; absent otherwise.
        #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
        pub login_type: Option<String>,
    }

    /// The response: the new account, and its session unless `inhibit_login` was set.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The registered user's ID.
        pub user_id: OwnedUserId,
        /// The access token of the new session; absent with `inhibit_login`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub access_token: Option<String>,
        /// A token for `POST /refresh`, when the client asked for one (since Matrix v1.3).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub refresh_token: Option<String>,
        /// How long the access token lives (`expires_in_ms`); `None`: it does not expire.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none",
            rename = "expires_in_ms"
        )]
        pub expires_in: Option<Duration>,
        /// The homeserver's name. Deprecated: clients take it from `user_id`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_server: Option<OwnedServerName>,
        /// The logged-in device: the requested one, or one the server created; absent with
        /// `inhibit_login`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
    }

    /// The kind of account to register (`kind`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum RegistrationKind {
        /// A full account.
        #[default]
        User,
        /// A guest account, which servers may limit or refuse.
        Guest,
    }

    impl Request {
        /// A first request for a `user` account, with no name, password or UIA data.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// A response for this user, without a session.
        pub fn new(user_id: OwnedUserId) -> Self {
            Response {
                user_id,
                access_token: None,
                refresh_token: None,
                expires_in: None,
                home_server: None,
                device_id: None,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{RegistrationKind, Request};
        use crate::uiaa::AuthData;

        fn send(request: Request) -> http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::None,
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        #[test]
        fn kind_is_a_query_parameter_left_out_for_users() {
            let user = send(Request {
                username: Some("cheeky_monkey".to_owned()),
                password: Some("ilovebananas".to_owned()),
                auth: Some(AuthData::dummy(Some("sess".to_owned()))),
                ..Request::new()
            });
            assert_eq!(user.uri(), "https://hs/_matrix/client/v3/register");
            let body: serde_json::Value = serde_json::from_slice(user.body()).unwrap();
            assert_eq!(
                body,
                serde_json::json!({
                    "auth": { "type": "m.login.dummy", "session": "sess" },
                    "username": "cheeky_monkey",
                    "password": "ilovebananas",
                })
            );
            let guest = send(Request {
                kind: RegistrationKind::Guest,
                ..Request::new()
            });
            assert_eq!(guest.uri().query(), Some("kind=guest"));
            let read = Request::try_from_http_request(guest, &[] as &[&str]).unwrap();
            assert_eq!(read.kind, RegistrationKind::Guest);
        }

        #[test]
        fn an_unknown_kind_is_refused_and_secrets_are_hidden() {
            let odd = http::Request::post("/_matrix/client/v3/register?kind=admin")
                .body(b"{}".to_vec())
                .unwrap();
            let err = Request::try_from_http_request(odd, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("kind"), "{err}");
            let request = Request {
                password: Some("ilovebananas".to_owned()),
                ..Request::new()
            };
            assert!(!format!("{request:?}").contains("bananas"));
        }
    }
}
