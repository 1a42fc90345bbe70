//! `POST /_matrix/client/*/keys/device_signing/upload`: publish the user's cross-signing keys
//! (master, self-signing, user-signing).
//!
//! Replacing keys the server already has needs User-Interactive Authentication: the first call
//! is answered with
//! [`UiaaResponse::AuthResponse`](crate::uiaa::UiaaResponse::AuthResponse) and the stages to
//! complete. Since Matrix v1.11 (MSC3967) a first upload, or one repeating the stored keys,
//! needs none, and since v1.17 application services never do. Before v1.1 servers (and the clients of MSC1756)
//! used `/_matrix/client/unstable/keys/device_signing/upload`.
//!
//! The keys are signed objects, kept as the raw JSON the client wrote so the bytes their
//! signatures cover are the bytes sent; `Raw::deserialize` reads one into ruma-common's
//! [`CrossSigningKey`](ruma_common::encryption::CrossSigningKey).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3keysdevice_signingupload>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.1).

    use ruma_common::encryption::CrossSigningKey;
    use ruma_common::serde::Raw;

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/keys/device_signing/upload",
            1.1 => "/_matrix/client/v3/keys/device_signing/upload",
        }
    };

    /// The request: the keys to publish, and authentication once the server asks for it.
    #[request(error = UiaaResponse)]
    #[derive(Default)]
    pub struct Request {
        /// Authentication for the current stage; absent on the first call.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
        /// The master key.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub master_key: Option<Raw<CrossSigningKey>>,
        /// The self-signing key, signed by the master key sent with it or else by the one
        /// uploaded last.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_signing_key: Option<Raw<CrossSigningKey>>,
        /// The user-signing key, signed by the master key sent with it or else by the one
        /// uploaded last.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_signing_key: Option<Raw<CrossSigningKey>>,
    }

    /// The response: empty; the keys were stored.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request that publishes nothing yet; fill in the keys to upload.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            FromHttpResponseError, IncomingRequest, IncomingResponse, MatrixVersion,
            OutgoingRequest, SendAccessToken, SupportedVersions,
        };

        use super::{Request, Response};
        use crate::uiaa::UiaaResponse;

        const MASTER: &str =
            r#"{"user_id":"@a:x","usage":["master"],"keys":{"ed25519:pub":"pub"}}"#;

        #[test]
        fn keys_and_auth_round_trip_unchanged() {
            let body = format!(
                r#"{{"auth":{{"type":"m.login.password","session":"s","identifier":{{"type":"m.id.user","user":"a"}},"password":"p"}},"master_key":{MASTER}}}"#
            );
            let http = http::Request::post("/_matrix/client/v3/keys/device_signing/upload")
                .header("authorization", "Bearer t")
                .body(body.clone().into_bytes())
                .unwrap();
            let read = Request::try_from_http_request(http, &[] as &[&str]).unwrap();
            assert!(read.auth.is_some());
            assert_eq!(read.master_key.as_ref().unwrap().json().get(), MASTER);
            assert!(read.self_signing_key.is_none());
            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            let again: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
            let expected: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(again, expected);
        }

        #[test]
        fn servers_before_v1_1_get_the_unstable_path() {
            let sent = Request::new()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/unstable/keys/device_signing/upload"
            );
        }

        #[test]
        fn a_401_with_flows_asks_for_authentication() {
            let http = http::Response::builder()
                .status(401)
                .body(
                    br#"{"flows":[{"stages":["m.login.password"]}],"params":{},"session":"s"}"#
                        .to_vec(),
                )
                .unwrap();
            match Response::try_from_http_response(http) {
                Err(FromHttpResponseError::Server(UiaaResponse::AuthResponse(info))) => {
                    assert_eq!(info.session.as_deref(), Some("s"));
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
