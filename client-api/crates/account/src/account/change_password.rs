//! `POST /_matrix/client/*/account/password`: changes the account's password.
//!
//! Protected by User-Interactive Authentication: the first call is answered `401` with the
//! stages to complete (a logged-in user typically confirms the old password; a user who forgot
//! it proves ownership of an email address or phone number, with no access token). Servers
//! announce whether users may change their password with the `m.change_password` capability.
//! The access token of the request stays valid; the user's other devices are logged out unless
//! `logout_devices` is `false`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3accountpassword>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessTokenOptional,
        history: {
            1.0 => "/_matrix/client/r0/account/password",
            1.1 => "/_matrix/client/v3/account/password",
        }
    };

    /// The request: the new password, and UIA data.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The new password.
        #[api(secret)]
        pub new_password: String,
        /// Whether to log out the user's other devices (default `true`, which is not written).
        #[serde(
            default = "ruma_common::serde::default_true",
            skip_serializing_if = "ruma_common::serde::is_true"
        )]
        pub logout_devices: bool,
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The response: it has no fields.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A first request for this password, logging out the other devices.
        pub fn new(new_password: String) -> Self {
            Request {
                new_password,
                logout_devices: true,
                auth: None,
            }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;
        use crate::uiaa::AuthData;

        #[test]
        fn logout_devices_defaults_to_true_and_the_password_is_hidden() {
            let mut request = Request::new("ihatebananas".to_owned());
            assert!(!format!("{request:?}").contains("bananas"));
            request.logout_devices = false;
            request.auth = Some(AuthData::dummy(Some("s".to_owned())));
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::None,
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
            assert_eq!(
                body,
                serde_json::json!({
                    "new_password": "ihatebananas",
                    "logout_devices": false,
                    "auth": { "type": "m.login.dummy", "session": "s" },
                })
            );
            let forgot = http::Request::post("/_matrix/client/v3/account/password")
                .body(br#"{"new_password":"x"}"#.to_vec())
                .unwrap();
            let read = Request::try_from_http_request(forgot, &[] as &[&str]).unwrap();
            assert!(read.logout_devices);
        }
    }
}
