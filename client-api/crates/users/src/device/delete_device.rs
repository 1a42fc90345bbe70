//! `DELETE /_matrix/client/*/devices/{deviceId}`: delete one of the logged-in user's devices,
//! logging it out.
//!
//! The endpoint uses User-Interactive Authentication: the first call, without
//! [`auth`](v3::Request::auth), is answered with `401` and the stages to complete
//! ([`UiaaResponse`](crate::uiaa::UiaaResponse)); the client calls again with the
//! authentication data of a stage. Since Matrix v1.17 an application service needs none. A
//! device that was already deleted is answered with success.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3devicesdeviceid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedDeviceId;

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/devices/{device_id}",
            1.1 => "/_matrix/client/v3/devices/{device_id}",
        }
    };

    /// The request: which device, and the User-Interactive Authentication data once the server
    /// asks for it.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The device to delete.
        #[api(path)]
        pub device_id: OwnedDeviceId,
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
        /// A first request, without authentication data.
        pub fn new(device_id: OwnedDeviceId) -> Self {
            Request {
                device_id,
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
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;
        use crate::uiaa::AuthData;

        #[test]
        fn the_first_call_sends_an_empty_object_and_the_next_the_stage() {
            let send = |request: Request| {
                request
                    .try_into_http_request(
                        "https://hs",
                        SendAccessToken::IfRequired("t"),
                        &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                    )
                    .unwrap()
            };
            let first = send(Request::new("QBUAZIFURK".into()));
            assert_eq!(first.method(), "DELETE");
            assert_eq!(first.uri().path(), "/_matrix/client/r0/devices/QBUAZIFURK");
            assert_eq!(first.body(), b"{}");

            let mut again = Request::new("QBUAZIFURK".into());
            again.auth = Some(AuthData::dummy(Some("xyz".to_owned())));
            let second = send(again.clone());
            assert_eq!(
                second.body(),
                br#"{"auth":{"type":"m.login.dummy","session":"xyz"}}"#
            );
            assert_eq!(
                Request::try_from_http_request(second, &[] as &[&str]).unwrap(),
                again
            );
        }
    }
}
