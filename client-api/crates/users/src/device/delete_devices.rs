//! `POST /_matrix/client/*/delete_devices`: delete several of the logged-in user's devices at
//! once, logging them out.
//!
//! Like deleting one device, the endpoint uses User-Interactive Authentication: the first call,
//! without [`auth`](v3::Request::auth), is answered with `401` and the stages to complete
//! ([`UiaaResponse`](crate::uiaa::UiaaResponse)). Devices that were already deleted are no
//! error.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3delete_devices>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedDeviceId;

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/delete_devices",
            1.1 => "/_matrix/client/v3/delete_devices",
        }
    };

    /// The request: the devices, and the User-Interactive Authentication data once the server
    /// asks for it.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The devices to delete.
        pub devices: Vec<OwnedDeviceId>,
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The response: empty on success.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A first request for these devices, without authentication data.
        pub fn new(devices: Vec<OwnedDeviceId>) -> Self {
            Request {
                devices,
                auth: None,
            }
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
        use matrix_api::{FromHttpResponseError, IncomingRequest, IncomingResponse};
        use matrix_api::{MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions};
        use serde_json::json;

        use super::{Request, Response};
        use crate::uiaa::{AuthData, UiaaResponse, UserIdentifier};

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        #[test]
        fn the_uia_round_asks_then_takes_a_password() {
            let devices = vec!["QBUAZIFURK".into(), "AUIECTSRND".into()];
            let first = send(Request::new(devices.clone()));
            assert_eq!(first.uri().path(), "/_matrix/client/v3/delete_devices");
            assert_eq!(first.body(), br#"{"devices":["QBUAZIFURK","AUIECTSRND"]}"#);

            let asked = matrix_api::http::Response::builder()
                .status(401)
                .body(
                    br#"{"flows":[{"stages":["m.login.password"]}],"params":{},"session":"xyz"}"#
                        .to_vec(),
                )
                .unwrap();
            let Err(FromHttpResponseError::Server(UiaaResponse::AuthResponse(info))) =
                Response::try_from_http_response(asked)
            else {
                panic!("a 401 with flows is the UIA answer");
            };
            assert_eq!(info.flows[0].stages, ["m.login.password"]);

            let mut again = Request::new(devices);
            again.auth = Some(AuthData::password(
                UserIdentifier::user("alice"),
                "secret",
                info.session,
            ));
            let second = send(again.clone());
            let body: serde_json::Value = serde_json::from_slice(second.body()).unwrap();
            assert_eq!(body["auth"]["type"], "m.login.password");
            assert_eq!(body["auth"]["session"], "xyz");
            assert_eq!(
                body["auth"]["identifier"],
                json!({ "type": "m.id.user", "user": "alice" })
            );
            let read = Request::try_from_http_request(second, &[] as &[&str]).unwrap();
            assert_eq!(read, again);
        }
    }
}
